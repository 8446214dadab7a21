import { formatDays, formatNumber, formatQuality } from '../format';
import { err, ok, type Result } from '../shared';
import { checkLevenbergMarquardtOptions } from './check-options';
import { createLeastSquaresSolver, type SolverRun } from './levenberg-marquardt';
import type {
  CheckedLevenbergMarquardtOptions,
  FittingOptionsError,
  LevenbergMarquardtOptions,
} from './types';

/**
 * The time–quality curve Q(t) = Qc − (Qc − Q0) / (1 + (t / t½)^δ): a logistic in log-time, the
 * Morgan–Mercer–Flodin growth family (Morgan, Mercer & Flodin 1975, PNAS 72(11)) that learning-curve
 * studies fit to quality against effort. Q0 is the quality at t → 0 (a heuristic), Qc the asymptote
 * (at most the human ceiling), t½ the effort in days that closes half the gap, δ the steepness.
 */
export interface TimeQualityCurve {
  readonly q0: number;
  readonly qc: number;
  /** t½, in days. */
  readonly halfTime: number;
  /** δ, dimensionless. */
  readonly steepness: number;
}

/** Bounds on δ: below 0.2 the curve is almost flat over ten decades of time, above 10 almost a step. */
export const STEEPNESS_BOUNDS = { min: 0.2, max: 10 } as const;

/** δ used when there are too few distinct efforts (2–3) to estimate it: the plain hyperbola of the MMF family. */
export const DEFAULT_FIXED_STEEPNESS = 1;

/** Distinct efforts needed to estimate δ; with fewer it is fixed. */
export const MIN_EFFORTS_FOR_FREE_STEEPNESS = 4;

/** An observed or estimated point: effort in days (> 0), quality, and its weight in the fit (default 1). */
export interface CurvePoint {
  readonly days: number;
  readonly quality: number;
  readonly weight?: number;
}

/**
 * Q(t) = Qc − (Qc − Q0) / (1 + (t / t½)^δ) for t ≥ 0 days; Q(0) = Q0 and Q(t) → Qc as t → ∞. Increasing
 * in t whenever Qc > Q0.
 */
export function evaluateCurve(curve: TimeQualityCurve, days: number): number {
  if (!(days > 0)) return curve.q0;
  return curve.qc - (curve.qc - curve.q0) / (1 + (days / curve.halfTime) ** curve.steepness);
}

export type TimeToReach =
  | { readonly days: number; readonly reason: null }
  | { readonly days: null; readonly reason: 'target-at-or-above-asymptote'; readonly message: string };

/**
 * The effort at which the curve reaches `target`, inverting Q(t) in closed form:
 * t = t½ · ((target − Q0) / (Qc − target))^(1/δ). Zero days when target ≤ Q0 (the heuristic already
 * reaches it); `days: null` with the reason when target ≥ Qc, because the curve only approaches Qc and
 * the time is unbounded.
 */
export function timeToReach(curve: TimeQualityCurve, target: number): TimeToReach {
  if (target >= curve.qc) {
    return {
      days: null,
      reason: 'target-at-or-above-asymptote',
      message: `The target ${formatNumber(target)} is at or above the curve's asymptote ${formatNumber(curve.qc)}: no amount of effort reaches it`,
    };
  }
  if (target <= curve.q0) return { days: 0, reason: null };
  return {
    days: curve.halfTime * ((target - curve.q0) / (curve.qc - target)) ** (1 / curve.steepness),
    reason: null,
  };
}

export interface CurveFitOptions {
  /** The human ceiling: Qc ≤ ceiling (a model cannot be measured above the labels it is scored against). */
  readonly ceiling?: number;
  /**
   * The top of the metric's range (1 for accuracy, 100 for a percentage): also bounds Qc, so that with
   * no ceiling and few points the asymptote cannot run off to absurd values.
   */
  readonly maxQuality?: number;
  /** Fix δ at this value instead of estimating it. */
  readonly steepness?: number;
  /** Start the solver from this curve instead of from the data (a warm start). */
  readonly start?: TimeQualityCurve;
  readonly solver?: LevenbergMarquardtOptions;
}

