import {
  CURVE_PARAMETER,
  type CurveFit,
  type CurveFitError,
  type CurveFitWarning,
  checkLevenbergMarquardtOptions,
  createCurveFitter,
  createLinearisedRefit,
  fitTimeQualityCurve,
  type LevenbergMarquardtOptions,
  type TimeToReach,
  timeToReach,
} from '../fitting';
import { formatQuality } from '../format';
import { createRandom, err, ok, type Result } from '../shared';
import { DAYS_PER_UNIT, durationToDays } from './durations';
import { createEstimatesPathReach, estimatesPathReach } from './estimates-path';
import { createPertSampler, effortShape, type PertShape, pertShape } from './pert';
import { countAtMost, sortedQuantile } from './quantile';
import type { AttackAngle, MeasuredPoint } from './types';
import { type TradeoffInputIssue, validateTradeoffInputs } from './validate';

/**
 * Weight of a measured point relative to an estimated one in every fit. 4 means a measurement counts as
 * much as four guesses, i.e. it is trusted as if its error were half an estimate's (weights are inverse
 * variances). Measurements are what happened; estimates are what someone expects.
 */
export const MEASURED_POINT_WEIGHT = 4;

export const SIMULATION_DEFAULTS = {
  draws: 10_000,
  seed: 1,
  gridSize: 60,
  /**
   * The fan band is drawn from the first 2,000 draws (the time to target uses them all): its P10 and
   * P90 then sit within about ±0.7 percentile points (binomial s.e. √(0.1 · 0.9 / 2000)) of the full
   * run's, invisible on a chart, and selecting 3 percentiles in 60 rows of 10,000 values would cost
   * more than the whole simulation.
   */
  bandDraws: 2_000,
  /** Beyond this effort the curve is an extrapolation nobody should plan on: 100 years. */
  horizonDays: 100 * DAYS_PER_UNIT.year,
  /**
   * Solver settings per draw, looser than a single fit's: each draw is warm-started from the point fit;
   * a draw still moving after 40 iterations is creeping along a bound, where its time to target has long
   * stopped changing; and a relative improvement below 1e-6, or Σr² below 1e-14 (residuals of 1e-7 of
   * the quality scale), cannot move a percentile. Measured on the seed example: about 12 iterations a
   * draw on average, under 1% of draws at the limit.
   */
  solver: { maxIterations: 40, improvementTolerance: 1e-6, errorTolerance: 1e-14 },
} as const;

export interface SimulationOptions {
  /** The target quality, in the project's metric. */
  readonly target: number;
  /** The human ceiling: Qc ≤ ceiling in every fit. */
  readonly ceiling?: number;
  /** The top of the metric's range (1 for accuracy): Qc ≤ maxQuality too. */
  readonly maxQuality?: number;
  readonly draws?: number;
  readonly seed?: number;
  readonly measuredWeight?: number;
  /** Number of log-spaced efforts the fan band is computed at. */
  readonly gridSize?: number;
  /** Draws that need more effort than this count as not reaching the target. */
  readonly horizonDays?: number;
  readonly solver?: LevenbergMarquardtOptions;
  /**
   * How each draw's curve is obtained: `linearised` (default) takes a fixed few damped Gauss–Newton
   * steps (`LINEARISED_REFIT_STEPS`) from the point fit (`createLinearisedRefit`), `refit` runs Levenberg–Marquardt to convergence on every
   * draw, about 50× slower; it is kept as the reference the linearised method is checked against.
   */
  readonly method?: SimulationMethod;
}

export const SIMULATION_METHODS = ['linearised', 'refit'] as const;
export type SimulationMethod = (typeof SIMULATION_METHODS)[number];

export type SimulationWarning =
  | CurveFitWarning
  | { readonly code: 'target_at_or_above_ceiling'; readonly message: string }
  | { readonly code: 'unconverged_draws'; readonly count: number; readonly message: string };

export type SimulationError =
  | {
      readonly code: 'invalid_input';
      readonly issues: readonly TradeoffInputIssue[];
      readonly message: string;
    }
  | { readonly code: 'invalid_option'; readonly option: keyof SimulationOptions; readonly message: string }
  | CurveFitError;

