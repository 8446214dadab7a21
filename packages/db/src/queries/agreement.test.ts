import {
  computeAgreement,
  computeFramedAgreement,
  parseFramedSample,
  parseSample,
} from '@raisin/core/agreement';
import { expect, it } from 'vitest';
import { describeOnEachDatabase, rejectsWith, seedUsers } from '../testing';
import {
  createAgreementSample,
  deleteAgreementSample,
  getAgreementSample,
  getAgreementSampleTriples,
  getReferenceCeiling,
  listAgreementSamples,
  renameAgreementSample,
  saveAgreementRescore,
  setReferenceSample,
  storedSourceOf,
} from './agreement';
import { decodeSample, encodeSample } from './agreement-codec';
import { listAuditEntries } from './audit';
import { createProject } from './projects';
import { createWorkspace } from './workspaces';

// Three annotators on four items: enough for a majority-of-others ceiling.
const CSV =
  'item,annotator,label\n1,a,x\n1,b,x\n1,c,x\n2,a,y\n2,b,y\n2,c,x\n3,a,x\n3,b,y\n3,c,y\n4,a,y\n4,b,y\n4,c,y\n';

function scored(csv = CSV) {
  const parsed = parseSample(csv);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const report = computeAgreement(parsed.value.sample, { bootstrap: 50 });
  return { sample: parsed.value.sample, report, triples: encodeSample(parsed.value.sample) };
}

