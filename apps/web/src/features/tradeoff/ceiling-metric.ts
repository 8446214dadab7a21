import { ceilingMetricName, isAccuracyCeiling } from '@raisin/core/agreement';

/**
 * The sentence the Tradeoff tab shows when the reference sample's ceiling is not measured in the metric
 * the tab is set to (a span F1 ceiling under "accuracy"): the target, the estimates and the ceiling must
 * be one metric for the chart to mean anything. Null when they agree or the ceiling is an accuracy.
 */
export function ceilingMetricMismatch(
  basis: string | null,
  metricName: string,
  sampleName: string,
): string | null {
  if (basis === null || isAccuracyCeiling(basis)) return null;
  const ceilingMetric = ceilingMetricName(basis);
  const key = (ceilingMetric.split(' (')[0] ?? ceilingMetric).toLowerCase();
  if (metricName.toLowerCase().includes(key)) return null;
  return `The human ceiling of "${sampleName}" is a ${ceilingMetric}, not ${metricName}: estimate the target, the attack angles and the measured points in ${ceilingMetric} too, and name the metric so.`;
}
