import { randomUUID } from 'node:crypto';
import type { ReportWorksheetSection } from '@raisin/core';
import {
  flushShareOpens,
  hitRateLimit,
  openSharedReport,
  previewSharedReport,
  SHARE_LOOKUP_LIMIT,
  schema,
} from '@raisin/db';
import { describeOnEachDatabase } from '@raisin/db/testing';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createContextInner } from '../context';
import { createCaller } from '../root';
import { expectTRPCError, seedTeamProject } from '../test-support';

const XSS = '<script>alert(1)</script>';

function answersOf(section: unknown): Record<string, string> {
  const worksheet = section as ReportWorksheetSection;
  return Object.fromEntries(worksheet.groups.flatMap((g) => g.answers.map((a) => [a.questionId, a.answer])));
}

describeOnEachDatabase('report router', (getDb) => {
  let clients = 0;
  /** An anonymous caller from one client address (a fresh one by default), as the server builds it. */
  const anonymous = (clientIp = `10.0.0.${++clients}`) =>
    createCaller(createContextInner({ db: getDb(), user: null, requestId: randomUUID(), clientIp }));

  async function setup() {
    const { owner, editor, viewer, ws, projectId } = await seedTeamProject(getDb(), 'Ticket router');
    await editor.caller.worksheet.save({ projectId, questionId: 'C.entity', baseVersion: 0, value: XSS });
    await editor.caller.worksheet.save({
      projectId,
      questionId: 'E.target-quality',
      baseVersion: 0,
      value: 0.8,
    });
    return { owner, editor, viewer, workspaceId: ws.id, projectId };
  }

  it('previews live, publishes frozen numbered versions and says what changed', async () => {
    const { editor, viewer, projectId } = await setup();
    const preview = await viewer.caller.report.preview({ projectId });
    expect(preview.version).toBeNull();
    expect(preview.project.name).toBe('Ticket router');
    expect(answersOf(preview.sections.worksheet)['C.entity']).toBe(XSS);
    expect(preview.sections.agreement).toMatchObject({ status: 'empty' });
    expect(preview.assumptions.map((a) => a.source)).toContainEqual({
      kind: 'answer',
      questionId: 'E.target-quality',
      question: expect.any(String),
    });

    const v1 = await editor.caller.report.publish({ projectId, note: 'Steering committee, March' });
    expect(v1).toMatchObject({ number: 1, note: 'Steering committee, March' });
    await editor.caller.worksheet.save({
      projectId,
      questionId: 'E.target-quality',
      baseVersion: 1,
      value: 0.85,
    });

    const frozen = await viewer.caller.report.getVersion({ projectId, versionId: v1.id });
    expect(answersOf(frozen.snapshot.sections.worksheet)['E.target-quality']).toMatch(/^0\.8\b/);
    expect(frozen.snapshot.version).toMatchObject({ number: 1, note: 'Steering committee, March' });
    expect(
      answersOf((await viewer.caller.report.preview({ projectId })).sections.worksheet)['E.target-quality'],
    ).toMatch(/^0\.85/);

    const v2 = await editor.caller.report.publish({ projectId });
    expect(v2).toMatchObject({ number: 2, note: null });
    expect((await viewer.caller.report.versions({ projectId })).map((v) => v.number)).toEqual([2, 1]);

    const { diff, from } = await viewer.caller.report.diff({ projectId, to: v2.id });
    expect(from?.number).toBe(1);
    const worksheetChanges = diff?.sections.find((s) => s.key === 'worksheet')?.changes ?? [];
    expect(worksheetChanges.some((c) => c.startsWith('Answer changed:') && c.includes('0.85'))).toBe(true);
    expect((await viewer.caller.report.diff({ projectId, to: v1.id })).diff).toBeNull();
  });

  it('lets viewers read but not publish, share or revoke', async () => {
    const { editor, viewer, projectId } = await setup();
    await expectTRPCError(viewer.caller.report.publish({ projectId }), 'FORBIDDEN');
    expect(await viewer.caller.report.versions({ projectId })).toEqual([]);
    const v1 = await editor.caller.report.publish({ projectId });
    await expectTRPCError(viewer.caller.report.createShareLink({ projectId, versionId: v1.id }), 'FORBIDDEN');
    const link = await editor.caller.report.createShareLink({ projectId, versionId: v1.id });
    await expectTRPCError(viewer.caller.report.revokeShareLink({ projectId, linkId: link.id }), 'FORBIDDEN');
  });

  it('numbers concurrent publishes one after the other', async () => {
    const { editor, owner, projectId } = await setup();
    const published = await Promise.all([
      editor.caller.report.publish({ projectId, note: 'a' }),
      owner.caller.report.publish({ projectId, note: 'b' }),
      editor.caller.report.publish({ projectId, note: 'c' }),
    ]);
    expect(published.map((v) => v.number).sort()).toEqual([1, 2, 3]);
  });

  it('opens a share link without a session, counts opens, and shows only "revoked" once revoked', async () => {
    const { editor, viewer, projectId } = await setup();
    const v1 = await editor.caller.report.publish({ projectId });
    const link = await editor.caller.report.createShareLink({ projectId, versionId: v1.id });
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.url).toBe(`/s/${link.token}`);

    const opened = await anonymous().report.shared({ token: link.token });
    if (opened.status !== 'ok') throw new Error(`expected the report, got ${opened.status}`);
    expect(opened).toMatchObject({ projectName: 'Ticket router', versionNumber: 1 });
    expect(answersOf(opened.snapshot.sections.worksheet)['C.entity']).toBe(XSS);
    await anonymous().report.shared({ token: link.token });

    const [listed] = await viewer.caller.report.listShareLinks({ projectId });
    expect(listed).toMatchObject({ id: link.id, versionNumber: 1, openCount: 2, revokedAt: null });
    expect(listed?.lastOpenedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(link.token);

    await editor.caller.report.revokeShareLink({ projectId, linkId: link.id });
    expect(await anonymous().report.shared({ token: link.token })).toEqual({ status: 'revoked' });
    const [revoked] = await viewer.caller.report.listShareLinks({ projectId });
    expect(revoked).toMatchObject({ openCount: 2 });
    expect(revoked?.revokedAt).not.toBeNull();
  });

  it('keeps link previews free of numbers unless the editor allows them on the link', async () => {
    const { editor, viewer, projectId } = await setup();
    const v1 = await editor.caller.report.publish({ projectId });
    const plain = await editor.caller.report.createShareLink({ projectId, versionId: v1.id });
    const open = await editor.caller.report.createShareLink({
      projectId,
      versionId: v1.id,
      previewNumbers: true,
    });
    const listed = await viewer.caller.report.listShareLinks({ projectId });
    expect(Object.fromEntries(listed.map((l) => [l.id, l.previewNumbers]))).toEqual({
      [plain.id]: false,
      [open.id]: true,
    });
    expect(await previewSharedReport(getDb(), { token: plain.token, clientIp: null })).toEqual({
      projectName: 'Ticket router',
      versionNumber: 1,
      summary: null,
    });
    const frozen = await viewer.caller.report.getVersion({ projectId, versionId: v1.id });
    expect((await previewSharedReport(getDb(), { token: open.token, clientIp: null }))?.summary).toEqual(
      frozen.snapshot.summary,
    );
    // A preview is not an open: neither link was counted.
    expect((await viewer.caller.report.listShareLinks({ projectId })).map((l) => l.openCount)).toEqual([
      0, 0,
    ]);
  });

  it('refuses an expiry in the past and answers "expired" once a link has expired', async () => {
    const { editor, projectId } = await setup();
    const v1 = await editor.caller.report.publish({ projectId });
    await expectTRPCError(
      editor.caller.report.createShareLink({
        projectId,
        versionId: v1.id,
        expiresAt: '2000-01-01T00:00:00Z',
      }),
      'BAD_REQUEST',
    );
    expect(await editor.caller.report.listShareLinks({ projectId })).toEqual([]);
    const expiresAt = new Date(Date.now() + 60 * 60_000);
    const link = await editor.caller.report.createShareLink({
      projectId,
      versionId: v1.id,
      expiresAt: expiresAt.toISOString(),
    });
    expect((await anonymous().report.shared({ token: link.token })).status).toBe('ok');
    const later = new Date(expiresAt.getTime() + 1);
    expect(await openSharedReport(getDb(), { token: link.token, clientIp: null, now: later })).toEqual({
      status: 'expired',
    });
  });

  it('scopes a token to its own version: no other version, no other project', async () => {
    const a = await setup();
    const b = await setup();
    const v1 = await a.editor.caller.report.publish({ projectId: a.projectId, note: 'first' });
    await a.editor.caller.report.publish({ projectId: a.projectId, note: 'second' });
    const link = await a.editor.caller.report.createShareLink({ projectId: a.projectId, versionId: v1.id });
    const opened = await anonymous().report.shared({ token: link.token });
    expect(opened).toMatchObject({ status: 'ok', versionNumber: 1 });
    if (opened.status === 'ok') {
      expect(opened.snapshot.version?.note).toBe('first');
      expect(opened.snapshot.project.id).toBe(a.projectId);
      // Beside the version: whether the link takes decisions, and the version's own (visible) decisions.
      expect(Object.keys(opened).sort()).toEqual([
        'allowFeedback',
        'decisions',
        'projectName',
        'snapshot',
        'status',
        'versionNumber',
      ]);
      expect(opened.decisions).toEqual([]);
    }
    // A version id of another project is not found, whoever asks.
    await expectTRPCError(
      b.editor.caller.report.createShareLink({ projectId: b.projectId, versionId: v1.id }),
      'NOT_FOUND',
    );
    await expectTRPCError(
      b.editor.caller.report.getVersion({ projectId: b.projectId, versionId: v1.id }),
      'NOT_FOUND',
    );
    await expectTRPCError(
      b.editor.caller.report.revokeShareLink({ projectId: b.projectId, linkId: link.id }),
      'NOT_FOUND',
    );
    await expectTRPCError(anonymous().report.shared({ token: `${link.token.slice(0, -1)}x` }), 'NOT_FOUND');
    // The token is not a session: it opens nothing but `shared`.
    await expectTRPCError(
      anonymous().report.getVersion({ projectId: a.projectId, versionId: v1.id }),
      'UNAUTHORIZED',
    );
  });

  it('rate limits share lookups per client address', async () => {
    const { editor, projectId } = await setup();
    const v1 = await editor.caller.report.publish({ projectId });
    const link = await editor.caller.report.createShareLink({ projectId, versionId: v1.id });
    const guesser = anonymous('192.0.2.7');
    for (let i = 0; i < SHARE_LOOKUP_LIMIT.max; i += 1) {
      await expectTRPCError(guesser.report.shared({ token: `guess-${i}` }), 'NOT_FOUND');
    }
    const refused = await expectTRPCError(guesser.report.shared({ token: link.token }), 'TOO_MANY_REQUESTS');
    expect(refused.message).toMatch(/try again/);
    expect((await anonymous('192.0.2.8').report.shared({ token: link.token })).status).toBe('ok');
    const [listed] = await editor.caller.report.listShareLinks({ projectId });
    expect(listed?.openCount).toBe(1);
  });

  it('counts only failed lookups against the limit, so one viewer may reopen a link at will', async () => {
    const { editor, projectId } = await setup();
    const v1 = await editor.caller.report.publish({ projectId });
    const link = await editor.caller.report.createShareLink({ projectId, versionId: v1.id });
    const reader = anonymous('192.0.2.9');
    const opens = SHARE_LOOKUP_LIMIT.max + 5;
    for (let i = 0; i < opens; i += 1) {
      expect((await reader.report.shared({ token: link.token })).status).toBe('ok');
    }
    await expectTRPCError(reader.report.shared({ token: 'mistyped' }), 'NOT_FOUND');
    const [listed] = await editor.caller.report.listShareLinks({ projectId });
    expect(listed?.openCount).toBe(opens);
  });

  it('writes no row per view: opens wait in memory and reach the link in one flush', async () => {
    const { editor, projectId } = await setup();
    const v1 = await editor.caller.report.publish({ projectId });
    const link = await editor.caller.report.createShareLink({ projectId, versionId: v1.id });
    const stored = async () => {
      const [row] = await getDb()
        .select({ openCount: schema.reportShareLink.openCount })
        .from(schema.reportShareLink)
        .where(eq(schema.reportShareLink.id, link.id));
      return row?.openCount;
    };
    for (let i = 0; i < 3; i += 1) await anonymous().report.shared({ token: link.token });
    expect(await stored()).toBe(0);
    await flushShareOpens(getDb());
    expect(await stored()).toBe(3);
  });

  it('starts a new window once the old one has passed', async () => {
    const key = `test:${randomUUID()}`;
    const options = { key, windowMs: 1000, max: 2 };
    expect((await hitRateLimit(getDb(), { ...options, now: 10_000 })).allowed).toBe(true);
    expect((await hitRateLimit(getDb(), { ...options, now: 10_500 })).allowed).toBe(true);
    expect(await hitRateLimit(getDb(), { ...options, now: 10_600 })).toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    });
    expect((await hitRateLimit(getDb(), { ...options, now: 11_001 })).allowed).toBe(true);
  });
});
