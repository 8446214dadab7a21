import {
  annotationIntervalsRequest,
  annotationShares,
  computeAgreementIntervals,
  computeAnnotationIntervals,
} from './agreement-intervals';
import { alphaBand, kappaBand } from './bands';
import { createMajorityStatistic } from './ceiling';
import { completeRatings, computeIcc, ICC_FORMS } from './continuous/icc';
import {
  computeCategoryAgreement,
  computePairAgreement,
  computeTopConfusionMatrices,
  findTopDisagreements,
} from './diagnostics';
import { buildItemIndex } from './item-index';
import { itemCountOf } from './item-names';
import { buildItemTable } from './item-table';
import { buildPairTable } from './pair-table';
import {
  buildPairSource,
  createAlphaStatistic,
  createMultiRaterStatistic,
  createTwoRaterStatistic,
  lightKappaFromPairTable,
  MULTI_RATER,
  TWO_RATER,
} from './statistics';
import type {
  AgreementBandKey,
  AgreementCiKey,
  AgreementIntervals,
  AgreementOptions,
  AgreementReport,
  AgreementWarning,
  AlphaBand,
  AnnotatorAgreement,
  ComputeAgreementOptions,
  EncodedSample,
  IccForm,
  Interval,
  KappaBand,
  MeasurementLevel,
} from './types';
import { alphaInapplicable, COEFFICIENT_NAMES, explainUndefined, LEVELS } from './warnings';

export const AGREEMENT_DEFAULTS = {
  level: 'nominal',
  bootstrap: 1000,
  seed: 1,
  topDisagreements: 50,
  confidence: 0.95,
} as const satisfies Required<AgreementOptions>;

/** Confusion matrices are reported for this many pairs (those sharing most items)… */
const CONFUSION_MATRIX_PAIRS = 10;
/** …and only up to this many categories, beyond which a C × C matrix per pair stops being readable. */
const CONFUSION_MATRIX_MAX_CATEGORIES = 100;
/** Per-annotator intervals need annotators × resamples floats; above this (128 MB) they are skipped. */
const ANNOTATOR_BOOTSTRAP_MAX_VALUES = 16_000_000;

const finite = (value: number | undefined): number | null =>
  value !== undefined && Number.isFinite(value) ? value : null;

/** Options with their defaults, invalid values replaced by the default with a warning. */
function resolveOptions(options: AgreementOptions, warnings: AgreementWarning[]): Required<AgreementOptions> {
  const check = <T>(
    key: keyof AgreementOptions,
    value: T | undefined,
    fallback: T,
    valid: boolean,
    rule: string,
  ): T => {
    if (value === undefined) return fallback;
    if (valid) return value;
    warnings.push({ key: `options.${key}`, message: `${key} must be ${rule}; using ${String(fallback)}.` });
    return fallback;
  };
  const { level, bootstrap, seed, topDisagreements, confidence } = options;
  const wholeNumber = (n: number | undefined) => n !== undefined && Number.isInteger(n) && n >= 0;
  const d = AGREEMENT_DEFAULTS;
  return {
    level: check(
      'level',
      level,
      d.level,
      level !== undefined && LEVELS.includes(level),
      `one of ${LEVELS.join(', ')}`,
    ),
    bootstrap: check('bootstrap', bootstrap, d.bootstrap, wholeNumber(bootstrap), 'a whole number ≥ 0'),
    seed: check('seed', seed, d.seed, seed !== undefined && Number.isFinite(seed), 'a finite number'),
    topDisagreements: check(
      'topDisagreements',
      topDisagreements,
      d.topDisagreements,
      wholeNumber(topDisagreements),
      'a whole number ≥ 0',
    ),
    confidence: check(
      'confidence',
      confidence,
      d.confidence,
      confidence !== undefined && confidence > 0 && confidence < 1,
      'between 0 and 1',
    ),
  };
}

/** The coefficients on the κ scale, banded by `kappaBand`. */
const KAPPA_KEYS = [
  'cohenKappa',
  'scottPi',
  'lightKappa',
  'fleissKappa',
  'gwetAC1',
  'brennanPrediger',
  'weightedKappaLinear',
  'weightedKappaQuadratic',
] as const satisfies readonly AgreementBandKey[];

/** The interval keys, in the order their warnings are listed. */
const CI_KEYS = [
  'alpha',
  'percentAgreement',
  ...KAPPA_KEYS,
  'humanCeiling',
] as const satisfies readonly AgreementCiKey[];

/** The steps of the `coefficients` progress stage: grouping, multi-rater and α, pairs and majority, diagnostics. */
const COEFFICIENT_STEPS = 4;

