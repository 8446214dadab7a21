/** The agreement engine: parse a labeled sample (parse/), then compute its agreement report. */
export { alphaBand, kappaBand } from './bands';
export {
  bootstrapDistributions,
  type PercentileInterval,
  percentileInterval,
  type ResampledStatistic,
} from './bootstrap';
export { type CoefficientRow, coefficientRows } from './coefficient-rows';
export { AGREEMENT_DEFAULTS, computeAgreement } from './compute-agreement';
export { computeConfusionMatrix } from './diagnostics';
export { itemCountOf, itemName } from './item-names';
export { type AgreementJson, isBelowThreshold, toAgreementJson } from './json-output';
export * from './parse';
export * from './types';
