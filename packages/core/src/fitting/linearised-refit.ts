import { STEEPNESS_BOUNDS, type TimeQualityCurve } from './time-quality-curve';

/** Index of each parameter in `LinearisedRefit.curve`. */
export const CURVE_PARAMETER = { q0: 0, qc: 1, logHalfTime: 2, steepness: 3 } as const;

/**
 * Marquardt damping λ of each step: (JᵀWJ + λ·diag(JᵀWJ)) Δ = −JᵀW r. It keeps the 2-point,
 * 3-parameter case (δ fixed) well posed and shortens steps where the linearisation is poorest (a draw
 * far from the point fit). 0.1 was chosen by comparing the P10/P50/P90 of the time to target with the
 * exact Levenberg–Marquardt refit of every draw (`simulate.test.ts` keeps that comparison).
 */
export const LINEARISED_REFIT_DAMPING = 0.1;

/**
 * Gauss–Newton steps per refit: a fixed count, with no convergence test or step acceptance. One step
 * (the textbook first-order propagation) put the seed example's P90 time to target at 6× the exact
 * refit's, because the curve is strongly nonlinear in ln t½ and δ; three bring P10/P50/P90 within
 * about 5% of it on every case the tests compare, at a cost still linear in the number of points.
 */
export const LINEARISED_REFIT_STEPS = 3;

const LOG_HALF_TIME_LIMIT = Math.log(1e9);

/** A refit of perturbed points around an anchor curve, its buffers allocated once (the Monte Carlo path). */
export interface LinearisedRefit {
  /** ln(days) of each point; fill before `refit`. */
  readonly logDays: Float64Array;
  /** Quality of each point; fill before `refit`. */
  readonly quality: Float64Array;
  /** √weight of each point; all 1 unless set. */
  readonly sqrtWeights: Float64Array;
  /** The refitted curve after `refit`, indexed by `CURVE_PARAMETER` (t½ as its natural log). */
  readonly curve: Float64Array;
  /** Refits the current points; the result is in `curve`. */
  refit(): void;
}

/**
 * A linearised refit of Q(t) = Qc − (Qc − Q0) / (1 + (t / t½)^δ) for points near those the `anchor`
 * was fitted to: `steps` (default 3) damped Gauss–Newton steps from the anchor (Björck 1996, Numerical
 * Methods for Least Squares Problems, §9.2; damping as Marquardt 1963), each solving
 * (JᵀWJ + λ·diag(JᵀWJ)) Δ = −JᵀWr with the Jacobian at the current curve, in the parameters
 * (Q0, Qc, ln t½, δ), subject to the fit's box constraints Q0, Qc ∈ [0, upperBound], ln t½ ∈ ±ln 1e9,
 * δ ∈ [0.2, 10] (δ held when `fixedSteepness`). Constraints are kept by an active set: a parameter
 * whose step leaves its box is held on the bound and the others re-solved (Lawson & Hanson 1974,
 * Solving Least Squares Problems, ch. 23, without the release step: a local step rarely needs it).
 * Qc below Q0 afterwards is raised to Q0 (a flat curve).
 *
 * Why not Levenberg–Marquardt to convergence: the Monte Carlo perturbs the points within their
 * three-point estimates, which moves the least-squares optimum a short way from the point fit, and a
 * few Gauss–Newton steps from there land on it (quadratic convergence near the optimum) without the
 * step acceptance, damping schedule and convergence tests that cost ~12 iterations per draw. Each refit
 * is O(points) arithmetic with a fixed step count, never iterated to a tolerance.
 */
