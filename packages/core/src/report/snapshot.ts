/**
 * The planning report as data: everything a report version shows, frozen when it is published. A
 * snapshot is plain JSON (strings, numbers, booleans, null, arrays, objects; dates as ISO strings), never
 * a reference to live rows, so a published version reads the same after the project changes, and the
 * Markdown / HTML / PDF renderers, the share page and the web preview all draw from this one shape.
 *
 * `schemaVersion` changes only when a field is removed or changes meaning; readers refuse versions they
 * do not know rather than guess.
 */

import type { BandScale } from '../agreement';

export const REPORT_SCHEMA_VERSION = 1;

/** The sections of a report, one per tab, in the order they are shown. */
export const REPORT_SECTION_KEYS = ['worksheet', 'agreement', 'tradeoff', 'roadmap', 'maturity'] as const;
export type ReportSectionKey = (typeof REPORT_SECTION_KEYS)[number];

/** The worksheet verdict (as `@raisin/core/worksheet`'s `Verdict`). */
export type ReportVerdict = 'go' | 'spike-first' | 'no-go' | 'undecided';
/** The effect of one verdict reason (as `FindingEffect`). */
export type ReportFindingEffect = 'no-go' | 'spike' | 'go' | 'info';
export type ReportMaturityLevel = 0 | 1 | 2;

/** A value with its 95% confidence interval, when one was computed. */
export interface ReportInterval {
  readonly low: number;
  readonly high: number;
}

/** A section whose tab holds no data yet; `nextStep` tells the reader what to do, in one sentence. */
export interface EmptyReportSection {
  readonly status: 'empty';
  readonly title: string;
  readonly nextStep: string;
}

/** The published version a snapshot belongs to; null in a live preview. */
export interface ReportVersionInfo {
  readonly number: number;
  readonly note: string | null;
  readonly publishedByName: string | null;
  /** ISO 8601 timestamp. */
  readonly publishedAt: string;
}

export interface ReportVerdictReason {
  readonly effect: ReportFindingEffect;
  /** Plain words with the numbers, as the worksheet's verdict shows them. */
  readonly text: string;
  /** Question ids the reason came from (e.g. `E.target-quality`). */
  readonly questionIds: readonly string[];
  /** The tab that supplied the decisive value, when not the worksheet. */
  readonly source: 'worksheet' | 'agreement' | 'tradeoff' | 'roadmap' | null;
}

export interface ReportRisk {
  readonly text: string;
  /** `worksheet`: a risk answer; `verdict`: a spike or no-go reason of the verdict. */
  readonly origin: 'worksheet' | 'verdict';
  readonly questionId: string | null;
}

export interface ReportMilestone {
  readonly name: string;
  readonly phaseName: string;
  /** ISO calendar dates (YYYY-MM-DD). */
  readonly p50Date: string;
  readonly p90Date: string;
}

/** The executive summary, generated from the data. Every field is null when its source tab is empty. */
export interface ReportSummary {
  readonly verdict: ReportVerdict;
  readonly reasons: readonly ReportVerdictReason[];
  readonly ceiling: {
    readonly value: number;
    readonly ci: ReportInterval | null;
    readonly sampleName: string;
    /** What the ceiling is measured in (`ceilingMetricName`: "span F1"…); absent in versions published before. */
    readonly metric?: string;
  } | null;
  /**
   * The one target (`resolveTarget`): the Tradeoff tab's override or the worksheet's answer, with the
   * worksheet's value beside an override so the report names both (absent in versions published before).
   */
  readonly target: {
    readonly value: number;
    readonly source: 'worksheet' | 'tradeoff';
    readonly worksheetValue?: number | null;
  } | null;
  /** Effort to reach the target, in calendar days, with the roadmap's dates when the roadmap has them. */
  readonly timeToTarget: {
    readonly p10Days: number;
    readonly p50Days: number;
    readonly p90Days: number;
    readonly p50Date: string | null;
    readonly p90Date: string | null;
  } | null;
  /** The best attack angle: the ROI's best when money is set (`net` then), else the highest likely quality. */
  readonly bestAngle: { readonly name: string; readonly quality: number; readonly net: number | null } | null;
  /** The next milestones (up to 3), soonest first. */
  readonly nextMilestones: readonly ReportMilestone[];
  /** The top risks (up to 5): verdict spikes / no-gos first, then the worksheet's risk answers. */
  readonly topRisks: readonly ReportRisk[];
  readonly maturity: { readonly current: ReportMaturityLevel; readonly target: ReportMaturityLevel } | null;
}

