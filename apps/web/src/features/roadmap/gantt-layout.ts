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
  /** First day of each month inside the span, labelled like "Jan 2025". */
  readonly ticks: readonly GanttTick[];
  /** Null when today is outside the charted span. */
  readonly todayX: number | null;
  readonly targetQuality: { readonly p50X: number; readonly p90X: number } | null;
  readonly firstDay: IsoCalendarDate;
  readonly lastDay: IsoCalendarDate;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function day(date: IsoCalendarDate): number {
  const parsed = parseIsoCalendarDate(date);
  if (parsed === null) throw new Error(`Not a date: ${date}`);
  return parsed;
}

/**
 * Places a roadmap on a time axis `width` units wide. A phase covers whole days: from the start of its
 * first day to the end of its last (P50), then its P90 extent to the end of its P90 last day. The span
 * runs from the roadmap's first day to the latest P90 end or target-quality date, so every mark fits.
 */
export function layoutGantt(roadmap: Roadmap, today: IsoCalendarDate, width: number): GanttLayout {
  const starts = roadmap.phases.map((phase) => day(phase.schedule.p50Start));
  const ends = roadmap.phases.map((phase) => day(phase.schedule.p90End) + 1);
  if (roadmap.targetQuality !== null) ends.push(day(roadmap.targetQuality.p90) + 1);
  const first = Math.min(...starts);
  // At least a week, so a one-day roadmap still has a readable axis.
  const last = Math.max(...ends, first + 7);
  const scale = width / (last - first);
  const x = (dayNumber: number) => (dayNumber - first) * scale;

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

  const ticks: GanttTick[] = [];
  const firstDate = new Date(first * 86_400_000);
  let year = firstDate.getUTCFullYear();
  let month = firstDate.getUTCMonth() + 1;
  if (month === 12) {
    month = 0;
    year++;
  }
  for (;;) {
    const tickDay = Math.round(Date.UTC(year, month, 1) / 86_400_000);
    if (tickDay > last) break;
    ticks.push({ x: x(tickDay), label: `${MONTHS[month] ?? ''} ${year}` });
    month++;
    if (month === 12) {
      month = 0;
      year++;
    }
  }
  const todayDay = parseIsoCalendarDate(today);
  const todayX = todayDay !== null && todayDay >= first && todayDay <= last ? x(todayDay) : null;
  const targetQuality =
    roadmap.targetQuality === null
      ? null
      : {
          p50X: x(day(roadmap.targetQuality.p50) + 1),
          p90X: x(day(roadmap.targetQuality.p90) + 1),
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
