import { formatDateTime } from '@raisin/core/format';
import { calendarDateIn, endOfDayIn } from '@raisin/core/shared';

/**
 * A moment on the reader's clock with its zone, or `fallback` when there is none ("never"). Teammates may
 * sit in other zones: with the zone named, an expiry "23:59 GMT+14" is not mistaken for the end of
 * their own day.
 */
export function formatWhen(iso: string | null, fallback: string): string {
  return iso ? formatDateTime(iso, { showZone: true }) : fallback;
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
