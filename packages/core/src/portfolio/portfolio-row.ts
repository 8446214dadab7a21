import { ceilingMetricName } from '../agreement';
import type { ReportDecisionKind } from '../report';
import type { MaturityLevel } from '../roadmap';
import {
  analyzeRoi,
  type ResolvedTradeoffInputs,
  referenceCeilingOnMetric,
  type TradeoffSummary,
} from '../tradeoff';
import {
  computeVerdict,
  type FindingEffect,
  toWorksheetContext,
  type Verdict,
  type WorksheetAnswers,
  worksheetContextFromTabs,
} from '../worksheet';

/** The project tab a portfolio value comes from, so every number links back to where it is set. */
export type PortfolioTab = 'worksheet' | 'agreement' | 'tradeoff' | 'roadmap' | 'report';

/** An input a project lacks, in words ("no target yet"), with the tab where it is given. */
export interface PortfolioGap {
  readonly tab: PortfolioTab;
  readonly text: string;
}

/** One project's stored inputs, read by the caller through the tabs' own stores (no I/O here). */
export interface PortfolioProjectInputs {
  readonly project: { readonly id: string; readonly name: string };
  readonly answers: WorksheetAnswers;
  /** The reference sample's ceiling, a share in [0, 1]; null without a reference sample. */
  readonly referenceCeiling: {
    readonly value: number;
    readonly ci: readonly [number, number] | null;
    readonly sampleName: string;
    /** What it is measured in (the report's `humanCeiling.basis`); null for a sample stored before it was kept. */
    readonly basis?: string | null;
  } | null;
  /**
   * The tradeoff resolved from what is stored (`resolveTradeoffInputs`: the target, the ceiling on the
   * metric's scale), with the metric's name; `summary` is null until an editor changed the tab (the
   * examples a project without angles shows are never stored, so never counted).
   */
  readonly tradeoff: {
    readonly metricName: string;
    readonly inputs: ResolvedTradeoffInputs;
    readonly summary: TradeoffSummary | null;
  };
  /** The self-assessed level and the level to plan for; null while the assessment was never saved. */
  readonly maturity: { readonly current: MaturityLevel; readonly target: MaturityLevel } | null;
  readonly latestVersion: {
    readonly id: string;
    readonly number: number;
    /** ISO 8601 timestamp. */
    readonly publishedAt: string;
  } | null;
  /** The newest decision on any version that an owner did not hide; null (or absent) while there is none. */
  readonly latestDecision?: PortfolioDecision | null;
}

/** A decision as the portfolio shows it: on which version, what, by whom, when, with its comment. */
export interface PortfolioDecision {
  readonly versionNumber: number;
  readonly decision: ReportDecisionKind;
  readonly name: string;
  readonly comment: string;
  /** Recorded by an owner from a meeting rather than by a reader of a link. */
  readonly meeting: boolean;
  /** ISO 8601 timestamp. */
  readonly decidedAt: string;
}

/** One line of the portfolio: what each tab answers for a project, and what it still lacks. */
export interface PortfolioRow {
  readonly project: { readonly id: string; readonly name: string };
  readonly verdict: Verdict;
  readonly reasons: ReadonlyArray<{ readonly effect: FindingEffect; readonly text: string }>;
  /** The metric the ceiling, the target and the best angle's quality are on (the Tradeoff tab's). */
  readonly metricName: string;
  readonly maxQuality: number;
  /**
   * On the metric's scale: the Tradeoff tab's override, else the reference sample's, else the team's
   * estimate (`E.human-ceiling`), the order the verdict reads them in.
   */
  readonly ceiling: {
    readonly value: number;
    readonly source: 'override' | 'reference-sample' | 'worksheet';
    /**
     * What the reference sample's ceiling is measured in (`ceilingMetricName`: "span F1", "Kendall's τ",
     * "accuracy"…), which may not be `metricName`; null for an override or an estimate, typed in the
     * Tradeoff tab's metric, and for a sample stored before its basis was kept.
     */
    readonly metric: string | null;
  } | null;
  /** The one target (`resolveTarget`), with the worksheet's answer beside a Tradeoff override. */
  readonly target: {
    readonly value: number;
    readonly source: 'tradeoff' | 'worksheet';
    readonly worksheetValue: number | null;
  } | null;
  /** Calendar days; null while any of P10, P50, P90 is not known or not reached (`timeToTargetNote` says which). */
  readonly timeToTarget: {
    readonly p10Days: number;
    readonly p50Days: number;
    readonly p90Days: number;
  } | null;
  readonly timeToTargetNote: string | null;
  /** The summary's best angle; `net` is the ROI's net value, null until a value model and team cost are set. */
  readonly bestAngle: { readonly name: string; readonly quality: number; readonly net: number | null } | null;
  readonly maturity: { readonly current: MaturityLevel; readonly target: MaturityLevel } | null;
  readonly latestVersion: PortfolioProjectInputs['latestVersion'];
  readonly latestDecision: PortfolioDecision | null;
  readonly gaps: readonly PortfolioGap[];
}

