/**
 * A worker thread of `raisin agreement`: started before the file is read, it waits for the report's
 * request, computes the annotation levels' intervals (`computeAnnotationIntervals`), hands them back on
 * its port, then raises the flag the main thread waits on (it is blocked inside the synchronous report,
 * so it cannot take a message event).
 */
import { type MessagePort, workerData } from 'node:worker_threads';
import { type AnnotationIntervalsRequest, computeAnnotationIntervals } from '@raisin/core';

const { port, flag } = workerData as { port: MessagePort; flag: Int32Array };
port.once('message', (request: AnnotationIntervalsRequest) => {
  try {
    port.postMessage({ intervals: computeAnnotationIntervals(request) });
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? error.message : String(error) });
  } finally {
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
    port.close();
  }
});
