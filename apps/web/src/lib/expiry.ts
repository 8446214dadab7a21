import { calendarDateIn, endOfDayIn } from '@raisin/core/shared';

// Teammates may sit in other zones: each reads times on their own clock, with the zone named, so an
// expiry "23:59:59 GMT+14" is not mistaken for the end of their own day.
const whenFormat = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
});

/** A moment on the reader's clock with its zone, or `fallback` when there is none ("never"). */
export function formatWhen(iso: string | null, fallback: string): string {
  return iso ? whenFormat.format(new Date(iso)) : fallback;
}

/**
 * The end of the chosen day in the browser's time zone (its last millisecond, `endOfDayIn`): a link or
 * token "expiring on 12 March" works all that day.
 */
export function endOfLocalDay(date: string): string {
  return endOfDayIn(date) ?? new Date(`${date}T23:59:59.999`).toISOString();
}

/** Today in the browser's time zone, as a date input gives it (YYYY-MM-DD). */
export function localToday(): string {
  return calendarDateIn(new Date());
}

/** Whether something with this expiry (ISO, or null for never) has expired by now. */
export function hasExpired(expiresAt: string | null): boolean {
  return expiresAt !== null && Date.parse(expiresAt) <= Date.now();
}
