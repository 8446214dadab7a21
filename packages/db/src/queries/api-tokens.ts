import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Db, relaxedCommit } from '../client';
import { DomainError } from '../errors';
import { PendingWrites } from '../pending-writes';
import { perDatabase } from '../per-database';
import type { Role } from '../roles';
import { ROLES, roleAtLeast } from '../roles';
import { type ApiTokenRole, apiToken, membership, rateLimit, user } from '../schema';
import { generateSecretToken, hashSecretToken } from '../secret-tokens';
import { writeAuditEntry } from './audit';
import { hitRateLimit } from './report';

/** What every Raisin API token starts with, so people and secret scanners recognise one. */
export const API_TOKEN_PREFIX = 'raisin_';

/** How long a token's last use waits in memory before it is written to its row. */
export const API_TOKEN_USE_FLUSH_MS = 1000;

/** Requests per token and window, shared by every instance (the database's `rate_limit` table). */
export interface ApiRateLimit {
  readonly windowMs: number;
  readonly max: number;
}

/** Failed token lookups (unknown, revoked, expired) per client address: scanners get 429, not answers. */
export const API_TOKEN_FAILURE_LIMIT: ApiRateLimit = { windowMs: 60_000, max: 30 };

export interface ApiTokenRow {
  id: string;
  name: string;
  role: ApiTokenRole;
  createdAt: Date;
  createdBy: string | null;
  createdByName: string | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const tokenNotFound = () => new DomainError('API_TOKEN_NOT_FOUND', 'API token not found');

/**
 * Creates a named token for one workspace and returns it, the only time it exists in clear: `raisin_`
 * and 256 random bits; only its SHA-256 is stored. Its role may not exceed the creator's own.
 * @throws DomainError INSUFFICIENT_ROLE (a role above the creator's), API_TOKEN_INVALID (a past expiry)
 */
export async function createApiToken(
  db: Db,
  params: {
    workspaceId: string;
    name: string;
    role: ApiTokenRole;
    expiresAt: Date | null;
    actorId: string;
    /** The creator's role in the workspace, as the caller checked it. */
    actorRole: Role;
    now?: Date;
  },
): Promise<{ id: string; token: string }> {
  if (!roleAtLeast(params.actorRole, params.role)) {
    throw new DomainError(
      'INSUFFICIENT_ROLE',
      `role: a token's role can be at most your own (${params.actorRole}), not ${params.role}`,
    );
  }
  if (params.expiresAt !== null && params.expiresAt.getTime() <= (params.now ?? new Date()).getTime()) {
    throw new DomainError('API_TOKEN_INVALID', 'expiresAt: the expiry must lie in the future', {
      field: 'expiresAt',
    });
  }
  const token = generateSecretToken(API_TOKEN_PREFIX);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiToken)
      .values({
        workspaceId: params.workspaceId,
        name: params.name,
        role: params.role,
        tokenHash: hashSecretToken(token),
        createdBy: params.actorId,
        expiresAt: params.expiresAt,
      })
      .returning({ id: apiToken.id });
    if (!row) throw new Error('createApiToken: insert returned no row');
    await writeAuditEntry(tx, {
      workspaceId: params.workspaceId,
      actorId: params.actorId,
      action: 'api_token.created',
      entityType: 'api_token',
      entityId: row.id,
      details: {
        name: params.name,
        role: params.role,
        expiresAt: params.expiresAt?.toISOString() ?? null,
      },
    });
    return { id: row.id, token };
  });
}

/** The workspace's tokens, newest first, revoked ones included (never their hashes). */
export async function listApiTokens(db: Db, params: { workspaceId: string }): Promise<ApiTokenRow[]> {
  // This instance's uses of the last second first, so whoever just ran a job sees it.
  await flushApiTokenUses(db).catch(() => undefined);
  return db
    .select({
      id: apiToken.id,
      name: apiToken.name,
      role: apiToken.role,
      createdAt: apiToken.createdAt,
      createdBy: apiToken.createdBy,
      createdByName: user.name,
      expiresAt: apiToken.expiresAt,
      lastUsedAt: apiToken.lastUsedAt,
      revokedAt: apiToken.revokedAt,
    })
    .from(apiToken)
    .leftJoin(user, eq(user.id, apiToken.createdBy))
    .where(eq(apiToken.workspaceId, params.workspaceId))
    .orderBy(desc(apiToken.createdAt), desc(apiToken.id));
}

