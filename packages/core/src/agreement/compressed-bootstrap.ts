import { type BlockRandom, createRandom, createXoshiro128StarStar, UniformStream } from '../shared';
import {
  type PercentileInterval,
  percentileInterval,
  type Resample,
  type ResampledStatistic,
} from './bootstrap';
import { createGroupResampler, type GroupResampler } from './group-resampler';
import { type CombinedForms, combineForms, finishFromBlock, sumBlock } from './linear-forms';

/**
 * One way of grouping the N items, and the statistics that read items only through that grouping: group
 * g holds `sizes[g]` items (Σ = N), and each statistic is evaluated on the groups' representatives (see
 * `ItemGroups`) with a weight per group (`Resample.weights`, indexed by group). Any grouping is valid for
 * a statistic that gives the same value to all items of a group; one group per item is the plain bootstrap.
 */
export interface ResampleLevel {
  readonly sizes: Int32Array;
  readonly statistics: readonly ResampledStatistic[];
  /**
   * The same statistics (same order and sizes) built on groups `subset[0 … k − 1]` only, group t of the
   * copy being group `subset[t]`: the bag of little bootstraps resamples each subset on such a compact
   * copy when the level offers one, rather than on its groups scattered through the whole level.
   */
  readonly restrict?: (subset: Int32Array) => readonly ResampledStatistic[];
}

/** How a level is resampled; `auto` (the default) chooses by cost, see `chooseMethod`. */
export type ResampleMethod = 'auto' | 'multinomial' | 'little-bootstraps';

export interface CompressedBootstrapOptions {
  readonly resamples: number;
  readonly seed: number;
  readonly confidence: number;
  readonly method?: ResampleMethod;
  /** Called after about every 1% of the resamples and after the last one. */
  readonly onResampled?: (done: number) => void;
}

/**
 * Above this many groups a level's exact resamples cost more than they are worth (a pairwise level of 5
 * annotators carries about 40 features a group: 5,000 groups cost about 0.15 s per 1,000 resamples on this
 * machine kind), and the bag of little bootstraps takes over if it is several times cheaper. See
 * docs/decisions/percentile-bootstrap.md.
 */
const MULTINOMIAL_MAX_GROUPS = 5_000;
/** The bag of little bootstraps is used only when its subsets have at most this share of the level's groups. */
const LITTLE_BOOTSTRAPS_MAX_SHARE = 0.25;
/** Kleiner et al. (2014) recommend subsets of b = N^γ items with γ = 0.7 (their §3–4: 0.6 is at times too small). */
const LITTLE_BOOTSTRAPS_GAMMA = 0.7;
/** Resamples per subset (r = 100 in their experiments); the number of subsets s is resamples / r. */
const LITTLE_BOOTSTRAPS_RESAMPLES_PER_SUBSET = 100;

interface LittleBootstrapsPlan {
  readonly subsets: number;
  readonly subsetSize: number;
}

/**
 * `multinomial` (exact) unless the level has over 20,000 groups and subsets of b = N^0.7 items would hold
 * at most a quarter as many; then the bag of little bootstraps with s = resamples / 100 subsets of b items.
 */
export function chooseMethod(
  level: ResampleLevel,
  resamples: number,
  method: ResampleMethod = 'auto',
): LittleBootstrapsPlan | null {
  if (method === 'multinomial') return null;
  let itemCount = 0;
  for (const size of level.sizes) itemCount += size;
  const subsetSize = Math.min(itemCount, Math.ceil(itemCount ** LITTLE_BOOTSTRAPS_GAMMA));
  const subsets = Math.max(1, Math.round(resamples / LITTLE_BOOTSTRAPS_RESAMPLES_PER_SUBSET));
  if (method === 'little-bootstraps') return { subsets, subsetSize };
  const groups = level.sizes.length;
  const worthIt = groups > MULTINOMIAL_MAX_GROUPS && subsetSize <= LITTLE_BOOTSTRAPS_MAX_SHARE * groups;
  return worthIt ? { subsets, subsetSize } : null;
}

