/**
 * The scoring worker: parses an upload as its chunks arrive, then scores it and encodes its triples,
 * all off the server's event loop. One worker per job (taken warm from the pool); the server terminates it afterwards.
 */
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import type { SampleParser } from '@raisin/core/agreement';
import { computeAgreement, createSampleParser, itemCountOf } from '@raisin/core/agreement';
// The codec alone: importing all of @raisin/db would load both database drivers into every worker.
import {
  decodeSample,
  encodeSample,
  prepareSampleForLevel,
  storedReportOptions,
} from '@raisin/db/agreement-codec';
import type { FromWorker, JobData, ToWorker } from './protocol';

const READING_STEP_MIN = 64 * 1024;
const READING_STEP_UNKNOWN = 1024 * 1024;

const port = parentPort;
if (port === null) throw new Error('score-worker must run in a worker thread');
// Workers start before their job is known (a warm one waits in the pool), so the job comes as `start`.
let job: JobData | null = null;

function send(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}

function transferable(bytes: Uint8Array): ArrayBuffer[] {
  return bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
}

let started = performance.now();
let parser: SampleParser | null = null;
let reported = false;
/** Parsed bytes between two reading reports: 1% of a known length, but not less than a usual chunk. */
let readingStep = READING_STEP_UNKNOWN;
let nextReading = readingStep;

function handle(message: ToWorker): void {
  if (message.type === 'start') {
    job = message.job;
    started = performance.now();
    parser = job.kind === 'upload' ? createSampleParser(job.parse) : null;
    const expected = job.kind === 'upload' ? job.expectedBytes : null;
    readingStep =
      expected === null ? READING_STEP_UNKNOWN : Math.max(READING_STEP_MIN, Math.ceil(expected / 100));
    nextReading = readingStep;
    return;
  }
  if (message.type === 'rescore') {
    // The same steps as the API's in-process scorer (rescoreInProcess), without loading the API here.
    const prepared = prepareSampleForLevel(decodeSample(message.triples), message.level, message.order);
    if (!prepared.ok) {
      send({ type: 'rescored', ok: false, message: prepared.message });
      return;
    }
    const report = computeAgreement(prepared.sample, {
      ...storedReportOptions(),
      level: message.level,
    });
    send({ type: 'rescored', ok: true, report });
    return;
  }
  if (parser === null || job === null || job.kind !== 'upload' || reported) return;
  if (message.type === 'chunk') {
    parser.push(message.bytes);
    if (parser.issue !== null) {
      reported = true;
      send({ type: 'parse-failed', issue: parser.issue });
    } else if (parser.bytesRead >= nextReading) {
      nextReading = parser.bytesRead + readingStep;
      send({ type: 'progress', stage: 'reading', done: parser.bytesRead, total: job.expectedBytes });
    }
    return;
  }
  reported = true;
  const parsed = parser.finish();
  if (!parsed.ok) {
    send({ type: 'parse-failed', issue: parsed.error });
    return;
  }
  const { sample, format, columns, missingSpellings, duplicatesResolved } = parsed.value;
  send({
    type: 'parsed',
    format,
    columns: columns ?? null,
    missingSpellings,
    duplicatesResolved,
    annotations: sample.itemOf.length,
    items: itemCountOf(sample),
    parseMs: Math.round(performance.now() - started),
  });
  const scoring = performance.now();
  const report = computeAgreement(sample, {
    ...storedReportOptions(),
    level: job.level,
    onProgress: ({ stage, done, total }) => send({ type: 'progress', stage, done, total }),
  });
  const triples = encodeSample(sample);
  send(
    { type: 'scored', report, triples, scoreMs: Math.round(performance.now() - scoring) },
    transferable(triples),
  );
}

port.on('message', (message: ToWorker) => {
  try {
    handle(message);
  } catch (error) {
    send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
});
