import { err, ok, type Result } from '../shared';
import { checkLevenbergMarquardtOptions } from './check-options';
import type {
  CheckedLevenbergMarquardtOptions,
  FittingOptionsError,
  LeastSquaresProblem,
  LeastSquaresSolution,
  LevenbergMarquardtOptions,
  StopReason,
} from './types';

/** The outcome of one run of a reusable solver; the parameters are updated in place. */
export interface SolverRun {
  readonly residualSumOfSquares: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly reason: StopReason;
}

/** A Levenberg–Marquardt solver with its buffers allocated once, for problems of one size solved many times. */
export interface LeastSquaresSolver {
  /** Minimises Σ rᵢ² starting from `parameters`, which it overwrites with the solution. */
  minimize(problem: LeastSquaresProblem, parameters: Float64Array): SolverRun;
}

// Above this damping no step can make progress any more: the problem is flat or the solver is lost.
const MAX_DAMPING = 1e16;

/**
 * Creates a Levenberg–Marquardt solver for problems with `parameterCount` parameters and
 * `residualCount` residuals. Each iteration solves (JᵀJ + λ·diag(JᵀJ)) δ = −Jᵀr by Cholesky
 * (Marquardt 1963, "An algorithm for least-squares estimation of nonlinear parameters", SIAM J. Appl.
 * Math. 11(2), with his scaling of the damping by the diagonal, which makes the step invariant to
 * parameter units); a step that lowers Σr² is accepted and λ divided by `dampingStepDown`, otherwise
 * λ is multiplied by `dampingStepUp` and the step retried (Nocedal & Wright 2006, §10.3). Stops on an
 * exact fit, a vanishing gradient, a vanishing step, a stall (λ > 1e16) or the iteration limit.
 */