describeOnEachDatabase('agreement sample queries', (getDb) => {
  async function setup() {
    const db = getDb();
    const [a] = await seedUsers(db, [{ name: 'Ann' }]);
    if (!a) throw new Error('seed failed');
    const ws = await createWorkspace(db, { name: 'WS', actorId: a.id });
    const project = await createProject(db, { workspaceId: ws.id, name: 'P', actorId: a.id });
    const ids = { projectId: project.id, workspaceId: ws.id, actorId: a.id };
    const create = (name: string, csv?: string, missingSpellings?: Record<string, number>) => {
      const { report, triples } = scored(csv);
      return createAgreementSample(db, {
        ...(missingSpellings === undefined ? {} : { missingSpellings }),
        ...ids,
        name,
        fileName: `${name}.csv`,
        fileBytes: 100,
        format: 'long',
        columns: { item: 'item', annotator: 'annotator', label: 'label' },
        level: 'nominal',
        categoryOrder: null,
        report,
        triples,
      });
    };
    return { db, a, ws, project, ids, create };
  }

  it('stores a sample with its report and triples, and the first one becomes the reference', async () => {
    const { db, ids, create, a } = await setup();
    const { report, sample } = scored();
    const pilot = await create('pilot');
    expect(pilot).toMatchObject({
      name: 'pilot',
      items: 4,
      annotators: 3,
      annotations: 12,
      alpha: report.krippendorffAlpha.nominal,
      ceiling: report.humanCeiling?.value,
      isReference: true,
      version: 1,
      createdByName: 'Ann',
    });
    expect(pilot.alphaCi).toEqual(report.ci.alpha);
    const second = await create('batch 2');
    expect(second.isReference).toBe(false);
    const full = await getAgreementSample(db, { projectId: ids.projectId, sampleId: pilot.id });
    expect(full.report).toEqual(JSON.parse(JSON.stringify(report)));
    const stored = await getAgreementSampleTriples(db, { projectId: ids.projectId, sampleId: pilot.id });
    expect(stored.framing).toBe('categorical');
    expect(Array.from(decodeSample(stored.triples).categoryOf)).toEqual(Array.from(sample.categoryOf));
    expect((await listAgreementSamples(db, ids)).map((s) => s.name)).toEqual(['pilot', 'batch 2']);
    expect(await getReferenceCeiling(db, ids.projectId)).toEqual({
      value: report.humanCeiling?.value,
      ci: report.humanCeiling?.ci,
      items: report.humanCeiling?.items,
      krippendorffAlpha: report.krippendorffAlpha.nominal,
      sampleId: pilot.id,
      sampleName: 'pilot',
      basis: 'majority-of-others',
    });
    const [audit] = await listAuditEntries(db, { workspaceId: ids.workspaceId, limit: 1 });
    expect(audit).toMatchObject({ action: 'agreement_sample.created', entityId: second.id, actorId: a.id });
  });

  it("says what the reference ceiling is measured in: a span sample's is its span F1, not an accuracy", async () => {
    const { db, project, ids, create } = await setup();
    await create('pilot');
    expect((await getReferenceCeiling(db, project.id))?.basis).toBe('majority-of-others');
    const spans = parseFramedSample(
      JSON.stringify({
        text: 'Ann met Bob',
        spans: [{ start: 0, end: 3, label: 'PER' }],
        _annotator_id: 'x',
        _input_hash: 1,
        answer: 'accept',
        _view_id: 'ner_manual',
      }) +
        '\n' +
        JSON.stringify({
          text: 'Ann met Bob',
          spans: [{ start: 8, end: 11, label: 'PER' }],
          _annotator_id: 'y',
          _input_hash: 1,
          answer: 'accept',
          _view_id: 'ner_manual',
        }),
    );
    if (!spans.ok) throw new Error(spans.error.message);
    const control = spans.value.controls[0];
    if (!control) throw new Error('no control');
    const ner = await createAgreementSample(db, {
      ...ids,
      name: 'ner',
      fileName: 'ner.jsonl',
      fileBytes: 100,
      format: 'prodigy',
      columns: null,
      level: 'nominal',
      categoryOrder: null,
      report: computeFramedAgreement(control.sample, { bootstrap: 0 }),
      triples: encodeSample(scored().sample),
    });
    await setReferenceSample(db, { ...ids, sampleId: ner.id });
    expect(await getReferenceCeiling(db, project.id)).toMatchObject({ basis: 'spans.f1.exact', value: 0 });
  });

  it('keeps samples of other projects out of reach', async () => {
    const { db, create, ws, a } = await setup();
    const sample = await create('mine');
    const other = await createProject(db, { workspaceId: ws.id, name: 'Other', actorId: a.id });
    await rejectsWith(
      getAgreementSample(db, { projectId: other.id, sampleId: sample.id }),
      'AGREEMENT_SAMPLE_NOT_FOUND',
    );
    await rejectsWith(
      deleteAgreementSample(db, {
        projectId: other.id,
        workspaceId: ws.id,
        sampleId: sample.id,
        actorId: a.id,
      }),
      'AGREEMENT_SAMPLE_NOT_FOUND',
    );
    await rejectsWith(
      setReferenceSample(db, { projectId: other.id, workspaceId: ws.id, sampleId: sample.id, actorId: a.id }),
      'AGREEMENT_SAMPLE_NOT_FOUND',
    );
    expect(await getReferenceCeiling(db, other.id)).toBeNull();
  });

  it('renames and re-scores with optimistic concurrency', async () => {
    const { db, ids, create } = await setup();
    const s = await create('pilot');
    const renamed = await renameAgreementSample(db, { ...ids, sampleId: s.id, version: 1, name: 'Pilot v1' });
    expect(renamed).toMatchObject({ name: 'Pilot v1', version: 2 });
    await rejectsWith(
      renameAgreementSample(db, { ...ids, sampleId: s.id, version: 1, name: 'Lost' }),
      'VERSION_CONFLICT',
    );
    const { sample } = scored();
    const report = computeAgreement(sample, { level: 'nominal', bootstrap: 0 });
    const rescored = await saveAgreementRescore(db, {
      ...ids,
      sampleId: s.id,
      version: 2,
      level: 'nominal',
      categoryOrder: null,
      report,
    });
    expect(rescored).toMatchObject({ version: 3, alphaCi: null, name: 'Pilot v1' });
    expect(
      (await getAgreementSample(db, { projectId: ids.projectId, sampleId: s.id })).report.bootstrap.resamples,
    ).toBe(0);
  });

  it("keeps how the file was read (cells read as missing) in the report's source, across a re-score", async () => {
    const { db, ids, create } = await setup();
    const noted = await create('noted', undefined, { NA: 37, 'N/A': 2 });
    const plain = await create('plain');
    const read = (sampleId: string) => getAgreementSample(db, { projectId: ids.projectId, sampleId });
    expect((await read(noted.id)).report.source).toEqual({ missingSpellings: { NA: 37, 'N/A': 2 } });
    expect((await read(plain.id)).report.source).toBeUndefined();
    // Re-scoring replaces the numbers, not how the file was read; a sample without a source gains none.
    const report = computeAgreement(scored().sample, { level: 'ordinal', bootstrap: 0 });
    for (const sample of [noted, plain]) {
      await saveAgreementRescore(db, {
        ...ids,
        sampleId: sample.id,
        version: 1,
        level: 'ordinal',
        categoryOrder: null,
        report,
      });
    }
    const renoted = await read(noted.id);
    expect(renoted.report.level).toBe('ordinal');
    expect(renoted.report.bootstrap.resamples).toBe(0);
    expect(renoted.report.source).toEqual({ missingSpellings: { NA: 37, 'N/A': 2 } });
    const replain = await read(plain.id);
    expect(replain.report.level).toBe('ordinal');
    expect(replain.report).not.toHaveProperty('source');
  });

  it('reads a source from outside only when it is well formed', () => {
    expect(storedSourceOf({ source: { missingSpellings: { NA: 3 } } })).toEqual({
      missingSpellings: { NA: 3 },
    });
    expect(storedSourceOf({})).toBeUndefined();
    expect(storedSourceOf(null)).toBeUndefined();
    expect(storedSourceOf({ source: { missingSpellings: { NA: -1 } } })).toBeUndefined();
    expect(storedSourceOf({ source: { missingSpellings: { NA: '3' } } })).toBeUndefined();
    expect(storedSourceOf({ source: { missingSpellings: [1] } })).toBeUndefined();
  });

  it('moves the reference, clears it, and deletes samples with their triples', async () => {
    const { db, ids, create } = await setup();
    const first = await create('first');
    const second = await create('second');
    await setReferenceSample(db, { ...ids, sampleId: second.id });
    const list = await listAgreementSamples(db, ids);
    expect(list.map((s) => [s.name, s.isReference])).toEqual([
      ['first', false],
      ['second', true],
    ]);
    expect((await getReferenceCeiling(db, ids.projectId))?.sampleId).toBe(second.id);
    await setReferenceSample(db, { ...ids, sampleId: null });
    expect(await getReferenceCeiling(db, ids.projectId)).toBeNull();
    await deleteAgreementSample(db, { ...ids, sampleId: first.id });
    expect((await listAgreementSamples(db, ids)).map((s) => s.id)).toEqual([second.id]);
    await rejectsWith(
      getAgreementSampleTriples(db, { projectId: ids.projectId, sampleId: first.id }),
      'AGREEMENT_SAMPLE_NOT_FOUND',
    );
  });

  it('hands the reference to the newest remaining sample when the reference is deleted', async () => {
    const { db, ids, create } = await setup();
    const first = await create('first');
    const second = await create('second');
    const third = await create('third');
    await setReferenceSample(db, { ...ids, sampleId: first.id });
    expect(await deleteAgreementSample(db, { ...ids, sampleId: second.id })).toEqual({
      newReferenceId: null,
    });
    expect((await getReferenceCeiling(db, ids.projectId))?.sampleId).toBe(first.id);
    expect(await deleteAgreementSample(db, { ...ids, sampleId: first.id })).toEqual({
      newReferenceId: third.id,
    });
    expect((await listAgreementSamples(db, ids)).map((s) => [s.name, s.isReference])).toEqual([
      ['third', true],
    ]);
    expect(await deleteAgreementSample(db, { ...ids, sampleId: third.id })).toEqual({ newReferenceId: null });
    expect(await listAgreementSamples(db, ids)).toEqual([]);
  });

  it('lets exactly one of two concurrent reference changes stand', async () => {
    const { db, ids, create } = await setup();
    const first = await create('first');
    const second = await create('second');
    await Promise.allSettled([
      setReferenceSample(db, { ...ids, sampleId: first.id }),
      setReferenceSample(db, { ...ids, sampleId: second.id }),
    ]);
    const references = (await listAgreementSamples(db, ids)).filter((s) => s.isReference);
    expect(references).toHaveLength(1);
  });

  it('stores nothing when the transaction fails half way', async () => {
    const { db, ids } = await setup();
    const { report, triples } = scored();
    await expect(
      createAgreementSample(db, {
        ...ids,
        actorId: 'ghost',
        name: 'orphan',
        fileName: 'x.csv',
        fileBytes: 1,
        format: 'long',
        columns: null,
        level: 'nominal',
        categoryOrder: null,
        report,
        triples,
      }),
    ).rejects.toThrow();
    expect(await listAgreementSamples(db, ids)).toEqual([]);
  });
});
