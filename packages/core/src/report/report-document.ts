/**
 * The report as a list of plain-text blocks (headings, paragraphs, lists, tables, chart slots), built once
 * from a snapshot, so the Markdown and HTML exports show the same content in the same order and differ
 * only in syntax and escaping. Text here is never escaped: each renderer escapes it for its own format.
 */
import { describeBand } from '../agreement';
import {
  type DateFormatOptions,
  formatCalendarDate,
  formatDateTime,
  formatDayRange,
  formatDays,
  formatNumber,
  formatTimeToTarget,
} from '../format';
import { describeDecisionLine, type ReportDecisionLine } from './decisions';
import {
  ceilingMetricSuffix,
  formatInterval,
  formatMoney,
  formatReportTarget,
  formatValue,
  formatValueWithCi,
  LEVEL_LABELS,
  VERDICT_LABELS,
  versionLine,
} from './render-format';
import {
  isReadySection,
  REPORT_SECTION_KEYS,
  type ReportAssumptionSource,
  type ReportSectionKey,
  type ReportSnapshot,
} from './snapshot';

export type ReportBlock =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | {
      readonly kind: 'table';
      readonly head: readonly string[];
      readonly rows: readonly (readonly string[])[];
    }
  | { readonly kind: 'chart'; readonly chart: 'tradeoff' | 'gantt' }
  /** Starts a section: the HTML export breaks the printed page there. */
  | { readonly kind: 'section'; readonly key: ReportSectionKey | 'summary' | 'assumptions' };

/**
 * The top of the tradeoff metric's range: the summary's target and best-angle quality are on that scale
 * (1 decimal on a percentage, 3 on [0, 1]), the human ceiling is a share in [0, 1].
 */
export function tradeoffScaleOf(snapshot: ReportSnapshot): number {
  const tradeoff = snapshot.sections.tradeoff;
  return isReadySection(tradeoff) ? tradeoff.maxQuality : 1;
}

/** Dates as the reader reads them: calendar days ("7 Dec 2026") and moments ("6 Dec 2026, 16:16"). */
function dateWriters(options: DateFormatOptions) {
  return {
    day: (date: string) => formatCalendarDate(date, options),
    moment: (instant: string) => formatDateTime(instant, options),
  };
}
type DateWriters = ReturnType<typeof dateWriters>;

function summaryBlocks(snapshot: ReportSnapshot, { day }: DateWriters): ReportBlock[] {
  const s = snapshot.summary;
  const scale = tradeoffScaleOf(snapshot);
  const facts: string[] = [`Verdict: ${VERDICT_LABELS[s.verdict]}`];
  if (s.ceiling) {
    facts.push(
      `Human ceiling: ${formatValueWithCi(s.ceiling.value, s.ceiling.ci)}${ceilingMetricSuffix(s.ceiling.metric)}, from "${s.ceiling.sampleName}"`,
    );
  }
  if (s.target) facts.push(`Target: ${formatReportTarget(s.target, scale)}`);
  if (s.timeToTarget) {
    const t = s.timeToTarget;
    const dates = t.p50Date && t.p90Date ? `, around ${day(t.p50Date)} (P90 ${day(t.p90Date)})` : '';
    const { p50, p90 } = formatTimeToTarget(t);
    facts.push(`Time to target: P50 ${p50}, P90 ${p90}${dates}`);
  }
  if (s.bestAngle) {
    const net = s.bestAngle.net === null ? '' : `, net value ${formatMoney(s.bestAngle.net)}`;
    facts.push(
      `Best attack angle: ${s.bestAngle.name} (quality ${formatValue(s.bestAngle.quality, scale)}${net})`,
    );
  }
  if (s.maturity) {
    facts.push(`MLOps: now ${LEVEL_LABELS[s.maturity.current]}, target ${LEVEL_LABELS[s.maturity.target]}`);
  }
  const blocks: ReportBlock[] = [
    { kind: 'section', key: 'summary' },
    { kind: 'heading', level: 2, text: 'Executive summary' },
    { kind: 'list', items: facts },
  ];
  if (s.reasons.length > 0) {
    blocks.push({ kind: 'heading', level: 3, text: 'Why this verdict' });
    blocks.push({ kind: 'list', items: s.reasons.map((r) => `${r.effect}: ${r.text}`) });
  }
  if (s.nextMilestones.length > 0) {
    blocks.push({ kind: 'heading', level: 3, text: 'Next milestones' });
    blocks.push({
      kind: 'table',
      head: ['Milestone', 'Phase', 'P50', 'P90'],
      rows: s.nextMilestones.map((m) => [m.name, m.phaseName, day(m.p50Date), day(m.p90Date)]),
    });
  }
  if (s.topRisks.length > 0) {
    blocks.push({ kind: 'heading', level: 3, text: 'Top risks' });
    blocks.push({ kind: 'list', items: s.topRisks.map((r) => r.text) });
  }
  return blocks;
}

