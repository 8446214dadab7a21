import { describe, expect, it } from 'vitest';
import { calendarDateIn, endOfDayIn, trustedClientToday } from './calendar-date';

describe('calendarDateIn', () => {
  // 2026-11-27T19:30Z is Saturday morning in Kiritimati and Friday morning in Los Angeles.
  const instant = '2026-11-27T19:30:00.000Z';

  it('gives the day on the clock of the zone, not UTC’s day', () => {
    expect(calendarDateIn(instant, 'UTC')).toBe('2026-11-27');
    expect(calendarDateIn(instant, 'Pacific/Kiritimati')).toBe('2026-11-28');
    expect(calendarDateIn(instant, 'America/Los_Angeles')).toBe('2026-11-27');
    expect(calendarDateIn(instant, 'Asia/Kolkata')).toBe('2026-11-28');
  });

  it('is a day behind UTC in a Los Angeles evening, across the year boundary', () => {
    const newYearUtc = new Date('2028-01-01T03:00:00Z');
    expect(calendarDateIn(newYearUtc, 'America/Los_Angeles')).toBe('2027-12-31');
    expect(calendarDateIn(newYearUtc.getTime(), 'Pacific/Kiritimati')).toBe('2028-01-01');
  });
});

describe('endOfDayIn', () => {
  it('is the last millisecond of that day on the zone’s clock', () => {
    expect(endOfDayIn('2026-11-30', 'Pacific/Kiritimati')).toBe('2026-11-30T09:59:59.999Z');
    expect(endOfDayIn('2026-11-30', 'America/Los_Angeles')).toBe('2026-12-01T07:59:59.999Z');
    expect(endOfDayIn('2026-11-30', 'Asia/Kolkata')).toBe('2026-11-30T18:29:59.999Z');
    expect(endOfDayIn('2027-12-31', 'UTC')).toBe('2027-12-31T23:59:59.999Z');
  });

  it('follows daylight-saving changes (Los Angeles: PDT until 1 Nov 2026, PST after)', () => {
    expect(endOfDayIn('2026-10-31', 'America/Los_Angeles')).toBe('2026-11-01T06:59:59.999Z');
    expect(endOfDayIn('2026-11-01', 'America/Los_Angeles')).toBe('2026-11-02T07:59:59.999Z');
    expect(endOfDayIn('2026-03-08', 'America/Los_Angeles')).toBe('2026-03-09T06:59:59.999Z');
  });

  it('gives the same day back through calendarDateIn, and the next millisecond is the next day', () => {
    for (const zone of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Kolkata', 'America/New_York']) {
      const end = endOfDayIn('2026-11-30', zone) ?? '';
      expect(calendarDateIn(end, zone)).toBe('2026-11-30');
      expect(calendarDateIn(Date.parse(end) + 1, zone)).toBe('2026-12-01');
    }
  });

  it('refuses what is not a calendar date', () => {
    expect(endOfDayIn('2026-02-29', 'UTC')).toBeNull();
    expect(endOfDayIn('30/11/2026', 'UTC')).toBeNull();
  });
});

describe('trustedClientToday', () => {
  const now = new Date('2026-12-31T22:00:00Z');
  it("believes the browser's date within a day of UTC's, across the year end", () => {
    expect(trustedClientToday(now, '2027-01-01')).toBe('2027-01-01');
    expect(trustedClientToday(now, '2026-12-30')).toBe('2026-12-30');
  });
  it("falls back to UTC's day for a missing, malformed or implausible date", () => {
    expect(trustedClientToday(now)).toBe('2026-12-31');
    expect(trustedClientToday(now, null)).toBe('2026-12-31');
    expect(trustedClientToday(now, '31/12/2026')).toBe('2026-12-31');
    expect(trustedClientToday(now, '2027-01-02')).toBe('2026-12-31');
    expect(trustedClientToday(now, '1999-01-01')).toBe('2026-12-31');
  });
});
