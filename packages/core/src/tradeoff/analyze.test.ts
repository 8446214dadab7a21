import { describe, expect, it } from 'vitest';
import { analyzeTradeoff, summarizeTradeoff } from './analyze';
import { resolveTradeoffInputs, type TradeoffComputationSettings } from './inputs';
import { computationSettings, storedSeedAngles } from './test-support';

const settings: TradeoffComputationSettings = computationSettings({ workStartedOn: '2025-01-01' });
const angles = storedSeedAngles();

function resolve(
  overrides: Partial<TradeoffComputationSettings>,
  extra: { ceiling?: number; worksheet?: number } = {},
) {
  return resolveTradeoffInputs({
    angles,
    measured: [
      { id: 'm1', effort: null, measuredOn: '2025-01-15', quality: 0.8, label: '' },
      { id: 'm2', effort: null, measuredOn: '2024-12-01', quality: 0.7, label: '' },
    ],
    settings: { ...settings, ...overrides },
    referenceCeiling: extra.ceiling ?? null,
    worksheetTarget: extra.worksheet ?? null,
    fallbackStart: '2024-06-01',
  });
}

describe('resolveTradeoffInputs', () => {
  it('takes the target from the settings, else the worksheet, and the ceiling from the override, else the sample', () => {
    expect(resolve({}, { worksheet: 0.8, ceiling: 0.9 })).toMatchObject({
      target: 0.8,
      targetSource: 'worksheet',
      ceiling: 0.9,
      ceilingSource: 'reference-sample',
    });
    expect(
      resolve({ targetQuality: 0.85, ceilingOverride: 0.95 }, { worksheet: 0.8, ceiling: 0.9 }),
    ).toMatchObject({
      target: 0.85,
      targetSource: 'tradeoff',
      ceiling: 0.95,
      ceilingSource: 'override',
    });
    expect(resolve({})).toMatchObject({
      target: null,
      targetSource: null,
      ceiling: null,
      ceilingSource: null,
    });
  });

  it("reads the sample's ceiling, a share, on the metric's scale; an override is already on it", () => {
    expect(resolve({ maxQuality: 100 }, { ceiling: 0.9 })).toMatchObject({
      ceiling: 90,
      ceilingSource: 'reference-sample',
    });
    expect(resolve({ maxQuality: 100, ceilingOverride: 85 }, { ceiling: 0.9 }).ceiling).toBe(85);
  });

  it("reads the worksheet's target, a score in [0, 1], on the metric's scale; the settings' is already on it", () => {
    // A percentage metric with the worksheet's 0.85: the target is 85, not 0.85 (reached at once).
    expect(resolve({ maxQuality: 100 }, { worksheet: 0.85 })).toMatchObject({
      target: 85,
      targetSource: 'worksheet',
    });
    expect(resolve({ maxQuality: 100, targetQuality: 80 }, { worksheet: 0.85 }).target).toBe(80);
  });

  it('turns a dated measurement into the effort since the start, and skips one dated before it', () => {
    const inputs = resolve({});
    expect(inputs.measured).toHaveLength(1);
    expect(inputs.measured[0]?.effort).toEqual({ value: 2, unit: 'week' });
    expect(inputs.skippedMeasured.map((skipped) => skipped.id)).toEqual(['m2']);
  });

  it('sets up the ROI only when both a value model and a team cost are given', () => {
    expect(resolve({}).roi).toBeNull();
    const withMoney = resolve({
      value: { ...settings.value, valuePerPoint: 1000 },
      teamCost: { amount: 30_000, per: 'month' },
    });
    expect(withMoney.roi).toMatchObject({ value: { mode: 'per-quality-point', valuePerPoint: 1000 } });
  });
});

describe('summarizeTradeoff', () => {
  it('gives P10 ≤ P50 ≤ P90 with a target, none without, and the ROI best when money is set', () => {
    const withTarget = summarizeTradeoff(
      analyzeTradeoff(resolve({ targetQuality: 0.85, ceilingOverride: 0.92 }), { draws: 2_000 }),
    );
    const t = withTarget.timeToTarget;
    if (t === null) throw new Error('expected a time to target');
    expect(t.p10Days).toBeLessThanOrEqual(t.p50Days);
    expect(t.p50Days).toBeLessThanOrEqual(t.p90Days);
    expect(withTarget.bestAngle).toEqual({ name: 'Awesome model', quality: 0.9 });
    expect(withTarget.angles.map((angle) => angle.effortLikelyDays)).toEqual([1 / 1440, 1, 7, 365.25]);

    expect(summarizeTradeoff(analyzeTradeoff(resolve({}), { draws: 500 })).timeToTarget).toBeNull();

    const money = resolve({
      targetQuality: 0.85,
      value: { ...settings.value, valuePerPoint: 2000 },
      teamCost: { amount: 40_000, per: 'month' },
    });
    expect(summarizeTradeoff(analyzeTradeoff(money, { draws: 500 })).bestAngle?.name).toBe('Decent model');
  });

  it('has no time to target when the target is at or above the ceiling', () => {
    const summary = summarizeTradeoff(
      analyzeTradeoff(resolve({ targetQuality: 0.95, ceilingOverride: 0.92 }), { draws: 500 }),
    );
    expect(summary.timeToTarget).toBeNull();
  });
});
