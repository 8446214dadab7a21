import type { Result } from '../../shared';
import type { Framing } from '../framing';
import type { EncodedSample, MeasurementLevel, SampleIssue } from '../types';
import type { SampleContinuation } from './delimited-rows';
import type { SampleTail } from './tail';

/** The file shapes Raisin reads a labeled sample from. */
export type SampleFormat = 'long' | 'wide' | 'jsonl' | 'labelstudio' | 'prodigy';

export const SAMPLE_FORMATS = [
  'long',
  'wide',
  'jsonl',
  'labelstudio',
  'prodigy',
] as const satisfies readonly SampleFormat[];

/** The three roles a long table's columns (or a JSON record's keys) play. */
export type ColumnRole = 'item' | 'annotator' | 'label';

export const COLUMN_ROLES = ['item', 'annotator', 'label'] as const satisfies readonly ColumnRole[];

/** What to do with a repeated (item, annotator) pair whose labels conflict. Identical repeats always collapse. */
export type DuplicatePolicy = 'error' | 'first' | 'last';

export type Delimiter = ',' | '\t' | ';';

export interface ParseOptions {
  /** `auto` (the default) detects the format from the first bytes. */
  readonly format?: SampleFormat | 'auto';
  /** Column (or JSON key) names for the roles, when the synonyms do not find them. */
  readonly columns?: Readonly<Partial<Record<ColumnRole, string>>>;
  /** `interval`/`ratio` require numeric labels; `ordinal` requires numeric labels or `order`. */
  readonly level?: MeasurementLevel;
  /** Declared ordinal order of string labels; a label outside it is an `unknown_category` error. */
  readonly order?: readonly string[];
  /** Default `error`. */
  readonly duplicates?: DuplicatePolicy;
  /** Refuse inputs larger than this many bytes (`file_too_large`). */
  readonly maxBytes?: number;
  /** Forces the delimiter of CSV/TSV input instead of detecting it. */
  readonly delimiter?: Delimiter;
  /** Expected input size in bytes (e.g. the file size), used only to size buffers up front. */
  readonly sizeHint?: number;
  /**
   * `auto` uses the byte-level fast path for unquoted rows and papaparse from the first quoted row on;
   * `papaparse` sends every row through papaparse (for tests and benchmarks that compare the two).
   */
  readonly csvEngine?: 'auto' | 'papaparse';
}

/** The columns a long table (or JSON records) were read from. */
export interface ColumnMapping {
  readonly item: string;
  readonly annotator: string;
  readonly label: string;
}

export interface ParsedSample {
  readonly sample: EncodedSample;
  readonly format: SampleFormat;
  /** Long tables and JSON Lines: the column or key each role was read from. */
  readonly columns?: ColumnMapping;
  /** Conflicting repeats of an (item, annotator) pair dropped under `duplicates: 'first' | 'last'`. */
  readonly duplicatesResolved: number;
  /**
   * CSV/TSV cells that were not empty but spelled a missing value (`NA`, `N/A`, `NaN`, `null`…) and were read
   * as missing annotations, counted per spelling as written, e.g. `{ NA: 37, 'N/A': 2 }`; empty when none
   * (always for JSON formats, where such text is a label).
   */
  readonly missingSpellings: Readonly<Record<string, number>>;
}

/**
 * What a report says about how its sample was read: the CLI's `--json` carries it as `source`, and a
 * stored report keeps it, so the note on cells read as missing survives beside the numbers.
 */
export type SampleSource = Pick<ParsedSample, 'format' | 'duplicatesResolved' | 'missingSpellings'> & {
  /** Prodigy answers to manual tasks that are not annotations (`reject`, `ignore`), when any were read. */
  readonly skipped?: { readonly reject: number; readonly ignore: number };
  /** The question (Label Studio control) the top-level keys describe, when the export holds several or one was chosen. */
  readonly control?: string;
};

/** A push parser for uploads and files read in chunks. */
export interface SampleParser {
  /** Feeds the next bytes. The chunk may be reused by the caller once this returns. */
  push(chunk: Uint8Array): void;
  /** Ends the input and returns the sample, or the first issue met. */
  finish(): Result<ParsedSample, SampleIssue>;
  /** Bytes pushed so far. */
  readonly bytesRead: number;
  /** The first issue met so far (parsing stops at it), so a reader can stop early. */
  readonly issue: SampleIssue | null;
  /** Whether every item id so far came in sorted order (bytewise, or shorter first), as in most exports. */
  readonly itemsInOrder: boolean;
  /**
   * Once a delimited file's layout is known and no quote was met: what `createTailParser` needs to read the
   * rows from a later line break on, elsewhere; otherwise `null`.
   */
  continuation(): SampleContinuation | null;
  /**
   * Takes in the rows a tail parser read from right after the bytes pushed so far, which must end on a line
   * break. False when it cannot (the tail was refused, or the bytes so far met a quote or an issue): then push
   * those bytes here instead.
   */
  absorbTail(tail: SampleTail): boolean;
}

/** What a UI needs to ask the user to map columns before parsing the whole file. */
export interface SamplePreview {
  readonly format: SampleFormat;
  readonly delimiter?: Delimiter;
  /** CSV/TSV header; for JSON formats, the keys of the first record (or `item, annotator, label`). */
  readonly header: readonly string[];
  /** The first rows (at most 20), as cells (JSON formats: item, annotator, label). */
  readonly rows: readonly (readonly string[])[];
  /** The column found for each role; `null` when it could not be mapped. */
  readonly columns: Readonly<Record<ColumnRole, string | null>>;
  /** Roles left without a column (empty when the file can be parsed as is). */
  readonly unmapped: readonly ColumnRole[];
  /** Wide tables: the annotator columns. */
  readonly annotatorColumns?: readonly string[];
  /**
   * CSV/TSV: the first row, within the preview's bytes, whose field count differs from the header's,
   * with the sentence the upload would refuse it with, so the preview says so before any upload.
   */
  readonly ragged?: { readonly line: number; readonly message: string };
  /**
   * Label Studio: the questions (controls, by `from_name`) of the previewed tasks with the framing their
   * results imply, in first-seen order, so the user picks the one to lead with; absent when unreadable.
   */
  readonly controls?: readonly { readonly name: string; readonly framing: Framing }[];
}
