import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeTradeoff, summarizeTradeoff } from '@raisin/core';
import type { Framing } from '@raisin/core/agreement';
import { DEMO_PROJECT } from '@raisin/core/demo';
import { type Db, getTradeoff, resolveStoredTradeoff, schema } from '@raisin/db';
import { describeOnEachDatabase } from '@raisin/db/testing';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { seedFramedSample } from '../agreement/test-support';
import { callerFor, expectTRPCError, seedCallers } from '../test-support';

const framingFile = (folder: 'parse/fixtures' | 'reference-data', name: string) =>
  readFileSync(fileURLToPath(new URL(`../../../core/src/agreement/${folder}/${name}`, import.meta.url)));

async function storedSummaryOf(db: Db, projectId: string) {
  const [row] = await db
    .select()
    .from(schema.tradeoffSummary)
    .where(eq(schema.tradeoffSummary.projectId, projectId));
  return row;
}

async function freshSummaryOf(db: Db, projectId: string) {
  return summarizeTradeoff(analyzeTradeoff(resolveStoredTradeoff(await getTradeoff(db, { projectId }))));
}

describeOnEachDatabase('portfolio router', (getDb) => {
  it('reads the summary stored when a project changed, and stores one that is missing or stale', async () => {
    const db = getDb();
    const [owner] = await seedCallers(db, 1);
    if (!owner) throw new Error('seed failed');
    const api = owner.caller;
    const { workspaceId, projectId } = await api.demo.create();
    // Creating the demo went through the tabs' saves, which stored the summary of what they left.
    expect((await storedSummaryOf(db, projectId))?.summary).toEqual(await freshSummaryOf(db, projectId));

    // A new target on the worksheet moves the time to target; the save stores the new summary.
    const { answers } = await api.worksheet.get({ projectId });
    const target = answers.find((a) => a.questionId === 'E.target-quality');
    await api.worksheet.save({
      projectId,
      questionId: 'E.target-quality',
      baseVersion: target?.version ?? 0,
      value: 0.7,
    });
    const afterSave = await storedSummaryOf(db, projectId);
    expect(afterSave?.summary.target.value).toBe(0.7);
    expect(afterSave?.summary).toEqual(await freshSummaryOf(db, projectId));
    const [listed] = await api.portfolio.list({ workspaceId });
    expect(listed?.timeToTarget).toEqual(afterSave?.summary.timeToTarget);

    // A project with no stored summary (saved before the table existed) is simulated once and stored.
    await db.delete(schema.tradeoffSummary).where(eq(schema.tradeoffSummary.projectId, projectId));
    expect(await api.portfolio.list({ workspaceId })).toEqual([listed]);
    expect((await storedSummaryOf(db, projectId))?.summary).toEqual(afterSave?.summary);
  });

  it('lists every active project with the numbers its report shows, and names each missing input', async () => {
    const db = getDb();
    const [owner, stranger] = await seedCallers(db, 2);
    if (!owner || !stranger) throw new Error('seed failed');
    const api = owner.caller;
    const { workspaceId, projectId: demoId } = await api.demo.create();
    const empty = await api.projects.create({ workspaceId, name: 'An empty idea' });
    const targeted = await api.projects.create({ workspaceId, name: 'Targeted only' });
    await api.worksheet.save({
      projectId: targeted.id,
      questionId: 'E.target-quality',
      baseVersion: 0,
      value: 0.9,
    });
    const archived = await api.projects.create({ workspaceId, name: 'Archived idea' });
    await api.projects.setArchived({ projectId: archived.id, version: archived.version, archived: true });

    const rows = await api.portfolio.list({ workspaceId });
    expect(rows.map((r) => r.project.id)).toEqual([empty.id, demoId, targeted.id]);
    expect(rows[1]?.project.name).toBe(DEMO_PROJECT.name);
    expect(rows.map((r) => r.project.name)).not.toContain('Archived idea');

    // The demo's line says what its report says, computed the same way.
    const demo = rows.find((r) => r.project.id === demoId);
    const { summary } = await api.report.preview({ projectId: demoId });
    const [latest] = await api.report.versions({ projectId: demoId });
    const tradeoff = await api.tradeoff.get({ projectId: demoId });
    expect(demo).toMatchObject({
      verdict: summary.verdict,
      reasons: summary.reasons.map((r) => ({ effect: r.effect, text: r.text })),
      metricName: tradeoff.settings.metricName,
      target: { value: summary.target?.value, source: summary.target?.source },
      timeToTarget: {
        p10Days: summary.timeToTarget?.p10Days,
        p50Days: summary.timeToTarget?.p50Days,
        p90Days: summary.timeToTarget?.p90Days,
      },
      bestAngle: {
        name: summary.bestAngle?.name,
        quality: summary.bestAngle?.quality,
        net: summary.bestAngle?.net,
      },
      maturity: summary.maturity,
      latestVersion: { id: latest?.id, number: latest?.number, publishedAt: latest?.publishedAt },
    });
    expect(demo?.ceiling?.value).toBeCloseTo(tradeoff.referenceCeiling?.value ?? Number.NaN, 12);
    expect(demo?.ceiling).toMatchObject({ source: 'reference-sample', metric: 'accuracy' });
    expect(demo?.timeToTarget?.p50Days).toBeGreaterThan(0);

    // A new project is listed, with what it lacks in words instead of numbers.
    const blank = rows.find((r) => r.project.id === empty.id);
    expect(blank).toMatchObject({
      verdict: 'undecided',
      ceiling: null,
      target: null,
      timeToTarget: null,
      bestAngle: null,
      maturity: null,
      latestVersion: null,
    });
    expect(blank?.gaps).toEqual([
      { tab: 'worksheet', text: 'no worksheet answers yet' },
      { tab: 'tradeoff', text: 'no target yet' },
      { tab: 'agreement', text: 'no human ceiling yet' },
      { tab: 'tradeoff', text: 'no saved tradeoff estimates yet' },
      { tab: 'roadmap', text: 'no MLOps self-assessment yet' },
      { tab: 'report', text: 'no published report yet' },
    ]);
    const withTarget = rows.find((r) => r.project.id === targeted.id);
    expect(withTarget?.target).toEqual({ value: 0.9, source: 'worksheet', worksheetValue: 0.9 });
    expect(withTarget?.gaps.map((g) => g.text)).not.toContain('no target yet');

    // Archiving takes a project off, un-archiving brings it back.
    const again = await api.projects.get({ projectId: archived.id });
    await api.projects.setArchived({ projectId: archived.id, version: again.version, archived: false });
    expect((await api.portfolio.list({ workspaceId })).map((r) => r.project.name)).toContain('Archived idea');

    // Another workspace's members see nothing of it.
    await expectTRPCError(stranger.caller.portfolio.list({ workspaceId }), 'NOT_FOUND');
    await expectTRPCError(callerFor(db, null).portfolio.list({ workspaceId }), 'UNAUTHORIZED');
    const own = await stranger.caller.workspaces.create({ name: 'Other' });
    expect(await stranger.caller.portfolio.list({ workspaceId: own.id })).toEqual([]);
  });
  it("names each project's reference ceiling in its own metric, whatever the framing", async () => {
    const db = getDb();
    const [owner] = await seedCallers(db, 1);
    if (!owner) throw new Error('seed failed');
    const workspace = await owner.caller.workspaces.create({ name: 'Framings' });
    const cases: Array<[string, Uint8Array, Framing | undefined, string]> = [
      ['Entities', framingFile('parse/fixtures', 'label-studio-ner.json'), undefined, 'span F1'],
      ['Boxes', framingFile('parse/fixtures', 'label-studio-boxes.json'), undefined, 'box F1 at IoU 0.5'],
      ['Topics', framingFile('parse/fixtures', 'topics-multilabel.csv'), 'multilabel', 'micro F1'],
      ['Search', framingFile('parse/fixtures', 'search-ranking.long.csv'), 'ranking', "Kendall's τ"],
      ['Answers', framingFile('parse/fixtures', 'answers-pairwise.csv'), 'pairwise', 'accuracy'],
      [
        'Judges',
        framingFile('reference-data', 'shrout_fleiss1979_table2.long.csv'),
        'continuous',
        'correlation (√ICC(C,1))',
      ],
    ];
    for (const [name, file, framing] of cases) {
      const project = await owner.caller.projects.create({ workspaceId: workspace.id, name });
      await seedFramedSample(db, {
        projectId: project.id,
        workspaceId: workspace.id,
        actorId: owner.user.id,
        file,
        ...(framing === undefined ? {} : { framing }),
      });
    }
    const rows = await owner.caller.portfolio.list({ workspaceId: workspace.id });
    const metricOf = new Map(rows.map((row) => [row.project.name, row.ceiling?.metric]));
    for (const [name, , , metric] of cases) expect(metricOf.get(name), name).toBe(metric);
  });
});