export type CurveFitWarning =
  | { readonly code: 'steepness_fixed'; readonly steepness: number; readonly message: string }
  | {
      readonly code: 'non_monotone';
      /** Each pair of consecutive efforts (days) whose mean quality falls, so a page can word it in its units. */
      readonly decreases: ReadonlyArray<{
        readonly from: { readonly days: number; readonly quality: number };
        readonly to: { readonly days: number; readonly quality: number };
      }>;
      readonly message: string;
    }
  | { readonly code: 'asymptote_at_ceiling'; readonly message: string }
  | { readonly code: 'asymptote_at_maximum'; readonly message: string }
  | { readonly code: 'points_above_ceiling'; readonly count: number; readonly message: string }
  | { readonly code: 'steepness_at_bound'; readonly message: string }
  | { readonly code: 'not_converged'; readonly message: string };

export type CurveFitError =
  | { readonly code: 'too_few_points'; readonly distinctEfforts: number; readonly message: string }
  | {
      readonly code: 'invalid_point';
      readonly index: number;
      readonly field: 'days' | 'quality' | 'weight';
      readonly message: string;
    }
  | { readonly code: 'invalid_ceiling'; readonly message: string }
  | { readonly code: 'invalid_max_quality'; readonly message: string }
  | { readonly code: 'invalid_steepness'; readonly message: string }
  | FittingOptionsError;

export interface CurveFit {
  readonly curve: TimeQualityCurve;
  /** True when δ was not estimated (fixed by the caller, or because there were fewer than 4 distinct efforts). */
  readonly steepnessFixed: boolean;
  /** Weighted root-mean-square residual, in quality units: √(Σ wᵢ rᵢ² / Σ wᵢ). */
  readonly rmse: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly warnings: readonly CurveFitWarning[];
}

/**
 * Bound handling by parameter transforms (James, MINUIT Function Minimization and Error Analysis,
 * CERN D506, §1.3 "Parameter limits"): the solver works on unbounded internal values u and the curve
 * parameters are smooth functions of them that cannot leave their bounds.
 * - two-sided p ∈ [lo, hi]: p = lo + (hi − lo)(1 + sin u)/2, reaching either bound at a finite u, so a
 *   fit can sit exactly on the ceiling;
 * - one-sided p ≥ 0: p = √(u² + 1) − 1.
 * Qualities are divided by a scale (the upper bound, else the largest |quality|) so that u is of order 1.
 * Q0 ≥ 0; Qc = Q0 + gap with the gap ≥ 0 (so Qc ≥ Q0), and with an upper bound c (the ceiling or the
 * metric's maximum): Q0 ∈ [0, c] and Qc ∈ [Q0, c]; t½ ∈ [1e-9, 1e9] days (a numerical guard, applied
 * by projection); δ ∈ [0.2, 10].
 */
interface InternalModel {
  readonly bounded: boolean;
  readonly fixedSteepness: number | null;
}

const INTERIOR = 1e-3;
const SNAP = 1e-5;
const LOG_HALF_TIME_LIMIT = Math.log(1e9);
const clampFraction = (value: number) => Math.min(1 - INTERIOR, Math.max(INTERIOR, value));
const toTwoSided = (fraction: number) => Math.asin(2 * clampFraction(fraction) - 1);
const toOneSided = (value: number) => {
  const p = Math.max(value, INTERIOR);
  return Math.sqrt((p + 1) * (p + 1) - 1);
};
const STEEPNESS_SPAN = STEEPNESS_BOUNDS.max - STEEPNESS_BOUNDS.min;

/** A curve-fitting engine for a fixed number of points, its buffers allocated once (the Monte Carlo path). */
export interface CurveFitter {
  /** ln(days) of each point; fill before `fit`. */
  readonly logDays: Float64Array;
  /** Quality of each point; fill before `fit`. */
  readonly quality: Float64Array;
  /** √weight of each point; all 1 unless set. */
  readonly sqrtWeights: Float64Array;
  /** Fits the current points from `start`; the curve is in quality units (the scale is undone). */
  fit(start: TimeQualityCurve): { readonly curve: TimeQualityCurve; readonly run: SolverRun };
}

/**
 * Creates a reusable fitter for `pointCount` points. `scale` divides qualities internally (pass the
 * upper bound when there is one); `upperBound` bounds Qc (the ceiling or the metric's maximum);
 * `fixedSteepness` fixes δ (`null`: estimate it).
 */
