import { saveMaturityAnswers } from '@raisin/db';
import { describeOnEachDatabase } from '@raisin/db/testing';
import { expect, it } from 'vitest';
import type { z } from 'zod';
import { domainDetailsOf } from '../errors';
import { MAX_ANSWER_JSON_LENGTH } from '../schemas';
import type { answerValueSchema } from '../schemas/worksheet';
import { expectTRPCError, seedCallers, seedTeamProject } from '../test-support';

describeOnEachDatabase('worksheet router', (getDb) => {
  const setup = () => seedTeamProject(getDb(), 'Meds');

  it('saves answers that every member then reads, with who saved them', async () => {
    const { owner, editor, viewer, projectId } = await setup();
    expect(await viewer.caller.worksheet.get({ projectId })).toEqual({ answers: [] });
    const saved = await editor.caller.worksheet.save({
      projectId,
      questionId: 'H.months-to-pilot',
      baseVersion: 0,
      value: { low: 2, likely: 3, high: 6 },
    });
    expect(saved).toMatchObject({
      questionId: 'H.months-to-pilot',
      value: { kind: 'range', value: { low: 2, likely: 3, high: 6 } },
      version: 1,
      updatedBy: editor.user.id,
      updatedByName: editor.user.name,
    });
    await owner.caller.worksheet.save({
      projectId,
      questionId: 'C.outcome-delay',
      baseVersion: 0,
      value: { value: 3, unit: 'month' },
    });
    const { answers } = await viewer.caller.worksheet.get({ projectId });
    expect(answers.map((a) => [a.questionId, a.version, a.updatedByName])).toEqual([
      ['C.outcome-delay', 1, owner.user.name],
      ['H.months-to-pilot', 1, editor.user.name],
    ]);
  });

  it('reads the other tabs’ values for the derived questions, null until a tab has some', async () => {
    const { owner, viewer, projectId } = await setup();
    expect(await viewer.caller.worksheet.context({ projectId })).toEqual({
      humanCeiling: null,
      bestAngle: null,
      targetOverride: null,
      timeToTarget: null,
      maturityLevel: null,
    });
    // A saved (empty) self-assessment on the Roadmap tab puts the project at maturity level 0.
    await saveMaturityAnswers(getDb(), { projectId, version: 0, answers: {}, actorId: owner.user.id });
    expect(await viewer.caller.worksheet.context({ projectId })).toMatchObject({ maturityLevel: 0 });
  });

  it('answers a stale save with CONFLICT carrying the current value and who saved it; keep mine re-saves', async () => {
    const { owner, editor, projectId } = await setup();
    await owner.caller.worksheet.save({
      projectId,
      questionId: 'E.target-quality',
      baseVersion: 0,
      value: 0.9,
    });
    const error = await expectTRPCError(
      editor.caller.worksheet.save({ projectId, questionId: 'E.target-quality', baseVersion: 0, value: 0.8 }),
      'CONFLICT',
    );
    expect(error.message).toContain(owner.user.name);
    // What the error formatter sends to the client as `data.domainDetails`.
    expect(domainDetailsOf(error)).toMatchObject({
      questionId: 'E.target-quality',
      current: { value: { kind: 'number', value: 0.9 }, version: 1, updatedByName: owner.user.name },
    });
    // "Keep mine": the same value again, on the version the conflict reported.
    const kept = await editor.caller.worksheet.save({
      projectId,
      questionId: 'E.target-quality',
      baseVersion: 1,
      value: 0.8,
    });
    expect(kept).toMatchObject({ version: 2, value: { value: 0.8 }, updatedByName: editor.user.name });
  });

  it('treats a resent range, duration or set of options as unchanged, whatever the order of its parts', async () => {
    const { owner, editor, projectId } = await setup();
    // The database's JSON column may return object keys in another order than they were saved in.
    type AnswerValueInput = z.input<typeof answerValueSchema>;
    const resends: [string, AnswerValueInput, AnswerValueInput][] = [
      ['E.expected-quality', { low: 0.6, likely: 0.7, high: 0.8 }, { high: 0.8, likely: 0.7, low: 0.6 }],
      ['C.outcome-delay', { value: 3, unit: 'week' }, { unit: 'week', value: 3 }],
      ['A.impact-measurement', ['ab-test', 'offline'], ['offline', 'ab-test']],
    ];
    for (const [questionId, first, again] of resends) {
      await owner.caller.worksheet.save({ projectId, questionId, baseVersion: 0, value: first });
      // Autosave resending, or a teammate saving the very same answer: no new version to conflict with.
      for (const value of [first, again]) {
        const resent = await editor.caller.worksheet.save({ projectId, questionId, baseVersion: 1, value });
        expect(resent, questionId).toMatchObject({ version: 1, updatedByName: owner.user.name });
      }
    }
    const history = await owner.caller.worksheet.history({ projectId });
    expect(history.map((h) => [h.questionId, h.version])).toEqual([
      ['A.impact-measurement', 1],
      ['C.outcome-delay', 1],
      ['E.expected-quality', 1],
    ]);
  });

  it('lists history and restores an earlier value as a new version', async () => {
    const { owner, editor, viewer, projectId } = await setup();
    await owner.caller.worksheet.save({
      projectId,
      questionId: 'G.serving-mode',
      baseVersion: 0,
      value: 'online',
    });
    await editor.caller.worksheet.save({
      projectId,
      questionId: 'G.serving-mode',
      baseVersion: 1,
      value: 'precomputed',
    });
    await editor.caller.worksheet.save({ projectId, questionId: 'K.readers', baseVersion: 0, value: 'CFO' });
    const history = await viewer.caller.worksheet.history({ projectId, questionId: 'G.serving-mode' });
    expect(
      history.map((h) => [h.version, h.actorName, h.oldValue?.value ?? null, h.newValue?.value]),
    ).toEqual([
      [2, editor.user.name, 'online', 'precomputed'],
      [1, owner.user.name, null, 'online'],
    ]);
    expect(await viewer.caller.worksheet.history({ projectId, limit: 1 })).toMatchObject([
      { questionId: 'K.readers' },
    ]);
    const first = history[1];
    if (!first) throw new Error('history missing');
    await expectTRPCError(
      owner.caller.worksheet.restore({ projectId, historyId: first.id, baseVersion: 1 }),
      'CONFLICT',
    );
    const restored = await owner.caller.worksheet.restore({ projectId, historyId: first.id, baseVersion: 2 });
    expect(restored).toMatchObject({ version: 3, value: { kind: 'single', value: 'online' } });
    const [latest] = await viewer.caller.worksheet.history({
      projectId,
      questionId: 'G.serving-mode',
      limit: 1,
    });
    expect(latest).toMatchObject({ version: 3, restoredFromId: first.id, actorName: owner.user.name });
  });

  it('refuses bad input with BAD_REQUEST naming the field, and stores nothing', async () => {
    const { editor, projectId } = await setup();
    const refused = (questionId: string, value: z.input<typeof answerValueSchema>) =>
      expectTRPCError(
        editor.caller.worksheet.save({ projectId, questionId, baseVersion: 0, value }),
        'BAD_REQUEST',
      );
    expect((await refused('H.months-to-production', { low: 9, likely: 3, high: 12 })).message).toBe(
      'H.months-to-production: low must be ≤ likely',
    );
    expect((await refused('A.end-user', 12)).message).toBe('A.end-user: value must be text');
    expect((await refused('A.end-user', 'x'.repeat(201))).message).toContain(
      'value must be at most 200 characters',
    );
    expect((await refused('A.decision', 'x'.repeat(MAX_ANSWER_JSON_LENGTH))).message).toContain('value');
    await refused('Q.unknown', 'x');
    expect((await editor.caller.worksheet.get({ projectId })).answers).toEqual([]);
    expect(await editor.caller.worksheet.history({ projectId })).toEqual([]);
  });

  it('denies viewers every change (FORBIDDEN) and hides the worksheet from outsiders', async () => {
    const { owner, viewer, projectId } = await setup();
    await owner.caller.worksheet.save({ projectId, questionId: 'K.readers', baseVersion: 0, value: 'CFO' });
    const [entry] = await owner.caller.worksheet.history({ projectId });
    if (!entry) throw new Error('history missing');
    await expectTRPCError(
      viewer.caller.worksheet.save({ projectId, questionId: 'K.readers', baseVersion: 1, value: 'Me' }),
      'FORBIDDEN',
    );
    await expectTRPCError(
      viewer.caller.worksheet.restore({ projectId, historyId: entry.id, baseVersion: 1 }),
      'FORBIDDEN',
    );
    await expectTRPCError(
      viewer.caller.worksheet.applyTemplate({ projectId, templateId: 'ranking-retrieval' }),
      'FORBIDDEN',
    );
    const [outsider] = await seedCallers(getDb(), 1);
    if (!outsider) throw new Error('seed failed');
    await expectTRPCError(outsider.caller.worksheet.get({ projectId }), 'NOT_FOUND');
    // A history id of another project is not found through this one.
    const other = await outsider.caller.projects.create({
      workspaceId: (await outsider.caller.workspaces.create({ name: 'Theirs' })).id,
      name: 'Other',
    });
    await expectTRPCError(
      outsider.caller.worksheet.restore({ projectId: other.id, historyId: entry.id, baseVersion: 0 }),
      'NOT_FOUND',
    );
    expect((await viewer.caller.worksheet.get({ projectId })).answers).toMatchObject([
      { value: { value: 'CFO' }, version: 1 },
    ]);
  });

  it('applies a template into empty answers only', async () => {
    const { editor, projectId } = await setup();
    await editor.caller.worksheet.save({
      projectId,
      questionId: 'C.framing',
      baseVersion: 0,
      value: 'generation',
    });
    const { filled } = await editor.caller.worksheet.applyTemplate({
      projectId,
      templateId: 'ranking-retrieval',
    });
    expect(filled).toContain('C.output');
    expect(filled).not.toContain('C.framing');
    const { answers } = await editor.caller.worksheet.get({ projectId });
    expect(answers.find((a) => a.questionId === 'C.framing')?.value).toEqual({
      kind: 'single',
      value: 'generation',
    });
    expect(answers.find((a) => a.questionId === 'C.output')?.value).toEqual({
      kind: 'single',
      value: 'ranked-list',
    });
    await expectTRPCError(
      editor.caller.worksheet.applyTemplate({ projectId, templateId: 'no-such-template' }),
      'BAD_REQUEST',
    );
  });
});
