import { randomUUID } from 'node:crypto';
import type { ReportSnapshot } from '@raisin/core/report';
import { and, desc, eq, lt, max, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { DomainError, isDomainError } from '../errors';
import { LruMap } from '../lru';
import { perDatabase } from '../per-database';
import { project, rateLimit, reportDecision, reportShareLink, reportVersion, user } from '../schema';
import { writeAuditEntry } from './audit';
import type { SharedDecision } from './decisions';
import { generateInvitationToken, hashInvitationToken } from './invitations';
import { flushShareOpens, recordShareOpen } from './share-opens';

export interface ReportVersionSummary {
  id: string;
  number: number;
  note: string | null;
  publishedAt: Date;
  publishedByName: string | null;
}

export interface ReportVersionRow extends ReportVersionSummary {
  projectId: string;
  snapshot: ReportSnapshot;
}

export const versionNotFound = () => new DomainError('REPORT_VERSION_NOT_FOUND', 'Report version not found');

const summaryColumns = {
  id: reportVersion.id,
  number: reportVersion.number,
  note: reportVersion.note,
  publishedAt: reportVersion.publishedAt,
  publishedByName: user.name,
};

/**
 * Freezes a snapshot as the project's next report version. The project row is locked first, so
 * concurrent publishes take numbers one after the other; the unique (project, number) constraint is the
 * backstop. The snapshot is built by the caller beforehand: building reads every tab with parallel
 * queries, which one transaction's connection cannot run at once.
 */
export async function publishReportVersion(
  db: Db,
  params: {
    projectId: string;
    workspaceId: string;
    note: string | null;
    actorId: string;
    actorName: string;
    snapshot: ReportSnapshot;
  },
): Promise<ReportVersionRow> {
  return db.transaction(async (tx) => {
    await tx.select({ id: project.id }).from(project).where(eq(project.id, params.projectId)).for('update');
    const [last] = await tx
      .select({ n: max(reportVersion.number) })
      .from(reportVersion)
      .where(eq(reportVersion.projectId, params.projectId));
    const number = (last?.n ?? 0) + 1;
    const publishedAt = new Date();
    const snapshot: ReportSnapshot = {
      ...params.snapshot,
      version: {
        number,
        note: params.note,
        publishedByName: params.actorName,
        publishedAt: publishedAt.toISOString(),
      },
    };
    const [row] = await tx
      .insert(reportVersion)
      .values({
        projectId: params.projectId,
        number,
        note: params.note,
        snapshot,
        publishedAt,
        publishedBy: params.actorId,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      throw new DomainError(
        'VERSION_CONFLICT',
        `Report version ${number} was just published by someone else; try again`,
        { currentVersion: number },
      );
    }
    await writeAuditEntry(tx, {
      workspaceId: params.workspaceId,
      actorId: params.actorId,
      action: 'report.published',
      entityType: 'report_version',
      entityId: row.id,
      details: { projectId: params.projectId, number },
    });
    return { ...row, publishedByName: params.actorName };
  });
}

/** The project's published versions, newest first (without their snapshots). */
export async function listReportVersions(
  db: Db,
  params: { projectId: string },
): Promise<ReportVersionSummary[]> {
  return db
    .select(summaryColumns)
    .from(reportVersion)
    .leftJoin(user, eq(user.id, reportVersion.publishedBy))
    .where(eq(reportVersion.projectId, params.projectId))
    .orderBy(desc(reportVersion.number));
}

/** One version of the project, by id or by number. @throws DomainError REPORT_VERSION_NOT_FOUND */
export async function getReportVersion(
  db: Db,
  params: { projectId: string } & ({ versionId: string } | { number: number }),
): Promise<ReportVersionRow> {
  const which =
    'versionId' in params ? eq(reportVersion.id, params.versionId) : eq(reportVersion.number, params.number);
  const [row] = await db
    .select({ ...summaryColumns, projectId: reportVersion.projectId, snapshot: reportVersion.snapshot })
    .from(reportVersion)
    .leftJoin(user, eq(user.id, reportVersion.publishedBy))
    .where(and(eq(reportVersion.projectId, params.projectId), which));
  if (!row) throw versionNotFound();
  return row;
}

/** The version published just before `number`, or null for the first. */
export async function getPreviousReportVersion(
  db: Db,
  params: { projectId: string; number: number },
): Promise<ReportVersionRow | null> {
  const [row] = await db
    .select({ ...summaryColumns, projectId: reportVersion.projectId, snapshot: reportVersion.snapshot })
    .from(reportVersion)
    .leftJoin(user, eq(user.id, reportVersion.publishedBy))
    .where(and(eq(reportVersion.projectId, params.projectId), lt(reportVersion.number, params.number)))
    .orderBy(desc(reportVersion.number))
    .limit(1);
  return row ?? null;
}

export interface ShareLinkRow {
  id: string;
  versionId: string;
  versionNumber: number;
  createdAt: Date;
  createdByName: string | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastOpenedAt: Date | null;
  openCount: number;
  previewNumbers: boolean;
  allowFeedback: boolean;
}

const shareLinkNotFound = () => new DomainError('SHARE_LINK_NOT_FOUND', 'Share link not found');

/**
 * Creates a share link to one version of the project and returns its token, the only time it exists
 * in clear: 32 random bytes (256 bits), base64url; only its SHA-256 is stored.
 * @throws DomainError REPORT_VERSION_NOT_FOUND, REPORT_INVALID (an expiry in the past)
 */
export async function createShareLink(
  db: Db,
  params: {
    projectId: string;
    workspaceId: string;
    versionId: string;
    expiresAt: Date | null;
    /** Whether link previews may show the verdict, ceiling and P50 (the owner's choice; off by default). */
    previewNumbers?: boolean;
    /** Whether readers of the link may record a decision on its version (off by default). */
    allowFeedback?: boolean;
    actorId: string;
    now?: Date;
  },
): Promise<{ id: string; token: string }> {
  if (params.expiresAt !== null && params.expiresAt.getTime() <= (params.now ?? new Date()).getTime()) {
    throw new DomainError('REPORT_INVALID', 'expiresAt: the expiry must lie in the future', {
      field: 'expiresAt',
    });
  }
  const version = await getReportVersion(db, { projectId: params.projectId, versionId: params.versionId });
  const token = generateInvitationToken();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reportShareLink)
      .values({
        versionId: version.id,
        tokenHash: hashInvitationToken(token),
        createdBy: params.actorId,
        expiresAt: params.expiresAt,
        previewNumbers: params.previewNumbers ?? false,
        allowFeedback: params.allowFeedback ?? false,
      })
      .returning({ id: reportShareLink.id });
    if (!row) throw new Error('createShareLink: insert returned no row');
    await writeAuditEntry(tx, {
      workspaceId: params.workspaceId,
      actorId: params.actorId,
      action: 'report.share_link_created',
      entityType: 'report_share_link',
      entityId: row.id,
      details: {
        projectId: params.projectId,
        versionNumber: version.number,
        previewNumbers: params.previewNumbers ?? false,
        allowFeedback: params.allowFeedback ?? false,
      },
    });
    return { id: row.id, token };
  });
}