/** Time to reach the target over the draws, in days; `null` where that share of draws never reaches it. */
export interface TimeToTargetPercentiles {
  readonly p10: number | null;
  readonly p50: number | null;
  readonly p90: number | null;
  /** Share of draws that never reach the target: the curve levels off at or below it (Qc ≤ target), and no estimate reaches it. */
  readonly unreachableShare: number;
  /** Share of draws that reach the target only beyond the horizon. */
  readonly beyondHorizonShare: number;
  /**
   * Share of draws whose time was raised to the effort at which the estimates themselves reach the
   * target (`EstimatesReachTarget`): the fitted curve alone got there sooner, or never.
   */
  readonly heldAtEstimatesShare: number;
}

/**
 * Where the estimates' likely values themselves reach the target (`estimatesPathReach`): the time to
 * target is never earlier than the path through the estimates, draw by draw.
 */
export interface EstimatesReachTarget {
  /** Calendar days: where the path crosses the target, or the last estimate's effort when it never does. */
  readonly days: number;
  readonly reaches: boolean;
  /** The estimate just below the target (an angle's name or a measured point's label), or null. */
  readonly from: string | null;
  /** The first estimate at or above the target, or null when none is. */
  readonly to: string | null;
}

/** Q(t) over the draws on a log-spaced effort grid: the 80% band (P10–P90), the median, and the point fit. */
export interface FanBand {
  readonly days: readonly number[];
  readonly p10: readonly number[];
  readonly p50: readonly number[];
  readonly p90: readonly number[];
  readonly fitted: readonly number[];
  /** P(time to target ≤ days[i]): the chance of having reached the target with that much effort. */
  readonly reachProbability: readonly number[];
}

export interface TradeoffSimulation {
  readonly draws: number;
  readonly seed: number;
  readonly target: number;
  /** Effort beyond which a draw counts as not reaching the target (`SimulationOptions.horizonDays`). */
  readonly horizonDays: number;
  /** The curve fitted to the likely values and the measured points. */
  readonly pointFit: CurveFit;
  /** The point fit's time to target. */
  readonly pointTimeToTarget: TimeToReach;
  readonly timeToTarget: TimeToTargetPercentiles;
  /** Where the estimates themselves reach the target, which no draw's time undercuts; null when none does. */
  readonly estimatesReachTarget: EstimatesReachTarget | null;
  /** Each draw's time to target in days, ascending; +Infinity where it is unreachable or beyond the horizon. */
  readonly sortedDays: Float64Array;
  readonly band: FanBand;
  readonly warnings: readonly SimulationWarning[];
}

/**
 * P(time to target ≤ days): the share of Monte Carlo draws that reach the target within `days` of
 * effort (unreachable draws never do). Empirical CDF of `simulation.sortedDays`.
 */
export function probabilityByDate(simulation: Pick<TradeoffSimulation, 'sortedDays'>, days: number): number {
  const { sortedDays } = simulation;
  if (sortedDays.length === 0) return 0;
  return countAtMost(sortedDays, days) / sortedDays.length;
}

/**
 * Monte Carlo over the three-point estimates of the time–quality tradeoff. First the point fit: the
 * curve through each angle's likely (effort, quality) and the measured points (weight `measuredWeight`),
 * by Levenberg–Marquardt. Then, per draw (seeded xoshiro128**, `draws` times): sample each angle's
 * effort (Beta-PERT in log space) and quality (Beta-PERT), refit the curve to them and the measured
 * points with the same bounds (Q0 ≥ 0, Qc ≤ ceiling and maxQuality, δ ∈ [0.2, 10], or δ fixed when the
 * point fit fixed it), and invert it in closed form for the time to the target.
 *
 * The per-draw refit is linearised by default (`LINEARISED_REFIT_STEPS` damped, bound-constrained
 * Gauss–Newton steps from the point fit, `createLinearisedRefit`): O(points) per draw with a fixed step
 * count, never iterated to a tolerance, so 10,000 draws take a few
 * milliseconds and the chart can redraw while a value is dragged. It is the classical first-order
 * propagation of the estimates' uncertainty through the least-squares fit, and keeps the two things a
 * cheaper shortcut would lose: a Laplace approximation (parameters ~ N(θ̂, σ²(JᵀJ)⁻¹)) would draw from
 * the residual scatter of the likely values and ignore the low/high ranges people gave, and monotone
 * interpolation through the sampled points cannot extrapolate past the highest estimate or respect the
 * ceiling as an asymptote. The tests check its percentiles against `method: 'refit'` (Levenberg–Marquardt
 * to convergence on every draw).
 *
 * Returns the P10/P50/P90 of the time to target (unreachable draws count as infinitely late, so a
 * percentile among them is `null`), the sorted draws for `probabilityByDate`, and the P10–P90 band of
 * Q(t) on a log-spaced grid spanning the estimates (a factor 3 beyond the lowest and highest effort).
 * Angles are sampled independently.
 */