/**
 * Revokes a token of the workspace: the next request that presents it is refused, on every instance
 * (nothing caches a token). Revoking twice keeps the first time. @throws DomainError API_TOKEN_NOT_FOUND
 */
export async function revokeApiToken(
  db: Db,
  params: { workspaceId: string; tokenId: string; actorId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(apiToken)
      .set({ revokedAt: new Date(), revokedBy: params.actorId })
      .where(
        and(
          eq(apiToken.id, params.tokenId),
          eq(apiToken.workspaceId, params.workspaceId),
          sql`${apiToken.revokedAt} is null`,
        ),
      )
      .returning({ id: apiToken.id, name: apiToken.name });
    if (!revoked) {
      const [exists] = await tx
        .select({ id: apiToken.id })
        .from(apiToken)
        .where(and(eq(apiToken.id, params.tokenId), eq(apiToken.workspaceId, params.workspaceId)));
      if (!exists) throw tokenNotFound();
      return;
    }
    await writeAuditEntry(tx, {
      workspaceId: params.workspaceId,
      actorId: params.actorId,
      action: 'api_token.revoked',
      entityType: 'api_token',
      entityId: revoked.id,
      details: { name: revoked.name },
    });
  });
}

/** The caller a valid token stands for: its workspace and the role it may act with. */
export interface ApiCaller {
  readonly tokenId: string;
  readonly tokenName: string;
  readonly workspaceId: string;
  /** The token's role, lowered to its creator's current role if that is lower now. */
  readonly role: ApiTokenRole;
  /** The person who created the token: the author of what it writes. */
  readonly actorId: string;
}

/** Why a token is refused: not a token of Raisin's, revoked, past its expiry, or its creator left. */
export type ApiTokenFailure = 'unknown' | 'revoked' | 'expired' | 'creator-gone';

export type ApiTokenCheck =
  | { readonly status: 'ok'; readonly caller: ApiCaller }
  | {
      readonly status: ApiTokenFailure;
      /** Seconds until this client may try again, when its failed lookups are over the limit. */
      readonly retryAfterSeconds: number | null;
    }
  | { readonly status: 'rate-limited'; readonly retryAfterSeconds: number; readonly caller: ApiCaller };

const creatorMembership = alias(membership, 'creator_membership');

/**
 * The token a hash names, with its creator's current role, and (in the same statement, so a request
 * costs one round trip for both) one more request counted against the token's rate limit: a
 * data-modifying CTE upserts the token's row of `rate_limit` only when the token is usable. The counter
 * commits without waiting for the WAL flush (`synchronous_commit` off for this statement), as share-link
 * opens do: a database crash may forget the last fraction of a second of counts, nothing else.
 */
const tokenCheckStatement = perDatabase((db) => {
  const now = sql.placeholder('now');
  const windowStart = sql.placeholder('windowStart');
  const found = db.$with('found').as(
    db
      .select({
        id: apiToken.id,
        name: apiToken.name,
        workspaceId: apiToken.workspaceId,
        role: apiToken.role,
        createdBy: apiToken.createdBy,
        expiresAt: apiToken.expiresAt,
        revokedAt: apiToken.revokedAt,
        creatorRole: sql<Role | null>`${creatorMembership.role}`.as('creator_role'),
        usable:
          sql<boolean>`(${apiToken.revokedAt} is null and (${apiToken.expiresAt} is null or ${apiToken.expiresAt} > to_timestamp(${now}::bigint / 1000.0)) and ${creatorMembership.role} is not null)`.as(
            'usable',
          ),
      })
      .from(apiToken)
      .leftJoin(
        creatorMembership,
        and(
          eq(creatorMembership.workspaceId, apiToken.workspaceId),
          eq(creatorMembership.userId, apiToken.createdBy),
        ),
      )
      .where(eq(apiToken.tokenHash, sql.placeholder('tokenHash'))),
  );
  const expired = sql`${rateLimit.lastRequest} <= ${windowStart}::bigint`;
  const hit = db
    .$with('hit', {
      // The RETURNING columns of the upsert below, by name.
      count: sql<number>`count`.mapWith(Number).as('count'),
      windowStartedAt: sql<number>`last_request`.mapWith(Number).as('last_request'),
    })
    .as(
      sql`insert into ${rateLimit} (id, key, count, last_request)
        select gen_random_uuid()::text, 'api-token:' || found.id, 1, ${now}::bigint
        from found, ${relaxedCommit}
        where found.usable
        on conflict (key) do update set
          count = case when ${expired} then 1 else ${rateLimit.count} + 1 end,
          last_request = case when ${expired} then ${now}::bigint else ${rateLimit.lastRequest} end
        returning ${rateLimit.count}, ${rateLimit.lastRequest}`,
    );
  return db
    .with(found, hit)
    .select({
      id: found.id,
      name: found.name,
      workspaceId: found.workspaceId,
      role: found.role,
      createdBy: found.createdBy,
      expiresAt: found.expiresAt,
      revokedAt: found.revokedAt,
      creatorRole: found.creatorRole,
      count: hit.count,
      windowStartedAt: hit.windowStartedAt,
    })
    .from(found)
    .leftJoin(hit, sql`true`)
    .prepare('raisin_api_token_check');
});

