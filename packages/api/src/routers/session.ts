import type { TRPCRouterRecord } from '@trpc/server';
import { publicProcedure } from '../trpc';

export const sessionRouter = {
  me: publicProcedure.query(({ ctx }) => ({
    user: ctx.user ? { id: ctx.user.id, email: ctx.user.email, name: ctx.user.name } : null,
  })),
} satisfies TRPCRouterRecord;
