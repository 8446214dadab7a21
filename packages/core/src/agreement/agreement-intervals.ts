import type { PercentileInterval, ResampledStatistic } from './bootstrap';
import { createAnnotatorAgreementLevels, createMajorityStatistic } from './ceiling';
import { compressedBootstrap, type ResampleLevel, type ResampleMethod } from './compressed-bootstrap';
import {
  groupItemsByAnnotations,
  groupItemsByLabels,
  type ItemGroups,
  type SampleTables,
  selectFrom,
} from './item-groups';
import { buildItemIndex, type ItemIndex } from './item-index';
import { itemCountOf, withLazyItems } from './item-names';
import { buildItemTable, type ItemTable } from './item-table';
import { buildPairTable } from './pair-table';
import {
  buildPairSource,
  createAlphaStatistic,
  createLightStatistic,
  createMultiRaterStatistic,
  createTwoRaterStatistic,
  MULTI_RATER,
  TWO_RATER,
} from './statistics';
import type { AgreementCiKey, EncodedSample, Interval, MeasurementLevel } from './types';

/** The choices a report's intervals are computed with, the same on every thread that draws them. */
export interface IntervalChoices {
  readonly level: MeasurementLevel;
  readonly fleissApplies: boolean;
  /** 3 when the ceiling is the majority of the others, 2 when it is percent agreement. */
  readonly ceilingMinLabels: number;
  readonly perAnnotator: boolean;
  readonly resamples: number;
  readonly seed: number;
  readonly confidence: number;
  /** Forces how every level is resampled (tests); by default chosen by cost. */
  readonly method?: ResampleMethod;
}

/** What the report's intervals are computed from: the sample, its tables, and which coefficients exist. */
export interface IntervalInputs extends IntervalChoices {
  readonly sample: EncodedSample;
  readonly index: ItemIndex;
  readonly table: ItemTable;
  /** The coefficients with a point estimate: only these get an interval. */
  readonly defined: ReadonlySet<AgreementCiKey>;
  readonly onResampled?: (done: number) => void;
  /** How many items each item of `sample` stands for (a grouped sample); every item once by default. */
  readonly multiplicities?: Int32Array;
  /** The annotation levels' intervals, when another thread computes them (see `BootstrapThreads`). */
  readonly elsewhere?: AnnotationIntervalsElsewhere | null;
  /** With `elsewhere`, the part of the annotation levels left to this thread (see `annotationShares`). */
  readonly hereShare?: AnnotationIntervalsRequest | null;
}

/**
 * What another thread needs to compute the intervals of the levels grouped by who gave which label
 * (`computeAnnotationIntervals`): the items already grouped so (a few thousand groups where the sample
 * holds millions of items), each group's item count, and what the report decides before any point
 * estimate, all of it structured-cloneable. It is asked for before the point estimates, so that the
 * other thread resamples while this one estimates.
 */
export interface AnnotationIntervalsRequest extends Omit<IntervalChoices, 'level' | 'fleissApplies'> {
  /** One item per group, without item names (the intervals never read them). */
  readonly sample: Omit<EncodedSample, 'items'>;
  readonly itemCount: number;
  /** How many of the sample's items each group stands for. */
  readonly multiplicities: Int32Array;
  /** The part of the annotation levels to draw; all of them by default. */
  readonly share?: AnnotationShare;
}

/**
 * A part of the annotation levels: the pairwise level or not, and the levels of annotators `from` to `to`
 * (exclusive, in sample order). Two threads draw two parts of a crowd's thousands of annotator levels.
 */
export interface AnnotationShare {
  readonly pairwise: boolean;
  readonly annotators: readonly [from: number, to: number];
}

/**
 * From this many annotators this thread draws the second half of the annotator levels while the other
 * draws the pairwise level and the first half: 10,000 annotators' levels took 3 s on the other thread
 * while this one, done with its own levels, waited. With few annotators their levels cost little, and the
 * pairwise level already balances this thread's estimates and its level by labels.
 */
export const SHARED_ANNOTATOR_LEVELS_MIN = 64;

/** The shares of the annotation levels the other thread and this one draw, for `annotators` annotators. */
export function annotationShares(annotators: number): {
  readonly there: AnnotationShare;
  readonly here: AnnotationShare | null;
} {
  if (annotators < SHARED_ANNOTATOR_LEVELS_MIN)
    return { there: { pairwise: true, annotators: [0, annotators] }, here: null };
  const half = Math.ceil(annotators / 2);
  return {
    there: { pairwise: true, annotators: [0, half] },
    here: { pairwise: false, annotators: [half, annotators] },
  };
}

