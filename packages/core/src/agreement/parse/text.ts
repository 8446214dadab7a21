/** Small text helpers shared by the parsers; whitespace means ASCII whitespace everywhere, on bytes and strings alike. */

const EDGE_SPACE = /^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g;

/** Trims ASCII whitespace only, exactly as the byte-level fast path does, so both paths agree. */
export function trimAscii(value: string): string {
  return value.replace(EDGE_SPACE, '');
}

/**
 * How CSV/TSV exports spell a missing value besides an empty cell: R's `NA`, pandas' `NaN`/`nan`, SQL's
 * `NULL`/`null`, Excel's `#N/A`, `N/A`. Such a cell is no annotation, not a category of its own (a category
 * "NA" would otherwise turn every missing label into agreement). `None` is left out: it is a common real
 * category ("no entity"). JSON inputs have `null` for this, so these spellings are read there as labels.
 */
export const MISSING_SPELLINGS: readonly string[] = [
  'NA',
  'N/A',
  'n/a',
  '#N/A',
  '#NA',
  '<NA>',
  'NaN',
  'nan',
  'NULL',
  'null',
  'Null',
];
/** Each spelling as its bytes packed into one number (they are ASCII and at most 4 bytes long). */
const MISSING_CODES = MISSING_SPELLINGS.map((spelling) => {
  let code = 0;
  for (let k = 0; k < spelling.length; k++) code = code * 256 + spelling.charCodeAt(k);
  return code;
});

/** Which bytes start a spelling: most labels (`0`, `pos`, `PER`) are ruled out by their first byte alone. */
const MISSING_FIRST_BYTE = new Uint8Array(256);
for (const spelling of MISSING_SPELLINGS) MISSING_FIRST_BYTE[spelling.charCodeAt(0)] = 1;
const MISSING_MIN_LENGTH = Math.min(...MISSING_SPELLINGS.map((spelling) => spelling.length));

/** Whether an (already trimmed) delimited cell holds no label: empty, or a missing-value spelling. */
export function isMissingCell(text: string): boolean {
  return text === '' || (text.length <= 4 && MISSING_SPELLINGS.includes(text));
}

/** `isMissingCell` on the trimmed bytes `buf[start..end)`, without building a string (it runs on every cell). */
export function isMissingCellBytes(buf: Uint8Array, start: number, end: number): boolean {
  const length = end - start;
  if (length === 0) return true;
  if (length > 4 || length < MISSING_MIN_LENGTH || MISSING_FIRST_BYTE[buf[start] ?? 0] === 0) return false;
  let code = 0;
  for (let k = start; k < end; k++) code = code * 256 + (buf[k] ?? 0);
  return MISSING_CODES.includes(code);
}

/**
 * Which of `MISSING_SPELLINGS` the trimmed bytes `buf[start..end)` spell, or -1 (also for an empty cell).
 * Called only on cells `isMissingCellBytes` accepted, to count them, so it stays off the per-cell path.
 */
export function missingSpellingIndexBytes(buf: Uint8Array, start: number, end: number): number {
  const length = end - start;
  if (length === 0 || length > 4) return -1;
  let code = 0;
  for (let k = start; k < end; k++) code = code * 256 + (buf[k] ?? 0);
  return MISSING_CODES.indexOf(code);
}

/** `missingSpellingIndexBytes` on an (already trimmed) string cell. */
export function missingSpellingIndex(text: string): number {
  return text === '' ? -1 : MISSING_SPELLINGS.indexOf(text);
}

export function isSpaceByte(byte: number): boolean {
  return byte === 32 || (byte >= 9 && byte <= 13);
}

/** Where `buf[start..end)` starts once leading ASCII whitespace is skipped (`end` when all blank). */
export function trimmedStart(buf: Uint8Array, start: number, end: number): number {
  while (start < end && isSpaceByte(buf[start] ?? 0)) start++;
  return start;
}

/** Where `buf[start..end)` ends once trailing ASCII whitespace is dropped (`start` when all blank). */
export function trimmedEnd(buf: Uint8Array, start: number, end: number): number {
  while (end > start && isSpaceByte(buf[end - 1] ?? 0)) end--;
  return end;
}

/**
 * Whether `buf[a..a + length)` and `buf[b..b + length)` hold the same bytes; `words` views `buf`. Compares
 * 4 bytes at a time: ids of 4 to 8 bytes take two overlapping word compares and no loop.
 */
export function sameBytes(words: DataView, buf: Uint8Array, a: number, b: number, length: number): boolean {
  if (length < 4) {
    for (let k = 0; k < length; k++) if (buf[a + k] !== buf[b + k]) return false;
    return true;
  }
  const last = length - 4;
  for (let k = 0; k < last; k += 4) if (words.getInt32(a + k) !== words.getInt32(b + k)) return false;
  return words.getInt32(a + last) === words.getInt32(b + last);
}

export function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** 1-based line of a character offset in a text. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Line and column (1-based) of a character offset in a text. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  return { line: lineAt(text, offset), column: offset - text.lastIndexOf('\n', offset - 1) };
}

export function countNewlines(values: readonly string[]): number {
  let n = 0;
  for (const value of values) for (let i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) n++;
  return n;
}