/** Every share link of the project's versions, newest first (never their tokens). */
export async function listShareLinks(db: Db, params: { projectId: string }): Promise<ShareLinkRow[]> {
  // This instance's opens of the last second first, so an editor who just opened a link sees it counted.
  await flushShareOpens(db).catch(() => undefined);
  return db
    .select({
      id: reportShareLink.id,
      versionId: reportShareLink.versionId,
      versionNumber: reportVersion.number,
      createdAt: reportShareLink.createdAt,
      createdByName: user.name,
      expiresAt: reportShareLink.expiresAt,
      revokedAt: reportShareLink.revokedAt,
      lastOpenedAt: reportShareLink.lastOpenedAt,
      openCount: reportShareLink.openCount,
      previewNumbers: reportShareLink.previewNumbers,
      allowFeedback: reportShareLink.allowFeedback,
    })
    .from(reportShareLink)
    .innerJoin(reportVersion, eq(reportVersion.id, reportShareLink.versionId))
    .leftJoin(user, eq(user.id, reportShareLink.createdBy))
    .where(eq(reportVersion.projectId, params.projectId))
    .orderBy(desc(reportShareLink.createdAt));
}

/** Revokes a link of the project at once (revoking twice keeps the first time). @throws SHARE_LINK_NOT_FOUND */
export async function revokeShareLink(
  db: Db,
  params: { projectId: string; workspaceId: string; linkId: string; actorId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [link] = await tx
      .select({ id: reportShareLink.id, revokedAt: reportShareLink.revokedAt })
      .from(reportShareLink)
      .innerJoin(reportVersion, eq(reportVersion.id, reportShareLink.versionId))
      .where(and(eq(reportShareLink.id, params.linkId), eq(reportVersion.projectId, params.projectId)));
    if (!link) throw shareLinkNotFound();
    if (link.revokedAt !== null) return;
    await tx.update(reportShareLink).set({ revokedAt: new Date() }).where(eq(reportShareLink.id, link.id));
    await writeAuditEntry(tx, {
      workspaceId: params.workspaceId,
      actorId: params.actorId,
      action: 'report.share_link_revoked',
      entityType: 'report_share_link',
      entityId: link.id,
      details: { projectId: params.projectId },
    });
  });
}

