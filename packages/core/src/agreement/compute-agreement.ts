import { alphaBand, kappaBand } from './bands';
import { bootstrapDistributions, percentileInterval, type ResampledStatistic } from './bootstrap';
import { createMajorityStatistic } from './ceiling';
import {
  computeCategoryAgreement,
  computePairAgreement,
  computeTopConfusionMatrices,
  findTopDisagreements,
} from './diagnostics';
import { buildItemIndex } from './item-index';
import { buildItemTable } from './item-table';
import { buildPairTable, type PairTable } from './pair-table';
import {
  buildPairSource,
  createAlphaStatistic,
  createLightStatistic,
  createMultiRaterStatistic,
  createTwoRaterStatistic,
  lightKappaFromPairTable,
  MULTI_RATER,
  TWO_RATER,
} from './statistics';
import type {
  AgreementBandKey,
  AgreementCiKey,
  AgreementOptions,
  AgreementReport,
  AgreementWarning,
  AlphaBand,
  AnnotatorAgreement,
  EncodedSample,
  Interval,
  KappaBand,
  MeasurementLevel,
} from './types';

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

const LEVELS: readonly MeasurementLevel[] = ['nominal', 'ordinal', 'interval', 'ratio'];

const COEFFICIENT_NAMES: Record<AgreementCiKey, string> = {
  alpha: "Krippendorff's α",
  percentAgreement: 'Percent agreement',
  cohenKappa: "Cohen's κ",
  scottPi: "Scott's π",
  lightKappa: "Light's κ",
  fleissKappa: "Fleiss' κ",
  gwetAC1: "Gwet's AC1",
  brennanPrediger: 'Brennan–Prediger',
  weightedKappaLinear: 'Linear weighted κ',
  weightedKappaQuadratic: 'Quadratic weighted κ',
  humanCeiling: 'The human ceiling',
};

const finite = (value: number | undefined): number | null =>
  value !== undefined && Number.isFinite(value) ? value : null;

const quote = (label: string | undefined): string => `'${label ?? ''}'`;

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

/** Why Krippendorff's α at `level` cannot be computed from these labels at all, or `null` if it can. */
function alphaInapplicable(sample: EncodedSample, level: MeasurementLevel): string | null {
  if (level === 'ordinal' && !sample.ordered) {
    return 'ordinal α needs ordered labels (numbers, or a declared category order).';
  }
  if ((level === 'interval' || level === 'ratio') && sample.categoryValues === null) {
    return `${level} α needs numeric labels.`;
  }
  if (level === 'ratio' && sample.categoryValues?.some((value) => value < 0)) {
    return 'ratio α needs non-negative values; some labels are negative (use interval α).';
  }
  return null;
}

/** The single label of a pair's shared items when both annotators used only it, for warnings. */
function onlyLabelOfPair(sample: EncodedSample, pairs: PairTable, p: number): string | undefined {
  const C = pairs.categoryCount;
  const n = pairs.items[p] ?? 0;
  for (let k = 0; k < C; k++) if ((pairs.rowTotals[p * C + k] ?? 0) === n) return sample.categories[k];
  return undefined;
}

