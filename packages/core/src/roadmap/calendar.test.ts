import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  createWorkingCalendar,
  formatIsoCalendarDate,
  parseIsoCalendarDate,
  type WorkingCalendar,
  workingDaysBetween,
} from './calendar';

function add(date: string, n: number, calendar?: WorkingCalendar): string {
  const result = addWorkingDays(date, n, calendar);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function between(start: string, end: string, calendar?: WorkingCalendar): number {
  const result = workingDaysBetween(start, end, calendar);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('parseIsoCalendarDate', () => {
  it('accepts real dates, including 29 February of leap years', () => {
    expect(parseIsoCalendarDate('1970-01-01')).toBe(0);
    expect(parseIsoCalendarDate('2024-02-29')).toBe(19_782);
    expect(parseIsoCalendarDate('2000-02-29')).not.toBeNull();
  });

  it('refuses impossible or malformed dates', () => {
    for (const bad of [
      '2023-02-29',
      '1900-02-29',
      '2024-13-01',
      '2024-04-31',
      '2024-1-5',
      '20240105',
      '',
      'x',
    ]) {
      expect(parseIsoCalendarDate(bad)).toBeNull();
    }
  });

  it('round-trips with formatIsoCalendarDate', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (day) => {
        expect(parseIsoCalendarDate(formatIsoCalendarDate(day))).toBe(day);
      }),
    );
  });
});

describe('addWorkingDays', () => {
  it('skips weekends', () => {
    // 2025-01-03 is a Friday.
    expect(add('2025-01-03', 1)).toBe('2025-01-06');
    expect(add('2025-01-03', 5)).toBe('2025-01-10');
    expect(add('2025-01-06', -1)).toBe('2025-01-03');
    // From a Saturday, the first working day after it is Monday.
    expect(add('2025-01-04', 1)).toBe('2025-01-06');
    expect(add('2025-01-04', 0)).toBe('2025-01-04');
  });

  it('crosses month and year ends', () => {
    // 2024-12-31 is a Tuesday; 2025-01-01 a Wednesday.
    expect(add('2024-12-31', 1)).toBe('2025-01-01');
    expect(add('2024-12-27', 3)).toBe('2025-01-01');
    expect(add('2025-01-31', 1)).toBe('2025-02-03');
    expect(add('2025-04-30', 2)).toBe('2025-05-02');
  });

  it('handles leap days', () => {
    // 2024-02-28 is a Wednesday, 2024-02-29 a Thursday; 2028-02-29 a Tuesday.
    expect(add('2024-02-28', 1)).toBe('2024-02-29');
    expect(add('2024-02-29', 1)).toBe('2024-03-01');
    expect(add('2024-02-29', 2)).toBe('2024-03-04');
    expect(add('2023-02-28', 1)).toBe('2023-03-01');
    expect(add('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('skips holidays and honours a custom weekend', () => {
    const holidays = ['2024-12-25', '2024-12-26', '2025-01-01'];
    expect(add('2024-12-24', 1, { holidays })).toBe('2024-12-27');
    expect(add('2024-12-24', 3, { holidays })).toBe('2024-12-31');
    expect(add('2024-12-24', 4, { holidays })).toBe('2025-01-02');
    // A Friday–Saturday weekend: from Thursday 2025-01-02 the next working day is Sunday 2025-01-05.
    expect(add('2025-01-02', 1, { weekend: [5, 6] })).toBe('2025-01-05');
  });

  it('refuses bad input', () => {
    expect(addWorkingDays('2025-02-30', 1)).toMatchObject({ ok: false, error: { code: 'invalid_date' } });
    expect(addWorkingDays('2025-01-01', 1, { holidays: ['soon'] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_date', value: 'soon' },
    });
    expect(createWorkingCalendar({ weekend: [0, 1, 2, 3, 4, 5, 6] })).toMatchObject({
      ok: false,
      error: { code: 'no_working_days' },
    });
  });
});

describe('workingDaysBetween', () => {
  it('counts working days in [start, end)', () => {
    expect(between('2025-01-06', '2025-01-13')).toBe(5);
    expect(between('2025-01-06', '2025-01-06')).toBe(0);
    expect(between('2025-01-13', '2025-01-06')).toBe(-5);
    // Whole leap-year February 2024 has 21 working days; 2023's has 20.
    expect(between('2024-02-01', '2024-03-01')).toBe(21);
    expect(between('2023-02-01', '2023-03-01')).toBe(20);
    expect(between('2024-12-23', '2025-01-06', { holidays: ['2024-12-25', '2025-01-01'] })).toBe(8);
  });

  it('inverts addWorkingDays from a working day', () => {
    const calendar = { holidays: ['2024-12-25', '2025-01-01', '2025-05-01'] };
    const compiled = createWorkingCalendar(calendar);
    if (!compiled.ok) throw new Error(compiled.error.message);
    fc.assert(
      fc.property(fc.integer({ min: 19_000, max: 21_000 }), fc.integer({ min: 0, max: 400 }), (day, n) => {
        const start = formatIsoCalendarDate(day);
        fc.pre(compiled.value.isWorkingDay(start));
        const end = add(start, n, calendar);
        expect(compiled.value.isWorkingDay(end) || n === 0).toBe(true);
        expect(between(start, end, calendar)).toBe(n);
      }),
      { numRuns: 200 },
    );
  });
});
