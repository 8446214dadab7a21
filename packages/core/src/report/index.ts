export { collectAssumptions } from './assumptions';
export {
  buildReportSnapshot,
  type ReportInputs,
  type ReportProvenance,
  type ReportSampleInput,
} from './build';
export {
  DECISION_LABELS,
  type DecisionWording,
  describeDecision,
  describeDecisionLine,
  expectedDeciders,
  MAX_DECISION_COMMENT_LENGTH,
  MAX_DECISION_NAME_LENGTH,
  pendingDeciders,
  REPORT_DECISIONS,
  type ReportDecisionKind,
  type ReportDecisionLine,
} from './decisions';
export { describeDayShift, diffSnapshots, type ReportDiff, type ReportSectionDiff } from './diff';
export { emptyReportSnapshot, exampleReportSnapshot } from './fixtures';
export {
  ceilingMetricSuffix,
  formatMoney,
  formatReportTarget,
  formatValue,
  headlineLine,
} from './render-format';
export { escapeHtml, renderReportHtml } from './render-html';
export { escapeMarkdown, renderReportMarkdown } from './render-markdown';
export { type ReportRenderOptions, tradeoffScaleOf } from './report-document';
export {
  type EmptyReportSection,
  isReadySection,
  REPORT_SCHEMA_VERSION,
  REPORT_SECTION_KEYS,
  REPORT_SECTION_TITLES,
  type ReportAgreementSection,
  type ReportAssumption,
  type ReportAssumptionSource,
  type ReportCoefficient,
  type ReportFindingEffect,
  type ReportInterval,
  type ReportMaturityLevel,
  type ReportMaturitySection,
  type ReportMilestone,
  type ReportRisk,
  type ReportRoadmapSection,
  type ReportSectionKey,
  type ReportSections,
  type ReportSnapshot,
  type ReportSummary,
  type ReportTradeoffSection,
  type ReportVerdict,
  type ReportVerdictReason,
  type ReportVersionInfo,
  type ReportWorksheetAnswer,
  type ReportWorksheetSection,
} from './snapshot';
