import { type AgreementReport, ceilingMetricName, coefficientRows, framingRows } from '../agreement';
import {
  type MaturityAssessment,
  type Roadmap,
  roadmapTimeToTargetIsCurrent,
  type TargetLevelRecommendation,
} from '../roadmap';
import { durationToDays, type TradeoffAnalysis, type TradeoffSummary } from '../tradeoff';
import {
  type Answer,
  computeProgress,
  computeVerdict,
  findQuestion,
  formatAnswer,
  formatDerivedValue,
  hasDerivedValue,
  isAnswered,
  QUESTION_BANK,
  WORKSHEET_GROUP_IDS,
  WORKSHEET_GROUP_TITLES,
  type WorksheetContext,
} from '../worksheet';
import { collectAssumptions } from './assumptions';
import {
  type EmptyReportSection,
  REPORT_SCHEMA_VERSION,
  REPORT_SECTION_TITLES,
  type ReportAgreementSection,
  type ReportCoefficient,
  type ReportMaturitySection,
  type ReportRisk,
  type ReportRoadmapSection,
  type ReportSectionKey,
  type ReportSnapshot,
  type ReportSummary,
  type ReportTradeoffSection,
  type ReportWorksheetSection,
} from './snapshot';

/** Who last changed a stored input, for the assumptions list. */
export interface ReportProvenance {
  readonly by: string | null;
  /** ISO 8601 timestamp. */
  readonly at: string | null;
}

export interface ReportSampleInput extends ReportProvenance {
  readonly name: string;
  readonly alpha: number | null;
  readonly ceiling: number | null;
  readonly ceilingCi: readonly [number, number] | null;
  readonly isReference: boolean;
  /** The full report, for the reference sample's coefficient table (other samples need only the headline). */
  readonly report: AgreementReport | null;
}

/** Everything a report is built from, read from the tabs' stores by the caller (no I/O here). */
export interface ReportInputs {
  readonly project: { readonly id: string; readonly name: string };
  /** ISO 8601 timestamp. */
  readonly generatedAt: string;
  /**
   * Today on the calendar of whoever asked (YYYY-MM-DD), from which milestones count as "next"; without it,
   * `generatedAt`'s day in UTC, which is already tomorrow or still yesterday for part of the world's day.
   */
  readonly today?: string;
  readonly answers: ReadonlyArray<{ readonly questionId: string; readonly value: Answer } & ReportProvenance>;
  /** The other tabs' values the verdict reads (as the Worksheet tab passes them). */
  readonly context: WorksheetContext;
  /** Oldest first. */
  readonly samples: readonly ReportSampleInput[];
  readonly tradeoff: {
    readonly analysis: TradeoffAnalysis;
    readonly summary: TradeoffSummary;
    readonly angleProvenance: Readonly<Record<string, ReportProvenance>>;
    readonly settingsProvenance: ReportProvenance;
  } | null;
  readonly roadmap: (Roadmap & { readonly provenance: ReportProvenance }) | null;
  readonly maturity: {
    readonly assessment: MaturityAssessment;
    readonly target: TargetLevelRecommendation;
    readonly provenance: ReportProvenance;
  } | null;
}

const NEXT_STEPS: Readonly<Record<ReportSectionKey, string>> = {
  worksheet: 'Answer the worksheet questions on the Worksheet tab to get a verdict.',
  agreement: 'Upload a labeled sample on the Agreement tab to measure the human ceiling.',
  tradeoff:
    'Save your estimates on the Tradeoff tab (its example is not counted until saved) to estimate the time to target.',
  roadmap: 'Generate a roadmap on the Roadmap tab.',
  maturity: 'Fill in the MLOps self-assessment on the Roadmap tab.',
};

const MAX_MILESTONES = 3;
const MAX_RISKS = 5;

function empty(key: ReportSectionKey): EmptyReportSection {
  return { status: 'empty', title: REPORT_SECTION_TITLES[key], nextStep: NEXT_STEPS[key] };
}

const interval = (ci: readonly [number, number] | null | undefined) =>
  ci ? { low: ci[0], high: ci[1] } : null;

