import type { SampleIssue } from '../types';
import type { SampleBuilder, SamplePart } from './builder';
import { hashBytes } from './byte-interner';
import type { DelimitedPlan } from './delimited-layout';
import { PapaRows } from './papa-rows';
import {
  concatBytes,
  isMissingCell,
  isMissingCellBytes,
  isSpaceByte,
  sameBytes,
  trimAscii,
  trimmedEnd,
  trimmedStart,
} from './text';
import type { Delimiter } from './types';

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const QUOTE = 34;
/** Long rows interned together (see `scanLong`): enough to overlap many cache misses, few enough to stay in L1. */
const LONG_BATCH = 64;
const BATCH_FIELDS = 7;

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

/** Where a delimited file's rows may be read on from (`DelimitedRows.continuation`); plain data, for `postMessage`. */
export interface SampleContinuation {
  readonly plan: DelimitedPlan;
  readonly header: readonly string[];
  readonly delimiter: Delimiter;
}

/** Rows read from the middle of a file on (`DelimitedRows.tail`), lines counted from 1 there. */
export interface DelimitedTail {
  readonly part: SamplePart;
  readonly rows: number;
  readonly lines: number;
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

  /**
   * Whether every row so far went through the fast path and the input ended on a line break: then the rows
   * that follow may be read elsewhere (`createTailParser`) and `absorb`ed. A quote sends rows to papaparse,
   * and a quoted field may hold line breaks, so no line break after one is known to end a row.
   */
  get atRowBoundary(): boolean {
    return this.fastPath && this.carry === null;
  }

  /** Whether no quote was met yet (every row so far was split by the fast path). */
  get fastPath(): boolean {
    return this.papa === null;
  }

  /** What reading the rows that follow needs: the layout and the header, not the rows so far. */
  continuation(): SampleContinuation {
    return { plan: this.plan, header: this.header, delimiter: this.dialect.delimiter };
  }

  /** Takes in the rows another reader read from right after these (see `atRowBoundary`). */
  absorb(tail: DelimitedTail): void {
    this.builder.absorb(tail.part, this.line - 1);
    this.rows += tail.rows;
    this.line += tail.lines;
  }

  /** The rows read, for `absorb`: its line numbers count from 1 at the first byte it was given. */
  tail(): DelimitedTail | null {
    if (!this.atRowBoundary) return null;
    return { part: this.builder.exportPart(), rows: this.rows, lines: this.line - 1 };
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
