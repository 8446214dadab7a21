import { createApiToken, listApiTokens, revokeApiToken } from '@raisin/db';
import type { TRPCRouterRecord } from '@trpc/server';
import { createApiTokenInput, revokeApiTokenInput } from '../schemas';
import { workspaceProcedure } from '../trpc';

const iso = (date: Date | null) => date?.toISOString() ?? null;

/**
 * API tokens of a workspace, for jobs that call the REST API (`Authorization: Bearer <token>`). Editors
 * and owners manage them; a token's role is at most its creator's (editor or viewer).
 */
export const apiTokensRouter = {
  /** The token is in this response only; the database keeps its SHA-256. */
  create: workspaceProcedure('editor')
    .input(createApiTokenInput)
    .mutation(async ({ ctx, input }) =>
      createApiToken(ctx.db, {
        workspaceId: ctx.workspaceId,
        name: input.name,
        role: input.role,
        expiresAt: input.expiresAt === undefined ? null : new Date(input.expiresAt),
        actorId: ctx.user.id,
        actorRole: ctx.role,
      }),
    ),

  list: workspaceProcedure('editor').query(async ({ ctx }) =>
    (await listApiTokens(ctx.db, { workspaceId: ctx.workspaceId })).map((token) => ({
      ...token,
      createdAt: token.createdAt.toISOString(),
      expiresAt: iso(token.expiresAt),
      lastUsedAt: iso(token.lastUsedAt),
      revokedAt: iso(token.revokedAt),
    })),
  ),

  revoke: workspaceProcedure('editor')
    .input(revokeApiTokenInput)
    .mutation(async ({ ctx, input }) => {
      await revokeApiToken(ctx.db, {
        workspaceId: ctx.workspaceId,
        tokenId: input.tokenId,
        actorId: ctx.user.id,
      });
      return { revoked: input.tokenId };
    }),
} satisfies TRPCRouterRecord;
