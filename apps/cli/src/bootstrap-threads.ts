/**
 * The bootstrap of a large sample spread over the machine's cores: the report draws most chunks of the
 * resamples while a worker thread (`bootstrap-worker.ts`) draws the rest, and the intervals are those one
 * thread would give (the chunks' streams are fixed by the seed, not by who draws them).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import {
  type BootstrapThreads,
  type DrawnChunks,
  drawIntervalChunks,
  type IntervalChunkRequest,
} from '@raisin/core';

/**
 * Below this many labels a worker costs more than it saves: it starts cold and groups the items again
 * (about 0.5 s of CPU and 50 MB on the 1M-label bench file, for a wait shorter by about 0.05 s on idle
 * cores; on the 10M-label file about 0.4 s of CPU for a wait shorter by about 1.3 s). See
 * docs/decisions/percentile-bootstrap.md.
 */
export const THREADS_MIN_LABELS = 2_000_000;

/** The worker's module: beside the bundled chunks (`scripts/build-cli.mjs`); absent when run from sources. */
const WORKER = new URL('./raisin-bootstrap-worker.mjs', import.meta.url);

/** Threads for a sample of `labels` labels, or `undefined` to draw everything on this thread. */
export function bootstrapThreadsFor(labels: number): BootstrapThreads | undefined {
  if (labels < THREADS_MIN_LABELS || availableParallelism() < 2) return undefined;
  if (WORKER.protocol !== 'file:' || !existsSync(fileURLToPath(WORKER))) return undefined;
  return startWorker;
}

type WorkerAnswer = { drawn: DrawnChunks } | { error: string };

function startWorker(request: IntervalChunkRequest) {
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  let worker: Worker;
  try {
    worker = new Worker(WORKER, { workerData: { request, port: port2, flag }, transferList: [port2] });
  } catch {
    return null;
  }
  worker.unref();
  let drawn: DrawnChunks | null = null;
  const answer = (): DrawnChunks => {
    if (drawn !== null) return drawn;
    while (Atomics.load(flag, 0) === 0) Atomics.wait(flag, 0, 0, 1000);
    // The message is queued before the flag is raised; the loop only guards against a late delivery.
    let received = receiveMessageOnPort(port1);
    for (let tries = 0; received === undefined && tries < 100; tries++) {
      Atomics.wait(flag, 0, 1, 10);
      received = receiveMessageOnPort(port1);
    }
    port1.close();
    const message = received?.message as WorkerAnswer | undefined;
    // A worker that failed costs its chunks' time here, not the report.
    drawn = message !== undefined && 'drawn' in message ? message.drawn : drawIntervalChunks(request);
    return drawn;
  };
  return { chunks: request.chunks, littleBootstraps: request.littleBootstraps, take: answer };
}
