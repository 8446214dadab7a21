import { randomBytes } from 'node:crypto';
import { and, count, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { perDatabase } from '../per-database';
import { appSecret, session, signInAttempt, user } from '../schema';
import { normalizeEmail } from './invitations';

// Failures older than this are never counted, so they are pruned as new ones arrive.
const ATTEMPT_RETENTION_MS = 24 * 60 * 60 * 1000;

/** Records one failed sign-in for `email` (any case) and prunes that email's stale failures. */
export async function recordFailedSignIn(db: Db, email: string, now: Date = new Date()): Promise<void> {
  const emailKey = normalizeEmail(email);
  await db.transaction(async (tx) => {
    await tx
      .delete(signInAttempt)
      .where(
        and(
          eq(signInAttempt.emailKey, emailKey),
          lt(signInAttempt.attemptedAt, new Date(now.getTime() - ATTEMPT_RETENTION_MS)),
        ),
      );
    await tx.insert(signInAttempt).values({ emailKey, attemptedAt: now });
  });
}

/**
 * Failed sign-ins for `email` at or after `sinceMs`, a point in time in epoch milliseconds
 * (e.g. `Date.now() - 15 * 60_000` for the last 15 minutes), not a window length.
 */
export async function countRecentFailedSignIns(db: Db, email: string, sinceMs: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(signInAttempt)
    .where(
      and(
        eq(signInAttempt.emailKey, normalizeEmail(email)),
        gte(signInAttempt.attemptedAt, new Date(sinceMs)),
      ),
    );
  return row?.n ?? 0;
}

/** Forgets an email's failures (after a successful sign-in). */
export async function clearFailedSignIns(db: Db, email: string): Promise<void> {
  await db.delete(signInAttempt).where(eq(signInAttempt.emailKey, normalizeEmail(email)));
}

/**
 * The secret stored under `name`, generated (32 random bytes, base64url) on first use. Insert-or-
 * ignore then read, so instances starting together all end up with the first writer's value.
 */
export async function getOrCreateSecret(db: Db, name: string): Promise<string> {
  await db
    .insert(appSecret)
    .values({ name, value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing({ target: appSecret.name });
  const [row] = await db.select({ value: appSecret.value }).from(appSecret).where(eq(appSecret.name, name));
  if (!row) throw new Error(`getOrCreateSecret: secret ${name} vanished after insert`);
  return row.value;
}

const sessionWithUserStatement = perDatabase((db) =>
  db
    .select({
      expiresAt: session.expiresAt,
      user: { id: user.id, email: user.email, name: user.name },
    })
    .from(session)
    .innerJoin(user, eq(user.id, session.userId))
    .where(eq(session.token, sql.placeholder('token')))
    .prepare('raisin_session_with_user'),
);

/** A session row by its token, with what the API needs of its user; read in one query on every request. */
export async function findSessionWithUser(db: Db, token: string) {
  const [row] = await sessionWithUserStatement(db).execute({ token });
  return row ?? null;
}
