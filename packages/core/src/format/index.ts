/**
 * How Raisin writes numbers, durations and dates for people: every tab, chart, report and human export
 * formats through here, so the same value reads the same everywhere.
 */
export {
  type DateFormatOptions,
  formatCalendarDate,
  formatCalendarMonth,
  formatDateOfInstant,
  formatDateTime,
  formatTimeOfDay,
} from './date';
export {
  formatDayRange,
  formatDays,
  formatDaysAlike,
  formatDuration,
  formatTimeToTarget,
  readableUnit,
} from './duration';
export {
  COMPACT_FROM,
  formatEditableNumber,
  formatMoney,
  formatNumber,
  formatPercent,
  formatQuality,
  qualityDecimals,
} from './number';
