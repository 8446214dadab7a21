/**
 * Small writes on hot read paths (a share link's open count, an API token's last use), kept in memory
 * and written once per `delayMs`, one write per key. A popular link or a busy CI token would otherwise
 * be one hot row written by every request, which caps requests per second and adds a commit to each.
 * Each write must be safe from several instances at once (relative additions, `greatest(…)`). A crash
 * loses at most the last `delayMs` of them (RELIABILITY.md); a graceful shutdown flushes them.
 */
export class PendingWrites<T> {
  #pending = new Map<string, T>();
  #timer: NodeJS.Timeout | null = null;
  #flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: {
      readonly delayMs: number;
      /** Combines two values recorded for one key before they are written. */
      readonly merge: (earlier: T, later: T) => T;
      readonly write: (key: string, value: T) => Promise<void>;
    },
  ) {}

  record(key: string, value: T): void {
    const pending = this.#pending.get(key);
    this.#pending.set(key, pending === undefined ? value : this.options.merge(pending, value));
    if (this.#timer === null) {
      // Unref'd: pending writes never keep a finished process alive (shutdown flushes them instead).
      this.#timer = setTimeout(() => void this.flush().catch(() => undefined), this.options.delayMs).unref();
    }
  }

  /** Writes everything pending; resolves once earlier flushes have landed too. */
  flush(): Promise<void> {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    const batch = this.#pending;
    this.#pending = new Map();
    const previous = this.#flushing.catch(() => undefined);
    this.#flushing = previous.then(() => this.#write(batch));
    return this.#flushing;
  }

  async #write(batch: Map<string, T>): Promise<void> {
    for (const [key, value] of batch) {
      try {
        await this.options.write(key, value);
        batch.delete(key);
      } catch (error) {
        // Database unreachable: keep what was not written for the next flush, then report the failure.
        for (const [left, kept] of batch) this.record(left, kept);
        throw error;
      }
    }
  }
}
