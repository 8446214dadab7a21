import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysToDuration, durationToDays, logTimeTicks, parseDuration } from './durations';

describe('durations', () => {
  it('converts units to days with a 30.4375-day month and a 365.25-day year', () => {
    expect(durationToDays({ value: 12, unit: 'month' })).toBe(365.25);
    expect(durationToDays({ value: 3, unit: 'week' })).toBe(21);
    expect(durationToDays({ value: 90, unit: 'minute' })).toBeCloseTo(1 / 16, 15);
  });

  it('picks the largest unit that keeps the value ≥ 1', () => {
    expect(daysToDuration(21)).toEqual({ value: 3, unit: 'week' });
    expect(daysToDuration(0.5)).toEqual({ value: 12, unit: 'hour' });
    expect(daysToDuration(365.25)).toEqual({ value: 1, unit: 'year' });
    expect(daysToDuration(1 / 2880).unit).toBe('minute');
  });

  it.each([
    ['1 minute', { value: 1, unit: 'minute' }],
    ['3 weeks', { value: 3, unit: 'week' }],
    ['1.5 h', { value: 1.5, unit: 'hour' }],
    ['2mo', { value: 2, unit: 'month' }],
    [' 1 YR ', { value: 1, unit: 'year' }],
    ['5 m', { value: 5, unit: 'minute' }],
  ] as const)('parses %j', (input, expected) => {
    expect(parseDuration(input)).toEqual({ ok: true, value: expected });
  });

  it.each(['', 'week', '3 fortnights', '-1 day', '0 days', '1e3 days'])('rejects %j', (input) => {
    const result = parseDuration(input);
    expect(result.ok).toBe(false);
  });

  it('round-trips days → duration → days', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }).map(Math.exp), (days) => {
        return Math.abs(durationToDays(daysToDuration(days)) / days - 1) < 1e-12;
      }),
    );
  });

  it('labels log-axis ticks minute to year, then decades of years', () => {
    expect(logTimeTicks(1 / 1440, 365.25).map((tick) => tick.label)).toEqual([
      'minute',
      'hour',
      'day',
      'week',
      'month',
      'year',
    ]);
    expect(logTimeTicks(0.5, 4000).map((tick) => tick.label)).toEqual([
      'day',
      'week',
      'month',
      'year',
      '10 years',
    ]);
  });
});
