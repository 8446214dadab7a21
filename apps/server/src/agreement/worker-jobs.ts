/** Runs scoring jobs in worker threads, at most `concurrency` at a time (the rest wait their turn). */
import { Worker } from 'node:worker_threads';
import type { AgreementScorer, RescoreInput, RescoreResult } from '@raisin/api';
import type { AgreementReport, ColumnMapping, SampleFormat, SampleIssue } from '@raisin/core/agreement';
import type { FromWorker, JobProgress, ToWorker, UploadJobData, WorkerReady } from './protocol';

const WORKER_URL = new URL('./score-worker-entry.mjs', import.meta.url);

/** Starts a worker on score-worker.ts (through its entry, which lets the worker load TypeScript). */
function spawnWorker(): Worker {
  return new Worker(WORKER_URL);
}

/** Resolves once the worker has loaded its modules, or has stopped. */
function loaded(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = (message: FromWorker) => {
      if (message.type === 'ready') done();
    };
    const done = () => {
      worker.off('message', onMessage);
      worker.off('exit', done);
      resolve();
    };
    worker.on('message', onMessage);
    worker.once('exit', done);
  });
}

/**
 * Keeps one started worker waiting, so a job does not pay the worker's start (≈ 1 s of module
 * loading) on top of its own work. The waiting worker does not keep the process alive.
 */
class WarmWorkers {
  private warm: Worker | null = null;
  private warmLoaded: Promise<void> = Promise.resolve();
  take(): Worker {
    const worker = this.warm ?? spawnWorker();
    this.warm = null;
    worker.ref();
    // Warm the next one once this job has its worker, off the request's critical path.
    setImmediate(() => this.refill());
    return worker;
  }
  /** Stops the waiting worker (the server's shutdown). */
  async close(): Promise<void> {
    const worker = this.warm;
    this.warm = null;
    if (worker === null) return;
    // A shutdown right after start-up would otherwise terminate the thread while it still loads tsx,
    // which can abort the whole process (SIGTRAP) instead of exiting cleanly.
    await this.warmLoaded;
    await worker.terminate();
  }
  refill(): void {
    if (this.warm !== null) return;
    const worker = spawnWorker();
    worker.unref();
    // A warm worker that dies (e.g. at shutdown) is simply replaced on the next take.
    worker.once('exit', () => {
      if (this.warm === worker) this.warm = null;
    });
    worker.on('error', () => undefined);
    this.warm = worker;
    this.warmLoaded = loaded(worker);
  }
}

/** A counting semaphore: a second upload while one is running is queued, not refused. */
class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  constructor(count: number) {
    this.free = count;
  }
  async acquire(): Promise<() => void> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.free += 1;
    };
  }
  get queued(): number {
    return this.waiting.length;
  }
}

type Outcome = Exclude<FromWorker, JobProgress | WorkerReady>;

/** Delivers the worker's outcomes in order to whoever asks next, and its progress to `onProgress` as it comes. */
class Inbox {
  private readonly messages: Outcome[] = [];
  private readonly readers: ((message: Outcome) => void)[] = [];
  constructor(worker: Worker, onProgress: (progress: JobProgress) => void = () => undefined) {
    const deliver = (message: FromWorker) => {
      if (message.type === 'ready') return;
      if (message.type === 'progress') {
        onProgress(message);
        return;
      }
      const reader = this.readers.shift();
      if (reader) reader(message);
      else this.messages.push(message);
    };
    worker.on('message', deliver);
    worker.on('error', (error) => deliver({ type: 'failed', message: error.message }));
    worker.on('exit', (code) => {
      if (code !== 0) deliver({ type: 'failed', message: `The scoring worker stopped (exit code ${code}).` });
    });
  }
  next(): Promise<Outcome> {
    const message = this.messages.shift();
    if (message) return Promise.resolve(message);
    return new Promise((resolve) => this.readers.push(resolve));
  }
  /** The first message so far that ends the parse early, without waiting. */
  peekFailure(): SampleIssue | null {
    for (const message of this.messages) if (message.type === 'parse-failed') return message.issue;
    return null;
  }
}

export type ParseOutcome =
  | {
      ok: true;
      format: SampleFormat;
      columns: ColumnMapping | null;
      missingSpellings: Readonly<Record<string, number>>;
      duplicatesResolved: number;
      annotations: number;
      items: number;
      parseMs: number;
    }
  | { ok: false; issue: SampleIssue };

