import type { BootstrapThreads } from './agreement-intervals';
/**
 * The contract between the agreement engine's input side (parse/) and its statistics side.
 * A labeled sample is a set of (item, annotator, label) triples; it is held as parallel typed
 * arrays with dictionary-encoded ids so that millions of annotations never become millions of objects.
 */

import type { Framing, HumanCeilingMetric } from './framing';

export type MeasurementLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/** One labeled sample, dictionary-encoded. Index `a` in the three `*Of` arrays is one annotation. */
export interface EncodedSample {
  /** Item ids, by item index (first-seen order). */
  readonly items: readonly string[];
  /** Annotator ids, by annotator index (first-seen order). */
  readonly annotators: readonly string[];
  /**
   * Distinct labels, by category index. Ordered: the declared order when one was given, else ascending
   * numeric value when every label is numeric, else first-seen order.
   */
  readonly categories: readonly string[];
  /** Numeric value of each category when every label parses as a finite number; `null` otherwise. */
  readonly categoryValues: Float64Array | null;
  /** True when `categories` carries a meaningful order (declared, or numeric). */
  readonly ordered: boolean;
  readonly itemOf: Int32Array;
  readonly annotatorOf: Int32Array;
  readonly categoryOf: Int32Array;
}

/** What went wrong with an input file; `line` and `column` are 1-based when known. */
export type SampleIssueCode =
  | 'empty_file'
  | 'header_only'
  | 'unknown_format'
  | 'ragged_row'
  | 'missing_column'
  | 'invalid_json'
  | 'invalid_record'
  | 'duplicate_conflict'
  | 'non_numeric_label'
  | 'unknown_category'
  | 'too_few_annotators'
  | 'no_pairable_item'
  | 'file_too_large'
  | 'not_text'
  | 'mixed_framing'
  | 'unknown_framing'
  | 'unknown_control';

