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
 * Started workers, kept between jobs: starting one costs about a second of module loading (tsx and
 * core), far more than scoring a small batch, so a job that ends cleanly hands its worker back for the
 * next one instead of stopping it. While fewer jobs run than may run at once, one worker more waits
 * loaded, so no job pays a start. No worker is started while every slot is busy: its second of loading
 * would compete for the cores with the running jobs (a 10M-cell upload scored 0.3–0.5 s slower on two
 * cores), and a job that ends cleanly hands its worker back anyway. Only a job that ends uncleanly (its
 * client left mid-job, the worker failed, or its answer never came) stops its worker, and a replacement is
 * then started: the thread may still be computing or hold a half-read file. Idle workers do not keep the
 * process alive.
 */
class IdleWorkers {
  private readonly idle: Worker[] = [];
  private readonly loading = new Map<Worker, Promise<void>>();
  private spawned = 0;
  /** Workers taken by jobs and not yet given back or stopped. */
  private busy = 0;
  constructor(
    private readonly keep: number,
    private readonly concurrency: number,
  ) {}

  /** Workers started so far (each start costs about a second of CPU). */
  get started(): number {
    return this.spawned;
  }

  take(): Worker {
    const worker = this.idle.pop() ?? this.spawn();
    worker.ref();
    this.busy += 1;
    // Keep one loaded for a job that may start while this one runs, off this request's critical path.
    if (this.idle.length === 0 && this.busy < this.concurrency) setImmediate(() => this.refill());
    return worker;
  }

  /** A job's worker that was stopped: another is started for the next job. */
  replaceStopped(): void {
    this.busy -= 1;
    setImmediate(() => this.refill());
  }

  /** A worker whose job ended cleanly: kept for the next job, or stopped when enough wait already. */
  giveBack(worker: Worker): void {
    this.busy -= 1;
    if (this.idle.length >= this.keep || worker.threadId === -1) {
      void worker.terminate();
      return;
    }
    worker.unref();
    this.idle.push(worker);
  }

  refill(): void {
    if (this.idle.length > 0) return;
    const worker = this.spawn();
    worker.unref();
    this.idle.push(worker);
  }

  /** Stops the waiting workers (the server's shutdown). */
  async close(): Promise<void> {
    const waiting = this.idle.splice(0);
    // A shutdown right after start-up would otherwise terminate a thread while it still loads tsx,
    // which can abort the whole process (SIGTRAP) instead of exiting cleanly.
    await Promise.all(
      waiting.map(async (worker) => {
        await this.loading.get(worker);
        await worker.terminate();
      }),
    );
  }

