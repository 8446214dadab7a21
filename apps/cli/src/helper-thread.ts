/**
 * The machine's second core for `raisin agreement` on a large file, through one worker thread
 * (`helper-worker.ts`) started before the file is read:
 * - it reads the second half of a large file sorted by item while this thread reads the first
 *   (`createTailParser`; see `read-sample.ts`), from `SPLIT_MIN_BYTES`;
 * - it computes the intervals of the levels grouped by who gave which label while the report estimates the
 *   coefficients and resamples the levels grouped by labels, from `THREADS_MIN_BYTES`.
 * Either way the report is the one a single thread gives (the tail's ids are taken in first-seen order, and
 * each level draws from its own stream split from the seed, whoever draws it).
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import {
  type AnnotationAnswer,
  askAnnotationIntervals,
  type BootstrapThreads,
  type SampleContinuation,
  type SampleTail,
} from '@raisin/core';

/**
 * Files from this size (about 270,000 labels) start the worker before they are read when intervals are
 * asked for: it loads while the file is parsed (about 0.1–0.3 s of the other core), then gets a copy of the
 * items grouped by who gave which label and resamples them while this thread estimates. Below it the
 * annotation levels cost less than the worker's start. Measured with `npm run bench -- agreement`; see
 * docs/decisions/percentile-bootstrap.md.
 */
export const THREADS_MIN_BYTES = 3_000_000;

/**
 * Files from this size whose item ids arrive in order are read half by each thread. Below it the worker's
 * start and the merge of its ids cost about what the half of the parse saves. See
 * docs/decisions/two-thread-parse.md for the measurements.
 */
export const SPLIT_MIN_BYTES = 64_000_000;

/** The worker's module: beside the bundled chunks (`scripts/build-cli.mjs`); absent when run from sources. */
const WORKER = new URL('./raisin-helper-worker.mjs', import.meta.url);

/** What the worker is asked to read: `path` from byte `from` (just after a line break) to its end. */
export interface TailRequest {
  readonly path: string;
  readonly from: number;
  readonly continuation: SampleContinuation;
}

/** A started worker: what it can do for this run, and `stop` for when the report is done. */
export interface HelperThread {
  /** The report's `BootstrapThreads`, when the run draws resamples on a large enough file. */
  readonly threads: BootstrapThreads | undefined;
  /** Reads the file's tail on the worker, when the file is large enough to be split. */
  readonly readTail: ((request: TailRequest) => Promise<SampleTail>) | undefined;
  stop(): void;
}

/**
 * A worker for the file at `path`, started now so that it loads while the file is read, or `undefined`
 * when it would not pay (standard input, a small file, one core, or no bundle).
 */
export function startHelperThread(path: string, resamples: number | undefined): HelperThread | undefined {
  if (path === '-' || availableParallelism() < 2) return undefined;
  if (WORKER.protocol !== 'file:' || !existsSync(fileURLToPath(WORKER))) return undefined;
  let bytes: number;
  try {
    bytes = statSync(path).size;
  } catch {
    return undefined;
  }
  const split = bytes >= SPLIT_MIN_BYTES;
  const bootstrap = resamples !== 0 && bytes >= THREADS_MIN_BYTES;
  if (!split && !bootstrap) return undefined;
  const { port1, port2 } = new MessageChannel();
  const tails = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  let worker: Worker;
  try {
    worker = new Worker(WORKER, {
      workerData: { port: port2, flag, tailPort: tails.port2 },
      transferList: [port2, tails.port2],
    });
  } catch {
    return undefined;
  }
  worker.unref();
  return {
    threads: bootstrap
      ? (request) =>
          askAnnotationIntervals(
            port1,
            flag,
            request,
            () => receiveMessageOnPort(port1)?.message as AnnotationAnswer,
          )
      : undefined,
    readTail: split
      ? (request) =>
          new Promise((resolve) => {
            // A worker that fails leaves the tail to this thread, as a refused one does.
            const refuse = () => resolve({ ok: false, reason: 'issue' });
            worker.once('error', refuse);
            worker.once('exit', refuse);
            tails.port1.once('message', (tail: SampleTail) => {
              worker.off('error', refuse);
              worker.off('exit', refuse);
              // With no resamples to draw the worker is done: ending it frees its heap (the tail's id table,
              // tens of MB on a shuffled file) before the sample is built, which no GC of its idle heap would.
              if (!bootstrap) void worker.terminate();
              resolve(tail);
            });
            tails.port1.postMessage(request);
          })
      : undefined,
    stop: () => {
      port1.close();
      tails.port1.close();
      void worker.terminate();
    },
  };
}
