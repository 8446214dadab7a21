import { expect, it } from 'vitest';
import { DomainError } from '../errors';
import { describeOnEachDatabase, rejectsWith, seedUsers } from '../testing';
import { listAuditEntries } from './audit';
import { createProject, getProject, listProjects, setProjectArchived, updateProject } from './projects';
import { createWorkspace } from './workspaces';

describeOnEachDatabase('project queries', (getDb) => {
  async function setup() {
    const db = getDb();
    const [a, b] = await seedUsers(db, [{ name: 'Ann' }, { name: 'Bob' }]);
    if (!a || !b) throw new Error('seed failed');
    const ws = await createWorkspace(db, { name: 'WS', actorId: a.id });
    return { db, a, b, ws };
  }

  it('creates, reads and lists projects, hiding archived ones unless asked', async () => {
    const { db, a, ws } = await setup();
    const p1 = await createProject(db, {
      workspaceId: ws.id,
      name: 'Triage',
      description: 'Route tickets',
      actorId: a.id,
    });
    const p2 = await createProject(db, { workspaceId: ws.id, name: 'Spam', actorId: a.id });
    expect(p1).toMatchObject({
      version: 1,
      archived: false,
      createdBy: a.id,
      updatedBy: a.id,
      description: 'Route tickets',
    });
    expect(p2.description).toBe('');
    expect(await getProject(db, { projectId: p1.id })).toEqual(p1);
    expect(await getProject(db, { projectId: crypto.randomUUID() })).toBeNull();
    await setProjectArchived(db, { projectId: p2.id, version: 1, archived: true, actorId: a.id });
    expect((await listProjects(db, { workspaceId: ws.id })).map((p) => p.id)).toEqual([p1.id]);
    expect(
      (await listProjects(db, { workspaceId: ws.id, includeArchived: true })).map((p) => p.id).sort(),
    ).toEqual([p1.id, p2.id].sort());
  });

  it('updates with optimistic concurrency and audits what changed', async () => {
    const { db, a, b, ws } = await setup();
    const p = await createProject(db, { workspaceId: ws.id, name: 'Old', actorId: a.id });
    const updated = await updateProject(db, { projectId: p.id, version: 1, name: 'New', actorId: b.id });
    expect(updated).toMatchObject({ name: 'New', version: 2, updatedBy: b.id, createdBy: a.id });
    await rejectsWith(
      updateProject(db, { projectId: p.id, version: 1, name: 'Lost', actorId: a.id }),
      'VERSION_CONFLICT',
    );
    await rejectsWith(
      setProjectArchived(db, { projectId: p.id, version: 1, archived: true, actorId: a.id }),
      'VERSION_CONFLICT',
    );
    await rejectsWith(
      updateProject(db, { projectId: crypto.randomUUID(), version: 1, name: 'X', actorId: a.id }),
      'PROJECT_NOT_FOUND',
    );
    expect((await getProject(db, { projectId: p.id }))?.name).toBe('New');
    const [latest] = await listAuditEntries(db, { workspaceId: ws.id, limit: 1 });
    expect(latest).toMatchObject({
      action: 'project.updated',
      actorName: 'Bob',
      entityId: p.id,
      details: { version: 2, changed: { name: { from: 'Old', to: 'New' } } },
    });
  });

  it('lets exactly one of two concurrent updates at the same version win', async () => {
    const { db, a, b, ws } = await setup();
    const p = await createProject(db, { workspaceId: ws.id, name: 'Race', actorId: a.id });
    const results = await Promise.allSettled([
      updateProject(db, { projectId: p.id, version: 1, description: 'from A', actorId: a.id }),
      updateProject(db, { projectId: p.id, version: 1, description: 'from B', actorId: b.id }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]?.reason).toSatisfy((e) => e instanceof DomainError && e.code === 'VERSION_CONFLICT');
    const final = await getProject(db, { projectId: p.id });
    expect(final?.version).toBe(2);
    expect(final?.description).toBe(won[0]?.status === 'fulfilled' ? won[0].value.description : null);
  });

  it('rolls the update back when its audit row cannot be written', async () => {
    const { db, a, ws } = await setup();
    const p = await createProject(db, { workspaceId: ws.id, name: 'Atomic', actorId: a.id });
    // An actor id that is no user violates the audit row's foreign key, failing the transaction late.
    await expect(
      updateProject(db, { projectId: p.id, version: 1, name: 'Half', actorId: 'ghost' }),
    ).rejects.toThrow();
    expect(await getProject(db, { projectId: p.id })).toMatchObject({ name: 'Atomic', version: 1 });
  });
});