export function createCurveFitter(
  pointCount: number,
  settings: {
    readonly scale: number;
    readonly upperBound: number | null;
    readonly fixedSteepness: number | null;
    readonly solver: CheckedLevenbergMarquardtOptions;
  },
): CurveFitter {
  const { scale } = settings;
  const model: InternalModel = {
    bounded: settings.upperBound !== null,
    fixedSteepness: settings.fixedSteepness,
  };
  const c = settings.upperBound === null ? 1 : settings.upperBound / scale;
  const parameterCount = model.fixedSteepness === null ? 4 : 3;
  const logDays = new Float64Array(pointCount);
  const quality = new Float64Array(pointCount);
  const sqrtWeights = new Float64Array(pointCount).fill(1);
  const solver = createLeastSquaresSolver(parameterCount, pointCount, settings.solver);
  const parameters = new Float64Array(parameterCount);
  const at = (array: Float64Array, index: number) => array[index] ?? 0;

  // Curve parameters in scaled units decoded from the internal values, with the derivatives the
  // Jacobian needs. A typed array rather than captured `let`s: V8 boxes doubles written to closure
  // variables, which allocated on every evaluation.
  const state = new Float64Array(8);
  const Q0 = 0;
  const QC = 1;
  const MID = 2;
  const DELTA = 3;
  const DQ0_DU0 = 4;
  const DQC_DU0 = 5;
  const DQC_DU1 = 6;
  const DDELTA_DU3 = 7;
  const decode = (u: Float64Array): void => {
    const u0 = at(u, 0);
    const u1 = at(u, 1);
    if (model.bounded) {
      const q0 = (c * (1 + Math.sin(u0))) / 2;
      const dq0du0 = (c * Math.cos(u0)) / 2;
      const f1 = (1 + Math.sin(u1)) / 2;
      state[Q0] = q0;
      state[DQ0_DU0] = dq0du0;
      state[QC] = q0 + (c - q0) * f1;
      state[DQC_DU0] = dq0du0 * (1 - f1);
      state[DQC_DU1] = ((c - q0) * Math.cos(u1)) / 2;
    } else {
      const r0 = Math.sqrt(u0 * u0 + 1);
      const r1 = Math.sqrt(u1 * u1 + 1);
      state[Q0] = r0 - 1;
      state[DQ0_DU0] = u0 / r0;
      state[QC] = r0 - 1 + r1 - 1;
      state[DQC_DU0] = u0 / r0;
      state[DQC_DU1] = u1 / r1;
    }
    state[MID] = at(u, 2);
    if (model.fixedSteepness === null) {
      const u3 = at(u, 3);
      state[DELTA] = STEEPNESS_BOUNDS.min + (STEEPNESS_SPAN * (1 + Math.sin(u3))) / 2;
      state[DDELTA_DU3] = (STEEPNESS_SPAN * Math.cos(u3)) / 2;
    } else {
      state[DELTA] = model.fixedSteepness;
      state[DDELTA_DU3] = 0;
    }
  };

  // The transforms have zero slope at their bounds, so a parameter whose optimum lies on a bound (Qc on
  // the ceiling, most often) creeps toward it at a linear rate. Within SNAP of the bound (in units of
  // its range) it is put onto it, where its slope, hence its step, stays zero: the fit then converges
  // on the other parameters at the usual quadratic rate, at a cost of at most SNAP in that parameter.
  const snapTwoSided = (u: Float64Array, index: number): void => {
    const fraction = (1 + Math.sin(at(u, index))) / 2;
    if (fraction > 1 - SNAP) u[index] = Math.PI / 2;
    else if (fraction < SNAP) u[index] = -Math.PI / 2;
  };
  const snapOneSided = (u: Float64Array, index: number): void => {
    const value = at(u, index);
    if (Math.sqrt(value * value + 1) - 1 < SNAP) u[index] = 0;
  };

  const encode = (curve: TimeQualityCurve, out: Float64Array): void => {
    const s0 = Math.max(curve.q0, 0) / scale;
    const sc = Math.max(curve.qc / scale, s0);
    if (model.bounded) {
      const fraction0 = clampFraction(s0 / c);
      out[0] = toTwoSided(fraction0);
      const decoded0 = (c * (1 + Math.sin(at(out, 0)))) / 2;
      out[1] = toTwoSided((sc - decoded0) / (c - decoded0));
    } else {
      out[0] = toOneSided(s0);
      out[1] = toOneSided(sc - s0);
    }
    out[2] = Math.log(curve.halfTime);
    if (model.fixedSteepness === null)
      out[3] = toTwoSided((curve.steepness - STEEPNESS_BOUNDS.min) / STEEPNESS_SPAN);
  };

  const problem = {
    parameterCount,
    residualCount: pointCount,
    project(u: Float64Array): void {
      if (model.bounded) {
        snapTwoSided(u, 0);
        snapTwoSided(u, 1);
      } else {
        snapOneSided(u, 0);
        snapOneSided(u, 1);
      }
      if (model.fixedSteepness === null) snapTwoSided(u, 3);
      // ln t½ is free in principle; when the points pull the curve into a step at t → 0 or t → ∞ it
      // would run off until t½ under- or overflows, so it is kept within 1e-9…1e9 days.
      u[2] = Math.min(LOG_HALF_TIME_LIMIT, Math.max(-LOG_HALF_TIME_LIMIT, at(u, 2)));
    },
    residuals(u: Float64Array, out: Float64Array): void {
      decode(u);
      const q0 = at(state, Q0);
      const gap = at(state, QC) - q0;
      const mid = at(state, MID);
      const delta = at(state, DELTA);
      for (let i = 0; i < pointCount; i++) {
        const s = 1 / (1 + Math.exp(-delta * (at(logDays, i) - mid)));
        out[i] = at(sqrtWeights, i) * (q0 + gap * s - at(quality, i) / scale);
      }
    },
    jacobian(u: Float64Array, _residuals: Float64Array, out: Float64Array): void {
      decode(u);
      const gap = at(state, QC) - at(state, Q0);
      const mid = at(state, MID);
      const delta = at(state, DELTA);
      const dq0du0 = at(state, DQ0_DU0);
      const dqcdu0 = at(state, DQC_DU0);
      const dqcdu1 = at(state, DQC_DU1);
      const ddeltadu3 = at(state, DDELTA_DU3);
      for (let i = 0; i < pointCount; i++) {
        const x = at(logDays, i) - mid;
        const s = 1 / (1 + Math.exp(-delta * x));
        const ds = s * (1 - s);
        const w = at(sqrtWeights, i);
        const row = i * parameterCount;
        out[row] = w * ((1 - s) * dq0du0 + s * dqcdu0);
        out[row + 1] = w * s * dqcdu1;
        out[row + 2] = -w * gap * delta * ds;
        if (parameterCount === 4) out[row + 3] = w * gap * x * ds * ddeltadu3;
      }
    },
  };

  return {
    logDays,
    quality,
    sqrtWeights,
    fit(start) {
      encode(start, parameters);
      const run = solver.minimize(problem, parameters);
      decode(parameters);
      return {
        curve: {
          q0: at(state, Q0) * scale,
          qc: at(state, QC) * scale,
          halfTime: Math.exp(at(state, MID)),
          steepness: at(state, DELTA),
        },
        run,
      };
    },
  };
}

