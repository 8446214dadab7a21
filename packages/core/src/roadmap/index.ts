/**
 * Roadmap and MLOps maturity: the self-assessment, the target level, the working calendar, roadmap
 * generation, edits and exports. Levels and phases follow Google Cloud, "MLOps: Continuous delivery and
 * automation pipelines in machine learning"
 * (cloud.google.com/architecture/mlops-continuous-delivery-and-automation-pipelines-in-machine-learning).
 */
export { applyRoadmapEdit, type RoadmapEdit, type RoadmapEditType } from './apply-edit';
export {
  addWorkingDays,
  type CalendarError,
  createWorkingCalendar,
  formatIsoCalendarDate,
  type IsoCalendarDate,
  parseIsoCalendarDate,
  type Weekday,
  type WorkingCalendar,
  workingDaysBetween,
} from './calendar';
export {
  addMilestone,
  addPhase,
  type MergeConflict,
  type MergeResult,
  mergeRegenerated,
  movePhase,
  type NewPhase,
  type RoadmapEditResult,
  removeMilestone,
  removePhase,
  renameMilestone,
  renamePhase,
  resolveConflict,
  setPhaseDependencies,
  setPhaseDescription,
  setPhaseEstimate,
} from './edit-roadmap';
export {
  escapeText as escapeICalendarText,
  foldLine as foldICalendarLine,
  type ICalendarOptions,
  ROADMAP_CSV_COLUMNS,
  type RoadmapCsvColumn,
  type RoadmapCsvRow,
  roadmapCsvRows,
  roadmapToCsv,
  roadmapToICalendar,
  roadmapToMarkdown,
} from './export';
export {
  DEFAULT_PHASE_ESTIMATES,
  type GenerateRoadmapInput,
  generateRoadmap,
  type RoadmapEstimates,
  roadmapPhaseKinds,
} from './generate-roadmap';
export {
  assessMaturity,
  isItemSatisfied,
  MATURITY_ITEMS,
  MATURITY_ITEMS_VERSION,
  MATURITY_SECTIONS,
  type MaturityAnswer,
  type MaturityAnswers,
  type MaturityAssessment,
  type MaturityItem,
  type MaturityLevel,
  type MaturitySection,
  type MaturitySectionId,
  type MaturitySectionSummary,
  PHASE_KINDS,
  type PhaseKind,
  unsatisfiedItems,
} from './maturity-items';
export {
  type DurationPercentiles,
  durationPercentiles,
  type EstimateError,
  MAX_PHASE_WORKING_DAYS,
  type PhaseDurationEstimate,
  validateDurationEstimate,
} from './phase-duration';
export {
  nextMonday,
  roadmapEstimatesFromTradeoff,
  roadmapTimeToTargetIsCurrent,
  SINGLE_POINT_SPREAD,
  TARGET_LEVEL_QUESTIONS,
  type TradeoffEstimateSummary,
  targetLevelInputsFromWorksheet,
  WORKING_DAYS_PER_CALENDAR_DAY,
} from './planning-inputs';
export { scheduleRoadmap } from './schedule';
export {
  MANY_MODELS_LEVEL_1,
  MANY_MODELS_LEVEL_2,
  type RetrainingCadence,
  recommendTargetLevel,
  type Severity,
  type TargetLevelError,
  type TargetLevelInputs,
  type TargetLevelOverride,
  type TargetLevelRecommendation,
} from './target-level';
export {
  EDITABLE_FIELDS,
  type EditableField,
  type GeneratedPhaseValues,
  type PhaseSchedule,
  type Roadmap,
  type RoadmapError,
  type RoadmapErrorCode,
  type RoadmapMilestone,
  type RoadmapPhase,
  type RoadmapPhasePlan,
  type RoadmapPlan,
  type TargetQualityDates,
} from './types';
