/**
 * A worker thread of `raisin agreement`: draws the bootstrap chunks it is asked for (`drawIntervalChunks`)
 * and hands them back on its port, then raises the flag the main thread waits on (it is blocked inside
 * the synchronous report, so it cannot take a message event).
 */
import { type MessagePort, workerData } from 'node:worker_threads';
import { drawIntervalChunks, type IntervalChunkRequest } from '@raisin/core';

const { request, port, flag } = workerData as {
  request: IntervalChunkRequest;
  port: MessagePort;
  flag: Int32Array;
};
try {
  const drawn = drawIntervalChunks(request);
  const buffers = drawn.chunks.flatMap(([, levels]) =>
    levels.flat().map((values) => values.buffer as ArrayBuffer),
  );
  port.postMessage({ drawn }, buffers);
} catch (error) {
  port.postMessage({ error: error instanceof Error ? error.message : String(error) });
} finally {
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}
