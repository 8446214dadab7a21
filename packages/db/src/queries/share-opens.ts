import { eq, sql } from 'drizzle-orm';
import { type Db, relaxedCommit } from '../client';
import { PendingWrites } from '../pending-writes';
import { perDatabase } from '../per-database';
import { reportShareLink } from '../schema';

/** How long opens of a share link wait in memory before they are added to its row. */
export const SHARE_OPEN_FLUSH_MS = 1000;

interface PendingOpens {
  readonly count: number;
  readonly lastAt: Date;
}

/**
 * Opens of share links, counted in memory and added to each link's row once a second in one UPDATE
 * (`PendingWrites`). The addition is relative (`open_count + n`), so any number of instances flush into
 * the same row safely.
 */
const countersOf = perDatabase(
  (db) =>
    new PendingWrites<PendingOpens>({
      delayMs: SHARE_OPEN_FLUSH_MS,
      merge: (earlier, later) => ({
        count: earlier.count + later.count,
        lastAt: new Date(Math.max(earlier.lastAt.getTime(), later.lastAt.getTime())),
      }),
      write: async (linkId, opens) => {
        await db
          .update(reportShareLink)
          .set({
            openCount: sql`${reportShareLink.openCount} + ${opens.count}`,
            lastOpenedAt: sql`greatest(${reportShareLink.lastOpenedAt}, ${opens.lastAt.toISOString()}::timestamptz)`,
          })
          .from(relaxedCommit)
          .where(eq(reportShareLink.id, linkId));
      },
    }),
);

/** Counts one open of a share link; it reaches the database within `SHARE_OPEN_FLUSH_MS`. */
export function recordShareOpen(db: Db, linkId: string, at: Date): void {
  countersOf(db).record(linkId, { count: 1, lastAt: at });
}

/**
 * Writes this instance's pending share-link opens now: before this instance reads the counts back, and
 * at shutdown.
 */
export function flushShareOpens(db: Db): Promise<void> {
  return countersOf(db).flush();
}
