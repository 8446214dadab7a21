import { describeOnEachDatabase } from '@raisin/db/testing';
import { expect, it } from 'vitest';
import { expectTRPCError, joinWorkspace, seedCallers } from '../test-support';

describeOnEachDatabase('projects and audit routers', (getDb) => {
  async function setup() {
    const [owner, editor] = await seedCallers(getDb(), 2);
    if (!owner || !editor) throw new Error('seed failed');
    const ws = await owner.caller.workspaces.create({ name: 'ML' });
    await joinWorkspace(owner, editor, ws.id, 'editor');
    return { ws, owner, editor };
  }

  it('creates, gets with the caller role, lists, updates and archives', async () => {
    const { ws, owner, editor } = await setup();
    const p = await editor.caller.projects.create({
      workspaceId: ws.id,
      name: 'Ticket triage',
      description: 'Route',
    });
    expect(p).toMatchObject({
      workspaceId: ws.id,
      name: 'Ticket triage',
      description: 'Route',
      archived: false,
      version: 1,
      createdBy: editor.user.id,
      updatedBy: editor.user.id,
    });
    expect(await owner.caller.projects.get({ projectId: p.id })).toEqual({ ...p, role: 'owner' });
    expect((await editor.caller.projects.get({ projectId: p.id })).role).toBe('editor');
    const updated = await owner.caller.projects.update({ projectId: p.id, version: 1, name: 'Triage' });
    expect(updated).toMatchObject({
      name: 'Triage',
      description: 'Route',
      version: 2,
      updatedBy: owner.user.id,
    });
    const archived = await editor.caller.projects.setArchived({
      projectId: p.id,
      version: 2,
      archived: true,
    });
    expect(archived).toMatchObject({ archived: true, version: 3 });
    expect(await owner.caller.projects.list({ workspaceId: ws.id })).toEqual([]);
    expect(await owner.caller.projects.list({ workspaceId: ws.id, includeArchived: true })).toEqual([
      archived,
    ]);
  });

  it('answers a stale version with CONFLICT, for edits and archiving alike', async () => {
    const { ws, owner, editor } = await setup();
    const p = await editor.caller.projects.create({ workspaceId: ws.id, name: 'Shared' });
    await owner.caller.projects.update({ projectId: p.id, version: 1, description: 'first' });
    const error = await expectTRPCError(
      editor.caller.projects.update({ projectId: p.id, version: 1, description: 'second' }),
      'CONFLICT',
    );
    expect(error.message).toMatch(/version 2/);
    await expectTRPCError(
      editor.caller.projects.setArchived({ projectId: p.id, version: 1, archived: true }),
      'CONFLICT',
    );
    expect((await editor.caller.projects.get({ projectId: p.id })).description).toBe('first');
  });

  it('rejects over-long names and descriptions', async () => {
    const { ws, editor } = await setup();
    await expectTRPCError(
      editor.caller.projects.create({ workspaceId: ws.id, name: 'x'.repeat(121) }),
      'BAD_REQUEST',
    );
    await expectTRPCError(
      editor.caller.projects.create({ workspaceId: ws.id, name: 'ok', description: 'x'.repeat(2001) }),
      'BAD_REQUEST',
    );
  });

  it('lists the audit trail newest first with actor names, honouring the limit', async () => {
    const { ws, owner, editor } = await setup();
    const p = await editor.caller.projects.create({ workspaceId: ws.id, name: 'Audited' });
    await owner.caller.projects.update({ projectId: p.id, version: 1, name: 'Audited 2' });
    const entries = await editor.caller.audit.list({ workspaceId: ws.id });
    expect(entries.map((e) => e.action)).toEqual([
      'project.updated',
      'project.created',
      'invitation.accepted',
      'invitation.created',
      'workspace.created',
    ]);
    expect(entries[0]).toMatchObject({
      actorId: owner.user.id,
      actorName: owner.user.name,
      entityType: 'project',
      entityId: p.id,
      details: { changed: { name: { from: 'Audited', to: 'Audited 2' } } },
    });
    expect(await editor.caller.audit.list({ workspaceId: ws.id, limit: 2 })).toHaveLength(2);
    await expectTRPCError(editor.caller.audit.list({ workspaceId: ws.id, limit: 201 }), 'BAD_REQUEST');
  });
});