/** Per level, per statistic, per component of the statistic: its percentile interval. */
export type LevelIntervals = PercentileInterval[][][];

/**
 * How many chunks a level's exact resamples are drawn in: chunk c takes resamples [⌊c·R/C⌋, ⌊(c + 1)·R/C⌋)
 * from its own stream. Threads once shared a level's chunks; they now share levels (see
 * `computeAnnotationIntervals`), and the chunks stay so that the same seed keeps giving the same intervals.
 */
export const BOOTSTRAP_CHUNKS = 4;

/** The resamples chunk `chunk` of `BOOTSTRAP_CHUNKS` takes: `[start, end)`. */
export function chunkRange(resamples: number, chunk: number): readonly [number, number] {
  return [
    Math.floor((chunk * resamples) / BOOTSTRAP_CHUNKS),
    Math.floor(((chunk + 1) * resamples) / BOOTSTRAP_CHUNKS),
  ];
}

/**
 * Splits `seed` into one independent generator per level, so that adding a level changes no other's
 * draws; a level resampled exactly splits its generator again into one stream per chunk.
 */
function levelRandoms(seed: number, count: number): BlockRandom[] {
  const master = createRandom(seed);
  return Array.from({ length: count }, () => splitRandom(master));
}

function splitRandom(from: BlockRandom): BlockRandom {
  return createXoshiro128StarStar(from.nextUint32(), from.nextUint32(), from.nextUint32(), from.nextUint32());
}

/**
 * Each chunk's generator is seeded through splitmix32 (`createRandom`) rather than straight from the
 * level generator's next words, so that no two chunks' states are a linear step of the same generator apart.
 */
function chunkStreams(level: BlockRandom): UniformStream[] {
  return Array.from({ length: BOOTSTRAP_CHUNKS }, () => new UniformStream(createRandom(level.nextUint32())));
}

/** A level's resampling by the bag of little bootstraps, advanced one resample at a time with the others. */
interface LevelRun {
  step(r: number): void;
  intervals(confidence: number): PercentileInterval[][];
}

/** A level's exact resampling: one run per chunk, each writing its slots of the level's distributions. */
interface ExactLevel {
  readonly statistics: readonly ResampledStatistic[];
  readonly distributions: Float64Array[];
  readonly streams: UniformStream[];
  readonly groups: GroupResampler;
  readonly combined: CombinedForms | null;
}

function exactLevel(level: ResampleLevel, random: BlockRandom, resamples: number): ExactLevel {
  const groups = createGroupResampler(level.sizes);
  return {
    statistics: level.statistics,
    distributions: distributionsOf(level.statistics, resamples),
    streams: chunkStreams(random),
    groups,
    combined: combineForms(level.statistics, groups.groupCount),
  };
}

/** Steps that draw chunk `chunk` of an exact level into its distributions (slots `start …`). */
function chunkStepper(exact: ExactLevel, chunk: number, resamples: number): (r: number) => void {
  const [start, end] = chunkRange(resamples, chunk);
  const stream = exact.streams[chunk] as UniformStream;
  return multinomialStep(exact, stream, end - start, (r) => start + r, resamples);
}

/** Per level, whether it is drawn exactly (and split into chunks) or by the bag of little bootstraps. */
function plansOf(levels: readonly ResampleLevel[], options: { resamples: number; method?: ResampleMethod }) {
  return levels.map((level) =>
    level.statistics.length === 0 ? undefined : chooseMethod(level, options.resamples, options.method),
  );
}

