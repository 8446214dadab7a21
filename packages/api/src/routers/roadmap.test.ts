import { MATURITY_ITEMS } from '@raisin/core';
import { describeOnEachDatabase } from '@raisin/db/testing';
import { expect, it } from 'vitest';
import { expectTRPCError, seedTeamProject } from '../test-support';

const levelOneYes = Object.fromEntries(
  MATURITY_ITEMS.filter((item) => item.level === 1).map((item) => [item.id, 'yes' as const]),
);

describeOnEachDatabase('roadmap router', (getDb) => {
  const setup = () => seedTeamProject(getDb(), 'Medicines detector');

  it('saves the assessment with versions and answers a stale save with CONFLICT', async () => {
    const { editor, owner, viewer, projectId } = await setup();
    const empty = await viewer.caller.roadmap.assessment({ projectId });
    expect(empty).toMatchObject({ version: 0, level: 0, answered: 0, total: MATURITY_ITEMS.length });
    expect(empty.blockerIds).toHaveLength(MATURITY_ITEMS.filter((item) => item.level === 1).length);

    const saved = await editor.caller.roadmap.saveAnswers({ projectId, version: 0, answers: levelOneYes });
    expect(saved).toMatchObject({ version: 1, level: 1 });
    expect(saved.blockerIds.every((id) => MATURITY_ITEMS.find((item) => item.id === id)?.level === 2)).toBe(
      true,
    );
    const error = await expectTRPCError(
      owner.caller.roadmap.saveAnswers({ projectId, version: 0, answers: { 'code.review': 'no' } }),
      'CONFLICT',
    );
    expect(error.message).toMatch(/changed by someone else/);
    expect((await viewer.caller.roadmap.assessment({ projectId })).answers['code.review']).toBe('yes');

    await expectTRPCError(
      editor.caller.roadmap.saveAnswers({ projectId, version: 1, answers: { 'not.an-item': 'yes' } }),
      'BAD_REQUEST',
    );
    const overridden = await owner.caller.roadmap.setTargetOverride({
      projectId,
      version: 1,
      override: { level: 2, reason: 'Twelve markets, one model each' },
    });
    expect(overridden.target).toMatchObject({ level: 2, recommendedLevel: 0, overridden: true });
  });

  it('generates, edits and regenerates without losing the edit; exports the result', async () => {
    const { editor, viewer, projectId } = await setup();
    expect(await viewer.caller.roadmap.get({ projectId })).toEqual({ stored: null });
    const first = await editor.caller.roadmap.generate({ projectId, version: 0, startDate: '2025-01-04' });
    expect(first.version).toBe(1);
    // A Saturday start rolls to Monday; P90 never precedes P50.
    expect(first.roadmap.phases[0]?.schedule.p50Start).toBe('2025-01-06');
    for (const phase of first.roadmap.phases) {
      expect(phase.schedule.p90End >= phase.schedule.p50End).toBe(true);
      expect(phase.schedule.durationP90).toBeGreaterThanOrEqual(phase.schedule.durationP50);
    }

    const edited = await editor.caller.roadmap.edit({
      projectId,
      version: 1,
      edit: { type: 'setPhaseEstimate', phaseId: 'ml-baseline', estimate: { low: 1, likely: 2, high: 3 } },
    });
    expect(edited.roadmap.phases[1]?.schedule.durationP50).toBe(2);
    const renamed = await editor.caller.roadmap.edit({
      projectId,
      version: 2,
      edit: { type: 'renamePhase', phaseId: 'heuristic', name: 'Keyword rule in production' },
    });
    await expectTRPCError(
      editor.caller.roadmap.edit({
        projectId,
        version: 2,
        edit: { type: 'renamePhase', phaseId: 'heuristic', name: 'Lost update' },
      }),
      'CONFLICT',
    );

    const regenerated = await editor.caller.roadmap.generate({
      projectId,
      version: renamed.version,
      startDate: '2025-02-03',
    });
    expect(regenerated.conflicts).toEqual([]);
    expect(regenerated.roadmap.phases[0]).toMatchObject({
      name: 'Keyword rule in production',
      edited: ['name'],
      schedule: { p50Start: '2025-02-03' },
    });
    expect(regenerated.roadmap.phases[1]?.schedule.durationP50).toBe(2);

    const csv = await viewer.caller.roadmap.export({ projectId, format: 'csv' });
    expect(csv.fileName).toBe('medicines-detector-roadmap.csv');
    expect(csv.content.split('\r\n')[0]).toBe('ID,Summary,Description,Start date,Due date,Parent');
    expect(csv.content).toContain('heuristic,Keyword rule in production,');
    const ics = await viewer.caller.roadmap.export({ projectId, format: 'ics' });
    expect(ics.mimeType).toMatch(/^text\/calendar/);
    expect(ics.content.match(/BEGIN:VEVENT/g)).toHaveLength(
      regenerated.roadmap.phases.reduce((sum, phase) => sum + phase.milestones.length, 0),
    );
    expect(ics.content).toContain(
      `DTSTART;VALUE=DATE:${regenerated.roadmap.phases[0]?.schedule.p50End.replace(/-/g, '')}`,
    );
    const markdown = await viewer.caller.roadmap.export({ projectId, format: 'markdown' });
    expect(markdown.content).toContain('| 1 | Keyword rule in production |');
  });

  it('lets a viewer read but not change anything', async () => {
    const { editor, viewer, projectId } = await setup();
    await editor.caller.roadmap.generate({ projectId, version: 0, startDate: '2025-01-06' });
    await expectTRPCError(
      viewer.caller.roadmap.saveAnswers({ projectId, version: 0, answers: { 'code.review': 'yes' } }),
      'FORBIDDEN',
    );
    await expectTRPCError(
      viewer.caller.roadmap.setTargetOverride({ projectId, version: 0, override: null }),
      'FORBIDDEN',
    );
    await expectTRPCError(
      viewer.caller.roadmap.generate({ projectId, version: 1, startDate: '2025-01-06' }),
      'FORBIDDEN',
    );
    await expectTRPCError(
      viewer.caller.roadmap.edit({
        projectId,
        version: 1,
        edit: { type: 'removePhase', phaseId: 'heuristic' },
      }),
      'FORBIDDEN',
    );
    const stored = await viewer.caller.roadmap.get({ projectId });
    expect(stored.stored?.version).toBe(1);
    expect(stored.stored?.roadmap.phases).toHaveLength(3);
  });

  it('refuses a roadmap with zero phases with a clear message, and bad input naming the field', async () => {
    const { editor, projectId } = await setup();
    const error = await expectTRPCError(
      editor.caller.roadmap.generate({
        projectId,
        version: 0,
        startDate: '2025-01-06',
        completedPhases: ['heuristic', 'ml-baseline', 'first-production-model'],
      }),
      'BAD_REQUEST',
    );
    expect(error.message).toBe(
      'Every phase up to the target level is already done: there is nothing to put on a roadmap.',
    );
    await expectTRPCError(editor.caller.roadmap.export({ projectId, format: 'csv' }), 'NOT_FOUND');
    const badDate = await expectTRPCError(
      editor.caller.roadmap.generate({ projectId, version: 0, startDate: '2025-02-30' }),
      'BAD_REQUEST',
    );
    expect(badDate.message).toContain('YYYY-MM-DD');

    await editor.caller.roadmap.generate({
      projectId,
      version: 0,
      startDate: '2025-01-06',
      completedPhases: ['heuristic', 'ml-baseline'],
    });
    const last = await expectTRPCError(
      editor.caller.roadmap.edit({
        projectId,
        version: 1,
        edit: { type: 'removePhase', phaseId: 'first-production-model' },
      }),
      'BAD_REQUEST',
    );
    expect(last.message).toBe('A roadmap needs at least one phase: add another first.');
    const unordered = await expectTRPCError(
      editor.caller.roadmap.edit({
        projectId,
        version: 1,
        edit: {
          type: 'setPhaseEstimate',
          phaseId: 'first-production-model',
          estimate: { low: 5, likely: 3, high: 9 },
        },
      }),
      'BAD_REQUEST',
    );
    expect(unordered.message).toContain('Low must not exceed likely');
    expect((await editor.caller.roadmap.get({ projectId })).stored?.version).toBe(1);
  });
});