export function createLeastSquaresSolver(
  parameterCount: number,
  residualCount: number,
  options: CheckedLevenbergMarquardtOptions,
): LeastSquaresSolver {
  const n = parameterCount;
  const m = residualCount;
  const residuals = new Float64Array(m);
  const trialResiduals = new Float64Array(m);
  const jacobian = new Float64Array(m * n);
  const normal = new Float64Array(n * n);
  const gradient = new Float64Array(n);
  const diagonal = new Float64Array(n);
  const factor = new Float64Array(n * n);
  const step = new Float64Array(n);
  const trial = new Float64Array(n);

  const at = (array: Float64Array, index: number): number => array[index] ?? 0;

  const sumOfSquares = (values: Float64Array): number => {
    let sum = 0;
    for (let i = 0; i < m; i++) {
      const value = at(values, i);
      sum += value * value;
    }
    return sum;
  };

  const backwardResiduals = new Float64Array(options.centralDifference ? m : 0);
  const finiteDifferenceJacobian = (problem: LeastSquaresProblem, parameters: Float64Array): void => {
    for (let j = 0; j < n; j++) {
      const original = at(parameters, j);
      const h = options.gradientDifference * Math.max(Math.abs(original), 1);
      parameters[j] = original + h;
      problem.residuals(parameters, trialResiduals);
      if (options.centralDifference) {
        parameters[j] = original - h;
        problem.residuals(parameters, backwardResiduals);
        for (let i = 0; i < m; i++) {
          jacobian[i * n + j] = (at(trialResiduals, i) - at(backwardResiduals, i)) / (2 * h);
        }
      } else {
        for (let i = 0; i < m; i++) jacobian[i * n + j] = (at(trialResiduals, i) - at(residuals, i)) / h;
      }
      parameters[j] = original;
    }
  };

  // Cholesky factorisation of (normal + λ·diag) into `factor` (lower triangle); false if not positive definite.
  const factorize = (lambda: number): boolean => {
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        let sum = at(normal, i * n + j) + (i === j ? lambda * at(diagonal, i) : 0);
        for (let k = 0; k < j; k++) sum -= at(factor, i * n + k) * at(factor, j * n + k);
        if (i === j) {
          if (!(sum > 0)) return false;
          factor[i * n + i] = Math.sqrt(sum);
        } else {
          factor[i * n + j] = sum / at(factor, j * n + j);
        }
      }
    }
    return true;
  };

  // Solves L Lᵀ δ = −g into `step`.
  const solve = (): void => {
    for (let i = 0; i < n; i++) {
      let sum = -at(gradient, i);
      for (let k = 0; k < i; k++) sum -= at(factor, i * n + k) * at(step, k);
      step[i] = sum / at(factor, i * n + i);
    }
    for (let i = n - 1; i >= 0; i--) {
      let sum = at(step, i);
      for (let k = i + 1; k < n; k++) sum -= at(factor, k * n + i) * at(step, k);
      step[i] = sum / at(factor, i * n + i);
    }
  };

  const minimize = (problem: LeastSquaresProblem, parameters: Float64Array): SolverRun => {
    let lambda = options.damping;
    problem.residuals(parameters, residuals);
    let rss = sumOfSquares(residuals);
    let needJacobian = true;
    let iterations = 0;
    let reason: StopReason = 'max-iterations';
    if (!Number.isFinite(rss))
      return { residualSumOfSquares: rss, iterations, converged: false, reason: 'stalled' };

    while (iterations < options.maxIterations) {
      if (rss <= options.errorTolerance) {
        reason = 'exact-fit';
        break;
      }
      if (needJacobian) {
        if (problem.jacobian) problem.jacobian(parameters, residuals, jacobian);
        else finiteDifferenceJacobian(problem, parameters);
        let largestGradient = 0;
        let largestDiagonal = 0;
        for (let a = 0; a < n; a++) {
          let g = 0;
          for (let i = 0; i < m; i++) g += at(jacobian, i * n + a) * at(residuals, i);
          gradient[a] = g;
          largestGradient = Math.max(largestGradient, Math.abs(g));
          for (let b = 0; b <= a; b++) {
            let sum = 0;
            for (let i = 0; i < m; i++) sum += at(jacobian, i * n + a) * at(jacobian, i * n + b);
            normal[a * n + b] = sum;
            normal[b * n + a] = sum;
          }
          largestDiagonal = Math.max(largestDiagonal, at(normal, a * n + a));
        }
        if (largestGradient <= options.gradientTolerance) {
          reason = 'gradient';
          break;
        }
        // A parameter the residuals do not depend on has a zero diagonal; a floor keeps the damped
        // matrix positive definite, and its step stays 0 because its gradient is 0 too.
        const floor = Math.max(largestDiagonal * 1e-12, 1e-300);
        for (let a = 0; a < n; a++) diagonal[a] = Math.max(at(normal, a * n + a), floor);
        needJacobian = false;
      }
      iterations++;
      if (!factorize(lambda)) {
        lambda *= options.dampingStepUp;
        if (lambda > MAX_DAMPING) {
          reason = 'stalled';
          break;
        }
        continue;
      }
      solve();
      let smallStep = true;
      for (let j = 0; j < n; j++) {
        const value = at(parameters, j);
        const delta = at(step, j);
        trial[j] = value + delta;
        if (Math.abs(delta) > options.stepTolerance * (Math.abs(value) + options.stepTolerance))
          smallStep = false;
      }
      problem.project?.(trial);
      problem.residuals(trial, trialResiduals);
      const trialRss = sumOfSquares(trialResiduals);
      if (trialRss < rss) {
        // Reduction of Σr² the linearisation predicted for this step: −2δᵀg − δᵀ(JᵀJ)δ.
        let predicted = 0;
        for (let a = 0; a < n; a++) {
          let row = 0;
          for (let b = 0; b < n; b++) row += at(normal, a * n + b) * at(step, b);
          predicted -= at(step, a) * (2 * at(gradient, a) + row);
        }
        const negligible =
          rss - trialRss <= options.improvementTolerance * rss &&
          predicted <= options.improvementTolerance * rss;
        parameters.set(trial);
        residuals.set(trialResiduals);
        rss = trialRss;
        lambda = Math.max(lambda / options.dampingStepDown, 1e-15);
        needJacobian = true;
        if (smallStep) {
          reason = 'step';
          break;
        }
        if (negligible) {
          reason = 'improvement';
          break;
        }
      } else {
        if (smallStep) {
          reason = 'step';
          break;
        }
        lambda *= options.dampingStepUp;
        if (lambda > MAX_DAMPING) {
          reason = 'stalled';
          break;
        }
      }
    }
    if (reason === 'max-iterations' && rss <= options.errorTolerance) reason = 'exact-fit';
    const converged =
      reason === 'exact-fit' || reason === 'gradient' || reason === 'step' || reason === 'improvement';
    return { residualSumOfSquares: rss, iterations, converged, reason };
  };

  return { minimize };
}

/**
 * Levenberg–Marquardt nonlinear least squares (see `createLeastSquaresSolver` for the algorithm and its
 * sources): minimises Σ rᵢ(p)² from `initialValues`. Invalid options or a wrong number of initial
 * values are returned as errors, not thrown. A problem with fewer residuals than parameters is still
 * solved: the damping picks a solution near the start among the many that fit.
 *
 * @example
 * // y = a·x + b through (0, −2), (1, 0), (2, 2)
 * levenbergMarquardt({ parameterCount: 2, residualCount: 3, residuals: (p, r) => { ... } }, [1, 0]);
 * // → { ok: true, value: { parameters: [2, −2], residualSumOfSquares: ≈0, … } }
 */
export function levenbergMarquardt(
  problem: LeastSquaresProblem,
  initialValues: ArrayLike<number>,
  options: LevenbergMarquardtOptions = {},
): Result<LeastSquaresSolution, FittingOptionsError> {
  const checked = checkLevenbergMarquardtOptions(options);
  if (!checked.ok) return checked;
  if (initialValues.length !== problem.parameterCount) {
    return err({
      code: 'invalid_initial_values',
      message: `initialValues has ${initialValues.length} values for ${problem.parameterCount} parameters`,
    });
  }
  const parameters = Float64Array.from(initialValues);
  const run = createLeastSquaresSolver(problem.parameterCount, problem.residualCount, checked.value).minimize(
    problem,
    parameters,
  );
  return ok({ parameters, ...run });
}
