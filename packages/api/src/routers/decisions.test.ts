import { randomUUID } from 'node:crypto';
import { DECISION_LIMIT_PER_ADDRESS, DECISION_LIMIT_PER_LINK, listSharedDecisions } from '@raisin/db';
import { describeOnEachDatabase } from '@raisin/db/testing';
import { expect, it } from 'vitest';
import { createContextInner } from '../context';
import { createCaller } from '../root';
import { expectTRPCError, seedTeamProject } from '../test-support';

const XSS = '<img src=x onerror=alert(1)>';

describeOnEachDatabase('decisions on a report version', (getDb) => {
  let clients = 0;
  /** An anonymous caller from one client address (a fresh one by default), as the server builds it. */
  const reader = (clientIp = `10.1.0.${++clients}`) =>
    createCaller(createContextInner({ db: getDb(), user: null, requestId: randomUUID(), clientIp }));

  async function setup() {
    const team = await seedTeamProject(getDb(), 'Decided project');
    const { projectId } = team;
    const v1 = await team.editor.caller.report.publish({ projectId });
    const v2 = await team.editor.caller.report.publish({ projectId });
    const open = await team.editor.caller.report.createShareLink({
      projectId,
      versionId: v2.id,
      allowFeedback: true,
    });
    const readOnly = await team.editor.caller.report.createShareLink({ projectId, versionId: v2.id });
    return { ...team, v1, v2, open, readOnly };
  }

  const approve = (token: string, name = 'Dana Reader', email = 'dana@example.com') => ({
    token,
    decision: 'approve-with-conditions' as const,
    comment: `Only with a human in the loop ${XSS}`,
    name,
    email,
  });

  it('takes a decision only through a link that allows it, binds it to that version and hides e-mails from readers', async () => {
    const { owner, viewer, projectId, v2, open, readOnly } = await setup();
    await expectTRPCError(reader().report.recordDecision(approve(readOnly.token)), 'FORBIDDEN');
    const shared = await reader().report.shared({ token: readOnly.token });
    expect(shared).toMatchObject({ status: 'ok', allowFeedback: false, decisions: [] });

    await reader().report.recordDecision(approve(open.token));
    await reader().report.recordDecision({
      ...approve(open.token, 'Sam Other', 'sam@example.com'),
      decision: 'reject',
    });

    // Another reader sees both decisions as text, and no e-mail anywhere in what the link returns.
    const seen = await reader().report.shared({ token: open.token });
    if (seen.status !== 'ok') throw new Error('link should open');
    expect(seen.allowFeedback).toBe(true);
    expect(seen.decisions.map((d) => [d.name, d.decision, d.comment])).toEqual([
      ['Dana Reader', 'approve-with-conditions', `Only with a human in the loop ${XSS}`],
      ['Sam Other', 'reject', `Only with a human in the loop ${XSS}`],
    ]);
    expect(JSON.stringify(seen)).not.toContain('@example.com');

    // The team sees who decided, with e-mails, on version 2 only.
    const listed = await viewer.caller.report.decisions({ projectId });
    expect(listed.map((d) => [d.versionId, d.versionNumber, d.email, d.hidden, d.meeting])).toEqual([
      [v2.id, 2, 'dana@example.com', false, false],
      [v2.id, 2, 'sam@example.com', false, false],
    ]);

    // An owner hides an entry: readers no longer see it, the team sees it marked hidden.
    const samId = listed[1]?.id ?? '';
    await owner.caller.report.hideDecision({ projectId, decisionId: samId });
    const after = await reader().report.shared({ token: open.token });
    expect(after.status === 'ok' && after.decisions.map((d) => d.name)).toEqual(['Dana Reader']);
    expect((await viewer.caller.report.decisions({ projectId })).find((d) => d.id === samId)?.hidden).toBe(
      true,
    );
    await expectTRPCError(viewer.caller.report.hideDecision({ projectId, decisionId: samId }), 'FORBIDDEN');
    await expectTRPCError(
      owner.caller.report.hideDecision({ projectId, decisionId: '00000000-0000-4000-8000-000000000000' }),
      'NOT_FOUND',
    );
  });

  it('carries a version’s visible decisions into the next version’s what changed, and the newest onto the portfolio', async () => {
    const { owner, viewer, projectId, ws, v2, open } = await setup();
    const portfolioRow = async () =>
      (await viewer.caller.portfolio.list({ workspaceId: ws.id })).find(
        (row) => row.project.id === projectId,
      );
    expect((await portfolioRow())?.latestDecision).toBeNull();

    await reader().report.recordDecision(approve(open.token));
    await reader().report.recordDecision({
      ...approve(open.token, 'Sam Other', 'sam@example.com'),
      decision: 'reject',
    });
    const v3 = await owner.caller.report.publish({ projectId });
    const diff = await viewer.caller.report.diff({ projectId, to: v3.id });
    expect(diff.from?.number).toBe(2);
    expect(diff.fromDecisions.map((d) => [d.name, d.decision, d.comment])).toEqual([
      ['Dana Reader', 'approve-with-conditions', `Only with a human in the loop ${XSS}`],
      ['Sam Other', 'reject', `Only with a human in the loop ${XSS}`],
    ]);
    expect(JSON.stringify(diff)).not.toContain('@example.com');
    // Version 2 compared with version 1 carries version 1's decisions: none.
    expect((await viewer.caller.report.diff({ projectId, to: v2.id })).fromDecisions).toEqual([]);

    expect((await portfolioRow())?.latestDecision).toMatchObject({
      versionNumber: 2,
      decision: 'reject',
      name: 'Sam Other',
      meeting: false,
    });
    // Hidden, an entry leaves what changed and the portfolio; the one before it is the latest again.
    const sam = (await viewer.caller.report.decisions({ projectId })).find((d) => d.name === 'Sam Other');
    await owner.caller.report.hideDecision({ projectId, decisionId: sam?.id ?? '' });
    expect(
      (await viewer.caller.report.diff({ projectId, to: v3.id })).fromDecisions.map((d) => d.name),
    ).toEqual(['Dana Reader']);
    expect((await portfolioRow())?.latestDecision).toMatchObject({
      decision: 'approve-with-conditions',
      name: 'Dana Reader',
    });
  });

  it('records a meeting decision on the version it was taken on', async () => {
    const { owner, editor, projectId, v1 } = await setup();
    await expectTRPCError(
      editor.caller.report.recordMeetingDecision({
        projectId,
        versionId: v1.id,
        decision: 'approve',
        name: 'Board',
      }),
      'FORBIDDEN',
    );
    await owner.caller.report.recordMeetingDecision({
      projectId,
      versionId: v1.id,
      decision: 'request-changes',
      comment: 'Measure the ceiling on 300 more items',
      name: 'Steering committee',
    });
    const [entry] = await owner.caller.report.decisions({ projectId });
    expect(entry).toMatchObject({
      versionNumber: 1,
      decision: 'request-changes',
      name: 'Steering committee',
      email: null,
      meeting: true,
    });
  });

  it("shows a link's readers the version's decisions as they are stored, in one read with the link", async () => {
    const { owner, projectId, v2, open } = await setup();
    await reader().report.recordDecision(approve(open.token));
    await owner.caller.report.recordMeetingDecision({
      projectId,
      versionId: v2.id,
      decision: 'approve',
      name: 'Steering committee',
    });
    const seen = await reader().report.shared({ token: open.token });
    if (seen.status !== 'ok') throw new Error('link should open');
    // The view reads the decisions inside the link's own statement: the same values, dates and order
    // as the list of the version's decisions.
    expect(seen.decisions).toEqual(await listSharedDecisions(getDb(), v2.id));
    expect(seen.decisions.map((d) => [d.name, d.meeting, d.createdAt instanceof Date])).toEqual([
      ['Dana Reader', false, true],
      ['Steering committee', true, true],
    ]);
  });

  it('refuses a revoked or expired link, and bad or oversized input, writing nothing', async () => {
    const { editor, projectId, v2, open } = await setup();
    await expectTRPCError(
      reader().report.recordDecision({ ...approve(open.token), name: '  ' }),
      'BAD_REQUEST',
    );
    await expectTRPCError(
      reader().report.recordDecision({ ...approve(open.token), email: 'not-an-address' }),
      'BAD_REQUEST',
    );
    await expectTRPCError(
      reader().report.recordDecision({ ...approve(open.token), comment: 'x'.repeat(2001) }),
      'BAD_REQUEST',
    );
    await expectTRPCError(
      reader().report.recordDecision({ ...approve(open.token), decision: 'maybe' as 'approve' }),
      'BAD_REQUEST',
    );
    await expectTRPCError(
      reader().report.recordDecision({
        ...approve(open.token),
        decision: 'approve-with-conditions',
        comment: ' ',
      }),
      'BAD_REQUEST',
    );
    await editor.caller.report.revokeShareLink({ projectId, linkId: open.id });
    await expectTRPCError(reader().report.recordDecision(approve(open.token)), 'FORBIDDEN');
    const expiring = await editor.caller.report.createShareLink({
      projectId,
      versionId: v2.id,
      allowFeedback: true,
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    });
    await reader().report.recordDecision(approve(expiring.token));
    expect(await editor.caller.report.decisions({ projectId })).toHaveLength(1);
    await expectTRPCError(reader().report.recordDecision(approve('no-such-token')), 'NOT_FOUND');
  });

  it('rate limits decisions per client address and per link', async () => {
    const { projectId, editor, v2, open } = await setup();
    const same = reader('10.9.9.9');
    for (let i = 0; i < DECISION_LIMIT_PER_ADDRESS.max; i++)
      await same.report.recordDecision(approve(open.token));
    await expectTRPCError(same.report.recordDecision(approve(open.token)), 'TOO_MANY_REQUESTS');

    const busy = await editor.caller.report.createShareLink({
      projectId,
      versionId: v2.id,
      allowFeedback: true,
    });
    for (let i = 0; i < DECISION_LIMIT_PER_LINK.max; i++)
      await reader().report.recordDecision(approve(busy.token));
    await expectTRPCError(reader().report.recordDecision(approve(busy.token)), 'TOO_MANY_REQUESTS');
    expect(await editor.caller.report.decisions({ projectId })).toHaveLength(
      DECISION_LIMIT_PER_ADDRESS.max + DECISION_LIMIT_PER_LINK.max,
    );
  });
});