/**
 * Checks a bearer token on every REST request, from the database (never a cache, so a revocation or a
 * removed creator takes effect at once on every instance), counting the request against the token's rate
 * limit and its use (written about once a second, `API_TOKEN_USE_FLUSH_MS`). A token acts with its own
 * role, lowered to its creator's if the creator has been demoted since, and stops working when the
 * creator leaves the workspace. Failed lookups count against the client address's failure limit.
 */
export async function checkApiToken(
  db: Db,
  params: { token: string; clientIp: string | null; limit: ApiRateLimit; now?: Date },
): Promise<ApiTokenCheck> {
  const now = params.now ?? new Date();
  const nowMs = now.getTime();
  const [row] = await tokenCheckStatement(db).execute({
    tokenHash: hashSecretToken(params.token),
    now: nowMs,
    windowStart: nowMs - params.limit.windowMs,
  });
  const refused: ApiTokenFailure | null =
    row === undefined
      ? 'unknown'
      : row.revokedAt !== null
        ? 'revoked'
        : row.expiresAt !== null && row.expiresAt.getTime() <= nowMs
          ? 'expired'
          : row.creatorRole === null || row.createdBy === null
            ? 'creator-gone'
            : null;
  if (refused !== null || row === undefined || row.createdBy === null || row.creatorRole === null) {
    const failures = await hitRateLimit(db, {
      key: `api-token-failure:${params.clientIp ?? 'unknown'}`,
      ...API_TOKEN_FAILURE_LIMIT,
      now: nowMs,
    });
    return {
      status: refused ?? 'unknown',
      retryAfterSeconds: failures.allowed ? null : failures.retryAfterSeconds,
    };
  }
  const caller: ApiCaller = {
    tokenId: row.id,
    tokenName: row.name,
    workspaceId: row.workspaceId,
    role: lowerRole(row.role, row.creatorRole),
    actorId: row.createdBy,
  };
  recordApiTokenUse(db, row.id, now);
  if (row.count !== null && row.windowStartedAt !== null && row.count > params.limit.max) {
    const retryAfterSeconds = Math.max(
      1,
      Math.ceil((row.windowStartedAt + params.limit.windowMs - nowMs) / 1000),
    );
    return { status: 'rate-limited', retryAfterSeconds, caller };
  }
  return { status: 'ok', caller };
}

/** The lower of a token's role and its creator's current one (never owner: a token's roles stop at editor). */
function lowerRole(tokenRole: ApiTokenRole, creatorRole: Role): ApiTokenRole {
  const lower = ROLES.indexOf(creatorRole) < ROLES.indexOf(tokenRole) ? creatorRole : tokenRole;
  return lower === 'owner' ? 'editor' : lower;
}

const usesOf = perDatabase(
  (db) =>
    new PendingWrites<Date>({
      delayMs: API_TOKEN_USE_FLUSH_MS,
      merge: (earlier, later) => new Date(Math.max(earlier.getTime(), later.getTime())),
      write: async (tokenId, at) => {
        await db
          .update(apiToken)
          .set({ lastUsedAt: sql`greatest(${apiToken.lastUsedAt}, ${at.toISOString()}::timestamptz)` })
          .from(relaxedCommit)
          .where(eq(apiToken.id, tokenId));
      },
    }),
);

/** Notes a use of a token; it reaches the token's row within `API_TOKEN_USE_FLUSH_MS`. */
function recordApiTokenUse(db: Db, tokenId: string, at: Date): void {
  usesOf(db).record(tokenId, at);
}

/** Writes this instance's pending token uses now: before listing tokens, and at shutdown. */
export function flushApiTokenUses(db: Db): Promise<void> {
  return usesOf(db).flush();
}
