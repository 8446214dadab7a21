/** The agreement engine: parse a labeled sample (parse/), then compute its agreement report. */

export {
  type AnnotationIntervals,
  type AnnotationIntervalsElsewhere,
  type AnnotationIntervalsRequest,
  type BootstrapThreads,
  computeAnnotationIntervals,
  SHARED_ANNOTATOR_LEVELS_MIN,
} from './agreement-intervals';
export {
  type AnnotationAnswer,
  type AnswerPort,
  answerAnnotationRequests,
  askAnnotationIntervals,
} from './annotation-thread';
export { alphaBand, type BandScale, bandScaleOf, describeBand, kappaBand } from './bands';
export {
  bootstrapDistributions,
  type PercentileInterval,
  percentileInterval,
  type ResampledStatistic,
} from './bootstrap';
export { ceilingMetricName, isAccuracyCeiling } from './ceiling-metric';
export { type CoefficientRow, coefficientRows } from './coefficient-rows';
export { AGREEMENT_DEFAULTS, computeAgreement } from './compute-agreement';
export { computeFramedAgreement } from './compute-framed-agreement';
export { ICC_FORMS } from './continuous/icc';
export { computeConfusionMatrix } from './diagnostics';
export {
  type Box,
  describeFraming,
  FRAMINGS,
  type FramedSample,
  type Framing,
  type HumanCeilingMetric,
  isFraming,
  type RankedObject,
  type Span,
  type UnitAnnotation,
  type UnitSample,
} from './framing';
export { framingMismatch } from './framing-fit';
export { type FramingRow, type FramingRows, framingRows } from './framing-rows';
export { itemCountOf, itemName } from './item-names';
export { type AgreementJson, isBelowThreshold, toAgreementJson } from './json-output';
export { canonicalComparison, type PairwiseAnswer } from './pairwise/canonical';
export * from './parse';
export * from './types';
