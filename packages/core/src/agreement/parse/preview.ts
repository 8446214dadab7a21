/** A first look at a file, for a UI that lets the user map columns before parsing everything. */
import Papa from 'papaparse';
import { err, ok, type Result } from '../../shared';
import type { SampleIssue } from '../types';
import { mapColumns } from './columns';
import { readsAsLong, sniffDelimited } from './delimited-layout';
import { detectJsonFormat, notTextIssue, withoutBom } from './detect';
import {
  idText,
  invalidJsonLineIssue,
  isFlatRecord,
  isJsonObject,
  labelStudioTriples,
  labelText,
  mapRecordKeys,
  prodigyTriple,
  recordKeys,
  type Triple,
  valueAt,
} from './json';
import { parseFramedSample } from './parse-framed';
import { trimAscii } from './text';
import { COLUMN_ROLES, type ColumnRole, type ParseOptions, type SamplePreview } from './types';

const PREVIEW_ROWS = 20;
/** Enough text for the header and the first rows of any sane file. */
const PREVIEW_BYTES = 1024 * 1024;

const encoder = new TextEncoder();

function tripleRow(triple: Triple): string[] {
  return [triple.item, triple.annotator, triple.label ?? ''];
}

/**
 * Detects the format of the start of a file and returns its header, first rows and the column found for
 * each role (or which roles are left unmapped), without parsing the rest.
 */
export function previewSample(
  input: string | Uint8Array,
  options: Pick<ParseOptions, 'format' | 'columns' | 'delimiter'> = {},
): Result<SamplePreview, SampleIssue> {
  const all = typeof input === 'string' ? encoder.encode(input.slice(0, PREVIEW_BYTES)) : input;
  const binary = notTextIssue(all.subarray(0, PREVIEW_BYTES));
  if (binary !== null) return err(binary);
  const bytes = withoutBom(all.subarray(0, PREVIEW_BYTES));
  const complete = all.length <= PREVIEW_BYTES;
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === '') return err({ code: 'empty_file', message: 'The file is empty.' });
  const forced = options.format ?? 'auto';
  const json =
    forced === 'auto'
      ? detectJsonFormat(bytes, true)
      : forced === 'long' || forced === 'wide'
        ? null
        : forced;
  if (json === 'labelstudio') return previewLabelStudio(text, complete, options);
  if (json === 'jsonl' || json === 'prodigy') return previewJsonLines(text, json, options);
  if (json === 'more') return err({ code: 'unknown_format', message: 'Could not recognise the format.' });

  const sniffed = sniffDelimited(bytes, true, options.delimiter);
  if (sniffed === null) return err({ code: 'unknown_format', message: 'Could not recognise the format.' });
  if (!sniffed.ok) return sniffed;
  const { header, delimiter, end, line } = sniffed.value;
  const mapped = mapColumns(header, options.columns ?? {}, line);
  if (!mapped.ok) return mapped;
  const { index, unmapped } = mapped.value;
  const body = new TextDecoder().decode(bytes.subarray(end));
  const parsed = Papa.parse<string[]>(body, { delimiter, preview: PREVIEW_ROWS + 1, skipEmptyLines: true });
  // The last row may be cut off by the preview's byte limit.
  const rows = parsed.data.slice(0, complete ? PREVIEW_ROWS : Math.min(PREVIEW_ROWS, parsed.data.length - 1));
  const cells = rows.map((row) => row.map(trimAscii));
  const long = readsAsLong(forced, options.columns ?? {}, index);
  const columns = Object.fromEntries(
    COLUMN_ROLES.map((role) => [role, header[index[role]] ?? null]),
  ) as Record<ColumnRole, string | null>;
  const ragged = firstRaggedRow(body, delimiter, header.length, line, complete);
  const extra = ragged === null ? {} : { ragged };
  if (long) return ok({ format: 'long', delimiter, header, rows: cells, columns, unmapped, ...extra });
  const item = Math.max(index.item, 0);
  return ok({
    format: 'wide',
    delimiter,
    header,
    rows: cells,
    columns: { item: header[item] ?? null, annotator: null, label: null },
    unmapped: [],
    annotatorColumns: header.filter((_, i) => i !== item),
    ...extra,
  });
}

/**
 * The first non-blank row of `body` (the text after the header, whose line is `headerLine`) with another
 * field count than the header, as the parser would refuse it ("Line 3 has 2 fields, but the header has
 * 3."); null when every row fits. A row cut off by the preview's byte limit is not judged.
 */
function firstRaggedRow(
  body: string,
  delimiter: string,
  expected: number,
  headerLine: number,
  complete: boolean,
): { line: number; message: string } | null {
  const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false });
  let line = headerLine;
  const last = complete ? parsed.data.length : parsed.data.length - 1;
  for (let r = 0; r < last; r++) {
    const row = parsed.data[r] ?? [];
    line += 1;
    const blank = row.length === 1 && (row[0] ?? '').trim() === '';
    if (!blank && row.length !== expected) {
      const got = row.length;
      return {
        line,
        message: `Line ${line} has ${got} field${got === 1 ? '' : 's'}, but the header has ${expected}.`,
      };
    }
    // A quoted field may span lines: count its line breaks too.
    for (const cell of row) for (const ch of cell) if (ch === '\n') line += 1;
  }
  return null;
}

