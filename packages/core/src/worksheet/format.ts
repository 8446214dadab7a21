import { formatNumber } from '../shared/number-format';
import { DAYS_PER_UNIT, type Duration } from '../tradeoff';

// One number formatter for every tab and the report (never exponent notation): see `shared/number-format`.
export { formatNumber };

/** A duration as entered: "6 months", "1 week". */
export function formatDuration(duration: Duration): string {
  return `${formatNumber(duration.value)} ${duration.unit}${duration.value === 1 ? '' : 's'}`;
}

/** A number of days in the unit a person would use: days below 2 months, months below 2 years, then years. */
export function formatDays(days: number): string {
  if (!Number.isFinite(days)) return 'never';
  if (days < 2 * DAYS_PER_UNIT.month) return formatDuration({ value: Number(days.toFixed(1)), unit: 'day' });
  if (days < 2 * DAYS_PER_UNIT.year) {
    return formatDuration({ value: Number((days / DAYS_PER_UNIT.month).toFixed(1)), unit: 'month' });
  }
  return formatDuration({ value: Number((days / DAYS_PER_UNIT.year).toFixed(1)), unit: 'year' });
}
