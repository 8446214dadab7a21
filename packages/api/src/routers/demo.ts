import { isInstanceEmpty } from '@raisin/db';
import type { TRPCRouterRecord } from '@trpc/server';
import { createDemo } from '../demo';
import { protectedProcedure, publicProcedure } from '../trpc';

export const demoRouter = {
  /**
   * Whether the instance has no workspace yet, so the sign-up page can offer the demo by default. Public,
   * and a yes/no only: it reveals nothing about who uses the instance.
   */
  instance: publicProcedure.query(async ({ ctx }) => ({ empty: await isInstanceEmpty(ctx.db) })),

  /** Creates a new demo workspace owned by the caller, with the complete demo project (`createDemo`). */
  create: protectedProcedure.mutation(({ ctx }) =>
    createDemo(ctx.db, ctx.user, { agreementScorer: ctx.agreementScorer, baseUrl: ctx.baseUrl }),
  ),
} satisfies TRPCRouterRecord;
