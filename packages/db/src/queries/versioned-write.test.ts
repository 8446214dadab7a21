import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { DomainError } from '../errors';
import { auditLog, project } from '../schema';
import { describeOnEachDatabase, seedUsers } from '../testing';
import { createProject } from './projects';
import { lockAtVersion, updateAtVersion, versionConflict } from './versioned-write';
import { createWorkspace } from './workspaces';

const notFound = () => new DomainError('PROJECT_NOT_FOUND', 'Project not found');

function detailsOf(error: unknown): Record<string, unknown> {
  if (!(error instanceof DomainError)) throw error;
  return { code: error.code, message: error.message, ...error.details };
}

it('names who changed the row and always carries currentVersion (0: removed)', () => {
  expect(detailsOf(versionConflict('angle', 3, { by: 'Ada', details: { id: 'x' } }))).toEqual({
    code: 'VERSION_CONFLICT',
    message: 'This angle was changed by Ada (now at version 3); reload and try again',
    id: 'x',
    currentVersion: 3,
  });
  expect(detailsOf(versionConflict('angle', 0))).toMatchObject({
    message: 'This angle was removed by someone else; reload and try again',
    currentVersion: 0,
  });
});

describeOnEachDatabase('versioned writes', (getDb) => {
  async function seedProject() {
    const db = getDb();
    const [ada] = await seedUsers(db, [{ name: 'Ada' }]);
    if (!ada) throw new Error('seed failed');
    const ws = await createWorkspace(db, { name: 'W', actorId: ada.id });
    const created = await createProject(db, { workspaceId: ws.id, name: 'P', actorId: ada.id });
    return { db, ada, ws, created };
  }

  it('updates at the current version, bumps it and writes the audit entry in the same transaction', async () => {
    const { db, ada, ws, created } = await seedProject();
    const { before, after } = await db.transaction((tx) =>
      updateAtVersion(tx, {
        table: project,
        where: eq(project.id, created.id),
        version: created.version,
        what: 'project',
        notFound,
        set: { name: 'Renamed' },
        audit: (old, updated) => ({
          workspaceId: ws.id,
          actorId: ada.id,
          action: 'project.renamed',
          entityType: 'project',
          entityId: updated.id,
          details: { from: old.name, to: updated.name },
        }),
      }),
    );
    expect([before.name, after.name, after.version]).toEqual(['P', 'Renamed', created.version + 1]);
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'project.renamed'));
    expect(audit.map((row) => row.details)).toEqual([{ from: 'P', to: 'Renamed' }]);
  });

  it('refuses a stale version with the current one, and a missing row with notFound, writing nothing', async () => {
    const { db, created } = await seedProject();
    const stale = db.transaction((tx) =>
      updateAtVersion(tx, {
        table: project,
        where: eq(project.id, created.id),
        version: created.version - 1,
        what: 'project',
        notFound,
        set: { name: 'Lost' },
      }),
    );
    await expect(stale.catch(detailsOf)).resolves.toMatchObject({
      code: 'VERSION_CONFLICT',
      currentVersion: created.version,
    });
    const missing = db.transaction((tx) =>
      lockAtVersion(tx, {
        table: project,
        where: eq(project.id, '00000000-0000-4000-8000-000000000000'),
        version: 1,
        what: 'project',
        notFound,
      }),
    );
    await expect(missing.catch(detailsOf)).resolves.toMatchObject({ code: 'PROJECT_NOT_FOUND' });
    const [row] = await db.select().from(project).where(eq(project.id, created.id));
    expect([row?.name, row?.version]).toEqual(['P', created.version]);
  });
});
