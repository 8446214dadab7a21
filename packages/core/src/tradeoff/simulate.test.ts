import { describe, expect, it } from 'vitest';
import { seedAttackAngles } from './seed';
import { probabilityByDate, simulateTradeoff } from './simulate';
import type { AttackAngle } from './types';

const angles = seedAttackAngles();
const DRAWS = 2_000;

function run(target: number, extra: Partial<Parameters<typeof simulateTradeoff>[2]> = {}, measured = []) {
  const result = simulateTradeoff(angles, measured, {
    target,
    ceiling: 0.92,
    draws: DRAWS,
    seed: 7,
    ...extra,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('simulateTradeoff', () => {
  it('is reproducible from its seed and changes with another seed', () => {
    const a = run(0.85);
    const b = run(0.85);
    const c = run(0.85, { seed: 8 });
    expect(b.timeToTarget).toEqual(a.timeToTarget);
    expect(Array.from(b.sortedDays)).toEqual(Array.from(a.sortedDays));
    expect(c.timeToTarget.p50).not.toBe(a.timeToTarget.p50);
  });

  it('orders P10 ≤ P50 ≤ P90 and brackets the point fit on the seed example', () => {
    const { timeToTarget, pointTimeToTarget } = run(0.85);
    const { p10, p50, p90 } = timeToTarget;
    if (p10 === null || p50 === null || p90 === null)
      throw new Error('expected every percentile to be reached');
    expect(p10).toBeLessThanOrEqual(p50);
    expect(p50).toBeLessThanOrEqual(p90);
    // 0.85 lies between the "decent" (0.82 in a week) and "awesome" (0.9 in a year) estimates.
    expect(p50).toBeGreaterThan(7);
    expect(p50).toBeLessThan(365.25);
    expect(pointTimeToTarget.days).toBeGreaterThan(p10);
    expect(pointTimeToTarget.days).toBeLessThan(p90);
  });

  it('gives probabilities by date that rise with the date and agree with the percentiles', () => {
    const simulation = run(0.85);
    const { p10, p50, p90 } = simulation.timeToTarget;
    expect(probabilityByDate(simulation, 0)).toBe(0);
    expect(probabilityByDate(simulation, p10 ?? 0)).toBeCloseTo(0.1, 2);
    expect(probabilityByDate(simulation, p50 ?? 0)).toBeCloseTo(0.5, 2);
    expect(probabilityByDate(simulation, p90 ?? 0)).toBeCloseTo(0.9, 2);
    const curve = simulation.band.reachProbability;
    for (let i = 1; i < curve.length; i++) expect(curve[i]).toBeGreaterThanOrEqual(curve[i - 1] ?? 0);
  });

  it('returns an ordered 80% band on a log-spaced grid spanning the estimates', () => {
    const { band } = run(0.85, { gridSize: 40 });
    expect(band.days).toHaveLength(40);
    expect(band.days[0]).toBeLessThan(1 / 1440);
    expect(band.days.at(-1)).toBeGreaterThan(2 * 365.25);
    band.days.forEach((_, g) => {
      expect(band.p10[g]).toBeLessThanOrEqual(band.p50[g] ?? 0);
      expect(band.p50[g]).toBeLessThanOrEqual(band.p90[g] ?? 0);
      expect(band.p90[g]).toBeLessThanOrEqual(0.92 + 1e-9);
    });
    expect(band.p50.at(-1)).toBeGreaterThan(band.p50[0] ?? 1);
  });

  it('makes a target at or above the ceiling unreachable in every draw, with a warning', () => {
    const simulation = run(0.92);
    expect(simulation.timeToTarget).toMatchObject({ p10: null, p50: null, p90: null, unreachableShare: 1 });
    expect(simulation.pointTimeToTarget.days).toBeNull();
    expect(simulation.warnings.map((warning) => warning.code)).toContain('target-at-or-above-ceiling');
    expect(probabilityByDate(simulation, 1e6)).toBe(0);
  });

  it('reports the unreachable share when the target is near the ceiling', () => {
    const { timeToTarget } = run(0.91);
    expect(timeToTarget.unreachableShare).toBeGreaterThan(0);
    expect(timeToTarget.unreachableShare).toBeLessThan(1);
  });

  it('lets a measured point move the curve (and weighs it more than an estimate)', () => {
    const without = run(0.85);
    const measured = [{ effort: { value: 2, unit: 'week' as const }, quality: 0.88 }];
    const withPoint = simulateTradeoff(angles, measured, {
      target: 0.85,
      ceiling: 0.92,
      draws: DRAWS,
      seed: 7,
    });
    const lightPoint = simulateTradeoff(angles, measured, {
      target: 0.85,
      ceiling: 0.92,
      draws: DRAWS,
      seed: 7,
      measuredWeight: 1,
    });
    if (!withPoint.ok || !lightPoint.ok) throw new Error('simulation failed');
    const p50 = (value: number | null) => value ?? Number.POSITIVE_INFINITY;
    // Quality 0.88 measured after two weeks: the target 0.85 comes sooner than the estimates alone say.
    expect(p50(withPoint.value.timeToTarget.p50)).toBeLessThan(p50(without.timeToTarget.p50));
    expect(p50(withPoint.value.timeToTarget.p50)).toBeLessThan(p50(lightPoint.value.timeToTarget.p50));
  });

  it('agrees with the exact Levenberg–Marquardt refit of every draw (the method it replaces)', () => {
    const cases = [
      { target: 0.85, measured: [] },
      { target: 0.8, measured: [] },
      { target: 0.85, measured: [{ effort: { value: 2, unit: 'week' as const }, quality: 0.88 }] },
    ];
    for (const { target, measured } of cases) {
      const options = { target, ceiling: 0.92, draws: 1_500, seed: 5 };
      const fast = simulateTradeoff(angles, measured, options);
      const exact = simulateTradeoff(angles, measured, { ...options, method: 'refit' });
      if (!fast.ok || !exact.ok) throw new Error('simulation failed');
      for (const key of ['p10', 'p50', 'p90'] as const) {
        const a = fast.value.timeToTarget[key];
        const b = exact.value.timeToTarget[key];
        if (a === null || b === null) throw new Error(`expected ${key} to be reached`);
        // Within 15% in days: far inside the spread between P10 and P90 (a factor of about 8).
        expect(Math.abs(Math.log(a / b))).toBeLessThan(Math.log(1.15));
      }
    }
  });

  it('rejects an unknown method', () => {
    const result = simulateTradeoff(angles, [], { target: 0.85, method: 'exact' as 'refit' });
    expect(result.ok).toBe(false);
  });

  it('reports invalid inputs with the field named', () => {
    const broken: AttackAngle[] = angles.map((angle, i) =>
      i === 1 ? { ...angle, quality: { low: 0.8, likely: 0.7, high: 0.9 } } : angle,
    );
    const result = simulateTradeoff(broken, [], { target: 0.85 });
    expect(result.ok).toBe(false);
    if (!result.ok && result.error.code === 'invalid-input') {
      expect(result.error.issues.map((issue) => issue.path)).toEqual(['angles.1.quality.low']);
    }
  });

  it('fixes the steepness with only 3 angles and says so', () => {
    const result = simulateTradeoff(angles.slice(1), [], { target: 0.85, ceiling: 0.92, draws: 500 });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.pointFit.steepnessFixed).toBe(true);
    expect(result.value.warnings.map((warning) => warning.code)).toContain('steepness-fixed');
  });
});
