/**
 * The scoring worker: parses an upload as its chunks arrive, then scores it and encodes its triples,
 * all off the server's event loop. One worker per job (taken warm from the pool); the server terminates it afterwards.
 */
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import type { EncodedSample, SampleParser } from '@raisin/core/agreement';
import {
  computeAgreement,
  computeFramedAgreement,
  createSampleParser,
  itemCountOf,
  parseFramedSample,
} from '@raisin/core/agreement';
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
/**
 * A JSON upload (Label Studio, Prodigy, JSON Lines) is kept whole and read per question and framing at the
 * end (`parseFramedSample`); `null` until the first bytes tell, `false` for a table, streamed as it comes.
 */
let jsonChunks: Uint8Array[] | false | null = null;
let jsonBytes = 0;

/** A sample with no triple: what a spans, boxes, multi-label or ranking sample stores for re-scoring. */
const NO_TRIPLES: EncodedSample = {
  items: [],
  annotators: [],
  categories: [],
  categoryValues: null,
  ordered: false,
  itemOf: new Int32Array(0),
  annotatorOf: new Int32Array(0),
  categoryOf: new Int32Array(0),
};

/** Whether the first bytes (after spaces and a BOM) open a JSON document: `[` or `{`. */
function opensJson(bytes: Uint8Array): boolean | null {
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) continue;
    if (i === 0 && byte === 0xef) {
      i += 2;
      continue;
    }
    return byte === 0x5b || byte === 0x7b;
  }
  return null;
}

function handle(message: ToWorker): void {
  if (message.type === 'start') {
    job = message.job;
    started = performance.now();
    parser = job.kind === 'upload' ? createSampleParser(job.parse) : null;
    const expected = job.kind === 'upload' ? job.expectedBytes : null;
    readingStep =
      expected === null ? READING_STEP_UNKNOWN : Math.max(READING_STEP_MIN, Math.ceil(expected / 100));
    nextReading = readingStep;
    jsonChunks = null;
    jsonBytes = 0;
    return;
  }
  if (message.type === 'rescore') {
    // The same steps as the API's in-process scorer (rescoreInProcess), without loading the API here.
    const decoded = decodeSample(message.triples);
    if (decoded.itemOf.length === 0) {
      send({
        type: 'rescored',
        ok: false,
        message:
          'This sample was scored under its framing (spans, boxes, sets of labels or rankings); re-scoring at another level applies to one label per item.',
      });
      return;
    }
    const prepared = prepareSampleForLevel(decoded, message.level, message.order);
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
    if (jsonChunks === null) {
      const json = opensJson(message.bytes);
      if (json !== null) jsonChunks = json ? [] : false;
    }
    if (jsonChunks !== false && jsonChunks !== null) {
      jsonChunks.push(message.bytes.slice());
      jsonBytes += message.bytes.length;
      if (jsonBytes >= nextReading) {
        nextReading = jsonBytes + readingStep;
        send({ type: 'progress', stage: 'reading', done: jsonBytes, total: job.expectedBytes });
      }
      return;
    }
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
  if (jsonChunks !== false && jsonChunks !== null) {
    const chunks = jsonChunks;
    const exported = scoreFramed(job, chunks);
    if (exported) return;
    // JSON Lines or a JSON array of records: one question, read by the streaming parser as before.
    for (const chunk of chunks) {
      parser.push(chunk);
      if (parser.issue !== null) break;
    }
  }
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

/**
 * A JSON upload read per question: the first question is scored under its framing and stored; the others
 * are named in a warning (the CLI's --control scores each), never dropped in silence.
 */
function scoreFramed(upload: Extract<JobData, { kind: 'upload' }>, chunks: readonly Uint8Array[]): boolean {
  const bytes = Buffer.concat(chunks);
  const parsed = parseFramedSample(bytes, upload.parse);
  if (parsed.ok && parsed.value.format !== 'labelstudio' && parsed.value.format !== 'prodigy') return false;
  if (!parsed.ok) {
    send({ type: 'parse-failed', issue: parsed.error });
    return true;
  }
  const { format, controls, missingSpellings } = parsed.value;
  const [first, ...others] = controls;
  if (first === undefined) {
    send({
      type: 'parse-failed',
      issue: { code: 'empty_file', message: 'The file holds no annotation Raisin can score.' },
    });
    return true;
  }
  const framed = first.sample;
  const triples =
    framed.framing === 'categorical' || framed.framing === 'continuous' || framed.framing === 'pairwise'
      ? framed.sample
      : null;
  send({
    type: 'parsed',
    format,
    columns: null,
    missingSpellings,
    duplicatesResolved: first.duplicatesResolved,
    annotations:
      triples === null
        ? 'annotations' in framed.sample
          ? framed.sample.annotations.length
          : 0
        : triples.itemOf.length,
    items:
      triples === null ? ('units' in framed.sample ? framed.sample.units.length : 0) : itemCountOf(triples),
    parseMs: Math.round(performance.now() - started),
  });
  const scoring = performance.now();
  const scored = computeFramedAgreement(framed, {
    ...storedReportOptions(),
    level: upload.level,
    onProgress: ({ stage, done, total }) => send({ type: 'progress', stage, done, total }),
  });
  const report =
    others.length === 0
      ? scored
      : {
          ...scored,
          warnings: [
            ...scored.warnings,
            {
              key: 'controls',
              message: `This export holds ${controls.length} questions; this is "${first.name}". The others (${others.map((c) => `"${c.name}"`).join(', ')}) are scored by raisin agreement FILE --control NAME.`,
            },
          ],
        };
  const encoded = encodeSample(triples ?? NO_TRIPLES);
  send(
    { type: 'scored', report, triples: encoded, scoreMs: Math.round(performance.now() - scoring) },
    transferable(encoded),
  );
  return true;
}

port.on('message', (message: ToWorker) => {
  try {
    handle(message);
  } catch (error) {
    send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
});
