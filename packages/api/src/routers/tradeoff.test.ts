import { adoptedAngleName, duration, seedAttackAngles } from '@raisin/core';
import { saveWorksheetAnswer, schema } from '@raisin/db';
import { databaseFingerprint, describeOnEachDatabase } from '@raisin/db/testing';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { expectTRPCError, seedTeamProject } from '../test-support';

const angleInput = {
  name: 'Fine-tuned small model',
  effort: { low: duration(1, 'week'), likely: duration(2, 'week'), high: duration(2, 'month') },
  quality: { low: 0.8, likely: 0.85, high: 0.88 },
  costRate: null,
  riskNotes: 'Needs 5k labels',
};

describeOnEachDatabase('tradeoff router', (getDb) => {
  const setup = () => seedTeamProject(getDb(), 'Medicines detector');

  const exampleNames = seedAttackAngles().map((angle) => angle.name);
  const adoptedNames = exampleNames.map((name) => adoptedAngleName(name));

  it('stores no angles for a new project: its tab shows the examples, a read writes nothing, no tab uses them', async () => {
    const { editor, viewer, projectId } = await setup();
    const db = getDb();
    const stored = await db
      .select()
      .from(schema.attackAngle)
      .where(eq(schema.attackAngle.projectId, projectId));
    expect(stored).toEqual([]);

    const before = await databaseFingerprint(db);
    const first = await viewer.caller.tradeoff.get({ projectId });
    const summary = await viewer.caller.tradeoff.summary({ projectId });
    await editor.caller.tradeoff.get({ projectId });
    expect(await databaseFingerprint(db)).toBe(before);

    expect(first.angles).toEqual([]);
    expect(first.settings).toMatchObject({ maxQuality: 1, targetQuality: null, ceilingOverride: null });
    expect(first).toMatchObject({ version: 1, example: true });
    expect(summary).toBeNull();
    expect(exampleNames.every((name) => name.startsWith('Example: '))).toBe(true);
  });

  it('saving one angle stores only that angle, never the examples; a refused one stores nothing', async () => {
    const { editor, viewer, projectId } = await setup();
    const db = getDb();
    const before = await databaseFingerprint(db);
    await expectTRPCError(
      editor.caller.tradeoff.createAngle({
        projectId,
        angle: { ...angleInput, quality: { low: 0.9, likely: 0.85, high: 0.95 } },
      }),
      'BAD_REQUEST',
    );
    expect(await databaseFingerprint(db)).toBe(before);

    await editor.caller.tradeoff.createAngle({ projectId, angle: angleInput });
    const after = await viewer.caller.tradeoff.get({ projectId });
    expect(after.example).toBe(false);
    expect(after.angles.map((angle) => angle.name)).toEqual([angleInput.name]);
    const summary = await viewer.caller.tradeoff.summary({ projectId });
    expect(summary?.angles.map((angle) => angle.name)).toEqual([angleInput.name]);
    expect(summary?.bestAngle?.name).toBe(angleInput.name);
  });

  it('adopts the examples on request, named without the marker, once; a second adopt is a CONFLICT', async () => {
    const { editor, viewer, projectId } = await setup();
    await expectTRPCError(viewer.caller.tradeoff.adoptExamples({ projectId }), 'FORBIDDEN');
    const adopted = await editor.caller.tradeoff.adoptExamples({ projectId });
    expect(adopted.map((angle) => angle.name)).toEqual(adoptedNames);
    const state = await viewer.caller.tradeoff.get({ projectId });
    expect(state.example).toBe(false);
    expect(state.angles.map((angle) => angle.name)).toEqual(adoptedNames);
    expect((await viewer.caller.tradeoff.summary({ projectId }))?.angles).toHaveLength(4);

    const db = getDb();
    const before = await databaseFingerprint(db);
    await expectTRPCError(editor.caller.tradeoff.adoptExamples({ projectId }), 'CONFLICT');
    expect(await databaseFingerprint(db)).toBe(before);
  });

  it('exports an untouched project as no tradeoff, and its import stores no angles either', async () => {
    const { owner, projectId } = await setup();
    const exported = await owner.caller.portability.exportJson({ projectId });
    expect(exported.tradeoff).toBeNull();
    const project = await owner.caller.projects.get({ projectId });
    const imported = await owner.caller.portability.importJson({
      workspaceId: project.workspaceId,
      file: JSON.stringify(exported),
    });
    const state = await owner.caller.tradeoff.get({ projectId: imported.id });
    expect(state).toMatchObject({ example: true, angles: [] });
  });

  it('creates, updates and deletes angles with versions; a stale edit is a CONFLICT that changes nothing', async () => {
    const { editor, owner, projectId } = await setup();
    const created = await editor.caller.tradeoff.createAngle({ projectId, angle: angleInput });
    expect(created).toMatchObject({ version: 1, name: angleInput.name, riskNotes: 'Needs 5k labels' });
    const state = await owner.caller.tradeoff.get({ projectId });
    expect(state.angles.at(-1)?.id).toBe(created.id);

    const updated = await editor.caller.tradeoff.updateAngle({
      projectId,
      angleId: created.id,
      version: 1,
      angle: { ...angleInput, quality: { low: 0.8, likely: 0.86, high: 0.9 } },
    });
    expect(updated).toMatchObject({ version: 2, quality: { likely: 0.86 } });
    const error = await expectTRPCError(
      owner.caller.tradeoff.updateAngle({ projectId, angleId: created.id, version: 1, angle: angleInput }),
      'CONFLICT',
    );
    expect(error.message).toMatch(/changed by someone else/);
    await expectTRPCError(
      owner.caller.tradeoff.deleteAngle({ projectId, angleId: created.id, version: 1 }),
      'CONFLICT',
    );
    const after = await owner.caller.tradeoff.get({ projectId });
    expect(after.angles.find((angle) => angle.id === created.id)?.quality.likely).toBe(0.86);

    await owner.caller.tradeoff.deleteAngle({ projectId, angleId: created.id, version: 2 });
    const gone = await owner.caller.tradeoff.get({ projectId });
    expect(gone.angles.some((angle) => angle.id === created.id)).toBe(false);
    await expectTRPCError(
      owner.caller.tradeoff.deleteAngle({ projectId, angleId: created.id, version: 2 }),
      'NOT_FOUND',
    );
  });

  it('refuses invalid estimates with the field named, and stores nothing', async () => {
    const { editor, projectId } = await setup();
    const before = await editor.caller.tradeoff.get({ projectId });
    const outOfOrder = await expectTRPCError(
      editor.caller.tradeoff.createAngle({
        projectId,
        angle: { ...angleInput, quality: { low: 0.9, likely: 0.85, high: 0.95 } },
      }),
      'BAD_REQUEST',
    );
    expect(outOfOrder.message).toMatch(/^quality\.low/);
    const aboveRange = await expectTRPCError(
      editor.caller.tradeoff.createAngle({
        projectId,
        angle: { ...angleInput, quality: { low: 0.8, likely: 0.9, high: 1.2 } },
      }),
      'BAD_REQUEST',
    );
    expect(aboveRange.message).toMatch(/^quality\.high.*range/);
    const effort = await expectTRPCError(
      editor.caller.tradeoff.createAngle({
        projectId,
        angle: { ...angleInput, effort: { ...angleInput.effort, high: { value: 1, unit: 'day' } } },
      }),
      'BAD_REQUEST',
    );
    expect(effort.message).toMatch(/^effort\.high/);
    // Shape errors come from zod with their path.
    const zod = await expectTRPCError(
      editor.caller.tradeoff.createAngle({
        projectId,
        angle: { ...angleInput, effort: { ...angleInput.effort, low: { value: -1, unit: 'day' } } },
      }),
      'BAD_REQUEST',
    );
    expect(zod.message).toMatch(/effort/);
    const after = await editor.caller.tradeoff.get({ projectId });
    expect(after.angles).toHaveLength(before.angles.length);
  });

  it('records measured points by effort or by date, which move the server summary', async () => {
    const { editor, projectId } = await setup();
    await editor.caller.tradeoff.adoptExamples({ projectId });
    const state = await editor.caller.tradeoff.get({ projectId });
    await editor.caller.tradeoff.updateSettings({
      projectId,
      version: state.version,
      settings: { ...state.settings, targetQuality: 0.85, ceilingOverride: 0.92 },
    });
    const before = await editor.caller.tradeoff.summary({ projectId });
    if (!before?.timeToTarget) throw new Error('expected a time to target');
    expect(before.timeToTarget.p10Days).toBeLessThanOrEqual(before.timeToTarget.p50Days);
    expect(before.timeToTarget.p50Days).toBeLessThanOrEqual(before.timeToTarget.p90Days);
    expect(before.angles).toHaveLength(4);
    expect(before.bestAngle?.name).toBe('Awesome model');

    const point = await editor.caller.tradeoff.createMeasured({
      projectId,
      point: { effort: { value: 2, unit: 'week' }, measuredOn: null, quality: 0.88, label: 'v1' },
    });
    expect(point).toMatchObject({ version: 1, quality: 0.88 });
    const after = await editor.caller.tradeoff.summary({ projectId });
    if (!after?.timeToTarget) throw new Error('expected a time to target');
    expect(after.timeToTarget.p50Days).toBeLessThan(before.timeToTarget.p50Days);

    const dated = await editor.caller.tradeoff.updateMeasured({
      projectId,
      pointId: point.id,
      version: 1,
      point: { effort: null, measuredOn: '2025-03-01', quality: 0.88, label: 'v1' },
    });
    expect(dated).toMatchObject({ version: 2, effort: null, measuredOn: '2025-03-01' });
    await expectTRPCError(
      editor.caller.tradeoff.createMeasured({
        projectId,
        point: { effort: null, measuredOn: null, quality: 0.8, label: '' },
      }),
      'BAD_REQUEST',
    );
    await editor.caller.tradeoff.deleteMeasured({ projectId, pointId: point.id, version: 2 });
    expect((await editor.caller.tradeoff.get({ projectId })).measured).toEqual([]);
  });

  it('refuses a measured point dated in the future, naming the field, and stores nothing', async () => {
    const { editor, projectId } = await setup();
    const db = getDb();
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const before = await databaseFingerprint(db);
    // Two days ahead, not one: a run crossing midnight (UTC) must not turn tomorrow into today. The core's
    // tests refuse tomorrow on a fixed clock (`validateMeasuredOn`).
    for (const measuredOn of [day(2), day(30), '2999-01-01']) {
      const error = await expectTRPCError(
        editor.caller.tradeoff.createMeasured({
          projectId,
          point: { effort: null, measuredOn, quality: 0.8, label: '' },
        }),
        'BAD_REQUEST',
      );
      expect(error.message).toMatch(new RegExp(`^measuredOn: ${measuredOn} is in the future`));
    }
    // A browser claiming to be two days ahead of UTC is not believed (no time zone is).
    await expectTRPCError(
      editor.caller.tradeoff.createMeasured({
        projectId,
        point: { effort: null, measuredOn: day(2), quality: 0.8, label: '' },
        today: day(2),
      }),
      'BAD_REQUEST',
    );
    expect(await databaseFingerprint(db)).toBe(before);

    // Today is fine, and so is the browser's today one day ahead of UTC's (e.g. in Auckland).
    const today = await editor.caller.tradeoff.createMeasured({
      projectId,
      point: { effort: null, measuredOn: day(0), quality: 0.8, label: 'today' },
    });
    const aheadOfUtc = await editor.caller.tradeoff.createMeasured({
      projectId,
      point: { effort: null, measuredOn: day(1), quality: 0.8, label: 'Auckland' },
      today: day(1),
    });
    // Moving a stored point into the future is refused too.
    const error = await expectTRPCError(
      editor.caller.tradeoff.updateMeasured({
        projectId,
        pointId: today.id,
        version: today.version,
        point: { effort: null, measuredOn: day(3), quality: 0.8, label: 'today' },
      }),
      'BAD_REQUEST',
    );
    expect(error.message).toMatch(/^measuredOn: /);
    expect((await editor.caller.tradeoff.get({ projectId })).measured.map((p) => p.id).sort()).toEqual(
      [today.id, aheadOfUtc.id].sort(),
    );
  });

  it('takes the target from the worksheet until the settings set one, and versions the settings', async () => {
    const { editor, owner, projectId } = await setup();
    await saveWorksheetAnswer(getDb(), {
      projectId,
      questionId: 'E.target-quality',
      baseVersion: 0,
      value: 0.83,
      actorId: owner.user.id,
    });
    const state = await editor.caller.tradeoff.get({ projectId });
    expect(state.worksheetTarget).toBe(0.83);
    const saved = await editor.caller.tradeoff.updateSettings({
      projectId,
      version: 1,
      settings: { ...state.settings, targetQuality: 0.9 },
    });
    expect(saved).toMatchObject({ version: 2, settings: { targetQuality: 0.9 } });
    await expectTRPCError(
      owner.caller.tradeoff.updateSettings({ projectId, version: 1, settings: state.settings }),
      'CONFLICT',
    );
    const error = await expectTRPCError(
      editor.caller.tradeoff.updateSettings({
        projectId,
        version: 2,
        settings: { ...state.settings, targetQuality: 1.5 },
      }),
      'BAD_REQUEST',
    );
    expect(error.message).toMatch(/^targetQuality/);
    expect((await editor.caller.tradeoff.get({ projectId })).settings.targetQuality).toBe(0.9);
  });

  it('refuses a metric maximum below a stored quality, naming the field and the angle', async () => {
    const { editor, projectId } = await setup();
    const state = await editor.caller.tradeoff.get({ projectId });
    const percent = { ...state.settings, maxQuality: 100, targetQuality: 85 };
    await editor.caller.tradeoff.updateSettings({ projectId, version: 1, settings: percent });
    await editor.caller.tradeoff.createAngle({
      projectId,
      angle: { ...angleInput, quality: { low: 80, likely: 85, high: 88 } },
    });
    const error = await expectTRPCError(
      editor.caller.tradeoff.updateSettings({
        projectId,
        version: 2,
        settings: { ...percent, maxQuality: 1, targetQuality: 0.85 },
      }),
      'BAD_REQUEST',
    );
    expect(error.message).toMatch(/^maxQuality: the angle "Fine-tuned small model" expects quality up to 88/);
    expect((await editor.caller.tradeoff.get({ projectId })).settings).toMatchObject({ maxQuality: 100 });
  });

  it('lets a viewer read but not change anything', async () => {
    const { editor, viewer, projectId } = await setup();
    await editor.caller.tradeoff.createAngle({ projectId, angle: angleInput });
    const state = await viewer.caller.tradeoff.get({ projectId });
    const angle = state.angles[0];
    if (!angle) throw new Error('expected the stored angle');
    await expectTRPCError(viewer.caller.tradeoff.createAngle({ projectId, angle: angleInput }), 'FORBIDDEN');
    await expectTRPCError(
      viewer.caller.tradeoff.updateAngle({ projectId, angleId: angle.id, version: 1, angle: angleInput }),
      'FORBIDDEN',
    );
    await expectTRPCError(
      viewer.caller.tradeoff.updateSettings({ projectId, version: 1, settings: state.settings }),
      'FORBIDDEN',
    );
    expect((await viewer.caller.tradeoff.get({ projectId })).angles[0]).toEqual(angle);
  });
});
