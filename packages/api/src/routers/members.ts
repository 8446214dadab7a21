import { changeMemberRole, listMembers, type Member, removeMember } from '@raisin/db';
import type { TRPCRouterRecord } from '@trpc/server';
import { changeRoleInput } from '../schemas';
import { memberProcedure, workspaceProcedure } from '../trpc';

function toMemberDto(member: Member) {
  return { ...member, joinedAt: member.joinedAt.toISOString() };
}

export const membersRouter = {
  list: workspaceProcedure('viewer').query(async ({ ctx }) => {
    const members = await listMembers(ctx.db, { workspaceId: ctx.workspaceId });
    return members.map(toMemberDto);
  }),

  changeRole: workspaceProcedure('owner')
    .input(changeRoleInput)
    .mutation(async ({ ctx, input }) => {
      const member = await changeMemberRole(ctx.db, {
        workspaceId: ctx.workspaceId,
        userId: input.userId,
        role: input.role,
        actorId: ctx.user.id,
      });
      return toMemberDto(member);
    }),

  // Owners remove anyone; any member may remove themself (leave).
  remove: memberProcedure('owner').mutation(async ({ ctx, input }) => {
    await removeMember(ctx.db, { workspaceId: ctx.workspaceId, userId: input.userId, actorId: ctx.user.id });
    return { ok: true as const };
  }),
} satisfies TRPCRouterRecord;
