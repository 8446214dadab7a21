import { computeAgreement, parseSample } from '@raisin/core/agreement';
import {
  DEMO_ATTACK_ANGLES,
  DEMO_DECISION,
  DEMO_PROJECT,
  DEMO_REPORT_NOTE,
  DEMO_SAMPLE_NAME,
  DEMO_SEED,
  DEMO_WORKSHEET_VALUES,
  DEMO_WORKSPACE_NAME,
  demoSampleToCsv,
  generateDemoSample,
} from '@raisin/core/demo';
import { describeOnEachDatabase } from '@raisin/db/testing';
import { expect, it } from 'vitest';
import { createDemo } from '../demo';
import { callerFor, expectTRPCError, seedCallers } from '../test-support';

/** α and the human ceiling of the generated sample, scored directly by the engine. */
function expectedScores() {
  const parsed = parseSample(demoSampleToCsv(generateDemoSample(DEMO_SEED)));
  if (!parsed.ok) throw new Error(parsed.error.message);
  const report = computeAgreement(parsed.value.sample, { bootstrap: 0 });
  return { alpha: report.krippendorffAlpha.nominal, ceiling: report.humanCeiling?.value };
}

describeOnEachDatabase('demo router', (getDb) => {
  it('tells an empty instance, then creates a complete demo the caller owns', async () => {
    const db = getDb();
    const anonymous = callerFor(db, null);
    expect(await anonymous.demo.instance()).toEqual({ empty: true });
    await expectTRPCError(anonymous.demo.create(), 'UNAUTHORIZED');

    const [owner, stranger] = await seedCallers(db, 2);
    if (!owner || !stranger) throw new Error('seed failed');
    const api = owner.caller;
    const { workspaceId, projectId, shareUrl } = await api.demo.create();
    expect(shareUrl).toMatch(/^\/s\/.+/);
    expect(await anonymous.demo.instance()).toEqual({ empty: false });

    expect(await api.workspaces.list()).toEqual([
      expect.objectContaining({ id: workspaceId, name: DEMO_WORKSPACE_NAME, role: 'owner' }),
    ]);
    expect(await api.projects.list({ workspaceId })).toEqual([
      expect.objectContaining({ id: projectId, name: DEMO_PROJECT.name }),
    ]);

    const { answers } = await api.worksheet.get({ projectId });
    expect(answers).toHaveLength(Object.keys(DEMO_WORKSHEET_VALUES).length);
    expect(answers.find((a) => a.questionId === 'G.serving-mode')?.value).toEqual({
      kind: 'single',
      value: 'precomputed',
    });

    const expected = expectedScores();
    const [sample, ...others] = await api.agreement.list({ projectId });
    expect(others).toEqual([]);
    expect(sample).toMatchObject({
      name: DEMO_SAMPLE_NAME,
      items: 300,
      annotators: 3,
      annotations: 900,
      isReference: true,
    });
    expect(sample?.alpha).toBeCloseTo(expected.alpha ?? Number.NaN, 12);

    const tradeoff = await api.tradeoff.get({ projectId });
    expect(tradeoff.angles.map((a) => a.name)).toEqual(DEMO_ATTACK_ANGLES.map((a) => a.name));
    expect(tradeoff.measured).toHaveLength(1);
    expect(tradeoff.worksheetTarget).toBe(0.82);
    expect(tradeoff.referenceCeiling?.value).toBeCloseTo(expected.ceiling ?? Number.NaN, 12);

    const context = await api.worksheet.context({ projectId });
    expect(context.humanCeiling?.sampleName).toBe(DEMO_SAMPLE_NAME);
    expect(context.maturityLevel).toBe(0);
    expect(context.bestAngle).not.toBeNull();

    const assessment = await api.roadmap.assessment({ projectId });
    expect(assessment).toMatchObject({ level: 0, target: { level: 1 } });
    const { stored } = await api.roadmap.get({ projectId });
    expect(stored?.roadmap.phases.length).toBeGreaterThanOrEqual(3);

    const [published] = await api.report.versions({ projectId });
    expect(published).toMatchObject({ number: 1, note: DEMO_REPORT_NOTE });
    const links = await api.report.listShareLinks({ projectId });
    expect(links.map((link) => link.allowFeedback)).toEqual([true]);
    const token = shareUrl.split('/s/')[1] ?? '';
    // Its version carries a decision from a meeting, which its readers see, and the sign-off still waits.
    const shared = await anonymous.report.shared({ token });
    expect(shared.status === 'ok' && shared.decisions).toEqual([
      expect.objectContaining({ ...DEMO_DECISION, meeting: true }),
    ]);
    const [portfolioRow] = await api.portfolio.list({ workspaceId });
    expect(portfolioRow?.latestDecision).toMatchObject({ ...DEMO_DECISION, versionNumber: 1, meeting: true });

    // Another account sees none of it.
    await expectTRPCError(stranger.caller.projects.get({ projectId }), 'NOT_FOUND');
  });

  it('makes a new workspace each time, deletable like any other', async () => {
    const [owner] = await seedCallers(getDb(), 1);
    if (!owner) throw new Error('seed failed');
    const first = await owner.caller.demo.create();
    const second = await owner.caller.demo.create();
    expect(second.workspaceId).not.toBe(first.workspaceId);
    expect((await owner.caller.workspaces.list()).map((w) => w.name)).toEqual([
      DEMO_WORKSPACE_NAME,
      DEMO_WORKSPACE_NAME,
    ]);
    await owner.caller.workspaces.delete({ workspaceId: first.workspaceId });
    expect((await owner.caller.workspaces.list()).map((w) => w.id)).toEqual([second.workspaceId]);
    await expectTRPCError(owner.caller.projects.get({ projectId: first.projectId }), 'NOT_FOUND');
  });

  it('leaves nothing behind when a step fails', async () => {
    const db = getDb();
    const [owner] = await seedCallers(db, 1);
    if (!owner) throw new Error('seed failed');
    const failingScorer = { rescore: async () => ({ ok: false as const, message: 'scorer unavailable' }) };
    await expect(createDemo(db, owner.user, { agreementScorer: failingScorer })).rejects.toMatchObject({
      code: 'INVALID_SAMPLE',
    });
    expect(await owner.caller.workspaces.list()).toEqual([]);
  });
});