  private spawn(): Worker {
    const worker = spawnWorker();
    this.spawned += 1;
    this.loading.set(
      worker,
      loaded(worker).then(() => {
        this.loading.delete(worker);
      }),
    );
    // A waiting worker that dies is dropped; the next take starts another.
    worker.once('exit', () => {
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
    });
    worker.on('error', () => undefined);
    return worker;
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
  /** Stops listening to the worker (it goes back to the pool for another job). */
  readonly detach: () => void;
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
    const onError = (error: Error) => deliver({ type: 'failed', message: error.message });
    const onExit = (code: number) => {
      if (code !== 0) deliver({ type: 'failed', message: `The scoring worker stopped (exit code ${code}).` });
    };
    worker.on('message', deliver);
    worker.on('error', onError);
    worker.on('exit', onExit);
    this.detach = () => {
      worker.off('message', deliver);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    this.fail = (message) => deliver({ type: 'failed', message });
  }

  /** Fails whatever waits on the stopped worker (a thread stopped while still loading exits with 0). */
  readonly fail: (message: string) => void;
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
  private readonly inbox: Inbox;
  private bytes = 0;
  private disposed = false;
  /** Set once the worker is handed back or stopped: this job no longer owns it. */
  private ended = false;

  constructor(
    private readonly worker: Worker,
    data: UploadJobData,
    private readonly handBack: (worker: Worker | null) => void,
    onProgress?: (progress: JobProgress) => void,
  ) {
    this.inbox = new Inbox(this.worker, onProgress);
    this.post({ type: 'start', job: data, progress: onProgress !== undefined });
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
    if (this.ended) return;
    this.bytes += chunk.length;
    // A copy of just this view, transferred: cloning the view would copy its whole pooled buffer.
    const copy = new Uint8Array(chunk);
    this.post({ type: 'chunk', bytes: copy }, [copy.buffer]);
  }

  async finishParse(): Promise<ParseOutcome> {
    this.post({ type: 'end' });
    const message = await this.inbox.next();
    if (message.type === 'parse-failed') {
      // The worker has nothing more to say about this job: it can take the next one.
      this.end(true);
      return { ok: false, issue: message.issue };
    }
    if (message.type === 'parsed') {
      const { format, columns, missingSpellings, duplicatesResolved, annotations, items, parseMs } = message;
      return { ok: true, format, columns, missingSpellings, duplicatesResolved, annotations, items, parseMs };
    }
    throw new Error(message.type === 'failed' ? message.message : `unexpected ${message.type}`);
  }

  async score(): Promise<ScoreOutcome> {
    const message = await this.inbox.next();
    if (message.type === 'scored') {
      // Scored: the worker (and the slot) go to the next job while this one stores its result.
      this.end(true);
      return {
        report: message.report,
        triples: message.triples,
        scoreMs: message.scoreMs,
        ...(message.controls === undefined ? {} : { controls: message.controls }),
        ...(message.control === undefined ? {} : { control: message.control }),
      };
    }
    throw new Error(message.type === 'failed' ? message.message : `unexpected ${message.type}`);
  }

  /** Ends the job: a worker still busy with it (the client left, a failure) is stopped. */
  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.ended) return;
    this.end(false);
    await this.worker.terminate();
    this.inbox.fail('The job was stopped before it ended.');
  }

  private end(clean: boolean): void {
    if (this.ended) return;
    this.ended = true;
    // A stopped worker keeps its listeners: its exit fails whatever still waits on it.
    if (clean) this.inbox.detach();
    this.handBack(clean ? this.worker : null);
  }

  private post(message: ToWorker, transfer: ArrayBuffer[] = []): void {
    if (!this.ended) this.worker.postMessage(message, transfer);
  }
}

export interface ScoringPool extends AgreementScorer {
  /** Waits for a free slot, then starts an upload job on its own worker, which reports to `onProgress`. */
  startUpload(data: UploadJobData, onProgress?: (progress: JobProgress) => void): Promise<UploadJob>;
  /** Jobs waiting for a slot. */
  readonly queued: number;
  /** Worker threads started since the pool was made (jobs reuse them). */
  readonly workersStarted: number;
  /** Stops the idle worker; running jobs finish on their own. */
  close(): Promise<void>;
}

/** The server's scorer: uploads and re-scores run in worker threads, `concurrency` at a time. */
export function createScoringPool(concurrency: number): ScoringPool {
  const slots = new Slots(concurrency);
  const workers = new IdleWorkers(concurrency + 1, concurrency);
  workers.refill();
  /** Hands a cleanly finished job's worker back (null: it was stopped) and frees the job's slot. */
  const finisher = (release: () => void) => (worker: Worker | null) => {
    if (worker !== null) workers.giveBack(worker);
    else workers.replaceStopped();
    release();
  };
  return {
    close: () => workers.close(),
    get queued() {
      return slots.queued;
    },
    get workersStarted() {
      return workers.started;
    },
    async startUpload(data, onProgress) {
      const release = await slots.acquire();
      try {
        return new UploadJob(workers.take(), data, finisher(release), onProgress);
      } catch (error) {
        release();
        throw error;
      }
    },
    async rescore(input: RescoreInput): Promise<RescoreResult> {
      const release = await slots.acquire();
      const worker = workers.take();
      const inbox = new Inbox(worker);
      let clean = false;
      try {
        const start: ToWorker = { type: 'start', job: { kind: 'rescore' }, progress: false };
        const message: ToWorker = { type: 'rescore', ...input };
        worker.postMessage(start);
        worker.postMessage(message);
        const reply = await inbox.next();
        if (reply.type === 'rescored') {
          clean = true;
          return reply.ok ? { ok: true, report: reply.report } : reply;
        }
        throw new Error(reply.type === 'failed' ? reply.message : `unexpected ${reply.type}`);
      } finally {
        if (clean) inbox.detach();
        finisher(release)(clean ? worker : null);
        if (!clean) await worker.terminate();
      }
    },
  };
}
