import { createRandom } from '../shared';
import type { Interval } from './types';

/**
 * A bootstrap resample of the items as multiplicity weights: `weights[i]` is how many times item i was
 * drawn, and `items[0 … count − 1]` lists, ascending, the items drawn at least once, so that per-item
 * passes skip the undrawn third without a branch per item.
 */
export interface Resample {
  readonly weights: Int32Array;
  readonly items: Int32Array;
  readonly count: number;
}

/**
 * A statistic, or a vector of `size` statistics, that can be recomputed for any resample of the items
 * (`null`: every item once, which gives the point estimate). `evaluate` writes `NaN` for a value that is
 * undefined for that resample.
 */
export interface ResampledStatistic {
  readonly size: number;
  evaluate(resample: Resample | null, out: Float64Array): void;
  /**
   * The same statistic as a function of weighted sums over the items (see `LinearForm`), when it is one:
   * the compressed bootstrap then scores a block of resamples in one pass over the groups. Built on demand.
   */
  readonly linear?: () => LinearForm;
}

/**
 * A statistic that reads the items only through sums Σ_i w_i x_i of fixed per-item feature vectors x_i
 * (`width` of them, sparse: item i's nonzero features are `column`/`value` at `[rowStart[i], rowStart[i + 1])`),
 * then a function `finish` of those sums alone. Every coefficient the report resamples over items is one:
 * α reads its coincidence matrix, the multi-rater coefficients their totals, the pairwise ones each pair's
 * confusion matrix, the ceiling two sums, and each of these adds up item by item. `finish` of the sums with
 * the resample's weights gives what `evaluate` gives for that resample, up to rounding in the sums' order.
 */
export interface LinearForm {
  readonly width: number;
  readonly rowStart: Int32Array;
  readonly column: Int32Array;
  readonly value: Float64Array;
  /** The statistic's `size` components from the `width` sums (`sums` may be reused afterwards). */
  finish(sums: Float64Array, out: Float64Array): void;
}

/**
 * The plain per-item bootstrap, kept as the reference that the compressed bootstrap (`compressedBootstrap`,
 * which the report uses) is tested against. Nonparametric bootstrap over items (Efron & Tibshirani 1993,
 * ch. 6): `resamples` times, draw `itemCount` items with replacement using the seeded xoshiro128**
 * generator, and re-evaluate every statistic from its per-item sufficient statistics with the draw's
 * multiplicity weights; annotations are never copied. Returns, per statistic, its values with component j's resamples at
 * `[j · resamples, (j + 1) · resamples)`. The same seed gives the same draws, hence the same intervals.
 * `onResampled(done)` is called after about every 1% of the resamples and after the last one.
 */
export function bootstrapDistributions(
  statistics: readonly ResampledStatistic[],
  itemCount: number,
  resamples: number,
  seed: number,
  onResampled?: (done: number) => void,
): Float64Array[] {
  // Every resample costs a pass over the items, so one comparison per resample is free; a call per
  // resample would not be for a caller that posts each one to another thread.
  const every = Math.max(1, Math.ceil(resamples / 100));
  let nextReport = onResampled === undefined ? Number.POSITIVE_INFINITY : Math.min(every, resamples);
  const random = createRandom(seed);
  const weights = new Int32Array(itemCount);
  const items = new Int32Array(itemCount);
  const distributions = statistics.map((statistic) => new Float64Array(statistic.size * resamples));
  const scratch = statistics.map((statistic) => new Float64Array(statistic.size));
  for (let r = 0; r < resamples; r++) {
    weights.fill(0);
    for (let draw = 0; draw < itemCount; draw++) {
      const i = random.nextInt(itemCount);
      weights[i] = (weights[i] ?? 0) + 1;
    }
    let count = 0;
    for (let i = 0; i < itemCount; i++) {
      items[count] = i;
      count += Math.min(weights[i] ?? 0, 1);
    }
    const resample: Resample = { weights, items, count };
    statistics.forEach((statistic, s) => {
      const out = scratch[s] ?? new Float64Array(statistic.size);
      const distribution = distributions[s] ?? new Float64Array(0);
      statistic.evaluate(resample, out);
      for (let j = 0; j < statistic.size; j++) distribution[j * resamples + r] = out[j] ?? Number.NaN;
    });
    if (r + 1 === nextReport) {
      onResampled?.(r + 1);
      nextReport = Math.min(nextReport + every, resamples);
    }
  }
  return distributions;
}

