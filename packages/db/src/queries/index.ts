export { type AuditEntry, type AuditEntryInput, listAuditEntries, writeAuditEntry } from './audit';
export {
  acceptInvitation,
  type CreatedInvitation,
  createInvitation,
  generateInvitationToken,
  hashInvitationToken,
  INVITATION_TTL_MS,
  type InvitationPreview,
  listPendingInvitations,
  normalizeEmail,
  type PendingInvitation,
  previewInvitation,
  revokeInvitation,
} from './invitations';
export { changeMemberRole, listMembers, type Member, removeMember } from './members';
export {
  createProject,
  getProject,
  listProjects,
  type ProjectRow,
  setProjectArchived,
  updateProject,
} from './projects';
export {
  clearFailedSignIns,
  countRecentFailedSignIns,
  getOrCreateSecret,
  recordFailedSignIn,
} from './security';
export {
  createWorkspace,
  deleteWorkspace,
  getMembershipRole,
  getWorkspace,
  listWorkspacesForUser,
  renameWorkspace,
  versionConflict,
  type WorkspaceRow,
  type WorkspaceSummary,
} from './workspaces';
