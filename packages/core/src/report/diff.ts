import { formatNumber } from '../format';
import { daysBetween } from '../tradeoff';
import { VERDICT_LABELS } from './render-format';
import {
  type EmptyReportSection,
  isReadySection,
  REPORT_SECTION_KEYS,
  REPORT_SECTION_TITLES,
  type ReportAgreementSection,
  type ReportMaturityLevel,
  type ReportMaturitySection,
  type ReportRoadmapSection,
  type ReportSectionKey,
  type ReportSnapshot,
  type ReportTradeoffSection,
  type ReportWorksheetSection,
} from './snapshot';

/** What changed in one part of the report, in sentences a reader understands. */
export interface ReportSectionDiff {
  readonly key: 'summary' | ReportSectionKey;
  readonly title: string;
  readonly changes: readonly string[];
}

export interface ReportDiff {
  /** Only the parts with changes, summary first, then the sections in report order. */
  readonly sections: readonly ReportSectionDiff[];
  readonly unchanged: boolean;
}

const num = (n: number | null | undefined) => (n === null || n === undefined ? 'none' : formatNumber(n));

/** Answers can be paragraphs; a change line quotes only their start. */
const MAX_QUOTE = 80;
const quote = (text: string) => (text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text);

/**
 * "3 weeks later", "1 day earlier", "about 3 weeks later (20 days)": schedules are read in weeks, so
 * shifts of two weeks or more say weeks, keeping the exact days when the shift is not whole weeks.
 */
export function describeDayShift(days: number): string {
  const abs = Math.abs(Math.round(days));
  const direction = days > 0 ? 'later' : 'earlier';
  const weeks = (n: number) => `${n} week${n === 1 ? '' : 's'}`;
  if (abs !== 0 && abs % 7 === 0) return `${weeks(abs / 7)} ${direction}`;
  if (abs >= 14) return `about ${weeks(Math.round(abs / 7))} ${direction} (${abs} days)`;
  return `${abs} day${abs === 1 ? '' : 's'} ${direction}`;
}

function moved(label: string, from: number | null | undefined, to: number | null | undefined): string[] {
  if (from == null && to == null) return [];
  if (from == null) return [`${label} set to ${num(to)}`];
  if (to == null) return [`${label} removed (was ${num(from)})`];
  return formatNumber(from) === formatNumber(to) ? [] : [`${label} moved from ${num(from)} to ${num(to)}`];
}

function shifted(
  label: string,
  fromDays: number | null | undefined,
  toDays: number | null | undefined,
): string[] {
  if (fromDays == null || toDays == null) return moved(label, fromDays, toDays);
  const delta = toDays - fromDays;
  if (Math.round(delta) === 0) return [];
  return [`${label} moved ${describeDayShift(delta)}`];
}

function dateShifted(
  label: string,
  from: string | null | undefined,
  to: string | null | undefined,
): string[] {
  if (from == null || to == null) {
    if (from === to) return [];
    return [from == null ? `${label} set to ${to}` : `${label} removed (was ${from})`];
  }
  const delta = daysBetween(from, to);
  if (delta === 0) return [];
  return [`${label} moved ${describeDayShift(delta)}: ${from} → ${to}`];
}

function changed(label: string, from: string | null | undefined, to: string | null | undefined): string[] {
  if (from === to) return [];
  if (from == null) return [`${label} set to ${to}`];
  if (to == null) return [`${label} removed (was ${from})`];
  return [`${label} changed from ${from} to ${to}`];
}

const levelWords = (level: ReportMaturityLevel | null | undefined) =>
  level == null ? null : `level ${level}`;

function summaryChanges(a: ReportSnapshot['summary'], b: ReportSnapshot['summary']): string[] {
  return [
    ...changed('Verdict', VERDICT_LABELS[a.verdict], VERDICT_LABELS[b.verdict]),
    ...moved('Ceiling', a.ceiling?.value, b.ceiling?.value),
    ...moved('Target', a.target?.value, b.target?.value),
    ...shifted('P50', a.timeToTarget?.p50Days, b.timeToTarget?.p50Days),
    ...shifted('P90', a.timeToTarget?.p90Days, b.timeToTarget?.p90Days),
    ...changed('Best attack angle', a.bestAngle?.name, b.bestAngle?.name),
    ...changed('MLOps level now', levelWords(a.maturity?.current), levelWords(b.maturity?.current)),
    ...changed('MLOps level targeted', levelWords(a.maturity?.target), levelWords(b.maturity?.target)),
  ];
}

type Sections = ReportSnapshot['sections'];

/**
 * Items added, removed or changed between two lists, matched by `keyOf` and named by `nameOf` (a
 * worksheet answer is matched by its question id but named by the question's text).
 */
function listChanges<T>(
  noun: string,
  lists: { readonly before: readonly T[]; readonly after: readonly T[] },
  item: {
    readonly keyOf: (item: T) => string;
    readonly nameOf: (item: T) => string;
    readonly describe: (a: T, b: T) => string[];
  },
): string[] {
  const old = new Map(lists.before.map((x) => [item.keyOf(x), x]));
  const next = new Set(lists.after.map(item.keyOf));
  const out: string[] = [];
  for (const x of lists.after) {
    const previous = old.get(item.keyOf(x));
    if (previous === undefined) out.push(`${noun} added: ${item.nameOf(x)}`);
    else out.push(...item.describe(previous, x));
  }
  for (const x of lists.before) if (!next.has(item.keyOf(x))) out.push(`${noun} removed: ${item.nameOf(x)}`);
  return out;
}

