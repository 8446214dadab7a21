/**
 * Durations as people read them, the one place every tab, chart tick, report, export and CSV turns a
 * number of days into words. A duration keeps a unit a person would use for it (minutes stay minutes:
 * the 1-minute keyword rule is "1 minute", never "0 days"), at most one decimal, and a readout of
 * several durations (P10/P50/P90, low/likely/high) uses one unit for all of them, so they compare at a
 * glance ("2 / 4.3 / 13 weeks", not "14 days / 30.4 days / 3 months").
 */
import { DAYS_PER_UNIT, DURATION_UNITS, type Duration, type DurationUnit } from '../tradeoff/durations';
import { formatNumber } from './number';

/**
 * The unit a person would say a duration of `days` in: minutes under an hour, hours under a day, days
 * under two weeks, weeks under two months, months under two years, then years. Weeks and months take
 * over at two of them, since "10 days" and "13 months" read better than "1.4 weeks" and "1.1 years".
 */
export function readableUnit(days: number): DurationUnit {
  if (days < DAYS_PER_UNIT.hour) return 'minute';
  if (days < DAYS_PER_UNIT.day) return 'hour';
  if (days < 2 * DAYS_PER_UNIT.week) return 'day';
  if (days < 2 * DAYS_PER_UNIT.month) return 'week';
  if (days < 2 * DAYS_PER_UNIT.year) return 'month';
  return 'year';
}

/** One decimal below 100 ("8.4 weeks"), whole numbers from there on ("10,080 minutes"). */
function amount(value: number): string {
  const rounded = value < 100 ? Math.round(value * 10) / 10 : Math.round(value);
  return formatNumber(rounded);
}

function withUnit(text: string, unit: DurationUnit): string {
  return `${text} ${unit}${text === '1' ? '' : 's'}`;
}

/** `days` in `unit`; a positive duration that would round to zero says so rather than print "0". */
function inUnit(days: number, unit: DurationUnit): string {
  if (Number.isNaN(days) || days < 0) return '—';
  if (days === Number.POSITIVE_INFINITY) return 'never';
  const value = days / DAYS_PER_UNIT[unit];
  const text = amount(value);
  if (days > 0 && text === '0') return `under ${withUnit('0.1', unit)}`;
  return withUnit(text, unit);
}

/**
 * A duration as entered, in the unit it was typed in: "1 minute", "3 weeks", "1.25 days" (up to three
 * decimals, as the user may have typed them).
 */
export function formatDuration(duration: Duration): string {
  const text = formatNumber(duration.value);
  return withUnit(text, duration.unit);
}

/**
 * A number of days in the unit a person would use (`readableUnit`), with at most one decimal:
 * `1/1440` → "1 minute", `1.5/24` → "90 minutes", `1.5` → "36 hours"… see the tests for the edges.
 * Zero is "0 days"; NaN or a negative number is an em dash; infinity (never reached) is "never".
 */
export function formatDays(days: number): string {
  return days === 0 ? withUnit('0', 'day') : inUnit(days, readableUnit(days));
}

/**
 * Several durations that are read together (P10/P50/P90, low/likely/high), each with its unit, all in
 * one unit so they compare at a glance: the readable unit of the longest, or a smaller one while the
 * shortest is under one of it and the longest stays under a hundred ("3 weeks / 26 weeks", not
 * "0.7 months / 6 months"). Durations too far apart for one unit (the shortest under half of the
 * unit, such as 1 minute beside 1 day) each keep their own readable unit, since "1 minute / 1,440
 * minutes" helps nobody. Zero, NaN and infinite entries do not choose the unit.
 */
export function formatDaysAlike(days: readonly number[]): string[] {
  const positive = days.filter((d) => Number.isFinite(d) && d > 0);
  if (positive.length === 0) return days.map(formatDays);
  const shortest = Math.min(...positive);
  const longest = Math.max(...positive);
  const unitAt = (i: number) => DURATION_UNITS[i] ?? 'minute';
  let index = DURATION_UNITS.indexOf(readableUnit(longest));
  while (
    index > 0 &&
    shortest / DAYS_PER_UNIT[unitAt(index)] < 1 &&
    longest / DAYS_PER_UNIT[unitAt(index - 1)] < 100
  ) {
    index -= 1;
  }
  const unit = unitAt(index);
  if (shortest / DAYS_PER_UNIT[unit] < 0.5) return days.map(formatDays);
  return days.map((d) => (d === 0 ? withUnit('0', unit) : inUnit(d, unit)));
}

/**
 * A time to target's P10, P50 and P90, in the one unit that all three choose together (`formatDaysAlike`).
 * Every readout of a time to target goes through here (the Tradeoff tab's answers, the worksheet's verdict
 * and export, the report), so the same P90 reads "42 weeks" everywhere rather than "9.7 months" in one
 * place and "42 weeks" in another. A readout that lacks P10 (an older stored value) leaves it out of the choice.
 */
export function formatTimeToTarget(time: {
  readonly p10Days?: number | undefined;
  readonly p50Days: number;
  readonly p90Days: number;
}): { readonly p10: string; readonly p50: string; readonly p90: string } {
  const [p10 = '—', p50 = '—', p90 = '—'] = formatDaysAlike([
    time.p10Days ?? Number.NaN,
    time.p50Days,
    time.p90Days,
  ]);
  return { p10, p50, p90 };
}

/** `formatDaysAlike` joined as one readout: "2 weeks / 4.3 weeks / 13 weeks". */
export function formatDayRange(days: readonly number[], separator = ' / '): string {
  return formatDaysAlike(days).join(separator);
}
