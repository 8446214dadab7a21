import { drawBinomial, PoissonSampler, tableWorthIt, type UniformStream } from '../shared';

/**
 * A bootstrap resample of N items drawn with replacement, told as counts over groups of items that every
 * statistic treats alike: if group g holds n_g of the N items, the number of draws landing in each group
 * is Multinomial(N; n_1/N, …, n_K/N), whatever is inside the groups. So a resample costs O(K), not O(N),
 * and with one group per item it is the plain per-item bootstrap.
 */
export interface GroupResampler {
  /** N: the items, Σ n_g. */
  readonly itemCount: number;
  /** K: the groups. */
  readonly groupCount: number;
  /** How many items a resample draws: N, unless another number was asked for. */
  readonly draws: number;
  /** Fills `counts[0 … K − 1]` with one exact Multinomial(draws; n_g / N) draw. */
  draw(stream: UniformStream, counts: Int32Array): void;
  /**
   * Fills `out[r · K … (r + 1) · K − 1]` with resample r's counts, for r in [0, count): `count`
   * independent exact draws, cheaper per resample than `draw` when there are many groups (see
   * `poissonizedResampler`). With `groupMajor`, group g's count in resample r goes to `out[g · count + r]`
   * instead (the same draws), the layout in which `sumBlock` scores a block.
   */
  drawMany(stream: UniformStream, out: Int32Array, count: number, groupMajor?: boolean): void;
}

/**
 * Sequential conditional binomials cost one binomial draw per group (about 100 ns with its set-up);
 * Poissonization one Poisson draw per group (a few to 25 ns) plus about 3√draws single draws (about 10 ns
 * each) to top it up. So binomials win up to 16 groups, or up to 0.3·√draws groups when there are many draws.
 */
const CONDITIONAL_BINOMIAL_MIN_GROUPS = 16;
const CONDITIONAL_BINOMIAL_GROUPS_PER_ROOT_DRAW = 0.3;
/**
 * Poissonization draws Poisson(λ n_g) with λ = 1 − z/√N, so that the total falls short of N by about
 * z√N (topped up one draw at a time) and exceeds it (a redraw) with probability about Φ(−z): z = 3
 * keeps redraws to 0.13% and the top-up to a few thousand draws at millions of items. (Measured, z = 1.5
 * or 2, trading top-ups for redraws, saves under 10% of the draws' time at 3,000 groups: not worth it.)
 */
const POISSONIZATION_Z = 3;

/**
 * An exact multinomial sampler over groups of the given sizes (each ≥ 0, Σ = N ≤ 2^31), for drawing
 * many resamples of the same groups. A resample draws `draws` items (N by default; the bag of little
 * bootstraps draws N items from a subset of b):
 * - up to 16 groups (or 0.3·√draws), sequential conditional binomials: c_g ~ Binomial(N − Σ_{h<g} c_h, n_g / Σ_{h≥g} n_h)
 *   (e.g. Devroye 1986, Non-Uniform Random Variate Generation, §XI.1.3), with `drawBinomial`;
 * - above, Poissonization with an exact completion: independent c_g ~ Poisson(λ n_g) are, given their
 *   total T, Multinomial(T; n_g / N) (Johnson, Kotz & Balakrishnan 1997, Discrete Multivariate
 *   Distributions, ch. 35); a draw with T > N is redrawn whole, and N − T further items are then drawn
 *   one by one with probabilities n_g / N, which adds an independent Multinomial(N − T; n_g / N). The sum
 *   is Multinomial(N; n_g / N) for every T, hence exactly. Groups of one size share one Poisson sampler,
 *   whose constants are computed once, and sizes repeat (most groups are small), so a draw costs a few
 *   nanoseconds per group and no logarithm.
 */
export function createGroupResampler(sizes: Int32Array, draws?: number): GroupResampler {
  const groupCount = sizes.length;
  let total = 0;
  for (const size of sizes) {
    if (!(size >= 0)) throw new RangeError(`group sizes must be ≥ 0 (got ${size})`);
    total += size;
  }
  if (total > 2 ** 31) throw new RangeError(`at most 2^31 items (got ${total})`);
  const itemCount = total;
  const drawCount = draws ?? itemCount;
  if (
    !(Number.isInteger(drawCount) && drawCount >= 0 && drawCount <= 2 ** 31) ||
    (itemCount === 0 && drawCount > 0)
  )
    throw new RangeError(`cannot draw ${drawCount} items from ${itemCount}`);
  const binomials = Math.max(
    CONDITIONAL_BINOMIAL_MIN_GROUPS,
    CONDITIONAL_BINOMIAL_GROUPS_PER_ROOT_DRAW * Math.sqrt(drawCount),
  );
  return groupCount <= binomials
    ? conditionalBinomialResampler(sizes, itemCount, drawCount)
    : poissonizedResampler(sizes, itemCount, drawCount);
}

