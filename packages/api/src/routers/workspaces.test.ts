import { describeOnEachDatabase } from '@raisin/db/testing';
import { describe, expect, it } from 'vitest';
import { callerFor, expectTRPCError, seedCallers, seedTeam } from '../test-support';

describeOnEachDatabase('session, workspaces and members routers', (getDb) => {
  describe('session.me', () => {
    it('returns the signed-in user, or null when anonymous', async () => {
      const db = getDb();
      const [ada] = await seedCallers(db, 1);
      if (!ada) throw new Error('seed failed');
      expect(await ada.caller.session.me()).toEqual({
        user: { id: ada.user.id, email: ada.user.email, name: ada.user.name },
      });
      expect(await callerFor(db, null).session.me()).toEqual({ user: null });
    });
  });

  describe('workspaces', () => {
    it('creates, lists, gets, renames and deletes', async () => {
      const [owner] = await seedCallers(getDb(), 1);
      if (!owner) throw new Error('seed failed');
      const api = owner.caller;
      const created = await api.workspaces.create({ name: '  Vision team  ' });
      expect(created).toEqual({ id: expect.any(String), name: 'Vision team', role: 'owner', version: 1 });
      const list = await api.workspaces.list();
      expect(list).toEqual([
        { id: created.id, name: 'Vision team', role: 'owner', createdAt: expect.any(String) },
      ]);
      expect(new Date(list[0]?.createdAt ?? '').toISOString()).toBe(list[0]?.createdAt);
      const got = await api.workspaces.get({ workspaceId: created.id });
      expect(got).toMatchObject({ id: created.id, name: 'Vision team', role: 'owner', version: 1 });
      const renamed = await api.workspaces.rename({ workspaceId: created.id, name: 'Vision', version: 1 });
      expect(renamed).toMatchObject({ name: 'Vision', version: 2 });
      const conflict = await expectTRPCError(
        api.workspaces.rename({ workspaceId: created.id, name: 'Stale', version: 1 }),
        'CONFLICT',
      );
      expect(conflict.cause).toMatchObject({ code: 'VERSION_CONFLICT' });
      expect(await api.workspaces.delete({ workspaceId: created.id })).toEqual({ ok: true });
      expect(await api.workspaces.list()).toEqual([]);
      await expectTRPCError(api.workspaces.get({ workspaceId: created.id }), 'NOT_FOUND');
    });

    it('rejects bad input with BAD_REQUEST', async () => {
      const [owner] = await seedCallers(getDb(), 1);
      if (!owner) throw new Error('seed failed');
      await expectTRPCError(owner.caller.workspaces.create({ name: '' }), 'BAD_REQUEST');
      await expectTRPCError(owner.caller.workspaces.create({ name: 'x'.repeat(81) }), 'BAD_REQUEST');
      await expectTRPCError(owner.caller.workspaces.get({ workspaceId: 'not-a-uuid' }), 'BAD_REQUEST');
    });
  });

  describe('members', () => {
    const team = () => seedTeam(getDb(), 'Team');

    it('lists members with roles and join dates', async () => {
      const { ws, owner, editor, viewer } = await team();
      const members = await viewer.caller.members.list({ workspaceId: ws.id });
      expect(members.map((m) => [m.userId, m.role]).sort()).toEqual(
        [
          [owner.user.id, 'owner'],
          [editor.user.id, 'editor'],
          [viewer.user.id, 'viewer'],
        ].sort(),
      );
      expect(members.every((m) => typeof m.joinedAt === 'string')).toBe(true);
    });

    it('changes roles, and will not demote the last owner', async () => {
      const { ws, owner, editor } = await team();
      await expectTRPCError(
        owner.caller.members.changeRole({ workspaceId: ws.id, userId: owner.user.id, role: 'viewer' }),
        'CONFLICT',
      );
      const promoted = await owner.caller.members.changeRole({
        workspaceId: ws.id,
        userId: editor.user.id,
        role: 'owner',
      });
      expect(promoted).toMatchObject({ userId: editor.user.id, role: 'owner' });
      expect((await editor.caller.workspaces.get({ workspaceId: ws.id })).role).toBe('owner');
      await expectTRPCError(
        owner.caller.members.changeRole({ workspaceId: ws.id, userId: crypto.randomUUID(), role: 'viewer' }),
        'NOT_FOUND',
      );
    });

    it('lets any member leave, only owners remove others, and never the last owner', async () => {
      const { ws, owner, editor, viewer } = await team();
      await expectTRPCError(
        editor.caller.members.remove({ workspaceId: ws.id, userId: viewer.user.id }),
        'FORBIDDEN',
      );
      expect(await viewer.caller.members.remove({ workspaceId: ws.id, userId: viewer.user.id })).toEqual({
        ok: true,
      });
      await expectTRPCError(viewer.caller.workspaces.get({ workspaceId: ws.id }), 'NOT_FOUND');
      await owner.caller.members.remove({ workspaceId: ws.id, userId: editor.user.id });
      await expectTRPCError(
        owner.caller.members.remove({ workspaceId: ws.id, userId: owner.user.id }),
        'CONFLICT',
      );
      expect((await owner.caller.members.list({ workspaceId: ws.id })).map((m) => m.userId)).toEqual([
        owner.user.id,
      ]);
    });
  });
});
