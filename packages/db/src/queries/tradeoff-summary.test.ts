// The tradeoff summary is cached by its inputs' hash: the cache must never serve a stale or shared result.
import { analyzeTradeoff, summarizeTradeoff } from '@raisin/core';
import { expect, it } from 'vitest';
import { describeOnEachDatabase, seedUser } from '../testing';
import { createProject } from './projects';
import {
  adoptExampleAngles,
  getTradeoff,
  getTradeoffSummary,
  resolveStoredTradeoff,
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
});
