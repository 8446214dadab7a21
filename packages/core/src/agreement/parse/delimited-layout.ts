/**
 * A delimited file's dialect and layout, from its first lines: the header, the delimiter (`,`, tab or `;`,
 * or an Excel `sep=` hint) and whether the table is long (item, annotator, label) or wide (item, one column
 * per annotator), with the role of each column. The rows themselves are read by `DelimitedRows`.
 */
import { err, ok, type Result } from '../../shared';
import type { SampleIssue } from '../types';
import { listHeaders, mapColumns, missingColumnIssue } from './columns';
import { splitQuotedLine } from './papa-rows';
import { isSpaceByte, trimAscii } from './text';
import type { ColumnMapping, ColumnRole, Delimiter, ParseOptions } from './types';

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const _QUOTE = 34;
const DELIMITERS: readonly Delimiter[] = [',', '\t', ';'];
const SEPARATOR_HINT = /^"?sep=([,;\t])"?\r?$/;

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
  const cells = text.includes('"') ? splitQuotedLine(text, delimiter) : text.split(delimiter);
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
