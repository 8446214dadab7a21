import type { PercentileInterval, ResampledStatistic } from './bootstrap';
import { createAnnotatorAgreementLevels, createMajorityStatistic } from './ceiling';
import { compressedBootstrap, type ResampleLevel, type ResampleMethod } from './compressed-bootstrap';
import { groupItemsByAnnotations, groupItemsByLabels, type ItemGroups } from './item-groups';
import { buildItemIndex, type ItemIndex } from './item-index';
import { itemCountOf } from './item-names';
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

/** What the report's intervals are computed from: the sample, its tables, and which coefficients exist. */
export interface IntervalInputs {
  readonly sample: EncodedSample;
  readonly index: ItemIndex;
  readonly table: ItemTable;
  readonly level: MeasurementLevel;
  /** The coefficients with a point estimate: only these get an interval. */
  readonly defined: ReadonlySet<AgreementCiKey>;
  readonly fleissApplies: boolean;
  /** 3 when the ceiling is the majority of the others, 2 when it is percent agreement. */
  readonly ceilingMinLabels: number;
  readonly perAnnotator: boolean;
  readonly resamples: number;
  readonly seed: number;
  readonly confidence: number;
  readonly onResampled?: (done: number) => void;
  /** How many items each item of `sample` stands for (a grouped sample); every item once by default. */
  readonly multiplicities?: Int32Array;
  /** Forces how every level is resampled (tests); by default chosen by cost. */
  readonly method?: ResampleMethod;
}

export interface AgreementIntervals {
  readonly coefficients: ReadonlyMap<AgreementCiKey, PercentileInterval>;
  /** Per annotator (in sample order), the interval of its agreement with the majority of the others. */
  readonly annotators: readonly (Interval | null)[];
}

interface Grouped {
  readonly sample: EncodedSample;
  readonly index: ItemIndex;
  readonly table: ItemTable;
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
  const { sample, index, table, level, defined, resamples, seed, confidence } = inputs;
  const requests: { key: AgreementCiKey; statistic: ResampledStatistic; component: number }[] = [];
  const request = (key: AgreementCiKey, statistic: ResampledStatistic, component: number) => {
    if (defined.has(key)) requests.push({ key, statistic, component });
  };
  const levels: ResampleLevel[] = [];

  const multiplicities = inputs.multiplicities ?? null;
  const byLabels = grouped(sample, index, table, multiplicities, () =>
    groupItemsByLabels(sample, table, multiplicities),
  );
  const multiRater = createMultiRaterStatistic(byLabels.table, inputs.fleissApplies);
  const alpha = createAlphaStatistic(byLabels.table, [level], sample.categoryValues);
  request('alpha', alpha, 0);
  request('percentAgreement', multiRater, MULTI_RATER.percentAgreement);
  request('fleissKappa', multiRater, MULTI_RATER.fleissKappa);
  request('gwetAC1', multiRater, MULTI_RATER.gwetAC1);
  request('brennanPrediger', multiRater, MULTI_RATER.brennanPrediger);
  if (inputs.ceilingMinLabels >= 3) {
    const majority = createMajorityStatistic(
      byLabels.sample,
      byLabels.index,
      byLabels.table,
      inputs.ceilingMinLabels,
      false,
    );
    request('humanCeiling', majority, 0);
  } else request('humanCeiling', multiRater, MULTI_RATER.percentAgreement);
  levels.push({ sizes: byLabels.sizes, statistics: requestedStatistics(requests) });

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
    const pairs = buildPairTable(byAnnotations.sample, byAnnotations.index);
    const source = buildPairSource(byAnnotations.sample, byAnnotations.index, pairs);
    const before = requests.length;
    if (sample.annotators.length === 2) {
      const twoRater = createTwoRaterStatistic(source, sample.ordered);
      request('cohenKappa', twoRater, TWO_RATER.cohenKappa);
      request('scottPi', twoRater, TWO_RATER.scottPi);
      request('weightedKappaLinear', twoRater, TWO_RATER.weightedLinear);
      request('weightedKappaQuadratic', twoRater, TWO_RATER.weightedQuadratic);
    } else request('lightKappa', createLightStatistic(source), 0);
    levels.push({
      sizes: byAnnotations.sizes,
      statistics: requestedStatistics(requests.slice(before)),
    });
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
  for (const annotatorLevel of annotatorLevels) if (annotatorLevel !== null) levels.push(annotatorLevel);

  const intervals = compressedBootstrap(levels, {
    resamples,
    seed,
    confidence,
    ...(inputs.method === undefined ? {} : { method: inputs.method }),
    ...(inputs.onResampled === undefined ? {} : { onResampled: inputs.onResampled }),
  });
  const intervalOf = (statistic: ResampledStatistic, component: number): PercentileInterval | undefined => {
    for (const [l, { statistics }] of levels.entries()) {
      const s = statistics.indexOf(statistic);
      if (s >= 0) return intervals[l]?.[s]?.[component];
    }
    return undefined;
  };
  const coefficients = new Map<AgreementCiKey, PercentileInterval>();
  for (const { key, statistic, component } of requests) {
    const interval = intervalOf(statistic, component);
    if (interval !== undefined) coefficients.set(key, interval);
  }
  const annotators = annotatorLevels.map((annotatorLevel) => {
    const statistic = annotatorLevel?.statistics[0];
    return statistic === undefined ? null : (intervalOf(statistic, 0)?.interval ?? null);
  });
  return { coefficients, annotators };
}

function requestedStatistics(requests: readonly { statistic: ResampledStatistic }[]): ResampledStatistic[] {
  return [...new Set(requests.map((r) => r.statistic))];
}