export type SharedReport =
  | {
      status: 'ok';
      projectName: string;
      versionNumber: number;
      snapshot: ReportSnapshot;
      /** Whether this link takes a decision from its reader. */
      allowFeedback: boolean;
      /** The version's decisions that are not hidden, without anyone's e-mail. */
      decisions: SharedDecision[];
    }
  | { status: 'revoked' }
  | { status: 'expired' };

/** Failed share-token lookups per client address: a 256-bit token cannot be guessed; this stops scanners. */
export const SHARE_LOOKUP_LIMIT = { windowMs: 60_000, max: 30 } as const;

const shareLookupKey = (clientIp: string | null) => `report-share:${clientIp ?? 'unknown'}`;

export function rateLimited(retryAfterSeconds: number): DomainError {
  return new DomainError('RATE_LIMITED', `Too many requests; try again in ${retryAfterSeconds} s`, {
    retryAfterSeconds,
  });
}

/** The columns of the link a token names, with the client's failed lookups in the current window. */
function shareLinkColumns() {
  const key = sql.placeholder('key');
  const windowStart = sql.placeholder('windowStart');
  const failures = (column: typeof rateLimit.count | typeof rateLimit.lastRequest) =>
    sql<
      number | null
    >`(select ${column} from ${rateLimit} where ${rateLimit.key} = ${key} and ${rateLimit.lastRequest} > ${windowStart})`.mapWith(
      Number,
    );
  return {
    id: reportShareLink.id,
    expiresAt: reportShareLink.expiresAt,
    revokedAt: reportShareLink.revokedAt,
    versionId: reportShareLink.versionId,
    previewNumbers: reportShareLink.previewNumbers,
    allowFeedback: reportShareLink.allowFeedback,
    number: reportVersion.number,
    projectName: project.name,
    failures: failures(rateLimit.count),
    windowStartedAt: failures(rateLimit.lastRequest),
  };
}

/** A version's visible decision as `json_build_object` gives it (`createdAt` as text). */
interface DecisionJson {
  id: string;
  decision: SharedDecision['decision'];
  comment: string;
  name: string;
  recordedBy: string | null;
  linkId: string | null;
  createdAt: string;
}

const shareLinkStatement = perDatabase((db) =>
  db
    .select(shareLinkColumns())
    .from(reportShareLink)
    .innerJoin(reportVersion, eq(reportVersion.id, reportShareLink.versionId))
    .innerJoin(project, eq(project.id, reportVersion.projectId))
    .where(eq(reportShareLink.tokenHash, sql.placeholder('tokenHash')))
    .prepare('raisin_find_share_link'),
);

