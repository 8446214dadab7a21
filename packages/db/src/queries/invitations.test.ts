import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { invitation, membership } from '../schema';
import { describeOnEachDatabase, rejectsWith, seedUsers } from '../testing';
import {
  acceptInvitation,
  createInvitation,
  hashInvitationToken,
  INVITATION_TTL_MS,
  listPendingInvitations,
  previewInvitation,
  revokeInvitation,
} from './invitations';
import { listMembers } from './members';
import { createWorkspace, getMembershipRole } from './workspaces';

describeOnEachDatabase('invitation queries', (getDb) => {
  async function setup() {
    const db = getDb();
    const [owner, invitee] = await seedUsers(db, [{ name: 'Olga' }, { name: 'Ivan' }]);
    if (!owner || !invitee) throw new Error('seed failed');
    const ws = await createWorkspace(db, { name: 'Labels', actorId: owner.id });
    return { db, owner, invitee, ws };
  }

  it('stores only the SHA-256 of the token and returns the raw token once', async () => {
    const { db, owner, invitee, ws } = await setup();
    const created = await createInvitation(db, {
      workspaceId: ws.id,
      email: invitee.email.toUpperCase(),
      role: 'editor',
      actorId: owner.id,
    });
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.email).toBe(invitee.email);
    const [row] = await db.select().from(invitation).where(eq(invitation.id, created.id));
    expect(row?.tokenHash).toBe(hashInvitationToken(created.token));
    expect(row?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(created.token);
    // Independent check of the hash against a known SHA-256 vector (FIPS 180-2, "abc").
    expect(hashInvitationToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('previews and accepts once, case-insensitively by email, with the invited role', async () => {
    const { db, owner, invitee, ws } = await setup();
    const { token } = await createInvitation(db, {
      workspaceId: ws.id,
      email: invitee.email,
      role: 'editor',
      actorId: owner.id,
    });
    expect(await previewInvitation(db, { token })).toMatchObject({
      workspaceName: 'Labels',
      role: 'editor',
      email: invitee.email,
      invitedByName: 'Olga',
    });
    const accepted = await acceptInvitation(db, {
      token,
      userId: invitee.id,
      userEmail: invitee.email.toUpperCase(),
    });
    expect(accepted).toEqual({ workspaceId: ws.id, role: 'editor' });
    expect(await getMembershipRole(db, { workspaceId: ws.id, userId: invitee.id })).toBe('editor');
    // Single use: the same link now looks unknown, to the invitee and everyone else.
    await rejectsWith(previewInvitation(db, { token }), 'INVITATION_NOT_FOUND');
    await rejectsWith(
      acceptInvitation(db, { token, userId: invitee.id, userEmail: invitee.email }),
      'INVITATION_NOT_FOUND',
    );
    expect(await listPendingInvitations(db, { workspaceId: ws.id })).toEqual([]);
  });

  it('refuses a user whose email differs, without consuming the invitation', async () => {
    const { db, owner, invitee, ws } = await setup();
    const [stranger] = await seedUsers(db, [{}]);
    if (!stranger) throw new Error('seed failed');
    const { token } = await createInvitation(db, {
      workspaceId: ws.id,
      email: invitee.email,
      role: 'viewer',
      actorId: owner.id,
    });
    await rejectsWith(
      acceptInvitation(db, { token, userId: stranger.id, userEmail: stranger.email }),
      'INVITATION_EMAIL_MISMATCH',
    );
    expect(await getMembershipRole(db, { workspaceId: ws.id, userId: stranger.id })).toBeNull();
    await acceptInvitation(db, { token, userId: invitee.id, userEmail: invitee.email });
  });

  it('treats expired and revoked invitations as not found', async () => {
    const { db, owner, invitee, ws } = await setup();
    const createdAt = new Date('2030-01-01T00:00:00Z');
    const expiring = await createInvitation(db, {
      workspaceId: ws.id,
      email: invitee.email,
      role: 'viewer',
      actorId: owner.id,
      now: createdAt,
    });
    expect(expiring.expiresAt.getTime() - createdAt.getTime()).toBe(INVITATION_TTL_MS);
    const justBefore = new Date(expiring.expiresAt.getTime() - 1);
    expect((await previewInvitation(db, { token: expiring.token, now: justBefore })).role).toBe('viewer');
    await rejectsWith(
      previewInvitation(db, { token: expiring.token, now: expiring.expiresAt }),
      'INVITATION_NOT_FOUND',
    );
    await rejectsWith(
      acceptInvitation(db, {
        token: expiring.token,
        userId: invitee.id,
        userEmail: invitee.email,
        now: expiring.expiresAt,
      }),
      'INVITATION_NOT_FOUND',
    );

    const revoked = await createInvitation(db, {
      workspaceId: ws.id,
      email: invitee.email,
      role: 'viewer',
      actorId: owner.id,
    });
    expect((await listPendingInvitations(db, { workspaceId: ws.id })).map((i) => i.id)).toContain(revoked.id);
    await revokeInvitation(db, { workspaceId: ws.id, invitationId: revoked.id, actorId: owner.id });
    await revokeInvitation(db, { workspaceId: ws.id, invitationId: revoked.id, actorId: owner.id });
    expect((await listPendingInvitations(db, { workspaceId: ws.id })).map((i) => i.id)).not.toContain(
      revoked.id,
    );
    await rejectsWith(
      acceptInvitation(db, { token: revoked.token, userId: invitee.id, userEmail: invitee.email }),
      'INVITATION_NOT_FOUND',
    );
    await rejectsWith(previewInvitation(db, { token: 'no-such-token' }), 'INVITATION_NOT_FOUND');
  });

  it('scopes revocation to the workspace and refuses to revoke an accepted invitation', async () => {
    const { db, owner, invitee, ws } = await setup();
    const other = await createWorkspace(db, { name: 'Other', actorId: owner.id });
    const inv = await createInvitation(db, {
      workspaceId: ws.id,
      email: invitee.email,
      role: 'viewer',
      actorId: owner.id,
    });
    await rejectsWith(
      revokeInvitation(db, { workspaceId: other.id, invitationId: inv.id, actorId: owner.id }),
      'INVITATION_NOT_FOUND',
    );
    await acceptInvitation(db, { token: inv.token, userId: invitee.id, userEmail: invitee.email });
    await rejectsWith(
      revokeInvitation(db, { workspaceId: ws.id, invitationId: inv.id, actorId: owner.id }),
      'INVITATION_ALREADY_USED',
    );
  });

  it('refuses to invite or admit someone who is already a member', async () => {
    const { db, owner, invitee, ws } = await setup();
    await rejectsWith(
      createInvitation(db, { workspaceId: ws.id, email: owner.email, role: 'viewer', actorId: owner.id }),
      'ALREADY_MEMBER',
    );
    const { token } = await createInvitation(db, {
      workspaceId: ws.id,
      email: invitee.email,
      role: 'editor',
      actorId: owner.id,
    });
    // Joined meanwhile by another way (here directly): the link no longer admits them a second time.
    await db.insert(membership).values({ workspaceId: ws.id, userId: invitee.id, role: 'viewer' });
    await rejectsWith(
      acceptInvitation(db, { token, userId: invitee.id, userEmail: invitee.email }),
      'ALREADY_MEMBER',
    );
    expect((await listMembers(db, { workspaceId: ws.id })).find((m) => m.userId === invitee.id)?.role).toBe(
      'viewer',
    );
  });

  it('a new invitation to the same address replaces the pending one; accepting closes the others', async () => {
    const { db, owner, invitee, ws } = await setup();
    const first = await createInvitation(db, {
      workspaceId: ws.id,
      email: invitee.email,
      role: 'viewer',
      actorId: owner.id,
    });
    const second = await createInvitation(db, {
      workspaceId: ws.id,
      email: invitee.email.toUpperCase(),
      role: 'editor',
      actorId: owner.id,
    });
    expect((await listPendingInvitations(db, { workspaceId: ws.id })).map((inv) => inv.id)).toEqual([
      second.id,
    ]);
    await rejectsWith(previewInvitation(db, { token: first.token }), 'INVITATION_NOT_FOUND');
    await rejectsWith(
      acceptInvitation(db, { token: first.token, userId: invitee.id, userEmail: invitee.email }),
      'INVITATION_NOT_FOUND',
    );
    // Another workspace's invitation to the same person is untouched.
    const other = await createWorkspace(db, { name: 'Other', actorId: owner.id });
    const elsewhere = await createInvitation(db, {
      workspaceId: other.id,
      email: invitee.email,
      role: 'viewer',
      actorId: owner.id,
    });
    await acceptInvitation(db, { token: second.token, userId: invitee.id, userEmail: invitee.email });
    expect((await listMembers(db, { workspaceId: ws.id })).find((m) => m.userId === invitee.id)?.role).toBe(
      'editor',
    );
    expect(await listPendingInvitations(db, { workspaceId: ws.id })).toEqual([]);
    expect((await listPendingInvitations(db, { workspaceId: other.id })).map((inv) => inv.id)).toEqual([
      elsewhere.id,
    ]);
  });

  it('admits only one of two concurrent acceptances of the same token', async () => {
    const { db, owner, invitee, ws } = await setup();
    const { token } = await createInvitation(db, {
      workspaceId: ws.id,
      email: invitee.email,
      role: 'viewer',
      actorId: owner.id,
    });
    const results = await Promise.allSettled([
      acceptInvitation(db, { token, userId: invitee.id, userEmail: invitee.email }),
      acceptInvitation(db, { token, userId: invitee.id, userEmail: invitee.email }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });
});
