import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { DomainError } from '../errors';
import type { Role } from '../roles';
import { membership, user, workspace } from '../schema';
import { writeAuditEntry } from './audit';

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: Date;
}

const memberColumns = {
  userId: membership.userId,
  email: user.email,
  name: user.name,
  role: membership.role,
  joinedAt: membership.createdAt,
};

export async function listMembers(db: Db, params: { workspaceId: string }): Promise<Member[]> {
  return db
    .select(memberColumns)
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(eq(membership.workspaceId, params.workspaceId))
    .orderBy(asc(membership.createdAt), asc(user.email));
}

async function getMember(db: Db, params: { workspaceId: string; userId: string }): Promise<Member | null> {
  const [row] = await db
    .select(memberColumns)
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(and(eq(membership.workspaceId, params.workspaceId), eq(membership.userId, params.userId)));
  return row ?? null;
}

/**
 * Locks the workspace row for the rest of the transaction, so concurrent role changes and removals
 * in one workspace run one after another and cannot together remove its last owner.
 */
async function lockWorkspace(db: Db, workspaceId: string): Promise<void> {
  const [row] = await db
    .select({ id: workspace.id })
    .from(workspace)
    .where(eq(workspace.id, workspaceId))
    .for('update');
  if (!row) throw new DomainError('WORKSPACE_NOT_FOUND', 'Workspace not found');
}

async function countOwners(db: Db, workspaceId: string): Promise<number> {
  const owners = await db
    .select({ userId: membership.userId })
    .from(membership)
    .where(and(eq(membership.workspaceId, workspaceId), eq(membership.role, 'owner')));
  return owners.length;
}

/** Changes a member's role; refuses to demote the last owner. */
export async function changeMemberRole(
  db: Db,
  params: { workspaceId: string; userId: string; role: Role; actorId: string },
): Promise<Member> {
  return db.transaction(async (tx) => {
    await lockWorkspace(tx, params.workspaceId);
    const member = await getMember(tx, params);
    if (!member) throw new DomainError('MEMBER_NOT_FOUND', 'Member not found');
    if (member.role === params.role) return member;
    if (member.role === 'owner' && (await countOwners(tx, params.workspaceId)) <= 1) {
      throw new DomainError('LAST_OWNER', 'A workspace needs at least one owner; promote someone else first');
    }
    await tx
      .update(membership)
      .set({ role: params.role })
      .where(and(eq(membership.workspaceId, params.workspaceId), eq(membership.userId, params.userId)));
    await writeAuditEntry(tx, {
      workspaceId: params.workspaceId,
      actorId: params.actorId,
      action: 'member.role_changed',
      entityType: 'membership',
      entityId: params.userId,
      details: { email: member.email, from: member.role, to: params.role },
    });
    return { ...member, role: params.role };
  });
}

/** Removes a member (or lets a member leave); refuses to remove the last owner. */
export async function removeMember(
  db: Db,
  params: { workspaceId: string; userId: string; actorId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockWorkspace(tx, params.workspaceId);
    const member = await getMember(tx, params);
    if (!member) throw new DomainError('MEMBER_NOT_FOUND', 'Member not found');
    if (member.role === 'owner' && (await countOwners(tx, params.workspaceId)) <= 1) {
      throw new DomainError('LAST_OWNER', 'The last owner cannot leave; make someone else owner first');
    }
    await tx
      .delete(membership)
      .where(and(eq(membership.workspaceId, params.workspaceId), eq(membership.userId, params.userId)));
    await writeAuditEntry(tx, {
      workspaceId: params.workspaceId,
      actorId: params.actorId,
      action: params.actorId === params.userId ? 'member.left' : 'member.removed',
      entityType: 'membership',
      entityId: params.userId,
      details: { email: member.email, role: member.role },
    });
  });
}