/**
 * What a view of a shared report reads, in one round trip: the link (as `shareLinkStatement`) and its
 * version's visible decisions, oldest first, as `listSharedDecisions` reads them.
 */
const openShareLinkStatement = perDatabase((db) =>
  db
    .select({
      ...shareLinkColumns(),
      decisions: sql<DecisionJson[]>`(select coalesce(json_agg(json_build_object(
          'id', ${reportDecision.id}, 'decision', ${reportDecision.decision},
          'comment', ${reportDecision.comment}, 'name', ${reportDecision.name},
          'recordedBy', ${reportDecision.recordedBy}, 'linkId', ${reportDecision.linkId},
          'createdAt', ${reportDecision.createdAt}
        ) order by ${reportDecision.createdAt}, ${reportDecision.id}), '[]'::json)
        from ${reportDecision}
        where ${reportDecision.versionId} = ${reportShareLink.versionId} and ${reportDecision.hiddenAt} is null)`,
    })
    .from(reportShareLink)
    .innerJoin(reportVersion, eq(reportVersion.id, reportShareLink.versionId))
    .innerJoin(project, eq(project.id, reportVersion.projectId))
    .where(eq(reportShareLink.tokenHash, sql.placeholder('tokenHash')))
    .prepare('raisin_open_share_link'),
);

/** The share-link statements' placeholders. */
type LinkLookup = { key: string; windowStart: number; tokenHash: string };

/**
 * The link a token names, in one round trip with the client's failed lookups in the current window.
 * Only failures count (`hitRateLimit` on an unknown token), so viewers of a real link never write; but a
 * client past the limit is refused whatever it asks, or a scanner would still tell a hit from a miss.
 * @throws DomainError RATE_LIMITED past the limit, SHARE_LINK_NOT_FOUND for an unknown token.
 */
export async function findShareLink(db: Db, params: { token: string; clientIp: string | null; now: Date }) {
  return checkedShareLink(db, params, (lookup) => shareLinkStatement(db).execute(lookup));
}

async function checkedShareLink<Row extends { failures: number | null; windowStartedAt: number | null }>(
  db: Db,
  params: { token: string; clientIp: string | null; now: Date },
  read: (lookup: LinkLookup) => Promise<Row[]>,
): Promise<Row> {
  const key = shareLookupKey(params.clientIp);
  const [link] = await read({
    key,
    windowStart: params.now.getTime() - SHARE_LOOKUP_LIMIT.windowMs,
    tokenHash: hashInvitationToken(params.token),
  });
  if (!link) {
    const limit = await hitRateLimit(db, { key, ...SHARE_LOOKUP_LIMIT, now: params.now.getTime() });
    throw limit.allowed ? shareLinkNotFound() : rateLimited(limit.retryAfterSeconds);
  }
  if (link.failures !== null && link.windowStartedAt !== null && link.failures >= SHARE_LOOKUP_LIMIT.max) {
    const windowEnd = link.windowStartedAt + SHARE_LOOKUP_LIMIT.windowMs;
    throw rateLimited(Math.max(1, Math.ceil((windowEnd - params.now.getTime()) / 1000)));
  }
  return link;
}

type LinkState = 'ok' | 'revoked' | 'expired';
export const stateOf = (link: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): LinkState =>
  link.revokedAt !== null
    ? 'revoked'
    : link.expiresAt !== null && link.expiresAt.getTime() <= now.getTime()
      ? 'expired'
      : 'ok';

/**
 * Published snapshots by version id. A version is frozen once published, so an entry is never stale and
 * each instance keeping its own is safe; whether a link still opens it is checked in the database on
 * every request, so revocation and expiry stay immediate on every instance. Deep-frozen: shared by callers.
 */
const snapshotCache = new LruMap<string, ReportSnapshot>(64);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

async function frozenSnapshot(db: Db, versionId: string): Promise<ReportSnapshot | null> {
  const cached = snapshotCache.get(versionId);
  if (cached) return cached;
  const [version] = await db
    .select({ snapshot: reportVersion.snapshot })
    .from(reportVersion)
    .where(eq(reportVersion.id, versionId));
  if (!version) return null;
  snapshotCache.set(versionId, deepFreeze(version.snapshot));
  return version.snapshot;
}