/** The annotation levels' intervals: every pairwise key of the sample's kind, and each annotator's. */
export interface AnnotationIntervals {
  readonly coefficients: readonly (readonly [AgreementCiKey, PercentileInterval])[];
  readonly annotators: readonly (Interval | null)[];
}

/** Intervals another thread computes: a (blocking) way to take them once they are drawn. */
export interface AnnotationIntervalsElsewhere {
  take(): AnnotationIntervals;
}

/**
 * A host's threads (the CLI's worker thread): starts computing the annotation levels' intervals there,
 * or returns `null` to compute them here. The report is the same either way.
 */
export type BootstrapThreads = (request: AnnotationIntervalsRequest) => AnnotationIntervalsElsewhere | null;

/** The request for a sample's annotation levels (see `AnnotationIntervalsRequest`): groups its items. */
export function annotationIntervalsRequest(
  sample: EncodedSample,
  index: ItemIndex,
  choices: Omit<AnnotationIntervalsRequest, 'sample' | 'itemCount' | 'multiplicities'>,
): AnnotationIntervalsRequest {
  const groups = groupItemsByAnnotations(sample, index);
  const itemCount = itemCountOf(sample);
  // Every item its own group: the sample itself, rather than a copy of it.
  const all = groups.sizes.length >= itemCount;
  return {
    ...choices,
    sample: withoutItems(all ? sample : groups.sample),
    itemCount: all ? itemCount : groups.sizes.length,
    multiplicities: all ? new Int32Array(itemCount).fill(1) : groups.sizes,
  };
}

/** The annotation levels' intervals, computed on this thread (a worker's side of `BootstrapThreads`). */
export function computeAnnotationIntervals(request: AnnotationIntervalsRequest): AnnotationIntervals {
  const { itemCount } = request;
  const sample = withLazyItems(
    { ...request.sample },
    { size: itemCount, at: (i) => `${i}`, all: () => Array.from({ length: itemCount }, (_, i) => `${i}`) },
  );
  const index = buildItemIndex(sample);
  const table = buildItemTable(sample, index);
  // The request's items are the groups already: each its own group, of its multiplicity.
  return annotationIntervals({ sample, index, table, sizes: request.multiplicities }, request);
}

export interface AgreementIntervals {
  readonly coefficients: ReadonlyMap<AgreementCiKey, PercentileInterval>;
  /** Per annotator (in sample order), the interval of its agreement with the majority of the others. */
  readonly annotators: readonly (Interval | null)[];
}

/** A grouping of the items: one item per group, `sizes[g]` items in group g. */
interface Grouped extends SampleTables {
  readonly sizes: Int32Array;
}

function grouped(
  sample: EncodedSample,
  index: ItemIndex,
  table: ItemTable,
  multiplicities: Int32Array | null,
  group: () => ItemGroups,
): Grouped {
  // Every item its own group: nothing to gain from a copy of the sample.
  const itemCount = itemCountOf(sample);
  const groups = group();
  if (groups.sizes.length >= itemCount) {
    return { sample, index, table, sizes: multiplicities ?? new Int32Array(itemCount).fill(1) };
  }
  const groupIndex = buildItemIndex(groups.sample);
  return {
    sample: groups.sample,
    index: groupIndex,
    table: buildItemTable(groups.sample, groupIndex),
    sizes: groups.sizes,
  };
}

/**
 * The report's 95% (or `confidence`) percentile bootstrap intervals, from the compressed bootstrap
 * (`bootstrapOverGroups`): each coefficient is resampled over the coarsest grouping of the items that
 * determines it, so that a resample costs as much as there are distinct groups, not items.
 * - By multiset of labels (`groupItemsByLabels`): Krippendorff's α, percent agreement, Fleiss' κ, Gwet's
 *   AC1, Brennan–Prediger and the human ceiling. A sample of 5 annotators and 10 categories has at most
 *   3,003 distinct multisets, whether it holds a thousand items or a billion.
 * - By who gave which label (`groupItemsByAnnotations`): the pairwise coefficients (Cohen's κ, Scott's π,
 *   weighted κ with 2 annotators; Light's κ with more), which need each annotator pair's confusion matrix.
 *   With 2 annotators and C categories there are at most (C + 1)² groups.
 * - Per annotator, by its agreement with the others (`createAnnotatorAgreementLevels`).
 * Every level is the per-item bootstrap in distribution (tests compare the bounds with the reference
 * `bootstrapDistributions` within Monte Carlo error); the point estimates are computed elsewhere, unchanged.
 */
