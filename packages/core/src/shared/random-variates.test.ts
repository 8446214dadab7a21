import { describe, expect, it } from 'vitest';
import { chiSquare, fitsDistribution } from './goodness-of-fit';
import { createRandom } from './random';
import { drawBinomial, logFactorial, PoissonSampler, UniformStream } from './random-variates';

const DRAWS = 200_000;

function poissonPmf(mean: number, k: number): number {
  return Math.exp(-mean + k * Math.log(mean) - logFactorial(k));
}

function binomialPmf(n: number, p: number, k: number): number {
  return Math.exp(
    logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log1p(-p),
  );
}

/** Counts of each value 0 … support − 1 in `draws` variates, the last cell holding everything above. */
function histogram(support: number, draw: () => number): number[] {
  const counts = new Array<number>(support).fill(0);
  for (let d = 0; d < DRAWS; d++) {
    const k = Math.min(draw(), support - 1);
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}

function expectedCounts(support: number, pmf: (k: number) => number): number[] {
  const expected = Array.from({ length: support }, (_, k) => DRAWS * pmf(k));
  const inside = expected.slice(0, -1).reduce((sum, value) => sum + value, 0);
  expected[support - 1] = DRAWS - inside;
  return expected;
}

describe('logFactorial', () => {
  it('is exact in the table and continues it smoothly with the Stirling series', () => {
    expect(logFactorial(0)).toBe(0);
    expect(logFactorial(5)).toBeCloseTo(Math.log(120), 12);
    let exact = 0;
    for (let k = 1; k <= 300; k++) exact += Math.log(k);
    expect(logFactorial(300)).toBeCloseTo(exact, 9);
    expect(logFactorial(256) - logFactorial(255)).toBeCloseTo(Math.log(256), 12);
  });
});

describe('UniformStream', () => {
  it("hands out the generator's words in the order nextUint32 gives them", () => {
    const direct = createRandom(9);
    const stream = new UniformStream(createRandom(9));
    const words = Array.from({ length: 10_000 }, () => stream.nextUint32());
    expect(words).toEqual(Array.from({ length: 10_000 }, () => direct.nextUint32()));
  });

  it('draws integers exactly uniformly below any bound', () => {
    const stream = new UniformStream(createRandom(2));
    const counts = histogram(7, () => stream.nextInt(7));
    expect(fitsDistribution(counts, new Array(7).fill(DRAWS / 7))).toBe(true);
  });
});

describe('PoissonSampler', () => {
  // Means on both sides of every switch: inversion from 0, tables starting above 0, rejection (PTRS).
  const cases = [
    { mean: 0.3, table: true },
    { mean: 3.7, table: true },
    { mean: 12, table: false },
    { mean: 12, table: true },
    { mean: 150, table: true },
    { mean: 150, table: false },
    { mean: 3000, table: true },
    { mean: 20_000, table: true },
  ];
  for (const { mean, table } of cases) {
    it(`draws Poisson(${mean}) ${table ? 'by table' : 'by rejection'}: chi-square fit to the exact probabilities`, () => {
      const sampler = new PoissonSampler(mean, table);
      const stream = new UniformStream(createRandom(Math.round(mean * 10) + (table ? 1 : 0)));
      const lo = Math.max(0, Math.floor(mean - 6 * Math.sqrt(mean) - 5));
      const support = Math.ceil(mean + 6 * Math.sqrt(mean) + 10) - lo;
      const counts = histogram(support, () => Math.max(0, sampler.draw(stream) - lo));
      const expected = expectedCounts(support, (k) => poissonPmf(mean, k + lo));
      expect(fitsDistribution(counts, expected)).toBe(true);
      const total = counts.reduce((sum, count, k) => sum + count * (k + lo), 0);
      expect(Math.abs(total / DRAWS - mean)).toBeLessThan(5 * Math.sqrt(mean / DRAWS));
    });
  }

  it('fills many counts at once exactly as single draws would', () => {
    const sampler = new PoissonSampler(5.5);
    const order = Int32Array.from([3, 0, 2, 1]);
    const counts = new Int32Array(4);
    const stream = new UniformStream(createRandom(4));
    const total = sampler.drawInto(stream, order, 0, 4, counts);
    const again = new UniformStream(createRandom(4));
    const single = Array.from({ length: 4 }, () => sampler.draw(again));
    expect([counts[3], counts[0], counts[2], counts[1]]).toEqual(single);
    expect(total).toBe(single.reduce((sum, k) => sum + k, 0));
  });

  it('refuses a negative or infinite mean and draws 0 for mean 0', () => {
    expect(() => new PoissonSampler(-1)).toThrow(RangeError);
    expect(() => new PoissonSampler(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(new PoissonSampler(0).draw(new UniformStream(createRandom(1)))).toBe(0);
  });
});

describe('drawBinomial', () => {
  const cases = [
    { n: 20, p: 0.1 }, // inversion
    { n: 1000, p: 0.003 }, // inversion, large n
    { n: 40, p: 0.5 }, // BTRS
    { n: 5000, p: 0.3 }, // BTRS
    { n: 2_000_000, p: 0.0007 }, // BTRS, the bootstrap's usual case
    { n: 60, p: 0.93 }, // p > ½: n − Binomial(n, 1 − p), by inversion
    { n: 300, p: 0.8 }, // p > ½ by BTRS
  ];
  for (const { n, p } of cases) {
    it(`draws Binomial(${n}, ${p}): chi-square fit to the exact probabilities`, () => {
      const stream = new UniformStream(createRandom(n + Math.round(p * 1000)));
      const mean = n * p;
      const sd = Math.sqrt(n * p * (1 - p));
      const lo = Math.max(0, Math.floor(mean - 7 * sd - 3));
      const support = Math.min(n + 1, Math.ceil(mean + 7 * sd + 5)) - lo;
      const counts = histogram(support, () => Math.max(0, drawBinomial(stream, n, p) - lo));
      const expected = expectedCounts(support, (k) => binomialPmf(n, p, k + lo));
      expect(fitsDistribution(counts, expected)).toBe(true);
    });
  }

  it('handles the degenerate cases', () => {
    const stream = new UniformStream(createRandom(1));
    expect(drawBinomial(stream, 0, 0.5)).toBe(0);
    expect(drawBinomial(stream, 10, 0)).toBe(0);
    expect(drawBinomial(stream, 10, 1)).toBe(10);
  });

  it('would notice a biased sampler (the test has power)', () => {
    // The same check against a distribution off by a tenth of a standard deviation must fail.
    const stream = new UniformStream(createRandom(5));
    const n = 5000;
    const counts = histogram(n + 1, () => drawBinomial(stream, n, 0.3));
    const shifted = expectedCounts(n + 1, (k) => binomialPmf(n, 0.3 + 0.1 * Math.sqrt(0.21 / n), k));
    expect(fitsDistribution(counts, shifted)).toBe(false);
    expect(chiSquare(counts, shifted).statistic).toBeGreaterThan(0);
  });
});
