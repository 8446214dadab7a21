/**
 * The contract between the agreement engine's input side (parse/) and its statistics side.
 * A labeled sample is a set of (item, annotator, label) triples; it is held as parallel typed
 * arrays with dictionary-encoded ids so that millions of annotations never become millions of objects.
 */

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
  | 'not_text';

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
  /** How many items `diagnostics.topDisagreements` lists. Default 50. */
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
  /** The number of items the value rests on (items with ≥ 3 labels, or pairable items for `percent-agreement`). */
  readonly items: number;
  /** `majority-of-others` when some item has ≥ 3 labels; else the ceiling is `percentAgreement`. */
  readonly basis: 'majority-of-others' | 'percent-agreement';
}

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
  readonly ci: Partial<Record<AgreementCiKey, Interval>>;
  readonly level: MeasurementLevel;
  readonly bootstrap: { readonly resamples: number; readonly seed: number; readonly confidence: number };
  readonly bands: Partial<Record<AgreementBandKey, KappaBand | AlphaBand>>;
  readonly warnings: readonly AgreementWarning[];
  readonly diagnostics: AgreementDiagnostics;
}
