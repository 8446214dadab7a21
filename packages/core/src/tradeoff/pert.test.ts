import { describe, expect, it } from 'vitest';
import { createRandom } from '../shared';
import { betaQuantile, logGamma, regularizedIncompleteBeta, sampleGamma } from './beta-distribution';
import {
  createPertSampler,
  effortQuantile,
  pertMean,
  pertQuantile,
  pertShape,
  pertStandardDeviation,
  pertVariance,
  sampleEffort,
  samplePert,
} from './pert';

// Reference values from SciPy 1.17 (scipy.special.betainc, scipy.stats.beta.ppf, scipy.special.gammaln),
// which agree with R's pbeta / qbeta / lgamma.
describe('Beta and Gamma functions', () => {
  it('match SciPy', () => {
    expect(regularizedIncompleteBeta(0.35, 2.2, 3.8)).toBeCloseTo(0.4980314718438883, 13);
    expect(regularizedIncompleteBeta(0.2, 0.5, 0.5)).toBeCloseTo(0.2951672353008665, 13);
    expect(regularizedIncompleteBeta(0.45, 30, 40)).toBeCloseTo(0.6447480085585666, 12);
    expect(betaQuantile(0.05, 0.5, 0.5)).toBeCloseTo(0.0061558297024311365, 12);
    expect(betaQuantile(0.999, 3, 9)).toBeCloseTo(0.6793149603571702, 12);
    expect(betaQuantile(0.5, 2, 3)).toBeCloseTo(0.3857275681323895, 13);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 13);
    expect(logGamma(100.5)).toBeCloseTo(361.43554046777757, 10);
  });

  it('invert closed forms: Beta(2, 1) has CDF x², Beta(1, 2) has CDF 1 − (1 − x)²', () => {
    for (const p of [0.01, 0.3, 0.5, 0.9]) {
      expect(betaQuantile(p, 2, 1)).toBeCloseTo(Math.sqrt(p), 12);
      expect(betaQuantile(p, 1, 2)).toBeCloseTo(1 - Math.sqrt(1 - p), 12);
    }
  });

  it('draws Gamma variates with mean and variance equal to the shape (Marsaglia–Tsang)', () => {
    const random = createRandom(11);
    for (const shape of [0.5, 1, 3.7]) {
      const n = 40_000;
      let sum = 0;
      let squares = 0;
      for (let i = 0; i < n; i++) {
        const x = sampleGamma(shape, random);
        sum += x;
        squares += x * x;
      }
      const mean = sum / n;
      const variance = squares / n - mean * mean;
      // Five standard errors of the mean (√(shape / n)) and a loose bound on the variance.
      expect(Math.abs(mean - shape)).toBeLessThan(5 * Math.sqrt(shape / n));
      expect(Math.abs(variance / shape - 1)).toBeLessThan(0.06);
    }
  });
});