export interface SampleIssue {
  readonly code: SampleIssueCode;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

// ---------------------------------------------------------------------------------------------------
// The statistics side: options and report of `computeAgreement` (docs/product.md, "Agreement").
// ---------------------------------------------------------------------------------------------------

/** Options of `computeAgreement`; every field is optional and documented with its default. */
export interface AgreementOptions {
  /** The level whose Krippendorff α is "the" α: it gets the `ci.alpha` interval and the `bands.alpha` label. Default `'nominal'`. */
  readonly level?: MeasurementLevel;
  /** Bootstrap resamples for the confidence intervals. Default 1000; 0 computes no interval. */
  readonly bootstrap?: number;
  /** Seed of the bootstrap's pseudo-random generator. Default 1. */
  readonly seed?: number;
  /** How many items `diagnostics.topDisagreements` and `diagnostics.unitDisagreements` list. Default 50. */
  readonly topDisagreements?: number;
  /** Confidence level of the percentile intervals, in (0, 1). Default 0.95. */
  readonly confidence?: number;
}

/**
 * How far `computeAgreement` is: `coefficients` counts the steps before the bootstrap (point estimates
 * and diagnostics), `bootstrap` the resamples. Each stage starts at `done: 0` and ends at `done: total`.
 */
export interface AgreementProgress {
  readonly stage: 'coefficients' | 'bootstrap';
  readonly done: number;
  readonly total: number;
}

/** `computeAgreement`'s options: the report's own options, plus a progress callback that the report never records. */
export interface ComputeAgreementOptions extends AgreementOptions {
  /** Called as each stage advances, at most about every 1% of the bootstrap's resamples. */
  readonly onProgress?: (progress: AgreementProgress) => void;
  /** Draws part of the bootstrap on other threads (a host with threads; the report is the same). */
  readonly bootstrapThreads?: BootstrapThreads;
}

/** A confidence interval `[lower, upper]`. */
export type Interval = readonly [number, number];

export interface WeightedKappa {
  readonly linear: number;
  readonly quadratic: number;
}

export interface KrippendorffAlphaByLevel {
  readonly nominal: number | null;
  readonly ordinal: number | null;
  readonly interval: number | null;
  readonly ratio: number | null;
}

export interface HumanCeiling {
  readonly value: number;
  readonly ci: Interval | null;
  /** The number of units the value rests on (items with ≥ 3 labels, pairable items, documents, images, lists). */
  readonly items: number;
  /**
   * `majority-of-others` when some item has ≥ 3 labels; else `percent-agreement`. The other framings name
   * the key the ceiling is: `multilabel.f1.micro`, `spans.f1.exact`, `boxes.f1.iou50`,
   * `ranking.meanKendallTau`, `sqrt-icc-c1` (√ICC(C,1)).
   */
  readonly basis: HumanCeilingBasis;
}

export type HumanCeilingBasis =
  | 'majority-of-others'
  | 'percent-agreement'
  | 'multilabel.f1.micro'
  | 'spans.f1.exact'
  | 'boxes.f1.iou50'
  | 'ranking.meanKendallTau'
  | 'sqrt-icc-c1';

/** Multi-label: "label present" as a yes/no variable. */
export interface LabelPresenceAgreement {
  /** Annotations that include the label. */
  readonly positives: number;
  readonly percentAgreement: number | null;
  readonly krippendorffAlpha: number | null;
  readonly gwetAC1: number | null;
}

/** docs/product.md, "Framings beyond one label per item": `multilabel`. */
export interface MultilabelAgreement {
  readonly labels: readonly string[];
  readonly alphaMasi: number | null;
  readonly alphaJaccard: number | null;
  readonly alphaExact: number | null;
  readonly f1: { readonly micro: number | null; readonly macro: number | null };
  readonly perLabel: Readonly<Record<string, LabelPresenceAgreement>>;
  /** Bootstrap intervals over items: `micro` (the ceiling's). */
  readonly ci: { readonly micro?: Interval };
}

/** docs/product.md, "Framings beyond one label per item": `spans`. */
export interface SpanAgreement {
  readonly f1: {
    readonly exact: number | null;
    readonly unlabeled: number | null;
    readonly overlap: number | null;
  };
  /** Exact F1 per label. */
  readonly perLabel: Readonly<Record<string, number>>;
  /** Documents annotated by two or more annotators. */
  readonly documents: number;
  /** Annotator pairs that share a document. */
  readonly pairs: number;
  /** Bootstrap intervals over documents. */
  readonly ci: { readonly exact?: Interval; readonly unlabeled?: Interval; readonly overlap?: Interval };
}

/** docs/product.md, "Framings beyond one label per item": `boxes`. */
export interface BoxAgreement {
  readonly f1: { readonly iou50: number | null; readonly iou75: number | null };
  readonly meanIoU: number | null;
  /** F1 at IoU 0.5 per label. */
  readonly perLabel: Readonly<Record<string, number>>;
  /** Images annotated by two or more annotators. */
  readonly images: number;
  readonly pairs: number;
  /** Bootstrap intervals over images. */
  readonly ci: { readonly iou50?: Interval; readonly iou75?: Interval };
}

/** docs/product.md, "Framings beyond one label per item": `ranking`. */
export interface RankingAgreement {
  readonly kendallW: number | null;
  readonly kendallWUncorrected: number | null;
  readonly meanKendallTau: number | null;
  /** Lists ranked by two or more annotators. */
  readonly lists: number;
  /** Bootstrap intervals over lists. */
  readonly ci: { readonly kendallW?: Interval; readonly meanKendallTau?: Interval };
}

/** docs/product.md, "Framings beyond one label per item": `pairwise`. */
export interface PairwiseAgreement {
  /** Distinct comparisons (pairs of items, in canonical order). */
  readonly comparisons: number;
  /** Share of the answers that are ties. */
  readonly tieShare: number;
  /** Percent agreement over the answers that are not ties; `null` when no comparison keeps two. */
  readonly agreementWithoutTies: number | null;
}

/** The six ICC forms, named as McGraw & Wong (1996). */
export type IccForm = 'ICC(1,1)' | 'ICC(A,1)' | 'ICC(C,1)' | 'ICC(1,k)' | 'ICC(A,k)' | 'ICC(C,k)';

/** Keys of `AgreementReport.ci`; `alpha` is Krippendorff's α at the chosen `level`. */
export type AgreementCiKey =
  | 'alpha'
  | 'percentAgreement'
  | 'cohenKappa'
  | 'scottPi'
  | 'lightKappa'
  | 'fleissKappa'
  | 'gwetAC1'
  | 'brennanPrediger'
  | 'weightedKappaLinear'
  | 'weightedKappaQuadratic'
  | 'humanCeiling';

/** `AgreementReport.ci`: bootstrap intervals per coefficient, and the ICCs' F-based intervals. */
export type AgreementIntervals = Partial<Record<AgreementCiKey, Interval>> & {
  readonly icc?: Readonly<Partial<Record<IccForm, Interval>>>;
};

/** Keys of `AgreementReport.bands`: the chance-corrected coefficients (percent agreement and the ceiling have no band). */
export type AgreementBandKey = Exclude<AgreementCiKey, 'percentAgreement' | 'humanCeiling'>;

/** Landis & Koch (1977) for kappa-like coefficients. */
export type KappaBand = 'poor' | 'slight' | 'fair' | 'moderate' | 'substantial' | 'almost perfect';
/** Krippendorff (2004) for α: ≥ .800 reliable, ≥ .667 tentative, else unreliable. */
export type AlphaBand = 'reliable' | 'tentative' | 'unreliable';

/** Why a value is missing or should be read with care. `key` names the report key (e.g. `fleissKappa`, `krippendorffAlpha.ratio`, `ci.cohenKappa`). */
export interface AgreementWarning {
  readonly key: string;
  readonly message: string;
}

export interface CategoryAgreement {
  readonly category: string;
  /** Annotations with this label. */
  readonly count: number;
  /** Specific agreement Σ n_ik(n_ik − 1) / Σ n_ik(m_i − 1) over pairable items; `null` if the label never occurs on one. */
  readonly specificAgreement: number | null;
  /** Fleiss-style κ of this category against all others; `null` when undefined (label never or always used). */
  readonly kappa: number | null;
}

export interface PairAgreement {
  readonly annotatorA: string;
  readonly annotatorB: string;
  /** Items both labeled. */
  readonly items: number;
  readonly percentAgreement: number;
  /** `null` when chance agreement is 1 (both used one and the same label on their shared items). */
  readonly cohenKappa: number | null;
}

export interface AnnotatorAgreement {
  readonly annotator: string;
  /** Items this annotator labeled. */
  readonly items: number;
  /** Items on which the annotation was compared with the majority of the others (the human ceiling's items). */
  readonly comparedItems: number;
  /** Mean agreement with the majority of the other labels (ties split evenly); `null` with no compared item. */
  readonly agreement: number | null;
  readonly ci: Interval | null;
}

export interface DisagreementItem {
  readonly item: string;
  /** Per-item agreement: the share of agreeing ordered pairs of its labels. */
  readonly agreement: number;
  readonly labels: readonly { readonly annotator: string; readonly label: string }[];
}

/**
 * What a unit's worst-agreeing annotator pair differ on, in the framing's own terms: a span or box one
 * annotator has and the other lacks (spans exactly, boxes at IoU 0.5), a label in one set and not the
 * other, each annotator's ranking (best first) or rating.
 */
export type UnitDifference =
  | {
      readonly kind: 'span';
      readonly has: string;
      readonly lacks: string;
      readonly start: number;
      readonly end: number;
      readonly label: string;
      /** The span's characters when the export holds the document text (long spans cut to 120 with …). */
      readonly text: string | null;
    }
  | {
      readonly kind: 'box';
      readonly has: string;
      readonly lacks: string;
      readonly label: string;
      readonly x: number;
      readonly y: number;
      readonly width: number;
      readonly height: number;
    }
  | { readonly kind: 'label'; readonly has: string; readonly lacks: string; readonly label: string }
  | { readonly kind: 'order'; readonly annotator: string; readonly objects: readonly string[] }
  | { readonly kind: 'rating'; readonly annotator: string; readonly value: number };

/**
 * What `UnitDisagreement.score` is: the pair's exact span F1, box F1 at IoU 0.5, Jaccard similarity of
 * the label sets or Kendall's τ-b (lowest first), or the range of the ratings, max − min (highest first).
 */
export type UnitDisagreementMetric = 'spanF1' | 'boxF1' | 'jaccard' | 'kendallTau' | 'ratingRange';

/** One unit (document, image, item, list) of the structured disagreement list and its worst pair. */
export interface UnitDisagreement {
  readonly unit: string;
  readonly score: number;
  /** The pair with the worst score (ties: the first in annotator-name order); `annotatorA` < `annotatorB`. */
  readonly annotatorA: string;
  readonly annotatorB: string;
  readonly differences: readonly UnitDifference[];
  /** Differences left out of `differences` (it keeps the first 20). */
  readonly moreDifferences: number;
}

/** The structured framings' disagreement list: the units whose worst pair agrees least. */
export interface UnitDisagreements {
  readonly metric: UnitDisagreementMetric;
  readonly units: readonly UnitDisagreement[];
}

export interface ConfusionMatrix {
  readonly annotatorA: string;
  readonly annotatorB: string;
  /** Row and column labels (the sample's category list). */
  readonly categories: readonly string[];
  /** `counts[r][c]`: items annotator A labeled `categories[r]` and annotator B labeled `categories[c]`. */
  readonly counts: readonly (readonly number[])[];
  /** Items both labeled. */
  readonly items: number;
}

export interface AgreementDiagnostics {
  readonly perCategory: readonly CategoryAgreement[];
  /** Annotator pairs that share at least one item, most shared items first. */
  readonly pairs: readonly PairAgreement[];
  readonly annotatorVsMajority: readonly AnnotatorAgreement[];
  readonly topDisagreements: readonly DisagreementItem[];
  /**
   * Spans, boxes, multi-label, ranking and continuous samples: the units whose worst annotator pair
   * agrees least in the framing's own metric. Absent from reports stored before it.
   */
  readonly unitDisagreements?: UnitDisagreements;
  /** Confusion matrices of the (up to) 10 pairs that share most items, in `pairs` order. */
  readonly confusionMatrices: readonly ConfusionMatrix[];
}

/** The agreement JSON contract (docs/product.md, "Agreement"); `null` means undefined for this sample, with a reason in `warnings`. */
export interface AgreementReport {
  readonly items: number;
  readonly annotators: number;
  readonly annotations: number;
  readonly categories: readonly string[];
  readonly percentAgreement: number | null;
  readonly cohenKappa: number | null;
  readonly weightedKappa: WeightedKappa | null;
  readonly scottPi: number | null;
  readonly lightKappa: number | null;
  readonly fleissKappa: number | null;
  readonly krippendorffAlpha: KrippendorffAlphaByLevel;
  readonly gwetAC1: number | null;
  readonly brennanPrediger: number | null;
  readonly humanCeiling: HumanCeiling | null;
  /** Which framing the sample was scored under; `categorical` when absent (reports stored before framings). */
  readonly framing?: Framing;
  /** What `humanCeiling` is measured in; `accuracy` when absent. */
  readonly humanCeilingMetric?: HumanCeilingMetric;
  readonly multilabel?: MultilabelAgreement | null;
  readonly spans?: SpanAgreement | null;
  readonly boxes?: BoxAgreement | null;
  readonly ranking?: RankingAgreement | null;
  readonly pairwise?: PairwiseAgreement | null;
  /** The six ICCs, whenever every label is numeric and some item was rated by every annotator; else `null`. */
  readonly icc?: Readonly<Record<IccForm, number | null>> | null;
  /** Items every annotator rated (the ICCs rest on them). */
  readonly iccItems?: number;
  readonly ci: AgreementIntervals;
  readonly level: MeasurementLevel;
  readonly bootstrap: { readonly resamples: number; readonly seed: number; readonly confidence: number };
  readonly bands: Partial<Record<AgreementBandKey, KappaBand | AlphaBand>>;
  readonly warnings: readonly AgreementWarning[];
  readonly diagnostics: AgreementDiagnostics;
}
