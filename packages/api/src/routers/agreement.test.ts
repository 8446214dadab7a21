import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getReferenceCeiling, listAuditEntries } from '@raisin/db';
import { describeOnEachDatabase } from '@raisin/db/testing';
import { expect, it } from 'vitest';
import { seedAgreementSample, seedFramedSample } from '../agreement/test-support';
import { expectTRPCError, seedTeamProject } from '../test-support';

const KRIPPENDORFF_WIDE = readFileSync(
  fileURLToPath(
    new URL('../../../core/src/agreement/reference-data/krippendorff2011.wide.csv', import.meta.url),
  ),
  'utf8',
);

const NER_WITH_TOPIC = readFileSync(
  fileURLToPath(
    new URL('../../../core/src/agreement/parse/fixtures/label-studio-ner-with-topic.json', import.meta.url),
  ),
);

const framingFile = (folder: 'parse/fixtures' | 'reference-data', name: string) =>
  readFileSync(fileURLToPath(new URL(`../../../core/src/agreement/${folder}/${name}`, import.meta.url)));

describeOnEachDatabase('agreement router', (getDb) => {
  async function setup() {
    const db = getDb();
    const { ws, project, owner, editor, viewer } = await seedTeamProject(db, 'Meds', 'editor');
    const upload = (name: string, csv?: string) =>
      seedAgreementSample(db, {
        projectId: project.id,
        workspaceId: ws.id,
        actorId: editor.user.id,
        name,
        ...(csv === undefined ? {} : { csv }),
      });
    return { db, ws, project, owner, editor, viewer, upload };
  }

  it('lists uploaded samples and opens one with its report, for viewers too', async () => {
    const { project, viewer, upload } = await setup();
    const pilot = await upload('pilot', KRIPPENDORFF_WIDE);
    const list = await viewer.caller.agreement.list({ projectId: project.id });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: pilot.id,
      name: 'pilot',
      isReference: true,
      items: 12,
      annotators: 4,
    });
    expect(list[0]?.alpha).toBeCloseTo(0.743, 3);
    expect(typeof list[0]?.createdAt).toBe('string');
    const full = await viewer.caller.agreement.get({ projectId: project.id, sampleId: pilot.id });
    expect(full.report.krippendorffAlpha.nominal).toBeCloseTo(0.7434, 4);
    expect(full.report.diagnostics.pairs.length).toBeGreaterThan(0);
  });

  it('re-scores at the interval level from the stored triples', async () => {
    const { project, editor, upload, db } = await setup();
    const pilot = await upload('pilot', KRIPPENDORFF_WIDE);
    const rescored = await editor.caller.agreement.rescore({
      projectId: project.id,
      sampleId: pilot.id,
      version: 1,
      level: 'interval',
    });
    expect(rescored).toMatchObject({ level: 'interval', version: 2 });
    expect(rescored.alpha).toBeCloseTo(0.849, 3);
    const full = await editor.caller.agreement.get({ projectId: project.id, sampleId: pilot.id });
    expect(full.report.level).toBe('interval');
    expect((await getReferenceCeiling(db, project.id))?.krippendorffAlpha).toBeCloseTo(0.849, 3);
    // A stale version is refused and changes nothing.
    await expectTRPCError(
      editor.caller.agreement.rescore({
        projectId: project.id,
        sampleId: pilot.id,
        version: 1,
        level: 'nominal',
      }),
      'CONFLICT',
    );
  });

  it('refuses a level the labels do not support, naming why, and keeps the old result', async () => {
    const { project, editor, upload } = await setup();
    const words = await upload('words');
    const error = await expectTRPCError(
      editor.caller.agreement.rescore({
        projectId: project.id,
        sampleId: words.id,
        version: 1,
        level: 'interval',
      }),
      'BAD_REQUEST',
    );
    expect(error.message).toBe('The interval level needs numeric labels.');
    const ordinal = await editor.caller.agreement.rescore({
      projectId: project.id,
      sampleId: words.id,
      version: 1,
      level: 'ordinal',
      order: ['x', 'y'],
    });
    expect(ordinal).toMatchObject({ level: 'ordinal', categoryOrder: ['x', 'y'], version: 2 });
    await expectTRPCError(
      editor.caller.agreement.rescore({
        projectId: project.id,
        sampleId: words.id,
        version: 2,
        level: 'ordinal',
        order: ['x', 'x'],
      }),
      'BAD_REQUEST',
    );
  });

  it('keeps every question of an export, each under its framing, across a re-score of the headline', async () => {
    const { db, ws, project, editor, viewer } = await setup();
    const sample = await seedFramedSample(db, {
      projectId: project.id,
      workspaceId: ws.id,
      actorId: editor.user.id,
      file: NER_WITH_TOPIC,
      control: 'topic',
    });
    const ref = { projectId: project.id, sampleId: sample.id };
    const stored = (await viewer.caller.agreement.get(ref)).report;
    expect(stored.source?.control).toBe('topic');
    expect(Object.keys(stored.controls ?? {})).toEqual(['label', 'topic']);
    expect(stored.controls?.label).toMatchObject({ framing: 'spans', humanCeilingMetric: 'f1' });
    expect(stored.controls?.label?.spans?.f1.exact).toBeCloseTo(8 / 11, 12);
    // The headline question is the top level: the trend and the Tradeoff tab read its ceiling.
    expect(stored.humanCeiling?.value).toBe(0.5);
    expect(sample.ceiling).toBe(0.5);

    await editor.caller.agreement.rescore({
      ...ref,
      version: 1,
      level: 'ordinal',
      order: ['Business', 'Sports', 'World'],
    });
    const rescored = (await viewer.caller.agreement.get(ref)).report;
    expect(rescored.level).toBe('ordinal');
    expect(rescored.source?.control).toBe('topic');
    // The headline's entry follows the new score; the other question keeps its own.
    expect(rescored.controls?.topic?.level).toBe('ordinal');
    expect(rescored.controls?.topic?.krippendorffAlpha).toEqual(rescored.krippendorffAlpha);
    expect(rescored.controls?.label).toEqual(stored.controls?.label);
  });

  it('re-scores a sample of numbers under its framing: the ICC ceiling stays, a category order is refused', async () => {
    const { db, ws, project, editor, viewer } = await setup();
    const sample = await seedFramedSample(db, {
      projectId: project.id,
      workspaceId: ws.id,
      actorId: editor.user.id,
      file: framingFile('reference-data', 'shrout_fleiss1979_table2.long.csv'),
      framing: 'continuous',
    });
    const ref = { projectId: project.id, sampleId: sample.id };
    const rescored = await editor.caller.agreement.rescore({ ...ref, version: 1, level: 'interval' });
    // Shrout & Fleiss (1979) table 2: ICC(C,1) = 0.715, so the correlation ceiling is √0.715.
    expect(rescored).toMatchObject({ level: 'interval', version: 2 });
    expect(rescored.ceiling).toBeCloseTo(Math.sqrt(0.7148), 3);
    const { report } = await viewer.caller.agreement.get(ref);
    expect(report).toMatchObject({
      framing: 'continuous',
      humanCeilingMetric: 'correlation',
      level: 'interval',
      humanCeiling: { basis: 'sqrt-icc-c1' },
    });
    expect(report.icc?.['ICC(C,1)']).toBeCloseTo(0.7148, 3);
    expect(report.krippendorffAlpha.interval).toBe(rescored.alpha);

    const refused = await expectTRPCError(
      editor.caller.agreement.rescore({ ...ref, version: 2, level: 'ordinal', order: ['1', '2', '3'] }),
      'BAD_REQUEST',
    );
    expect(refused.message).toBe(
      'A sample of numbers is ordered by its values: a category order does not apply. Choose a level only.',
    );
    expect((await viewer.caller.agreement.get(ref)).version).toBe(2);
  });

  it('re-scores a pairwise sample at the nominal level only, keeping its preference block and ceiling', async () => {
    const { db, ws, project, editor, viewer } = await setup();
    const sample = await seedFramedSample(db, {
      projectId: project.id,
      workspaceId: ws.id,
      actorId: editor.user.id,
      file: framingFile('parse/fixtures', 'answers-pairwise.csv'),
      framing: 'pairwise',
    });
    const ref = { projectId: project.id, sampleId: sample.id };
    const before = (await viewer.caller.agreement.get(ref)).report;
    await editor.caller.agreement.rescore({ ...ref, version: 1, level: 'nominal' });
    const after = (await viewer.caller.agreement.get(ref)).report;
    expect(after).toMatchObject({ framing: 'pairwise', humanCeilingMetric: 'accuracy' });
    expect(after.pairwise).toEqual(before.pairwise);
    expect(after.humanCeiling?.basis).toBe('percent-agreement');
    expect(after.humanCeiling?.value).toBe(before.humanCeiling?.value);

    const refused = await expectTRPCError(
      editor.caller.agreement.rescore({ ...ref, version: 2, level: 'ordinal' }),
      'BAD_REQUEST',
    );
    expect(refused.message).toBe(
      'A pairwise sample compares its answers (first, second, tie) as categories: only the nominal level applies, without a category order.',
    );
  });

  it('refuses to re-score spans, naming the framing, and leaves the sample as it was', async () => {
    const { db, ws, project, editor, viewer } = await setup();
    const sample = await seedFramedSample(db, {
      projectId: project.id,
      workspaceId: ws.id,
      actorId: editor.user.id,
      file: framingFile('parse/fixtures', 'label-studio-ner.json'),
    });
    const ref = { projectId: project.id, sampleId: sample.id };
    const before = await viewer.caller.agreement.get(ref);
    expect(before.report.framing).toBe('spans');
    const refused = await expectTRPCError(
      editor.caller.agreement.rescore({ ...ref, version: 1, level: 'nominal' }),
      'BAD_REQUEST',
    );
    expect(refused.message).toMatch(/^This sample is scored as spans; .* cannot be re-scored\./);
    expect(await viewer.caller.agreement.get(ref)).toEqual(before);
  });

  it('renames, moves the reference and deletes, with audit entries', async () => {
    const { ws, project, owner, editor, upload, db } = await setup();
    const pilot = await upload('pilot');
    const batch = await upload('batch 2');
    expect(batch.isReference).toBe(false);
    await editor.caller.agreement.rename({
      projectId: project.id,
      sampleId: batch.id,
      version: 1,
      name: 'Batch 2',
    });
    await owner.caller.agreement.setReference({ projectId: project.id, sampleId: batch.id });
    const list = await editor.caller.agreement.list({ projectId: project.id });
    expect(list.map((s) => [s.name, s.isReference])).toEqual([
      ['pilot', false],
      ['Batch 2', true],
    ]);
    expect((await getReferenceCeiling(db, project.id))?.sampleName).toBe('Batch 2');
    await editor.caller.agreement.delete({ projectId: project.id, sampleId: pilot.id });
    await expectTRPCError(
      editor.caller.agreement.get({ projectId: project.id, sampleId: pilot.id }),
      'NOT_FOUND',
    );
    const actions = (await listAuditEntries(db, { workspaceId: ws.id, limit: 3 })).map((e) => e.action);
    expect(actions).toEqual([
      'agreement_sample.deleted',
      'agreement_sample.reference_set',
      'agreement_sample.renamed',
    ]);
  });

  it('lets viewers look but not change anything', async () => {
    const { project, viewer, upload, editor } = await setup();
    const pilot = await upload('pilot');
    const ref = { projectId: project.id, sampleId: pilot.id };
    await expectTRPCError(viewer.caller.agreement.rename({ ...ref, version: 1, name: 'Mine' }), 'FORBIDDEN');
    await expectTRPCError(
      viewer.caller.agreement.rescore({ ...ref, version: 1, level: 'nominal' }),
      'FORBIDDEN',
    );
    await expectTRPCError(viewer.caller.agreement.delete(ref), 'FORBIDDEN');
    await expectTRPCError(viewer.caller.agreement.setReference({ ...ref, sampleId: null }), 'FORBIDDEN');
    expect(await editor.caller.agreement.get(ref)).toMatchObject({
      name: 'pilot',
      version: 1,
      isReference: true,
    });
  });

  it('does not reach samples through another project', async () => {
    const { ws, editor, upload } = await setup();
    const pilot = await upload('pilot');
    const other = await editor.caller.projects.create({ workspaceId: ws.id, name: 'Other' });
    await expectTRPCError(
      editor.caller.agreement.get({ projectId: other.id, sampleId: pilot.id }),
      'NOT_FOUND',
    );
    await expectTRPCError(
      editor.caller.agreement.delete({ projectId: other.id, sampleId: pilot.id }),
      'NOT_FOUND',
    );
  });
});