/**
 * The compressed bootstrap: the nonparametric bootstrap over items (Efron & Tibshirani 1993, ch. 6), with
 * each level resampled on its own groups. Returns the percentile intervals at `confidence` of every
 * statistic's every component.
 * - `multinomial`: a resample is an exact Multinomial(N; n_g / N) draw of counts over the groups
 *   (`createGroupResampler`), which is in distribution exactly the per-item bootstrap of any statistic that
 *   depends on an item only through its group (`bootstrapDistributions` stays as the reference the tests
 *   compare with), at a cost per resample that grows with the number of groups, not items. The resamples
 *   are drawn in `BOOTSTRAP_CHUNKS` chunks from streams of their own.
 * - `little-bootstraps`, for a level whose items barely group (e.g. who-labeled-what among many annotators
 *   and categories): the bag of little bootstraps (Kleiner, Talwalkar, Sarkar & Jordan 2014, "A scalable
 *   bootstrap for massive data", JRSS-B 76(4):795–816). s subsets of b = N^0.7 items are drawn without
 *   replacement; each is resampled r times at the full size N as a multinomial over its own groups (so a
 *   resample costs at most b groups); the interval is the estimate θ̂ plus the mean over subsets of each
 *   subset's percentile bounds taken relative to the subset's own estimate θ_j, the centring that makes
 *   the subsets' intervals comparable (θ_j varies as 1/√b, far more than the interval's width).
 * Levels draw from independent streams split from `seed`: a percentile interval reads one statistic's
 * marginal distribution, and each level's draws give it exactly; joint distributions of statistics at
 * different levels are never used. The same seed and levels give the same intervals, wherever the chunks
 * are drawn.
 */
export function compressedBootstrap(
  levels: readonly ResampleLevel[],
  options: CompressedBootstrapOptions,
): LevelIntervals {
  const { resamples, seed, confidence, onResampled } = options;
  const randoms = levelRandoms(seed, levels.length);
  const plans = plansOf(levels, options);
  // A level's share of the work per resample, for the progress: its groups (exact) or its subsets' items.
  const weights = levels.map((level, l) => {
    const plan = plans[l];
    return plan === undefined ? 0 : Math.max(1, plan === null ? level.sizes.length : plan.subsetSize);
  });
  const progress = resampleProgress(resamples, weights, onResampled);
  const intervals: LevelIntervals = levels.map(() => []);
  // Exact levels one after the other: a level's streams, draws and distributions live only while it is drawn,
  // and stay in the cache. (Stepped together, the levels of 10,000 annotators held 1 GB at once.) Each level
  // and chunk draws from its own stream, so the order levels are drawn in changes no draw.
  levels.forEach((level, l) => {
    if (plans[l] !== null) return;
    const exact = exactLevel(level, randoms[l] as BlockRandom, resamples);
    const weight = weights[l] ?? 0;
    for (let chunk = 0; chunk < BOOTSTRAP_CHUNKS; chunk++) {
      const [start, end] = chunkRange(resamples, chunk);
      const step = chunkStepper(exact, chunk, resamples);
      for (let r = 0; r < end - start; r++) {
        step(r);
        progress.add(weight);
      }
    }
    intervals[l] = percentileIntervals(level.statistics, exact.distributions, resamples, confidence);
  });
  // The little bootstraps advance together, one resample at a time.
  const little = levels.map((level, l): LevelRun | null => {
    const plan = plans[l];
    if (plan === undefined || plan === null) return null;
    return littleBootstrapsRun(level, new UniformStream(randoms[l] as BlockRandom), resamples, plan);
  });
  const littleWeight = little.reduce((sum, run, l) => sum + (run === null ? 0 : (weights[l] ?? 0)), 0);
  for (let r = 0; r < resamples && littleWeight > 0; r++) {
    for (const run of little) run?.step(r);
    progress.add(littleWeight);
  }
  progress.finish();
  little.forEach((run, l) => {
    if (run !== null) intervals[l] = run.intervals(confidence);
  });
  return intervals;
}

/**
 * Progress in resamples, for levels of unequal cost drawn one after another: `add(w)` counts one resample of
 * a level of weight w; `onResampled` hears the resamples' share of the work done, at every 1% of them
 * (and at the last), so a bar moves with the work whatever order the levels are drawn in.
 */
