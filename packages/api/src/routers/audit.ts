import { listAuditEntries } from '@raisin/db';
import type { TRPCRouterRecord } from '@trpc/server';
import { auditListInput } from '../schemas';
import { workspaceProcedure } from '../trpc';

const DEFAULT_AUDIT_LIMIT = 50;

export const auditRouter = {
  list: workspaceProcedure('viewer')
    .input(auditListInput)
    .query(async ({ ctx, input }) => {
      const entries = await listAuditEntries(ctx.db, {
        workspaceId: ctx.workspaceId,
        limit: input.limit ?? DEFAULT_AUDIT_LIMIT,
      });
      return entries.map((entry) => ({ ...entry, at: entry.at.toISOString() }));
    }),
} satisfies TRPCRouterRecord;
