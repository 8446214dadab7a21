import { describe, expect, it } from 'vitest';
import { durationPercentiles, validateDurationEstimate } from './phase-duration';

describe('durationPercentiles', () => {
  it('reproduces scipy.stats.beta.ppf on the PERT shape parameters', () => {
    // python3: a + (b - a) * scipy.stats.beta.ppf(p, 1 + 4(m-a)/(b-a), 1 + 4(b-m)/(b-a)), scipy 1.17.1
    const cases = [
      { estimate: { low: 2, likely: 5, high: 10 }, p50: 5.25475952714555, p90: 7.38522082188334 },
      { estimate: { low: 5, likely: 10, high: 20 }, p50: 10.637187605061815, p90: 14.666850464308707 },
      { estimate: { low: 0, likely: 0, high: 10 }, p50: 1.2944943670387585, p90: 3.6904265551980675 },
      { estimate: { low: 1, likely: 3, high: 12 }, p50: 3.8950327649683762, p90: 6.839461137240994 },
    ];
    for (const { estimate, p50, p90 } of cases) {
      const percentiles = durationPercentiles(estimate);
      expect(percentiles.p50).toBeCloseTo(p50, 9);
      expect(percentiles.p90).toBeCloseTo(p90, 9);
    }
  });

  it('is the likely value at P50 for a symmetric estimate, and low for a degenerate one', () => {
    expect(durationPercentiles({ low: 4, likely: 7, high: 10 }).p50).toBeCloseTo(7, 10);
    expect(durationPercentiles({ low: 3, likely: 3, high: 3 })).toEqual({ p50: 3, p90: 3 });
  });

  it('stays inside [low, high] with P50 ≤ P90 even when likely = high', () => {
    const { p50, p90 } = durationPercentiles({ low: 10, likely: 20, high: 20 });
    expect(p50).toBeGreaterThan(10);
    expect(p50).toBeLessThanOrEqual(p90);
    expect(p90).toBeLessThanOrEqual(20);
  });
});

describe('validateDurationEstimate', () => {
  it('refuses unordered, negative or non-finite estimates', () => {
    expect(validateDurationEstimate({ low: 5, likely: 3, high: 10 }).ok).toBe(false);
    expect(validateDurationEstimate({ low: -1, likely: 3, high: 10 }).ok).toBe(false);
    expect(validateDurationEstimate({ low: 1, likely: 3, high: Number.POSITIVE_INFINITY }).ok).toBe(false);
    expect(validateDurationEstimate({ low: 1, likely: 3, high: 10 }).ok).toBe(true);
  });
});
