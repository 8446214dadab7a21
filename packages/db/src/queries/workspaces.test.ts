import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { auditLog, membership, project } from '../schema';
import { describeOnEachDatabase, rejectsWith, seedUsers } from '../testing';
import { listAuditEntries } from './audit';
import { changeMemberRole, listMembers, removeMember } from './members';
import { createProject } from './projects';
import {
  createWorkspace,
  deleteWorkspace,
  getMembershipRole,
  listWorkspacesForUser,
  renameWorkspace,
} from './workspaces';

describeOnEachDatabase('workspace queries', (getDb) => {
  describe('workspaces', () => {
    it('creates a workspace with its creator as owner, and audits it', async () => {
      const db = getDb();
      const [ada] = await seedUsers(db, [{ name: 'Ada' }]);
      if (!ada) throw new Error('seed failed');
      const ws = await createWorkspace(db, { name: 'Vision', actorId: ada.id });
      expect(ws).toMatchObject({ name: 'Vision', role: 'owner', version: 1, createdBy: ada.id });
      expect(await getMembershipRole(db, { workspaceId: ws.id, userId: ada.id })).toBe('owner');
      expect(await listWorkspacesForUser(db, { userId: ada.id })).toEqual([
        { id: ws.id, name: 'Vision', role: 'owner', createdAt: ws.createdAt },
      ]);
      const audit = await listAuditEntries(db, { workspaceId: ws.id, limit: 10 });
      expect(audit).toMatchObject([
        { action: 'workspace.created', actorId: ada.id, actorName: 'Ada', entityId: ws.id },
      ]);
    });

    it('lists only the workspaces a user belongs to', async () => {
      const db = getDb();
      const [a, b] = await seedUsers(db, [{}, {}]);
      if (!a || !b) throw new Error('seed failed');
      await createWorkspace(db, { name: 'Beta', actorId: a.id });
      await createWorkspace(db, { name: 'Alpha', actorId: a.id });
      await createWorkspace(db, { name: 'Other', actorId: b.id });
      expect((await listWorkspacesForUser(db, { userId: a.id })).map((w) => w.name)).toEqual([
        'Alpha',
        'Beta',
      ]);
      expect(await getMembershipRole(db, { workspaceId: crypto.randomUUID(), userId: a.id })).toBeNull();
    });

    it('renames with optimistic concurrency: a stale version is a conflict, an unknown id not found', async () => {
      const db = getDb();
      const [a] = await seedUsers(db, [{}]);
      if (!a) throw new Error('seed failed');
      const ws = await createWorkspace(db, { name: 'Old', actorId: a.id });
      const renamed = await renameWorkspace(db, {
        workspaceId: ws.id,
        name: 'New',
        version: 1,
        actorId: a.id,
      });
      expect(renamed).toMatchObject({ name: 'New', version: 2 });
      await rejectsWith(
        renameWorkspace(db, { workspaceId: ws.id, name: 'Stale', version: 1, actorId: a.id }),
        'VERSION_CONFLICT',
      );
      await rejectsWith(
        renameWorkspace(db, { workspaceId: crypto.randomUUID(), name: 'X', version: 1, actorId: a.id }),
        'WORKSPACE_NOT_FOUND',
      );
      const audit = await listAuditEntries(db, { workspaceId: ws.id, limit: 10 });
      expect(audit.map((e) => e.action)).toEqual(['workspace.renamed', 'workspace.created']);
      expect(audit[0]?.details).toEqual({ from: 'Old', to: 'New' });
    });

    it('lets exactly one of two concurrent renames at the same version win', async () => {
      const db = getDb();
      const [a] = await seedUsers(db, [{}]);
      if (!a) throw new Error('seed failed');
      const ws = await createWorkspace(db, { name: 'Start', actorId: a.id });
      const results = await Promise.allSettled([
        renameWorkspace(db, { workspaceId: ws.id, name: 'One', version: 1, actorId: a.id }),
        renameWorkspace(db, { workspaceId: ws.id, name: 'Two', version: 1, actorId: a.id }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.filter((r) => r.status === 'rejected');
      expect(rejected).toHaveLength(1);
      expect(rejected[0]?.reason).toSatisfy(
        (error) => error instanceof DomainError && error.code === 'VERSION_CONFLICT',
      );
    });

    it('deletes a workspace with its members and projects but keeps the audit row', async () => {
      const db = getDb();
      const [a] = await seedUsers(db, [{}]);
      if (!a) throw new Error('seed failed');
      const ws = await createWorkspace(db, { name: 'Doomed', actorId: a.id });
      await createProject(db, { workspaceId: ws.id, name: 'P', actorId: a.id });
      await deleteWorkspace(db, { workspaceId: ws.id, actorId: a.id });
      expect(await db.select().from(membership).where(eq(membership.workspaceId, ws.id))).toEqual([]);
      expect(await db.select().from(project).where(eq(project.workspaceId, ws.id))).toEqual([]);
      const kept = await db.select().from(auditLog).where(eq(auditLog.entityId, ws.id));
      expect(kept.map((e) => e.action).sort()).toEqual(['workspace.created', 'workspace.deleted']);
      await rejectsWith(deleteWorkspace(db, { workspaceId: ws.id, actorId: a.id }), 'WORKSPACE_NOT_FOUND');
    });
  });

  describe('members', () => {
    async function workspaceWithMembers() {
      const db = getDb();
      const [owner, editor, viewer] = await seedUsers(db, [
        { name: 'Owner' },
        { name: 'Editor' },
        { name: 'Viewer' },
      ]);
      if (!owner || !editor || !viewer) throw new Error('seed failed');
      const ws = await createWorkspace(db, { name: 'Team', actorId: owner.id });
      await db.insert(membership).values([
        { workspaceId: ws.id, userId: editor.id, role: 'editor' },
        { workspaceId: ws.id, userId: viewer.id, role: 'viewer' },
      ]);
      return { db, ws, owner, editor, viewer };
    }

    it('lists members with their user details', async () => {
      const { db, ws, owner, editor, viewer } = await workspaceWithMembers();
      const members = await listMembers(db, { workspaceId: ws.id });
      expect(members.map((m) => [m.userId, m.role, m.email]).sort()).toEqual(
        [
          [owner.id, 'owner', owner.email],
          [editor.id, 'editor', editor.email],
          [viewer.id, 'viewer', viewer.email],
        ].sort(),
      );
    });

    it('changes roles and refuses to demote the last owner', async () => {
      const { db, ws, owner, editor } = await workspaceWithMembers();
      await rejectsWith(
        changeMemberRole(db, { workspaceId: ws.id, userId: owner.id, role: 'editor', actorId: owner.id }),
        'LAST_OWNER',
      );
      const promoted = await changeMemberRole(db, {
        workspaceId: ws.id,
        userId: editor.id,
        role: 'owner',
        actorId: owner.id,
      });
      expect(promoted.role).toBe('owner');
      // With a second owner, the first may step down.
      await changeMemberRole(db, { workspaceId: ws.id, userId: owner.id, role: 'viewer', actorId: owner.id });
      expect(await getMembershipRole(db, { workspaceId: ws.id, userId: owner.id })).toBe('viewer');
      await rejectsWith(
        changeMemberRole(db, {
          workspaceId: ws.id,
          userId: crypto.randomUUID(),
          role: 'viewer',
          actorId: owner.id,
        }),
        'MEMBER_NOT_FOUND',
      );
      const actions = (await listAuditEntries(db, { workspaceId: ws.id, limit: 10 })).map((e) => e.action);
      expect(actions.filter((a) => a === 'member.role_changed')).toHaveLength(2);
    });

    it('removes members, lets members leave, and refuses to remove the last owner', async () => {
      const { db, ws, owner, editor, viewer } = await workspaceWithMembers();
      await removeMember(db, { workspaceId: ws.id, userId: editor.id, actorId: owner.id });
      await removeMember(db, { workspaceId: ws.id, userId: viewer.id, actorId: viewer.id });
      await rejectsWith(
        removeMember(db, { workspaceId: ws.id, userId: owner.id, actorId: owner.id }),
        'LAST_OWNER',
      );
      expect((await listMembers(db, { workspaceId: ws.id })).map((m) => m.userId)).toEqual([owner.id]);
      const actions = (await listAuditEntries(db, { workspaceId: ws.id, limit: 10 })).map((e) => e.action);
      expect(actions.slice(0, 2)).toEqual(['member.left', 'member.removed']);
    });

    it('never leaves a workspace ownerless when two owners demote each other at once', async () => {
      const { db, ws, owner, editor } = await workspaceWithMembers();
      await changeMemberRole(db, { workspaceId: ws.id, userId: editor.id, role: 'owner', actorId: owner.id });
      const results = await Promise.allSettled([
        changeMemberRole(db, { workspaceId: ws.id, userId: owner.id, role: 'editor', actorId: editor.id }),
        changeMemberRole(db, { workspaceId: ws.id, userId: editor.id, role: 'editor', actorId: owner.id }),
      ]);
      expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
      const owners = (await listMembers(db, { workspaceId: ws.id })).filter((m) => m.role === 'owner');
      expect(owners).toHaveLength(1);
    });
  });
});