/**
 * Computes every agreement coefficient of a labeled sample, their bootstrap confidence intervals, the human
 * ceiling and the diagnostics, as the JSON contract of docs/product.md ("Agreement"). Undefined
 * coefficients are `null`, each with a plain-words reason in `warnings`; nothing is NaN.
 *
 * Work is linear in the annotations plus Σ_i m_i² for the pairs: annotations are grouped by item with a
 * counting sort, reduced to per-item category counts, and every coefficient is computed from those
 * per-item sufficient statistics. The intervals come from the compressed bootstrap
 * (`computeAgreementIntervals`): items are grouped by what each coefficient reads of them, and a resample
 * is a multinomial draw over the groups, whose cost does not grow with the number of items.
 *
 * Decisions the definitions leave open:
 * - Light's κ averages Cohen's κ over the annotator pairs that share at least one item; pairs whose κ is
 *   undefined (both gave one identical label to all their shared items) are left out, with a warning.
 * - Gwet's AC1 and Brennan–Prediger use q = the number of categories used in the sample (irrCAC's default);
 *   bootstrap resamples keep that q.
 * - A bootstrap interval leaves out resamples in which the coefficient is undefined and is omitted when
 *   fewer than half define it.
 *
 * @example
 * const report = computeAgreement(sample, { level: 'ordinal', bootstrap: 1000, seed: 1 });
 * report.krippendorffAlpha.ordinal; // e.g. 0.815 for Krippendorff's (2011) example
 * report.ci.alpha; // [lo, hi], the same for the same seed
 */
