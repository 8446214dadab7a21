/**
 * Where the estimates themselves reach a target: the path through the estimates ordered by effort, straight
 * in log-time between successive points (the scale people estimate efforts on, and the curve's own axis),
 * with every quality capped at the ceiling (nothing is measured above the labels it is scored against).
 *
 * - The first point at or above the target ends the path: the target is reached where the segment from
 *   the last point below it crosses it (`reaches: true`), or at that point's effort when it is the first.
 * - When no point reaches the target, the estimates are still below it at the last effort: `days` is that
 *   effort and `reaches` is false.
 *
 * The time to target is never earlier than `days` (`simulateTradeoff`): a curve pulled up by estimates
 * above the ceiling, or fitted steeply through a few points, would otherwise claim a target within minutes
 * when the estimates reach it only after a day. Allocation-free, as it runs once per Monte Carlo draw.
 */
export interface EstimatesPathReach {
  /** Calendar days (0 when there is no point). */
  days: number;
  reaches: boolean;
  /** Index of the last point below the target before it is reached (-1: none). */
  below: number;
  /** Index of the point that reaches the target (-1: none). */
  at: number;
}

export function createEstimatesPathReach(): EstimatesPathReach {
  return { days: 0, reaches: false, below: -1, at: -1 };
}

/**
 * Fills `out` for the first `count` points (`logDays[i]` = ln days, `quality[i]`), using `order` as scratch
 * space for the effort order. `cap` is the ceiling (or the metric's maximum; Infinity for none).
 */
export function estimatesPathReach(
  logDays: ArrayLike<number>,
  quality: ArrayLike<number>,
  count: number,
  target: number,
  cap: number,
  order: Int32Array,
  out: EstimatesPathReach,
): EstimatesPathReach {
  // Insertion sort by effort: a handful of points per draw.
  for (let i = 0; i < count; i++) {
    const key = logDays[i] ?? 0;
    let j = i - 1;
    while (j >= 0 && (logDays[order[j] ?? 0] ?? 0) > key) {
      order[j + 1] = order[j] ?? 0;
      j--;
    }
    order[j + 1] = i;
  }
  out.days = 0;
  out.reaches = false;
  out.below = -1;
  out.at = -1;
  for (let k = 0; k < count; k++) {
    const i = order[k] ?? 0;
    const x = logDays[i] ?? 0;
    const q = Math.min(quality[i] ?? 0, cap);
    if (q < target) {
      out.below = i;
      out.days = Math.exp(x);
      continue;
    }
    out.reaches = true;
    out.at = i;
    if (out.below < 0) {
      out.days = Math.exp(x);
    } else {
      const x0 = logDays[out.below] ?? 0;
      const q0 = Math.min(quality[out.below] ?? 0, cap);
      out.days = Math.exp(x0 + ((target - q0) / (q - q0)) * (x - x0));
    }
    return out;
  }
  return out;
}
