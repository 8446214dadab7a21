import { getWorkspacePortfolio } from '@raisin/db';
import type { TRPCRouterRecord } from '@trpc/server';
import { workspaceProcedure } from '../trpc';

export const portfolioRouter = {
  /**
   * Every active project of the workspace with its verdict and reasons, ceiling, target, time to target,
   * best angle and its net value, MLOps levels and latest published version, and the inputs it lacks.
   */
  list: workspaceProcedure('viewer').query(({ ctx }) =>
    getWorkspacePortfolio(ctx.db, { workspaceId: ctx.workspaceId }),
  ),
} satisfies TRPCRouterRecord;