/**
 * The worksheet as its tab shows it: a question is listed, and counted, when `isAnswered` says so (the
 * one definition `computeProgress` counts with), so a value linked live from another tab is answered
 * here too and a blank text is not; a linked question reads its live value, as on the tab.
 */
function worksheetSection(inputs: ReportInputs): ReportWorksheetSection | EmptyReportSection {
  const byId = new Map(inputs.answers.map((a) => [a.questionId, a.value]));
  const { context } = inputs;
  const groups = WORKSHEET_GROUP_IDS.map((id) => ({
    id,
    title: WORKSHEET_GROUP_TITLES[id],
    answers: QUESTION_BANK.filter((q) => q.group === id).flatMap((q) => {
      const value = byId.get(q.id);
      if (!isAnswered(q, value, context)) return [];
      const answer = hasDerivedValue(q, context)
        ? formatDerivedValue(q, context)
        : value && formatAnswer(q, value);
      return answer === undefined ? [] : [{ questionId: q.id, question: q.prompt, answer }];
    }),
  })).filter((group) => group.answers.length > 0);
  if (groups.length === 0) return empty('worksheet');
  const { answered } = computeProgress(Object.fromEntries(byId), context).overall;
  return {
    status: 'ready',
    title: REPORT_SECTION_TITLES.worksheet,
    answered,
    total: QUESTION_BANK.length,
    groups,
  };
}

/** The reference sample, when it has a ceiling: the agreement section's and the Tradeoff tab's. */
function referenceSample(inputs: ReportInputs): ReportSampleInput | undefined {
  return inputs.samples.find((s) => s.isReference && s.ceiling !== null);
}

/** What the reference ceiling is measured in ("span F1", "Kendall's τ"…), when its report is at hand. */
function referenceMetric(inputs: ReportInputs): string | undefined {
  const ceiling = referenceSample(inputs)?.report?.humanCeiling;
  return ceiling ? ceilingMetricName(ceiling.basis) : undefined;
}

/**
 * The reference sample's coefficient table: the framing's own headline measures first (span F1, box F1,
 * micro F1 and α MASI, Kendall's W and τ-b, the ICCs; per-label rows stay on the Agreement tab), then
 * every defined coefficient of one label per item and the ceiling.
 */
function referenceCoefficients(report: AgreementReport): ReportCoefficient[] {
  const framing = (framingRows(report)?.measures ?? []).map((row) => ({
    name: row.name,
    value: row.value,
    ci: interval(row.ci),
    band: null,
  }));
  const classic = coefficientRows(report)
    .filter((row) => row.value !== null)
    .map((row) => ({
      name: row.name,
      value: row.value,
      ci: interval(row.ci),
      band: row.band === null || row.bandScale === null ? null : { name: row.band, scale: row.bandScale },
    }));
  return [...framing, ...classic];
}

function agreementSection(inputs: ReportInputs): ReportAgreementSection | EmptyReportSection {
  if (inputs.samples.length === 0) return empty('agreement');
  const reference = referenceSample(inputs);
  const metric = referenceMetric(inputs);
  return {
    status: 'ready',
    title: REPORT_SECTION_TITLES.agreement,
    reference:
      reference && reference.ceiling !== null
        ? {
            sampleName: reference.name,
            ceiling: reference.ceiling,
            ci: interval(reference.ceilingCi),
            ...(metric === undefined ? {} : { metric }),
            krippendorffAlpha: reference.alpha,
            items: reference.report?.items ?? 0,
            annotators: reference.report?.annotators ?? 0,
            coefficients: reference.report ? referenceCoefficients(reference.report) : [],
          }
        : null,
    trend: inputs.samples.map((s) => ({
      sampleName: s.name,
      uploadedAt: s.at ?? inputs.generatedAt,
      alpha: s.alpha,
      ceiling: s.ceiling,
      isReference: s.isReference,
    })),
  };
}

// JSON has no Infinity: a percentile never reached is left out rather than stored as null mid-array.
const finite = (n: number) => Number.isFinite(n);