/**
 * What a share token opens: its version's snapshot (counting the open), or only that the link was
 * revoked or expired, with no data. Rate limited per client address (see `findShareLink`).
 * @throws DomainError SHARE_LINK_NOT_FOUND for an unknown token, RATE_LIMITED.
 */
export async function openSharedReport(
  db: Db,
  params: { token: string; clientIp: string | null; now?: Date },
): Promise<SharedReport> {
  const now = params.now ?? new Date();
  const link = await checkedShareLink(db, { ...params, now }, (lookup) =>
    openShareLinkStatement(db).execute(lookup),
  );
  const state = stateOf(link, now);
  if (state !== 'ok') return { status: state };
  const snapshot = await frozenSnapshot(db, link.versionId);
  if (!snapshot) throw shareLinkNotFound();
  recordShareOpen(db, link.id, now);
  const decisions: SharedDecision[] = link.decisions.map(
    ({ recordedBy, linkId, createdAt, ...decision }) => ({
      ...decision,
      createdAt: new Date(createdAt),
      meeting: linkId === null && recordedBy !== null,
    }),
  );
  return {
    status: 'ok',
    projectName: link.projectName,
    versionNumber: link.number,
    snapshot,
    allowFeedback: link.allowFeedback,
    decisions,
  };
}

export interface SharedReportPreview {
  projectName: string;
  versionNumber: number;
  /** The version's executive summary, only when the link's owner allowed numbers in previews. */
  summary: ReportSnapshot['summary'] | null;
}

/**
 * The link preview of a share token (project name and version number, and the headline numbers only
 * when the link allows it), without counting an open: for the share page's Open Graph tags. Null for
 * unknown, revoked or expired tokens. Rate limited like `openSharedReport`. @throws DomainError RATE_LIMITED
 */
export async function previewSharedReport(
  db: Db,
  params: { token: string; clientIp: string | null; now?: Date },
): Promise<SharedReportPreview | null> {
  const now = params.now ?? new Date();
  let link: Awaited<ReturnType<typeof findShareLink>>;
  try {
    link = await findShareLink(db, { ...params, now });
  } catch (error) {
    if (isDomainError(error) && error.code === 'SHARE_LINK_NOT_FOUND') return null;
    throw error;
  }
  if (stateOf(link, now) !== 'ok') return null;
  const preview = { projectName: link.projectName, versionNumber: link.number };
  if (!link.previewNumbers) return { ...preview, summary: null };
  const snapshot = await frozenSnapshot(db, link.versionId);
  return { ...preview, summary: snapshot?.summary ?? null };
}

/**
 * Counts one request against `key` in a fixed window, in better-auth's `rate_limit` table, so every
 * server instance sharing the database enforces one limit. For these keys `last_request` holds the
 * window's start (better-auth's own keys, prefixed by path, never collide with a `report:` key).
 * The upsert is one statement: concurrent requests never lose an increment.
 */
export async function hitRateLimit(
  db: Db,
  params: { key: string; windowMs: number; max: number; now?: number },
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const now = params.now ?? Date.now();
  const windowStart = now - params.windowMs;
  const expired = sql`${rateLimit.lastRequest} <= ${windowStart}`;
  const [row] = await db
    .insert(rateLimit)
    .values({ id: randomUUID(), key: params.key, count: 1, lastRequest: now })
    .onConflictDoUpdate({
      target: rateLimit.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimit.count} + 1 end`,
        lastRequest: sql`case when ${expired} then ${now} else ${rateLimit.lastRequest} end`,
      },
    })
    .returning({ count: rateLimit.count, start: rateLimit.lastRequest });
  if (!row) throw new Error('hitRateLimit: upsert returned no row');
  const allowed = row.count <= params.max;
  return {
    allowed,
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((row.start + params.windowMs - now) / 1000)),
  };
}