export function simulateTradeoff(
  angles: readonly AttackAngle[],
  measured: readonly MeasuredPoint[],
  options: SimulationOptions,
): Result<TradeoffSimulation, SimulationError> {
  const issues = validateTradeoffInputs(angles, measured);
  if (issues.length > 0) {
    return err({ code: 'invalid_input', issues, message: issues.map((issue) => issue.message).join('; ') });
  }
  const draws = options.draws ?? SIMULATION_DEFAULTS.draws;
  const seed = options.seed ?? SIMULATION_DEFAULTS.seed;
  const gridSize = options.gridSize ?? SIMULATION_DEFAULTS.gridSize;
  const horizonDays = options.horizonDays ?? SIMULATION_DEFAULTS.horizonDays;
  const measuredWeight = options.measuredWeight ?? MEASURED_POINT_WEIGHT;
  const method = options.method ?? 'linearised';
  const { target } = options;
  if (!SIMULATION_METHODS.includes(method)) {
    return err({ code: 'invalid_option', option: 'method', message: 'method must be linearised or refit' });
  }
  if (!(Number.isInteger(draws) && draws >= 1)) {
    return err({ code: 'invalid_option', option: 'draws', message: 'draws must be a positive integer' });
  }
  if (!(Number.isInteger(gridSize) && gridSize >= 2)) {
    return err({ code: 'invalid_option', option: 'gridSize', message: 'gridSize must be an integer ≥ 2' });
  }
  if (!(horizonDays > 0)) {
    return err({ code: 'invalid_option', option: 'horizonDays', message: 'horizonDays must be positive' });
  }
  if (!(measuredWeight > 0 && Number.isFinite(measuredWeight))) {
    return err({
      code: 'invalid_option',
      option: 'measuredWeight',
      message: 'measuredWeight must be positive',
    });
  }
  if (!Number.isFinite(target)) {
    return err({ code: 'invalid_option', option: 'target', message: 'The target must be a number' });
  }

  const effortShapes: PertShape[] = [];
  const qualityShapes: PertShape[] = [];
  const likelyPoints = angles.map((angle) => {
    const days = {
      low: durationToDays(angle.effort.low),
      likely: durationToDays(angle.effort.likely),
      high: durationToDays(angle.effort.high),
    };
    effortShapes.push(effortShape(days));
    qualityShapes.push(pertShape(angle.quality));
    return { days: days.likely, quality: angle.quality.likely };
  });
  const measuredPoints = measured.map((point) => ({
    days: durationToDays(point.effort),
    quality: point.quality,
    weight: measuredWeight,
  }));
  const fitOptions = {
    ...(options.ceiling === undefined ? {} : { ceiling: options.ceiling }),
    ...(options.maxQuality === undefined ? {} : { maxQuality: options.maxQuality }),
    ...(options.solver === undefined ? {} : { solver: options.solver }),
  };
  const pointResult = fitTimeQualityCurve([...likelyPoints, ...measuredPoints], fitOptions);
  if (!pointResult.ok) return pointResult;
  const pointFit = pointResult.value;
  const warnings: SimulationWarning[] = [...pointFit.warnings];
  if (options.ceiling !== undefined && target >= options.ceiling) {
    warnings.push({
      code: 'target_at_or_above_ceiling',
      message: `The target ${formatQuality(target, options.maxQuality ?? 1)} is at or above the human ceiling ${formatQuality(options.ceiling, options.maxQuality ?? 1)}: quality cannot be measured that high against these labels, so the time to reach it is unbounded`,
    });
  }

  const solver = checkLevenbergMarquardtOptions({ ...SIMULATION_DEFAULTS.solver, ...options.solver });
  if (!solver.ok) return solver;
  const ceiling = options.ceiling ?? null;
  const maxQuality = options.maxQuality ?? null;
  const upperBound =
    ceiling === null ? maxQuality : maxQuality === null ? ceiling : Math.min(ceiling, maxQuality);
  let largest = 0;
  for (const point of [...likelyPoints, ...measuredPoints])
    largest = Math.max(largest, Math.abs(point.quality));
  for (const shape of qualityShapes) largest = Math.max(largest, Math.abs(shape.max));
  const angleCount = angles.length;
  const pointCount = angleCount + measuredPoints.length;
  const fitter = createCurveFitter(pointCount, {
    scale: upperBound ?? (largest > 0 ? largest : 1),
    upperBound,
    fixedSteepness: pointFit.steepnessFixed ? pointFit.curve.steepness : null,
    solver: solver.value,
  });
  measuredPoints.forEach((point, i) => {
    fitter.logDays[angleCount + i] = Math.log(point.days);
    fitter.quality[angleCount + i] = point.quality;
    fitter.sqrtWeights[angleCount + i] = Math.sqrt(point.weight);
  });

  // The grid spans the estimates and measurements, a factor 3 beyond each end.
  let minDays = Number.POSITIVE_INFINITY;
  let maxDays = 0;
  for (const shape of effortShapes) {
    minDays = Math.min(minDays, Math.exp(shape.min));
    maxDays = Math.max(maxDays, Math.exp(shape.max));
  }
  for (const point of measuredPoints) {
    minDays = Math.min(minDays, point.days);
    maxDays = Math.max(maxDays, point.days);
  }
  const logMin = Math.log(minDays / 3);
  const logStep = (Math.log(maxDays * 3) - logMin) / (gridSize - 1);
  const gridLogDays = new Float64Array(gridSize);
  for (let g = 0; g < gridSize; g++) gridLogDays[g] = logMin + g * logStep;
  // Row g holds Q(grid[g]) for every draw, so each row can be sorted in place for its percentiles.
  const bandDraws = Math.min(draws, SIMULATION_DEFAULTS.bandDraws);
  const bandValues = new Float64Array(gridSize * bandDraws);
  const times = new Float64Array(draws);

  const random = createRandom(seed);
  let unreachable = 0;
  let beyondHorizon = 0;
  let unconverged = 0;
  const linearised =
    method === 'linearised'
      ? createLinearisedRefit(pointCount, {
          anchor: pointFit.curve,
          upperBound,
          fixedSteepness: pointFit.steepnessFixed ? pointFit.curve.steepness : null,
        })
      : null;
  const samples = linearised ?? fitter;
  if (linearised !== null) {
    linearised.logDays.set(fitter.logDays);
    linearised.quality.set(fitter.quality);
    linearised.sqrtWeights.set(fitter.sqrtWeights);
  }
  // The estimates' own answer (`estimatesPathReach`): no draw reaches the target before the path through
  // its sampled estimates does. A curve pulled up by estimates above the ceiling, or fitted steeply between
  // two points, would otherwise claim the target within minutes of a plan that takes months.
  const pathCap = upperBound ?? Number.POSITIVE_INFINITY;
  const pathOrder = new Int32Array(pointCount);
  const path = createEstimatesPathReach();
  const likelyLogDays = [...likelyPoints, ...measuredPoints].map((point) => Math.log(point.days));
  const likelyQuality = [...likelyPoints, ...measuredPoints].map((point) => point.quality);
  estimatesPathReach(likelyLogDays, likelyQuality, pointCount, target, pathCap, pathOrder, path);
  const pointName = (index: number): string | null =>
    index < 0
      ? null
      : index < angleCount
        ? (angles[index]?.name ?? null)
        : measured[index - angleCount]?.label || 'a measured point';
  const estimatesReachTarget: EstimatesReachTarget | null =
    pointCount === 0 || target >= pathCap
      ? null
      : { days: path.days, reaches: path.reaches, from: pointName(path.below), to: pointName(path.at) };
  let heldAtEstimates = 0;
  const effortSamplers = effortShapes.map((shape) => createPertSampler(shape));
  const qualitySamplers = qualityShapes.map((shape) => createPertSampler(shape));
  for (let d = 0; d < draws; d++) {
    for (let a = 0; a < angleCount; a++) {
      const effort = effortSamplers[a];
      const quality = qualitySamplers[a];
      if (effort === undefined || quality === undefined) continue;
      samples.logDays[a] = effort.sample(random);
      samples.quality[a] = quality.sample(random);
    }
    let q0: number;
    let qc: number;
    let logHalf: number;
    let steepness: number;
    if (linearised !== null) {
      linearised.refit();
      const { curve } = linearised;
      q0 = curve[CURVE_PARAMETER.q0] ?? 0;
      qc = curve[CURVE_PARAMETER.qc] ?? 0;
      logHalf = curve[CURVE_PARAMETER.logHalfTime] ?? 0;
      steepness = curve[CURVE_PARAMETER.steepness] ?? 1;
    } else {
      const { curve, run } = fitter.fit(pointFit.curve);
      if (!run.converged) unconverged++;
      q0 = curve.q0;
      qc = curve.qc;
      logHalf = Math.log(curve.halfTime);
      steepness = curve.steepness;
    }
    // Time to target in closed form (as `timeToReach`), inlined to keep the loop allocation-free.
    let days: number;
    if (target >= qc) days = Number.POSITIVE_INFINITY;
    else if (target <= q0) days = 0;
    else days = Math.exp(logHalf + Math.log((target - q0) / (qc - target)) / steepness);
    // Never earlier than the estimates themselves reach the target (this draw's sampled estimates); a
    // curve that levels off below the target is overruled too when the estimates do reach it.
    if (target < pathCap) {
      estimatesPathReach(samples.logDays, samples.quality, pointCount, target, pathCap, pathOrder, path);
      if (days < path.days || (path.reaches && days === Number.POSITIVE_INFINITY)) {
        days = path.days;
        heldAtEstimates++;
      }
    }
    if (days === Number.POSITIVE_INFINITY) unreachable++;
    else if (days > horizonDays) {
      beyondHorizon++;
      days = Number.POSITIVE_INFINITY;
    }
    times[d] = days;
    // e_g = exp(−δ(x_g − ln t½)) is geometric along the evenly spaced log grid: two exp() per draw
    // instead of one per grid point. Bounded exponents (|ln t½| ≤ ln 1e9, δ ≤ 10) keep it finite.
    if (d >= bandDraws) continue;
    const gap = qc - q0;
    let e = Math.exp(-steepness * (logMin - logHalf));
    const ratio = Math.exp(-steepness * logStep);
    for (let g = 0; g < gridSize; g++) {
      bandValues[g * bandDraws + d] = q0 + gap / (1 + e);
      e *= ratio;
    }
  }
  if (unconverged > 0) {
    warnings.push({
      code: 'unconverged_draws',
      count: unconverged,
      message: `${unconverged} of ${draws} draws stopped before their fit converged; they are kept as they stood`,
    });
  }

  times.sort();
  const percentile = (p: number): number | null => {
    const value = sortedQuantile(times, p);
    return Number.isFinite(value) ? value : null;
  };
  const band = { days: [] as number[], p10: [] as number[], p50: [] as number[], p90: [] as number[] };
  const fitted: number[] = [];
  const reachProbability: number[] = [];
  for (let g = 0; g < gridSize; g++) {
    const row = bandValues.subarray(g * bandDraws, (g + 1) * bandDraws);
    const days = Math.exp(gridLogDays[g] ?? 0);
    band.days.push(days);
    row.sort();
    band.p10.push(sortedQuantile(row, 0.1));
    band.p50.push(sortedQuantile(row, 0.5));
    band.p90.push(sortedQuantile(row, 0.9));
    const { q0, qc, halfTime, steepness } = pointFit.curve;
    fitted.push(qc - (qc - q0) / (1 + (days / halfTime) ** steepness));
    reachProbability.push(countAtMost(times, days) / draws);
  }

  return ok({
    draws,
    seed,
    target,
    horizonDays,
    pointFit,
    pointTimeToTarget: timeToReach(pointFit.curve, target),
    timeToTarget: {
      p10: percentile(0.1),
      p50: percentile(0.5),
      p90: percentile(0.9),
      unreachableShare: unreachable / draws,
      beyondHorizonShare: beyondHorizon / draws,
      heldAtEstimatesShare: heldAtEstimates / draws,
    },
    estimatesReachTarget,
    sortedDays: times,
    band: { ...band, fitted, reachProbability },
    warnings,
  });
}