function resampleProgress(
  resamples: number,
  weights: readonly number[],
  onResampled: ((done: number) => void) | undefined,
) {
  const total = resamples * weights.reduce((sum, weight) => sum + weight, 0);
  const every = Math.max(1, Math.ceil(resamples / 100));
  let next =
    onResampled === undefined || resamples === 0 ? Number.POSITIVE_INFINITY : Math.min(every, resamples);
  let units = 0;
  const report = (done: number) => {
    while (done >= next) {
      onResampled?.(next);
      next = next === resamples ? Number.POSITIVE_INFINITY : Math.min(next + every, resamples);
    }
  };
  return {
    add(weight: number): void {
      units += weight;
      if (total > 0) report(Math.floor((resamples * units) / total));
    },
    finish(): void {
      report(resamples);
    },
  };
}

/** Values of each statistic's components over the resamples, component j's at `[j · count, (j + 1) · count)`. */
function distributionsOf(statistics: readonly ResampledStatistic[], count: number): Float64Array[] {
  return statistics.map((statistic) => new Float64Array(statistic.size * count));
}

/** Evaluates every statistic on `resample`: statistic s's components into `out[s]`. */
function evaluateInto(
  statistics: readonly ResampledStatistic[],
  resample: Resample,
  out: readonly Float64Array[],
): void {
  for (let s = 0; s < statistics.length; s++) {
    const statistic = statistics[s] as ResampledStatistic;
    statistic.evaluate(resample, out[s] ?? new Float64Array(statistic.size));
  }
}

/** Lists the groups with a nonzero count into `drawn`; returns how many. */
function listDrawn(counts: Int32Array, drawn: Int32Array): number {
  let count = 0;
  for (let g = 0; g < counts.length; g++) {
    drawn[count] = g;
    count += Math.min(counts[g] ?? 0, 1);
  }
  return count;
}

/** Counts held per block of resamples drawn at once: 16 MB, so a block of 1,000 resamples fits 4,000 groups. */
const BLOCK_COUNTS = 1 << 22;
/**
 * Counts per block of resamples scored through linear forms: 1 MB, so that the block stays in the
 * second-level cache while the top-up adds single draws to it at random (group-major, a resample's counts
 * are a block's length apart). Measured on the 1M-cell bench file, 10% less CPU than 16 MB blocks.
 */
const LINEAR_BLOCK_COUNTS = 1 << 18;

/**
 * Resamples of one resampler drawn a block at a time (`GroupResampler.drawMany`) and handed out one by
 * one, in order: the same draws whatever the block size, up to the order the stream is read in.
 */
class BlockDraws {
  private readonly block: Int32Array;
  private readonly blockSize: number;
  private next: number;
  private left: number;

  constructor(
    private readonly resampler: GroupResampler,
    /** Resamples that will be asked for (a block never draws more). */
    resamples: number,
  ) {
    const K = Math.max(1, resampler.groupCount);
    this.blockSize = Math.max(1, Math.min(resamples, Math.floor(BLOCK_COUNTS / K)));
    this.block = new Int32Array(K * this.blockSize);
    this.next = this.blockSize;
    this.left = resamples;
  }

  /** The next resample's counts, indexed by group (valid until the next call). */
  take(stream: UniformStream): Int32Array {
    const K = this.resampler.groupCount;
    if (this.next === this.blockSize) {
      this.resampler.drawMany(stream, this.block, Math.min(this.blockSize, Math.max(1, this.left)));
      this.next = 0;
    }
    this.left--;
    const counts = this.block.subarray(this.next * K, (this.next + 1) * K);
    this.next++;
    return counts;
  }
}

/**
 * Resamples of one resampler scored a block at a time through the statistics' combined linear forms
 * (`sumBlock`): the counts are drawn group-major and each group's features run down the whole block, so
 * a resample costs its share of one pass over the groups' nonzero features, with no per-resample call
 * into each statistic beyond `finish`. The same draws as `BlockDraws`, so the same seed gives the same values.
 */
