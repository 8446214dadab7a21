/**
 * CSV/TSV in long (item, annotator, label) or wide (item, one column per annotator) form. Rows without a
 * quote character go through a byte-level fast path that splits on the delimiter and interns ids from the
 * bytes; from the first row with a quote on, the rest of the input goes through papaparse.
 */
import Papa from 'papaparse';
import { err, ok, type Result } from '../../shared';
import type { SampleIssue } from '../types';
import type { SampleBuilder } from './builder';
import { hashBytes } from './byte-interner';
import { listHeaders, mapColumns, missingColumnIssue } from './columns';
import {
  concatBytes,
  countNewlines,
  isMissingCell,
  isMissingCellBytes,
  isSpaceByte,
  sameBytes,
  trimAscii,
  trimmedEnd,
  trimmedStart,
} from './text';
import type { ColumnMapping, ColumnRole, Delimiter, ParseOptions } from './types';

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const QUOTE = 34;
const DELIMITERS: readonly Delimiter[] = [',', '\t', ';'];
const SEPARATOR_HINT = /^"?sep=([,;\t])"?\r?$/;
/** Long rows interned together (see `scanLong`): enough to overlap many cache misses, few enough to stay in L1. */
const LONG_BATCH = 64;
const BATCH_FIELDS = 7;

export interface DelimitedHeader {
  readonly delimiter: Delimiter;
  /** `\r` only for old Mac files without any `\n`, which then go through papaparse entirely. */
  readonly newline: '\n' | '\r';
  readonly header: readonly string[];
  /** 1-based line of the header. */
  readonly line: number;
  /** Byte offset just after the header's line break. */
  readonly end: number;
}

export type DelimitedPlan =
  | { readonly kind: 'long'; readonly item: number; readonly annotator: number; readonly label: number }
  | { readonly kind: 'wide'; readonly item: number };

/**
 * Finds the header (the first non-blank line) and the delimiter in the first bytes of a file.
 * Returns `null` when the header line is not complete yet and more input may come.
 */
export function sniffDelimited(
  bytes: Uint8Array,
  complete: boolean,
  forced?: Delimiter,
): Result<DelimitedHeader, SampleIssue> | null {
  const newlineByte =
    bytes.indexOf(NEWLINE) < 0 && bytes.indexOf(CARRIAGE_RETURN) >= 0 ? CARRIAGE_RETURN : NEWLINE;
  let pos = 0;
  let line = 1;
  let hinted: Delimiter | undefined;
  for (;;) {
    let end = bytes.indexOf(newlineByte, pos);
    if (end < 0) {
      if (!complete) return null;
      end = bytes.length;
    }
    // Excel's `sep=;` first line names the delimiter; it is not the header.
    const hint = line === 1 ? SEPARATOR_HINT.exec(new TextDecoder().decode(bytes.subarray(pos, end))) : null;
    if (hint !== null && end < bytes.length) {
      hinted = DELIMITERS.find((delimiter) => delimiter === hint[1]);
      pos = end + 1;
      line++;
      continue;
    }
    let stop = end;
    while (stop > pos && isSpaceByte(bytes[stop - 1] ?? 0)) stop--;
    let first = pos;
    while (first < stop && isSpaceByte(bytes[first] ?? 0)) first++;
    if (first < stop) {
      const decoder = new TextDecoder();
      const text = decoder.decode(bytes.subarray(pos, stop));
      const next = secondLine(bytes, end + 1, newlineByte);
      const delimiter =
        forced ?? hinted ?? chooseDelimiter(text, next === null ? null : decoder.decode(next));
      if (delimiter === null) {
        return err({
          code: 'unknown_format',
          message: `Could not recognise the format: line ${line} has no comma, tab or semicolon, and the file is not JSON.`,
          line,
        });
      }
      const header = splitHeader(text, delimiter);
      return ok({
        delimiter,
        newline: newlineByte === NEWLINE ? '\n' : '\r',
        header,
        line,
        end: Math.min(end + 1, bytes.length),
      });
    }
    if (end >= bytes.length) {
      return err({ code: 'empty_file', message: 'The file is empty.' });
    }
    pos = end + 1;
    line++;
  }
}

