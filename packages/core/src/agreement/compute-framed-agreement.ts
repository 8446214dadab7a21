import { boxDisagreements } from './boxes/box-disagreements';
import { computeBoxes } from './boxes/compute-boxes';
import { AGREEMENT_DEFAULTS, computeAgreement } from './compute-agreement';
import { ratingDisagreements } from './continuous/rating-disagreements';
import type { FramedSample } from './framing';
import type { FramingOptions, FramingResult } from './framing-result';
import { computeMultilabel } from './multilabel/compute-multilabel';
import { setDisagreements } from './multilabel/set-disagreements';
import { computePairwise } from './pairwise/compute-pairwise';
import { computeRanking } from './ranking/compute-ranking';
import { rankingDisagreements } from './ranking/ranking-disagreements';
import { computeSpans } from './spans/compute-spans';
import { spanDisagreements } from './spans/span-disagreements';
import type {
  AgreementReport,
  AgreementWarning,
  ComputeAgreementOptions,
  HumanCeiling,
  Interval,
  UnitDisagreements,
} from './types';

/** How many units the disagreement list keeps: `topDisagreements` when a whole number, else the default. */
function disagreementLimit(options: ComputeAgreementOptions): number {
  const { topDisagreements } = options;
  return topDisagreements !== undefined && Number.isInteger(topDisagreements) && topDisagreements >= 0
    ? topDisagreements
    : AGREEMENT_DEFAULTS.topDisagreements;
}

/** Valid bootstrap settings of the structured framings (invalid values fall back to the defaults). */
function framingOptions(options: ComputeAgreementOptions): FramingOptions {
  const { bootstrap, seed, confidence } = options;
  return {
    resamples:
      bootstrap !== undefined && Number.isInteger(bootstrap) && bootstrap >= 0
        ? bootstrap
        : AGREEMENT_DEFAULTS.bootstrap,
    seed: seed !== undefined && Number.isFinite(seed) ? seed : AGREEMENT_DEFAULTS.seed,
    confidence:
      confidence !== undefined && confidence > 0 && confidence < 1
        ? confidence
        : AGREEMENT_DEFAULTS.confidence,
  };
}

/**
 * The report of a framing scored outside the categorical engine: the categorical keys do not apply (null,
 * with one warning saying where the framing's values are), the counts are the framing's.
 */
function structuredReport(
  framing: 'multilabel' | 'spans' | 'boxes' | 'ranking',
  counts: { items: number; annotators: number; annotations: number },
  result: FramingResult<unknown>,
  options: FramingOptions,
  unitDisagreements: UnitDisagreements,
): AgreementReport {
  const warnings: AgreementWarning[] = [
    {
      key: 'framing',
      message: `The one-label-per-item coefficients do not apply to ${framing}; its agreement is under "${framing}".`,
    },
    ...result.warnings,
  ];
  return {
    ...counts,
    categories: [],
    percentAgreement: null,
    cohenKappa: null,
    weightedKappa: null,
    scottPi: null,
    lightKappa: null,
    fleissKappa: null,
    krippendorffAlpha: { nominal: null, ordinal: null, interval: null, ratio: null },
    gwetAC1: null,
    brennanPrediger: null,
    humanCeiling: result.ceiling,
    framing,
    humanCeilingMetric: result.metric,
    multilabel: null,
    spans: null,
    boxes: null,
    ranking: null,
    pairwise: null,
    icc: null,
    iccItems: 0,
    [framing]: result.block,
    ci: result.ceiling?.ci ? { humanCeiling: result.ceiling.ci } : {},
    level: 'nominal',
    bootstrap: { resamples: options.resamples, seed: options.seed, confidence: options.confidence },
    bands: {},
    warnings,
    diagnostics: {
      perCategory: [],
      pairs: [],
      annotatorVsMajority: [],
      topDisagreements: [],
      unitDisagreements,
      confusionMatrices: [],
    },
  };
}

/** √ICC(C,1) and its interval (bounds below 0 read as 0): the correlation ceiling of ratings. */
function correlationCeiling(report: AgreementReport): HumanCeiling | null {
  const consistency = report.icc?.['ICC(C,1)'];
  if (consistency === null || consistency === undefined) return null;
  const bounds = report.ci.icc?.['ICC(C,1)'];
  const root = (value: number) => Math.sqrt(Math.max(0, value));
  const ci: Interval | null = bounds === undefined ? null : [root(bounds[0]), root(bounds[1])];
  return { value: root(consistency), ci, items: report.iccItems ?? 0, basis: 'sqrt-icc-c1' };
}

