/**
 * The bootstrap of a large sample spread over the machine's cores: a worker thread (`bootstrap-worker.ts`)
 * computes the intervals of the levels grouped by who gave which label while the report estimates the
 * coefficients and resamples the levels grouped by labels. The intervals are those one thread would give
 * (each level draws from its own stream split from the seed, whoever draws it).
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { type AnnotationAnswer, askAnnotationIntervals, type BootstrapThreads } from '@raisin/core';

/**
 * Files from this size (about 270,000 labels) start a worker before they are read: it loads while the file
 * is parsed (about 0.3 s of the other core), then gets a copy of the items grouped by who gave which label
 * and resamples them while this thread estimates. Below it the annotation levels cost less than the
 * worker's start. Measured with `npm run bench -- agreement`; see docs/decisions/percentile-bootstrap.md.
 */
export const THREADS_MIN_BYTES = 3_000_000;

/** The worker's module: beside the bundled chunks (`scripts/build-cli.mjs`); absent when run from sources. */
const WORKER = new URL('./raisin-bootstrap-worker.mjs', import.meta.url);

/** A started worker: the report's `BootstrapThreads`, and `stop` for when the report is done. */
export interface BootstrapWorker {
  readonly threads: BootstrapThreads;
  stop(): void;
}

/**
 * A worker for the file at `path`, started now so that it loads while the file is read, or `undefined`
 * to draw everything on this thread (standard input, a small file, one core, no resamples, or no bundle).
 */
export function startBootstrapWorker(
  path: string,
  resamples: number | undefined,
): BootstrapWorker | undefined {
  if (resamples === 0 || path === '-' || availableParallelism() < 2) return undefined;
  if (WORKER.protocol !== 'file:' || !existsSync(fileURLToPath(WORKER))) return undefined;
  let bytes: number;
  try {
    bytes = statSync(path).size;
  } catch {
    return undefined;
  }
  if (bytes < THREADS_MIN_BYTES) return undefined;
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  let worker: Worker;
  try {
    worker = new Worker(WORKER, { workerData: { port: port2, flag }, transferList: [port2] });
  } catch {
    return undefined;
  }
  worker.unref();
  return {
    threads: (request) =>
      askAnnotationIntervals(
        port1,
        flag,
        request,
        () => receiveMessageOnPort(port1)?.message as AnnotationAnswer,
      ),
    stop: () => {
      port1.close();
      void worker.terminate();
    },
  };
}