/** The question whose answer is the team's estimate of the human ceiling, a share in [0, 1]. */
const CEILING_ESTIMATE_QUESTION = 'E.human-ceiling';

function ceilingOf(inputs: PortfolioProjectInputs): PortfolioRow['ceiling'] {
  const resolved = inputs.tradeoff.inputs;
  if (resolved.ceiling !== null && resolved.ceilingSource !== null) {
    const basis = inputs.referenceCeiling?.basis;
    const metric =
      resolved.ceilingSource === 'reference-sample' && basis !== null && basis !== undefined
        ? ceilingMetricName(basis)
        : null;
    return { value: resolved.ceiling, source: resolved.ceilingSource, metric };
  }
  const estimate = inputs.answers[CEILING_ESTIMATE_QUESTION];
  if (estimate?.kind !== 'number' || !Number.isFinite(estimate.value)) return null;
  const value = referenceCeilingOnMetric(estimate.value, resolved.maxQuality);
  return value === null ? null : { value, source: 'worksheet', metric: null };
}

function hasAnswers(answers: WorksheetAnswers): boolean {
  return Object.values(answers).some((answer) => answer !== undefined);
}

/**
 * A project's portfolio line, from the functions its tabs and its report use: the verdict of
 * `computeVerdict` on the answers and the other tabs' context (`worksheetContextFromTabs`, as the
 * Worksheet tab reads it), the tradeoff summary's time to target and best angle, `analyzeRoi`'s net value
 * of that angle (the report's executive summary pairs them the same way), and the maturity levels. Each
 * input a project lacks becomes a gap in words, so a project is never hidden for being incomplete.
 */
export function buildPortfolioRow(inputs: PortfolioProjectInputs): PortfolioRow {
  const { tradeoff, maturity } = inputs;
  const { summary } = tradeoff;
  const resolved = tradeoff.inputs;
  const context = toWorksheetContext(
    worksheetContextFromTabs({
      ceiling: inputs.referenceCeiling,
      tradeoff: summary,
      maturityLevel: maturity?.current ?? null,
    }),
  );
  const verdict = computeVerdict({ answers: inputs.answers, context });

  const roi =
    summary !== null && resolved.roi !== null && resolved.angles.length > 0
      ? analyzeRoi(resolved.angles, resolved.roi)
      : null;
  const bestRoi = roi?.ok ? roi.value.rows[0] : undefined;
  const best = summary?.bestAngle ?? null;

  const gaps: PortfolioGap[] = [];
  const gap = (tab: PortfolioTab, text: string) => gaps.push({ tab, text });
  if (!hasAnswers(inputs.answers)) gap('worksheet', 'no worksheet answers yet');
  if (resolved.target === null) gap('tradeoff', 'no target yet');
  const ceiling = ceilingOf(inputs);
  if (ceiling === null) gap('agreement', 'no human ceiling yet');
  if (summary === null) gap('tradeoff', 'no saved tradeoff estimates yet');
  else if (resolved.roi === null) gap('tradeoff', 'no value model or team cost yet');
  if (maturity === null) gap('roadmap', 'no MLOps self-assessment yet');
  if (inputs.latestVersion === null) gap('report', 'no published report yet');

  const timeToTarget = summary?.timeToTarget ?? null;
  let timeToTargetNote: string | null = null;
  if (summary !== null && resolved.target !== null && timeToTarget === null) {
    timeToTargetNote = 'not reached by the estimates';
  }

  return {
    project: inputs.project,
    verdict: verdict.verdict,
    reasons: verdict.findings.map((f) => ({ effect: f.effect, text: f.reason })),
    metricName: tradeoff.metricName,
    maxQuality: resolved.maxQuality,
    ceiling,
    target:
      resolved.target === null
        ? null
        : {
            value: resolved.target,
            source: resolved.targetSource === 'tradeoff' ? 'tradeoff' : 'worksheet',
            worksheetValue: resolved.resolvedTarget.worksheetValue,
          },
    timeToTarget: timeToTarget && { ...timeToTarget },
    timeToTargetNote,
    bestAngle: best && {
      name: best.name,
      quality: best.quality,
      net: bestRoi?.name === best.name ? bestRoi.net : null,
    },
    maturity,
    latestVersion: inputs.latestVersion,
    latestDecision: inputs.latestDecision ?? null,
    gaps,
  };
}
