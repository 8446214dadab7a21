/**
 * The worker thread of `raisin agreement` (`helper-thread.ts`): reads a file's tail when asked
 * (`createTailParser`), and answers the report's request for the annotation levels' intervals
 * (`answerAnnotationRequests`).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { type MessagePort, workerData } from 'node:worker_threads';
import { type AnswerPort, answerAnnotationRequests, createTailParser, type SampleTail } from '@raisin/core';
import type { TailRequest } from './helper-thread';

const CHUNK_BYTES = 1 << 20;

const { port, flag, tailPort } = workerData as { port: MessagePort; flag: Int32Array; tailPort: MessagePort };
answerAnnotationRequests(port as AnswerPort, flag);

tailPort.on('message', (request: TailRequest) => {
  let tail: SampleTail;
  try {
    tail = readTail(request);
  } catch {
    tail = { ok: false, reason: 'issue' }; // the other thread reads the bytes and reports what is wrong
  }
  tailPort.postMessage(tail, tail.ok ? movedArrays(tail) : []);
});

/** The tail's arrays, which move to the other thread rather than being copied. */
function movedArrays({ part }: Extract<SampleTail, { ok: true }>): ArrayBuffer[] {
  const names = [part.items, part.annotators, part.categories].flatMap((n) => [n.pool, n.offsets]);
  return [part.itemOf, part.annotatorOf, part.categoryOf, part.lineOf, ...names].map(
    (array) => array.buffer as ArrayBuffer,
  );
}

function readTail({ path, from, continuation }: TailRequest): SampleTail {
  const fd = openSync(path, 'r');
  try {
    const parser = createTailParser(continuation, fstatSync(fd).size - from);
    const buffer = new Uint8Array(CHUNK_BYTES);
    let position = from;
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK_BYTES, position);
      if (read === 0) break;
      position += read;
      if (!parser.push(buffer.subarray(0, read))) break;
    }
    return parser.finish();
  } finally {
    closeSync(fd);
  }
}
