/** Format detection from the first bytes of an input. */
import { err, ok, type Result } from '../../shared';
import type { SampleIssue } from '../types';
import { type DelimitedHeader, type DelimitedPlan, planDelimited, sniffDelimited } from './delimited-layout';
import { isJsonObject } from './json';
import { isSpaceByte } from './text';
import type { ParseOptions } from './types';

const PRODIGY_KEYS = ['_input_hash', '_task_hash', '_annotator_id', '_session_id'];

export type Detection =
  | { readonly format: 'labelstudio' | 'jsonl' | 'prodigy' }
  | { readonly format: 'long' | 'wide'; readonly header: DelimitedHeader; readonly plan: DelimitedPlan };

const BINARY_SNIFF_BYTES = 64 * 1024;

/** Leading bytes of compressed archives people rename to .csv (gzip, zip, bzip2, xz, zstd, 7z). */
const ARCHIVE_MAGIC: readonly (readonly number[])[] = [
  [0x1f, 0x8b],
  [0x50, 0x4b, 0x03, 0x04],
  [0x42, 0x5a, 0x68],
  [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00],
  [0x28, 0xb5, 0x2f, 0xfd],
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c],
];

/**
 * Refuses binary input up front: an archive is never inflated (a zip bomb stays a few bytes), and a NUL
 * byte, which no UTF-8 text file holds, catches UTF-16 exports and other binaries before they parse as junk.
 */
export function notTextIssue(head: Uint8Array): SampleIssue | null {
  const archive = ARCHIVE_MAGIC.some((magic) => magic.every((byte, i) => head[i] === byte));
  // Only the first bytes, which every caller has before deciding, so chunking never changes the answer.
  if (!archive && head.subarray(0, BINARY_SNIFF_BYTES).indexOf(0) < 0) return null;
  return {
    code: 'not_text',
    message: archive
      ? 'This is not a text file: it looks like a compressed archive (zip, gzip…). Upload the uncompressed CSV, TSV or JSON file.'
      : 'This is not a text file: it contains NUL bytes (binary data, or UTF-16 text). Save it as UTF-8 CSV, TSV or JSON.',
  };
}

/** Bytes after a UTF-8 byte order mark. */
export function withoutBom(bytes: Uint8Array): Uint8Array {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

/** The JSON flavour of a text starting with `[` or `{`, or `null` for delimited text. */
export function detectJsonFormat(
  bytes: Uint8Array,
  complete: boolean,
): 'labelstudio' | 'jsonl' | 'prodigy' | null | 'more' {
  let first = 0;
  while (first < bytes.length && isSpaceByte(bytes[first] ?? 0)) first++;
  const c = bytes[first];
  if (c === 0x5b) return 'labelstudio';
  if (c !== 0x7b) return null;
  const end = bytes.indexOf(10, first);
  if (end < 0 && !complete) return 'more';
  let record: unknown;
  try {
    record = JSON.parse(new TextDecoder().decode(bytes.subarray(first, end < 0 ? bytes.length : end)));
  } catch {
    // A `{` line that is not a whole object is pretty-printed JSON: one Label Studio task.
    return 'labelstudio';
  }
  return isJsonObject(record) && PRODIGY_KEYS.some((key) => key in record) ? 'prodigy' : 'jsonl';
}

/**
 * Detects the format (or takes the one forced in `options`) and, for CSV/TSV, reads the header and maps its
 * columns. Returns `null` when more bytes are needed to decide.
 */
export function detectFormat(
  input: Uint8Array,
  complete: boolean,
  options: ParseOptions,
): Result<Detection, SampleIssue> | null {
  const binary = notTextIssue(input);
  if (binary !== null) return err(binary);
  const bytes = withoutBom(input);
  let first = 0;
  while (first < bytes.length && isSpaceByte(bytes[first] ?? 0)) first++;
  if (first === bytes.length) {
    return complete ? err({ code: 'empty_file', message: 'The file is empty.' }) : null;
  }
  const forced = options.format ?? 'auto';
  if (forced === 'labelstudio' || forced === 'jsonl' || forced === 'prodigy') return ok({ format: forced });
  if (forced === 'auto') {
    const json = detectJsonFormat(bytes, complete);
    if (json === 'more') return null;
    if (json !== null) return ok({ format: json });
  }
  const header = sniffDelimited(bytes, complete, options.delimiter);
  if (header === null) return null;
  if (!header.ok) return header;
  const plan = planDelimited(header.value.header, options, header.value.line);
  if (!plan.ok) return plan;
  return ok({ format: plan.value.kind, header: header.value, plan: plan.value });
}
