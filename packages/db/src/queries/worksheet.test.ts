import { expect, it } from 'vitest';
import { DomainError } from '../errors';
import { describeOnEachDatabase, seedUsers } from '../testing';
import { createProject } from './projects';
import {
  applyWorksheetTemplate,
  getWorksheetAnswers,
  listWorksheetAnswers,
  listWorksheetHistory,
  restoreWorksheetAnswer,
  saveWorksheetAnswer,
} from './worksheet';
import { createWorkspace } from './workspaces';

const failure = async (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a DomainError, got success');
    },
    (error: unknown) => {
      if (!(error instanceof DomainError)) throw error;
      return error;
    },
  );

describeOnEachDatabase('worksheet queries', (getDb) => {
  async function setup() {
    const db = getDb();
    const [a, b] = await seedUsers(db, [{ name: 'Ann' }, { name: 'Bob' }]);
    if (!a || !b) throw new Error('seed failed');
    const ws = await createWorkspace(db, { name: 'WS', actorId: a.id });
    const project = await createProject(db, { workspaceId: ws.id, name: 'P', actorId: a.id });
    return { db, a, b, projectId: project.id };
  }

  it('saves versioned answers, records history, and exposes them to other tabs', async () => {
    const { db, a, b, projectId } = await setup();
    const first = await saveWorksheetAnswer(db, {
      projectId,
      questionId: 'E.target-quality',
      baseVersion: 0,
      value: 0.9,
      actorId: a.id,
    });
    expect(first).toMatchObject({
      questionId: 'E.target-quality',
      value: { kind: 'number', value: 0.9 },
      version: 1,
      updatedBy: a.id,
      updatedByName: 'Ann',
    });
    const second = await saveWorksheetAnswer(db, {
      projectId,
      questionId: 'E.target-quality',
      baseVersion: 1,
      value: 0.95,
      actorId: b.id,
    });
    expect(second).toMatchObject({ version: 2, updatedByName: 'Bob', value: { value: 0.95 } });
    // Resending the same value (autosave retries) changes nothing.
    const same = await saveWorksheetAnswer(db, {
      projectId,
      questionId: 'E.target-quality',
      baseVersion: 2,
      value: 0.95,
      actorId: a.id,
    });
    expect(same).toMatchObject({ version: 2, updatedByName: 'Bob' });

    const history = await listWorksheetHistory(db, { projectId, limit: 10 });
    expect(history).toMatchObject([
      { version: 2, actorName: 'Bob', oldValue: { value: 0.9 }, newValue: { value: 0.95 } },
      { version: 1, actorName: 'Ann', oldValue: null, newValue: { value: 0.9 } },
    ]);
    expect(await getWorksheetAnswers(db, projectId)).toEqual({
      'E.target-quality': { kind: 'number', value: 0.95 },
    });
  });

  it('refuses a save on a stale version with the current value and who saved it', async () => {
    const { db, a, b, projectId } = await setup();
    await saveWorksheetAnswer(db, {
      projectId,
      questionId: 'C.entity',
      baseVersion: 0,
      value: 'x',
      actorId: a.id,
    });
    const error = await failure(
      saveWorksheetAnswer(db, {
        projectId,
        questionId: 'C.entity',
        baseVersion: 0,
        value: 'y',
        actorId: b.id,
      }),
    );
    expect(error.code).toBe('VERSION_CONFLICT');
    expect(error.details).toMatchObject({
      questionId: 'C.entity',
      current: { value: { kind: 'short-text', value: 'x' }, version: 1, updatedByName: 'Ann' },
    });
    expect((await getWorksheetAnswers(db, projectId))['C.entity']).toEqual({
      kind: 'short-text',
      value: 'x',
    });
  });

  it('lets exactly one of two concurrent first saves win', async () => {
    const { db, a, b, projectId } = await setup();
    const results = await Promise.allSettled([
      saveWorksheetAnswer(db, {
        projectId,
        questionId: 'K.readers',
        baseVersion: 0,
        value: 'A',
        actorId: a.id,
      }),
      saveWorksheetAnswer(db, {
        projectId,
        questionId: 'K.readers',
        baseVersion: 0,
        value: 'B',
        actorId: b.id,
      }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected');
    expect(lost?.status === 'rejected' && lost.reason instanceof DomainError && lost.reason.code).toBe(
      'VERSION_CONFLICT',
    );
    expect(await listWorksheetHistory(db, { projectId, questionId: 'K.readers', limit: 10 })).toHaveLength(1);
  });

  it('refuses invalid answers naming the field, and changes nothing', async () => {
    const { db, a, projectId } = await setup();
    const range = await failure(
      saveWorksheetAnswer(db, {
        projectId,
        questionId: 'H.months-to-pilot',
        baseVersion: 0,
        value: { low: 5, likely: 3, high: 9 },
        actorId: a.id,
      }),
    );
    expect(range).toMatchObject({ code: 'INVALID_ANSWER', details: { field: 'low' } });
    expect(range.message).toContain('H.months-to-pilot');
    const text = await failure(
      saveWorksheetAnswer(db, {
        projectId,
        questionId: 'C.entity',
        baseVersion: 0,
        value: 42,
        actorId: a.id,
      }),
    );
    expect(text).toMatchObject({ code: 'INVALID_ANSWER', details: { field: 'value' } });
    const unknown = await failure(
      saveWorksheetAnswer(db, { projectId, questionId: 'Z.nope', baseVersion: 0, value: 'x', actorId: a.id }),
    );
    expect(unknown).toMatchObject({ code: 'INVALID_ANSWER', details: { field: 'questionId' } });
    expect(await listWorksheetAnswers(db, { projectId })).toEqual([]);
  });

  it('restores an earlier value as a new version, and clears with null', async () => {
    const { db, a, b, projectId } = await setup();
    const q = 'G.latency-p99';
    await saveWorksheetAnswer(db, { projectId, questionId: q, baseVersion: 0, value: 100, actorId: a.id });
    await saveWorksheetAnswer(db, { projectId, questionId: q, baseVersion: 1, value: 5, actorId: b.id });
    const [, oldest] = await listWorksheetHistory(db, { projectId, questionId: q, limit: 10 });
    if (!oldest) throw new Error('history missing');
    await expect(
      restoreWorksheetAnswer(db, { projectId, historyId: oldest.id, baseVersion: 1, actorId: a.id }),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    const restored = await restoreWorksheetAnswer(db, {
      projectId,
      historyId: oldest.id,
      baseVersion: 2,
      actorId: a.id,
    });
    expect(restored).toMatchObject({ version: 3, value: { kind: 'number', value: 100 } });
    const [latest] = await listWorksheetHistory(db, { projectId, questionId: q, limit: 1 });
    expect(latest).toMatchObject({
      restoredFromId: oldest.id,
      oldValue: { value: 5 },
      newValue: { value: 100 },
    });
    await expect(
      restoreWorksheetAnswer(db, {
        projectId,
        historyId: oldest.id + 100_000,
        baseVersion: 3,
        actorId: a.id,
      }),
    ).rejects.toMatchObject({ code: 'WORKSHEET_HISTORY_NOT_FOUND' });

    const cleared = await saveWorksheetAnswer(db, {
      projectId,
      questionId: q,
      baseVersion: 3,
      value: null,
      actorId: a.id,
    });
    expect(cleared).toMatchObject({ version: 4, value: null });
    expect(await getWorksheetAnswers(db, projectId)).toEqual({});
  });

  it('applies a template only to unanswered questions', async () => {
    const { db, a, projectId } = await setup();
    await saveWorksheetAnswer(db, {
      projectId,
      questionId: 'C.framing',
      baseVersion: 0,
      value: 'regression',
      actorId: a.id,
    });
    await saveWorksheetAnswer(db, {
      projectId,
      questionId: 'C.entity',
      baseVersion: 0,
      value: '  ',
      actorId: a.id,
    });
    const filled = await applyWorksheetTemplate(db, {
      projectId,
      templateId: 'text-classification-product-listings',
      actorId: a.id,
    });
    expect(filled).not.toContain('C.framing');
    expect(filled).toContain('C.entity');
    expect(filled).toContain('G.serving-mode');
    const answers = await getWorksheetAnswers(db, projectId);
    expect(answers['C.framing']).toEqual({ kind: 'single', value: 'regression' });
    expect(answers['G.serving-mode']).toEqual({ kind: 'single', value: 'precomputed' });
    expect(answers['C.entity']).toMatchObject({ value: 'A product listing (title and description)' });
    await expect(
      applyWorksheetTemplate(db, { projectId, templateId: 'nope', actorId: a.id }),
    ).rejects.toMatchObject({
      code: 'INVALID_ANSWER',
    });
  });
});
