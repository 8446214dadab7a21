/**
 * Words and numbers shared by the Markdown and HTML renderers, so both exports say the same thing. Every
 * function returns plain text; each renderer escapes it for its own syntax.
 */
import { type DateFormatOptions, formatDateTime, formatDays, formatQuality } from '../format';
import { describeTarget } from '../tradeoff/target';
import type { ReportInterval, ReportMaturityLevel, ReportSnapshot, ReportVerdict } from './snapshot';

export const VERDICT_LABELS: Readonly<Record<ReportVerdict, string>> = {
  go: 'Go',
  'spike-first': 'Spike first',
  'no-go': 'No-go',
  undecided: 'Undecided (answer more questions)',
};

export const LEVEL_LABELS: Readonly<Record<ReportMaturityLevel, string>> = {
  0: 'Level 0 (manual process)',
  1: 'Level 1 (ML pipeline automation)',
  2: 'Level 2 (CI/CD pipeline automation)',
};

/**
 * A quality or coefficient with the decimals its scale calls for (`formatQuality`): three on [0, 1]
 * (agreement coefficients, ceilings), one on a percentage metric; an em dash when undefined.
 */
export function formatValue(value: number | null, maxQuality = 1): string {
  return value === null || !Number.isFinite(value) ? '—' : formatQuality(value, maxQuality);
}

/**
 * The summary's target as every report prints it, naming an override the same way the app does
 * (`describeTarget`): `0.650, set on Tradeoff; the worksheet says 0.800`, or `0.800` from the worksheet.
 * Versions published before the worksheet's value was kept name only the source.
 */
export function formatReportTarget(target: NonNullable<ReportSnapshot['summary']['target']>, maxQuality = 1) {
  const format = (value: number) => formatValue(value, maxQuality);
  return (
    describeTarget(
      { value: target.value, source: target.source, worksheetValue: target.worksheetValue ?? null },
      maxQuality,
      format,
    ) ?? format(target.value)
  );
}

export function formatInterval(ci: ReportInterval | null): string {
  return ci === null ? '' : `[${formatValue(ci.low)}, ${formatValue(ci.high)}]`;
}

export function formatValueWithCi(value: number | null, ci: ReportInterval | null): string {
  const interval = formatInterval(ci);
  return interval === '' ? formatValue(value) : `${formatValue(value)} (95% CI ${interval})`;
}

/** " in span F1" after a ceiling's value, naming its metric (`ceilingMetricName`); nothing when unknown. */
export function ceilingMetricSuffix(metric: string | null | undefined): string {
  return metric ? ` in ${metric}` : '';
}

/** Money with thousands separators (248,000): the report and the Tradeoff tab's ROI table both use it. */
export { formatMoney } from '../format';

/** `Version 2, published 2 Mar 2026, 09:30 by Ada` or `Preview generated 6 Dec 2026, 16:16`. */
export function versionLine(snapshot: ReportSnapshot, dates: DateFormatOptions = {}): string {
  const version = snapshot.version;
  if (version === null) return `Preview generated ${formatDateTime(snapshot.generatedAt, dates)}`;
  const by = version.publishedByName === null ? '' : ` by ${version.publishedByName}`;
  return `Version ${version.number}, published ${formatDateTime(version.publishedAt, dates)}${by}`;
}

/**
 * The headline numbers in one line, for link previews the owner allowed to show them:
 * `Verdict: Spike first · human ceiling 0.810 · time to target P50 5.9 wk`.
 */
export function headlineLine(summary: ReportSnapshot['summary']): string {
  const parts = [`Verdict: ${VERDICT_LABELS[summary.verdict]}`];
  if (summary.ceiling)
    parts.push(
      `human ceiling ${formatValue(summary.ceiling.value)}${ceilingMetricSuffix(summary.ceiling.metric)}`,
    );
  if (summary.timeToTarget) parts.push(`time to target P50 ${formatDays(summary.timeToTarget.p50Days)}`);
  return parts.join(' · ');
}