function conditionalBinomialResampler(
  sizes: Int32Array,
  itemCount: number,
  drawCount: number,
): GroupResampler {
  // Largest groups first: their binomials take the most draws, and the rest then split fewer.
  const order = Int32Array.from(sizes.keys()).sort((g, h) => (sizes[h] ?? 0) - (sizes[g] ?? 0));
  return {
    itemCount,
    groupCount: sizes.length,
    draws: drawCount,
    draw,
    drawMany(stream: UniformStream, out: Int32Array, count: number, groupMajor = false): void {
      const K = sizes.length;
      if (!groupMajor) {
        for (let r = 0; r < count; r++) draw(stream, out.subarray(r * K, (r + 1) * K));
        return;
      }
      const counts = new Int32Array(K);
      for (let r = 0; r < count; r++) {
        draw(stream, counts);
        for (let g = 0; g < K; g++) out[g * count + r] = counts[g] ?? 0;
      }
    },
  };

  function draw(stream: UniformStream, counts: Int32Array): void {
    let draws = drawCount;
    let items = itemCount;
    for (const g of order) {
      const size = sizes[g] ?? 0;
      const count = draws === 0 || size === 0 ? 0 : drawBinomial(stream, draws, size / items);
      counts[g] = count;
      draws -= count;
      items -= size;
    }
  }
}

function poissonizedResampler(sizes: Int32Array, itemCount: number, drawCount: number): GroupResampler {
  const groupCount = sizes.length;
  const lambda =
    (Math.max(0, 1 - POISSONIZATION_Z / Math.sqrt(Math.max(1, drawCount))) * drawCount) /
    Math.max(1, itemCount);
  // Groups ordered by size, one Poisson sampler per distinct size.
  const order = orderBySize(sizes, itemCount);
  const means: number[] = [];
  const classStart: number[] = [];
  for (let t = 0; t < groupCount; t++) {
    const size = sizes[order[t] ?? 0] ?? 0;
    if (t === 0 || size !== (sizes[order[t - 1] ?? 0] ?? 0)) classStart.push(t);
  }
  classStart.push(groupCount);
  for (let c = 0; c + 1 < classStart.length; c++)
    means.push(lambda * (sizes[order[classStart[c] ?? 0] ?? 0] ?? 0));
  // One sampler per class for single resamples, built on the first `draw` (most callers only `drawMany`).
  let samplers: PoissonSampler[] | null = null;
  const alias = buildAliasTable(sizes, itemCount);
  /** Adds `drawCount − from` single draws to `counts[start + g · stride]`. */
  const topUp = (stream: UniformStream, counts: Int32Array, from: number, start = 0, stride = 1): void => {
    for (let drawn = from; drawn < drawCount; drawn++) {
      const column = stream.nextIndex(groupCount);
      const g = stream.nextUint32() < (alias.threshold[column] ?? 0) ? column : (alias.other[column] ?? 0);
      const at = start + g * stride;
      counts[at] = (counts[at] ?? 0) + 1;
    }
  };
  const draw = (stream: UniformStream, counts: Int32Array): void => {
    samplers ??= means.map(
      (mean, c) =>
        new PoissonSampler(mean, tableWorthIt(mean, (classStart[c + 1] ?? 0) - (classStart[c] ?? 0))),
    );
    let drawn = 0;
    do {
      drawn = 0;
      for (let c = 0; c < samplers.length; c++) {
        const sampler = samplers[c];
        if (sampler === undefined) continue;
        drawn += sampler.drawInto(stream, order, classStart[c] ?? 0, classStart[c + 1] ?? 0, counts);
      }
    } while (drawn > drawCount);
    topUp(stream, counts, drawn);
  };
  // Samplers for blocks of `blockResamples` resamples, whose tables pay off for many more means.
  let blockSamplers: PoissonSampler[] = [];
  let blockResamples = 0;
  return {
    itemCount,
    groupCount,
    draws: drawCount,
    draw,
    /**
     * Group by group, the Poisson counts of all `count` resamples at once: one sampler's table then serves
     * `count` times as many draws, so that tables pay off for far more means than in a single resample (a
     * table draw is one word and a comparison or two; PTRS two words and often two logarithms). Each
     * resample's Poisson vector is independent, so the completion stays exact: a resample whose total
     * exceeds N is redrawn whole, then every resample is topped up one item at a time.
     */
    drawMany(stream: UniformStream, out: Int32Array, count: number, groupMajor = false): void {
      // Built for the largest block yet: a table is exact for any block, and only pays off for large ones.
      if (count > blockResamples) {
        blockResamples = count;
        blockSamplers = means.map(
          (mean, c) =>
            new PoissonSampler(
              mean,
              tableWorthIt(mean, count * ((classStart[c + 1] ?? 0) - (classStart[c] ?? 0))),
            ),
        );
      }
      const totals = new Float64Array(count);
      // Where group g's count in resample r goes: g · groupStride + r · resampleStride.
      const groupStride = groupMajor ? count : 1;
      const resampleStride = groupMajor ? 1 : groupCount;
      for (let c = 0; c < blockSamplers.length; c++) {
        const sampler = blockSamplers[c];
        if (sampler === undefined) continue;
        for (let t = classStart[c] ?? 0; t < (classStart[c + 1] ?? 0); t++)
          sampler.drawStrided(stream, out, (order[t] ?? 0) * groupStride, resampleStride, count, totals);
      }
      // A resample whose total overshoots is redrawn whole, with the same tables, until it does not.
      const redrawn = new Float64Array(1);
      for (let r = 0; r < count; r++) {
        let drawn = totals[r] ?? 0;
        while (drawn > drawCount) {
          redrawn[0] = 0;
          for (let c = 0; c < blockSamplers.length; c++) {
            const sampler = blockSamplers[c];
            if (sampler === undefined) continue;
            for (let t = classStart[c] ?? 0; t < (classStart[c + 1] ?? 0); t++)
              sampler.drawStrided(
                stream,
                out,
                (order[t] ?? 0) * groupStride + r * resampleStride,
                1,
                1,
                redrawn,
              );
          }
          drawn = redrawn[0] ?? 0;
        }
        topUp(stream, out, drawn, r * resampleStride, groupStride);
      }
    },
  };
}

