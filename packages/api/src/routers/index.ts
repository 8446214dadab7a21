export { auditRouter } from './audit';
export { invitationsRouter } from './invitations';
export { membersRouter } from './members';
export { projectsRouter } from './projects';
export { sessionRouter } from './session';
export { workspacesRouter } from './workspaces';
