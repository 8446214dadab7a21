/**
 * A nonlinear least-squares problem: find parameters p minimising Σ rᵢ(p)². Weights, if any, are folded
 * into the residuals by the problem (rᵢ = √wᵢ · (model − observed)), so the solver stays generic.
 */
export interface LeastSquaresProblem {
  readonly parameterCount: number;
  readonly residualCount: number;
  /** Writes r(p) into `out` (length `residualCount`). */
  residuals(parameters: Float64Array, out: Float64Array): void;
  /**
   * Optional: moves a trial point onto the problem's feasible set before it is evaluated (e.g. snaps a
   * parameter that has come within rounding distance of a bound onto it).
   */
  project?(parameters: Float64Array): void;
  /**
   * Writes the Jacobian ∂rᵢ/∂pⱼ row-major into `out` (`residualCount × parameterCount`), given the
   * residuals at `parameters` already computed. Optional: finite differences are used without it.
   */
  jacobian?(parameters: Float64Array, residuals: Float64Array, out: Float64Array): void;
}

/** Options of the Levenberg–Marquardt solver; every one has a documented default (`checkLevenbergMarquardtOptions`). */
export interface LevenbergMarquardtOptions {
  /**
   * Initial damping λ: small values make the first step Gauss–Newton, large values gradient descent.
   * @default 1e-3
   */
  readonly damping?: number;
  /**
   * Factor λ is multiplied by after a step that does not lower the sum of squares.
   * @default 10
   */
  readonly dampingStepUp?: number;
  /**
   * Factor λ is divided by after a step that lowers the sum of squares.
   * @default 10
   */
  readonly dampingStepDown?: number;
  /**
   * Maximum number of iterations (accepted or rejected steps).
   * @default 100
   */
  readonly maxIterations?: number;
  /**
   * Stop when the sum of squared residuals is at or below this (an exact fit).
   * @default 1e-20
   */
  readonly errorTolerance?: number;
  /**
   * Stop when the largest component of the gradient Jᵀr is at or below this (a stationary point).
   * @default 1e-12
   */
  readonly gradientTolerance?: number;
  /**
   * Stop when an accepted step changes no parameter by more than this × (|pⱼ| + this).
   * @default 1e-10
   */
  readonly stepTolerance?: number;
  /**
   * Stop when an accepted step lowers Σr² by less than this fraction of it, and the linear model
   * predicted no more (MINPACK's `ftol`, Moré 1978): progress has become negligible, as when a
   * parameter creeps toward a bound.
   * @default 1e-10
   */
  readonly improvementTolerance?: number;
  /**
   * Relative step for the finite-difference Jacobian when the problem gives none: hⱼ = this × max(|pⱼ|, 1).
   * @default 1e-7
   */
  readonly gradientDifference?: number;
  /**
   * Central rather than forward differences for the finite-difference Jacobian (twice the cost, more accurate).
   * @default false
   */
  readonly centralDifference?: boolean;
}

/** The options with every default filled in, as the solver uses them. */
export type CheckedLevenbergMarquardtOptions = Required<LevenbergMarquardtOptions>;

/** Why the solver stopped. */
export type StopReason = 'exact-fit' | 'gradient' | 'step' | 'improvement' | 'max-iterations' | 'stalled';

export interface LeastSquaresSolution {
  readonly parameters: Float64Array;
  /** Σ rᵢ² at `parameters`. */
  readonly residualSumOfSquares: number;
  readonly iterations: number;
  /** True when a convergence test stopped the solver (not the iteration limit, not a stall). */
  readonly converged: boolean;
  readonly reason: StopReason;
}

export type FittingOptionsError =
  | {
      readonly code: 'invalid_option';
      readonly option: keyof LevenbergMarquardtOptions;
      readonly message: string;
    }
  | { readonly code: 'invalid_initial_values'; readonly message: string };
