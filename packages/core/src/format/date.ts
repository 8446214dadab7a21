/**
 * Dates as people read them, the one place every tab, report and human export writes a date: the month
 * as a word, so no reader mistakes 6 December for 12 June ("06/12/2026"), in the reader's locale and time
 * zone ("6 Dec 2026, 16:16" in en-GB, "Dec 6, 2026, 4:16 PM" in en-US). Machine exports (CSV, JSON)
 * keep ISO 8601 and never come through here.
 */

export interface DateFormatOptions {
  /** A BCP 47 locale; without it, the reader's (the browser's, or the machine's for the CLI). */
  readonly locale?: string | undefined;
  /** An IANA time zone; without it, the reader's. Calendar dates ignore it: they are days, not instants. */
  readonly timeZone?: string | undefined;
  /**
   * Name the zone after the time ("6 Dec 2026, 23:59 GMT+14"), where teammates in other zones compare
   * the moment with their own day, as with an expiry.
   */
  readonly showZone?: boolean | undefined;
}

const ISO_CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const formats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(
  kind: 'date-time' | 'date' | 'weekday-date' | 'month' | 'time',
  options: DateFormatOptions,
  utc = false,
) {
  const timeZone = utc ? 'UTC' : options.timeZone;
  const showZone = kind === 'date-time' && options.showZone === true;
  const key = `${kind}|${options.locale ?? ''}|${timeZone ?? ''}|${showZone}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(options.locale, {
      timeZone,
      ...(kind === 'time' ? {} : { month: 'short', year: 'numeric' }),
      ...(kind === 'month' || kind === 'time' ? {} : { day: 'numeric' }),
      ...(kind === 'weekday-date' ? { weekday: 'short' } : {}),
      ...(kind === 'date-time' || kind === 'time' ? { hour: '2-digit', minute: '2-digit' } : {}),
      ...(showZone ? { timeZoneName: 'short' } : {}),
    } as const);
    formats.set(key, format);
  }
  return format;
}

function instantOf(value: Date | string | number): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A moment on the reader's clock: "6 Dec 2026, 16:16". An unreadable value is an em dash. */
export function formatDateTime(instant: Date | string | number, options: DateFormatOptions = {}): string {
  const date = instantOf(instant);
  return date === null ? '—' : dateFormat('date-time', options).format(date);
}

/** The time of day of a moment on the reader's clock, for what happened today: "16:16" ("04:16 PM"). */
export function formatTimeOfDay(instant: Date | string | number, options: DateFormatOptions = {}): string {
  const date = instantOf(instant);
  return date === null ? '—' : dateFormat('time', options).format(date);
}

/** The day a moment falls on, on the reader's calendar: "6 Dec 2026". */
export function formatDateOfInstant(
  instant: Date | string | number,
  options: DateFormatOptions = {},
): string {
  const date = instantOf(instant);
  return date === null ? '—' : dateFormat('date', options).format(date);
}

/**
 * A calendar date (`YYYY-MM-DD`: a plan's start, a milestone, a measurement day) as "7 Dec 2026", or
 * "Mon, 7 Dec 2026" with `weekday`. A day is the same day in every zone, so it is never shifted; text
 * that is not a calendar date comes back unchanged.
 */
export function formatCalendarDate(
  date: string,
  options: DateFormatOptions & { readonly weekday?: boolean } = {},
): string {
  const match = ISO_CALENDAR_DATE.exec(date);
  if (!match) return date;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1) return date;
  return dateFormat(options.weekday ? 'weekday-date' : 'date', options, true).format(utc);
}

/** The month a calendar date falls in, as a chart's axis names it: "Mar 2026". */
export function formatCalendarMonth(date: string, options: Pick<DateFormatOptions, 'locale'> = {}): string {
  const match = ISO_CALENDAR_DATE.exec(`${date.slice(0, 7)}-01`);
  if (!match) return date;
  return dateFormat('month', options, true).format(
    new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)),
  );
}
