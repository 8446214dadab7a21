import { err, ok, type Result } from '../shared';
import type {
  CheckedLevenbergMarquardtOptions,
  FittingOptionsError,
  LevenbergMarquardtOptions,
} from './types';

export const LEVENBERG_MARQUARDT_DEFAULTS: CheckedLevenbergMarquardtOptions = {
  damping: 1e-3,
  dampingStepUp: 10,
  dampingStepDown: 10,
  maxIterations: 100,
  errorTolerance: 1e-20,
  gradientTolerance: 1e-12,
  stepTolerance: 1e-10,
  improvementTolerance: 1e-10,
  gradientDifference: 1e-7,
  centralDifference: false,
};

/**
 * Fills in the defaults and checks every option once, so the solver's inner loop trusts them
 * (after mljs/levenberg-marquardt `src/check_options.ts`, returning an error as data instead of throwing).
 */
export function checkLevenbergMarquardtOptions(
  options: LevenbergMarquardtOptions = {},
): Result<CheckedLevenbergMarquardtOptions, FittingOptionsError> {
  const checked: CheckedLevenbergMarquardtOptions = { ...LEVENBERG_MARQUARDT_DEFAULTS, ...options };
  const positive = ['damping', 'gradientDifference'] as const;
  for (const option of positive) {
    if (!(checked[option] > 0 && Number.isFinite(checked[option]))) {
      return err({ code: 'invalid_option', option, message: `${option} must be a positive number` });
    }
  }
  for (const option of ['dampingStepUp', 'dampingStepDown'] as const) {
    if (!(checked[option] > 1 && Number.isFinite(checked[option]))) {
      return err({ code: 'invalid_option', option, message: `${option} must be a number greater than 1` });
    }
  }
  for (const option of [
    'errorTolerance',
    'gradientTolerance',
    'stepTolerance',
    'improvementTolerance',
  ] as const) {
    if (!(checked[option] >= 0 && Number.isFinite(checked[option]))) {
      return err({ code: 'invalid_option', option, message: `${option} must be a non-negative number` });
    }
  }
  if (!(Number.isInteger(checked.maxIterations) && checked.maxIterations >= 1)) {
    return err({
      code: 'invalid_option',
      option: 'maxIterations',
      message: 'maxIterations must be a positive integer',
    });
  }
  return ok(checked);
}
