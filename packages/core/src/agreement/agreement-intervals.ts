import type { PercentileInterval, ResampledStatistic } from './bootstrap';
import { createAnnotatorAgreementLevels, createMajorityStatistic } from './ceiling';
import {
  BOOTSTRAP_CHUNKS,
  chooseMethod,
  compressedBootstrap,
  type DrawnChunks,
  type DrawnElsewhere,
  drawBootstrapChunks,
  type ResampleLevel,
  type ResampleMethod,
} from './compressed-bootstrap';
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
  /** Hands some of the bootstrap's chunks to other threads (see `BootstrapThreads`). */
  readonly threads?: BootstrapThreads;
}

/**
 * What another thread needs to draw chunks of a report's bootstrap (`drawIntervalChunks`): the sample
 * without its item names (the intervals never read them) and the choices the report made, all of it
 * structured-cloneable.
 */
export interface IntervalChunkRequest extends IntervalChoices {
  readonly sample: Omit<EncodedSample, 'items'>;
  readonly itemCount: number;
  readonly defined: readonly AgreementCiKey[];
  /** The chunks (of `BOOTSTRAP_CHUNKS`) to draw there… */
  readonly chunks: readonly number[];
  /** …and whether the levels resampled by the bag of little bootstraps too. */
  readonly littleBootstraps: boolean;
}

/**
 * A host's threads (the CLI's worker threads): given what another thread would draw, starts drawing it
 * there, or returns `null` to draw everything here. The intervals are the same either way.
 */
export type BootstrapThreads = (request: IntervalChunkRequest) => DrawnElsewhere | null;

/**
 * What another thread draws, by per-thread CPU on the bench samples (docs/decisions/percentile-bootstrap.md):
 * the levels resampled by the bag of little bootstraps when there are any (never split, they cost about
 * as much as all the exact chunks there, and the worker also groups the items again); otherwise the
 * upper half of the `BOOTSTRAP_CHUNKS` chunks. This thread, which computed the point estimates first,
 * draws the rest.
 */
function elsewhereShare(levels: readonly ResampleLevel[], inputs: Omit<IntervalInputs, 'threads'>) {
  const little = levels.some(
    (level) => level.statistics.length > 0 && chooseMethod(level, inputs.resamples, inputs.method) !== null,
  );
  const half = Array.from({ length: BOOTSTRAP_CHUNKS / 2 }, (_, c) => BOOTSTRAP_CHUNKS / 2 + c);
  return { chunks: little ? [] : half, littleBootstraps: little };
}

/** The chunks a request asks for, drawn on this thread (a worker's side of `BootstrapThreads`). */
export function drawIntervalChunks(request: IntervalChunkRequest): DrawnChunks {
  const { itemCount } = request;
  const sample = withLazyItems(
    { ...request.sample },
    { size: itemCount, at: (i) => `${i}`, all: () => Array.from({ length: itemCount }, (_, i) => `${i}`) },
  );
  const index = buildItemIndex(sample);
  const table = buildItemTable(sample, index);
  const { levels } = buildLevels({
    ...request,
    sample,
    index,
    table,
    defined: new Set(request.defined),
  });
  return drawBootstrapChunks(levels, request, request.chunks, request.littleBootstraps);
}

export interface AgreementIntervals {
  readonly coefficients: ReadonlyMap<AgreementCiKey, PercentileInterval>;
  /** Per annotator (in sample order), the interval of its agreement with the majority of the others. */
  readonly annotators: readonly (Interval | null)[];
}

type GroupedSample = SampleTables;

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
  const { resamples, seed, confidence } = inputs;
  const { levels, requests, firstAnnotatorLevel, annotatorLevels } = buildLevels(inputs);
  const elsewhere =
    inputs.threads?.({
      sample: withoutItems(inputs.sample),
      itemCount: itemCountOf(inputs.sample),
      level: inputs.level,
      defined: [...inputs.defined],
      fleissApplies: inputs.fleissApplies,
      ceilingMinLabels: inputs.ceilingMinLabels,
      perAnnotator: inputs.perAnnotator,
      resamples,
      seed,
      confidence,
      ...elsewhereShare(levels, inputs),
      ...(inputs.method === undefined ? {} : { method: inputs.method }),
    }) ?? null;
  const intervals = compressedBootstrap(levels, {
    resamples,
    seed,
    confidence,
    ...(inputs.method === undefined ? {} : { method: inputs.method }),
    ...(inputs.onResampled === undefined ? {} : { onResampled: inputs.onResampled }),
    ...(elsewhere === null ? {} : { elsewhere }),
  });
  const coefficients = new Map<AgreementCiKey, PercentileInterval>();
  for (const { key, level: l, statistic, component } of requests) {
    const interval = intervals[l]?.[statistic]?.[component];
    if (interval !== undefined) coefficients.set(key, interval);
  }
  let next = firstAnnotatorLevel;
  const annotators = annotatorLevels.map((annotatorLevel) =>
    annotatorLevel === null ? null : (intervals[next++]?.[0]?.[0]?.interval ?? null),
  );
  return { coefficients, annotators };
}

