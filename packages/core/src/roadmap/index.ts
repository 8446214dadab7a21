/**
 * Roadmap and MLOps maturity: the self-assessment, the target level, the working calendar, roadmap
 * generation, edits and exports. Levels and phases follow Google Cloud, "MLOps: Continuous delivery and
 * automation pipelines in machine learning"
 * (cloud.google.com/architecture/mlops-continuous-delivery-and-automation-pipelines-in-machine-learning).
 */
export * from './apply-edit';
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
export * from './edit-roadmap';
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
export * from './generate-roadmap';
export * from './maturity-items';
export * from './phase-duration';
export * from './planning-inputs';
export * from './schedule';
export * from './target-level';
export * from './types';
