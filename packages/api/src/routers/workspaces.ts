import {
  createWorkspace,
  DomainError,
  deleteWorkspace,
  getWorkspace,
  listWorkspacesForUser,
  type Role,
  renameWorkspace,
  type WorkspaceRow,
} from '@raisin/db';
import type { TRPCRouterRecord } from '@trpc/server';
import { createWorkspaceInput, renameWorkspaceInput } from '../schemas';
import { protectedProcedure, workspaceProcedure } from '../trpc';

// Plain JSON on the wire (no transformer): dates travel as ISO strings, so the types say so.
function toWorkspaceDto(row: WorkspaceRow, role: Role) {
  return { id: row.id, name: row.name, role, version: row.version, createdAt: row.createdAt.toISOString() };
}

export const workspacesRouter = {
  list: protectedProcedure.query(async ({ ctx }) => {
    const rows = await listWorkspacesForUser(ctx.db, { userId: ctx.user.id });
    return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
  }),

  create: protectedProcedure.input(createWorkspaceInput).mutation(async ({ ctx, input }) => {
    const created = await createWorkspace(ctx.db, { name: input.name, actorId: ctx.user.id });
    return { id: created.id, name: created.name, role: created.role, version: created.version };
  }),

  get: workspaceProcedure('viewer').query(async ({ ctx }) => {
    const row = await getWorkspace(ctx.db, { workspaceId: ctx.workspaceId });
    if (!row) throw new DomainError('WORKSPACE_NOT_FOUND', 'Workspace not found');
    return toWorkspaceDto(row, ctx.role);
  }),

  rename: workspaceProcedure('owner')
    .input(renameWorkspaceInput)
    .mutation(async ({ ctx, input }) => {
      const row = await renameWorkspace(ctx.db, {
        workspaceId: ctx.workspaceId,
        name: input.name,
        version: input.version,
        actorId: ctx.user.id,
      });
      return toWorkspaceDto(row, ctx.role);
    }),

  delete: workspaceProcedure('owner').mutation(async ({ ctx }) => {
    await deleteWorkspace(ctx.db, { workspaceId: ctx.workspaceId, actorId: ctx.user.id });
    return { ok: true as const };
  }),
} satisfies TRPCRouterRecord;