const answersOf = (s: ReportWorksheetSection) => s.groups.flatMap((g) => g.answers);

function worksheetChanges(x: ReportWorksheetSection, y: ReportWorksheetSection): string[] {
  return listChanges(
    'Answer',
    { before: answersOf(x), after: answersOf(y) },
    {
      keyOf: (answer) => answer.questionId,
      nameOf: (answer) => `${answer.question} (${quote(answer.answer)})`,
      describe: (p, q) =>
        p.answer === q.answer
          ? []
          : [`Answer changed: ${q.question} (${quote(p.answer)} → ${quote(q.answer)})`],
    },
  );
}

function agreementChanges(x: ReportAgreementSection, y: ReportAgreementSection): string[] {
  return [
    ...changed('Reference sample', x.reference?.sampleName, y.reference?.sampleName),
    ...moved('Ceiling', x.reference?.ceiling, y.reference?.ceiling),
    ...moved("Krippendorff's α", x.reference?.krippendorffAlpha, y.reference?.krippendorffAlpha),
    ...listChanges(
      'Sample',
      { before: x.trend, after: y.trend },
      { keyOf: (s) => s.sampleName, nameOf: (s) => s.sampleName, describe: () => [] },
    ),
  ];
}

function tradeoffChanges(x: ReportTradeoffSection, y: ReportTradeoffSection): string[] {
  return [
    ...moved('Target', x.target, y.target),
    ...moved('Ceiling', x.ceiling, y.ceiling),
    ...listChanges(
      'Attack angle',
      { before: x.angles, after: y.angles },
      {
        keyOf: (g) => g.name,
        nameOf: (g) => g.name,
        describe: (p, q) => [
          ...moved(`${q.name}: likely effort (days)`, p.effortDays.likely, q.effortDays.likely),
          ...moved(`${q.name}: likely quality`, p.quality.likely, q.quality.likely),
        ],
      },
    ),
    ...(x.measured.length === y.measured.length
      ? []
      : [`Measured points: ${x.measured.length} → ${y.measured.length}`]),
    ...shifted('P50', x.timeToTarget?.p50Days, y.timeToTarget?.p50Days),
    ...shifted('P90', x.timeToTarget?.p90Days, y.timeToTarget?.p90Days),
  ];
}

function roadmapChanges(x: ReportRoadmapSection, y: ReportRoadmapSection): string[] {
  return [
    ...dateShifted('Start', x.startDate, y.startDate),
    ...dateShifted('End (P50)', x.end.p50, y.end.p50),
    ...dateShifted('End (P90)', x.end.p90, y.end.p90),
    ...listChanges(
      'Phase',
      { before: x.phases, after: y.phases },
      {
        keyOf: (p) => p.name,
        nameOf: (p) => p.name,
        describe: (p, q) => dateShifted(`${q.name} end (P50)`, p.p50End, q.p50End),
      },
    ),
  ];
}

function maturityChanges(x: ReportMaturitySection, y: ReportMaturitySection): string[] {
  return [
    ...changed('Level now', levelWords(x.currentLevel), levelWords(y.currentLevel)),
    ...changed('Level targeted', levelWords(x.targetLevel), levelWords(y.targetLevel)),
    ...moved('Items answered', x.answered, y.answered),
  ];
}

/** Both sections' data when both are filled in, else the one sentence saying which one is empty. */
function compare<S extends { readonly status: string }>(
  a: S | EmptyReportSection,
  b: S | EmptyReportSection,
  changes: (x: Exclude<S, EmptyReportSection>, y: Exclude<S, EmptyReportSection>) => string[],
): string[] {
  if (!isReadySection(a) && !isReadySection(b)) return [];
  if (!isReadySection(a)) return ['Section filled in (it was empty)'];
  if (!isReadySection(b)) return ['Section is now empty'];
  return changes(a, b);
}

function sectionChanges(key: ReportSectionKey, from: Sections, to: Sections): string[] {
  switch (key) {
    case 'worksheet':
      return compare(from.worksheet, to.worksheet, worksheetChanges);
    case 'agreement':
      return compare(from.agreement, to.agreement, agreementChanges);
    case 'tradeoff':
      return compare(from.tradeoff, to.tradeoff, tradeoffChanges);
    case 'roadmap':
      return compare(from.roadmap, to.roadmap, roadmapChanges);
    case 'maturity':
      return compare(from.maturity, to.maturity, maturityChanges);
  }
}

/**
 * What changed from one report snapshot to another, part by part: the summary's headline numbers
 * ("Ceiling moved from 0.78 to 0.81", "P50 moved 3 weeks later"), then each section (answers
 * changed, samples and angles added or removed, dates shifted). Parts without changes are left out.
 */
export function diffSnapshots(from: ReportSnapshot, to: ReportSnapshot): ReportDiff {
  const parts: ReportSectionDiff[] = [
    { key: 'summary', title: 'Executive summary', changes: summaryChanges(from.summary, to.summary) },
    ...REPORT_SECTION_KEYS.map((key) => ({
      key,
      title: REPORT_SECTION_TITLES[key],
      changes: sectionChanges(key, from.sections, to.sections),
    })),
  ];
  const sections = parts.filter((part) => part.changes.length > 0);
  return { sections, unchanged: sections.length === 0 };
}