export function createLinearisedRefit(
  pointCount: number,
  settings: {
    readonly anchor: TimeQualityCurve;
    readonly upperBound: number | null;
    readonly fixedSteepness: number | null;
    readonly damping?: number;
    readonly steps?: number;
  },
): LinearisedRefit {
  const damping = settings.damping ?? LINEARISED_REFIT_DAMPING;
  const steps = settings.steps ?? LINEARISED_REFIT_STEPS;
  const steepnessFixed = settings.fixedSteepness !== null;
  const logDays = new Float64Array(pointCount);
  const quality = new Float64Array(pointCount);
  const sqrtWeights = new Float64Array(pointCount).fill(1);
  const curve = new Float64Array(4);
  const anchor = new Float64Array([
    settings.anchor.q0,
    settings.anchor.qc,
    Math.log(settings.anchor.halfTime),
    settings.fixedSteepness ?? settings.anchor.steepness,
  ]);
  const upper = settings.upperBound ?? Number.POSITIVE_INFINITY;
  const at = (array: Float64Array, index: number) => array[index] ?? 0;

  // One damped Gauss–Newton step from `curve` (read and overwritten). The 4 × 4 system is held in
  // scalars and solved by an unrolled Cholesky factorisation: this runs 30,000 times per simulation.
  const stepOnce = (): void => {
    const q0 = at(curve, 0);
    const qc = at(curve, 1);
    const mid = at(curve, 2);
    const delta = at(curve, 3);
    const gap = qc - q0;
    let h00 = 0;
    let h10 = 0;
    let h11 = 0;
    let h20 = 0;
    let h21 = 0;
    let h22 = 0;
    let h30 = 0;
    let h31 = 0;
    let h32 = 0;
    let h33 = 0;
    let g0 = 0;
    let g1 = 0;
    let g2 = 0;
    let g3 = 0;
    for (let i = 0; i < pointCount; i++) {
      const x = at(logDays, i) - mid;
      const s = 1 / (1 + Math.exp(-delta * x));
      const ds = s * (1 - s);
      const w = at(sqrtWeights, i);
      const r = w * (q0 + gap * s - at(quality, i));
      const j0 = w * (1 - s);
      const j1 = w * s;
      const j2 = -w * gap * delta * ds;
      const j3 = w * gap * x * ds;
      h00 += j0 * j0;
      h10 += j1 * j0;
      h11 += j1 * j1;
      h20 += j2 * j0;
      h21 += j2 * j1;
      h22 += j2 * j2;
      h30 += j3 * j0;
      h31 += j3 * j1;
      h32 += j3 * j2;
      h33 += j3 * j3;
      g0 += j0 * r;
      g1 += j1 * r;
      g2 += j2 * r;
      g3 += j3 * r;
    }
    // A parameter the points do not inform (ln t½ when every point sits far out on one plateau) has a
    // zero diagonal: the floor keeps the system definite, and its step stays ~0 as its gradient is ~0.
    const floor = Math.max(Math.max(h00, h11, h22, h33) * 1e-12, 1e-300);
    const d0 = h00 + damping * Math.max(h00, floor) + floor;
    const d1 = h11 + damping * Math.max(h11, floor) + floor;
    const d2 = h22 + damping * Math.max(h22, floor) + floor;
    const d3 = h33 + damping * Math.max(h33, floor) + floor;
    // Active set as a bit mask: a held parameter's step is fixed (0, or onto its bound), its row of the
    // system becomes the identity and its column moves to the right-hand side.
    let held = steepnessFixed ? 8 : 0;
    let x0 = 0;
    let x1 = 0;
    let x2 = 0;
    let x3 = 0;
    for (let pass = 0; pass < 4; pass++) {
      const f0 = (held & 1) === 0;
      const f1 = (held & 2) === 0;
      const f2 = (held & 4) === 0;
      const f3 = (held & 8) === 0;
      const fixed0 = f0 ? 0 : x0;
      const fixed1 = f1 ? 0 : x1;
      const fixed2 = f2 ? 0 : x2;
      const fixed3 = f3 ? 0 : x3;
      const b0 = f0 ? -g0 - h10 * fixed1 - h20 * fixed2 - h30 * fixed3 : x0;
      const b1 = f1 ? -g1 - h10 * fixed0 - h21 * fixed2 - h31 * fixed3 : x1;
      const b2 = f2 ? -g2 - h20 * fixed0 - h21 * fixed1 - h32 * fixed3 : x2;
      const b3 = f3 ? -g3 - h30 * fixed0 - h31 * fixed1 - h32 * fixed2 : x3;
      const a00 = f0 ? d0 : 1;
      const a11 = f1 ? d1 : 1;
      const a22 = f2 ? d2 : 1;
      const a33 = f3 ? d3 : 1;
      const a10 = f0 && f1 ? h10 : 0;
      const a20 = f0 && f2 ? h20 : 0;
      const a21 = f1 && f2 ? h21 : 0;
      const a30 = f0 && f3 ? h30 : 0;
      const a31 = f1 && f3 ? h31 : 0;
      const a32 = f2 && f3 ? h32 : 0;
      // Cholesky A = L Lᵀ, then L y = b, Lᵀ x = y.
      const l00 = Math.sqrt(a00);
      const l10 = a10 / l00;
      const l20 = a20 / l00;
      const l30 = a30 / l00;
      const l11 = Math.sqrt(a11 - l10 * l10);
      const l21 = (a21 - l20 * l10) / l11;
      const l31 = (a31 - l30 * l10) / l11;
      const l22 = Math.sqrt(a22 - l20 * l20 - l21 * l21);
      const l32 = (a32 - l30 * l20 - l31 * l21) / l22;
      const l33 = Math.sqrt(a33 - l30 * l30 - l31 * l31 - l32 * l32);
      const y0 = b0 / l00;
      const y1 = (b1 - l10 * y0) / l11;
      const y2 = (b2 - l20 * y0 - l21 * y1) / l22;
      const y3 = (b3 - l30 * y0 - l31 * y1 - l32 * y2) / l33;
      x3 = y3 / l33;
      x2 = (y2 - l32 * x3) / l22;
      x1 = (y1 - l21 * x2 - l31 * x3) / l11;
      x0 = (y0 - l10 * x1 - l20 * x2 - l30 * x3) / l00;
      if (!(Number.isFinite(x0) && Number.isFinite(x1) && Number.isFinite(x2) && Number.isFinite(x3))) {
        // Not positive definite (rounding on a degenerate draw): stay where the curve is.
        x0 = 0;
        x1 = 0;
        x2 = 0;
        x3 = 0;
        break;
      }
      const before = held;
      const n0 = q0 + x0;
      if (f0 && (n0 < 0 || n0 > upper)) {
        held |= 1;
        x0 = Math.min(upper, Math.max(0, n0)) - q0;
      }
      const n1 = qc + x1;
      if (f1 && (n1 < 0 || n1 > upper)) {
        held |= 2;
        x1 = Math.min(upper, Math.max(0, n1)) - qc;
      }
      const n2 = mid + x2;
      if (f2 && (n2 < -LOG_HALF_TIME_LIMIT || n2 > LOG_HALF_TIME_LIMIT)) {
        held |= 4;
        x2 = Math.min(LOG_HALF_TIME_LIMIT, Math.max(-LOG_HALF_TIME_LIMIT, n2)) - mid;
      }
      const n3 = delta + x3;
      if (f3 && (n3 < STEEPNESS_BOUNDS.min || n3 > STEEPNESS_BOUNDS.max)) {
        held |= 8;
        x3 = Math.min(STEEPNESS_BOUNDS.max, Math.max(STEEPNESS_BOUNDS.min, n3)) - delta;
      }
      if (held === before) break;
    }
    const nextQ0 = Math.min(upper, Math.max(0, q0 + x0));
    curve[0] = nextQ0;
    curve[1] = Math.max(nextQ0, Math.min(upper, Math.max(0, qc + x1)));
    curve[2] = Math.min(LOG_HALF_TIME_LIMIT, Math.max(-LOG_HALF_TIME_LIMIT, mid + x2));
    curve[3] = Math.min(STEEPNESS_BOUNDS.max, Math.max(STEEPNESS_BOUNDS.min, delta + x3));
  };

  return {
    logDays,
    quality,
    sqrtWeights,
    curve,
    refit(): void {
      curve.set(anchor);
      for (let k = 0; k < steps; k++) stepOnce();
    },
  };
}