export function computeAgreement(
  sample: EncodedSample,
  options: ComputeAgreementOptions = {},
): AgreementReport {
  const { onProgress } = options;
  const coefficientStep = (done: number) =>
    onProgress?.({ stage: 'coefficients', done, total: COEFFICIENT_STEPS });
  coefficientStep(0);
  const warnings: AgreementWarning[] = [];
  const warn = (key: string, message: string): void => {
    warnings.push({ key, message });
  };
  const {
    level,
    bootstrap: resamples,
    seed,
    topDisagreements,
    confidence,
  } = resolveOptions(options, warnings);

  const itemCount = itemCountOf(sample);
  const annotatorCount = sample.annotators.length;
  const annotationCount = sample.categoryOf.length;
  const C = sample.categories.length;
  const index = buildItemIndex(sample);
  const table = buildItemTable(sample, index);
  const pairs = buildPairTable(sample, index);
  const pairable = table.pairableItems > 0;
  coefficientStep(1);

  // The ceiling and each annotator's agreement with the majority of the others, on items with ≥ 3 labels;
  // with none, on pairable items, where the ceiling is percent agreement.
  const ceilingBasis = table.itemsWithThreeOrMore > 0 ? 'majority-of-others' : 'percent-agreement';
  const minLabels = ceilingBasis === 'majority-of-others' ? 3 : 2;
  const bootstrapped = resamples > 0 && pairable;
  const withAnnotators = annotatorCount * resamples <= ANNOTATOR_BOOTSTRAP_MAX_VALUES;
  // Asked before the point estimates, so that a host's other thread resamples while this one estimates;
  // without one, drawn here after them.
  const threads = bootstrapped ? options.bootstrapThreads : undefined;
  const whole =
    threads === undefined
      ? null
      : annotationIntervalsRequest(sample, index, {
          ceilingMinLabels: minLabels,
          perAnnotator: withAnnotators,
          resamples,
          seed,
          confidence,
        });
  // A crowd's annotator levels are shared: the other thread draws the first half, this one the second.
  const shares = annotationShares(withAnnotators ? annotatorCount : 0);
  const request = whole === null ? null : { ...whole, share: shares.there };
  const hereShare = whole === null || shares.here === null ? null : { ...whole, share: shares.here };
  const elsewhere =
    request === null ? null : (threads?.(request) ?? { take: () => computeAnnotationIntervals(request) });

  // --- Point estimates -------------------------------------------------------------------------------
  // docs/product.md: Fleiss' κ only when *every* item has the same number of labels (≥ 2), else null. An item
  // with a single label has a different number, like one with an extra label; leaving it out would quietly
  // report κ of a subset of the sample.
  const fleissApplies =
    pairable && table.pairableItems === itemCount && table.minPairableLabels === table.maxPairableLabels;
  const multiRater = createMultiRaterStatistic(table, fleissApplies);
  const multi = new Float64Array(multiRater.size);
  multiRater.evaluate(null, multi);

  const alphaLevels = LEVELS.filter((l) => alphaInapplicable(sample, l) === null);
  const alphaAll = createAlphaStatistic(table, alphaLevels, sample.categoryValues);
  const alphaValues = new Float64Array(alphaAll.size);
  alphaAll.evaluate(null, alphaValues);
  const alphaOf = (l: MeasurementLevel): number | null => {
    const j = alphaLevels.indexOf(l);
    return j < 0 ? null : finite(alphaValues[j]);
  };
  coefficientStep(2);

  const twoAnnotators = annotatorCount === 2;
  const light = annotatorCount >= 3 ? lightKappaFromPairTable(pairs) : null;
  const pairSource = twoAnnotators && pairs.pairCount === 1 ? buildPairSource(sample, index, pairs) : null;
  const twoRater =
    twoAnnotators && pairSource !== null ? createTwoRaterStatistic(pairSource, sample.ordered) : null;
  const two = new Float64Array(4).fill(Number.NaN);
  twoRater?.evaluate(null, two);

  const majority = createMajorityStatistic(sample, index, table, minLabels, true);
  const majorityValues = new Float64Array(majority.size);
  majority.evaluate(null, majorityValues);
  coefficientStep(3);

  const estimates: Record<AgreementCiKey, number | null> = {
    alpha: alphaOf(level),
    percentAgreement: finite(multi[MULTI_RATER.percentAgreement]),
    cohenKappa: finite(two[TWO_RATER.cohenKappa]),
    scottPi: finite(two[TWO_RATER.scottPi]),
    lightKappa: finite(light?.value),
    fleissKappa: finite(multi[MULTI_RATER.fleissKappa]),
    gwetAC1: finite(multi[MULTI_RATER.gwetAC1]),
    brennanPrediger: finite(multi[MULTI_RATER.brennanPrediger]),
    weightedKappaLinear: finite(two[TWO_RATER.weightedLinear]),
    weightedKappaQuadratic: finite(two[TWO_RATER.weightedQuadratic]),
    humanCeiling:
      ceilingBasis === 'majority-of-others'
        ? finite(majorityValues[0])
        : finite(multi[MULTI_RATER.percentAgreement]),
  };

  warnings.push(
    ...explainUndefined({
      sample,
      table,
      pairs,
      level,
      alphaLevels,
      estimates,
      alphaOf,
      light,
      fleissApplies,
    }),
  );

  // --- Diagnostics (before the bootstrap, so that the bootstrap is the last and longest stage) ----------
  const pairDiagnostics = computePairAgreement(sample, pairs);
  const perCategory = computeCategoryAgreement(sample, table);
  const disagreements = findTopDisagreements(sample, index, table, topDisagreements);
  const confusionMatrices =
    C <= CONFUSION_MATRIX_MAX_CATEGORIES
      ? computeTopConfusionMatrices(sample, index, pairs, CONFUSION_MATRIX_PAIRS)
      : [];
  coefficientStep(COEFFICIENT_STEPS);

  // --- Bootstrap ---------------------------------------------------------------------------------------
  const ci: Partial<Record<AgreementCiKey, Interval>> = {};
  let annotatorIntervals: readonly (Interval | null)[] = [];
  if (bootstrapped) {
    if (!withAnnotators) {
      warn(
        'diagnostics.annotatorVsMajority',
        `Per-annotator intervals were skipped: ${annotatorCount} annotators × ${resamples} resamples is too many values to keep.`,
      );
    }
    const bootstrapStep = (done: number) => onProgress?.({ stage: 'bootstrap', done, total: resamples });
    bootstrapStep(0);
    const defined = new Set(CI_KEYS.filter((key) => estimates[key] !== null));
    const intervals = computeAgreementIntervals({
      sample,
      index,
      table,
      level,
      defined,
      fleissApplies,
      ceilingMinLabels: minLabels,
      perAnnotator: withAnnotators,
      resamples,
      seed,
      confidence,
      ...(onProgress === undefined ? {} : { onResampled: bootstrapStep }),
      elsewhere,
      hereShare,
    });
    for (const key of CI_KEYS) {
      const computed = intervals.coefficients.get(key);
      if (computed === undefined) continue;
      const { interval, undefinedResamples } = computed;
      if (interval !== null) ci[key] = interval;
      const name = COEFFICIENT_NAMES[key];
      if (interval === null) {
        warn(
          `ci.${key}`,
          `No interval for ${name}: it is undefined in ${undefinedResamples} of ${resamples} resamples (e.g. resamples with a single category).`,
        );
      } else if (undefinedResamples > 0) {
        warn(
          `ci.${key}`,
          `${name} is undefined in ${undefinedResamples} of ${resamples} resamples (e.g. resamples with a single category); its interval uses the others.`,
        );
      }
    }
    annotatorIntervals = intervals.annotators;
  }

  // --- Bands -------------------------------------------------------------------------------------------
  const bands: Partial<Record<AgreementBandKey, KappaBand | AlphaBand>> = {};
  if (estimates.alpha !== null) bands.alpha = alphaBand(estimates.alpha);
  for (const key of KAPPA_KEYS) {
    const value = estimates[key];
    if (value !== null) bands[key] = kappaBand(value);
  }

  // --- Annotators and warnings about the diagnostics ---------------------------------------------------
  // One label per (item, annotator), so an annotator's items are its annotations.
  const labeledItems = new Int32Array(annotatorCount);
  const { annotatorOf } = sample;
  for (let a = 0; a < annotationCount; a++) {
    const annotator = annotatorOf[a] ?? 0;
    labeledItems[annotator] = (labeledItems[annotator] ?? 0) + 1;
  }
  const annotatorVsMajority: AnnotatorAgreement[] = sample.annotators.map((annotator, a) => ({
    annotator,
    items: labeledItems[a] ?? 0,
    comparedItems: majority.compared[a] ?? 0,
    agreement: finite(majorityValues[1 + a]),
    ci: annotatorIntervals[a] ?? null,
  }));
  if (C > CONFUSION_MATRIX_MAX_CATEGORIES && pairs.pairCount > 0) {
    warn(
      'diagnostics.confusionMatrices',
      `Confusion matrices are left out with more than ${CONFUSION_MATRIX_MAX_CATEGORIES} categories; request one pair's with computeConfusionMatrix.`,
    );
  }

  // ICC whenever every label is numeric (docs/product.md, "continuous"): F-based intervals, no bootstrap.
  const ratings = sample.categoryValues === null ? null : completeRatings(sample, index);
  const icc = ratings === null ? null : computeIcc(ratings.matrix, ratings.items, ratings.raters, confidence);
  if (ratings !== null && icc === null) {
    warn('icc', 'No ICC: it needs two or more items rated by every annotator.');
  }
  const iccValues =
    icc === null
      ? null
      : (Object.fromEntries(ICC_FORMS.map((form) => [form, finite(icc.values[form])])) as Record<
          IccForm,
          number | null
        >);
  const iccIntervals = Object.fromEntries(
    ICC_FORMS.flatMap((form) => {
      const bounds = icc?.intervals[form];
      // With very few items the F bounds can come out undefined or crossed (e.g. 2 items, negative ICC).
      return bounds?.every(Number.isFinite) && bounds[0] <= bounds[1] ? [[form, bounds]] : [];
    }),
  ) as Partial<Record<IccForm, Interval>>;
  const missingIccIntervals = icc === null ? [] : ICC_FORMS.filter((form) => !(form in iccIntervals));
  if (missingIccIntervals.length > 0) {
    warn(
      'ci.icc',
      `No F-based interval for ${missingIccIntervals.join(', ')}: too few items rated by every annotator.`,
    );
  }
  const intervals: AgreementIntervals = icc === null ? ci : { ...ci, icc: iccIntervals };

  const weightedLinear = estimates.weightedKappaLinear;
  const weightedQuadratic = estimates.weightedKappaQuadratic;
  const humanCeiling =
    estimates.humanCeiling === null
      ? null
      : ({
          value: estimates.humanCeiling,
          ci: ci.humanCeiling ?? null,
          items: ceilingBasis === 'majority-of-others' ? table.itemsWithThreeOrMore : table.pairableItems,
          basis: ceilingBasis,
        } as const);

  return {
    items: itemCount,
    annotators: annotatorCount,
    annotations: annotationCount,
    categories: [...sample.categories],
    percentAgreement: estimates.percentAgreement,
    cohenKappa: estimates.cohenKappa,
    weightedKappa:
      weightedLinear !== null && weightedQuadratic !== null
        ? { linear: weightedLinear, quadratic: weightedQuadratic }
        : null,
    scottPi: estimates.scottPi,
    lightKappa: estimates.lightKappa,
    fleissKappa: estimates.fleissKappa,
    krippendorffAlpha: {
      nominal: alphaOf('nominal'),
      ordinal: alphaOf('ordinal'),
      interval: alphaOf('interval'),
      ratio: alphaOf('ratio'),
    },
    gwetAC1: estimates.gwetAC1,
    brennanPrediger: estimates.brennanPrediger,
    humanCeiling,
    framing: 'categorical',
    humanCeilingMetric: 'accuracy',
    multilabel: null,
    spans: null,
    boxes: null,
    ranking: null,
    pairwise: null,
    icc: iccValues,
    iccItems: ratings?.items ?? 0,
    ci: intervals,
    level,
    bootstrap: { resamples, seed, confidence },
    bands,
    warnings,
    diagnostics: {
      perCategory,
      pairs: pairDiagnostics,
      annotatorVsMajority,
      topDisagreements: disagreements,
      confusionMatrices,
    },
  };
}