function tradeoffSection(inputs: ReportInputs): ReportTradeoffSection | EmptyReportSection {
  const t = inputs.tradeoff;
  if (t === null || (t.analysis.inputs.angles.length === 0 && t.analysis.inputs.measured.length === 0)) {
    return empty('tradeoff');
  }
  const { analysis, summary } = t;
  const band = analysis.simulation?.band;
  const curve = band
    ? band.days.flatMap((days, i) => {
        const point = {
          days,
          fitted: band.fitted[i] ?? Number.NaN,
          p10: band.p10[i] ?? Number.NaN,
          p50: band.p50[i] ?? Number.NaN,
          p90: band.p90[i] ?? Number.NaN,
        };
        return Object.values(point).every(finite) ? [point] : [];
      })
    : [];
  const ttt = summary.timeToTarget;
  return {
    status: 'ready',
    title: REPORT_SECTION_TITLES.tradeoff,
    maxQuality: analysis.inputs.maxQuality,
    target: analysis.inputs.target,
    ceiling: analysis.inputs.ceiling,
    ceilingMetric:
      analysis.inputs.ceilingSource === 'reference-sample' ? (referenceMetric(inputs) ?? null) : null,
    angles: analysis.inputs.angles.map((a) => ({
      name: a.name,
      effortDays: {
        low: durationToDays(a.effort.low),
        likely: durationToDays(a.effort.likely),
        high: durationToDays(a.effort.high),
      },
      quality: { low: a.quality.low, likely: a.quality.likely, high: a.quality.high },
    })),
    measured: analysis.inputs.measured.map((m) => ({
      effortDays: durationToDays(m.effort),
      quality: m.quality,
      label: m.label ?? null,
    })),
    curve,
    curveError: analysis.simulationError,
    timeToTarget:
      ttt && finite(ttt.p10Days) && finite(ttt.p50Days) && finite(ttt.p90Days)
        ? { p10Days: ttt.p10Days, p50Days: ttt.p50Days, p90Days: ttt.p90Days }
        : null,
    roi:
      analysis.roi?.rows.map((r) => ({
        rank: r.rank,
        name: r.name,
        quality: r.quality,
        effortDays: r.effortDays,
        cost: r.cost,
        value: r.value,
        net: r.net,
      })) ?? null,
  };
}

function roadmapSection(inputs: ReportInputs): ReportRoadmapSection | EmptyReportSection {
  const { roadmap } = inputs;
  if (roadmap === null || roadmap.phases.length === 0) return empty('roadmap');
  // The target-quality dates were fixed at generation from the time to target of that day; once the
  // tradeoff moved they would contradict the time to target this report shows, so they are left out.
  const targetCurrent = roadmapTimeToTargetIsCurrent(roadmap.timeToTarget, inputs.tradeoff?.summary ?? null);
  return {
    status: 'ready',
    title: REPORT_SECTION_TITLES.roadmap,
    startDate: roadmap.startDate,
    end: { p50: roadmap.end.p50, p90: roadmap.end.p90 },
    targetQuality:
      targetCurrent && roadmap.targetQuality
        ? { p50: roadmap.targetQuality.p50, p90: roadmap.targetQuality.p90 }
        : null,
    phases: roadmap.phases.map((p) => ({
      id: p.id,
      name: p.name,
      description: p.description,
      level: p.level,
      durationP50: p.schedule.durationP50,
      durationP90: p.schedule.durationP90,
      p50Start: p.schedule.p50Start,
      p50End: p.schedule.p50End,
      p90End: p.schedule.p90End,
      milestones: p.milestones.map((m) => m.name),
    })),
  };
}

function maturitySection(maturity: ReportInputs['maturity']): ReportMaturitySection | EmptyReportSection {
  if (maturity === null) return empty('maturity');
  const { assessment, target } = maturity;
  return {
    status: 'ready',
    title: REPORT_SECTION_TITLES.maturity,
    currentLevel: assessment.level,
    targetLevel: target.level,
    recommendedLevel: target.recommendedLevel,
    overridden: target.overridden,
    reasons: [...target.reasons],
    answered: assessment.answered,
    total: assessment.total,
    areas: assessment.bySection.map((s) => ({
      title: s.title,
      yes: s.yes,
      no: s.no,
      notApplicable: s.notApplicable,
      unanswered: s.unanswered,
      level: s.level,
    })),
    blockers: assessment.blockers.map((item) => item.text),
  };
}

