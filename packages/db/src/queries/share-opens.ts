import { eq, sql } from 'drizzle-orm';
import { type Db, relaxedCommit } from '../client';
import { perDatabase } from '../per-database';
import { reportShareLink } from '../schema';

/** How long opens of a share link wait in memory before they are added to its row. */
export const SHARE_OPEN_FLUSH_MS = 1000;

interface PendingOpens {
  count: number;
  lastAt: Date;
}

/**
 * Opens of share links, counted in memory and added to each link's row once a second in one UPDATE: a
 * popular link would otherwise be one hot row written by every viewer, which caps views per second.
 * The addition is relative (`open_count + n`), so any number of instances flush into the same row
 * safely. A crash loses at most the last second of counts (RELIABILITY.md).
 */
class ShareOpenCounter {
  #pending = new Map<string, PendingOpens>();
  #timer: NodeJS.Timeout | null = null;
  #flushing: Promise<void> = Promise.resolve();

  constructor(private readonly db: Db) {}

  record(linkId: string, at: Date, count = 1): void {
    const pending = this.#pending.get(linkId);
    if (pending) {
      pending.count += count;
      if (at > pending.lastAt) pending.lastAt = at;
    } else this.#pending.set(linkId, { count, lastAt: at });
    if (this.#timer === null) {
      // Unref'd: pending opens never keep a finished process alive (shutdown flushes them instead).
      this.#timer = setTimeout(() => void this.flush().catch(() => undefined), SHARE_OPEN_FLUSH_MS).unref();
    }
  }

  /** Writes every pending open; resolves once earlier flushes have landed too. */
  flush(): Promise<void> {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    const batch = this.#pending;
    this.#pending = new Map();
    const previous = this.#flushing.catch(() => undefined);
    this.#flushing = previous.then(() => this.#write(batch));
    return this.#flushing;
  }

  async #write(batch: Map<string, PendingOpens>): Promise<void> {
    for (const [linkId, opens] of batch) {
      try {
        await this.db
          .update(reportShareLink)
          .set({
            openCount: sql`${reportShareLink.openCount} + ${opens.count}`,
            lastOpenedAt: sql`greatest(${reportShareLink.lastOpenedAt}, ${opens.lastAt.toISOString()}::timestamptz)`,
          })
          .from(relaxedCommit)
          .where(eq(reportShareLink.id, linkId));
        batch.delete(linkId);
      } catch (error) {
        // Database unreachable: keep what was not written for the next flush, then report the failure.
        for (const [id, left] of batch) this.record(id, left.lastAt, left.count);
        throw error;
      }
    }
  }
}

const counterOf = perDatabase((db) => new ShareOpenCounter(db));

/** Counts one open of a share link; it reaches the database within `SHARE_OPEN_FLUSH_MS`. */
export function recordShareOpen(db: Db, linkId: string, at: Date): void {
  counterOf(db).record(linkId, at);
}

/**
 * Writes this instance's pending share-link opens now: before this instance reads the counts back, and
 * at shutdown.
 */
export function flushShareOpens(db: Db): Promise<void> {
  return counterOf(db).flush();
}
