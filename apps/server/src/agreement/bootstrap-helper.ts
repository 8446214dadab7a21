/**
 * A scoring worker's second thread for the bootstrap of a large upload: while the scoring worker estimates
 * the coefficients and resamples the levels grouped by labels, the helper computes the intervals of the
 * levels grouped by who gave which label (`computeAnnotationIntervals`). The report is the one a single
 * thread gives. Started with the scoring worker, so that it has loaded its modules before any upload.
 * See docs/decisions/percentile-bootstrap.md.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import {
  type AnnotationAnswer,
  askAnnotationIntervals,
  type BootstrapThreads,
  SHARED_ANNOTATOR_LEVELS_MIN,
} from '@raisin/core/agreement';

/** Below this many labels the annotation levels cost less than handing them over (the CLI's threshold). */
export const HELPER_MIN_LABELS = 270_000;

const HELPER_URL = new URL('./bootstrap-helper-entry.mjs', import.meta.url);

interface Helper {
  readonly port: MessagePort;
  /** 0 while the helper computes, 1 once its answer is on the port. */
  readonly flag: Int32Array;
}

let helper: Helper | null = null;

/** Starts the helper, once per scoring worker; with one core there is none. */
export function startBootstrapHelper(): void {
  if (helper !== null || availableParallelism() < 2) return;
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(HELPER_URL, { workerData: { port: port2, flag }, transferList: [port2] });
  worker.unref();
  const started: Helper = { port: port1, flag };
  helper = started;
  worker.once('exit', () => {
    if (helper === started) helper = null;
  });
}

/**
 * The helper as a report's `BootstrapThreads` for a sample of `labels` labels by `annotators` annotators, or
 * `undefined` for none. A crowd (from `SHARED_ANNOTATOR_LEVELS_MIN` annotators) gets it at any size: each
 * annotator has a level, and the two threads share them, while the helper, loaded already, costs only the
 * request's copy.
 */
export function bootstrapHelperFor(labels: number, annotators: number): BootstrapThreads | undefined {
  const current = helper;
  const crowd = annotators >= SHARED_ANNOTATOR_LEVELS_MIN;
  if (current === null || (labels < HELPER_MIN_LABELS && !crowd)) return undefined;
  const { port, flag } = current;
  return (request) =>
    askAnnotationIntervals(
      port,
      flag,
      request,
      () => receiveMessageOnPort(port)?.message as AnnotationAnswer,
    );
}