function sectionBlocks(
  snapshot: ReportSnapshot,
  key: ReportSectionKey,
  { day, moment }: DateWriters,
): ReportBlock[] {
  const section = snapshot.sections[key];
  const blocks: ReportBlock[] = [
    { kind: 'section', key },
    { kind: 'heading', level: 2, text: section.title },
  ];
  if (!isReadySection(section))
    return [...blocks, { kind: 'paragraph', text: `No data yet. ${section.nextStep}` }];
  switch (key) {
    case 'worksheet': {
      const w = snapshot.sections.worksheet;
      if (!isReadySection(w)) break;
      blocks.push({ kind: 'paragraph', text: `${w.answered} of ${w.total} questions answered.` });
      for (const group of w.groups) {
        blocks.push({ kind: 'heading', level: 3, text: `${group.id}. ${group.title}` });
        blocks.push({
          kind: 'table',
          head: ['Question', 'Answer'],
          rows: group.answers.map((a) => [a.question, a.answer]),
        });
      }
      break;
    }
    case 'agreement': {
      const a = snapshot.sections.agreement;
      if (!isReadySection(a)) break;
      if (a.reference) {
        const r = a.reference;
        blocks.push({
          kind: 'paragraph',
          text: `Reference sample "${r.sampleName}": ${r.items} items, ${r.annotators} annotators. Human ceiling ${formatValueWithCi(r.ceiling, r.ci)}${ceilingMetricSuffix(r.metric)}; Krippendorff's α ${formatValue(r.krippendorffAlpha)}.`,
        });
        blocks.push({
          kind: 'table',
          head: ['Coefficient', 'Value', '95% CI', 'Band'],
          // A band is named with its scale: Krippendorff's and Landis–Koch's read the same number differently.
          rows: r.coefficients.map((c) => [
            c.name,
            formatValue(c.value),
            formatInterval(c.ci),
            c.band ? describeBand(c.band.name, c.band.scale) : '',
          ]),
        });
      } else {
        blocks.push({ kind: 'paragraph', text: 'No sample is marked as the reference.' });
      }
      blocks.push({ kind: 'heading', level: 3, text: 'Trend across samples' });
      blocks.push({
        kind: 'table',
        head: ['Sample', 'Uploaded', 'α', 'Ceiling', 'Reference'],
        rows: a.trend.map((t) => [
          t.sampleName,
          moment(t.uploadedAt),
          formatValue(t.alpha),
          formatValue(t.ceiling),
          t.isReference ? 'yes' : '',
        ]),
      });
      break;
    }
    case 'tradeoff': {
      const t = snapshot.sections.tradeoff;
      if (!isReadySection(t)) break;
      const q = (value: number | null) => formatValue(value, t.maxQuality);
      // A target set on Tradeoff is named with the worksheet's beside it, as in the summary.
      const target = snapshot.summary.target
        ? formatReportTarget(snapshot.summary.target, t.maxQuality)
        : q(t.target);
      blocks.push({
        kind: 'paragraph',
        text: `Target ${target}, ceiling ${q(t.ceiling)}${ceilingMetricSuffix(t.ceilingMetric)}, on a scale to ${formatNumber(t.maxQuality)}.`,
      });
      blocks.push({ kind: 'chart', chart: 'tradeoff' });
      if (t.curveError) blocks.push({ kind: 'paragraph', text: `No fitted curve: ${t.curveError}` });
      if (t.timeToTarget) {
        const p = t.timeToTarget;
        const { p10, p50, p90 } = formatTimeToTarget(p);
        blocks.push({
          kind: 'paragraph',
          text: `Time to target: P10 ${p10}, P50 ${p50}, P90 ${p90}.`,
        });
      }
      blocks.push({
        kind: 'table',
        head: ['Attack angle', 'Effort (low / likely / high)', 'Quality (low / likely / high)'],
        rows: t.angles.map((angle) => [
          angle.name,
          // Efforts span minutes to years: one unit a person would say for the three, as the Tradeoff tab
          // shows them (a 1-minute keyword rule is "1 minute", not "1 h" or "0 days").
          formatDayRange([angle.effortDays.low, angle.effortDays.likely, angle.effortDays.high]),
          [angle.quality.low, angle.quality.likely, angle.quality.high].map(q).join(' / '),
        ]),
      });
      if (t.measured.length > 0) {
        blocks.push({
          kind: 'table',
          head: ['Measured', 'Effort', 'Quality'],
          rows: t.measured.map((m) => [m.label ?? '', formatDays(m.effortDays), q(m.quality)]),
        });
      }
      if (t.roi) {
        blocks.push({ kind: 'heading', level: 3, text: 'ROI ranking' });
        blocks.push({
          kind: 'table',
          head: ['Rank', 'Attack angle', 'Quality', 'Effort', 'Cost', 'Value', 'Net'],
          rows: t.roi.map((r) => [
            String(r.rank),
            r.name,
            q(r.quality),
            formatDays(r.effortDays),
            formatMoney(r.cost),
            formatMoney(r.value),
            formatMoney(r.net),
          ]),
        });
      }
      break;
    }
    case 'roadmap': {
      const r = snapshot.sections.roadmap;
      if (!isReadySection(r)) break;
      const target = r.targetQuality
        ? ` Target quality around ${day(r.targetQuality.p50)} (P90 ${day(r.targetQuality.p90)}).`
        : '';
      blocks.push({
        kind: 'paragraph',
        text: `Starts ${day(r.startDate)}; ends ${day(r.end.p50)} (P90 ${day(r.end.p90)}).${target}`,
      });
      blocks.push({ kind: 'chart', chart: 'gantt' });
      blocks.push({
        kind: 'table',
        head: ['Phase', 'Start', 'End P50', 'End P90', 'Working days P50 / P90', 'Milestones'],
        rows: r.phases.map((p) => [
          p.name,
          day(p.p50Start),
          day(p.p50End),
          day(p.p90End),
          `${p.durationP50} / ${p.durationP90}`,
          p.milestones.join('; '),
        ]),
      });
      break;
    }
    case 'maturity': {
      const m = snapshot.sections.maturity;
      if (!isReadySection(m)) break;
      const override = m.overridden ? ` (set by hand; recommended: ${LEVEL_LABELS[m.recommendedLevel]})` : '';
      blocks.push({
        kind: 'paragraph',
        text: `Now ${LEVEL_LABELS[m.currentLevel]}; target ${LEVEL_LABELS[m.targetLevel]}${override}. ${m.answered} of ${m.total} items answered.`,
      });
      if (m.reasons.length > 0) blocks.push({ kind: 'list', items: m.reasons });
      blocks.push({
        kind: 'table',
        head: ['Area', 'Yes', 'No', 'N/A', 'Unanswered', 'Level'],
        rows: m.areas.map((a) => [a.title, a.yes, a.no, a.notApplicable, a.unanswered, a.level].map(String)),
      });
      if (m.blockers.length > 0) {
        blocks.push({ kind: 'heading', level: 3, text: 'Blocking the next level' });
        blocks.push({ kind: 'list', items: m.blockers });
      }
      break;
    }
  }
  return blocks;
}

