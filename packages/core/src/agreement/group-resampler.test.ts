import { describe, expect, it } from 'vitest';
import { createRandom, fitsDistribution, logFactorial, UniformStream } from '../shared';
import { createGroupResampler } from './group-resampler';

/** The exact probability of the composition `counts` under Multinomial(Σ counts; probabilities). */
function multinomialPmf(counts: readonly number[], probabilities: readonly number[]): number {
  let total = 0;
  let log = 0;
  counts.forEach((count, g) => {
    total += count;
    log += count * Math.log(probabilities[g] ?? 0) - logFactorial(count);
  });
  return Math.exp(log + logFactorial(total));
}

/** Every composition of `total` into `parts` non-negative parts. */
function compositions(total: number, parts: number): number[][] {
  if (parts === 1) return [[total]];
  const result: number[][] = [];
  for (let first = 0; first <= total; first++) {
    for (const rest of compositions(total - first, parts - 1)) result.push([first, ...rest]);
  }
  return result;
}

/**
 * Draws `draws` resamples and tallies the joint counts of groups `watched` (the other groups pooled into
 * one cell), then tests them against the exact multinomial probabilities of that coarsening. With `block`,
 * the resamples come `block` at a time from `drawMany`, else one by one from `draw`.
 */
function jointFits(
  sizes: readonly number[],
  watched: readonly number[],
  drawCount: number | undefined,
  seed: number,
  block?: number,
) {
  const resampler = createGroupResampler(Int32Array.from(sizes), drawCount);
  const items = sizes.reduce((sum, size) => sum + size, 0);
  const total = drawCount ?? items;
  const watchedShare = watched.map((g) => (sizes[g] ?? 0) / items);
  const probabilities = [...watchedShare, 1 - watchedShare.reduce((sum, p) => sum + p, 0)];
  const cells = compositions(total, probabilities.length);
  const key = (counts: readonly number[]) => counts.join(',');
  const index = new Map(cells.map((cell, c) => [key(cell), c]));
  const observed = new Array<number>(cells.length).fill(0);
  const K = sizes.length;
  const blockCounts = new Int32Array(K * (block ?? 1));
  const stream = new UniformStream(createRandom(seed));
  const draws = 100_000;
  let wrongTotals = 0;
  for (let d = 0; d < draws; d++) {
    const slot = block === undefined ? 0 : d % block;
    if (block === undefined) resampler.draw(stream, blockCounts);
    else if (slot === 0) resampler.drawMany(stream, blockCounts, Math.min(block, draws - d));
    const counts = blockCounts.subarray(slot * K, (slot + 1) * K);
    let sum = 0;
    for (const count of counts) sum += count;
    if (sum !== total) wrongTotals++;
    const joint = watched.map((g) => counts[g] ?? 0);
    const c = index.get(key([...joint, total - joint.reduce((s, x) => s + x, 0)])) ?? -1;
    observed[c] = (observed[c] ?? 0) + 1;
  }
  const expected = cells.map((cell) => draws * multinomialPmf(cell, probabilities));
  return { fits: fitsDistribution(observed, expected), wrongTotals };
}

