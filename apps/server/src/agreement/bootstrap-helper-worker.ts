/**
 * The bootstrap helper thread (`bootstrap-helper.ts`): answers each request with the annotation levels'
 * intervals on its port, then raises the flag the scoring worker waits on.
 */
import { type MessagePort, workerData } from 'node:worker_threads';
import { type AnnotationIntervalsRequest, computeAnnotationIntervals } from '@raisin/core/agreement';

const { port, flag } = workerData as { port: MessagePort; flag: Int32Array };
port.on('message', (request: AnnotationIntervalsRequest) => {
  try {
    port.postMessage({ intervals: computeAnnotationIntervals(request) });
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? error.message : String(error) });
  } finally {
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  }
});
