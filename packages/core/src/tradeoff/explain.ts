import { formatDays, formatPercent } from '../format';
import type { TradeoffSimulation } from './simulate';

/**
 * Why the time to target reads "not reached", in words: a percentile is not reached when more than its
 * share of simulated paths never gets to the target, either because the curve levels off at or below it
 * (`unreachableShare`) or because it would take longer than the horizon (`beyondHorizonShare`, 100 years
 * by default). E.g. with 12% beyond the horizon, P90 is not reached:
 * `P90 is not reached: 12% of simulated paths do not reach the target within 100 years.`
 * Null when every draw reaches the target within the horizon.
 */
export function explainUnreachedTarget(
  simulation: Pick<TradeoffSimulation, 'timeToTarget' | 'horizonDays'>,
): string | null {
  const { timeToTarget: t, horizonDays } = simulation;
  const reasons: string[] = [];
  if (t.beyondHorizonShare > 0) {
    reasons.push(
      `${formatPercent(t.beyondHorizonShare)} of simulated paths do not reach the target within ${formatDays(horizonDays)}`,
    );
  }
  if (t.unreachableShare > 0) {
    reasons.push(
      `${formatPercent(t.unreachableShare)} of simulated paths level off at or below the target and never reach it`,
    );
  }
  if (reasons.length === 0) return null;
  const missing = (['P10', 'P50', 'P90'] as const).filter(
    (name) => t[name.toLowerCase() as 'p10' | 'p50' | 'p90'] === null,
  );
  const because = reasons.join('; ');
  if (missing.length === 0) return `${capitalize(because)}.`;
  const names =
    missing.length === 1
      ? `${missing[0]} is`
      : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)} are`;
  return `${names} not reached: ${because}.`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
