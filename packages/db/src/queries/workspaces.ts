import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { DomainError } from '../errors';
import { perDatabase } from '../per-database';
import type { Role } from '../roles';
import { membership, workspace } from '../schema';
import { writeAuditEntry } from './audit';
import { updateAtVersion } from './versioned-write';

export type WorkspaceRow = typeof workspace.$inferSelect;

export interface WorkspaceSummary {
  id: string;
  name: string;
  role: Role;
  createdAt: Date;
}

/** The workspaces a user belongs to, with their role in each, by name. */
export async function listWorkspacesForUser(db: Db, params: { userId: string }): Promise<WorkspaceSummary[]> {
  return db
    .select({ id: workspace.id, name: workspace.name, role: membership.role, createdAt: workspace.createdAt })
    .from(membership)
    .innerJoin(workspace, eq(workspace.id, membership.workspaceId))
    .where(eq(membership.userId, params.userId))
    .orderBy(asc(workspace.name), asc(workspace.id));
}

export async function getWorkspace(db: Db, params: { workspaceId: string }): Promise<WorkspaceRow | null> {
  const [row] = await db.select().from(workspace).where(eq(workspace.id, params.workspaceId));
  return row ?? null;
}

/** The user's role in the workspace, or null when they are not a member (or it does not exist). */
// Prepared: every workspace procedure runs it first.
const membershipRoleStatement = perDatabase((db) =>
  db
    .select({ role: membership.role })
    .from(membership)
    .where(
      and(
        eq(membership.workspaceId, sql.placeholder('workspaceId')),
        eq(membership.userId, sql.placeholder('userId')),
      ),
    )
    .prepare('raisin_membership_role'),
);

export async function getMembershipRole(
  db: Db,
  params: { workspaceId: string; userId: string },
): Promise<Role | null> {
  const [row] = await membershipRoleStatement(db).execute(params);
  return row?.role ?? null;
}

/** Creates a workspace whose creator is its first owner. */
export async function createWorkspace(
  db: Db,
  params: { name: string; actorId: string },
): Promise<WorkspaceRow & { role: 'owner' }> {
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(workspace)
      .values({ name: params.name, createdBy: params.actorId })
      .returning();
    if (!created) throw new Error('createWorkspace: insert returned no row');
    await tx.insert(membership).values({ workspaceId: created.id, userId: params.actorId, role: 'owner' });
    await writeAuditEntry(tx, {
      workspaceId: created.id,
      actorId: params.actorId,
      action: 'workspace.created',
      entityType: 'workspace',
      entityId: created.id,
      details: { name: created.name },
    });
    return { ...created, role: 'owner' as const };
  });
}

/** Renames a workspace if `version` is still current; bumps the version. */
export async function renameWorkspace(
  db: Db,
  params: { workspaceId: string; name: string; version: number; actorId: string },
): Promise<WorkspaceRow> {
  return db.transaction(async (tx) => {
    const { after } = await updateAtVersion(tx, {
      table: workspace,
      where: eq(workspace.id, params.workspaceId),
      version: params.version,
      what: 'workspace',
      notFound: () => new DomainError('WORKSPACE_NOT_FOUND', 'Workspace not found'),
      set: { name: params.name, updatedAt: new Date() },
      audit: (before, updated) => ({
        workspaceId: updated.id,
        actorId: params.actorId,
        action: 'workspace.renamed',
        entityType: 'workspace',
        entityId: updated.id,
        details: { from: before.name, to: updated.name },
      }),
    });
    return after;
  });
}

/** Deletes a workspace and, by cascade, its memberships, invitations and projects. */
export async function deleteWorkspace(
  db: Db,
  params: { workspaceId: string; actorId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(workspace)
      .where(eq(workspace.id, params.workspaceId))
      .returning({ id: workspace.id, name: workspace.name });
    if (!deleted) throw new DomainError('WORKSPACE_NOT_FOUND', 'Workspace not found');
    // Written after the delete with no workspace id: the row outlives the workspace it names.
    await writeAuditEntry(tx, {
      workspaceId: null,
      actorId: params.actorId,
      action: 'workspace.deleted',
      entityType: 'workspace',
      entityId: deleted.id,
      details: { name: deleted.name },
    });
  });
}
