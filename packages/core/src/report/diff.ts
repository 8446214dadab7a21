import { daysBetween } from '../tradeoff';
import { formatNumber } from '../worksheet';
import {
  REPORT_SECTION_KEYS,
  REPORT_SECTION_TITLES,
  type ReportSectionKey,
  type ReportSnapshot,
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

/** "3 weeks", "1 day": whole weeks when the shift is a multiple of 7 days. */
export function describeDayShift(days: number): string {
  const abs = Math.abs(Math.round(days));
  if (abs !== 0 && abs % 7 === 0) return `${abs / 7} week${abs === 7 ? '' : 's'}`;
  return `${abs} day${abs === 1 ? '' : 's'}`;
}

function moved(label: string, from: number | null | undefined, to: number | null | undefined): string[] {
  if (from === to || (from == null && to == null)) return [];
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
  return [`${label} moved by ${describeDayShift(delta)} ${delta > 0 ? 'later' : 'earlier'}`];
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
  return shifted(label, 0, daysBetween(from, to));
}

function changed(label: string, from: string | null | undefined, to: string | null | undefined): string[] {
  if (from === to) return [];
  return [`${label} changed from ${from ?? 'none'} to ${to ?? 'none'}`];
}

function summaryChanges(a: ReportSnapshot['summary'], b: ReportSnapshot['summary']): string[] {
  return [
    ...changed('Verdict', a.verdict, b.verdict),
    ...moved('Ceiling', a.ceiling?.value, b.ceiling?.value),
    ...moved('Target', a.target?.value, b.target?.value),
    ...shifted('P50', a.timeToTarget?.p50Days, b.timeToTarget?.p50Days),
    ...shifted('P90', a.timeToTarget?.p90Days, b.timeToTarget?.p90Days),
    ...changed('Best attack angle', a.bestAngle?.name, b.bestAngle?.name),
    ...moved('MLOps level now', a.maturity?.current, b.maturity?.current),
    ...moved('MLOps level targeted', a.maturity?.target, b.maturity?.target),
  ];
}

type Sections = ReportSnapshot['sections'];

function listChanges<T>(
  noun: string,
  before: readonly T[],
  after: readonly T[],
  keyOf: (item: T) => string,
  describe: (a: T, b: T) => string[],
): string[] {
  const old = new Map(before.map((item) => [keyOf(item), item]));
  const next = new Map(after.map((item) => [keyOf(item), item]));
  const out: string[] = [];
  for (const [key, item] of next) {
    const previous = old.get(key);
    if (previous === undefined) out.push(`${noun} added: ${key}`);
    else out.push(...describe(previous, item));
  }
  for (const key of old.keys()) if (!next.has(key)) out.push(`${noun} removed: ${key}`);
  return out;
}

function sectionChanges(key: ReportSectionKey, from: Sections, to: Sections): string[] {
  const a = from[key];
  const b = to[key];
  if (a.status === 'empty' && b.status === 'empty') return [];
  if (a.status === 'empty') return ['Section filled in (it was empty)'];
  if (b.status === 'empty') return ['Section is now empty'];
  switch (key) {
    case 'worksheet': {
      if (from.worksheet.status !== 'ready' || to.worksheet.status !== 'ready') return [];
      const answers = (s: ReportWorksheetSection) => s.groups.flatMap((g) => g.answers);
      return listChanges(
        'Answer',
        answers(from.worksheet),
        answers(to.worksheet),
        (x) => x.questionId,
        (x, y) =>
          x.answer === y.answer ? [] : [`Answer changed: ${y.question} (${x.answer} → ${y.answer})`],
      );
    }
    case 'agreement': {
      if (from.agreement.status !== 'ready' || to.agreement.status !== 'ready') return [];
      const [x, y] = [from.agreement, to.agreement];
      return [
        ...changed('Reference sample', x.reference?.sampleName, y.reference?.sampleName),
        ...moved('Ceiling', x.reference?.ceiling, y.reference?.ceiling),
        ...moved("Krippendorff's α", x.reference?.krippendorffAlpha, y.reference?.krippendorffAlpha),
        ...listChanges(
          'Sample',
          x.trend,
          y.trend,
          (s) => s.sampleName,
          () => [],
        ),
      ];
    }
    case 'tradeoff': {
      if (from.tradeoff.status !== 'ready' || to.tradeoff.status !== 'ready') return [];
      const [x, y] = [from.tradeoff, to.tradeoff];
      return [
        ...moved('Target', x.target, y.target),
        ...moved('Ceiling', x.ceiling, y.ceiling),
        ...listChanges(
          'Attack angle',
          x.angles,
          y.angles,
          (g) => g.name,
          (p, q) => [
            ...moved(`${q.name}: likely effort (days)`, p.effortDays.likely, q.effortDays.likely),
            ...moved(`${q.name}: likely quality`, p.quality.likely, q.quality.likely),
          ],
        ),
        ...(x.measured.length === y.measured.length
          ? []
          : [`Measured points: ${x.measured.length} → ${y.measured.length}`]),
        ...shifted('P50', x.timeToTarget?.p50Days, y.timeToTarget?.p50Days),
        ...shifted('P90', x.timeToTarget?.p90Days, y.timeToTarget?.p90Days),
      ];
    }
    case 'roadmap': {
      if (from.roadmap.status !== 'ready' || to.roadmap.status !== 'ready') return [];
      const [x, y] = [from.roadmap, to.roadmap];
      return [
        ...dateShifted('Start', x.startDate, y.startDate),
        ...dateShifted('End (P50)', x.end.p50, y.end.p50),
        ...dateShifted('End (P90)', x.end.p90, y.end.p90),
        ...listChanges(
          'Phase',
          x.phases,
          y.phases,
          (p) => p.name,
          (p, q) => dateShifted(`${q.name} end (P50)`, p.p50End, q.p50End),
        ),
      ];
    }
    case 'maturity': {
      if (from.maturity.status !== 'ready' || to.maturity.status !== 'ready') return [];
      const [x, y] = [from.maturity, to.maturity];
      return [
        ...moved('Level now', x.currentLevel, y.currentLevel),
        ...moved('Level targeted', x.targetLevel, y.targetLevel),
        ...moved('Items answered', x.answered, y.answered),
      ];
    }
  }
}

/**
 * What changed from one report snapshot to another, part by part: the summary's headline numbers
 * ("Ceiling moved from 0.78 to 0.81", "P50 moved by 3 weeks later"), then each section (answers
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
