import { describe, expect, it } from 'vitest';
import { duration } from './durations';
import { DEFAULT_TRADEOFF_SETTINGS, validateTradeoffSettings } from './settings';
import { validateAttackAngle, validateTradeoffInputs } from './validate';

describe('validateTradeoffSettings', () => {
  it('accepts the defaults a new project starts with', () => {
    expect(validateTradeoffSettings(DEFAULT_TRADEOFF_SETTINGS)).toEqual([]);
  });

  it('names every quality outside the metric range, and a ceiling of 0', () => {
    const issues = validateTradeoffSettings({
      ...DEFAULT_TRADEOFF_SETTINGS,
      maxQuality: 100,
      targetQuality: 101,
      ceilingOverride: 0,
      value: { ...DEFAULT_TRADEOFF_SETTINGS.value, baselineQuality: -1 },
    });
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
      ['targetQuality', 'out_of_range'],
      ['value.baselineQuality', 'out_of_range'],
      ['ceilingOverride', 'not_positive'],
    ]);
    expect(issues[0]?.message).toBe("targetQuality: must lie in the metric's range [0, 100]");
  });
});

describe('validateAttackAngle', () => {
  const angle = {
    id: 'a',
    name: 'Baseline',
    effort: { low: duration(1, 'day'), likely: duration(2, 'day'), high: duration(3, 'day') },
    quality: { low: 0.5, likely: 0.9, high: 1.2 },
  };

  it("names the angle's own fields, and the list's paths when prefixed", () => {
    expect(validateAttackAngle(angle, { min: 0, max: 1 }).map((issue) => issue.path)).toEqual([
      'quality.high',
    ]);
    expect(validateTradeoffInputs([angle, angle], [], { min: 0, max: 1 }).map((issue) => issue.path)).toEqual(
      ['angles.0.quality.high', 'angles.1.quality.high'],
    );
  });
});
