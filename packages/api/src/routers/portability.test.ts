import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeOnEachDatabase } from '@raisin/db/testing';
import { expect, it } from 'vitest';
import { SMALL_SAMPLE_CSV, seedAgreementSample, seedFramedSample } from '../agreement/test-support';
import { createContextInner } from '../context';
import { createCaller } from '../root';
import { PROJECT_FILE_LIMIT_BYTES } from '../schemas';
import { type Caller, expectTRPCError, joinWorkspace, seedCallers } from '../test-support';

const framingFile = (folder: 'parse/fixtures' | 'reference-data', name: string) =>
  readFileSync(fileURLToPath(new URL(`../../../core/src/agreement/${folder}/${name}`, import.meta.url)));

const XSS = '<script>alert(1)</script> | `#` \n line two';

describeOnEachDatabase('portability router', (getDb) => {
  /** Two workspaces: the source (owner `alice`) and the target (owner `bob`, `alice` a viewer there). */
  async function setup() {
    const [alice, bob, carol] = await seedCallers(getDb(), 3);
    if (!alice || !bob || !carol) throw new Error('seed failed');
    const source = await alice.caller.workspaces.create({ name: 'Source' });
    const target = await bob.caller.workspaces.create({ name: 'Target' });
    await joinWorkspace(bob, alice, target.id, 'viewer');
    return { alice, bob, carol, source, target };
  }

  /**
   * A project with data on every tab: answers and their history, a sample, the tradeoff, the roadmap,
   * and two published report versions with the answer changed between them.
   */
  async function seedFullProject(api: Caller, workspaceId: string, actorId: string) {
    const project = await api.projects.create({ workspaceId, name: 'Triage', description: 'Route tickets' });
    const projectId = project.id;
    await api.worksheet.save({ projectId, questionId: 'E.target-quality', baseVersion: 0, value: 0.8 });
    await api.worksheet.save({ projectId, questionId: 'E.target-quality', baseVersion: 1, value: 0.85 });
    await api.worksheet.save({ projectId, questionId: 'K.readers', baseVersion: 0, value: XSS });
    // History is newest first: the oldest entry is the first save.
    const oldest = (await api.worksheet.history({ projectId, questionId: 'E.target-quality' })).at(-1);
    if (!oldest) throw new Error('no history');
    await api.worksheet.restore({ projectId, historyId: oldest.id, baseVersion: 2 });

    // One label spelled NA, read as missing: the note on it must travel with the sample.
    const csv = `${SMALL_SAMPLE_CSV}4,d,NA\n`;
    const sample = await seedAgreementSample(getDb(), { projectId, workspaceId, actorId, csv });
    // Scored as the app stores it, so the import's re-score must give the very same report.
    await api.agreement.rescore({ projectId, sampleId: sample.id, version: 1, level: 'nominal' });

    const tradeoff = await api.tradeoff.get({ projectId });
    await api.tradeoff.createMeasured({
      projectId,
      point: { effort: { value: 3, unit: 'day' }, measuredOn: null, quality: 0.7, label: 'first model' },
    });
    await api.tradeoff.createMeasured({
      projectId,
      point: { effort: null, measuredOn: '2025-03-01', quality: 0.75, label: '' },
    });
    await api.tradeoff.updateSettings({
      projectId,
      version: tradeoff.version,
      settings: { ...tradeoff.settings, metricName: 'macro F1', targetQuality: 0.82 },
    });

    await api.roadmap.saveAnswers({ projectId, version: 0, answers: { 'code.review': 'yes' } });
    await api.roadmap.setTargetOverride({
      projectId,
      version: 1,
      override: { level: 2, reason: 'Twelve markets' },
    });
    await api.roadmap.generate({ projectId, version: 0, startDate: '2025-01-06' });
    await api.roadmap.edit({
      projectId,
      version: 1,
      edit: { type: 'renamePhase', phaseId: 'ml-baseline', name: 'Baseline <b>model</b>' },
    });
    await api.report.publish({ projectId, note: 'Steering committee, March' });
    await api.worksheet.save({ projectId, questionId: 'K.readers', baseVersion: 1, value: 'Ops leads' });
    await api.report.publish({ projectId });
    return projectId;
  }

  type ExportedVersion = Awaited<ReturnType<Caller['portability']['exportJson']>>['reportVersions'][number];
  const withSnapshot = (version: ExportedVersion, change: object) => ({
    ...version,
    snapshot: { ...version.snapshot, ...change },
  });

  /** The parts of an export that must survive a round trip (the name may get a suffix). */
  function comparable(file: Awaited<ReturnType<Caller['portability']['exportJson']>>) {
    const { exportedAt: _at, project, ...rest } = file;
    return { ...rest, project: { ...project, name: undefined } };
  }

  it('exports every tab and imports it into another workspace as a new, equal project', async () => {
    const { alice, bob, source, target } = await setup();
    const projectId = await seedFullProject(alice.caller, source.id, alice.user.id);
    const exported = await alice.caller.portability.exportJson({ projectId });
    expect(exported).toMatchObject({ format: 'raisin-project', formatVersion: 1 });
    expect(exported.worksheet.answers).toHaveLength(2);
    expect(exported.worksheet.history).toHaveLength(5);
    expect(exported.worksheet.history[3]?.restoredFrom).toBe(0);
    expect(exported.reportVersions.map((v) => [v.number, v.note])).toEqual([
      [1, 'Steering committee, March'],
      [2, null],
    ]);
    expect(exported.agreementSamples).toHaveLength(1);
    expect(exported.agreementSamples[0]?.report.source).toEqual({ missingSpellings: { NA: 1 } });
    expect(exported.tradeoff?.measuredPoints.map((p) => p.quality)).toEqual([0.7, 0.75]);
    expect(exported.roadmap?.data.phases.some((p) => p.name === 'Baseline <b>model</b>')).toBe(true);

    const imported = await bob.caller.portability.importJson({
      workspaceId: target.id,
      file: JSON.stringify(exported),
    });
    expect(imported).toMatchObject({ name: 'Triage', workspaceId: target.id });
    expect(imported.id).not.toBe(projectId);
    const again = await bob.caller.portability.exportJson({ projectId: imported.id });
    expect(comparable(again)).toEqual(comparable(exported));

    // The tabs read the imported data as their own.
    const { answers } = await bob.caller.worksheet.get({ projectId: imported.id });
    expect(answers.find((a) => a.questionId === 'K.readers')?.value).toEqual({
      kind: 'short-text',
      value: 'Ops leads',
    });
    // Report versions keep their numbers and stay frozen: version 1 still shows the answer it was published with.
    const versions = await bob.caller.report.versions({ projectId: imported.id });
    expect(versions.map((v) => [v.number, v.note, v.publishedByName])).toEqual([
      [2, null, null],
      [1, 'Steering committee, March', null],
    ]);
    const first = versions.find((v) => v.number === 1);
    if (!first) throw new Error('no version 1');
    const frozen = await bob.caller.report.getVersion({ projectId: imported.id, versionId: first.id });
    expect(frozen.publishedAt).toBe(exported.reportVersions[0]?.publishedAt);
    expect(frozen.snapshot).toEqual(exported.reportVersions[0]?.snapshot);
    expect(JSON.stringify(frozen.snapshot)).toContain(JSON.stringify(XSS).slice(1, -1));
    // The next publish continues the numbering.
    expect(await bob.caller.report.publish({ projectId: imported.id })).toMatchObject({ number: 3 });
    const samples = await bob.caller.agreement.list({ projectId: imported.id });
    expect(samples).toMatchObject([{ name: 'pilot', isReference: true, createdBy: bob.user.id }]);
    // People do not travel with the file: history keeps when and what, not who.
    const history = await bob.caller.worksheet.history({ projectId: imported.id });
    expect(history.map((entry) => [entry.questionId, entry.actorId])).toEqual([
      ['K.readers', null],
      ['E.target-quality', null],
      ['K.readers', null],
      ['E.target-quality', null],
      ['E.target-quality', null],
    ]);
    expect(history[1]?.restoredFromId).toBe(history[4]?.id);
  });

  it('carries each version’s decisions (readers’ and meetings’, hidden ones marked) to the imported project', async () => {
    const { alice, bob, source, target } = await setup();
    const project = await alice.caller.projects.create({ workspaceId: source.id, name: 'Decided' });
    const projectId = project.id;
    const v1 = await alice.caller.report.publish({ projectId });
    const v2 = await alice.caller.report.publish({ projectId });
    const link = await alice.caller.report.createShareLink({
      projectId,
      versionId: v2.id,
      allowFeedback: true,
    });
    const reader = createCaller(
      createContextInner({ db: getDb(), user: null, requestId: randomUUID(), clientIp: '10.3.0.1' }),
    );
    await reader.report.recordDecision({
      token: link.token,
      decision: 'approve-with-conditions',
      comment: XSS,
      name: 'Dana Reader',
      email: 'dana@example.com',
    });
    await alice.caller.report.recordMeetingDecision({
      projectId,
      versionId: v1.id,
      decision: 'request-changes',
      name: 'Steering committee',
    });
    await reader.report.recordDecision({
      token: link.token,
      decision: 'reject',
      name: 'Spam',
      email: 'spam@example.com',
    });
    const spam = (await alice.caller.report.decisions({ projectId })).find((d) => d.name === 'Spam');
    await alice.caller.report.hideDecision({ projectId, decisionId: spam?.id ?? '' });

    const exported = await alice.caller.portability.exportJson({ projectId });
    expect(
      exported.reportVersions.map((v) => v.decisions.map((d) => [d.name, d.meeting, d.hiddenAt !== null])),
    ).toEqual([
      [['Steering committee', true, false]],
      [
        ['Dana Reader', false, false],
        ['Spam', false, true],
      ],
    ]);
    const imported = await bob.caller.portability.importJson({
      workspaceId: target.id,
      file: JSON.stringify(exported),
    });
    const listed = await bob.caller.report.decisions({ projectId: imported.id });
    expect(
      listed.map((d) => [d.versionNumber, d.decision, d.name, d.email, d.comment, d.meeting, d.hidden]),
    ).toEqual([
      [1, 'request-changes', 'Steering committee', null, '', true, false],
      [2, 'approve-with-conditions', 'Dana Reader', 'dana@example.com', XSS, false, false],
      [2, 'reject', 'Spam', 'spam@example.com', '', false, true],
    ]);
    const again = await bob.caller.portability.exportJson({ projectId: imported.id });
    expect(comparable(again)).toEqual(comparable(exported));

    // A file from before decisions were exported still imports; a decision past the limits is refused.
    const older = {
      ...exported,
      reportVersions: exported.reportVersions.map(({ decisions: _none, ...version }) => version),
    };
    const plain = await bob.caller.portability.importJson({
      workspaceId: target.id,
      file: JSON.stringify(older),
    });
    expect(await bob.caller.report.decisions({ projectId: plain.id })).toEqual([]);
    const tooLong = {
      ...exported,
      reportVersions: exported.reportVersions.map((v) => ({
        ...v,
        decisions: v.decisions.map((d) => ({ ...d, comment: 'x'.repeat(2001) })),
      })),
    };
    await expect(
      bob.caller.portability.importJson({ workspaceId: target.id, file: JSON.stringify(tooLong) }),
    ).rejects.toThrow(/^reportVersions\.0\.decisions\.0\.comment: /);
  });

  it('suffixes the name when the workspace already has it, and leaves the source untouched', async () => {
    const { alice, source } = await setup();
    const projectId = await alice.caller.projects
      .create({ workspaceId: source.id, name: 'Churn' })
      .then((p) => p.id);
    const file = JSON.stringify(await alice.caller.portability.exportJson({ projectId }));
    const second = await alice.caller.portability.importJson({ workspaceId: source.id, file });
    const third = await alice.caller.portability.importJson({ workspaceId: source.id, file });
    expect([second.name, third.name]).toEqual(['Churn (2)', 'Churn (3)']);
    const names = (await alice.caller.projects.list({ workspaceId: source.id })).map((p) => p.name).sort();
    expect(names).toEqual(['Churn', 'Churn (2)', 'Churn (3)']);
  });

  it('refuses a bad file with BAD_REQUEST naming the field, and stores nothing', async () => {
    const { alice, bob, source, target } = await setup();
    const projectId = await seedFullProject(alice.caller, source.id, alice.user.id);
    const good = await alice.caller.portability.exportJson({ projectId });
    const cases: Array<[string, unknown, RegExp]> = [
      ['not json', '{"format": "raisin-project",', /\(file\): not a JSON document/],
      ['wrong format', { ...good, format: 'something-else' }, /^format: /],
      ['newer version', { ...good, formatVersion: 2 }, /^formatVersion: /],
      [
        'answer out of bounds',
        {
          ...good,
          worksheet: {
            ...good.worksheet,
            answers: good.worksheet.answers.map((a) =>
              a.questionId === 'E.target-quality' ? { ...a, value: { kind: 'number', value: 7 } } : a,
            ),
          },
        },
        /^worksheet\.answers\.0\.value\.value: /,
      ],
      [
        'corrupt triples',
        { ...good, agreementSamples: good.agreementSamples.map((s) => ({ ...s, triples: 'AAAA' })) },
        /^agreementSamples\.0\.triples: /,
      ],
      [
        'roadmap depending on a missing phase',
        {
          ...good,
          roadmap: good.roadmap && {
            ...good.roadmap,
            data: {
              ...good.roadmap.data,
              phases: good.roadmap.data.phases.map((p, i) =>
                i === 0 ? { ...p, dependsOn: ['nowhere'] } : p,
              ),
            },
          },
        },
        /^roadmap\.data: /,
      ],
      [
        'report of a newer schema',
        { ...good, reportVersions: good.reportVersions.map((v) => withSnapshot(v, { schemaVersion: 2 })) },
        /^reportVersions\.0\.snapshot\.schemaVersion: must be 1/,
      ],
      [
        'report missing what it shows',
        {
          ...good,
          reportVersions: good.reportVersions.map((v) =>
            withSnapshot(v, { summary: { verdict: v.snapshot.summary.verdict } }),
          ),
        },
        /^reportVersions\.0\.snapshot: not a report/,
      ],
      [
        'report numbered twice',
        { ...good, reportVersions: [good.reportVersions[0], good.reportVersions[0]] },
        /^reportVersions\.1\.number: appears twice/,
      ],
      [
        'report claiming another number',
        { ...good, reportVersions: good.reportVersions.map((v) => ({ ...v, number: v.number + 5 })) },
        /^reportVersions\.0\.snapshot\.version\.number: must equal number/,
      ],
    ];
    for (const [name, file, message] of cases) {
      const text = typeof file === 'string' ? file : JSON.stringify(file);
      const error = await expectTRPCError(
        bob.caller.portability.importJson({ workspaceId: target.id, file: text }),
        'BAD_REQUEST',
      );
      expect(error.message, name).toMatch(message);
    }
    expect(await bob.caller.projects.list({ workspaceId: target.id, includeArchived: true })).toEqual([]);
  });

  it('imports a sample of numbers under its framing, and refuses spans it cannot score again, naming the sample', async () => {
    const { alice, source } = await setup();
    const projectId = (await alice.caller.projects.create({ workspaceId: source.id, name: 'Judges' })).id;
    const seed = { projectId, workspaceId: source.id, actorId: alice.user.id };
    await seedFramedSample(getDb(), {
      ...seed,
      file: framingFile('reference-data', 'shrout_fleiss1979_table2.long.csv'),
      framing: 'continuous',
    });
    const numbers = await alice.caller.portability.exportJson({ projectId });
    const imported = await alice.caller.portability.importJson({
      workspaceId: source.id,
      file: JSON.stringify(numbers),
    });
    const [sample] = await alice.caller.agreement.list({ projectId: imported.id });
    if (!sample) throw new Error('no sample imported');
    const { report } = await alice.caller.agreement.get({ projectId: imported.id, sampleId: sample.id });
    expect(report).toMatchObject({ framing: 'continuous', humanCeilingMetric: 'correlation' });
    expect(sample.ceiling).toBeCloseTo(Math.sqrt(0.7148), 3);

    await seedFramedSample(getDb(), {
      ...seed,
      file: framingFile('parse/fixtures', 'label-studio-ner.json'),
    });
    const withSpans = await alice.caller.portability.exportJson({ projectId });
    const error = await expectTRPCError(
      alice.caller.portability.importJson({ workspaceId: source.id, file: JSON.stringify(withSpans) }),
      'BAD_REQUEST',
    );
    expect(error.message).toMatch(/^agreementSamples\.1: This sample is scored as spans; /);
  });

  it('imports a file written before report versions were exported', async () => {
    const { alice, source } = await setup();
    const projectId = (await alice.caller.projects.create({ workspaceId: source.id, name: 'Old' })).id;
    const { reportVersions: _none, ...older } = await alice.caller.portability.exportJson({ projectId });
    const imported = await alice.caller.portability.importJson({
      workspaceId: source.id,
      file: JSON.stringify(older),
    });
    expect(await alice.caller.report.versions({ projectId: imported.id })).toEqual([]);
  });

  it('refuses a file over the size limit with PAYLOAD_TOO_LARGE', async () => {
    const { bob, target } = await setup();
    const file = ' '.repeat(PROJECT_FILE_LIMIT_BYTES + 1);
    await expectTRPCError(
      bob.caller.portability.importJson({ workspaceId: target.id, file }),
      'PAYLOAD_TOO_LARGE',
    );
    expect(await bob.caller.projects.list({ workspaceId: target.id })).toEqual([]);
  });

  it('needs viewer to export and editor of the target to import', async () => {
    const { alice, bob, carol, source, target } = await setup();
    const projectId = (await alice.caller.projects.create({ workspaceId: source.id, name: 'Mine' })).id;
    await expectTRPCError(bob.caller.portability.exportJson({ projectId }), 'NOT_FOUND');
    const file = JSON.stringify(await alice.caller.portability.exportJson({ projectId }));
    // alice is a viewer of the target workspace, carol not a member at all.
    await expectTRPCError(alice.caller.portability.importJson({ workspaceId: target.id, file }), 'FORBIDDEN');
    await expectTRPCError(carol.caller.portability.importJson({ workspaceId: target.id, file }), 'NOT_FOUND');
    expect(await bob.caller.projects.list({ workspaceId: target.id })).toEqual([]);
  });
});
