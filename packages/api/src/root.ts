import {
  auditRouter,
  invitationsRouter,
  membersRouter,
  projectsRouter,
  sessionRouter,
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
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process, e.g. `createCaller(createContextInner({ db, user, requestId }))`. */
export const createCaller = createCallerFactory(appRouter);