/** A JSON value as a preview cell: a label or id as the parser reads it, else its JSON cut short. */
function cellText(value: unknown): string {
  const text = labelText(value) ?? idText(value);
  if (text !== null) return text;
  if (!isJsonObject(value)) return '';
  // Its keys only: the value may nest deeper than JSON.stringify's stack allows (hostile input).
  const keys = Object.keys(value).join(', ');
  return `{${keys.length > 60 ? `${keys.slice(0, 59)}…` : keys}}`;
}

function previewJsonLines(
  text: string,
  format: 'jsonl' | 'prodigy',
  options: Pick<ParseOptions, 'columns'>,
): Result<SamplePreview, SampleIssue> {
  const records: Readonly<Record<string, unknown>>[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && records.length < PREVIEW_ROWS; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '') continue;
    try {
      const value: unknown = JSON.parse(line);
      if (isJsonObject(value)) records.push(value);
    } catch (error) {
      if (i < lines.length - 1) {
        // Worded and placed as the full parse words it, so the preview's error names the column too.
        return err(invalidJsonLineIssue(error, i + 1, lines[i] ?? '', line));
      }
    }
  }
  const first = records[0];
  if (first === undefined) return err({ code: 'empty_file', message: 'The file holds no records.' });
  if (format === 'prodigy') {
    const triples = records
      .map(prodigyTriple)
      .filter((t): t is Triple => t !== null && typeof t !== 'string');
    const choice = Array.isArray(first.accept);
    return ok({
      format,
      header: Object.keys(first),
      rows: triples.map(tripleRow),
      columns: {
        item: choice ? '_input_hash' : '_task_hash',
        annotator: '_annotator_id' in first ? '_annotator_id' : '_session_id',
        label: choice ? 'accept' : 'answer',
      },
      unmapped: [],
    });
  }
  return ok(previewRecords(records, 'jsonl', options));
}

/** JSON records (JSON Lines, or a JSON array of flat records) with the key found for each role. */
function previewRecords(
  records: readonly Readonly<Record<string, unknown>>[],
  format: 'jsonl',
  options: Pick<ParseOptions, 'columns'>,
): SamplePreview {
  const first = records[0] ?? {};
  const keys = mapRecordKeys(first, options.columns ?? {});
  // One cell per key, as a delimited file's preview shows every column: the user maps roles from them.
  const header = recordKeys(first);
  const rows = records.map((record) => header.map((key) => cellText(valueAt(record, key))));
  return {
    format,
    header,
    rows,
    columns: { item: keys.item ?? null, annotator: keys.annotator ?? null, label: keys.label ?? null },
    unmapped: COLUMN_ROLES.filter((role) => keys[role] === undefined),
  };
}

/**
 * The complete elements of a JSON array cut off by the preview's byte limit, closed into an array:
 * `[{…}, {…}, {…` gives `[{…}, {…}]`. Null when no element is complete.
 */
function completeArrayPrefix(text: string): string | null {
  let depth = 0;
  let inString = false;
  let lastElementEnd = -1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '[' || char === '{') depth++;
    else if (char === ']' || char === '}') {
      depth--;
      if (depth === 1) lastElementEnd = i;
    }
  }
  return lastElementEnd < 0 ? null : `${text.slice(0, lastElementEnd + 1)}]`;
}

function previewLabelStudio(
  text: string,
  complete: boolean,
  options: Pick<ParseOptions, 'columns'>,
): Result<SamplePreview, SampleIssue> {
  let value: unknown;
  let prefix: string | null = null;
  try {
    // A large export is cut off by the preview's byte limit: read the tasks that arrived whole.
    prefix = complete ? null : completeArrayPrefix(text);
    value = JSON.parse(prefix ?? text);
  } catch (error) {
    return err({
      code: 'invalid_json',
      message: `Invalid JSON (${error instanceof Error ? error.message : String(error)}).`,
    });
  }
  const tasks = Array.isArray(value) ? value : [value];
  const records = tasks.slice(0, PREVIEW_ROWS).filter(isJsonObject);
  // A JSON array of flat records is read as JSON Lines are, so its keys are mapped the same way.
  if (records.length > 0 && records.every(isFlatRecord)) return ok(previewRecords(records, 'jsonl', options));
  const rows: string[][] = [];
  for (let t = 0; t < tasks.length && rows.length < PREVIEW_ROWS; t++) {
    const task = tasks[t];
    if (!isJsonObject(task)) continue;
    for (const triple of labelStudioTriples(task, t).triples) rows.push(tripleRow(triple));
  }
  // The questions as the upload will read them; an export the upload would refuse lists none here.
  const framed = parseFramedSample(prefix ?? text);
  const controls = framed.ok ? framed.value.controls.map(({ name, framing }) => ({ name, framing })) : [];
  return ok({
    format: 'labelstudio',
    header: ['item', 'annotator', 'label'],
    rows: rows.slice(0, PREVIEW_ROWS),
    columns: { item: 'id', annotator: 'completed_by', label: 'result' },
    unmapped: [],
    ...(controls.length > 0 ? { controls } : {}),
  });
}