export interface ReportWorksheetAnswer {
  readonly questionId: string;
  readonly question: string;
  /** The answer as the worksheet shows it (labels, units), user text verbatim (renderers escape it). */
  readonly answer: string;
}

export interface ReportWorksheetSection {
  readonly status: 'ready';
  readonly title: string;
  readonly answered: number;
  readonly total: number;
  /** Groups A–K that have at least one answer, in question-bank order. */
  readonly groups: ReadonlyArray<{
    readonly id: string;
    readonly title: string;
    readonly answers: readonly ReportWorksheetAnswer[];
  }>;
}

export interface ReportCoefficient {
  readonly name: string;
  readonly value: number | null;
  readonly ci: ReportInterval | null;
  /** Its interpretation band and the scale it is read on; absent in versions published before bands were kept. */
  readonly band?: { readonly name: string; readonly scale: BandScale } | null;
}

export interface ReportAgreementSection {
  readonly status: 'ready';
  readonly title: string;
  /** The reference sample's ceiling; null when samples exist but none is the reference. */
  readonly reference: {
    readonly sampleName: string;
    readonly ceiling: number;
    readonly ci: ReportInterval | null;
    /** What the ceiling is measured in (`ceilingMetricName`); absent in versions published before. */
    readonly metric?: string;
    readonly krippendorffAlpha: number | null;
    readonly items: number;
    readonly annotators: number;
    /** Every coefficient of the reference sample's report. */
    readonly coefficients: readonly ReportCoefficient[];
  } | null;
  /** Every sample, oldest first: the trend across batches. */
  readonly trend: ReadonlyArray<{
    readonly sampleName: string;
    /** ISO 8601 timestamp of the upload. */
    readonly uploadedAt: string;
    readonly alpha: number | null;
    readonly ceiling: number | null;
    readonly isReference: boolean;
  }>;
}

export interface ReportTradeoffSection {
  readonly status: 'ready';
  readonly title: string;
  readonly maxQuality: number;
  readonly target: number | null;
  readonly ceiling: number | null;
  /**
   * What the ceiling is measured in when it is the reference sample's (`ceilingMetricName`); null for an
   * override typed on the Tradeoff tab (in the tab's own metric); absent in versions published before.
   */
  readonly ceilingMetric?: string | null;
  readonly angles: ReadonlyArray<{
    readonly name: string;
    readonly effortDays: { readonly low: number; readonly likely: number; readonly high: number };
    readonly quality: { readonly low: number; readonly likely: number; readonly high: number };
  }>;
  readonly measured: ReadonlyArray<{
    readonly effortDays: number;
    readonly quality: number;
    readonly label: string | null;
  }>;
  /** The fitted curve and its 80% band (P10–P90) on a log-spaced effort grid; empty when no fit. */
  readonly curve: ReadonlyArray<{
    readonly days: number;
    readonly fitted: number;
    readonly p10: number;
    readonly p50: number;
    readonly p90: number;
  }>;
  /** Why there is no curve, when there is none. */
  readonly curveError: string | null;
  readonly timeToTarget: {
    readonly p10Days: number;
    readonly p50Days: number;
    readonly p90Days: number;
  } | null;
  /** The ROI ranking, best first; null until a value model and a team cost are set. */
  readonly roi: ReadonlyArray<{
    readonly rank: number;
    readonly name: string;
    readonly quality: number;
    readonly effortDays: number;
    readonly cost: number;
    readonly value: number;
    readonly net: number;
  }> | null;
}