function describeSource(source: ReportAssumptionSource): string {
  switch (source.kind) {
    case 'answer':
      return `Worksheet ${source.questionId}: ${source.question}`;
    case 'sample':
      return `Sample "${source.sampleName}"`;
    case 'estimate':
      return `Estimate of "${source.angleName}"`;
    case 'measurement':
      return source.label ? `Measurement "${source.label}"` : 'A measurement';
    case 'setting':
      return `Setting: ${source.name}`;
    case 'assessment':
      return `Assessment: ${source.name}`;
    case 'computed':
      return `Computed from ${source.from}`;
  }
}

/** How a report is rendered: dates for the reader, and the published version's decisions when given. */
export interface ReportRenderOptions extends DateFormatOptions {
  /**
   * The decisions on the snapshot's version that an owner did not hide, oldest first; given, the report
   * lists them after its summary (or says none was recorded). The preview has no version, so none.
   */
  readonly decisions?: readonly ReportDecisionLine[] | undefined;
}

function decisionBlocks(
  snapshot: ReportSnapshot,
  decisions: readonly ReportDecisionLine[] | undefined,
  dates: DateFormatOptions,
): ReportBlock[] {
  const version = snapshot.version;
  if (decisions === undefined || version === null) return [];
  const heading: ReportBlock = { kind: 'heading', level: 2, text: `Decisions on version ${version.number}` };
  if (decisions.length === 0) {
    return [heading, { kind: 'paragraph', text: `No decision recorded on v${version.number} yet.` }];
  }
  return [
    heading,
    {
      kind: 'list',
      items: decisions.map((d) => describeDecisionLine(d, version.number, dates)),
    },
  ];
}

/**
 * Every block of the report, in reading order. Dates are written for the reader (`options`: their locale
 * and zone; by default those of the device rendering it), never as ISO.
 */
export function buildReportDocument(
  snapshot: ReportSnapshot,
  options: ReportRenderOptions = {},
): ReportBlock[] {
  const writers = dateWriters(options);
  const note = snapshot.version?.note;
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 1, text: `${snapshot.project.name}: planning report` },
    { kind: 'paragraph', text: versionLine(snapshot, options) },
  ];
  if (note) blocks.push({ kind: 'paragraph', text: `Note: ${note}` });
  blocks.push(...summaryBlocks(snapshot, writers));
  blocks.push(...decisionBlocks(snapshot, options.decisions, options));
  for (const key of REPORT_SECTION_KEYS) blocks.push(...sectionBlocks(snapshot, key, writers));
  blocks.push({ kind: 'section', key: 'assumptions' }, { kind: 'heading', level: 2, text: 'Assumptions' });
  if (snapshot.assumptions.length === 0) {
    blocks.push({ kind: 'paragraph', text: 'No numbers yet.' });
  } else {
    blocks.push({
      kind: 'table',
      head: ['Number', 'Value', 'Source', 'Entered by', 'When'],
      rows: snapshot.assumptions.map((a) => [
        a.label,
        a.value,
        describeSource(a.source),
        a.enteredByName ?? '',
        a.enteredAt ? writers.moment(a.enteredAt) : '',
      ]),
    });
  }
  return blocks;
}
