export {
  analyzeTradeoff,
  summarizeTradeoff,
  type TradeoffAnalysis,
  type TradeoffSummary,
} from './analyze';
export {
  betaDensity,
  betaQuantile,
  logBeta,
  logGamma,
  regularizedIncompleteBeta,
  sampleBeta,
  sampleGamma,
  sampleStandardNormal,
} from './beta-distribution';
export {
  DAYS_PER_UNIT,
  DURATION_UNITS,
  type Duration,
  type DurationParseError,
  type DurationUnit,
  daysToDuration,
  duration,
  durationToDays,
  logTimeTicks,
  parseDuration,
  type TimeAxisTick,
} from './durations';
export { explainEstimatesAboveCeiling, explainHeldAtEstimates, explainUnreachedTarget } from './explain';
export {
  type CeilingSource,
  daysBetween,
  type ResolvedTradeoffInputs,
  referenceCeilingOnMetric,
  resolveTradeoffInputs,
  type StoredAttackAngle,
  type StoredMeasuredPoint,
  type TradeoffComputationSettings,
} from './inputs';
export {
  createPertSampler,
  effortQuantile,
  effortShape,
  logEstimate,
  PERT_LAMBDA,
  PERT_TABLE_SIZE,
  type PertSampler,
  type PertShape,
  pertMean,
  pertQuantile,
  pertShape,
  pertStandardDeviation,
  pertVariance,
  sampleEffort,
  samplePert,
  samplePertShape,
  type ThreePointEstimate,
} from './pert';
export {
  analyzeRoi,
  type RoiAnalysis,
  type RoiError,
  type RoiOptions,
  type RoiRow,
  type RoiSensitivity,
  type SensitivityScenario,
  type ValueModel,
} from './roi';
export {
  adoptedAngleName,
  EXAMPLE_NAME_PREFIX,
  isExampleAngleName,
  seedAttackAngles,
} from './seed';
export {
  DEFAULT_TRADEOFF_SETTINGS,
  type TradeoffSettings,
  type TradeoffValueSettings,
  validateTradeoffSettings,
} from './settings';
export {
  type EstimatesReachTarget,
  type FanBand,
  MEASURED_POINT_WEIGHT,
  probabilityByDate,
  SIMULATION_DEFAULTS,
  SIMULATION_METHODS,
  type SimulationError,
  type SimulationMethod,
  type SimulationOptions,
  type SimulationWarning,
  simulateTradeoff,
  type TimeToTargetPercentiles,
  type TradeoffSimulation,
} from './simulate';
export {
  describeTarget,
  type ResolvedTarget,
  resolveTarget,
  type TargetSource,
} from './target';
export type { AttackAngle, CostRate, EffortEstimate, MeasuredPoint } from './types';
export {
  latestMeasurementDate,
  type QualityRange,
  type TradeoffInputIssue,
  validateAttackAngle,
  validateMeasuredOn,
  validateTradeoffInputs,
} from './validate';
