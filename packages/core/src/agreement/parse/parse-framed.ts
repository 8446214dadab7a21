/**
 * Reads a labeled sample under its framing: Label Studio and Prodigy exports per question (control), with
 * the framing read from their result types; CSV/TSV with the framing the caller names (`--framing`).
 */
import { err, ok, type Result } from '../../shared';
import { type Framing, isFraming } from '../framing';
import type { SampleIssue } from '../types';
import { detectFormat, notTextIssue, withoutBom } from './detect';
import { buildFramedControls, type FramedControl } from './framed-builder';
import { framedTableRecords, TABLE_CONTROL } from './framed-csv';
import { labelStudioRecords, prodigyRecord, type SubmittedAnnotation } from './framed-json';
import type { FramedRecord } from './framed-records';
import { elementOffsets, invalidJsonIssue, invalidJsonLineIssue, isFlatRecord, isJsonObject } from './json';
import { parseSample } from './parser';
import { positionAt } from './text';
import type { ParseOptions, SampleFormat } from './types';

export interface FramedParseOptions extends ParseOptions {
  /** The framing of a CSV/TSV or JSON Lines table, or one an export's values must fit. */
  readonly framing?: string;
  /** Keeps only this question (Label Studio `from_name`). */
  readonly control?: string;
}

export interface FramedParse {
  readonly format: SampleFormat;
  /** Every question, in first-seen order (one for a table or a Prodigy export). */
  readonly controls: readonly FramedControl[];
  /** Prodigy answers to manual tasks that are not annotations: `reject` and `ignore`. */
  readonly skipped: { readonly reject: number; readonly ignore: number };
  readonly missingSpellings: Readonly<Record<string, number>>;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

function labelStudio(
  text: string,
): Result<{ records: FramedRecord[]; submitted: SubmittedAnnotation[] } | null, SampleIssue> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return err(invalidJsonIssue(text, error));
  }
  const tasks = Array.isArray(value) ? value : [value];
  if (tasks.every((task) => isJsonObject(task) && isFlatRecord(task))) return ok(null);
  const offsets = Array.isArray(value) ? elementOffsets(text) : [0];
  const records: FramedRecord[] = [];
  const submitted: SubmittedAnnotation[] = [];
  for (let t = 0; t < tasks.length; t++) {
    const task = tasks[t];
    const offset = offsets[t] ?? 0;
    const { line } = positionAt(text, offset);
    if (!isJsonObject(task))
      return err({
        code: 'invalid_record',
        message: `Line ${line}: task ${t + 1} is not a JSON object.`,
        line,
      });
    if (isFlatRecord(task)) continue;
    const read = labelStudioRecords(task, t, line);
    if (read.problem !== null) {
      const at =
        read.problem.resultId === undefined ? -1 : text.indexOf(`"${read.problem.resultId}"`, offset);
      const where = positionAt(text, at >= 0 ? at : offset);
      return err({
        code: 'invalid_record',
        message: `Line ${where.line}: ${read.problem.message}.`,
        line: where.line,
        column: where.column,
      });
    }
    records.push(...read.records);
    submitted.push(...read.submitted);
  }
  return ok({ records, submitted });
}

function prodigy(
  text: string,
): Result<{ records: FramedRecord[]; skipped: { reject: number; ignore: number } }, SampleIssue> {
  const records: FramedRecord[] = [];
  const skipped = { reject: 0, ignore: 0 };
  const lines = text.split('\n');
  for (let l = 0; l < lines.length; l++) {
    const raw = lines[l] ?? '';
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    const line = l + 1;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      return err(invalidJsonLineIssue(error, line, raw, trimmed));
    }
    if (!isJsonObject(value))
      return err({ code: 'invalid_record', message: `Line ${line}: expected a JSON object.`, line });
    const read = prodigyRecord(value, line);
    if (read === null) continue;
    if ('skip' in read) {
      skipped[read.skip]++;
      continue;
    }
    if (!('control' in read)) {
      const column = raw.indexOf('"spans"');
      return err({
        code: 'invalid_record',
        message: `Line ${line}: ${read.message}.`,
        line,
        ...(column >= 0 ? { column: column + 1 } : {}),
      });
    }
    records.push(read);
  }
  return ok({ records, skipped });
}

/**
 * Parses a labeled sample into one framed sample per question. Label Studio exports and Prodigy JSONL are
 * read per control with the framing their results imply (a named `framing` must fit them); CSV/TSV and
 * JSON Lines tables hold one question, categorical unless `framing` says otherwise. Errors name the line
 * and column: spans past the text's end or with start ≥ end, boxes of non-positive size or rotated,
 * rankings listing an object twice, unknown framings or controls, a control mixing framings.
 */
