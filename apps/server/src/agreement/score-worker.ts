/**
 * The scoring worker: parses an upload as its chunks arrive, then scores it and encodes its triples,
 * all off the server's event loop. One job at a time; a worker whose job ended cleanly is handed the next
 * one (`start` resets everything), and the server stops a worker whose job did not.
 */
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import type {
  AgreementReport,
  ComputeAgreementOptions,
  EncodedSample,
  FramedSample,
  ParseOptions,
  SampleParser,
} from '@raisin/core/agreement';
import {
  computeAgreement,
  computeFramedAgreement,
  createSampleParser,
  itemCountOf,
  parseFramedSample,
} from '@raisin/core/agreement';
// The codec alone: importing all of @raisin/db would load both database drivers into every worker.
import {
  encodeSample,
  encodeSampleInBackground,
  NO_TRIPLES,
  rescoreStoredSample,
  storedReportOptions,
} from '@raisin/db/agreement-codec';
import { bootstrapHelperFor, startBootstrapHelper } from './bootstrap-helper';
import type { FromWorker, JobData, ToWorker } from './protocol';

const READING_STEP_MIN = 64 * 1024;
const READING_STEP_UNKNOWN = 1024 * 1024;

const port = parentPort;
if (port === null) throw new Error('score-worker must run in a worker thread');
// Loads while this worker waits for its first job, as the worker itself does in the pool.
startBootstrapHelper();
// Workers start before their job is known (a warm one waits in the pool), so the job comes as `start`.
let job: JobData | null = null;
/** Whether the job's progress is read (the browser's upload); else no progress message is posted. */
let reportsProgress = false;

function send(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}

