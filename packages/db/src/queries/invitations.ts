import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { DomainError } from '../errors';
import type { Role } from '../roles';
import { invitation, membership, user, workspace } from '../schema';
import { generateSecretToken, hashSecretToken } from '../secret-tokens';
import { writeAuditEntry } from './audit';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** 32 random bytes, URL-safe: the bearer secret in an invitation link (and a share link). */
export const generateInvitationToken = (): string => generateSecretToken();

/** SHA-256 (hex) of a token. Only this is stored, so a database leak does not leak usable links. */
export const hashInvitationToken = hashSecretToken;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface CreatedInvitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
  /** The raw token: returned once, never stored. */
  token: string;
}

export async function createInvitation(
  db: Db,
  params: { workspaceId: string; email: string; role: Role; actorId: string; now?: Date; ttlMs?: number },
): Promise<CreatedInvitation> {
  const email = normalizeEmail(params.email);
  const now = params.now ?? new Date();
  const token = generateInvitationToken();
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ userId: membership.userId })
      .from(membership)
      .innerJoin(user, eq(user.id, membership.userId))
      .where(and(eq(membership.workspaceId, params.workspaceId), sql`lower(${user.email}) = ${email}`));
    if (existing) throw new DomainError('ALREADY_MEMBER', `${email} is already a member of this workspace`);
    // A new invitation replaces any pending one to the same address (say, with another role): one
    // working link per person, and the pending list never shows someone twice.
    await closePendingInvitations(tx, { workspaceId: params.workspaceId, email, now });
    const [created] = await tx
      .insert(invitation)
      .values({
        workspaceId: params.workspaceId,
        email,
        role: params.role,
        tokenHash: hashInvitationToken(token),
        expiresAt: new Date(now.getTime() + (params.ttlMs ?? INVITATION_TTL_MS)),
        invitedBy: params.actorId,
        createdAt: now,
      })
      .returning();
    if (!created) throw new Error('createInvitation: insert returned no row');
    await writeAuditEntry(tx, {
      workspaceId: params.workspaceId,
      actorId: params.actorId,
      action: 'invitation.created',
      entityType: 'invitation',
      entityId: created.id,
      details: { email, role: params.role, expiresAt: created.expiresAt.toISOString() },
    });
    return { id: created.id, email, role: created.role, expiresAt: created.expiresAt, token };
  });
}

export interface PendingInvitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
  createdAt: Date;
  invitedBy: string | null;
}

const pending = (now: Date) =>
  and(isNull(invitation.acceptedAt), isNull(invitation.revokedAt), gt(invitation.expiresAt, now));

/** Revokes every pending invitation to `email` (normalised) in the workspace. */
async function closePendingInvitations(
  tx: Pick<Db, 'update'>,
  params: { workspaceId: string; email: string; now: Date },
): Promise<void> {
  await tx
    .update(invitation)
    .set({ revokedAt: params.now })
    .where(
      and(
        eq(invitation.workspaceId, params.workspaceId),
        eq(invitation.email, params.email),
        pending(params.now),
      ),
    );
}

/** Invitations neither accepted, revoked nor expired, newest first. */
export async function listPendingInvitations(
  db: Db,
  params: { workspaceId: string; now?: Date },
): Promise<PendingInvitation[]> {
  return db
    .select({
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
      createdAt: invitation.createdAt,
      invitedBy: invitation.invitedBy,
    })
    .from(invitation)
    .where(and(eq(invitation.workspaceId, params.workspaceId), pending(params.now ?? new Date())))
    .orderBy(desc(invitation.createdAt));
}

/** Revokes an invitation of this workspace; revoking twice is a no-op, revoking a used one a conflict. */
export async function revokeInvitation(
  db: Db,
  params: { workspaceId: string; invitationId: string; actorId: string; now?: Date },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(invitation)
      .where(and(eq(invitation.id, params.invitationId), eq(invitation.workspaceId, params.workspaceId)))
      .for('update');
    if (!row) throw new DomainError('INVITATION_NOT_FOUND', 'Invitation not found');
    if (row.acceptedAt)
      throw new DomainError('INVITATION_ALREADY_USED', 'This invitation was already accepted');
    if (row.revokedAt) return;
    await tx
      .update(invitation)
      .set({ revokedAt: params.now ?? new Date() })
      .where(eq(invitation.id, row.id));
    await writeAuditEntry(tx, {
      workspaceId: params.workspaceId,
      actorId: params.actorId,
      action: 'invitation.revoked',
      entityType: 'invitation',
      entityId: row.id,
      details: { email: row.email, role: row.role },
    });
  });
}

export interface InvitationPreview {
  workspaceId: string;
  workspaceName: string;
  role: Role;
  email: string;
  invitedByName: string | null;
  expiresAt: Date;
}

const notFound = () =>
  new DomainError('INVITATION_NOT_FOUND', 'This invitation link is invalid, used, revoked or expired');

/** What an invitation link offers; unknown, used, revoked and expired tokens all look the same. */
export async function previewInvitation(
  db: Db,
  params: { token: string; now?: Date },
): Promise<InvitationPreview> {
  const [row] = await db
    .select({
      workspaceId: invitation.workspaceId,
      workspaceName: workspace.name,
      role: invitation.role,
      email: invitation.email,
      invitedByName: user.name,
      expiresAt: invitation.expiresAt,
    })
    .from(invitation)
    .innerJoin(workspace, eq(workspace.id, invitation.workspaceId))
    .leftJoin(user, eq(user.id, invitation.invitedBy))
    .where(
      and(eq(invitation.tokenHash, hashInvitationToken(params.token)), pending(params.now ?? new Date())),
    );
  if (!row) throw notFound();
  return row;
}

/**
 * Accepts an invitation for the signed-in user: the token must be pending and addressed to their
 * email (case-insensitive). Single use: the first acceptance marks it, later ones find nothing.
 */
export async function acceptInvitation(
  db: Db,
  params: { token: string; userId: string; userEmail: string; now?: Date },
): Promise<{ workspaceId: string; role: Role }> {
  const now = params.now ?? new Date();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(invitation)
      .where(and(eq(invitation.tokenHash, hashInvitationToken(params.token)), pending(now)))
      .for('update');
    if (!row) throw notFound();
    if (normalizeEmail(row.email) !== normalizeEmail(params.userEmail)) {
      throw new DomainError(
        'INVITATION_EMAIL_MISMATCH',
        'This invitation was sent to another email address; sign in with that address to accept it',
      );
    }
    const [already] = await tx
      .select({ role: membership.role })
      .from(membership)
      .where(and(eq(membership.workspaceId, row.workspaceId), eq(membership.userId, params.userId)));
    if (already) throw new DomainError('ALREADY_MEMBER', 'You are already a member of this workspace');
    await tx
      .update(invitation)
      .set({ acceptedAt: now, acceptedBy: params.userId })
      .where(eq(invitation.id, row.id));
    // Any other link to the same person is now pointless: it leaves the pending list.
    await closePendingInvitations(tx, { workspaceId: row.workspaceId, email: row.email, now });
    await tx
      .insert(membership)
      .values({ workspaceId: row.workspaceId, userId: params.userId, role: row.role });
    await writeAuditEntry(tx, {
      workspaceId: row.workspaceId,
      actorId: params.userId,
      action: 'invitation.accepted',
      entityType: 'invitation',
      entityId: row.id,
      details: { email: row.email, role: row.role },
    });
    return { workspaceId: row.workspaceId, role: row.role };
  });
}
