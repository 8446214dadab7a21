/**
 * Calendar dates of instants in a time zone. A person reads the date on their own clock: an instant
 * stored in UTC is a different day in Kiritimati (UTC+14) mornings and Los Angeles (UTC−8) evenings, so
 * `toISOString().slice(0, 10)` (UTC's day) is off by one for them. `timeZone` is an IANA name; without
 * it, the zone of the device running the code (the browser's, in the web app).
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function partsIn(instant: number, timeZone: string | undefined) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value ?? Number.NaN);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** The calendar date (`YYYY-MM-DD`) that `instant` falls on in `timeZone` (default: this device's). */
export function calendarDateIn(instant: Date | string | number, timeZone?: string): string {
  const { year, month, day } = partsIn(new Date(instant).getTime(), timeZone);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in milliseconds (whole seconds). */
function offsetAt(instant: number, timeZone: string | undefined): number {
  const p = partsIn(instant, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The last millisecond of calendar day `date` (`YYYY-MM-DD`) in `timeZone` (default: this device's), as
 * an ISO timestamp: something valid "through 30 Nov" works until 23:59:59.999 on the 30th on that clock,
 * daylight-saving changes included. Null when `date` is not a calendar date.
 */
export function endOfDayIn(date: string, timeZone?: string): string | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const dayStartUtc = Date.UTC(year, month - 1, day);
  const check = new Date(dayStartUtc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  // Midnight starting the next day on that clock: the wall time minus the zone's offset, with the offset
  // re-read at the result since it may differ across a daylight-saving change.
  const nextMidnightWall = dayStartUtc + MS_PER_DAY;
  let instant = nextMidnightWall - offsetAt(nextMidnightWall, timeZone);
  instant = nextMidnightWall - offsetAt(instant, timeZone);
  return new Date(instant - 1).toISOString();
}

/**
 * Today on the caller's calendar, as their browser gave it (`clientToday`, YYYY-MM-DD), else today in UTC.
 * Calendar dates span UTC−12 to UTC+14, so a browser's today is believed only within one day of UTC's;
 * anything else (a wrong clock, a made-up value) falls back to UTC's.
 */
export function trustedClientToday(now: Date, clientToday?: string | null): string {
  const utcToday = now.toISOString().slice(0, 10);
  if (clientToday == null || !ISO_DATE.test(clientToday)) return utcToday;
  const offsetDays =
    (Date.parse(`${clientToday}T00:00:00Z`) - Date.parse(`${utcToday}T00:00:00Z`)) / MS_PER_DAY;
  return Math.abs(offsetDays) <= 1 ? clientToday : utcToday;
}
