import { formatDays, formatPercent } from '../format';
import type { TradeoffSimulation } from './simulate';
import type { AttackAngle } from './types';

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

/**
 * Estimates that expect more than the measured human ceiling, in words that ask for a revision and show
 * the cap they count with: "2 of 4 estimates expect more than the human ceiling 0.683: Baseline model
 * (likely 0.720), Decent model (likely 0.820). A model is scored against these labels, so it cannot be
 * measured that high: revise them. Until then they count as 0.683, the ceiling." Null when none does.
 * `format` prints a quality on the metric's scale.
 */
export function explainEstimatesAboveCeiling(
  angles: readonly Pick<AttackAngle, 'name' | 'quality'>[],
  ceiling: number | null,
  format: (value: number) => string,
): string | null {
  if (ceiling === null) return null;
  const above = angles.filter((angle) => angle.quality.likely > ceiling);
  if (above.length === 0) return null;
  const names = above.map((angle) => `${angle.name} (likely ${format(angle.quality.likely)})`).join(', ');
  const count =
    above.length === 1
      ? `1 of ${angles.length} estimates expects`
      : `${above.length} of ${angles.length} estimates expect`;
  return (
    `${count} more than the human ceiling ${format(ceiling)}: ${names}. A model is scored against these ` +
    `labels, so it cannot be measured that high: revise ${above.length === 1 ? 'it' : 'them'}. Until then ` +
    `${above.length === 1 ? 'it counts' : 'they count'} as ${format(ceiling)}, the ceiling.`
  );
}

/**
 * Why the time to target is later than the fitted curve alone says, when it was held at the estimates in
 * at least `minShare` of the draws (`heldAtEstimatesShare`), or null: "The fitted curve alone reaches
 * 0.650 sooner in 62% of simulated paths; the time is held where the estimates themselves reach it:
 * between Keyword rule and Baseline model, about 4 hours on the likely values."
 */
export function explainHeldAtEstimates(
  simulation: Pick<TradeoffSimulation, 'timeToTarget' | 'estimatesReachTarget' | 'target'>,
  format: (value: number) => string,
  minShare = 0.1,
): string | null {
  const share = simulation.timeToTarget.heldAtEstimatesShare;
  const path = simulation.estimatesReachTarget;
  if (path === null || share < minShare) return null;
  const where = !path.reaches
    ? `after the last estimate (${path.from ?? 'the last one'}, ${formatDays(path.days)}), which is still below it`
    : path.from === null
      ? `with ${path.to ?? 'the first estimate'}, after ${formatDays(path.days)}`
      : `between ${path.from} and ${path.to ?? 'the next estimate'}, about ${formatDays(path.days)} on the likely values`;
  return (
    `The fitted curve alone reaches ${format(simulation.target)} sooner in ${formatPercent(share)} of ` +
    `simulated paths; the time is held where the estimates themselves reach it: ${where}.`
  );
}
