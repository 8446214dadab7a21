import { MATURITY_ITEMS, roadmapEstimatesFromTradeoff } from '@raisin/core';
import { expect, it } from 'vitest';
import { DomainError } from '../errors';
import { worksheetAnswer } from '../schema';
import { describeOnEachDatabase, seedUsers } from '../testing';
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

const rejectsWith = (promise: Promise<unknown>, code: DomainError['code']) =>
  expect(promise).rejects.toSatisfy((error) => error instanceof DomainError && error.code === code);

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
    return { db, a, ws, projectId: p.id };
  }

  it('saves assessment answers with versions, computes the level and refuses stale saves', async () => {
    const { db, a, ws, projectId } = await setup();
    expect(await getMaturitySummary(db, projectId)).toBeNull();
    const empty = await getMaturityOverview(db, { projectId });
    expect(empty).toMatchObject({ version: 0, answers: {}, assessment: { level: 0 } });

    const first = await saveMaturityAnswers(db, {
      projectId,
      version: 0,
      answers: { 'code.review': 'yes', 'mon.drift': 'na' },
      actorId: a.id,
    });
    expect(first.version).toBe(1);
    expect(first.answers).toEqual({ 'code.review': 'yes', 'mon.drift': 'na' });
    await rejectsWith(
      saveMaturityAnswers(db, { projectId, version: 0, answers: { 'code.review': 'no' }, actorId: a.id }),
      'VERSION_CONFLICT',
    );

    const all = await saveMaturityAnswers(db, {
      projectId,
      version: 1,
      answers: levelOneYes,
      actorId: a.id,
    });
    expect(all.version).toBe(2);
    expect(all.assessment.level).toBe(1);
    expect(all.answers['mon.drift']).toBe('yes');
    expect(all.assessment.blockers.every((item) => item.level === 2)).toBe(true);
    expect(await getMaturitySummary(db, projectId)).toEqual({ currentLevel: 1, targetLevel: 0 });

    // null clears an answer: the item is unanswered again and holds level 1 back.
    const cleared = await saveMaturityAnswers(db, {
      projectId,
      version: 2,
      answers: { 'mon.drift': null },
      actorId: a.id,
    });
    expect(cleared.answers['mon.drift']).toBeUndefined();
    expect(cleared.assessment.level).toBe(0);
    expect(cleared.assessment.blockers.map((item) => item.id)).toEqual(['mon.drift']);

    const [latest] = await listAuditEntries(db, { workspaceId: ws.id, limit: 1 });
    expect(latest).toMatchObject({ action: 'roadmap.assessment.answered', entityId: projectId });
  });

  it('recommends the target level from the worksheet and keeps an override with its reason', async () => {
    const { db, a, projectId } = await setup();
    await db.insert(worksheetAnswer).values({
      projectId,
      questionId: 'H.retraining-cadence',
      value: { kind: 'single', value: 'weekly' },
      version: 1,
      updatedBy: a.id,
    });
    const overview = await getMaturityOverview(db, { projectId });
    expect(overview.target).toMatchObject({ level: 2, recommendedLevel: 2, overridden: false });

    await rejectsWith(
      setTargetLevelOverride(db, {
        projectId,
        version: 0,
        override: { level: 1, reason: '  ' },
        actorId: a.id,
      }),
      'ROADMAP_INVALID',
    );
    const overridden = await setTargetLevelOverride(db, {
      projectId,
      version: 0,
      override: { level: 1, reason: 'No platform team this year' },
      actorId: a.id,
    });
    expect(overridden.target).toMatchObject({ level: 1, recommendedLevel: 2, overridden: true });
    expect(overridden.override).toEqual({ level: 1, reason: 'No platform team this year' });
    expect(await getMaturitySummary(db, projectId)).toEqual({ currentLevel: 0, targetLevel: 1 });
    const cleared = await setTargetLevelOverride(db, {
      projectId,
      version: 1,
      override: null,
      actorId: a.id,
    });
    expect(cleared.target.level).toBe(2);
  });

  it('generates, edits, and regenerates without losing the edit, reporting the conflict', async () => {
    const { db, a, projectId } = await setup();
    await rejectsWith(
      editProjectRoadmap(db, {
        projectId,
        version: 0,
        edit: { type: 'renamePhase', phaseId: 'heuristic', name: 'X' },
        actorId: a.id,
      }),
      'ROADMAP_NOT_FOUND',
    );
    const generated = await generateProjectRoadmap(db, {
      projectId,
      version: 0,
      startDate: '2025-01-06',
      actorId: a.id,
    });
    expect(generated.row.version).toBe(1);
    expect(generated.row.data.phases.map((phase) => phase.id)).toEqual([
      'heuristic',
      'ml-baseline',
      'first-production-model',
    ]);
    expect(generated.row.data.phases[0]?.schedule.p50Start).toBe('2025-01-06');

    const edited = await editProjectRoadmap(db, {
      projectId,
      version: 1,
      edit: { type: 'renamePhase', phaseId: 'ml-baseline', name: 'Logistic regression baseline' },
      actorId: a.id,
    });
    expect(edited.version).toBe(2);
    await rejectsWith(
      editProjectRoadmap(db, {
        projectId,
        version: 1,
        edit: { type: 'renamePhase', phaseId: 'heuristic', name: 'Stale' },
        actorId: a.id,
      }),
      'VERSION_CONFLICT',
    );
    await rejectsWith(
      editProjectRoadmap(db, {
        projectId,
        version: 2,
        edit: { type: 'renamePhase', phaseId: 'heuristic', name: ' ' },
        actorId: a.id,
      }),
      'ROADMAP_INVALID',
    );

    // Raising the target to level 1 adds a phase; the rename of the baseline survives untouched (its
    // generated name did not change, so there is nothing to ask about).
    await setTargetLevelOverride(db, {
      projectId,
      version: 0,
      override: { level: 1, reason: 'Monthly retraining planned' },
      actorId: a.id,
    });
    const regenerated = await generateProjectRoadmap(db, {
      projectId,
      version: 2,
      startDate: '2025-02-03',
      actorId: a.id,
    });
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
    const { db, a, projectId } = await setup();
    await generateProjectRoadmap(db, { projectId, version: 0, startDate: '2025-01-06', actorId: a.id });
    // The assignment of items to phases changes with the answers, but items are not an editable field;
    // a phase edited by hand that the generator drops (the target level goes down) is a conflict.
    await setTargetLevelOverride(db, {
      projectId,
      version: 0,
      override: { level: 1, reason: 'Plan level 1' },
      actorId: a.id,
    });
    const withLevel1 = await generateProjectRoadmap(db, {
      projectId,
      version: 1,
      startDate: '2025-01-06',
      actorId: a.id,
    });
    await editProjectRoadmap(db, {
      projectId,
      version: withLevel1.row.version,
      edit: {
        type: 'setPhaseEstimate',
        phaseId: 'pipeline-automation',
        estimate: { low: 5, likely: 8, high: 12 },
      },
      actorId: a.id,
    });
    await setTargetLevelOverride(db, {
      projectId,
      version: 1,
      override: { level: 0, reason: 'Back to manual for the pilot' },
      actorId: a.id,
    });
    const down = await generateProjectRoadmap(db, {
      projectId,
      version: 3,
      startDate: '2025-01-06',
      actorId: a.id,
    });
    expect(down.conflicts).toEqual([{ kind: 'phase', phaseId: 'pipeline-automation' }]);
    // Kept (the edit is never discarded silently) until someone decides.
    expect(down.row.data.phases.map((phase) => phase.id)).toContain('pipeline-automation');
    expect(down.row.pendingConflicts).toEqual(down.conflicts);

    await rejectsWith(
      resolveRoadmapConflicts(db, {
        projectId,
        version: 4,
        resolutions: [{ phaseId: 'heuristic', field: 'name', choice: 'use-generated' }],
        actorId: a.id,
      }),
      'ROADMAP_INVALID',
    );
    const resolved = await resolveRoadmapConflicts(db, {
      projectId,
      version: 4,
      resolutions: [{ phaseId: 'pipeline-automation', field: null, choice: 'use-generated' }],
      actorId: a.id,
    });
    expect(resolved.pendingConflicts).toEqual([]);
    expect(resolved.data.phases.map((phase) => phase.id)).not.toContain('pipeline-automation');
  });

  it('sizes the first phases from the tradeoff once the project has one', async () => {
    const { db, a, projectId } = await setup();
    // "Use these examples" makes the example attack angles the project's tradeoff.
    await adoptExampleAngles(db, { projectId, actorId: a.id });
    const summary = await getTradeoffSummary(db, projectId);
    if (summary === null) throw new Error('expected a tradeoff summary');
    const expected = roadmapEstimatesFromTradeoff(summary);
    expect(expected.heuristic).toBeDefined();
    const { row } = await generateProjectRoadmap(db, {
      projectId,
      version: 0,
      startDate: '2025-01-06',
      actorId: a.id,
    });
    expect(row.data.phases[0]?.estimate).toEqual(expected.heuristic);
    expect(row.data.phases[1]?.estimate).toEqual(expected.baseline);
    expect(row.data.timeToTarget).toEqual(expected.timeToTarget ?? null);
  });

  it('refuses a roadmap with nothing to do and the removal of its last phase, with clear messages', async () => {
    const { db, a, projectId } = await setup();
    const nothing = generateProjectRoadmap(db, {
      projectId,
      version: 0,
      startDate: '2025-01-06',
      completedPhases: ['heuristic', 'ml-baseline', 'first-production-model'],
      actorId: a.id,
    });
    await expect(nothing).rejects.toSatisfy(
      (error) =>
        error instanceof DomainError &&
        error.code === 'ROADMAP_INVALID' &&
        /nothing to put on a roadmap/.test(error.message),
    );
    expect(await getProjectRoadmap(db, { projectId })).toBeNull();

    const one = await generateProjectRoadmap(db, {
      projectId,
      version: 0,
      startDate: '2025-01-06',
      completedPhases: ['heuristic', 'ml-baseline'],
      actorId: a.id,
    });
    expect(one.row.data.phases).toHaveLength(1);
    const last = editProjectRoadmap(db, {
      projectId,
      version: 1,
      edit: { type: 'removePhase', phaseId: 'first-production-model' },
      actorId: a.id,
    });
    await expect(last).rejects.toSatisfy(
      (error) => error instanceof DomainError && /at least one phase/.test(error.message),
    );
    expect((await getProjectRoadmap(db, { projectId }))?.data.phases).toHaveLength(1);
  });
});
