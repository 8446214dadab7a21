import { describe, expect, it } from 'vitest';
import { latestMeasurementDate, validateMeasuredOn } from './validate';

describe('validateMeasuredOn', () => {
  it('refuses a measurement dated after today, naming the field', () => {
    expect(validateMeasuredOn('2026-03-11', '2026-03-10')).toMatchObject({
      path: 'measuredOn',
      code: 'in_the_future',
      message: expect.stringMatching(/^measuredOn: 2026-03-11 is in the future \(today is 2026-03-10\)/),
    });
    expect(validateMeasuredOn('2999-01-01', '2026-03-10')?.code).toBe('in_the_future');
  });

  it('accepts today and any earlier day', () => {
    expect(validateMeasuredOn('2026-03-10', '2026-03-10')).toBeNull();
    expect(validateMeasuredOn('2024-02-29', '2026-03-10')).toBeNull();
  });

  it('refuses a day that is not on the calendar', () => {
    expect(validateMeasuredOn('2026-02-30', '2026-03-10')?.code).toBe('not_a_date');
    expect(validateMeasuredOn('10/03/2026', '2026-03-10')?.code).toBe('not_a_date');
  });
});

describe('latestMeasurementDate', () => {
  const now = new Date('2026-03-10T20:00:00Z');

  it("is today in UTC without the browser's date", () => {
    expect(latestMeasurementDate(now)).toBe('2026-03-10');
    expect(latestMeasurementDate(now, null)).toBe('2026-03-10');
  });

  it("believes the browser's today within a day of UTC's (time zones span UTC−12 to UTC+14)", () => {
    // 20:00 UTC is already 09:00 the next day in Auckland (UTC+13): a measurement made there today is fine.
    expect(latestMeasurementDate(now, '2026-03-11')).toBe('2026-03-11');
    expect(latestMeasurementDate(now, '2026-03-09')).toBe('2026-03-09');
    // No time zone is two days ahead: a claim like that falls back to UTC's today.
    expect(latestMeasurementDate(now, '2026-03-12')).toBe('2026-03-10');
    expect(latestMeasurementDate(now, 'tomorrow')).toBe('2026-03-10');
  });
});