/**
 * A starting curve read off the data: Q0 ≈ the quality at the smallest effort, Qc ≈ a little above the
 * best quality (at most the upper bound), t½ ≈ the geometric middle of the efforts, δ = 1 (or the fixed value).
 */
export function initialCurve(
  points: readonly CurvePoint[],
  upperBound: number | null,
  steepness: number | null,
): TimeQualityCurve {
  let minDays = Number.POSITIVE_INFINITY;
  let maxDays = 0;
  let maxQuality = Number.NEGATIVE_INFINITY;
  let minQuality = Number.POSITIVE_INFINITY;
  for (const point of points) {
    minDays = Math.min(minDays, point.days);
    maxDays = Math.max(maxDays, point.days);
    maxQuality = Math.max(maxQuality, point.quality);
    minQuality = Math.min(minQuality, point.quality);
  }
  let fastestSum = 0;
  let fastestCount = 0;
  for (const point of points) {
    if (point.days === minDays) {
      fastestSum += point.quality;
      fastestCount++;
    }
  }
  const q0 = Math.max(0, fastestCount > 0 ? fastestSum / fastestCount : minQuality);
  const spread = Math.max(maxQuality - minQuality, Math.abs(maxQuality) * 0.05, 1e-6);
  let qc = Math.max(maxQuality + 0.1 * spread, q0);
  if (upperBound !== null) qc = Math.min(qc, upperBound);
  return {
    q0: upperBound === null ? q0 : Math.min(q0, upperBound),
    qc,
    halfTime: Math.sqrt(minDays * maxDays),
    steepness: steepness ?? DEFAULT_FIXED_STEEPNESS,
  };
}