function summarize(inputs: ReportInputs, sections: ReportSnapshot['sections']): ReportSummary {
  const answers = Object.fromEntries(inputs.answers.map((a) => [a.questionId, a.value]));
  const verdict = computeVerdict({ answers, context: inputs.context });
  const tradeoff = sections.tradeoff.status === 'ready' ? sections.tradeoff : null;
  const roadmap = sections.roadmap.status === 'ready' ? sections.roadmap : null;
  const agreement = sections.agreement.status === 'ready' ? sections.agreement.reference : null;
  const best = inputs.tradeoff?.summary.bestAngle ?? null;
  const bestRoi = tradeoff?.roi?.[0];

  const verdictRisks: ReportRisk[] = verdict.findings
    .filter((f) => f.effect === 'no-go' || f.effect === 'spike')
    .map((f) => ({ text: f.reason, origin: 'verdict', questionId: f.questionIds[0] ?? null }));
  const answerRisks: ReportRisk[] = inputs.answers.flatMap((a) => {
    const question = findQuestion(a.questionId);
    if (question?.group !== 'I') return [];
    return [
      {
        text: `${question.prompt} ${formatAnswer(question, a.value)}`,
        origin: 'worksheet',
        questionId: a.questionId,
      },
    ];
  });

  const milestones = (roadmap?.phases ?? [])
    .flatMap((p) =>
      p.milestones.map((name) => ({ name, phaseName: p.name, p50Date: p.p50End, p90Date: p.p90End })),
    )
    .filter((m) => m.p50Date >= (inputs.today ?? inputs.generatedAt.slice(0, 10)))
    .sort((a, b) => a.p50Date.localeCompare(b.p50Date))
    .slice(0, MAX_MILESTONES);

  const maturity = sections.maturity.status === 'ready' ? sections.maturity : null;
  return {
    verdict: verdict.verdict,
    reasons: verdict.findings.map((f) => ({
      effect: f.effect,
      text: f.reason,
      questionIds: [...f.questionIds],
      source: f.source ?? null,
    })),
    ceiling: agreement && {
      value: agreement.ceiling,
      ci: agreement.ci,
      sampleName: agreement.sampleName,
      ...(agreement.metric === undefined ? {} : { metric: agreement.metric }),
    },
    target:
      tradeoff?.target != null
        ? {
            value: tradeoff.target,
            source: inputs.tradeoff?.analysis.inputs.targetSource === 'tradeoff' ? 'tradeoff' : 'worksheet',
            worksheetValue: inputs.tradeoff?.analysis.inputs.resolvedTarget.worksheetValue ?? null,
          }
        : null,
    timeToTarget: tradeoff?.timeToTarget
      ? {
          ...tradeoff.timeToTarget,
          p50Date: roadmap?.targetQuality?.p50 ?? null,
          p90Date: roadmap?.targetQuality?.p90 ?? null,
        }
      : null,
    bestAngle: best && {
      name: best.name,
      quality: best.quality,
      net: bestRoi?.name === best.name ? bestRoi.net : null,
    },
    nextMilestones: milestones,
    topRisks: [...verdictRisks, ...answerRisks].slice(0, MAX_RISKS),
    maturity: maturity && { current: maturity.currentLevel, target: maturity.targetLevel },
  };
}

/**
 * Builds the planning report from the tabs' data: one section per tab (an empty tab says what to do
 * next), the executive summary (the worksheet verdict and its reasons, ceiling, target, time to target,
 * best angle, next milestones, top risks, maturity) and the assumptions list. Pure: the same inputs give
 * the same snapshot, so a published version can be rebuilt and compared in tests.
 */
export function buildReportSnapshot(inputs: ReportInputs): ReportSnapshot {
  const sections: ReportSnapshot['sections'] = {
    worksheet: worksheetSection(inputs),
    agreement: agreementSection(inputs),
    tradeoff: tradeoffSection(inputs),
    roadmap: roadmapSection(inputs),
    maturity: maturitySection(inputs.maturity),
  };
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    project: { id: inputs.project.id, name: inputs.project.name },
    version: null,
    generatedAt: inputs.generatedAt,
    summary: summarize(inputs, sections),
    sections,
    assumptions: collectAssumptions(inputs, sections),
  };
}