export interface ReportRoadmapSection {
  readonly status: 'ready';
  readonly title: string;
  readonly startDate: string;
  readonly end: { readonly p50: string; readonly p90: string };
  readonly targetQuality: { readonly p50: string; readonly p90: string } | null;
  readonly phases: ReadonlyArray<{
    readonly id: string;
    readonly name: string;
    readonly description: string;
    readonly level: ReportMaturityLevel | null;
    readonly durationP50: number;
    readonly durationP90: number;
    readonly p50Start: string;
    readonly p50End: string;
    readonly p90End: string;
    readonly milestones: readonly string[];
  }>;
}

export interface ReportMaturitySection {
  readonly status: 'ready';
  readonly title: string;
  readonly currentLevel: ReportMaturityLevel;
  readonly targetLevel: ReportMaturityLevel;
  readonly recommendedLevel: ReportMaturityLevel;
  readonly overridden: boolean;
  readonly reasons: readonly string[];
  readonly answered: number;
  readonly total: number;
  /** Per area of the assessment: how many items are satisfied and the level reached there. */
  readonly areas: ReadonlyArray<{
    readonly title: string;
    readonly yes: number;
    readonly no: number;
    readonly notApplicable: number;
    readonly unanswered: number;
    readonly level: ReportMaturityLevel;
  }>;
  /** Items keeping the team from the next level. */
  readonly blockers: readonly string[];
}

export interface ReportSections {
  readonly worksheet: ReportWorksheetSection | EmptyReportSection;
  readonly agreement: ReportAgreementSection | EmptyReportSection;
  readonly tradeoff: ReportTradeoffSection | EmptyReportSection;
  readonly roadmap: ReportRoadmapSection | EmptyReportSection;
  readonly maturity: ReportMaturitySection | EmptyReportSection;
}

/** Where a number of the report came from. */
export type ReportAssumptionSource =
  | { readonly kind: 'answer'; readonly questionId: string; readonly question: string }
  | { readonly kind: 'sample'; readonly sampleName: string }
  | { readonly kind: 'estimate'; readonly angleName: string }
  | { readonly kind: 'measurement'; readonly label: string | null }
  | { readonly kind: 'setting'; readonly name: string }
  | { readonly kind: 'assessment'; readonly name: string }
  | { readonly kind: 'computed'; readonly from: string };

/** One number of the report with its source and who entered it when (null where no metadata exists). */
export interface ReportAssumption {
  readonly label: string;
  /** The value as displayed (with its unit). */
  readonly value: string;
  readonly source: ReportAssumptionSource;
  readonly enteredByName: string | null;
  /** ISO 8601 timestamp. */
  readonly enteredAt: string | null;
}

export interface ReportSnapshot {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly project: { readonly id: string; readonly name: string };
  /** Null in a live preview; set when the snapshot was published. */
  readonly version: ReportVersionInfo | null;
  /** ISO 8601 timestamp of when the snapshot was built. */
  readonly generatedAt: string;
  readonly summary: ReportSummary;
  readonly sections: ReportSections;
  readonly assumptions: readonly ReportAssumption[];
}

export const REPORT_SECTION_TITLES: Readonly<Record<ReportSectionKey, string>> = {
  worksheet: 'Feasibility worksheet',
  agreement: 'Human-agreement ceiling',
  tradeoff: 'Time–quality tradeoff',
  roadmap: 'Roadmap',
  maturity: 'MLOps maturity',
};

/** Narrows a section to its data, for renderers: `isReadySection(s) ? draw(s) : say(s.nextStep)`. */
export function isReadySection<S extends { readonly status: string }>(
  section: S | EmptyReportSection,
): section is Exclude<S, EmptyReportSection> {
  return section.status !== 'empty';
}