export function computeAgreementIntervals(inputs: IntervalInputs): AgreementIntervals {
  const { sample, index, table, resamples } = inputs;
  const elsewhere = inputs.elsewhere ?? null;
  const progress = halvesOf(resamples, inputs.onResampled);
  const labels = labelsIntervals({ ...inputs, ...progress.first });
  const multiplicities = inputs.multiplicities ?? null;
  const hereShare = inputs.hereShare ?? null;
  const mine = hereShare === null ? null : computeAnnotationIntervals(hereShare);
  const theirs =
    elsewhere?.take() ??
    annotationIntervals(
      grouped(sample, index, table, multiplicities, () =>
        groupItemsByAnnotations(sample, index, multiplicities),
      ),
      { ...inputs, ...progress.second },
    );
  const annotations =
    mine === null || hereShare?.share === undefined ? theirs : joined(theirs, mine, hereShare.share);
  if (elsewhere !== null) inputs.onResampled?.(resamples);
  const coefficients = new Map<AgreementCiKey, PercentileInterval>();
  for (const [key, interval] of [...labels, ...annotations.coefficients])
    if (inputs.defined.has(key)) coefficients.set(key, interval);
  return { coefficients, annotators: annotations.annotators };
}

/**
 * The bootstrap's progress as one count of resamples: level 0 up to half-way, the annotation levels (drawn
 * here or taken from another thread) the rest, reported about every 1% of the whole and at the last.
 */
function halvesOf(resamples: number, onResampled: ((done: number) => void) | undefined) {
  if (onResampled === undefined) return { first: {}, second: {} };
  const every = Math.max(1, Math.ceil(resamples / 100));
  const half = Math.floor(resamples / 2);
  let last = 0;
  const report = (done: number) => {
    if (done !== resamples && done < last + every) return;
    last = done;
    onResampled(done);
  };
  const share = (from: number, width: number) => (done: number) =>
    report(from + Math.floor((done * width) / Math.max(1, resamples)));
  return {
    first: { onResampled: share(0, half) },
    second: { onResampled: share(half, resamples - half) },
  };
}

/** The sample's fields but its item names, which would cost a copy of millions of strings to clone. */
function withoutItems(sample: EncodedSample): Omit<EncodedSample, 'items'> {
  const { annotators, categories, categoryValues, ordered, itemOf, annotatorOf, categoryOf } = sample;
  return { annotators, categories, categoryValues, ordered, itemOf, annotatorOf, categoryOf };
}

/** Where a key's interval is read from its level: the statistic's place in the level and the component. */
interface Ask {
  readonly key: AgreementCiKey;
  readonly statistic: number;
  readonly component: number;
}

/**
 * A level whose statistics `build` makes from a grouped sample (always in the same order); `restrict`
 * rebuilds them on a subset of its groups (see `ResampleLevel.restrict`).
 */
function levelOf(groups: Grouped, build: (grouped: SampleTables) => ResampledStatistic[]): ResampleLevel {
  return {
    sizes: groups.sizes,
    statistics: build(groups),
    restrict: (subset) => build(selectFrom(groups, subset)),
  };
}

/** The intervals of a list of levels, each level's asks read from its statistics. */
function intervalsOf(
  levels: readonly ResampleLevel[],
  inputs: Pick<IntervalInputs, 'resamples' | 'seed' | 'confidence' | 'method' | 'onResampled'>,
) {
  const { resamples, seed, confidence, method, onResampled } = inputs;
  return compressedBootstrap(levels, {
    resamples,
    seed,
    confidence,
    ...(method === undefined ? {} : { method }),
    ...(onResampled === undefined ? {} : { onResampled }),
  });
}

/**
 * Level 0, the items grouped by multiset of labels: α, the multi-rater coefficients and the ceiling,
 * every key of the level (the caller keeps those with a point estimate).
 */
function labelsIntervals(inputs: IntervalInputs): (readonly [AgreementCiKey, PercentileInterval])[] {
  const { sample, index, table, level } = inputs;
  const multiplicities = inputs.multiplicities ?? null;
  const byLabels = grouped(sample, index, table, multiplicities, () =>
    groupItemsByLabels(sample, table, multiplicities),
  );
  // Statistics 0: α, 1: the multi-rater coefficients, 2: the majority of the others (the ceiling).
  const majorityCeiling = inputs.ceilingMinLabels >= 3;
  const asks: Ask[] = [
    { key: 'alpha', statistic: 0, component: 0 },
    { key: 'percentAgreement', statistic: 1, component: MULTI_RATER.percentAgreement },
    { key: 'fleissKappa', statistic: 1, component: MULTI_RATER.fleissKappa },
    { key: 'gwetAC1', statistic: 1, component: MULTI_RATER.gwetAC1 },
    { key: 'brennanPrediger', statistic: 1, component: MULTI_RATER.brennanPrediger },
    majorityCeiling
      ? { key: 'humanCeiling', statistic: 2, component: 0 }
      : { key: 'humanCeiling', statistic: 1, component: MULTI_RATER.percentAgreement },
  ];
  const labels = levelOf(byLabels, (g) => [
    createAlphaStatistic(g.table, [level], sample.categoryValues),
    createMultiRaterStatistic(g.table, inputs.fleissApplies),
    ...(majorityCeiling
      ? [createMajorityStatistic(g.sample, g.index, g.table, inputs.ceilingMinLabels, false)]
      : []),
  ]);
  const [intervals] = intervalsOf([labels], inputs);
  return asks.flatMap(({ key, statistic, component }) => {
    const interval = intervals?.[statistic]?.[component];
    return interval === undefined ? [] : [[key, interval] as const];
  });
}

