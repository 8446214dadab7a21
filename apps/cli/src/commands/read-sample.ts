/** Feeds a file (or stdin for `-`) into the streaming sample parser in fixed-size chunks. */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import {
  createSampleParser,
  type ParsedSample,
  type ParseOptions,
  type Result,
  type SampleIssue,
} from '@raisin/core';

const CHUNK_BYTES = 1 << 20;

export async function readSample(
  path: string,
  options: ParseOptions,
): Promise<Result<ParsedSample, SampleIssue>> {
  if (path === '-') {
    const parser = createSampleParser(options);
    for await (const chunk of process.stdin) {
      parser.push(chunk instanceof Uint8Array ? chunk : new TextEncoder().encode(String(chunk)));
      if (parser.issue !== null) break;
    }
    return parser.finish();
  }
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const max = options.maxBytes;
    if (max !== undefined && size > max) {
      return {
        ok: false,
        error: {
          code: 'file_too_large',
          message: `The file is ${size} bytes, over the limit of ${max} bytes.`,
        },
      };
    }
    const parser = createSampleParser({ sizeHint: size, ...options });
    const buffer = new Uint8Array(CHUNK_BYTES);
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (read === 0) break;
      parser.push(buffer.subarray(0, read));
      if (parser.issue !== null) break;
    }
    return parser.finish();
  } finally {
    closeSync(fd);
  }
}

/** All of standard input, for a batch that is pushed after it is scored. */
export async function readStdin(): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk instanceof Uint8Array ? chunk : new TextEncoder().encode(String(chunk)));
  }
  return Buffer.concat(chunks);
}

/** Whether a file starts (after spaces and a BOM) with `[` or `{`: a JSON export, read per question. */
export function looksLikeJson(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false; // the categorical reader reports the unreadable file
  }
  try {
    const head = new Uint8Array(256);
    const read = readSync(fd, head, 0, head.length, 0);
    const text = new TextDecoder()
      .decode(head.subarray(0, read))
      .replace(/^\uFEFF/, '')
      .trimStart();
    return text.startsWith('[') || text.startsWith('{');
  } finally {
    closeSync(fd);
  }
}

/** A whole file (or stdin), refusing one over `maxBytes`: exports are parsed per question, whole. */
export async function readWhole(path: string, maxBytes?: number): Promise<Uint8Array> {
  const bytes = path === '-' ? await readStdin() : readFileSync(path);
  if (maxBytes !== undefined && bytes.length > maxBytes) {
    throw new Error(`the input is ${bytes.length} bytes, over the limit of ${maxBytes} bytes`);
  }
  return bytes;
}