export function parseFramedSample(
  input: string | Uint8Array,
  options: FramedParseOptions = {},
): Result<FramedParse, SampleIssue> {
  const { framing: framingName, control, ...parseOptions } = options;
  if (framingName !== undefined && !isFraming(framingName)) {
    return err({
      code: 'unknown_framing',
      message: `Unknown framing "${framingName}"; use categorical, multilabel, spans, boxes, ranking, pairwise or continuous.`,
    });
  }
  const framing: Framing | undefined = framingName;
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  const notText = notTextIssue(bytes.subarray(0, 64 * 1024));
  if (notText !== null) return err(notText);
  const text = decoder.decode(withoutBom(bytes));
  // A table of a framing the triple parser cannot map (4 columns, cells joined with |) skips its detection.
  const ownTable =
    (framing === 'multilabel' || framing === 'ranking' || framing === 'pairwise') &&
    !/^\s*[[{]/.test(text.slice(0, 1024)) &&
    (parseOptions.format === undefined ||
      parseOptions.format === 'auto' ||
      parseOptions.format === 'long' ||
      parseOptions.format === 'wide');
  const detection = ownTable ? ok({ format: 'long' as const }) : detectFormat(bytes, true, parseOptions);
  if (detection === null) return err({ code: 'empty_file', message: 'The file is empty.' });
  if (!detection.ok) return detection;
  let format: SampleFormat = detection.value.format;
  let records: FramedRecord[] = [];
  let submitted: SubmittedAnnotation[] = [];
  let skipped = { reject: 0, ignore: 0 };
  let missingSpellings: Readonly<Record<string, number>> = {};

  const asTable = (): Result<null, SampleIssue> => {
    if (framing === 'multilabel' || framing === 'ranking' || framing === 'pairwise') {
      const read = framedTableRecords(text, framing);
      if (!read.ok) return read;
      records = read.value;
      return ok(null);
    }
    if (framing === 'spans' || framing === 'boxes') {
      return err({
        code: 'unknown_framing',
        message: `A table cannot hold ${framing}; use a Label Studio or Prodigy export.`,
      });
    }
    return ok(null);
  };

  if (format === 'labelstudio') {
    const read = labelStudio(text);
    if (!read.ok) return read;
    if (read.value !== null) ({ records, submitted } = read.value);
  } else if (format === 'prodigy') {
    const read = prodigy(text);
    if (!read.ok) return read;
    ({ records, skipped } = read.value);
  } else {
    const table = asTable();
    if (!table.ok) return table;
  }

  let controls: FramedControl[];
  if (records.length === 0 && format !== 'prodigy' && (format !== 'labelstudio' || submitted.length === 0)) {
    // A triple table (or a JSON array of flat records): the categorical parser, then the framing.
    const parsed = parseSample(bytes, parseOptions);
    if (!parsed.ok) return parsed;
    const tableFraming = framing ?? 'categorical';
    if (tableFraming === 'continuous' && parsed.value.sample.categoryValues === null) {
      return err({
        code: 'non_numeric_label',
        message: 'The continuous framing needs numeric labels; some are not numbers.',
      });
    }
    missingSpellings = parsed.value.missingSpellings;
    // A JSON array of plain records reads as JSON Lines records (the parser tells them apart once read).
    format = parsed.value.format;
    const sample = parsed.value.sample;
    controls = [
      {
        name: TABLE_CONTROL,
        framing: tableFraming,
        sample:
          tableFraming === 'continuous' || tableFraming === 'pairwise'
            ? { framing: tableFraming, sample }
            : { framing: 'categorical', sample },
        duplicatesResolved: parsed.value.duplicatesResolved,
      },
    ];
  } else {
    const built = buildFramedControls(records, submitted, {
      ...parseOptions,
      ...(framing === undefined ? {} : { framing }),
    });
    if (!built.ok) return built;
    controls = built.value;
  }
  if (control !== undefined) {
    const chosen = controls.filter((c) => c.name === control);
    if (chosen.length === 0) {
      return err({
        code: 'unknown_control',
        message: `No control "${control}" in the file; it holds ${controls.map((c) => `"${c.name}"`).join(', ')}.`,
      });
    }
    controls = chosen;
  }
  return ok({ format, controls, skipped, missingSpellings });
}