/** A percentile interval and how many resamples left the statistic undefined (they are left out). */
export interface PercentileInterval {
  readonly interval: Interval | null;
  readonly undefinedResamples: number;
}

/**
 * Percentile bootstrap interval: the (1 − confidence)/2 and (1 + confidence)/2 quantiles of the defined
 * resampled values, interpolated linearly between order statistics (R's `quantile(type = 7)`). `null`
 * when fewer than half of the resamples define the statistic, since the interval would then describe
 * an unrepresentative subset.
 */
export function percentileInterval(values: Float64Array, confidence: number): PercentileInterval {
  // The defined values, copied by a plain loop (a `filter` callback per value cost as much as the rest).
  const copy = new Float64Array(values.length);
  let count = 0;
  let negativeZero = false;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? Number.NaN;
    if (!Number.isFinite(value)) continue;
    if (value === 0 && Object.is(value, -0)) negativeZero = true;
    copy[count++] = value;
  }
  const undefinedResamples = values.length - count;
  if (count === 0 || count * 2 < values.length) return { interval: null, undefinedResamples };
  const defined = copy.subarray(0, count);
  // A sort puts -0 before +0, which `<` cannot tell apart: the rare sample with a -0 is sorted.
  if (negativeZero) defined.sort();
  // Otherwise the four order statistics the two quantiles read are found by selection (linear) rather
  // than by sorting all values: a report of 10,000 annotators takes 10,000 intervals. Left to right, each
  // selection works on what lies right of the last one found, which holds the larger values.
  const tail = (1 - confidence) / 2;
  const last = count - 1;
  let from = 0;
  const orderStatistic = (k: number): number => {
    if (!negativeZero) {
      // With a narrow confidence both quantiles may read the same statistics: a k left of `from` is one of
      // those found already, and everything left of it is no larger than anything from it on.
      selectInPlace(defined, k, Math.min(from, k), last);
      from = Math.max(from, k);
    }
    return defined[k] ?? Number.NaN;
  };
  const quantile = (p: number): number => {
    const h = last * p;
    const lo = Math.floor(h);
    const a = orderStatistic(lo);
    const b = lo < last ? orderStatistic(lo + 1) : a;
    return a + (h - lo) * (b - a);
  };
  const lower = quantile(tail);
  return { interval: [lower, quantile(1 - tail)], undefinedResamples };
}

/**
 * Rearranges `values[left … right]` so that `values[k]` holds the value an ascending sort would put there,
 * smaller ones before it and larger ones after (Hoare's selection, median-of-three pivots).
 */
function selectInPlace(values: Float64Array, k: number, left: number, right: number): void {
  let lo = left;
  let hi = right;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three to the middle, so that sorted or reversed input stays linear.
    if ((values[mid] ?? 0) < (values[lo] ?? 0)) swap(values, mid, lo);
    if ((values[hi] ?? 0) < (values[lo] ?? 0)) swap(values, hi, lo);
    if ((values[hi] ?? 0) < (values[mid] ?? 0)) swap(values, hi, mid);
    const pivot = values[mid] ?? 0;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] ?? 0) < pivot) i++;
      while (pivot < (values[j] ?? 0)) j--;
      if (i <= j) {
        swap(values, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function swap(values: Float64Array, i: number, j: number): void {
  const t = values[i] ?? 0;
  values[i] = values[j] ?? 0;
  values[j] = t;
}
