// After an upgrade no project has a stored tradeoff summary (or one whose key no longer fits): the
// start-up backfill stores them, so the first portfolio load has nothing left to simulate.
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { tradeoffSummary } from '../schema';
import { describeOnEachDatabase, seedUser } from '../testing';
import { backfillTradeoffSummaries } from './portfolio';
import { createProject, setProjectArchived } from './projects';
import { adoptExampleAngles, getTradeoff, resolveStoredTradeoff, tradeoffSummaryKey } from './tradeoff';
import { createWorkspace } from './workspaces';

describeOnEachDatabase('backfillTradeoffSummaries', (getDb) => {
  it('stores each active project’s missing or stale summary, and stops when asked', async () => {
    const db = getDb();
    const owner = await seedUser(db);
    const workspace = await createWorkspace(db, { name: 'Upgraded', actorId: owner.id });
    const other = await createWorkspace(db, { name: 'Other', actorId: owner.id });
    const missing = await createProject(db, {
      workspaceId: workspace.id,
      name: 'Missing',
      actorId: owner.id,
    });
    const stale = await createProject(db, { workspaceId: other.id, name: 'Stale', actorId: owner.id });
    for (const p of [missing, stale]) await adoptExampleAngles(db, { projectId: p.id, actorId: owner.id });
    await db.delete(tradeoffSummary).where(eq(tradeoffSummary.projectId, missing.id));
    await db
      .update(tradeoffSummary)
      .set({ inputsKey: 'stale' })
      .where(eq(tradeoffSummary.projectId, stale.id));
    const keyOf = async (projectId: string) =>
      (await db.select().from(tradeoffSummary).where(eq(tradeoffSummary.projectId, projectId)))[0]?.inputsKey;
    const expectedKey = async (projectId: string) =>
      tradeoffSummaryKey(resolveStoredTradeoff(await getTradeoff(db, { projectId })));

    // Asked to stop before it starts (a shutdown during start-up), it writes nothing.
    const stopped = new AbortController();
    stopped.abort();
    expect(await backfillTradeoffSummaries(db, { signal: stopped.signal })).toBe(0);
    expect(await keyOf(missing.id)).toBeUndefined();

    expect(await backfillTradeoffSummaries(db)).toBeGreaterThanOrEqual(2);
    expect(await keyOf(missing.id)).toBe(await expectedKey(missing.id));
    expect(await keyOf(stale.id)).toBe(await expectedKey(stale.id));

    // An archived project is not on any portfolio, so it is left for whoever reads it.
    await db.delete(tradeoffSummary).where(eq(tradeoffSummary.projectId, stale.id));
    await setProjectArchived(db, {
      projectId: stale.id,
      version: stale.version,
      archived: true,
      actorId: owner.id,
    });
    await backfillTradeoffSummaries(db);
    expect(await keyOf(stale.id)).toBeUndefined();
  });
});
