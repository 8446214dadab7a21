import { MATURITY_ITEMS, roadmapEstimatesFromTradeoff } from '@raisin/core';
import { expect, it } from 'vitest';
import type { Db } from '../client';
import { DomainError } from '../errors';
import { worksheetAnswer } from '../schema';
import { describeOnEachDatabase, rejectsWith, seedUsers } from '../testing';
import { listAuditEntries } from './audit';
import { createProject } from './projects';
import {
  editProjectRoadmap,
  generateProjectRoadmap,
  getMaturityOverview,
  getMaturitySummary,
  getProjectRoadmap,
  resolveRoadmapConflicts,
  saveMaturityAnswers,
  setTargetLevelOverride,
} from './roadmap';
import { adoptExampleAngles, getTradeoffSummary } from './tradeoff';
import { createWorkspace } from './workspaces';

const levelOneYes = Object.fromEntries(
  MATURITY_ITEMS.filter((item) => item.level === 1).map((item) => [item.id, 'yes' as const]),
);

describeOnEachDatabase('roadmap queries', (getDb) => {
  async function setup() {
    const db = getDb();
    const [a] = await seedUsers(db, [{ name: 'Ann' }]);
    if (!a) throw new Error('seed failed');
    const ws = await createWorkspace(db, { name: 'WS', actorId: a.id });
    const p = await createProject(db, { workspaceId: ws.id, name: 'Triage', actorId: a.id });
    /** A roadmap-tab write by Ann on the project: the query with its `projectId` and `actorId` filled in. */
    const byAnn =
      <P extends { projectId: string; actorId: string }, R>(write: (db: Db, params: P) => Promise<R>) =>
      (params: Omit<P, 'projectId' | 'actorId'>) =>
        write(db, { ...params, projectId: p.id, actorId: a.id } as P);
    const ann = {
      answer: byAnn(saveMaturityAnswers),
      override: byAnn(setTargetLevelOverride),
      generate: byAnn(generateProjectRoadmap),
      edit: byAnn(editProjectRoadmap),
      resolve: byAnn(resolveRoadmapConflicts),
    };
    return { db, a, ws, projectId: p.id, ann };
  }

  it('saves assessment answers with versions, computes the level and refuses stale saves', async () => {
    const { db, ws, projectId, ann } = await setup();
    expect(await getMaturitySummary(db, projectId)).toBeNull();
    const empty = await getMaturityOverview(db, { projectId });
    expect(empty).toMatchObject({ version: 0, answers: {}, assessment: { level: 0 } });

    const first = await ann.answer({ version: 0, answers: { 'code.review': 'yes', 'mon.drift': 'na' } });
    expect(first.version).toBe(1);
    expect(first.answers).toEqual({ 'code.review': 'yes', 'mon.drift': 'na' });
    await rejectsWith(ann.answer({ version: 0, answers: { 'code.review': 'no' } }), 'VERSION_CONFLICT');

    const all = await ann.answer({ version: 1, answers: levelOneYes });
    expect(all.version).toBe(2);
    expect(all.assessment.level).toBe(1);
    expect(all.answers['mon.drift']).toBe('yes');
    expect(all.assessment.blockers.every((item) => item.level === 2)).toBe(true);
    expect(await getMaturitySummary(db, projectId)).toEqual({ currentLevel: 1, targetLevel: 0 });

    // null clears an answer: the item is unanswered again and holds level 1 back.
    const cleared = await ann.answer({ version: 2, answers: { 'mon.drift': null } });
    expect(cleared.answers['mon.drift']).toBeUndefined();
    expect(cleared.assessment.level).toBe(0);
    expect(cleared.assessment.blockers.map((item) => item.id)).toEqual(['mon.drift']);

    const [latest] = await listAuditEntries(db, { workspaceId: ws.id, limit: 1 });
    expect(latest).toMatchObject({ action: 'roadmap.assessment.answered', entityId: projectId });
  });

  it('recommends the target level from the worksheet and keeps an override with its reason', async () => {
    const { db, a, projectId, ann } = await setup();
    await db.insert(worksheetAnswer).values({
      projectId,
      questionId: 'H.retraining-cadence',
      value: { kind: 'single', value: 'weekly' },
      version: 1,
      updatedBy: a.id,
    });
    const overview = await getMaturityOverview(db, { projectId });
    expect(overview.target).toMatchObject({ level: 2, recommendedLevel: 2, overridden: false });

    await rejectsWith(ann.override({ version: 0, override: { level: 1, reason: '  ' } }), 'ROADMAP_INVALID');
    const overridden = await ann.override({
      version: 0,
      override: { level: 1, reason: 'No platform team this year' },
    });
    expect(overridden.target).toMatchObject({ level: 1, recommendedLevel: 2, overridden: true });
    expect(overridden.override).toEqual({ level: 1, reason: 'No platform team this year' });
    expect(await getMaturitySummary(db, projectId)).toEqual({ currentLevel: 0, targetLevel: 1 });
    const cleared = await ann.override({ version: 1, override: null });
    expect(cleared.target.level).toBe(2);
  });

  it('generates, edits, and regenerates without losing the edit, reporting the conflict', async () => {
    const { db, projectId, ann } = await setup();
    await rejectsWith(
      ann.edit({ version: 0, edit: { type: 'renamePhase', phaseId: 'heuristic', name: 'X' } }),
      'ROADMAP_NOT_FOUND',
    );
    const generated = await ann.generate({ version: 0, startDate: '2025-01-06' });
    expect(generated.row.version).toBe(1);
    expect(generated.row.data.phases.map((phase) => phase.id)).toEqual([
      'heuristic',
      'ml-baseline',
      'first-production-model',
    ]);
    expect(generated.row.data.phases[0]?.schedule.p50Start).toBe('2025-01-06');

    const edited = await ann.edit({
      version: 1,
      edit: { type: 'renamePhase', phaseId: 'ml-baseline', name: 'Logistic regression baseline' },
    });
    expect(edited.version).toBe(2);
    await rejectsWith(
      ann.edit({ version: 1, edit: { type: 'renamePhase', phaseId: 'heuristic', name: 'Stale' } }),
      'VERSION_CONFLICT',
    );
    await rejectsWith(
      ann.edit({ version: 2, edit: { type: 'renamePhase', phaseId: 'heuristic', name: ' ' } }),
      'ROADMAP_INVALID',
    );

    // Raising the target to level 1 adds a phase; the rename of the baseline survives untouched (its
    // generated name did not change, so there is nothing to ask about).
    await ann.override({ version: 0, override: { level: 1, reason: 'Monthly retraining planned' } });
    const regenerated = await ann.generate({ version: 2, startDate: '2025-02-03' });
    expect(regenerated.conflicts).toEqual([]);
    const phases = regenerated.row.data.phases;
    expect(phases.map((phase) => phase.id)).toEqual([
      'heuristic',
      'ml-baseline',
      'first-production-model',
      'pipeline-automation',
    ]);
    expect(phases[1]?.name).toBe('Logistic regression baseline');
    expect(phases[0]?.schedule.p50Start).toBe('2025-02-03');
    expect((await getProjectRoadmap(db, { projectId }))?.version).toBe(3);
  });

  it('stores regeneration conflicts and resolves them either way', async () => {
    const { ann } = await setup();
    await ann.generate({ version: 0, startDate: '2025-01-06' });
    // The assignment of items to phases changes with the answers, but items are not an editable field;
    // a phase edited by hand that the generator drops (the target level goes down) is a conflict.
    await ann.override({ version: 0, override: { level: 1, reason: 'Plan level 1' } });
    const withLevel1 = await ann.generate({ version: 1, startDate: '2025-01-06' });
    await ann.edit({
      version: withLevel1.row.version,
      edit: {
        type: 'setPhaseEstimate',
        phaseId: 'pipeline-automation',
        estimate: { low: 5, likely: 8, high: 12 },
      },
    });
    await ann.override({ version: 1, override: { level: 0, reason: 'Back to manual for the pilot' } });
    const down = await ann.generate({ version: 3, startDate: '2025-01-06' });
    expect(down.conflicts).toEqual([{ kind: 'phase', phaseId: 'pipeline-automation' }]);
    // Kept (the edit is never discarded silently) until someone decides.
    expect(down.row.data.phases.map((phase) => phase.id)).toContain('pipeline-automation');
    expect(down.row.pendingConflicts).toEqual(down.conflicts);

    await rejectsWith(
      ann.resolve({
        version: 4,
        resolutions: [{ phaseId: 'heuristic', field: 'name', choice: 'use-generated' }],
      }),
      'ROADMAP_INVALID',
    );
    const resolved = await ann.resolve({
      version: 4,
      resolutions: [{ phaseId: 'pipeline-automation', field: null, choice: 'use-generated' }],
    });
    expect(resolved.pendingConflicts).toEqual([]);
    expect(resolved.data.phases.map((phase) => phase.id)).not.toContain('pipeline-automation');
  });

  it('sizes the first phases from the tradeoff once the project has one', async () => {
    const { db, a, projectId, ann } = await setup();
    // "Use these examples" makes the example attack angles the project's tradeoff.
    await adoptExampleAngles(db, { projectId, actorId: a.id });
    const summary = await getTradeoffSummary(db, projectId);
    if (summary === null) throw new Error('expected a tradeoff summary');
    const expected = roadmapEstimatesFromTradeoff(summary);
    expect(expected.heuristic).toBeDefined();
    const { row } = await ann.generate({ version: 0, startDate: '2025-01-06' });
    expect(row.data.phases[0]?.estimate).toEqual(expected.heuristic);
    expect(row.data.phases[1]?.estimate).toEqual(expected.baseline);
    expect(row.data.timeToTarget).toEqual(expected.timeToTarget ?? null);
  });

  it('refuses a roadmap with nothing to do and the removal of its last phase, with clear messages', async () => {
    const { db, projectId, ann } = await setup();
    const nothing = ann.generate({
      version: 0,
      startDate: '2025-01-06',
      completedPhases: ['heuristic', 'ml-baseline', 'first-production-model'],
    });
    await expect(nothing).rejects.toSatisfy(
      (error) =>
        error instanceof DomainError &&
        error.code === 'ROADMAP_INVALID' &&
        /nothing to put on a roadmap/.test(error.message),
    );
    expect(await getProjectRoadmap(db, { projectId })).toBeNull();

    const one = await ann.generate({
      version: 0,
      startDate: '2025-01-06',
      completedPhases: ['heuristic', 'ml-baseline'],
    });
    expect(one.row.data.phases).toHaveLength(1);
    const last = ann.edit({ version: 1, edit: { type: 'removePhase', phaseId: 'first-production-model' } });
    await expect(last).rejects.toSatisfy(
      (error) => error instanceof DomainError && /at least one phase/.test(error.message),
    );
    expect((await getProjectRoadmap(db, { projectId }))?.data.phases).toHaveLength(1);
  });
});