/** computeAgreement's progress callback, when the job's progress is read. */
function progressOption(): Pick<ComputeAgreementOptions, 'onProgress'> {
  return reportsProgress
    ? { onProgress: ({ stage, done, total }) => send({ type: 'progress', stage, done, total }) }
    : {};
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
 * A JSON upload (Label Studio, Prodigy, JSON Lines) or a table under a named framing is kept whole and read
 * per question and framing at the end (`parseFramedSample`); `null` until the first bytes tell, `false`
 * for a one-label-per-item table, streamed as it comes.
 */
let jsonChunks: Uint8Array[] | false | null = null;
let jsonBytes = 0;

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

/**
 * The announced length (within the upload limit) sizes the parser's arrays once, as the CLI's file size
 * does, instead of regrowing them as the file comes.
 */
function sized(parse: ParseOptions, expected: number | null): ParseOptions {
  return expected === null ? parse : { sizeHint: Math.min(expected, parse.maxBytes ?? expected), ...parse };
}

function handle(message: ToWorker): void {
  if (message.type === 'start') {
    job = message.job;
    reportsProgress = message.progress;
    started = performance.now();
    const expected = job.kind === 'upload' ? job.expectedBytes : null;
    parser = job.kind === 'upload' ? createSampleParser(sized(job.parse, expected)) : null;
    readingStep =
      expected === null ? READING_STEP_UNKNOWN : Math.max(READING_STEP_MIN, Math.ceil(expected / 100));
    nextReading = readingStep;
    // A named framing other than one label per item reads the table whole, as `--framing` does.
    jsonChunks =
      job.kind === 'upload' && job.framing !== undefined && job.framing !== 'categorical' ? [] : null;
    jsonBytes = 0;
    reported = false;
    return;
  }
  if (message.type === 'rescore') {
    const outcome = rescoreStoredSample(message.triples, message.framing, message.level, message.order);
    send(
      outcome.ok ? { type: 'rescored', ok: true, report: outcome.report } : { type: 'rescored', ...outcome },
    );
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
      if (reportsProgress && jsonBytes >= nextReading) {
        nextReading = jsonBytes + readingStep;
        send({ type: 'progress', stage: 'reading', done: jsonBytes, total: job.expectedBytes });
      }
      return;
    }
    parser.push(message.bytes);
    if (parser.issue !== null) {
      reported = true;
      send({ type: 'parse-failed', issue: parser.issue });
      parser = null;
    } else if (reportsProgress && parser.bytesRead >= nextReading) {
      nextReading = parser.bytesRead + readingStep;
      send({ type: 'progress', stage: 'reading', done: parser.bytesRead, total: job.expectedBytes });
    }
    return;
  }
  reported = true;
  // The worker waits for its next job after this one: it keeps nothing of this file meanwhile.
  const current = parser;
  const chunks = jsonChunks;
  parser = null;
  jsonChunks = null;
  if (chunks !== false && chunks !== null) {
    const exported = scoreFramed(job, chunks);
    if (exported) return;
    // JSON Lines or a JSON array of records without a framing: one question, read by the streaming parser.
    for (const chunk of chunks) {
      current.push(chunk);
      if (current.issue !== null) break;
    }
  }
  const parsed = current.finish();
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
  const helper = bootstrapHelperFor(sample.categoryOf.length, sample.annotators.length);
  // Deflated on libuv's thread pool while the report is computed (see `encodeSampleInBackground`).
  const encoding = encodeSampleInBackground(sample);
  encoding.catch(() => undefined); // answered below; a report that throws first leaves it unawaited
  const report = computeAgreement(sample, {
    ...storedReportOptions(),
    level: job.level,
    ...progressOption(),
    ...(helper === undefined ? {} : { bootstrapThreads: helper }),
  });
  encoding.then(
    (triples) =>
      send(
        { type: 'scored', report, triples, scoreMs: Math.round(performance.now() - scoring) },
        transferable(triples),
      ),
    (error: unknown) =>
      send({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
}

/** The units and annotations a framed sample holds, for the `parsed` message. */
function sizeOf(framed: FramedSample): { annotations: number; items: number } {
  const triples = triplesOf(framed);
  if (triples !== null) return { annotations: triples.itemOf.length, items: itemCountOf(triples) };
  const units = framed.sample as Exclude<FramedSample, { sample: EncodedSample }>['sample'];
  return { annotations: units.annotations.length, items: units.units.length };
}

/** A one-label-per-item framing's triples (kept for re-scoring); null for spans, boxes, sets and rankings. */
function triplesOf(framed: FramedSample): EncodedSample | null {
  return framed.framing === 'categorical' || framed.framing === 'continuous' || framed.framing === 'pairwise'
    ? framed.sample
    : null;
}

/**
 * A JSON upload read per question (Label Studio control): every question is scored under its own framing
 * and stored in the one sample (the report's `controls`), the chosen one (else the first) as its headline.
 * One sample, not one per question: a sample is one batch of annotation, so its questions share its name,
 * its place in the trend and its reference status, and the Agreement tab switches between them in place.
 */
function scoreFramed(upload: Extract<JobData, { kind: 'upload' }>, chunks: readonly Uint8Array[]): boolean {
  const bytes = Buffer.concat(chunks);
  const framing = upload.framing === 'categorical' ? undefined : upload.framing;
  const parsed = parseFramedSample(bytes, { ...upload.parse, ...(framing === undefined ? {} : { framing }) });
  const exported = parsed.ok && (parsed.value.format === 'labelstudio' || parsed.value.format === 'prodigy');
  // JSON Lines and JSON records without a named framing: the streaming parser reads them, as a table.
  if (parsed.ok && !exported && framing === undefined) return false;
  if (!parsed.ok) {
    send({ type: 'parse-failed', issue: parsed.error });
    return true;
  }
  const { format, controls, missingSpellings } = parsed.value;
  const chosen = upload.control === undefined ? controls[0] : controls.find((c) => c.name === upload.control);
  if (chosen === undefined) {
    send({
      type: 'parse-failed',
      issue:
        controls.length === 0
          ? { code: 'empty_file', message: 'The file holds no annotation Raisin can score.' }
          : {
              code: 'unknown_control',
              message: `No question "${upload.control}" in the file; it holds ${controls.map((c) => `"${c.name}"`).join(', ')}.`,
            },
    });
    return true;
  }
  const framed = chosen.sample;
  send({
    type: 'parsed',
    format,
    columns: null,
    missingSpellings,
    duplicatesResolved: chosen.duplicatesResolved,
    ...sizeOf(framed),
    parseMs: Math.round(performance.now() - started),
  });
  const scoring = performance.now();
  const options = { ...storedReportOptions(), level: upload.level };
  const report = computeFramedAgreement(framed, {
    ...options,
    ...progressOption(),
  });
  const reports: Record<string, AgreementReport> = {};
  for (const control of controls) {
    reports[control.name] = control === chosen ? report : computeFramedAgreement(control.sample, options);
  }
  const encoded = encodeSample(triplesOf(framed) ?? NO_TRIPLES);
  send(
    {
      type: 'scored',
      report,
      triples: encoded,
      scoreMs: Math.round(performance.now() - scoring),
      ...(controls.length > 1 ? { controls: reports } : {}),
      ...(format === 'labelstudio' ? { control: chosen.name } : {}),
    },
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
