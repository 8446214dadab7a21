import { err, ok, type Result } from '../shared';

/**
 * Efforts in calendar time, from minutes to years. Days are the canonical number (what the fit, the
 * simulation and the ROI compute with); a `Duration` keeps the unit the user typed so a form can show
 * "3 weeks" back rather than "21 days".
 */
export const DURATION_UNITS = ['minute', 'hour', 'day', 'week', 'month', 'year'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export interface Duration {
  readonly value: number;
  readonly unit: DurationUnit;
}

/**
 * Days per unit. A month is 1/12 of a Julian year (365.25 / 12 = 30.4375 days) and a year is a Julian
 * year, the conventions of ISO 80000-3 and of astronomy, so that 12 months are exactly one year.
 */
export const DAYS_PER_UNIT: Readonly<Record<DurationUnit, number>> = {
  minute: 1 / 1440,
  hour: 1 / 24,
  day: 1,
  week: 7,
  month: 30.4375,
  year: 365.25,
};

/** A duration written by hand, on one line with its siblings: `{ low: duration(3, 'day'), likely: duration(1, 'week'), … }`. */
export function duration(value: number, unit: DurationUnit): Duration {
  return { value, unit };
}

/** The duration in days: `value × DAYS_PER_UNIT[unit]`. */
export function durationToDays(duration: Duration): number {
  return duration.value * DAYS_PER_UNIT[duration.unit];
}

/**
 * The duration in the largest unit in which `days` is at least 1 (minutes below one hour, hours below
 * one day, …), so that 21 days reads "3 weeks" and 0.5 day reads "12 hours". Values below one minute
 * stay in minutes.
 */
export function daysToDuration(days: number): Duration {
  let unit: DurationUnit = 'minute';
  for (const candidate of DURATION_UNITS) {
    // A relative tolerance so that e.g. 365.25 days computed as a sum still counts as one year.
    if (days >= DAYS_PER_UNIT[candidate] * (1 - 1e-9)) unit = candidate;
  }
  return { value: days / DAYS_PER_UNIT[unit], unit };
}

const UNIT_ALIASES: Readonly<Record<string, DurationUnit>> = {
  m: 'minute',
  min: 'minute',
  mins: 'minute',
  minute: 'minute',
  minutes: 'minute',
  h: 'hour',
  hr: 'hour',
  hrs: 'hour',
  hour: 'hour',
  hours: 'hour',
  d: 'day',
  day: 'day',
  days: 'day',
  w: 'week',
  wk: 'week',
  wks: 'week',
  week: 'week',
  weeks: 'week',
  mo: 'month',
  mos: 'month',
  month: 'month',
  months: 'month',
  y: 'year',
  yr: 'year',
  yrs: 'year',
  year: 'year',
  years: 'year',
};

export interface DurationParseError {
  readonly code: 'invalid_duration';
  readonly input: string;
  readonly message: string;
}

// A number, with or without thousands separators as `formatDuration` writes them ("1,500 minutes").
const DURATION_PATTERN = /^\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*([a-z]+)\s*$/i;

/**
 * Parses "1 minute", "3 weeks", "1.5 h", "2mo", "1 yr" (a positive number and a unit, singular, plural
 * or abbreviated; "m" is minutes and "mo" months, as in ISO 8601's PT1M / P1M). Units are case-insensitive.
 */
export function parseDuration(input: string): Result<Duration, DurationParseError> {
  const match = DURATION_PATTERN.exec(input);
  const unit = match?.[2] === undefined ? undefined : UNIT_ALIASES[match[2].toLowerCase()];
  const value = Number(match?.[1]?.replaceAll(',', ''));
  if (!match || unit === undefined || !(value > 0)) {
    return err({
      code: 'invalid_duration',
      input,
      message: `"${input}" is not a duration: write a positive number and a unit (minute, hour, day, week, month, year), e.g. "3 weeks"`,
    });
  }
  return ok({ value, unit });
}

export interface TimeAxisTick {
  readonly days: number;
  readonly label: string;
  /** The tick as a duration (1 week, 10 years), for labels written with the shared formatter. */
  readonly duration: Duration;
}

/**
 * Ticks for a logarithmic time axis between `minDays` and `maxDays` (inclusive): one at each of
 * minute, hour, day, week, month, year that falls in the range, labelled with the unit's name, then
 * "10 years", "100 years", … when the range goes further. Chart libraries place these on a log scale.
 */
export function logTimeTicks(minDays: number, maxDays: number): TimeAxisTick[] {
  const ticks: TimeAxisTick[] = [];
  const inRange = (days: number) => days >= minDays * (1 - 1e-12) && days <= maxDays * (1 + 1e-12);
  for (const unit of DURATION_UNITS) {
    const days = DAYS_PER_UNIT[unit];
    if (inRange(days)) ticks.push({ days, label: unit, duration: { value: 1, unit } });
  }
  for (let years = 10; years * DAYS_PER_UNIT.year <= maxDays * (1 + 1e-12); years *= 10) {
    const days = years * DAYS_PER_UNIT.year;
    if (inRange(days))
      ticks.push({ days, label: `${years} years`, duration: { value: years, unit: 'year' } });
  }
  return ticks;
}
