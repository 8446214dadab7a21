import {
  agreementRouter,
  auditRouter,
  invitationsRouter,
  membersRouter,
  projectsRouter,
  roadmapRouter,
  sessionRouter,
  tradeoffRouter,
  worksheetRouter,
  workspacesRouter,
} from './routers';
import { createCallerFactory, createTRPCRouter } from './trpc';

export const appRouter = createTRPCRouter({
  session: sessionRouter,
  workspaces: workspacesRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  projects: projectsRouter,
  audit: auditRouter,
  agreement: agreementRouter,
  worksheet: worksheetRouter,
  roadmap: roadmapRouter,
  tradeoff: tradeoffRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process, e.g. `createCaller(createContextInner({ db, user, requestId }))`. */
export const createCaller = createCallerFactory(appRouter);
