export { type AuditDetails, auditLog } from './audit';
export { account, rateLimit, session, user, verification } from './auth';
export { project } from './projects';
export { appSecret, signInAttempt } from './security';
export { invitation, membership, workspace } from './workspaces';