/** The sample's fields but its item names, which would cost a copy of millions of strings to clone. */
function withoutItems(sample: EncodedSample): Omit<EncodedSample, 'items'> {
  const { annotators, categories, categoryValues, ordered, itemOf, annotatorOf, categoryOf } = sample;
  return { annotators, categories, categoryValues, ordered, itemOf, annotatorOf, categoryOf };
}

/** The levels of the report's bootstrap, and where each requested interval is read from them. */
function buildLevels(inputs: Omit<IntervalInputs, 'threads'>) {
  const { sample, index, table, level, defined } = inputs;
  const levels: ResampleLevel[] = [];
  /** Per key: its level, the statistic's place in the level's full list and the component. */
  const requests: { key: AgreementCiKey; level: number; statistic: number; component: number }[] = [];

  /**
   * Adds a level whose statistics `build` makes from a grouped sample (always in the same order), keeping
   * those that a defined key asks for; `restrict` rebuilds them on a subset of its groups (see
   * `ResampleLevel.restrict`).
   */
  const addLevel = (
    groups: Grouped,
    build: (grouped: GroupedSample) => ResampledStatistic[],
    asks: readonly { key: AgreementCiKey; statistic: number; component: number }[],
  ) => {
    const wanted = asks.filter(({ key }) => defined.has(key));
    if (wanted.length === 0) return;
    const used = [...new Set(wanted.map((ask) => ask.statistic))].sort((a, b) => a - b);
    const keep = (statistics: ResampledStatistic[]) => used.map((u) => statistics[u] as ResampledStatistic);
    const l = levels.length;
    levels.push({
      sizes: groups.sizes,
      statistics: keep(build(groups)),
      restrict: (subset) => keep(build(selectFrom(groups, subset))),
    });
    for (const ask of wanted) requests.push({ ...ask, level: l, statistic: used.indexOf(ask.statistic) });
  };

  const multiplicities = inputs.multiplicities ?? null;
  const byLabels = grouped(sample, index, table, multiplicities, () =>
    groupItemsByLabels(sample, table, multiplicities),
  );
  // Statistics 0: α, 1: the multi-rater coefficients, 2: the majority of the others (the ceiling).
  const majorityCeiling = inputs.ceilingMinLabels >= 3;
  addLevel(
    byLabels,
    (g) => [
      createAlphaStatistic(g.table, [level], sample.categoryValues),
      createMultiRaterStatistic(g.table, inputs.fleissApplies),
      ...(majorityCeiling
        ? [createMajorityStatistic(g.sample, g.index, g.table, inputs.ceilingMinLabels, false)]
        : []),
    ],
    [
      { key: 'alpha', statistic: 0, component: 0 },
      { key: 'percentAgreement', statistic: 1, component: MULTI_RATER.percentAgreement },
      { key: 'fleissKappa', statistic: 1, component: MULTI_RATER.fleissKappa },
      { key: 'gwetAC1', statistic: 1, component: MULTI_RATER.gwetAC1 },
      { key: 'brennanPrediger', statistic: 1, component: MULTI_RATER.brennanPrediger },
      majorityCeiling
        ? { key: 'humanCeiling', statistic: 2, component: 0 }
        : { key: 'humanCeiling', statistic: 1, component: MULTI_RATER.percentAgreement },
    ],
  );

  const pairwiseKeys: AgreementCiKey[] = [
    'cohenKappa',
    'scottPi',
    'weightedKappaLinear',
    'weightedKappaQuadratic',
    'lightKappa',
  ];
  const pairwise = pairwiseKeys.some((key) => defined.has(key));
  const byAnnotations =
    pairwise || inputs.perAnnotator
      ? grouped(sample, index, table, multiplicities, () =>
          groupItemsByAnnotations(sample, index, multiplicities),
        )
      : null;
  if (pairwise && byAnnotations !== null) {
    const source = (g: GroupedSample) =>
      buildPairSource(g.sample, g.index, buildPairTable(g.sample, g.index));
    if (sample.annotators.length === 2) {
      addLevel(byAnnotations, (g) => [createTwoRaterStatistic(source(g), sample.ordered)], [
        { key: 'cohenKappa', statistic: 0, component: TWO_RATER.cohenKappa },
        { key: 'scottPi', statistic: 0, component: TWO_RATER.scottPi },
        { key: 'weightedKappaLinear', statistic: 0, component: TWO_RATER.weightedLinear },
        { key: 'weightedKappaQuadratic', statistic: 0, component: TWO_RATER.weightedQuadratic },
      ]);
    } else {
      addLevel(byAnnotations, (g) => [createLightStatistic(source(g))], [
        { key: 'lightKappa', statistic: 0, component: 0 },
      ]);
    }
  }

  const annotatorLevels =
    inputs.perAnnotator && byAnnotations !== null
      ? createAnnotatorAgreementLevels(
          byAnnotations.sample,
          byAnnotations.index,
          byAnnotations.table,
          inputs.ceilingMinLabels,
          byAnnotations.sizes,
        )
      : [];
  const firstAnnotatorLevel = levels.length;
  for (const annotatorLevel of annotatorLevels) if (annotatorLevel !== null) levels.push(annotatorLevel);

  return { levels, requests, firstAnnotatorLevel, annotatorLevels };
}
