import { durationToDays } from './durations';
import type { ResolvedTradeoffInputs } from './inputs';
import { analyzeRoi, type RoiAnalysis } from './roi';
import { simulateTradeoff, type TradeoffSimulation } from './simulate';
import type { ResolvedTarget } from './target';

/** The whole tab's computation: the simulation (fit, time to target, band) and the ROI table. */
export interface TradeoffAnalysis {
  readonly inputs: ResolvedTradeoffInputs;
  /** Null when the inputs cannot be fitted (e.g. fewer than 2 distinct efforts); the reason is in `simulationError`. */
  readonly simulation: TradeoffSimulation | null;
  readonly simulationError: string | null;
  /** Null until a value model and a team cost are set, or when the angles are invalid. */
  readonly roi: RoiAnalysis | null;
  readonly roiError: string | null;
}

/** The cross-feature summary (`getTradeoffSummary` in `@raisin/db`): days are calendar days. */
export interface TradeoffSummary {
  /** The one target the tradeoff worked to, with its source (`resolveTarget`), on the metric's scale. */
  readonly target: ResolvedTarget;
  readonly maxQuality: number;
  readonly bestAngle: { readonly name: string; readonly quality: number } | null;
  readonly timeToTarget: {
    readonly p10Days: number;
    readonly p50Days: number;
    readonly p90Days: number;
  } | null;
  readonly angles: Array<{
    readonly name: string;
    readonly effortLikelyDays: number;
    readonly qualityLikely: number;
  }>;
}

/**
 * Runs `simulateTradeoff` (seeded, `draws` draws) and `analyzeRoi` on resolved inputs. Without a target
 * the curve and band are still computed (against the metric's maximum, which nothing reaches) and the
 * time to target is left out by `summarizeTradeoff`.
 */
export function analyzeTradeoff(
  inputs: ResolvedTradeoffInputs,
  options: { readonly draws?: number; readonly seed?: number } = {},
): TradeoffAnalysis {
  const simulated = simulateTradeoff(inputs.angles, inputs.measured, {
    target: inputs.target ?? inputs.maxQuality,
    maxQuality: inputs.maxQuality,
    ...(inputs.ceiling === null ? {} : { ceiling: inputs.ceiling }),
    ...(options.draws === undefined ? {} : { draws: options.draws }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  });
  const roi =
    inputs.roi === null || inputs.angles.length === 0 ? null : analyzeRoi(inputs.angles, inputs.roi);
  return {
    inputs,
    simulation: simulated.ok ? simulated.value : null,
    simulationError: simulated.ok ? null : simulated.error.message,
    roi: roi?.ok ? roi.value : null,
    roiError: roi && !roi.ok ? roi.error.message : null,
  };
}

/**
 * The summary other tabs read: the best angle (the ROI's best when money is set, else the angle with
 * the highest likely quality, capped at the ceiling), the time to target's P10/P50/P90 when a target is
 * set and all three are reached, and each angle's likely effort and quality.
 */
export function summarizeTradeoff(analysis: TradeoffAnalysis): TradeoffSummary {
  const { inputs, simulation, roi } = analysis;
  const cap = Math.min(inputs.ceiling ?? Number.POSITIVE_INFINITY, inputs.maxQuality);
  let bestAngle: TradeoffSummary['bestAngle'] = null;
  const best = roi?.rows[0];
  if (best) bestAngle = { name: best.name, quality: best.quality };
  else {
    for (const angle of inputs.angles) {
      const quality = Math.min(angle.quality.likely, cap);
      if (bestAngle === null || quality > bestAngle.quality) bestAngle = { name: angle.name, quality };
    }
  }
  const t = simulation?.timeToTarget;
  const timeToTarget =
    inputs.target !== null && t && t.p10 !== null && t.p50 !== null && t.p90 !== null
      ? { p10Days: t.p10, p50Days: t.p50, p90Days: t.p90 }
      : null;
  return {
    target: inputs.resolvedTarget,
    maxQuality: inputs.maxQuality,
    bestAngle,
    timeToTarget,
    angles: inputs.angles.map((angle) => ({
      name: angle.name,
      effortLikelyDays: durationToDays(angle.effort.likely),
      qualityLikely: angle.quality.likely,
    })),
  };
}
