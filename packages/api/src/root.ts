import {
  agreementRouter,
  apiTokensRouter,
  auditRouter,
  demoRouter,
  invitationsRouter,
  membersRouter,
  portabilityRouter,
  portfolioRouter,
  projectsRouter,
  reportRouter,
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
  apiTokens: apiTokensRouter,
  invitations: invitationsRouter,
  projects: projectsRouter,
  portability: portabilityRouter,
  portfolio: portfolioRouter,
  audit: auditRouter,
  demo: demoRouter,
  agreement: agreementRouter,
  worksheet: worksheetRouter,
  roadmap: roadmapRouter,
  tradeoff: tradeoffRouter,
  report: reportRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process, e.g. `createCaller(createContextInner({ db, user, requestId }))`. */
export const createCaller = createCallerFactory(appRouter);
