import { hashInvitationToken, schema } from '@raisin/db';
import { describeOnEachDatabase } from '@raisin/db/testing';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { expectTRPCError, seedCallers } from '../test-support';

describeOnEachDatabase('invitations router', (getDb) => {
  async function setup() {
    const db = getDb();
    const [owner, invitee, stranger] = await seedCallers(db, 3);
    if (!owner || !invitee || !stranger) throw new Error('seed failed');
    const ws = await owner.caller.workspaces.create({ name: 'Annotators' });
    return { db, ws, owner, invitee, stranger };
  }

  it('creates an invitation whose token is returned once and stored hashed', async () => {
    const { db, ws, owner, invitee } = await setup();
    const inv = await owner.caller.invitations.create({
      workspaceId: ws.id,
      email: invitee.user.email,
      role: 'editor',
    });
    expect(inv).toEqual({
      id: expect.any(String),
      email: invitee.user.email,
      role: 'editor',
      expiresAt: expect.any(String),
      token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      // No base URL in this context (the server passes the address the owner uses): the bare path.
      url: `/invite/${inv.token}`,
    });
    const days = (Date.parse(inv.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    const [row] = await db.select().from(schema.invitation).where(eq(schema.invitation.id, inv.id));
    expect(row?.tokenHash).toBe(hashInvitationToken(inv.token));
    const pending = await owner.caller.invitations.list({ workspaceId: ws.id });
    expect(pending).toEqual([
      {
        id: inv.id,
        email: invitee.user.email,
        role: 'editor',
        expiresAt: inv.expiresAt,
        createdAt: expect.any(String),
        invitedBy: owner.user.id,
      },
    ]);
    expect(JSON.stringify(pending)).not.toContain(inv.token);
  });

  it('previews, then accepts once for the invited email only', async () => {
    const { ws, owner, invitee, stranger } = await setup();
    const inv = await owner.caller.invitations.create({
      workspaceId: ws.id,
      email: invitee.user.email.toUpperCase(),
      role: 'viewer',
    });
    expect(await stranger.caller.invitations.preview({ token: inv.token })).toEqual({
      workspaceName: 'Annotators',
      role: 'viewer',
      email: invitee.user.email,
      invitedByName: owner.user.name,
      expiresAt: inv.expiresAt,
    });
    await expectTRPCError(stranger.caller.invitations.accept({ token: inv.token }), 'FORBIDDEN');
    expect(await invitee.caller.invitations.accept({ token: inv.token })).toEqual({ workspaceId: ws.id });
    expect(await invitee.caller.workspaces.list()).toMatchObject([{ id: ws.id, role: 'viewer' }]);
    await expectTRPCError(invitee.caller.invitations.accept({ token: inv.token }), 'NOT_FOUND');
    await expectTRPCError(invitee.caller.invitations.preview({ token: inv.token }), 'NOT_FOUND');
  });

  it('makes revoked and unknown tokens NOT_FOUND, and already-members CONFLICT', async () => {
    const { ws, owner, invitee } = await setup();
    const revoked = await owner.caller.invitations.create({
      workspaceId: ws.id,
      email: invitee.user.email,
      role: 'viewer',
    });
    expect(await owner.caller.invitations.revoke({ workspaceId: ws.id, invitationId: revoked.id })).toEqual({
      ok: true,
    });
    expect(await owner.caller.invitations.list({ workspaceId: ws.id })).toEqual([]);
    await expectTRPCError(invitee.caller.invitations.accept({ token: revoked.token }), 'NOT_FOUND');
    await expectTRPCError(invitee.caller.invitations.preview({ token: 'unknown' }), 'NOT_FOUND');
    await expectTRPCError(
      owner.caller.invitations.revoke({ workspaceId: ws.id, invitationId: crypto.randomUUID() }),
      'NOT_FOUND',
    );

    const first = await owner.caller.invitations.create({
      workspaceId: ws.id,
      email: invitee.user.email,
      role: 'viewer',
    });
    const second = await owner.caller.invitations.create({
      workspaceId: ws.id,
      email: invitee.user.email,
      role: 'editor',
    });
    // The second link replaced the first; once used, it admits no one again.
    await expectTRPCError(invitee.caller.invitations.accept({ token: first.token }), 'NOT_FOUND');
    await invitee.caller.invitations.accept({ token: second.token });
    await expectTRPCError(invitee.caller.invitations.accept({ token: second.token }), 'NOT_FOUND');
    await expectTRPCError(
      owner.caller.invitations.create({ workspaceId: ws.id, email: invitee.user.email, role: 'viewer' }),
      'CONFLICT',
    );
  });

  it('validates emails and roles', async () => {
    const { ws, owner } = await setup();
    await expectTRPCError(
      owner.caller.invitations.create({ workspaceId: ws.id, email: 'not an email', role: 'viewer' }),
      'BAD_REQUEST',
    );
    await expectTRPCError(
      // @ts-expect-error: 'admin' is not a role, which is the point
      owner.caller.invitations.create({ workspaceId: ws.id, email: 'a@example.test', role: 'admin' }),
      'BAD_REQUEST',
    );
  });
});
