import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { DomainError } from '../errors';
import { perDatabase } from '../per-database';
import { type ReportDecisionKind, reportDecision, reportVersion } from '../schema';
import { writeAuditEntry } from './audit';
import { findShareLink, getReportVersion, hitRateLimit, rateLimited, stateOf } from './report';

/** Decisions one client address may record through share links: a person decides once, maybe corrects. */
export const DECISION_LIMIT_PER_ADDRESS = { windowMs: 10 * 60_000, max: 5 } as const;
/** Decisions one link may take: a link passed around (or abused) cannot flood the version. */
export const DECISION_LIMIT_PER_LINK = { windowMs: 60 * 60_000, max: 30 } as const;

/** A decision as another reader of the version sees it: never an e-mail. */
export interface SharedDecision {
  id: string;
  decision: ReportDecisionKind;
  comment: string;
  name: string;
  /** Recorded by an owner from a meeting, rather than by a reader of a link. */
  meeting: boolean;
  createdAt: Date;
}

/** A decision as the team sees it: with the reader's e-mail, the version and whether it was hidden. */
export interface DecisionRow extends SharedDecision {
  versionId: string;
  versionNumber: number;
  email: string | null;
  hidden: boolean;
}

export interface DecisionInput {
  decision: ReportDecisionKind;
  comment: string;
  name: string;
}

// Prepared (`per-database.ts`): every view of a shared report reads them.
const sharedDecisionsStatement = perDatabase((db) =>
  db
    .select({
      id: reportDecision.id,
      decision: reportDecision.decision,
      comment: reportDecision.comment,
      name: reportDecision.name,
      recordedBy: reportDecision.recordedBy,
      linkId: reportDecision.linkId,
      createdAt: reportDecision.createdAt,
    })
    .from(reportDecision)
    .where(and(eq(reportDecision.versionId, sql.placeholder('versionId')), isNull(reportDecision.hiddenAt)))
    .orderBy(asc(reportDecision.createdAt), asc(reportDecision.id))
    .prepare('raisin_list_shared_decisions'),
);

/** The decisions on a version that are not hidden, oldest first, without e-mails (for a share link's readers). */
export async function listSharedDecisions(db: Db, versionId: string): Promise<SharedDecision[]> {
  const rows = await sharedDecisionsStatement(db).execute({ versionId });
  return rows.map(({ recordedBy, linkId, ...row }) => ({
    ...row,
    meeting: linkId === null && recordedBy !== null,
  }));
}

/**
 * Records a reader's decision through a share link, bound to the link's version. Refused unless the link
 * allows feedback and is neither revoked nor expired; rate limited per client address and per link in the
 * database (every instance counts against the same limits). The text is stored as given, shown as text.
 * @throws DomainError SHARE_LINK_NOT_FOUND, SHARE_LINK_CLOSED, FEEDBACK_NOT_ALLOWED, RATE_LIMITED
 */
export async function recordSharedDecision(
  db: Db,
  params: DecisionInput & { token: string; email: string; clientIp: string | null; now?: Date },
): Promise<{ id: string }> {
  const now = params.now ?? new Date();
  const link = await findShareLink(db, { token: params.token, clientIp: params.clientIp, now });
  const state = stateOf(link, now);
  if (state !== 'ok') {
    throw new DomainError(
      'SHARE_LINK_CLOSED',
      `This link was ${state === 'revoked' ? 'revoked' : 'expired'}: it takes no more decisions`,
      {
        status: state,
      },
    );
  }
  if (!link.allowFeedback) {
    throw new DomainError(
      'FEEDBACK_NOT_ALLOWED',
      'This link does not take decisions; ask the team for one that does',
    );
  }
  // The server always knows the client's address; an in-process caller without one is limited per link only.
  const limits = [
    ...(params.clientIp === null
      ? []
      : [[`report-decision-address:${params.clientIp}`, DECISION_LIMIT_PER_ADDRESS] as const]),
    [`report-decision-link:${link.id}`, DECISION_LIMIT_PER_LINK] as const,
  ];
  for (const [key, limit] of limits) {
    const hit = await hitRateLimit(db, { key, ...limit, now: now.getTime() });
    if (!hit.allowed) throw rateLimited(hit.retryAfterSeconds);
  }
  const [row] = await db
    .insert(reportDecision)
    .values({
      versionId: link.versionId,
      linkId: link.id,
      decision: params.decision,
      comment: params.comment,
      name: params.name,
      email: params.email,
      createdAt: now,
    })
    .returning({ id: reportDecision.id });
  if (!row) throw new Error('recordSharedDecision: insert returned no row');
  return row;
}

