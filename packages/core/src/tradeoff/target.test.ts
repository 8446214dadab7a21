import { describe, expect, it } from 'vitest';
import { describeTarget, resolveTarget } from './target';

describe('resolveTarget', () => {
  it("takes the Tradeoff override over the worksheet's answer, keeping the answer beside it", () => {
    expect(resolveTarget({ override: 0.65, worksheetShare: 0.8, maxQuality: 1 })).toEqual({
      value: 0.65,
      source: 'tradeoff',
      worksheetValue: 0.8,
    });
  });

  it("is the worksheet's answer without an override, on the metric's scale, and null without either", () => {
    expect(resolveTarget({ override: null, worksheetShare: 0.85, maxQuality: 100 })).toEqual({
      value: 85,
      source: 'worksheet',
      worksheetValue: 85,
    });
    expect(resolveTarget({ override: null, worksheetShare: null, maxQuality: 1 })).toEqual({
      value: null,
      source: null,
      worksheetValue: null,
    });
  });
});

describe('describeTarget', () => {
  it('names an override and what the worksheet says, at the precision of the scale', () => {
    const target = resolveTarget({ override: 0.65, worksheetShare: 0.8, maxQuality: 1 });
    expect(describeTarget(target, 1)).toBe('0.650, set on Tradeoff; the worksheet says 0.800');
    const percent = resolveTarget({ override: 65, worksheetShare: 0.8, maxQuality: 100 });
    expect(describeTarget(percent, 100)).toBe('65.0, set on Tradeoff; the worksheet says 80.0');
  });

  it("prints the worksheet's target plainly, an override alone without a worksheet clause, and null without one", () => {
    expect(describeTarget(resolveTarget({ override: null, worksheetShare: 0.8, maxQuality: 1 }), 1)).toBe(
      '0.800',
    );
    expect(describeTarget(resolveTarget({ override: 0.7, worksheetShare: null, maxQuality: 1 }), 1)).toBe(
      '0.700, set on Tradeoff',
    );
    expect(
      describeTarget(resolveTarget({ override: null, worksheetShare: null, maxQuality: 1 }), 1),
    ).toBeNull();
  });
});
