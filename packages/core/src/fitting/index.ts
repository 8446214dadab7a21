export * from './check-options';
export * from './levenberg-marquardt';
export {
  CURVE_PARAMETER,
  createLinearisedRefit,
  LINEARISED_REFIT_DAMPING,
  type LinearisedRefit,
} from './linearised-refit';
export * from './time-quality-curve';
export type * from './types';