function validatePoints(points: readonly CurvePoint[]): CurveFitError | null {
  for (let index = 0; index < points.length; index++) {
    const point = points[index];
    if (point === undefined) continue;
    if (!(point.days > 0 && Number.isFinite(point.days))) {
      return {
        code: 'invalid_point',
        index,
        field: 'days',
        message: `Point ${index + 1}: effort must be a positive number of days`,
      };
    }
    if (!Number.isFinite(point.quality)) {
      return {
        code: 'invalid_point',
        index,
        field: 'quality',
        message: `Point ${index + 1}: quality must be a finite number`,
      };
    }
    if (point.weight !== undefined && !(point.weight > 0 && Number.isFinite(point.weight))) {
      return {
        code: 'invalid_point',
        index,
        field: 'weight',
        message: `Point ${index + 1}: weight must be a positive number`,
      };
    }
  }
  return null;
}

interface Decrease {
  readonly from: { readonly days: number; readonly quality: number };
  readonly to: { readonly days: number; readonly quality: number };
}

/** Pairs of consecutive distinct efforts whose (mean) quality drops as effort grows: the model is increasing. */
function findDecreases(points: readonly CurvePoint[], tolerance: number): Decrease[] {
  const byEffort = new Map<number, { sum: number; count: number }>();
  for (const point of points) {
    const entry = byEffort.get(point.days) ?? { sum: 0, count: 0 };
    entry.sum += point.quality;
    entry.count++;
    byEffort.set(point.days, entry);
  }
  const groups = [...byEffort.entries()]
    .map(([days, { sum, count }]) => ({ days, quality: sum / count }))
    .sort((a, b) => a.days - b.days);
  const decreases: Decrease[] = [];
  for (let i = 1; i < groups.length; i++) {
    const previous = groups[i - 1];
    const current = groups[i];
    if (previous && current && current.quality < previous.quality - tolerance) {
      decreases.push({ from: previous, to: current });
    }
  }
  return decreases;
}

/**
 * Fits Q(t) = Qc − (Qc − Q0) / (1 + (t / t½)^δ) to points (effort in days, quality) by weighted least
 * squares in log-time (residuals in quality, abscissa ln t) with Levenberg–Marquardt and bound
 * transforms: Q0 ≥ 0, Q0 ≤ Qc ≤ min(ceiling, maxQuality) (when given), t½ > 0, δ ∈ [0.2, 10]. Needs at least 2 distinct
 * efforts; with 2 or 3 δ is fixed at 1 (a warning says so), since 3 parameters already pass through
 * 3 points and δ would be unidentified. The solver starts from `initialCurve` and, unless a start is
 * given, also from the upper bound as asymptote, keeping the better fit. Warnings flag points that decrease
 * with effort (the model cannot follow them), points above the ceiling, an asymptote held at the
 * ceiling, δ at a bound, and non-convergence.
 */