/**
 * Scores a sample under its framing (docs/product.md, "Framings beyond one label per item") and returns the
 * one report shape every consumer reads: `framing`, `humanCeilingMetric`, the framing's block (the others
 * `null`) and `humanCeiling` in the framing's metric.
 * - `categorical`: `computeAgreement` as is (ICC included when every label is numeric).
 * - `continuous`: the same coefficients; the ceiling is √ICC(C,1), the correlation a model as good as the
 *   true score would show with one annotator (metric `correlation`).
 * - `pairwise`: canonical comparisons scored as categories, the `pairwise` block, and percent agreement as
 *   the ceiling (metric `accuracy`).
 * - `multilabel`, `spans`, `boxes`, `ranking`: the framing's own block and ceiling; the categorical keys
 *   are `null`.
 * Continuous and structured samples also list the units that agree least in the framing's own metric
 * (`diagnostics.unitDisagreements`); pairwise samples keep the per-comparison list (`topDisagreements`).
 */
export function computeFramedAgreement(
  framed: FramedSample,
  options: ComputeAgreementOptions = {},
): AgreementReport {
  const settings = framingOptions(options);
  switch (framed.framing) {
    case 'categorical':
      return computeAgreement(framed.sample, options);
    case 'continuous': {
      const report = computeAgreement(framed.sample, options);
      const ceiling = correlationCeiling(report);
      const warnings =
        ceiling === null
          ? [
              ...report.warnings,
              { key: 'humanCeiling', message: 'No ceiling: ICC(C,1) is undefined for this sample.' },
            ]
          : report.warnings;
      const ci = { ...report.ci };
      if (ceiling?.ci) ci.humanCeiling = ceiling.ci;
      else delete ci.humanCeiling;
      return {
        ...report,
        framing: 'continuous',
        humanCeilingMetric: 'correlation',
        humanCeiling: ceiling,
        ci,
        warnings,
        diagnostics: {
          ...report.diagnostics,
          unitDisagreements: {
            metric: 'ratingRange',
            units: ratingDisagreements(framed.sample, disagreementLimit(options)),
          },
        },
      };
    }
    case 'pairwise': {
      const report = computeAgreement(framed.sample, options);
      const agreement = report.percentAgreement;
      const interval = report.ci.percentAgreement;
      return {
        ...report,
        framing: 'pairwise',
        humanCeilingMetric: 'accuracy',
        pairwise: computePairwise(framed.sample),
        humanCeiling:
          agreement === null
            ? null
            : {
                value: agreement,
                ci: interval ?? null,
                items: report.humanCeiling?.items ?? 0,
                basis: 'percent-agreement',
              },
        ci: interval === undefined ? report.ci : { ...report.ci, humanCeiling: interval },
      };
    }
    case 'multilabel':
    case 'spans':
    case 'boxes':
    case 'ranking': {
      const { sample } = framed;
      const counts = {
        items: sample.units.length,
        annotators: sample.annotators.length,
        annotations: sample.annotations.length,
      };
      const limit = disagreementLimit(options);
      const [result, disagreements]: [FramingResult<unknown>, UnitDisagreements] =
        framed.framing === 'multilabel'
          ? [
              computeMultilabel(framed.sample, settings),
              { metric: 'jaccard', units: setDisagreements(framed.sample, limit) },
            ]
          : framed.framing === 'spans'
            ? [
                computeSpans(framed.sample, settings),
                { metric: 'spanF1', units: spanDisagreements(framed.sample, limit) },
              ]
            : framed.framing === 'boxes'
              ? [
                  computeBoxes(framed.sample, settings),
                  { metric: 'boxF1', units: boxDisagreements(framed.sample, limit) },
                ]
              : [
                  computeRanking(framed.sample, settings),
                  { metric: 'kendallTau', units: rankingDisagreements(framed.sample, limit) },
                ];
      return structuredReport(framed.framing, counts, result, settings, disagreements);
    }
  }
}
