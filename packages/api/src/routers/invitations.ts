import { invitationPath, linkAt } from '@raisin/core';
import {
  acceptInvitation,
  createInvitation,
  listPendingInvitations,
  previewInvitation,
  revokeInvitation,
} from '@raisin/db';
import type { TRPCRouterRecord } from '@trpc/server';
import { createInvitationInput, invitationTokenInput, revokeInvitationInput } from '../schemas';
import { protectedProcedure, workspaceProcedure } from '../trpc';

export const invitationsRouter = {
  // The raw token is in this response only (and its link, at the address the owner uses or
  // RAISIN_PUBLIC_URL); the database keeps its SHA-256.
  create: workspaceProcedure('owner')
    .input(createInvitationInput)
    .mutation(async ({ ctx, input }) => {
      const created = await createInvitation(ctx.db, {
        workspaceId: ctx.workspaceId,
        email: input.email,
        role: input.role,
        actorId: ctx.user.id,
      });
      return {
        ...created,
        expiresAt: created.expiresAt.toISOString(),
        url: linkAt(ctx.baseUrl, invitationPath(created.token)),
      };
    }),

  list: workspaceProcedure('owner').query(async ({ ctx }) => {
    const pending = await listPendingInvitations(ctx.db, { workspaceId: ctx.workspaceId });
    return pending.map((inv) => ({
      ...inv,
      expiresAt: inv.expiresAt.toISOString(),
      createdAt: inv.createdAt.toISOString(),
    }));
  }),

  revoke: workspaceProcedure('owner')
    .input(revokeInvitationInput)
    .mutation(async ({ ctx, input }) => {
      await revokeInvitation(ctx.db, {
        workspaceId: ctx.workspaceId,
        invitationId: input.invitationId,
        actorId: ctx.user.id,
      });
      return { ok: true as const };
    }),

  // Any signed-in user holding the link may look; only the addressee may accept.
  preview: protectedProcedure.input(invitationTokenInput).query(async ({ ctx, input }) => {
    const preview = await previewInvitation(ctx.db, { token: input.token });
    return {
      workspaceName: preview.workspaceName,
      role: preview.role,
      email: preview.email,
      invitedByName: preview.invitedByName,
      expiresAt: preview.expiresAt.toISOString(),
    };
  }),

  accept: protectedProcedure.input(invitationTokenInput).mutation(async ({ ctx, input }) => {
    const accepted = await acceptInvitation(ctx.db, {
      token: input.token,
      userId: ctx.user.id,
      userEmail: ctx.user.email,
    });
    return { workspaceId: accepted.workspaceId };
  }),
} satisfies TRPCRouterRecord;
