import { formatCalendarDate } from '@raisin/core/format';
import {
  formatIsoCalendarDate,
  type IsoCalendarDate,
  parseIsoCalendarDate,
  type Roadmap,
} from '@raisin/core/roadmap';
import { calendarDateIn } from '@raisin/core/shared';

/** One phase as drawn: x positions in chart units, the P50 bar and the P50→P90 extent after it. */
export interface GanttBar {
  readonly id: string;
  readonly name: string;
  readonly row: number;
  readonly start: number;
  readonly p50End: number;
  readonly p90End: number;
  readonly milestones: ReadonlyArray<{ readonly id: string; readonly name: string; readonly x: number }>;
}

export interface GanttTick {
  readonly x: number;
  readonly label: string;
}

export interface GanttLayout {
  readonly width: number;
  readonly bars: readonly GanttBar[];
  /**
   * Month starts inside the span ("Dec 2026", "Jan 2027", "Feb"…; the year on the first tick and in
   * January), thinned so that labels keep `MIN_TICK_GAP` apart; the start's own month labels the left edge
   * when its first month start is far enough in.
   */
  readonly ticks: readonly GanttTick[];
  /** Null when today is outside the charted span. */
  readonly todayX: number | null;
  /**
   * The target-quality band, cut at the chart's edges; `clipped` when it runs on past the last phase (the
   * legend then says until when).
   */
  readonly targetQuality: { readonly p50X: number; readonly p90X: number; readonly clipped: boolean } | null;
  readonly firstDay: IsoCalendarDate;
  readonly lastDay: IsoCalendarDate;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Room for a tick label like "Dec 2026" at the chart's 13-unit type, so no two labels overprint. */
export const MIN_TICK_GAP = 64;

function day(date: IsoCalendarDate): number {
  const parsed = parseIsoCalendarDate(date);
  if (parsed === null) throw new Error(`Not a date: ${date}`);
  return parsed;
}

/** Every month start after `first` up to `last`, as day numbers with their month and year. */
function monthStarts(first: number, last: number): { day: number; month: number; year: number }[] {
  const firstDate = new Date(first * 86_400_000);
  const starts: { day: number; month: number; year: number }[] = [];
  for (let index = firstDate.getUTCMonth() + 1; ; index++) {
    const year = firstDate.getUTCFullYear() + Math.floor(index / 12);
    const month = index % 12;
    const dayNumber = Math.round(Date.UTC(year, month, 1) / 86_400_000);
    if (dayNumber > last) return starts;
    starts.push({ day: dayNumber, month, year });
  }
}

/**
 * Places a roadmap on a time axis `width` units wide. A phase covers whole days: from the start of its
 * first day to the end of its last (P50), then its P90 extent to the end of its P90 last day. The span
 * runs from the roadmap's first day to the latest P90 end of a phase, so the phases use the width; a
 * target-quality date later than that is cut at the right edge, not allowed to squeeze the phases.
 */
export function layoutGantt(roadmap: Roadmap, today: IsoCalendarDate, width: number): GanttLayout {
  const starts = roadmap.phases.map((phase) => day(phase.schedule.p50Start));
  const ends = roadmap.phases.map((phase) => day(phase.schedule.p90End) + 1);
  const first = Math.min(...starts);
  // At least a week, so a one-day roadmap still has a readable axis.
  const last = Math.max(...ends, first + 7);
  const scale = width / (last - first);
  const x = (dayNumber: number) => (dayNumber - first) * scale;
  const inside = (value: number) => Math.min(width, Math.max(0, value));

  const bars = roadmap.phases.map((phase, row): GanttBar => {
    const p50End = x(day(phase.schedule.p50End) + 1);
    return {
      id: phase.id,
      name: phase.name,
      row,
      start: x(day(phase.schedule.p50Start)),
      p50End,
      p90End: Math.max(p50End, x(day(phase.schedule.p90End) + 1)),
      milestones: phase.milestones.map((milestone) => ({
        id: milestone.id,
        name: milestone.name,
        x: p50End,
      })),
    };
  });

  const months = monthStarts(first, last);
  // Every month while they fit, else every second, third… month.
  const monthWidth = 30.44 * scale;
  const step = Math.max(1, Math.ceil(MIN_TICK_GAP / monthWidth));
  const ticks: GanttTick[] = [];
  const startDate = new Date(first * 86_400_000);
  const firstMonthX = months[0] === undefined ? width : x(months[0].day);
  if (firstMonthX >= MIN_TICK_GAP) {
    ticks.push({ x: 0, label: `${MONTHS[startDate.getUTCMonth()] ?? ''} ${startDate.getUTCFullYear()}` });
  }
  months.forEach((month, index) => {
    if (index % step !== 0 || x(month.day) > width - MIN_TICK_GAP / 2) return;
    const withYear = ticks.length === 0 || month.month < step;
    ticks.push({
      x: x(month.day),
      label: withYear ? `${MONTHS[month.month] ?? ''} ${month.year}` : (MONTHS[month.month] ?? ''),
    });
  });

  const todayDay = parseIsoCalendarDate(today);
  const todayX = todayDay !== null && todayDay >= first && todayDay <= last ? x(todayDay) : null;
  const target = roadmap.targetQuality;
  const targetQuality =
    target === null || day(target.p50) + 1 > last
      ? null
      : {
          p50X: inside(x(day(target.p50) + 1)),
          p90X: inside(x(day(target.p90) + 1)),
          clipped: day(target.p90) + 1 > last,
        };
  return {
    width,
    bars,
    ticks,
    todayX,
    targetQuality,
    firstDay: formatIsoCalendarDate(first),
    lastDay: formatIsoCalendarDate(last - 1),
  };
}

/** Today as a local calendar date (`YYYY-MM-DD`), the day the person looking at the chart is in. */
export function localToday(now: Date = new Date()): IsoCalendarDate {
  return calendarDateIn(now);
}

/** "Mon, 6 Jan 2025" (in the reader's locale): a plan's day with its weekday, as a person reads it. */
export function formatDay(date: IsoCalendarDate): string {
  return formatCalendarDate(date, { weekday: true });
}