class LinearBlocks {
  private readonly counts: Int32Array;
  private readonly sums: Float64Array;
  private readonly blockSize: number;
  private readonly scratch: Float64Array;
  private size = 0;
  private next = 0;
  private left: number;

  constructor(
    private readonly resampler: GroupResampler,
    private readonly combined: CombinedForms,
    resamples: number,
  ) {
    const K = Math.max(1, resampler.groupCount);
    this.blockSize = Math.max(1, Math.min(resamples, Math.floor(LINEAR_BLOCK_COUNTS / K)));
    this.counts = new Int32Array(K * this.blockSize);
    this.sums = new Float64Array(combined.width * this.blockSize);
    let widest = 0;
    for (const form of combined.forms) widest = Math.max(widest, form.width);
    this.scratch = new Float64Array(widest);
    this.left = resamples;
  }

  /** Scores the next resample: statistic s's components into `out[s]`. */
  take(stream: UniformStream, out: readonly Float64Array[]): void {
    if (this.next === this.size) {
      this.size = Math.min(this.blockSize, Math.max(1, this.left));
      this.resampler.drawMany(stream, this.counts, this.size, true);
      sumBlock(this.combined, this.counts, this.size, this.sums);
      this.next = 0;
    }
    this.left--;
    for (let s = 0; s < this.combined.forms.length; s++) {
      const target = out[s];
      if (target !== undefined)
        finishFromBlock(this.combined, s, this.sums, this.size, this.next, this.scratch, target);
    }
    this.next++;
  }
}

/** Stores each statistic's components, scored in `scratch`, as resample `slot` (component j at `j · count + slot`). */
function store(
  statistics: readonly ResampledStatistic[],
  scratch: readonly Float64Array[],
  distributions: readonly Float64Array[],
  count: number,
  slot: number,
): void {
  statistics.forEach((statistic, s) => {
    const out = scratch[s] ?? new Float64Array(statistic.size);
    const distribution = distributions[s] ?? new Float64Array(0);
    for (let j = 0; j < statistic.size; j++) distribution[j * count + slot] = out[j] ?? Number.NaN;
  });
}

/**
 * Steps that draw `count` exact resamples of a level from `stream` and store resample r in slot
 * `slotOf(r)` of its distributions (`total` slots per component).
 */
function multinomialStep(
  exact: ExactLevel,
  stream: UniformStream,
  count: number,
  slotOf: (r: number) => number,
  total: number,
): (r: number) => void {
  const { statistics, groups, combined, distributions } = exact;
  const scratch = statistics.map((statistic) => new Float64Array(statistic.size));
  if (combined !== null) {
    const blocks = new LinearBlocks(groups, combined, count);
    return (r) => {
      blocks.take(stream, scratch);
      store(statistics, scratch, distributions, total, slotOf(r));
    };
  }
  const draws = new BlockDraws(groups, count);
  const drawn = new Int32Array(groups.groupCount);
  return (r) => {
    const counts = draws.take(stream);
    const resample: Resample = { weights: counts, items: drawn, count: listDrawn(counts, drawn) };
    evaluateInto(statistics, resample, scratch);
    store(statistics, scratch, distributions, total, slotOf(r));
  };
}

function percentileIntervals(
  statistics: readonly ResampledStatistic[],
  distributions: readonly Float64Array[],
  resamples: number,
  confidence: number,
): PercentileInterval[][] {
  return statistics.map((statistic, s) =>
    Array.from({ length: statistic.size }, (_, j) =>
      percentileInterval(
        (distributions[s] ?? new Float64Array(0)).subarray(j * resamples, (j + 1) * resamples),
        confidence,
      ),
    ),
  );
}

/**
 * Draws `subsetSize` of the N items without replacement (Floyd's algorithm: one uniform per item, a set of
 * the chosen positions) and counts them per group; fills `subsetCounts` (indexed by group) and returns the
 * groups with a nonzero count, ascending.
 */