describe('createGroupResampler', () => {
  it('draws exact multinomial counts with few groups (conditional binomials)', () => {
    const { fits, wrongTotals } = jointFits([5, 1, 3, 11], [0, 1, 2], undefined, 1);
    expect(wrongTotals).toBe(0);
    expect(fits).toBe(true);
  });

  it('draws exact multinomial counts with many groups (Poissonization and top-up)', () => {
    // 40 groups of sizes 1 … 3 and one of 30: several Poisson samplers, redraws and the top-up are used.
    const sizes = [...Array.from({ length: 40 }, (_, g) => 1 + (g % 3)), 30];
    const { fits, wrongTotals } = jointFits(sizes, [2, 40], undefined, 2);
    expect(wrongTotals).toBe(0);
    expect(fits).toBe(true);
  });

  it('draws exact counts for a sample of a few items, where the top-up does most of the work', () => {
    const sizes = Array.from({ length: 20 }, () => 1);
    const { fits, wrongTotals } = jointFits(sizes, [3, 7], undefined, 3);
    expect(wrongTotals).toBe(0);
    expect(fits).toBe(true);
  });

  it('draws exact multinomial counts many resamples at a time, with either method', () => {
    // Blocks of 7 and 1,000: per-block tables, whole redraws when a block's Poisson total overshoots, top-ups.
    const many = [...Array.from({ length: 40 }, (_, g) => 1 + (g % 3)), 30];
    const results = [
      jointFits(many, [2, 40], undefined, 7, 7),
      jointFits(many, [0, 40], undefined, 8, 1000),
      jointFits(
        Array.from({ length: 20 }, () => 1),
        [3, 7],
        undefined,
        9,
        1000,
      ),
      jointFits([5, 1, 3, 11], [0, 1, 2], undefined, 10, 13),
      jointFits([...Array.from({ length: 30 }, () => 1), 2], [0, 30], 25, 11, 100),
    ];
    expect(results).toEqual(results.map(() => ({ fits: true, wrongTotals: 0 })));
  });

  it('draws another number of items than the groups hold (as the bag of little bootstraps does)', () => {
    const small = jointFits([2, 1, 1], [0, 1], 12, 4);
    const large = jointFits([...Array.from({ length: 30 }, () => 1), 2], [0, 30], 25, 5);
    expect([small, large]).toEqual([
      { fits: true, wrongTotals: 0 },
      { fits: true, wrongTotals: 0 },
    ]);
  });

  it('has the multinomial mean and covariance over millions of items', () => {
    const sizes = Int32Array.from({ length: 3000 }, (_, g) => 1 + ((g * 7919) % 1500));
    const items = sizes.reduce((sum, size) => sum + size, 0);
    const resampler = createGroupResampler(sizes);
    const stream = new UniformStream(createRandom(6));
    const counts = new Int32Array(sizes.length);
    const draws = 400;
    const [a, b] = [0, 2999];
    let sumA = 0;
    let sumB = 0;
    let sumAB = 0;
    let sumAA = 0;
    for (let d = 0; d < draws; d++) {
      resampler.draw(stream, counts);
      expect(counts.reduce((sum, count) => sum + count, 0)).toBe(items);
      const x = counts[a] ?? 0;
      const y = counts[b] ?? 0;
      sumA += x;
      sumB += y;
      sumAB += x * y;
      sumAA += x * x;
    }
    const pA = (sizes[a] ?? 0) / items;
    const pB = (sizes[b] ?? 0) / items;
    const meanA = sumA / draws;
    const varianceA = sumAA / draws - meanA * meanA;
    expect(Math.abs(meanA - items * pA)).toBeLessThan(5 * Math.sqrt((items * pA) / draws));
    expect(Math.abs(sumB / draws - items * pB)).toBeLessThan(5 * Math.sqrt((items * pB) / draws));
    expect(varianceA / (items * pA * (1 - pA))).toBeGreaterThan(0.7);
    expect(varianceA / (items * pA * (1 - pA))).toBeLessThan(1.3);
    // Cov = −N p_a p_b: tiny against the variances, so only its sign-free size is checked loosely.
    const covariance = sumAB / draws - meanA * (sumB / draws);
    expect(Math.abs(covariance)).toBeLessThan((5 * Math.sqrt(items * pA * items * pB)) / Math.sqrt(draws));
  });

  it('is seeded: the same stream gives the same counts', () => {
    const sizes = Int32Array.from({ length: 50 }, (_, g) => g + 1);
    const draw = (seed: number) => {
      const counts = new Int32Array(50);
      createGroupResampler(sizes).draw(new UniformStream(createRandom(seed)), counts);
      return [...counts];
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it('draws the same counts group-major as resample-major, overshooting resamples included', () => {
    // 40 groups of 1–3 items (Poissonization, some block totals overshoot and are redrawn) and 5 (binomials).
    for (const sizes of [
      Int32Array.from({ length: 40 }, (_, g) => 1 + (g % 3)),
      Int32Array.of(5, 1, 3, 11, 2),
    ]) {
      const K = sizes.length;
      for (const count of [1, 7, 300]) {
        const byResample = new Int32Array(K * count);
        const byGroup = new Int32Array(K * count);
        createGroupResampler(sizes).drawMany(new UniformStream(createRandom(3)), byResample, count);
        createGroupResampler(sizes).drawMany(new UniformStream(createRandom(3)), byGroup, count, true);
        const transposed = Int32Array.from(
          byGroup,
          (_, at) => byGroup[(at % K) * count + Math.floor(at / K)] ?? -1,
        );
        expect([...transposed]).toEqual([...byResample]);
      }
    }
  });

  it('keeps empty groups at zero and refuses impossible sizes', () => {
    const resampler = createGroupResampler(Int32Array.from([0, 4, 0, 6, ...new Array(20).fill(1)]));
    const counts = new Int32Array(24);
    const stream = new UniformStream(createRandom(1));
    for (let d = 0; d < 200; d++) {
      resampler.draw(stream, counts);
      expect([counts[0], counts[2]]).toEqual([0, 0]);
    }
    expect(() => createGroupResampler(Int32Array.from([-1, 2]))).toThrow(RangeError);
    expect(() => createGroupResampler(Int32Array.from([0, 0]), 3)).toThrow(RangeError);
  });
});
