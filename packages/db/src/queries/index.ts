// The queries the other packages call. A module's exports are re-exported whole, but for the three listed by
// name: report, roadmap and share-opens also export helpers that only their sibling modules call.
export * from './agreement';
export * from './agreement-codec';
export * from './api-tokens';
export * from './audit';
export * from './decisions';
export * from './instance';
export * from './invitations';
export * from './members';
export * from './portability';
export * from './portfolio';
export * from './projects';
export {
  createShareLink,
  getPreviousReportVersion,
  getReportVersion,
  hitRateLimit,
  listReportVersions,
  listShareLinks,
  openSharedReport,
  previewSharedReport,
  publishReportVersion,
  type ReportVersionRow,
  type ReportVersionSummary,
  revokeShareLink,
  SHARE_LOOKUP_LIMIT,
  type SharedReport,
  type SharedReportPreview,
  type ShareLinkRow,
} from './report';
export * from './report-inputs';
export {
  type ConflictResolution,
  editProjectRoadmap,
  generateProjectRoadmap,
  getMaturityOverview,
  getMaturitySummary,
  getProjectRoadmap,
  getRoadmapPlanningInputs,
  type MaturityAssessmentRow,
  type MaturityOverview,
  type RoadmapPlanningInputs,
  type RoadmapRow,
  type RoadmapWriteResult,
  resolveRoadmapConflicts,
  saveMaturityAnswers,
  setTargetLevelOverride,
} from './roadmap';
export * from './security';
export { flushShareOpens, SHARE_OPEN_FLUSH_MS } from './share-opens';
export * from './tradeoff';
export * from './worksheet';
export * from './workspaces';
