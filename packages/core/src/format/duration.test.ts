import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DURATION_UNITS, durationToDays, parseDuration } from '../tradeoff/durations';
import { formatDayRange, formatDays, formatDaysAlike, formatDuration, readableUnit } from './duration';

const MINUTE = 1 / 1440;
const HOUR = 1 / 24;

describe('formatDays', () => {
  it.each([
    [0, '0 days'],
    [MINUTE, '1 minute'],
    [42.2 * MINUTE, '42.2 minutes'],
    [90 * MINUTE, '1.5 hours'],
    [36 * HOUR, '1.5 days'],
    [1, '1 day'],
    [10, '10 days'],
    [14, '2 weeks'],
    [58.9, '8.4 weeks'],
    [400, '13.1 months'],
    [730.5, '2 years'],
    [36_525, '100 years'],
  ])('%f days reads "%s"', (days, expected) => {
    expect(formatDays(days)).toBe(expected);
  });

  it('keeps minutes and hours as minutes and hours, never "0 days"', () => {
    for (const minutes of [1, 2, 5, 30, 59]) expect(formatDays(minutes * MINUTE)).toMatch(/^\d+ minutes?$/);
    for (const hours of [1, 2, 12, 23]) expect(formatDays(hours * HOUR)).toMatch(/^\d+(\.\d)? hours?$/);
  });

  it('says what is not a duration, and what never ends', () => {
    expect(formatDays(Number.NaN)).toBe('—');
    expect(formatDays(-1)).toBe('—');
    expect(formatDays(Number.POSITIVE_INFINITY)).toBe('never');
  });

  it('never prints zero for a positive duration, nor more than one decimal', () => {
    expect(formatDays(MINUTE / 100)).toBe('under 0.1 minutes');
    fc.assert(
      fc.property(fc.double({ min: -20, max: 12, noNaN: true }).map(Math.exp), (days) => {
        const text = formatDays(days);
        return !/^0 /.test(text) && !/\.\d\d/.test(text) && !/e[+-]?\d/.test(text);
      }),
    );
  });
});

describe('readableUnit', () => {
  it('switches unit where a person would', () => {
    expect(readableUnit(59 * MINUTE)).toBe('minute');
    expect(readableUnit(HOUR)).toBe('hour');
    expect(readableUnit(1)).toBe('day');
    expect(readableUnit(13.9)).toBe('day');
    expect(readableUnit(14)).toBe('week');
    expect(readableUnit(61)).toBe('month');
    expect(readableUnit(730.5)).toBe('year');
  });
});

describe('formatDaysAlike', () => {
  it('reads several durations in one unit', () => {
    expect(formatDaysAlike([14, 30.4375, 91.3125])).toEqual(['2 weeks', '4.3 weeks', '13 weeks']);
    expect(formatDaysAlike([21, 182.625])).toEqual(['3 weeks', '26.1 weeks']);
    expect(formatDaysAlike([58.9, 301])).toEqual(['1.9 months', '9.9 months']);
    expect(formatDaysAlike([0.5, 3, 20])).toEqual(['0.5 days', '3 days', '20 days']);
    expect(formatDaysAlike([MINUTE, MINUTE, MINUTE])).toEqual(['1 minute', '1 minute', '1 minute']);
    expect(formatDaysAlike([10 * MINUTE, 90 * MINUTE])).toEqual(['10 minutes', '90 minutes']);
  });

  it('keeps each duration in its own unit when they are too far apart for one', () => {
    expect(formatDaysAlike([MINUTE, 4 * HOUR, 1])).toEqual(['1 minute', '4 hours', '1 day']);
    expect(formatDaysAlike([7, 365.25, 730.5])).toEqual(['7 days', '12 months', '2 years']);
  });

  it('leaves zero, NaN and infinity out of the choice of unit', () => {
    expect(formatDaysAlike([0, 14, Number.POSITIVE_INFINITY, Number.NaN])).toEqual([
      '0 weeks',
      '2 weeks',
      'never',
      '—',
    ]);
    expect(formatDaysAlike([Number.NaN])).toEqual(['—']);
    expect(formatDaysAlike([])).toEqual([]);
  });

  it('joins as one readout', () => {
    expect(formatDayRange([MINUTE, MINUTE, MINUTE])).toBe('1 minute / 1 minute / 1 minute');
  });

  it('never prints a positive duration as zero, nor more than one decimal', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -12, max: 12, noNaN: true }).map(Math.exp), { minLength: 1, maxLength: 4 }),
        (days) => formatDaysAlike(days).every((text) => !/^0 /.test(text) && !/\.\d\d/.test(text)),
      ),
    );
  });
});

describe('formatDuration', () => {
  it('writes a duration in the unit it was entered in', () => {
    expect(formatDuration({ value: 1, unit: 'minute' })).toBe('1 minute');
    expect(formatDuration({ value: 3, unit: 'week' })).toBe('3 weeks');
    expect(formatDuration({ value: 1.25, unit: 'day' })).toBe('1.25 days');
    expect(formatDuration({ value: 1500, unit: 'minute' })).toBe('1,500 minutes');
  });

  it('round-trips format → parse for every unit and value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }).map((n) => n / 100),
        fc.constantFrom(...DURATION_UNITS),
        (value, unit) => {
          const parsed = parseDuration(formatDuration({ value, unit }));
          return parsed.ok && parsed.value.unit === unit && parsed.value.value === value;
        },
      ),
    );
  });

  it('agrees with formatDays on a whole duration', () => {
    expect(formatDays(durationToDays({ value: 3, unit: 'week' }))).toBe('3 weeks');
  });
});