/**
 * Computes every agreement coefficient of a labeled sample, their bootstrap confidence intervals, the human
 * ceiling and the diagnostics, as the JSON contract of PRODUCT.md ("Agreement: definitions"). Undefined
 * coefficients are `null`, each with a plain-words reason in `warnings`; nothing is NaN.
 *
 * Work is linear in the annotations plus Σ_i m_i² for the pairs: annotations are grouped by item with a
 * counting sort, reduced to per-item category counts, and every coefficient (and each bootstrap resample,
 * as item multiplicity weights) is recomputed from those per-item sufficient statistics.
 *
 * Decisions the definitions leave open:
 * - Fleiss' κ requires every pairable item to carry the same number of labels; items with a single label
 *   are left out (with a warning), as they are from percent agreement and α.
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
export function computeAgreement(sample: EncodedSample, options: AgreementOptions = {}): AgreementReport {
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

  const itemCount = sample.items.length;
  const annotatorCount = sample.annotators.length;
  const annotationCount = sample.categoryOf.length;
  const C = sample.categories.length;
  const index = buildItemIndex(sample);
  const table = buildItemTable(sample, index);
  const pairs = buildPairTable(sample, index);
  const pairable = table.pairableItems > 0;
  const singleCategory = table.observedCategories === 1;
  const onlyCategory = sample.categories[table.categoryTotals.findIndex((count) => count > 0)];

  if (annotationCount === 0) warn('sample', 'The sample has no annotations.');
  else if (annotatorCount < 2)
    warn('sample', 'Only one annotator labeled this sample; agreement needs at least two.');
  else if (!pairable)
    warn('sample', 'No item was labeled by two or more annotators, so no two labels can be compared.');
  const noPairs = (key: string, name: string) =>
    warn(key, `${name} is undefined: no item has labels from two or more annotators.`);
  const oneCategory = (key: string, name: string) =>
    warn(
      key,
      `${name} is undefined: every label is ${quote(onlyCategory)}, so chance agreement is 1 (the labels agree, but nothing shows they could have disagreed).`,
    );

  // --- Point estimates -------------------------------------------------------------------------------
  const fleissApplies = pairable && table.minPairableLabels === table.maxPairableLabels;
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

  const twoAnnotators = annotatorCount === 2;
  const light = annotatorCount >= 3 ? lightKappaFromPairTable(pairs) : null;
  const needPairSource =
    (twoAnnotators && pairs.pairCount === 1) || (light !== null && light.definedPairs > 0 && resamples > 0);
  const pairSource = needPairSource ? buildPairSource(sample, index, pairs) : null;
  const twoRater =
    twoAnnotators && pairSource !== null ? createTwoRaterStatistic(pairSource, sample.ordered) : null;
  const two = new Float64Array(4).fill(Number.NaN);
  twoRater?.evaluate(null, two);

  // The ceiling and each annotator's agreement with the majority of the others, on items with ≥ 3 labels;
  // with none, on pairable items, where the ceiling is percent agreement.
  const ceilingBasis = table.itemsWithThreeOrMore > 0 ? 'majority-of-others' : 'percent-agreement';
  const minLabels = ceilingBasis === 'majority-of-others' ? 3 : 2;
  const majority = createMajorityStatistic(sample, index, table, minLabels, true);
  const majorityValues = new Float64Array(majority.size);
  majority.evaluate(null, majorityValues);

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

  // --- Reasons for what is undefined --------------------------------------------------------------------
  if (annotationCount > 0 && annotatorCount >= 2) {
    if (!pairable) {
      noPairs('percentAgreement', 'Percent agreement');
      noPairs('fleissKappa', "Fleiss' κ");
      noPairs('gwetAC1', "Gwet's AC1");
      noPairs('brennanPrediger', 'Brennan–Prediger');
      noPairs('humanCeiling', 'The human ceiling');
      for (const l of alphaLevels) noPairs(`krippendorffAlpha.${l}`, `${l} α`);
    } else {
      if (!fleissApplies) {
        warn(
          'fleissKappa',
          `Fleiss' κ needs the same number of labels on every item; items here have between ${table.minPairableLabels} and ${table.maxPairableLabels} (Krippendorff's α allows missing labels).`,
        );
      } else if (estimates.fleissKappa === null) {
        warn(
          'fleissKappa',
          "Fleiss' κ is undefined: every label on items with two or more labels falls in one category, so chance agreement is 1.",
        );
      }
      const unpairable = itemCount - table.pairableItems;
      if (fleissApplies && estimates.fleissKappa !== null && unpairable > 0) {
        warn(
          'fleissKappa',
          `${unpairable} item${unpairable === 1 ? '' : 's'} with a single label ${unpairable === 1 ? 'was' : 'were'} left out of Fleiss' κ (no pair to compare).`,
        );
      }
      if (singleCategory) {
        oneCategory('gwetAC1', "Gwet's AC1");
        oneCategory('brennanPrediger', 'Brennan–Prediger');
      }
      for (const l of alphaLevels) {
        if (alphaOf(l) !== null) continue;
        warn(
          `krippendorffAlpha.${l}`,
          l === 'nominal' || l === 'ordinal'
            ? `${l} α is undefined: every label on items with two or more labels falls in one category, so expected disagreement is 0.`
            : `${l} α is undefined: every label on items with two or more labels has the same value, so expected disagreement is 0.`,
        );
      }
    }
    if (sample.categoryValues?.some((value) => value < 0)) {
      warn('krippendorffAlpha.ratio', alphaInapplicable(sample, 'ratio') ?? '');
    }
    const chosenInapplicable = alphaInapplicable(sample, level);
    if (chosenInapplicable !== null) warn('alpha', `No α at the chosen level: ${chosenInapplicable}`);

    if (twoAnnotators) {
      if (pairs.pairCount === 0) {
        for (const key of ['cohenKappa', 'scottPi'] as const) {
          warn(key, `${COEFFICIENT_NAMES[key]} is undefined: the two annotators labeled no item in common.`);
        }
      } else if (estimates.cohenKappa === null) {
        const label = quote(onlyLabelOfPair(sample, pairs, 0));
        for (const key of ['cohenKappa', 'scottPi'] as const) {
          warn(
            key,
            `${COEFFICIENT_NAMES[key]} is undefined: both annotators gave every shared item the label ${label}, so chance agreement is 1.`,
          );
        }
      }
      if (sample.ordered && pairs.pairCount > 0 && estimates.weightedKappaLinear === null) {
        warn(
          'weightedKappa',
          'Weighted κ is undefined: both annotators gave every shared item the same single label, so expected disagreement is 0.',
        );
      }
    }
    if (light !== null) {
      const left = pairs.pairCount - light.definedPairs;
      if (pairs.pairCount === 0) {
        warn('lightKappa', "Light's κ is undefined: no two annotators labeled an item in common.");
      } else if (light.definedPairs === 0) {
        warn(
          'lightKappa',
          "Light's κ is undefined: every annotator pair gave all its shared items one and the same label, so each pair's chance agreement is 1.",
        );
      } else if (left > 0) {
        warn(
          'lightKappa',
          `${left} of ${pairs.pairCount} annotator pairs were left out of Light's κ: each gave all its shared items one and the same label, so its κ is undefined.`,
        );
      }
    }
  }

  // --- Bootstrap ---------------------------------------------------------------------------------------
  const ci: Partial<Record<AgreementCiKey, Interval>> = {};
  const annotatorIntervals: (Interval | null)[] = new Array<Interval | null>(annotatorCount).fill(null);
  if (resamples > 0 && pairable) {
    const statistics: ResampledStatistic[] = [multiRater];
    const chosenAlpha =
      estimates.alpha !== null ? createAlphaStatistic(table, [level], sample.categoryValues) : null;
    if (chosenAlpha !== null) statistics.push(chosenAlpha);
    if (twoRater !== null && estimates.cohenKappa !== null) statistics.push(twoRater);
    const lightStatistic =
      estimates.lightKappa !== null && pairSource !== null ? createLightStatistic(pairSource) : null;
    if (lightStatistic !== null) statistics.push(lightStatistic);
    const withAnnotators = annotatorCount * resamples <= ANNOTATOR_BOOTSTRAP_MAX_VALUES;
    if (!withAnnotators) {
      warn(
        'diagnostics.annotatorVsMajority',
        `Per-annotator intervals were skipped: ${annotatorCount} annotators × ${resamples} resamples is too many values to keep.`,
      );
    }
    const resampledMajority =
      ceilingBasis === 'majority-of-others' || withAnnotators
        ? createMajorityStatistic(sample, index, table, minLabels, withAnnotators)
        : null;
    if (resampledMajority !== null) statistics.push(resampledMajority);

    const distributions = bootstrapDistributions(statistics, itemCount, resamples, seed);
    const component = (statistic: ResampledStatistic | null, j: number): Float64Array | null => {
      const s = statistic === null ? -1 : statistics.indexOf(statistic);
      return s < 0 ? null : (distributions[s]?.subarray(j * resamples, (j + 1) * resamples) ?? null);
    };
    const sources: Record<AgreementCiKey, Float64Array | null> = {
      alpha: component(chosenAlpha, 0),
      percentAgreement: component(multiRater, MULTI_RATER.percentAgreement),
      cohenKappa: component(twoRater, TWO_RATER.cohenKappa),
      scottPi: component(twoRater, TWO_RATER.scottPi),
      lightKappa: component(lightStatistic, 0),
      fleissKappa: component(multiRater, MULTI_RATER.fleissKappa),
      gwetAC1: component(multiRater, MULTI_RATER.gwetAC1),
      brennanPrediger: component(multiRater, MULTI_RATER.brennanPrediger),
      weightedKappaLinear: component(twoRater, TWO_RATER.weightedLinear),
      weightedKappaQuadratic: component(twoRater, TWO_RATER.weightedQuadratic),
      humanCeiling:
        ceilingBasis === 'majority-of-others'
          ? component(resampledMajority, 0)
          : component(multiRater, MULTI_RATER.percentAgreement),
    };
    for (const key of Object.keys(sources) as AgreementCiKey[]) {
      const values = sources[key];
      if (values === null || estimates[key] === null) continue;
      const { interval, undefinedResamples } = percentileInterval(values, confidence);
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
    if (withAnnotators) {
      for (let a = 0; a < annotatorCount; a++) {
        const values = component(resampledMajority, 1 + a);
        if (values !== null && Number.isFinite(majorityValues[1 + a])) {
          annotatorIntervals[a] = percentileInterval(values, confidence).interval;
        }
      }
    }
  }

  // --- Bands -------------------------------------------------------------------------------------------
  const bands: Partial<Record<AgreementBandKey, KappaBand | AlphaBand>> = {};
  if (estimates.alpha !== null) bands.alpha = alphaBand(estimates.alpha);
  const kappaKeys = [
    'cohenKappa',
    'scottPi',
    'lightKappa',
    'fleissKappa',
    'gwetAC1',
    'brennanPrediger',
    'weightedKappaLinear',
    'weightedKappaQuadratic',
  ] as const;
  for (const key of kappaKeys) {
    const value = estimates[key];
    if (value !== null) bands[key] = kappaBand(value);
  }

  // --- Diagnostics -------------------------------------------------------------------------------------
  const pairDiagnostics = computePairAgreement(sample, pairs);
  // One label per (item, annotator), so an annotator's items are its annotations.
  const labeledItems = new Int32Array(annotatorCount);
  for (const annotator of sample.annotatorOf) labeledItems[annotator] = (labeledItems[annotator] ?? 0) + 1;
  const annotatorVsMajority: AnnotatorAgreement[] = sample.annotators.map((annotator, a) => ({
    annotator,
    items: labeledItems[a] ?? 0,
    comparedItems: majority.compared[a] ?? 0,
    agreement: finite(majorityValues[1 + a]),
    ci: annotatorIntervals[a] ?? null,
  }));
  const confusionMatrices =
    C <= CONFUSION_MATRIX_MAX_CATEGORIES
      ? computeTopConfusionMatrices(sample, index, pairs, CONFUSION_MATRIX_PAIRS)
      : [];
  if (C > CONFUSION_MATRIX_MAX_CATEGORIES && pairs.pairCount > 0) {
    warn(
      'diagnostics.confusionMatrices',
      `Confusion matrices are left out with more than ${CONFUSION_MATRIX_MAX_CATEGORIES} categories; request one pair's with computeConfusionMatrix.`,
    );
  }

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
    ci,
    level,
    bootstrap: { resamples, seed, confidence },
    bands,
    warnings,
    diagnostics: {
      perCategory: computeCategoryAgreement(sample, table),
      pairs: pairDiagnostics,
      annotatorVsMajority,
      topDisagreements: findTopDisagreements(sample, index, table, topDisagreements),
      confusionMatrices,
    },
  };
}
