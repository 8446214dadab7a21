import { randomBytes } from 'node:crypto';
import { and, count, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { perDatabase } from '../per-database';
import { appSecret, session, signInAttempt, user } from '../schema';
import { normalizeEmail } from './invitations';

// Failures older than this are never counted, so they are pruned as new ones arrive.
const ATTEMPT_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * Records one failed sign-in for `email` (any case) and prunes that email's stale failures. Returns the
 * attempt's id, so a reservation (see `reserveSignInAttempt`) can be released.
 */
export async function recordFailedSignIn(db: Db, email: string, now: Date = new Date()): Promise<number> {
  const emailKey = normalizeEmail(email);
  return db.transaction(async (tx) => {
    await tx
      .delete(signInAttempt)
      .where(
        and(
          eq(signInAttempt.emailKey, emailKey),
          lt(signInAttempt.attemptedAt, new Date(now.getTime() - ATTEMPT_RETENTION_MS)),
        ),
      );
    const [row] = await tx.insert(signInAttempt).values({ emailKey, attemptedAt: now }).returning();
    if (!row) throw new Error('recordFailedSignIn: insert returned no row');
    return row.id;
  });
}

/**
 * Counts a sign-in attempt as failed before its password is checked, then counts `email`'s failures
 * since `sinceMs` (this one included). Recording first, committed, then counting is what makes the
 * limit hold under concurrency: of N guesses in flight together, the k-th to commit sees at least k,
 * so no more than the limit get through, on any number of server instances. Checking first and
 * recording after the verdict would let a whole burst through. The caller releases the reservation
 * when the attempt turns out not to be a wrong password (`releaseSignInAttempt`).
 */
export async function reserveSignInAttempt(
  db: Db,
  email: string,
  sinceMs: number,
  now: Date = new Date(),
): Promise<{ id: number; recentFailures: number }> {
  const id = await recordFailedSignIn(db, email, now);
  return { id, recentFailures: await countRecentFailedSignIns(db, email, sinceMs) };
}

/**
 * Releases a reservation: by id, or the newest one of `email` when the caller no longer knows its id
 * (any one of an email's rows is as good as another for the count).
 */
export async function releaseSignInAttempt(
  db: Db,
  which: { readonly id: number } | { readonly email: string },
): Promise<void> {
  if ('id' in which) {
    await db.delete(signInAttempt).where(eq(signInAttempt.id, which.id));
    return;
  }
  const newest = db
    .select({ id: signInAttempt.id })
    .from(signInAttempt)
    .where(eq(signInAttempt.emailKey, normalizeEmail(which.email)))
    .orderBy(desc(signInAttempt.attemptedAt), desc(signInAttempt.id))
    .limit(1);
  await db.delete(signInAttempt).where(inArray(signInAttempt.id, newest));
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