/** An owner records a decision taken in a meeting on one version of the project, with an audit entry. */
export async function recordMeetingDecision(
  db: Db,
  params: DecisionInput & { projectId: string; workspaceId: string; versionId: string; actorId: string },
): Promise<{ id: string }> {
  const version = await getReportVersion(db, { projectId: params.projectId, versionId: params.versionId });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reportDecision)
      .values({
        versionId: version.id,
        decision: params.decision,
        comment: params.comment,
        name: params.name,
        recordedBy: params.actorId,
      })
      .returning({ id: reportDecision.id });
    if (!row) throw new Error('recordMeetingDecision: insert returned no row');
    await writeAuditEntry(tx, {
      workspaceId: params.workspaceId,
      actorId: params.actorId,
      action: 'report.decision_recorded',
      entityType: 'report_decision',
      entityId: row.id,
      details: { projectId: params.projectId, versionNumber: version.number, decision: params.decision },
    });
    return row;
  });
}

/** Every decision on the project's versions, newest version first, with e-mails and hidden entries. */
export async function listDecisions(db: Db, params: { projectId: string }): Promise<DecisionRow[]> {
  const rows = await db
    .select({
      id: reportDecision.id,
      versionId: reportDecision.versionId,
      versionNumber: reportVersion.number,
      decision: reportDecision.decision,
      comment: reportDecision.comment,
      name: reportDecision.name,
      email: reportDecision.email,
      linkId: reportDecision.linkId,
      recordedBy: reportDecision.recordedBy,
      hiddenAt: reportDecision.hiddenAt,
      createdAt: reportDecision.createdAt,
    })
    .from(reportDecision)
    .innerJoin(reportVersion, eq(reportVersion.id, reportDecision.versionId))
    .where(eq(reportVersion.projectId, params.projectId))
    .orderBy(asc(reportVersion.number), asc(reportDecision.createdAt), asc(reportDecision.id));
  return rows.map(({ linkId, recordedBy, hiddenAt, ...row }) => ({
    ...row,
    meeting: linkId === null && recordedBy !== null,
    hidden: hiddenAt !== null,
  }));
}

/**
 * Hides a decision of the project from readers and lists (kept, marked hidden, for the record).
 * @throws DomainError DECISION_NOT_FOUND
 */
export async function hideDecision(
  db: Db,
  params: { projectId: string; workspaceId: string; decisionId: string; actorId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [found] = await tx
      .select({ id: reportDecision.id, hiddenAt: reportDecision.hiddenAt })
      .from(reportDecision)
      .innerJoin(reportVersion, eq(reportVersion.id, reportDecision.versionId))
      .where(and(eq(reportDecision.id, params.decisionId), eq(reportVersion.projectId, params.projectId)));
    if (!found) throw new DomainError('DECISION_NOT_FOUND', 'Decision not found');
    if (found.hiddenAt !== null) return;
    await tx
      .update(reportDecision)
      .set({ hiddenAt: new Date(), hiddenBy: params.actorId })
      .where(eq(reportDecision.id, found.id));
    await writeAuditEntry(tx, {
      workspaceId: params.workspaceId,
      actorId: params.actorId,
      action: 'report.decision_hidden',
      entityType: 'report_decision',
      entityId: found.id,
      details: { projectId: params.projectId },
    });
  });
}