/**
 * The groups by ascending size, ties in group order (as a stable sort by size gives them): by sorting
 * size · K + g as numbers, natively, when that stays an exact integer (the bag of little bootstraps builds
 * a resampler per subset, and a comparator sort of its thousands of groups cost more than its draws).
 */
function orderBySize(sizes: Int32Array, itemCount: number): Int32Array {
  const K = sizes.length;
  if (itemCount * K >= 2 ** 53)
    return Int32Array.from(sizes.keys()).sort((g, h) => (sizes[g] ?? 0) - (sizes[h] ?? 0));
  const keys = Float64Array.from(sizes, (size, g) => size * K + g).sort();
  return Int32Array.from(keys, (key) => key % K);
}

/**
 * Walker's alias table for drawing one group with probability n_g / N in O(1) (Vose 1991, "A linear
 * algorithm for generating random numbers with a given distribution", IEEE TSE 17(9):972–975): column c,
 * uniform over the K groups, keeps itself when a word is below `threshold[c]` (its probability · K, in units
 * of 2^-32) and otherwise gives `other[c]`.
 */
function buildAliasTable(sizes: Int32Array, itemCount: number) {
  const K = sizes.length;
  const scaled = Float64Array.from(sizes, (size) => (size * K) / itemCount);
  const threshold = new Float64Array(K);
  const other = Int32Array.from({ length: K }, (_, g) => g);
  const small: number[] = [];
  const large: number[] = [];
  scaled.forEach((p, g) => {
    (p < 1 ? small : large).push(g);
  });
  for (;;) {
    const s = small.pop();
    const l = large.pop();
    if (s === undefined || l === undefined) {
      // What remains has probability 1 up to rounding: keep itself always.
      for (const g of [...small, ...large, ...(s === undefined ? [] : [s]), ...(l === undefined ? [] : [l])])
        threshold[g] = 2 ** 32;
      break;
    }
    threshold[s] = (scaled[s] ?? 0) * 2 ** 32;
    other[s] = l;
    const rest = (scaled[l] ?? 0) + (scaled[s] ?? 0) - 1;
    scaled[l] = rest;
    (rest < 1 ? small : large).push(l);
  }
  return { threshold, other };
}
