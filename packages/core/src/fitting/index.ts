export { checkLevenbergMarquardtOptions, LEVENBERG_MARQUARDT_DEFAULTS } from './check-options';
export {
  createLeastSquaresSolver,
  type LeastSquaresSolver,
  levenbergMarquardt,
  type SolverRun,
} from './levenberg-marquardt';
export {
  CURVE_PARAMETER,
  createLinearisedRefit,
  LINEARISED_REFIT_DAMPING,
  type LinearisedRefit,
} from './linearised-refit';
export {
  type CurveFit,
  type CurveFitError,
  type CurveFitOptions,
  type CurveFitter,
  type CurveFitWarning,
  type CurvePoint,
  createCurveFitter,
  DEFAULT_FIXED_STEEPNESS,
  evaluateCurve,
  fitTimeQualityCurve,
  initialCurve,
  MIN_EFFORTS_FOR_FREE_STEEPNESS,
  STEEPNESS_BOUNDS,
  type TimeQualityCurve,
  type TimeToReach,
  timeToReach,
} from './time-quality-curve';
export type {
  CheckedLevenbergMarquardtOptions,
  FittingOptionsError,
  LeastSquaresProblem,
  LeastSquaresSolution,
  LevenbergMarquardtOptions,
  StopReason,
} from './types';
