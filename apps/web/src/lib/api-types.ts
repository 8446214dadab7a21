import type { inferOutput } from '@trpc/tanstack-react-query';
import type { trpc } from './trpc';

// Shapes come from the server's router, so a contract change is a type error here, not a runtime surprise.
export type Workspace = inferOutput<typeof trpc.workspaces.get>;
export type WorkspaceSummary = inferOutput<typeof trpc.workspaces.list>[number];
export type Member = inferOutput<typeof trpc.members.list>[number];
export type PendingInvitation = inferOutput<typeof trpc.invitations.list>[number];
export type Project = inferOutput<typeof trpc.projects.get>;
export type ProjectSummary = inferOutput<typeof trpc.projects.list>[number];
export type ApiToken = inferOutput<typeof trpc.apiTokens.list>[number];
export type PortfolioRowDto = inferOutput<typeof trpc.portfolio.list>[number];
