import { describe, expect, it } from 'vitest';
import { analyzeRoi, type RoiOptions } from './roi';
import { seedAttackAngles } from './seed';
import type { AttackAngle } from './types';

const angles = seedAttackAngles();
const perPoint: RoiOptions = {
  value: { mode: 'per-quality-point', valuePerPoint: 10_000, baselineQuality: 0.5 },
  teamCost: { amount: 30_437.5, per: 'month' }, // 1,000 per calendar day
};

describe('analyzeRoi', () => {
  it('computes cost, value and net per angle and ranks by net', () => {
    const result = analyzeRoi(angles, perPoint);
    if (!result.ok) throw new Error(result.error.message);
    const byId = Object.fromEntries(result.value.rows.map((row) => [row.id, row]));
    // Decent model: 7 days × 1,000 = 7,000; (0.82 − 0.5) / 0.01 points × 10,000 = 320,000.
    expect(byId.decent?.cost).toBeCloseTo(7_000, 6);
    expect(byId.decent?.value).toBeCloseTo(320_000, 6);
    expect(byId.decent?.net).toBeCloseTo(313_000, 6);
    // Awesome model: 365.25 days of cost against 40 points of value.
    expect(byId.awesome?.net).toBeCloseTo(400_000 - 365_250, 6);
    // The keyword rule: 10 points for a minute's work beats a year of work for 40 points.
    expect(result.value.rows.map((row) => row.id)).toEqual(['decent', 'baseline', 'keyword-rule', 'awesome']);
    expect(result.value.rows.map((row) => row.rank)).toEqual([1, 2, 3, 4]);
    expect(result.value.bestId).toBe('decent');
  });

  it('values errors avoided × cost per error, uses an angle’s own rate and fixed cost, and caps at the ceiling', () => {
    const custom: AttackAngle[] = angles.map((angle) =>
      angle.id === 'awesome' ? { ...angle, costRate: { amount: 500, per: 'day' }, fixedCost: 1_000 } : angle,
    );
    const result = analyzeRoi(custom, {
      value: { mode: 'per-error-avoided', costPerError: 2, volume: 1_000_000 },
      teamCost: { amount: 1_000, per: 'day' },
      ceiling: 0.85,
    });
    if (!result.ok) throw new Error(result.error.message);
    const awesome = result.value.rows.find((row) => row.id === 'awesome');
    expect(awesome?.quality).toBe(0.85);
    expect(awesome?.qualityCapped).toBe(true);
    expect(awesome?.cost).toBeCloseTo(365.25 * 500 + 1_000, 6);
    expect(awesome?.value).toBeCloseTo(0.85 * 1_000_000 * 2, 6);
  });

  it('finds a robust best angle when no ±20% change dethrones it', () => {
    const result = analyzeRoi(angles, perPoint);
    if (!result.ok) throw new Error(result.error.message);
    const { sensitivity } = result.value;
    expect(sensitivity.scenarios).toHaveLength(angles.length * 4);
    expect(sensitivity.bestChanges).toBe(false);
    const range = sensitivity.netRange.decent;
    const net = result.value.rows.find((row) => row.id === 'decent')?.net ?? 0;
    expect(range?.min).toBeLessThan(net);
    expect(range?.max).toBeGreaterThan(net);
  });

  it('flags a fragile ranking when ±20% on a close runner-up changes the best angle', () => {
    const close: AttackAngle[] = [
      { ...(angles[2] as AttackAngle), id: 'a' },
      { ...(angles[2] as AttackAngle), id: 'b', quality: { low: 0.72, likely: 0.8, high: 0.84 } },
    ];
    const result = analyzeRoi(close, perPoint);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.bestId).toBe('a');
    expect(result.value.sensitivity.bestChanges).toBe(true);
    const flip = result.value.sensitivity.scenarios.find((scenario) => scenario.bestId === 'b');
    expect(flip).toMatchObject({ angleId: expect.any(String), factor: 'quality' });
  });

  it('refuses no angles and invalid estimates', () => {
    expect(analyzeRoi([], perPoint).ok).toBe(false);
    const broken = angles.map((angle, i) =>
      i === 0 ? { ...angle, effort: { ...angle.effort, low: { value: 2, unit: 'hour' as const } } } : angle,
    );
    const result = analyzeRoi(broken, perPoint);
    expect(!result.ok && result.error.code === 'invalid_input' && result.error.issues[0]?.path).toBe(
      'angles.0.effort.low',
    );
  });
});
