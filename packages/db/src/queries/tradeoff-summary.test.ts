// The tradeoff summary is cached by its inputs' hash, in memory and in `tradeoff_summary`: neither may
// serve a stale or shared result.
import { analyzeTradeoff, summarizeTradeoff } from '@raisin/core';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { tradeoffSummary } from '../schema';
import { describeOnEachDatabase, seedUser } from '../testing';
import { createProject } from './projects';
import {
  adoptExampleAngles,
  getTradeoff,
  getTradeoffSummary,
  resolveStoredTradeoff,
  tradeoffSummaryKey,
  updateAttackAngle,
} from './tradeoff';
import { createWorkspace } from './workspaces';

describeOnEachDatabase('getTradeoffSummary cache', (getDb) => {
  it('equals a fresh computation, follows every edit, and hands each caller its own copy', async () => {
    const db = getDb();
    const owner = await seedUser(db);
    const workspace = await createWorkspace(db, { name: 'Cache', actorId: owner.id });
    const project = await createProject(db, { workspaceId: workspace.id, name: 'Cached', actorId: owner.id });
    // A project showing only the examples has no summary; adopting them makes them the project's.
    expect(await getTradeoffSummary(db, project.id)).toBeNull();
    await adoptExampleAngles(db, { projectId: project.id, actorId: owner.id });
    const state = await getTradeoff(db, { projectId: project.id });
    const fresh = () => summarizeTradeoff(analyzeTradeoff(resolveStoredTradeoff(state)));

    const first = await getTradeoffSummary(db, project.id);
    expect(first).toEqual(fresh());
    // A caller changing its copy cannot change what the next caller reads.
    first?.angles.splice(0);
    expect(await getTradeoffSummary(db, project.id)).toEqual(fresh());

    const angle = state.angles[0];
    if (!angle) throw new Error('the adopted examples are angles');
    await updateAttackAngle(db, {
      projectId: project.id,
      angleId: angle.id,
      version: angle.version,
      angle: { ...angle, name: 'Renamed after caching', costRate: angle.costRate ?? null },
      actorId: owner.id,
    });
    const edited = await getTradeoffSummary(db, project.id);
    expect(edited?.angles.map((a) => a.name)).toContain('Renamed after caching');
    const after = await getTradeoff(db, { projectId: project.id });
    expect(edited).toEqual(summarizeTradeoff(analyzeTradeoff(resolveStoredTradeoff(after))));
  });

  it('stores the summary of the inputs each edit leaves, and recomputes one whose key no longer fits', async () => {
    const db = getDb();
    const owner = await seedUser(db);
    const workspace = await createWorkspace(db, { name: 'Stored', actorId: owner.id });
    const project = await createProject(db, { workspaceId: workspace.id, name: 'Stored', actorId: owner.id });
    const storedRow = async () =>
      (await db.select().from(tradeoffSummary).where(eq(tradeoffSummary.projectId, project.id)))[0];
    await adoptExampleAngles(db, { projectId: project.id, actorId: owner.id });
    const inputs = resolveStoredTradeoff(await getTradeoff(db, { projectId: project.id }));
    const fresh = summarizeTradeoff(analyzeTradeoff(inputs));

    // The edit itself stored it, keyed by the inputs it left.
    const stored = await storedRow();
    expect(stored?.inputsKey).toBe(tradeoffSummaryKey(inputs));
    expect(stored?.summary).toEqual(fresh);

    // A stored summary whose key fits is what readers get, without simulating again.
    const marked = { ...fresh, bestAngle: { name: 'Read from the table', quality: 0.5 } };
    await db
      .update(tradeoffSummary)
      .set({ summary: marked })
      .where(eq(tradeoffSummary.projectId, project.id));
    expect((await getTradeoffSummary(db, project.id))?.bestAngle?.name).toBe('Read from the table');

    // One whose key does not fit (inputs changed behind it) is recomputed and stored again.
    await db
      .update(tradeoffSummary)
      .set({ inputsKey: 'inputs-before-a-change' })
      .where(eq(tradeoffSummary.projectId, project.id));
    expect(await getTradeoffSummary(db, project.id)).toEqual(fresh);
    expect((await storedRow())?.inputsKey).toBe(tradeoffSummaryKey(inputs));
  });
});