describe('Beta-PERT', () => {
  const estimate = { low: 2, likely: 5, high: 12 };

  it('has the textbook mean (a + 4m + b) / 6 and variance (μ − a)(b − μ) / 7', () => {
    expect(pertMean(estimate)).toBeCloseTo(34 / 6, 14);
    const mean = 34 / 6;
    expect(pertVariance(estimate)).toBeCloseTo(((mean - 2) * (12 - mean)) / 7, 14);
    expect(pertStandardDeviation({ low: 0, likely: 5, high: 10 })).toBeCloseTo(Math.sqrt(25 / 7), 14);
    expect(pertShape(estimate)).toEqual({ min: 2, max: 12, alpha: 2.2, beta: 3.8 });
  });

  it('has quantiles of the scaled Beta(2.2, 3.8) (SciPy: 2 + 10·beta.ppf(p, 2.2, 3.8))', () => {
    expect(pertQuantile(estimate, 0.1)).toBeCloseTo(3.361999625636714, 11);
    expect(pertQuantile(estimate, 0.5)).toBeCloseTo(5.509994849491181, 11);
    expect(pertQuantile(estimate, 0.9)).toBeCloseTo(8.207544856651202, 11);
  });

  it('has its median at the mode when symmetric, and is a point mass when low = high', () => {
    expect(pertQuantile({ low: 1, likely: 3, high: 5 }, 0.5)).toBeCloseTo(3, 12);
    expect(pertQuantile({ low: 4, likely: 4, high: 4 }, 0.9)).toBe(4);
    expect(samplePert({ low: 4, likely: 4, high: 4 }, createRandom(1))).toBe(4);
  });

  it('samples within [low, high] with the PERT mean and variance', () => {
    const random = createRandom(3);
    const n = 40_000;
    let sum = 0;
    let squares = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const x = samplePert(estimate, random);
      if (x < 2 || x > 12) outside++;
      sum += x;
      squares += x * x;
    }
    const mean = sum / n;
    expect(outside).toBe(0);
    expect(Math.abs(mean - pertMean(estimate))).toBeLessThan(5 * Math.sqrt(pertVariance(estimate) / n));
    expect(Math.abs((squares / n - mean * mean) / pertVariance(estimate) - 1)).toBeLessThan(0.05);
  });

  it('models effort in log space: the median of 1 day / 1 week / 7 weeks is one week', () => {
    const effort = { low: 1, likely: 7, high: 49 };
    expect(effortQuantile(effort, 0.5)).toBeCloseTo(7, 10);
    const random = createRandom(5);
    const draws = Array.from({ length: 20_001 }, () => sampleEffort(effort, random)).sort((a, b) => a - b);
    expect(draws[0]).toBeGreaterThanOrEqual(1);
    expect(draws.at(-1)).toBeLessThanOrEqual(49);
    expect(Math.abs(Math.log((draws[10_000] ?? 0) / 7))).toBeLessThan(0.05);
  });

  it('is reproducible from a seed', () => {
    const a = createRandom(9);
    const b = createRandom(9);
    expect(Array.from({ length: 5 }, () => samplePert(estimate, a))).toEqual(
      Array.from({ length: 5 }, () => samplePert(estimate, b)),
    );
  });
});

describe('createPertSampler', () => {
  const estimates = [
    { low: 0.65, likely: 0.72, high: 0.78 },
    { low: 0.5, likely: 0.6, high: 0.65 },
    { low: 0, likely: 0, high: 4.09 },
    { low: 2, likely: 9, high: 9 },
  ];

  it('draws with the Beta-PERT quantiles and mean', () => {
    for (const estimate of estimates) {
      const sampler = createPertSampler(pertShape(estimate));
      const random = createRandom(11);
      const draws = Float64Array.from({ length: 20_000 }, () => sampler.sample(random)).sort();
      const range = estimate.high - estimate.low;
      for (const p of [0.05, 0.25, 0.5, 0.75, 0.95]) {
        const empirical = draws[Math.floor(p * draws.length)] ?? Number.NaN;
        // Sampling error of a quantile of 20,000 draws is about 1% of the range; the table adds ~1e-4.
        expect(Math.abs(empirical - pertQuantile(estimate, p))).toBeLessThan(0.02 * range);
      }
      const mean = draws.reduce((sum, x) => sum + x, 0) / draws.length;
      expect(Math.abs(mean - pertMean(estimate))).toBeLessThan(0.01 * range);
      expect(draws[0]).toBeGreaterThanOrEqual(estimate.low);
      expect(draws.at(-1)).toBeLessThanOrEqual(estimate.high);
    }
  });

  it('inverts the CDF: uniform u maps to the u-quantile within the table resolution', () => {
    const estimate = { low: 3, likely: 7, high: 21 };
    for (const u of [0.01, 0.1, 0.37, 0.5, 0.9, 0.99]) {
      const fixed = { nextFloat: () => u, nextUint32: () => 0, nextInt: () => 0 };
      const value = createPertSampler(pertShape(estimate)).sample(fixed);
      expect(Math.abs(value - pertQuantile(estimate, u))).toBeLessThan(1e-3 * (estimate.high - estimate.low));
    }
  });

  it('returns the value of a point estimate', () => {
    const sampler = createPertSampler(pertShape({ low: 4, likely: 4, high: 4 }));
    expect(sampler.sample(createRandom(1))).toBe(4);
  });
});