function secondLine(bytes: Uint8Array, start: number, newlineByte: number): Uint8Array | null {
  if (start >= bytes.length) return null;
  const end = bytes.indexOf(newlineByte, start);
  return bytes.subarray(start, end < 0 ? bytes.length : end);
}

function count(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) n++;
  return n;
}

/** The delimiter that splits the header most often, preferring one that splits the next line as often. */
function chooseDelimiter(header: string, next: string | null): Delimiter | null {
  let best: Delimiter | null = null;
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const n = count(header, delimiter);
    if (n === 0) continue;
    const consistent = next === null || next.trim() === '' || count(next, delimiter) === n;
    const score = consistent ? n * 2 + 1 : n;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

function splitHeader(text: string, delimiter: Delimiter): string[] {
  const cells = text.includes('"')
    ? ((Papa.parse<string[]>(text, { delimiter }).data[0] ?? []) as string[])
    : text.split(delimiter);
  return cells.map(trimAscii);
}

/**
 * Whether a delimited table is long, from its header alone (never from the labels under it): forced by
 * `format`, or by a column named for a role, or when the header has an annotator column. A long table is
 * the only layout with an annotator column; a header without one is wide, its columns after the item
 * being annotators whatever their names, so a wide table whose annotators are called `gold` or `score`
 * (label words) is not mistaken for a long one missing its annotator column.
 */
export function readsAsLong(
  format: ParseOptions['format'],
  given: Readonly<Partial<Record<ColumnRole, string>>>,
  index: Readonly<Record<ColumnRole, number>>,
): boolean {
  if (format === 'long') return true;
  if (format === 'wide') return false;
  const givenAny = given.item !== undefined || given.annotator !== undefined || given.label !== undefined;
  return givenAny || index.annotator >= 0;
}

/** Decides long vs wide and which columns play which role. */
export function planDelimited(
  header: readonly string[],
  options: Pick<ParseOptions, 'format' | 'columns'>,
  line: number,
): Result<DelimitedPlan, SampleIssue> {
  const given = options.columns ?? {};
  const mapped = mapColumns(header, given, line);
  if (!mapped.ok) return mapped;
  const { index, unmapped } = mapped.value;
  // A long table missing a role (say, its label column has an unknown name) is an error naming it.
  if (readsAsLong(options.format, given, index)) {
    if (unmapped.length > 0) return err(missingColumnIssue(unmapped, header, line));
    return ok({ kind: 'long', item: index.item, annotator: index.annotator, label: index.label });
  }
  if (header.length < 2) {
    return err({
      code: 'unknown_format',
      message: `Line ${line} has a single column (${listHeaders(header)}); expected item, annotator and label columns, or an item column and one column per annotator.`,
      line,
    });
  }
  return ok({ kind: 'wide', item: Math.max(index.item, 0) });
}

export function columnMappingOf(plan: DelimitedPlan, header: readonly string[]): ColumnMapping | undefined {
  if (plan.kind !== 'long') return undefined;
  return {
    item: header[plan.item] ?? '',
    annotator: header[plan.annotator] ?? '',
    label: header[plan.label] ?? '',
  };
}

export interface RowsHandler {
  push(chunk: Uint8Array): SampleIssue | null;
  finish(): SampleIssue | null;
  /** Non-blank data rows seen. */
  readonly rows: number;
}

/** `column` is the first field past the header's width, or the first one missing (1-based). */
function raggedIssue(line: number, expected: number, got: number): SampleIssue {
  return {
    code: 'ragged_row',
    message: `Line ${line} has ${got} field${got === 1 ? '' : 's'}, but the header has ${expected}.`,
    line,
    column: Math.min(got, expected) + 1,
  };
}

function emptyIdIssue(line: number, column: number, role: 'item' | 'annotator', name: string): SampleIssue {
  return {
    code: 'invalid_record',
    message: `Line ${line}, column ${column} ("${name}"): the ${role} is empty.`,
    line,
    column,
  };
}

/** Data rows of a delimited file, fed as byte chunks after the header. */
export class DelimitedRows implements RowsHandler {
  rows = 0;
  private line: number;
  private carry: Uint8Array | null = null;
  private papa: PapaRows | null = null;
  private readonly width: number;
  private readonly delimiter: number;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /** Wide form: annotator id per column, -1 until the column's first label. */
  private readonly columnAnnotator: Int32Array;
  private consumed = 0;
  private reserved = false;
  /** Long rows waiting in `scanLong`: BATCH_FIELDS int32s each (item, annotator, label bounds; line). */
  private readonly batch = new Int32Array(LONG_BATCH * BATCH_FIELDS);
  private readonly batchHashes = new Int32Array(LONG_BATCH);
  private readonly batchRepeats = new Uint8Array(LONG_BATCH);
  /** Keeps the values of the cache-warming loads in `flushLong`, so they are not optimized away. */
  sink = 0;

  constructor(
    private readonly builder: SampleBuilder,
    private readonly plan: DelimitedPlan,
    private readonly header: readonly string[],
    private readonly dialect: { readonly delimiter: Delimiter; readonly newline: '\n' | '\r' },
    firstLine: number,
    private readonly options: { readonly papaparseOnly: boolean; readonly sizeHint?: number },
  ) {
    this.line = firstLine;
    this.width = header.length;
    this.delimiter = dialect.delimiter.charCodeAt(0);
    this.starts = new Int32Array(this.width);
    this.ends = new Int32Array(this.width);
    this.columnAnnotator = new Int32Array(this.width).fill(-1);
    if (options.papaparseOnly || dialect.newline === '\r') this.papa = this.startPapa();
  }

  push(chunk: Uint8Array): SampleIssue | null {
    if (this.papa !== null) return this.papa.push(chunk);
    let start = 0;
    if (this.carry !== null) {
      const newline = chunk.indexOf(NEWLINE);
      if (newline < 0) {
        this.carry = concatBytes(this.carry, chunk);
        return null;
      }
      const joined = concatBytes(this.carry, chunk.subarray(0, newline + 1));
      this.carry = null;
      const issue = this.block(joined, 0, joined.length);
      if (issue !== null) return issue;
      start = newline + 1;
      const papa = this.switchedToPapa();
      if (papa !== null) return papa.push(chunk.subarray(start));
    }
    const last = chunk.lastIndexOf(NEWLINE);
    if (last >= start) {
      const issue = this.block(chunk, start, last + 1);
      if (issue !== null) return issue;
      start = last + 1;
      const papa = this.switchedToPapa();
      if (papa !== null) return papa.push(chunk.subarray(start));
    }
    if (start < chunk.length) this.carry = chunk.slice(start);
    this.reserveOnce(chunk.length);
    return null;
  }

  /** Re-reads the mode after `block`, which may have switched it (a read TS cannot narrow across calls). */
  private switchedToPapa(): PapaRows | null {
    return this.papa;
  }

  finish(): SampleIssue | null {
    if (this.papa === null && this.carry !== null) {
      const rest = this.carry;
      this.carry = null;
      const issue = this.block(rest, 0, rest.length);
      if (issue !== null) return issue;
    }
    const papa = this.switchedToPapa();
    return papa === null ? null : papa.finish();
  }

  /** Sizes the arrays once from the first chunk's annotations per byte and the expected input size. */
  private reserveOnce(bytes: number): void {
    this.consumed += bytes;
    const hint = this.options.sizeHint;
    if (this.reserved || hint === undefined || this.builder.length < 1000) return;
    this.reserved = true;
    const builder = this.builder;
    const scale = hint / this.consumed;
    builder.reserve(builder.length * scale * 1.05 + 1024);
    // Item ids: sized up front only when rows look grouped by item (few new ids per row), where the estimate
    // holds; a shuffled file would overestimate by its whole row count, so its table grows as it goes.
    const items = builder.items;
    if (items.size * 2 <= builder.length) items.reserve(items.size * scale * 1.05 + 1024);
  }

  /** Complete lines `buf[start..end)`; rows from the first one holding a quote on go to papaparse. */
  private block(buf: Uint8Array, start: number, end: number): SampleIssue | null {
    const quote = buf.indexOf(QUOTE, start);
    let fastEnd = end;
    if (quote >= 0 && quote < end) {
      fastEnd = quote === start ? start : Math.max(start, buf.lastIndexOf(NEWLINE, quote - 1) + 1);
    }
    const issue = this.scan(buf, start, fastEnd);
    if (issue !== null) return issue;
    if (fastEnd < end) {
      this.papa = this.startPapa();
      return this.papa.push(buf.subarray(fastEnd, end));
    }
    return null;
  }

  private startPapa(): PapaRows {
    return new PapaRows(this.dialect, this.line, (cells, line) => this.cellsRow(cells, line));
  }

  /**
   * Complete lines `buf[start..end)` (the last may lack its line break only at the end of input), split in
   * one pass over the bytes: field bounds go to `starts`/`ends`, each row to `longRow`/`wideRow`.
   */
  private scan(buf: Uint8Array, start: number, end: number): SampleIssue | null {
    if (this.plan.kind === 'long') return this.scanLong(buf, start, end, this.plan);
    const delimiter = this.delimiter;
    const width = this.width;
    const starts = this.starts;
    const ends = this.ends;
    let line = this.line;
    let fields = 0;
    let lineStart = start;
    let fieldStart = start;
    for (let i = start; i <= end; i++) {
      const c = i < end ? buf[i] : NEWLINE;
      if (c === delimiter) {
        if (fields < width) {
          starts[fields] = fieldStart;
          ends[fields] = i;
        }
        fields++;
        fieldStart = i + 1;
        continue;
      }
      if (c !== NEWLINE) continue;
      if (i === end && lineStart === end) break;
      let stop = i;
      if (stop > lineStart && buf[stop - 1] === CARRIAGE_RETURN) stop--;
      if (stop > lineStart) {
        if (fields < width) {
          starts[fields] = fieldStart;
          ends[fields] = stop;
        }
        fields++;
        if (fields !== width) {
          this.line = line;
          return raggedIssue(line, width, fields);
        }
        this.rows++;
        const issue = this.wideRow(buf, line);
        if (issue !== null) {
          this.line = line;
          return issue;
        }
      }
      line++;
      fields = 0;
      lineStart = i + 1;
      fieldStart = i + 1;
    }
    this.line = line;
    return null;
  }

  /**
   * `scan` for long tables: each row's fields are found by tight loops between delimiters. While the item
   * ids arrive in sorted order (`ByteInterner`), which needs no hash lookups, a row is added at once;
   * otherwise rows wait in `batch` (kept untrimmed) and every `LONG_BATCH` rows `flushLong` interns them.
   * Batching lets the item lookups of many rows be in flight at once, which is what a file in random row
   * order (every lookup a cache miss in a table of millions of ids) needs.
   */
  private scanLong(
    buf: Uint8Array,
    start: number,
    end: number,
    plan: { readonly item: number; readonly annotator: number; readonly label: number },
  ): SampleIssue | null {
    const delimiter = this.delimiter;
    const width = this.width;
    const starts = this.starts;
    const ends = this.ends;
    const batch = this.batch;
    const builder = this.builder;
    const items = builder.items;
    const annotators = builder.annotators;
    const categories = builder.categories;
    const itemColumn = plan.item;
    const annotatorColumn = plan.annotator;
    const labelColumn = plan.label;
    let line = this.line;
    let rows = this.rows;
    let count = 0;
    let item = -1;
    let previousStart = 0;
    let previousEnd = -1;
    const words = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    let lineStart = start;
    while (lineStart < end) {
      let i = lineStart;
      let fields = 0;
      let fieldStart = i;
      for (;;) {
        let c = NEWLINE;
        while (i < end) {
          c = buf[i] ?? NEWLINE;
          if (c === delimiter || c === NEWLINE) break;
          i++;
        }
        if (i === end || c === NEWLINE) break;
        if (fields < width) {
          starts[fields] = fieldStart;
          ends[fields] = i;
        }
        fields++;
        i++;
        fieldStart = i;
      }
      let stop = i;
      if (stop > lineStart && buf[stop - 1] === CARRIAGE_RETURN) stop--;
      const rowLine = line;
      const blank = stop === lineStart;
      lineStart = i + 1;
      line++;
      if (blank) continue;
      if (fields < width) {
        starts[fields] = fieldStart;
        ends[fields] = stop;
      }
      fields++;
      if (fields !== width) {
        this.rows = rows;
        return this.flushLong(buf, count, plan) ?? raggedIssue(rowLine, width, fields);
      }
      rows++;
      if (count === 0 && items.ordered) {
        // Rows are added at once here, in the loop itself (one function for the JIT to optimize early).
        let labelEnd = ends[labelColumn] ?? 0;
        const labelStart = trimmedStart(buf, starts[labelColumn] ?? 0, labelEnd);
        labelEnd = trimmedEnd(buf, labelStart, labelEnd);
        if (isMissingCellBytes(buf, labelStart, labelEnd)) {
          builder.noteMissingBytes(buf, labelStart, labelEnd);
          continue;
        }
        let itemEnd = ends[itemColumn] ?? 0;
        const itemStart = trimmedStart(buf, starts[itemColumn] ?? 0, itemEnd);
        itemEnd = trimmedEnd(buf, itemStart, itemEnd);
        let annotatorEnd = ends[annotatorColumn] ?? 0;
        const annotatorStart = trimmedStart(buf, starts[annotatorColumn] ?? 0, annotatorEnd);
        annotatorEnd = trimmedEnd(buf, annotatorStart, annotatorEnd);
        if (itemStart === itemEnd || annotatorStart === annotatorEnd) {
          this.rows = rows;
          return itemStart === itemEnd
            ? emptyIdIssue(rowLine, itemColumn + 1, 'item', this.header[itemColumn] ?? '')
            : emptyIdIssue(rowLine, annotatorColumn + 1, 'annotator', this.header[annotatorColumn] ?? '');
        }
        // Rows grouped by item repeat the previous row's item: compared here, they skip the interner.
        const same =
          itemEnd - itemStart === previousEnd - previousStart &&
          sameBytes(words, buf, itemStart, previousStart, itemEnd - itemStart);
        if (!same) item = items.intern(buf, itemStart, itemEnd);
        previousStart = itemStart;
        previousEnd = itemEnd;
        const category = categories.intern(buf, labelStart, labelEnd);
        builder.noteCategory(category, rowLine, labelColumn + 1);
        builder.add(item, annotators.intern(buf, annotatorStart, annotatorEnd), category, rowLine);
        continue;
      }
      previousEnd = -1;
      const at = count * BATCH_FIELDS;
      batch[at] = starts[itemColumn] ?? 0;
      batch[at + 1] = ends[itemColumn] ?? 0;
      batch[at + 2] = starts[annotatorColumn] ?? 0;
      batch[at + 3] = ends[annotatorColumn] ?? 0;
      batch[at + 4] = starts[labelColumn] ?? 0;
      batch[at + 5] = ends[labelColumn] ?? 0;
      batch[at + 6] = rowLine;
      count++;
      if (count === LONG_BATCH) {
        const issue = this.flushLong(buf, count, plan);
        if (issue !== null) {
          this.rows = rows;
          return issue;
        }
        count = 0;
      }
    }
    this.line = line;
    this.rows = rows;
    return this.flushLong(buf, count, plan);
  }

  /**
   * Interns and adds the first `count` rows of `batch`, in order; the first issue stops it. First the item
   * of every row that does not repeat the previous row's is hashed and its table slot read, then the bytes
   * that slot points to, so those cache misses overlap; only then are the rows interned one by one.
   */
  private flushLong(
    buf: Uint8Array,
    count: number,
    plan: { readonly item: number; readonly annotator: number; readonly label: number },
  ): SampleIssue | null {
    const batch = this.batch;
    const hashes = this.batchHashes;
    const builder = this.builder;
    const items = builder.items;
    const annotators = builder.annotators;
    const categories = builder.categories;
    for (let r = 0; r < count; r++) {
      const at = r * BATCH_FIELDS;
      for (let f = at; f < at + 6; f += 2) {
        let s = batch[f] ?? 0;
        let e = batch[f + 1] ?? 0;
        while (s < e && isSpaceByte(buf[s] ?? 0)) s++;
        while (e > s && isSpaceByte(buf[e - 1] ?? 0)) e--;
        batch[f] = s;
        batch[f + 1] = e;
      }
    }
    // A row whose item bytes equal the previous kept row's (grouped files) reuses its id unhashed.
    const repeats = this.batchRepeats;
    hashes.fill(0, 0, count);
    let touched = 0;
    let previousStart = 0;
    let previousEnd = -1;
    for (let r = 0; r < count; r++) {
      const at = r * BATCH_FIELDS;
      if (isMissingCellBytes(buf, batch[at + 4] ?? 0, batch[at + 5] ?? 0)) continue;
      const s = batch[at] ?? 0;
      const e = batch[at + 1] ?? 0;
      const len = e - s;
      let same = len === previousEnd - previousStart;
      for (let k = 0; same && k < len; k++) same = buf[s + k] === buf[previousStart + k];
      repeats[r] = same ? 1 : 0;
      previousStart = s;
      previousEnd = e;
      if (!same) hashes[r] = hashBytes(buf, s, e);
    }
    // Tight loops of independent loads, so that many rows' misses are in flight together; only kept rows
    // that do not repeat need them, but touching the others too costs less than a branch per row.
    for (let r = 0; r < count; r++) touched += items.touchSlot(hashes[r] ?? 0);
    for (let r = 0; r < count; r++) touched += items.touchBytes(hashes[r] ?? 0);
    this.sink = touched;

    let item = -1;
    for (let r = 0; r < count; r++) {
      const at = r * BATCH_FIELDS;
      const labelStart = batch[at + 4] ?? 0;
      const labelEnd = batch[at + 5] ?? 0;
      // Counted here, not in the hashing loop above, which checks the same rows.
      if (isMissingCellBytes(buf, labelStart, labelEnd)) {
        builder.noteMissingBytes(buf, labelStart, labelEnd);
        continue;
      }
      const line = batch[at + 6] ?? 0;
      const itemStart = batch[at] ?? 0;
      const itemEnd = batch[at + 1] ?? 0;
      if (itemStart === itemEnd)
        return emptyIdIssue(line, plan.item + 1, 'item', this.header[plan.item] ?? '');
      const annotatorStart = batch[at + 2] ?? 0;
      const annotatorEnd = batch[at + 3] ?? 0;
      if (annotatorStart === annotatorEnd) {
        return emptyIdIssue(line, plan.annotator + 1, 'annotator', this.header[plan.annotator] ?? '');
      }
      if (repeats[r] === 0) item = items.internHashed(buf, itemStart, itemEnd, hashes[r] ?? 0);
      const category = categories.intern(buf, labelStart, labelEnd);
      builder.noteCategory(category, line, plan.label + 1);
      builder.add(item, annotators.intern(buf, annotatorStart, annotatorEnd), category, line);
    }
    return null;
  }

  /** Trims field `f` of ASCII whitespace in place; returns its length. */
  private trimField(buf: Uint8Array, f: number): number {
    let s = this.starts[f] ?? 0;
    let e = this.ends[f] ?? 0;
    while (s < e && isSpaceByte(buf[s] ?? 0)) s++;
    while (e > s && isSpaceByte(buf[e - 1] ?? 0)) e--;
    this.starts[f] = s;
    this.ends[f] = e;
    return e - s;
  }

  private wideRow(buf: Uint8Array, line: number): SampleIssue | null {
    const itemColumn = this.plan.item;
    const builder = this.builder;
    const starts = this.starts;
    const ends = this.ends;
    let item = -1;
    for (let column = 0; column < this.width; column++) {
      if (column === itemColumn) continue;
      this.trimField(buf, column);
      if (isMissingCellBytes(buf, starts[column] ?? 0, ends[column] ?? 0)) {
        builder.noteMissingBytes(buf, starts[column] ?? 0, ends[column] ?? 0);
        continue;
      }
      if (item < 0) {
        if (this.trimField(buf, itemColumn) === 0) {
          return emptyIdIssue(line, itemColumn + 1, 'item', this.header[itemColumn] ?? '');
        }
        item = builder.items.intern(buf, starts[itemColumn] ?? 0, ends[itemColumn] ?? 0);
      }
      const category = builder.categories.intern(buf, starts[column] ?? 0, ends[column] ?? 0);
      builder.noteCategory(category, line, column + 1);
      builder.add(item, this.annotatorOfColumn(column), category, line);
    }
    return null;
  }

  private annotatorOfColumn(column: number): number {
    const known = this.columnAnnotator[column] ?? -1;
    if (known >= 0) return known;
    const name = this.header[column] || `column ${column + 1}`;
    const id = this.builder.annotators.internString(name);
    this.columnAnnotator[column] = id;
    return id;
  }

  /** The same row logic over cells from papaparse. */
  private cellsRow(cells: readonly string[], line: number): SampleIssue | null {
    if (cells.length === 1 && (cells[0] === '' || cells[0] === '\r')) return null;
    if (cells.length !== this.width) return raggedIssue(line, this.width, cells.length);
    this.rows++;
    const builder = this.builder;
    const plan = this.plan;
    const itemName = trimAscii(cells[plan.item] ?? '');
    if (plan.kind === 'long') {
      const label = trimAscii(cells[plan.label] ?? '');
      if (isMissingCell(label)) {
        builder.noteMissingText(label);
        return null;
      }
      if (itemName === '') return emptyIdIssue(line, plan.item + 1, 'item', this.header[plan.item] ?? '');
      const annotator = trimAscii(cells[plan.annotator] ?? '');
      if (annotator === '') {
        return emptyIdIssue(line, plan.annotator + 1, 'annotator', this.header[plan.annotator] ?? '');
      }
      builder.addStrings(itemName, annotator, label, line, plan.label + 1);
      return null;
    }
    let item = -1;
    for (let column = 0; column < this.width; column++) {
      if (column === plan.item) continue;
      const label = trimAscii(cells[column] ?? '');
      if (isMissingCell(label)) {
        builder.noteMissingText(label);
        continue;
      }
      if (item < 0) {
        if (itemName === '') return emptyIdIssue(line, plan.item + 1, 'item', this.header[plan.item] ?? '');
        item = builder.items.internString(itemName);
      }
      const category = builder.categories.internString(label);
      builder.noteCategory(category, line, column + 1);
      builder.add(item, this.annotatorOfColumn(column), category, line);
    }
    return null;
  }
}

interface PapaChunkResult {
  readonly data: string[][];
  readonly errors: readonly { readonly code: string; readonly message: string; readonly row?: number }[];
  readonly meta: { readonly cursor: number };
}

/** Streams text through papaparse's low-level parser, keeping the unfinished last row for the next chunk. */
export class PapaRows {
  private readonly decoder = new TextDecoder();
  private readonly parser: Papa.Parser;
  private rest = '';

  constructor(
    dialect: { readonly delimiter: Delimiter; readonly newline: '\n' | '\r' },
    private line: number,
    private readonly onRow: (cells: readonly string[], line: number) => SampleIssue | null,
  ) {
    this.parser = new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.newline });
  }

  push(chunk: Uint8Array): SampleIssue | null {
    return this.run(this.rest + this.decoder.decode(chunk, { stream: true }), true);
  }

  finish(): SampleIssue | null {
    return this.run(this.rest + this.decoder.decode(), false);
  }

  private run(text: string, more: boolean): SampleIssue | null {
    const result = this.parser.parse(text, 0, more) as PapaChunkResult;
    const firstError = result.errors[0];
    const errorRow = firstError === undefined ? -1 : (firstError.row ?? 0);
    const rows = result.data;
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r] ?? [];
      if (r === errorRow && firstError !== undefined) {
        return {
          code: 'invalid_record',
          message: `Line ${this.line}: malformed quoting (${firstError.message}).`,
          line: this.line,
          // An unterminated quote runs to the end of the input, so it opened the row's last field.
          ...(firstError.code === 'MissingQuotes' ? { column: cells.length } : {}),
        };
      }
      const issue = this.onRow(cells, this.line);
      if (issue !== null) return issue;
      this.line += 1 + countNewlines(cells);
    }
    if (errorRow >= rows.length && firstError !== undefined) {
      return {
        code: 'invalid_record',
        message: `Line ${this.line}: malformed quoting (${firstError.message}).`,
        line: this.line,
      };
    }
    this.rest = more ? text.slice(result.meta.cursor) : '';
    return null;
  }
}
