/**
 * Test-only: the plain per-item bootstrap of every interval the report prints, as the engine computed it
 * before the compressed bootstrap (every statistic on the original items, N item draws per resample), and
 * the Monte Carlo tolerance the compressed bootstrap's bounds are held to against it. Not part of the
 * public API.
 */
import { bootstrapDistributions, type ResampledStatistic } from './bootstrap';
import { createMajorityStatistic } from './ceiling';
import { computeAgreement } from './compute-agreement';
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
import type { AgreementCiKey, AgreementReport, EncodedSample, MeasurementLevel } from './types';

export interface ReferenceDistributions {
  /** Per interval key, the resampled values (NaN where undefined), in resample order. */
  readonly coefficients: ReadonlyMap<AgreementCiKey, Float64Array>;
  /** Per annotator, its agreement with the majority of the others (empty when it has none). */
  readonly annotators: readonly Float64Array[];
  /** The report without intervals, for the point estimates and which coefficients exist. */
  readonly report: AgreementReport;
}

/**
 * Every interval's statistic on one table, each computed over all of its items: per key, the statistic
 * and the component that holds its value (no statistic where the sample has none: Cohen's κ, Scott's π
 * and weighted κ need 2 annotators, Light's κ 3 or more), and the majority of the others per annotator
 * (component 0 the ceiling, 1 + a annotator a's agreement with it).
 */
export function coefficientStatistics(
  sample: EncodedSample,
  index: ItemIndex,
  table: ItemTable,
  options: { level: MeasurementLevel; fleissApplies: boolean; minLabels: number },
) {
  const { level, minLabels } = options;
  const pairs = buildPairTable(sample, index);
  const multiRater = createMultiRaterStatistic(table, options.fleissApplies);
  const majority = createMajorityStatistic(sample, index, table, minLabels, true);
  const source = pairs.pairCount > 0 ? buildPairSource(sample, index, pairs) : null;
  const twoRater =
    source !== null && sample.annotators.length === 2
      ? createTwoRaterStatistic(source, sample.ordered)
      : null;
  const light = source !== null && sample.annotators.length >= 3 ? createLightStatistic(source) : null;
  const requests: [AgreementCiKey, ResampledStatistic | null, number][] = [
    ['alpha', createAlphaStatistic(table, [level], sample.categoryValues), 0],
    ['percentAgreement', multiRater, MULTI_RATER.percentAgreement],
    ['cohenKappa', twoRater, TWO_RATER.cohenKappa],
    ['scottPi', twoRater, TWO_RATER.scottPi],
    ['lightKappa', light, 0],
    ['fleissKappa', multiRater, MULTI_RATER.fleissKappa],
    ['gwetAC1', multiRater, MULTI_RATER.gwetAC1],
    ['brennanPrediger', multiRater, MULTI_RATER.brennanPrediger],
    ['weightedKappaLinear', twoRater, TWO_RATER.weightedLinear],
    ['weightedKappaQuadratic', twoRater, TWO_RATER.weightedQuadratic],
    minLabels === 3
      ? ['humanCeiling', majority, 0]
      : ['humanCeiling', multiRater, MULTI_RATER.percentAgreement],
  ];
  return { requests, majority };
}

/** The reference per-item bootstrap distributions of a sample's intervals. */
export function referenceDistributions(
  sample: EncodedSample,
  options: { level?: MeasurementLevel; resamples: number; seed: number },
): ReferenceDistributions {
  const level = options.level ?? 'nominal';
  const report = computeAgreement(sample, { level, bootstrap: 0 });
  const index = buildItemIndex(sample);
  const table = buildItemTable(sample, index);
  const minLabels = report.humanCeiling?.basis === 'majority-of-others' ? 3 : 2;
  const { requests, majority } = coefficientStatistics(sample, index, table, {
    level,
    fleissApplies: report.fleissKappa !== null,
    minLabels,
  });
  const estimateOf: Record<AgreementCiKey, number | null> = {
    alpha: report.krippendorffAlpha[level],
    percentAgreement: report.percentAgreement,
    cohenKappa: report.cohenKappa,
    scottPi: report.scottPi,
    lightKappa: report.lightKappa,
    fleissKappa: report.fleissKappa,
    gwetAC1: report.gwetAC1,
    brennanPrediger: report.brennanPrediger,
    weightedKappaLinear: report.weightedKappa?.linear ?? null,
    weightedKappaQuadratic: report.weightedKappa?.quadratic ?? null,
    humanCeiling: report.humanCeiling?.value ?? null,
  };
  const wanted = requests.filter(
    (request): request is [AgreementCiKey, ResampledStatistic, number] =>
      request[1] !== null && estimateOf[request[0]] !== null,
  );
  const statistics = [...new Set([...wanted.map(([, statistic]) => statistic), majority])];
  const { resamples } = options;
  const distributions = bootstrapDistributions(statistics, itemCountOf(sample), resamples, options.seed);
  const valuesOf = (statistic: ResampledStatistic, component: number) =>
    (distributions[statistics.indexOf(statistic)] ?? new Float64Array(0)).slice(
      component * resamples,
      (component + 1) * resamples,
    );
  return {
    coefficients: new Map(wanted.map(([key, statistic, component]) => [key, valuesOf(statistic, component)])),
    annotators: sample.annotators.map((_, a) =>
      report.diagnostics.annotatorVsMajority[a]?.agreement === null
        ? new Float64Array(0)
        : valuesOf(majority, 1 + a),
    ),
    report,
  };
}

/** z of the Monte Carlo tolerance: a correct fast bound falls outside it once in about 30,000 checks. */
const TOLERANCE_Z = 4;

/**
 * Whether `bound`, the p-quantile of `fastResamples` resamples from the compressed bootstrap, agrees with
 * the p-quantile of the reference distribution `reference` within Monte Carlo error. Distribution-free:
 * the p-quantile of n draws is near the order statistic of rank n·p, with a rank standard error
 * √(n p (1 − p)); two independent estimates add their variances, so the bound must lie between the
 * reference's order statistics of ranks n·p ± z·√(n p (1 − p) (1 + n / fastResamples)).
 */
export function withinMonteCarloError(
  bound: number,
  reference: Float64Array,
  p: number,
  fastResamples: number,
): boolean {
  const defined = reference.filter((value) => Number.isFinite(value)).sort();
  const n = defined.length;
  if (n === 0) return false;
  const spread = TOLERANCE_Z * Math.sqrt(n * p * (1 - p) * (1 + n / fastResamples));
  const low = defined[Math.max(0, Math.floor(n * p - spread) - 1)] ?? Number.NaN;
  const high = defined[Math.min(n - 1, Math.ceil(n * p + spread))] ?? Number.NaN;
  const slack = 1e-12 * Math.max(1, Math.abs(bound));
  return bound >= low - slack && bound <= high + slack;
}