export interface ScoreOutcome {
  report: AgreementReport;
  triples: Uint8Array;
  scoreMs: number;
  /** Every question of an export that holds several, by name (the headline's included). */
  controls?: Readonly<Record<string, AgreementReport>>;
  /** The headline question's name, when the export names its questions. */
  control?: string;
}

/** One upload: push its bytes as they arrive, then `finishParse`, then `score`. Always `dispose`. */
export class UploadJob {
  private readonly worker: Worker;
  private readonly inbox: Inbox;
  private bytes = 0;
  private disposed = false;

  constructor(
    worker: Worker,
    data: UploadJobData,
    private readonly release: () => void,
    onProgress?: (progress: JobProgress) => void,
  ) {
    this.worker = worker;
    this.inbox = new Inbox(this.worker, onProgress);
    this.post({ type: 'start', job: data });
  }

  /** True once disposed: a pending `finishParse` or `score` then fails, as its worker is gone. */
  get stopped(): boolean {
    return this.disposed;
  }

  get bytesReceived(): number {
    return this.bytes;
  }

  /** The parse error met so far, if any (reading the rest of the upload is then pointless). */
  get earlyFailure(): SampleIssue | null {
    return this.inbox.peekFailure();
  }

  push(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    // A copy of just this view, transferred: cloning the view would copy its whole pooled buffer.
    const copy = new Uint8Array(chunk);
    this.post({ type: 'chunk', bytes: copy }, [copy.buffer]);
  }

  async finishParse(): Promise<ParseOutcome> {
    this.post({ type: 'end' });
    const message = await this.inbox.next();
    if (message.type === 'parse-failed') return { ok: false, issue: message.issue };
    if (message.type === 'parsed') {
      const { format, columns, missingSpellings, duplicatesResolved, annotations, items, parseMs } = message;
      return { ok: true, format, columns, missingSpellings, duplicatesResolved, annotations, items, parseMs };
    }
    throw new Error(message.type === 'failed' ? message.message : `unexpected ${message.type}`);
  }

  async score(): Promise<ScoreOutcome> {
    const message = await this.inbox.next();
    if (message.type === 'scored')
      return {
        report: message.report,
        triples: message.triples,
        scoreMs: message.scoreMs,
        ...(message.controls === undefined ? {} : { controls: message.controls }),
        ...(message.control === undefined ? {} : { control: message.control }),
      };
    throw new Error(message.type === 'failed' ? message.message : `unexpected ${message.type}`);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.release();
    await this.worker.terminate();
  }

  private post(message: ToWorker, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(message, transfer);
  }
}

export interface ScoringPool extends AgreementScorer {
  /** Waits for a free slot, then starts an upload job on its own worker, which reports to `onProgress`. */
  startUpload(data: UploadJobData, onProgress?: (progress: JobProgress) => void): Promise<UploadJob>;
  /** Jobs waiting for a slot. */
  readonly queued: number;
  /** Stops the idle worker; running jobs finish on their own. */
  close(): Promise<void>;
}

/** The server's scorer: uploads and re-scores run in worker threads, `concurrency` at a time. */
export function createScoringPool(concurrency: number): ScoringPool {
  const slots = new Slots(concurrency);
  const workers = new WarmWorkers();
  workers.refill();
  return {
    close: () => workers.close(),
    get queued() {
      return slots.queued;
    },
    async startUpload(data, onProgress) {
      const release = await slots.acquire();
      try {
        return new UploadJob(workers.take(), data, release, onProgress);
      } catch (error) {
        release();
        throw error;
      }
    },
    async rescore(input: RescoreInput): Promise<RescoreResult> {
      const release = await slots.acquire();
      const worker = workers.take();
      try {
        const inbox = new Inbox(worker);
        const start: ToWorker = { type: 'start', job: { kind: 'rescore' } };
        const message: ToWorker = { type: 'rescore', ...input };
        worker.postMessage(start);
        worker.postMessage(message);
        const reply = await inbox.next();
        if (reply.type === 'rescored') return reply.ok ? { ok: true, report: reply.report } : reply;
        throw new Error(reply.type === 'failed' ? reply.message : `unexpected ${reply.type}`);
      } finally {
        release();
        await worker.terminate();
      }
    },
  };
}