export function fitTimeQualityCurve(
  points: readonly CurvePoint[],
  options: CurveFitOptions = {},
): Result<CurveFit, CurveFitError> {
  const invalid = validatePoints(points);
  if (invalid) return err(invalid);
  const ceiling = options.ceiling ?? null;
  if (ceiling !== null && !(ceiling > 0 && Number.isFinite(ceiling))) {
    return err({ code: 'invalid_ceiling', message: 'The ceiling must be a positive number' });
  }
  const maxQuality = options.maxQuality ?? null;
  if (maxQuality !== null && !(maxQuality > 0 && Number.isFinite(maxQuality))) {
    return err({ code: 'invalid_max_quality', message: 'The maximum quality must be a positive number' });
  }
  const upperBound =
    ceiling === null ? maxQuality : maxQuality === null ? ceiling : Math.min(ceiling, maxQuality);
  const requested = options.steepness ?? null;
  if (requested !== null && !(requested >= STEEPNESS_BOUNDS.min && requested <= STEEPNESS_BOUNDS.max)) {
    return err({
      code: 'invalid_steepness',
      message: `A fixed steepness must lie in [${STEEPNESS_BOUNDS.min}, ${STEEPNESS_BOUNDS.max}]`,
    });
  }
  const distinctEfforts = new Set(points.map((point) => point.days)).size;
  if (distinctEfforts < 2) {
    return err({
      code: 'too_few_points',
      distinctEfforts,
      message: `A curve needs points at 2 or more distinct efforts; there ${distinctEfforts === 1 ? 'is 1' : `are ${distinctEfforts}`}`,
    });
  }
  const solverOptions = checkLevenbergMarquardtOptions(options.solver);
  if (!solverOptions.ok) return solverOptions;

  const warnings: CurveFitWarning[] = [];
  let fixedSteepness = requested;
  if (fixedSteepness === null && distinctEfforts < MIN_EFFORTS_FOR_FREE_STEEPNESS) {
    fixedSteepness = DEFAULT_FIXED_STEEPNESS;
    warnings.push({
      code: 'steepness_fixed',
      steepness: fixedSteepness,
      message: `Only ${distinctEfforts} distinct efforts: the steepness δ is fixed at ${fixedSteepness} (estimating it needs ${MIN_EFFORTS_FOR_FREE_STEEPNESS})`,
    });
  }

  let largest = 0;
  for (const point of points) largest = Math.max(largest, Math.abs(point.quality));
  const scale = upperBound ?? (largest > 0 ? largest : 1);
  const fitter = createCurveFitter(points.length, {
    scale,
    upperBound,
    fixedSteepness,
    solver: solverOptions.value,
  });
  points.forEach((point, i) => {
    fitter.logDays[i] = Math.log(point.days);
    fitter.quality[i] = point.quality;
    fitter.sqrtWeights[i] = Math.sqrt(point.weight ?? 1);
  });

  const fromData = initialCurve(points, upperBound, fixedSteepness);
  const starts: TimeQualityCurve[] = options.start
    ? [{ ...options.start, steepness: fixedSteepness ?? options.start.steepness }]
    : [
        fromData,
        {
          ...fromData,
          qc: upperBound ?? fromData.qc + (fromData.qc - fromData.q0),
          steepness: fixedSteepness ?? 2,
        },
      ];
  let best: ReturnType<CurveFitter['fit']> | null = null;
  for (const start of starts) {
    const attempt = fitter.fit(start);
    if (best === null || attempt.run.residualSumOfSquares < best.run.residualSumOfSquares) best = attempt;
  }
  if (best === null) return err({ code: 'too_few_points', distinctEfforts, message: 'No start to fit from' });
  const { curve, run } = best;

  const tolerance = 1e-9 * scale;
  const decreases = findDecreases(points, tolerance);
  if (decreases.length > 0) {
    // Raw days such as 0.000694 (a minute) read badly: the quality on its scale, the effort in its unit.
    const at = (point: { days: number; quality: number }) =>
      `${formatQuality(point.quality, maxQuality ?? 1)} after ${formatDays(point.days)}`;
    const listed = decreases.map((decrease) => `${at(decrease.from)} → ${at(decrease.to)}`).join('; ');
    warnings.push({
      code: 'non_monotone',
      decreases,
      message: `Quality falls as effort grows (${listed}): the curve only rises, so it passes between these points`,
    });
  }
  if (ceiling !== null) {
    const above = points.filter((point) => point.quality > ceiling).length;
    if (above > 0) {
      warnings.push({
        code: 'points_above_ceiling',
        count: above,
        message: `${above === 1 ? '1 point lies' : `${above} points lie`} above the human ceiling ${formatQuality(ceiling, maxQuality ?? 1)}: quality cannot be measured that high against these labels`,
      });
    }
  }
  if (upperBound !== null && curve.qc >= upperBound * (1 - 1e-6)) {
    warnings.push(
      upperBound === ceiling
        ? {
            code: 'asymptote_at_ceiling',
            message: `The points would carry the curve above the ceiling ${upperBound}; its asymptote is held at the ceiling`,
          }
        : {
            code: 'asymptote_at_maximum',
            message: `The points would carry the curve above the metric's maximum ${upperBound}; its asymptote is held there`,
          },
    );
  }
  if (fixedSteepness === null) {
    const span = STEEPNESS_SPAN * 1e-4;
    if (curve.steepness <= STEEPNESS_BOUNDS.min + span || curve.steepness >= STEEPNESS_BOUNDS.max - span) {
      warnings.push({
        code: 'steepness_at_bound',
        message: `The steepness δ = ${curve.steepness.toPrecision(3)} is at its bound [${STEEPNESS_BOUNDS.min}, ${STEEPNESS_BOUNDS.max}]: the points are nearly flat or nearly a step`,
      });
    }
  }
  if (!run.converged) {
    warnings.push({
      code: 'not_converged',
      message: `The fit stopped without converging (${run.reason} after ${run.iterations} iterations)`,
    });
  }

  let weightSum = 0;
  let weightedSquares = 0;
  for (const point of points) {
    const weight = point.weight ?? 1;
    const residual = evaluateCurve(curve, point.days) - point.quality;
    weightSum += weight;
    weightedSquares += weight * residual * residual;
  }
  return ok({
    curve,
    steepnessFixed: fixedSteepness !== null,
    rmse: Math.sqrt(weightedSquares / weightSum),
    iterations: run.iterations,
    converged: run.converged,
    warnings,
  });
}