function drawSubset(
  stream: UniformStream,
  groupEnd: Float64Array,
  itemCount: number,
  subsetSize: number,
  subsetCounts: Int32Array,
): Int32Array {
  // The chosen positions, and a bit per item to tell whether one is chosen already (N/8 bytes, not a Set).
  const chosen = new Int32Array(subsetSize);
  const taken = new Uint8Array((itemCount >>> 3) + 1);
  let next = 0;
  for (let j = itemCount - subsetSize; j < itemCount; j++) {
    const t = stream.nextInt(j + 1);
    const position = ((taken[t >>> 3] ?? 0) >>> (t & 7)) & 1 ? j : t;
    taken[position >>> 3] = (taken[position >>> 3] ?? 0) | (1 << (position & 7));
    chosen[next++] = position;
  }
  subsetCounts.fill(0);
  for (const position of chosen) {
    let lo = 0;
    let hi = groupEnd.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((groupEnd[mid] ?? 0) > position) hi = mid;
      else lo = mid + 1;
    }
    subsetCounts[lo] = (subsetCounts[lo] ?? 0) + 1;
  }
  const groups: number[] = [];
  subsetCounts.forEach((count, g) => {
    if (count > 0) groups.push(g);
  });
  return Int32Array.from(groups);
}

function littleBootstrapsRun(
  level: ResampleLevel,
  stream: UniformStream,
  resamples: number,
  plan: LittleBootstrapsPlan,
): LevelRun {
  const { statistics, sizes } = level;
  const groupCount = sizes.length;
  const groupEnd = new Float64Array(groupCount);
  let itemCount = 0;
  for (let g = 0; g < groupCount; g++) {
    itemCount += sizes[g] ?? 0;
    groupEnd[g] = itemCount;
  }
  const { subsets, subsetSize } = plan;
  // Subset j takes resamples [start(j), start(j + 1)): r = resamples / s, the remainder spread over the first.
  const start = (j: number) => Math.floor((j * resamples) / subsets);
  const weights = new Int32Array(groupCount);
  const drawn = new Int32Array(groupCount);
  const subsetCounts = new Int32Array(groupCount);
  const scratch = statistics.map((statistic) => new Float64Array(statistic.size));
  const distributions = distributionsOf(statistics, resamples);
  // Per subset, each statistic's components evaluated on the subset itself (θ_j), scaled to N items.
  const centres = statistics.map((statistic) => new Float64Array(statistic.size * subsets));
  const estimates = statistics.map((statistic) => new Float64Array(statistic.size));
  let subset = -1;
  let subsetGroups: Int32Array = new Int32Array(0);
  let subsetDraws: BlockDraws | null = null;
  // With `restrict`: the subset's own statistics, read through the subset's group numbers 0 … k − 1, and
  // scored through their linear forms when they all have one.
  let local: readonly ResampledStatistic[] | null = null;
  let localBlocks: LinearBlocks | null = null;
  let localDrawn = new Int32Array(0);

  const evaluateWeighted = (weightOf: (g: number) => number, out: readonly Float64Array[]) => {
    let count = 0;
    for (let g = 0; g < groupCount; g++) {
      weights[g] = weightOf(g);
      drawn[count] = g;
      count += Math.min(weights[g] ?? 0, 1);
    }
    evaluateInto(statistics, { weights, items: drawn, count }, out);
    weights.fill(0);
  };
  // θ̂: the statistic on every item, as a weighting of the groups by their sizes.
  evaluateWeighted((g) => sizes[g] ?? 0, estimates);

  return {
    step(r: number): void {
      while (r >= start(subset + 1)) {
        subset++;
        subsetGroups = drawSubset(stream, groupEnd, itemCount, subsetSize, subsetCounts);
        const subsetResampler = createGroupResampler(
          Int32Array.from(subsetGroups, (g) => subsetCounts[g] ?? 0),
          itemCount,
        );
        const subsetResamples = start(subset + 1) - start(subset);
        subsetDraws = null;
        localBlocks = null;
        const scale = Math.max(1, Math.floor(itemCount / subsetSize));
        if (level.restrict === undefined) evaluateWeighted((g) => (subsetCounts[g] ?? 0) * scale, scratch);
        else {
          local = level.restrict(subsetGroups);
          localDrawn = Int32Array.from(subsetGroups.keys());
          const localWeights = Int32Array.from(subsetGroups, (g) => (subsetCounts[g] ?? 0) * scale);
          evaluateInto(
            local,
            { weights: localWeights, items: localDrawn, count: localDrawn.length },
            scratch,
          );
          const combined = combineForms(local, subsetGroups.length);
          if (combined !== null) localBlocks = new LinearBlocks(subsetResampler, combined, subsetResamples);
        }
        if (localBlocks === null) subsetDraws = new BlockDraws(subsetResampler, subsetResamples);
        statistics.forEach((statistic, s) => {
          for (let j = 0; j < statistic.size; j++)
            (centres[s] ?? new Float64Array(0))[j * subsets + subset] = scratch[s]?.[j] ?? Number.NaN;
        });
      }
      if (localBlocks !== null && local !== null) {
        localBlocks.take(stream, scratch);
        store(local, scratch, distributions, resamples, r);
        return;
      }
      const counts = subsetDraws?.take(stream) ?? new Int32Array(0);
      if (local !== null) {
        const resample: Resample = {
          weights: counts,
          items: localDrawn,
          count: listDrawn(counts, localDrawn),
        };
        evaluateInto(local, resample, scratch);
        store(local, scratch, distributions, resamples, r);
        return;
      }
      let count = 0;
      for (let t = 0; t < subsetGroups.length; t++) {
        const g = subsetGroups[t] ?? 0;
        const w = counts[t] ?? 0;
        weights[g] = w;
        drawn[count] = g;
        count += Math.min(w, 1);
      }
      evaluateInto(statistics, { weights, items: drawn, count }, scratch);
      store(statistics, scratch, distributions, resamples, r);
      for (const g of subsetGroups) weights[g] = 0;
    },
    intervals: (confidence) =>
      statistics.map((statistic, s) =>
        Array.from({ length: statistic.size }, (_, j) => {
          const values = (distributions[s] ?? new Float64Array(0)).subarray(
            j * resamples,
            (j + 1) * resamples,
          );
          const estimate = estimates[s]?.[j] ?? Number.NaN;
          const centre = (k: number) => centres[s]?.[j * subsets + k] ?? Number.NaN;
          return littleBootstrapsInterval(values, start, subsets, centre, estimate, confidence);
        }),
      ),
  };
}

/**
 * The bag of little bootstraps' percentile interval: θ̂ + the mean over subsets of (each subset's
 * percentile bounds − its θ_j). Subsets whose θ_j or interval is undefined are left out; `null`, as for the
 * plain percentile interval, when fewer than half of all resamples define the statistic.
 */
function littleBootstrapsInterval(
  values: Float64Array,
  start: (subset: number) => number,
  subsets: number,
  centre: (subset: number) => number,
  estimate: number,
  confidence: number,
): PercentileInterval {
  let undefinedResamples = 0;
  let lower = 0;
  let upper = 0;
  let used = 0;
  for (let k = 0; k < subsets; k++) {
    const { interval, undefinedResamples: missing } = percentileInterval(
      values.subarray(start(k), start(k + 1)),
      confidence,
    );
    undefinedResamples += missing;
    const theta = centre(k);
    if (interval === null || !Number.isFinite(theta)) continue;
    lower += interval[0] - theta;
    upper += interval[1] - theta;
    used++;
  }
  if (used === 0 || !Number.isFinite(estimate) || undefinedResamples * 2 > values.length)
    return { interval: null, undefinedResamples };
  return { interval: [estimate + lower / used, estimate + upper / used], undefinedResamples };
}