/** The report's choices the annotation levels are computed with. */
type AnnotationChoices = Pick<
  IntervalInputs,
  'ceilingMinLabels' | 'perAnnotator' | 'resamples' | 'seed' | 'confidence' | 'method' | 'onResampled'
>;

/**
 * Levels 1 …, the items grouped by who gave which label: the pairwise coefficients' level (every key of
 * the sample's kind: two annotators or more), then one level per annotator that has one. Level 0 (by
 * labels) is drawn by `labelsIntervals`, maybe on another thread: an empty level stands in its place, so
 * that every level draws from the stream it draws from in one thread.
 */
function annotationIntervals(
  byAnnotations: Grouped,
  inputs: AnnotationChoices & { readonly share?: AnnotationShare },
): AnnotationIntervals {
  const { sample } = byAnnotations;
  const share = inputs.share ?? { pairwise: true, annotators: [0, sample.annotators.length] };
  const [from, to] = share.annotators;
  const levels: ResampleLevel[] = [EMPTY_LEVEL];
  let asks: Ask[] = [];
  if (sample.annotators.length >= 2) {
    const source = (g: SampleTables) => buildPairSource(g.sample, g.index, buildPairTable(g.sample, g.index));
    const two = sample.annotators.length === 2;
    levels.push(
      levelOf(byAnnotations, (g) => [
        two ? createTwoRaterStatistic(source(g), sample.ordered) : createLightStatistic(source(g)),
      ]),
    );
    asks = two
      ? [
          { key: 'cohenKappa', statistic: 0, component: TWO_RATER.cohenKappa },
          { key: 'scottPi', statistic: 0, component: TWO_RATER.scottPi },
          { key: 'weightedKappaLinear', statistic: 0, component: TWO_RATER.weightedLinear },
          { key: 'weightedKappaQuadratic', statistic: 0, component: TWO_RATER.weightedQuadratic },
        ]
      : [{ key: 'lightKappa', statistic: 0, component: 0 }];
  }
  const annotatorLevels = inputs.perAnnotator
    ? createAnnotatorAgreementLevels(
        byAnnotations.sample,
        byAnnotations.index,
        byAnnotations.table,
        inputs.ceilingMinLabels,
        byAnnotations.sizes,
      )
    : [];
  // Levels outside the share stand as empty ones, so that every level keeps drawing from its own stream.
  if (!share.pairwise && levels.length > 1) levels[1] = EMPTY_LEVEL;
  const firstAnnotatorLevel = levels.length;
  annotatorLevels.forEach((annotatorLevel, a) => {
    if (annotatorLevel !== null) levels.push(a >= from && a < to ? annotatorLevel : EMPTY_LEVEL);
  });
  const intervals = intervalsOf(levels, inputs);
  const pairwise = intervals[1];
  const coefficients = share.pairwise
    ? asks.flatMap(({ key, statistic, component }) => {
        const interval = pairwise?.[statistic]?.[component];
        return interval === undefined ? [] : [[key, interval] as const];
      })
    : [];
  let next = firstAnnotatorLevel;
  const annotators = annotatorLevels.map((annotatorLevel) =>
    annotatorLevel === null ? null : (intervals[next++]?.[0]?.[0]?.interval ?? null),
  );
  return { coefficients, annotators };
}

const EMPTY_LEVEL: ResampleLevel = { sizes: new Int32Array(0), statistics: [] };

/** The other thread's intervals with this thread's share (`here`) of the annotator levels put in. */
function joined(
  there: AnnotationIntervals,
  here: AnnotationIntervals,
  share: AnnotationShare,
): AnnotationIntervals {
  const [from, to] = share.annotators;
  return {
    coefficients: share.pairwise ? here.coefficients : there.coefficients,
    annotators: there.annotators.map((interval, a) =>
      a >= from && a < to ? (here.annotators[a] ?? null) : interval,
    ),
  };
}
