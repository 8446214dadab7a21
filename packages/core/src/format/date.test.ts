import { describe, expect, it } from 'vitest';
import {
  formatCalendarDate,
  formatCalendarMonth,
  formatDateOfInstant,
  formatDateTime,
  formatTimeOfDay,
} from './date';

// 6 Dec 2026, 16:16 UTC.
const INSTANT = '2026-12-06T16:16:20.000Z';
/** A numeric day/month date such as 06/12/2026 or 12/6/2026: the ambiguity these formats remove. */
const NUMERIC_DAY_MONTH = /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/;

describe('formatDateTime', () => {
  it('writes the month as a word, in the reader’s locale and zone', () => {
    expect(formatDateTime(INSTANT, { locale: 'en-GB', timeZone: 'UTC' })).toBe('6 Dec 2026, 16:16');
    expect(formatDateTime(INSTANT, { locale: 'en-US', timeZone: 'UTC' })).toBe('Dec 6, 2026, 04:16 PM');
    expect(formatDateTime(INSTANT, { locale: 'en-GB', timeZone: 'Pacific/Kiritimati' })).toBe(
      '7 Dec 2026, 06:16',
    );
  });

  it('never writes a numeric day/month date, in any of these locales', () => {
    for (const locale of ['en-GB', 'en-US', 'fr-FR', 'de-DE', 'en-CA', 'nl-NL', 'es-ES']) {
      expect(formatDateTime(INSTANT, { locale, timeZone: 'UTC' })).not.toMatch(NUMERIC_DAY_MONTH);
      expect(formatCalendarDate('2026-12-06', { locale })).not.toMatch(NUMERIC_DAY_MONTH);
    }
  });

  it('names the zone when asked', () => {
    expect(formatDateTime(INSTANT, { locale: 'en-GB', timeZone: 'Pacific/Kiritimati', showZone: true })).toBe(
      '7 Dec 2026, 06:16 GMT+14',
    );
  });

  it('accepts dates and epoch milliseconds, and an em dash for what is not a date', () => {
    expect(formatDateTime(new Date(INSTANT), { locale: 'en-GB', timeZone: 'UTC' })).toBe('6 Dec 2026, 16:16');
    expect(formatDateTime(Date.parse(INSTANT), { locale: 'en-GB', timeZone: 'UTC' })).toBe(
      '6 Dec 2026, 16:16',
    );
    expect(formatDateTime('not a date')).toBe('—');
  });
});

describe('formatDateOfInstant', () => {
  it('is the day on the reader’s calendar', () => {
    expect(formatDateOfInstant(INSTANT, { locale: 'en-GB', timeZone: 'UTC' })).toBe('6 Dec 2026');
    expect(formatDateOfInstant('2026-12-06T23:30:00Z', { locale: 'en-GB', timeZone: 'Asia/Tokyo' })).toBe(
      '7 Dec 2026',
    );
  });
});

describe('formatCalendarDate', () => {
  it('writes a day without shifting it to any zone', () => {
    expect(formatCalendarDate('2026-12-07', { locale: 'en-GB' })).toBe('7 Dec 2026');
    expect(formatCalendarDate('2026-12-07', { locale: 'en-GB', timeZone: 'Pacific/Honolulu' })).toBe(
      '7 Dec 2026',
    );
    expect(formatCalendarDate('2026-12-07', { locale: 'en-GB', weekday: true })).toBe('Mon, 7 Dec 2026');
    expect(formatCalendarDate('2024-02-29', { locale: 'en-US' })).toBe('Feb 29, 2024');
  });

  it('returns text that is not a calendar date unchanged', () => {
    expect(formatCalendarDate('soon')).toBe('soon');
    expect(formatCalendarDate('2026-02-30')).toBe('2026-02-30');
  });
});

describe('formatCalendarMonth', () => {
  it('names the month of a day', () => {
    expect(formatCalendarMonth('2026-03-31', { locale: 'en-GB' })).toBe('Mar 2026');
    expect(formatCalendarMonth('2026-12-01', { locale: 'en-US' })).toBe('Dec 2026');
    expect(formatCalendarMonth('soon')).toBe('soon');
  });
});

describe('formatTimeOfDay', () => {
  it('is the time on the reader’s clock', () => {
    expect(formatTimeOfDay(INSTANT, { locale: 'en-GB', timeZone: 'UTC' })).toBe('16:16');
    expect(formatTimeOfDay(INSTANT, { locale: 'en-US', timeZone: 'UTC' })).toBe('04:16 PM');
    expect(formatTimeOfDay('never')).toBe('—');
  });
});
