/**
 * How Raisin writes numbers, durations and dates for people: every tab, chart, report and human export
 * formats through here, so the same value reads the same everywhere.
 */
export * from './date';
export * from './duration';
export * from './number';
