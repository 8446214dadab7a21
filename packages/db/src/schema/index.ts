export { agreementSample, agreementSampleData } from './agreement';
export { API_TOKEN_ROLES, type ApiTokenRole, apiToken } from './api-tokens';
export { type AuditDetails, auditLog } from './audit';
export { account, rateLimit, session, user, verification } from './auth';
export { project } from './projects';
export {
  REPORT_DECISIONS,
  type ReportDecisionKind,
  reportDecision,
  reportShareLink,
  reportVersion,
} from './report';
export { maturityAssessment, roadmap } from './roadmap';
export { appSecret, signInAttempt } from './security';
export {
  attackAngle,
  measuredPoint,
  type TradeoffSettings,
  type TradeoffValueSettings,
  tradeoffSettings,
  tradeoffSummary,
} from './tradeoff';
export { worksheetAnswer, worksheetAnswerHistory } from './worksheet';
export { invitation, membership, workspace } from './workspaces';
