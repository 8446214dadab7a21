/**
 * Working-day arithmetic on ISO calendar dates (`YYYY-MM-DD`).
 *
 * Dates are whole days with no time of day and no time zone: internally each is the number of days
 * since 1970-01-01 in the proleptic Gregorian calendar, computed with `Date.UTC`, so a roadmap planned
 * in Tokyo and read in Los Angeles shows the same days and daylight-saving changes cannot shift them.
 */
import { err, ok, type Result } from '../shared';

/** A calendar date as `YYYY-MM-DD` (ISO 8601 extended calendar date). */
export type IsoCalendarDate = string;

/** Days of the week as `Date.prototype.getUTCDay` numbers them: 0 Sunday … 6 Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** A team's working calendar: which weekdays are off and which dates are holidays. */
export interface WorkingCalendar {
  /** Weekdays off; default Saturday and Sunday. Must leave at least one working weekday. */
  readonly weekend?: readonly Weekday[];
  /** Dates off besides the weekend (public holidays, a team offsite). */
  readonly holidays?: readonly IsoCalendarDate[];
}

export type CalendarError =
  | { readonly code: 'invalid_date'; readonly value: string; readonly message: string }
  | { readonly code: 'no_working_days'; readonly message: string };

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DEFAULT_WEEKEND: readonly Weekday[] = [0, 6];

/**
 * Parses `YYYY-MM-DD` into days since 1970-01-01 (UTC), or `null` when the text is not a real date
 * (`2023-02-29` is refused, `2024-02-29` accepted).
 */
export function parseIsoCalendarDate(value: string): number | null {
  const match = ISO_DATE.exec(value);
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 02-30 over into March; a round trip catches every out-of-range field.
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  return Math.round(ms / MS_PER_DAY);
}

/** Formats days since 1970-01-01 (UTC) as `YYYY-MM-DD`. */
export function formatIsoCalendarDate(dayNumber: number): IsoCalendarDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * A working calendar compiled for fast lookups. Build it once with `createWorkingCalendar` and reuse
 * it for every date of a roadmap.
 */
export interface CompiledCalendar {
  /** Whether the day (days since 1970-01-01) is a working day. */
  isWorkingDayNumber(dayNumber: number): boolean;
  /** `IsoCalendarDate` form of `isWorkingDayNumber`. */
  isWorkingDay(date: IsoCalendarDate): boolean;
}

/**
 * Validates a working calendar and compiles it. Fails on a malformed holiday date or a weekend that
 * covers all seven days (which would make every "next working day" search endless).
 */
export function createWorkingCalendar(
  calendar: WorkingCalendar = {},
): Result<CompiledCalendar, CalendarError> {
  const weekend = new Set<number>(calendar.weekend ?? DEFAULT_WEEKEND);
  if (weekend.size >= 7) {
    return err({ code: 'no_working_days', message: 'The working calendar has no working weekday.' });
  }
  const holidays = new Set<number>();
  for (const holiday of calendar.holidays ?? []) {
    const day = parseIsoCalendarDate(holiday);
    if (day === null) return err(invalidDate(holiday));
    holidays.add(day);
  }
  const isWorkingDayNumber = (dayNumber: number): boolean =>
    !weekend.has(weekdayOf(dayNumber)) && !holidays.has(dayNumber);
  return ok({
    isWorkingDayNumber,
    isWorkingDay: (date: IsoCalendarDate): boolean => {
      const day = parseIsoCalendarDate(date);
      return day !== null && isWorkingDayNumber(day);
    },
  });
}

/** Weekday of a day number: 1970-01-01 was a Thursday (4). */
function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

function invalidDate(value: string): CalendarError {
  return { code: 'invalid_date', value, message: `"${value}" is not a calendar date in YYYY-MM-DD form.` };
}

/** The first working day on or after `dayNumber`. */
export function rollForwardDayNumber(calendar: CompiledCalendar, dayNumber: number): number {
  let day = dayNumber;
  // Terminates: createWorkingCalendar guarantees a working weekday, and holidays are finite.
  while (!calendar.isWorkingDayNumber(day)) day++;
  return day;
}

/**
 * The day `n` working days after `dayNumber` (before it when `n` is negative); the start day itself
 * never counts, so from Friday, 1 working day later is Monday, and from Saturday it is also Monday.
 * `n = 0` returns the start day unchanged.
 */
export function addWorkingDayNumbers(calendar: CompiledCalendar, dayNumber: number, n: number): number {
  const steps = Math.trunc(n);
  const direction = steps < 0 ? -1 : 1;
  let remaining = Math.abs(steps);
  let day = dayNumber;
  while (remaining > 0) {
    day += direction;
    if (calendar.isWorkingDayNumber(day)) remaining--;
  }
  return day;
}

/**
 * Adds `n` working days to an ISO date (`n` negative goes back): the date `n` working days after
 * `date`, not counting `date` itself. Weekends (Saturday and Sunday unless the calendar says otherwise)
 * and holidays are skipped. Fractional `n` is truncated towards zero.
 *
 * @example
 * addWorkingDays('2024-02-29', 1); // ok('2024-03-01'), a Friday
 * addWorkingDays('2024-03-01', 1); // ok('2024-03-04'), over the weekend
 */
export function addWorkingDays(
  date: IsoCalendarDate,
  n: number,
  calendar: WorkingCalendar = {},
): Result<IsoCalendarDate, CalendarError> {
  const compiled = createWorkingCalendar(calendar);
  if (!compiled.ok) return compiled;
  const day = parseIsoCalendarDate(date);
  if (day === null) return err(invalidDate(date));
  return ok(formatIsoCalendarDate(addWorkingDayNumbers(compiled.value, day, n)));
}

/**
 * The number of working days `d` with `start ≤ d < end` (half-open, so that
 * `workingDaysBetween(a, addWorkingDays(a, n)) = n` for a working day `a` and `n ≥ 0`). When `end`
 * precedes `start` the count is negative: `-workingDaysBetween(end, start)`.
 */
export function workingDaysBetween(
  start: IsoCalendarDate,
  end: IsoCalendarDate,
  calendar: WorkingCalendar = {},
): Result<number, CalendarError> {
  const compiled = createWorkingCalendar(calendar);
  if (!compiled.ok) return compiled;
  const from = parseIsoCalendarDate(start);
  if (from === null) return err(invalidDate(start));
  const to = parseIsoCalendarDate(end);
  if (to === null) return err(invalidDate(end));
  if (to < from) return ok(-countWorkingDays(compiled.value, to, from));
  return ok(countWorkingDays(compiled.value, from, to));
}

function countWorkingDays(calendar: CompiledCalendar, from: number, to: number): number {
  let count = 0;
  for (let day = from; day < to; day++) if (calendar.isWorkingDayNumber(day)) count++;
  return count;
}
