/** Feeds a file (or stdin for `-`) into the streaming sample parser in fixed-size chunks. */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import {
  createSampleParser,
  type ParsedSample,
  type ParseOptions,
  type Result,
  type SampleIssue,
  type SampleTail,
} from '@raisin/core';
import type { TailRequest } from '../helper-thread';

const CHUNK_BYTES = 1 << 20;
/** The part of a split file this thread reads (see `splitPoint`); measured with `npm run bench -- agreement`. */
const SPLIT_SHARE = 0.5;

/** A file's sample, and whether the helper thread read part of it. */
export interface ReadSample {
  readonly parsed: Result<ParsedSample, SampleIssue>;
  readonly threads: 1 | 2;
}

/**
 * Reads a sample from `path` (or stdin for `-`). With `readTail`, a large file's second half is read by the
 * helper thread (`helper-thread.ts`) while this one reads the first.
 */
export async function readSample(
  path: string,
  options: ParseOptions,
  readTail?: (request: TailRequest) => Promise<SampleTail>,
): Promise<ReadSample> {
  if (path === '-') {
    const parser = createSampleParser(options);
    for await (const chunk of process.stdin) {
      parser.push(chunk instanceof Uint8Array ? chunk : new TextEncoder().encode(String(chunk)));
      if (parser.issue !== null) break;
    }
    return { parsed: parser.finish(), threads: 1 };
  }
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const max = options.maxBytes;
    if (max !== undefined && size > max) {
      const message = `The file is ${size} bytes, over the limit of ${max} bytes.`;
      return { parsed: { ok: false, error: { code: 'file_too_large', message } }, threads: 1 };
    }
    const split = readTail === undefined ? size : splitPoint(fd, size);
    const parser = createSampleParser({ sizeHint: size, ...options });
    const buffer = new Uint8Array(CHUNK_BYTES);
    let tail: Promise<SampleTail> | null = null;
    let position = 0;
    // This thread reads up to `split`; once the layout is known the worker is asked for the rest, if the item
    // ids arrive in order. In a shuffled file both halves hold most ids, and two threads probing id tables
    // larger than the cache slow each other down: measured, a 97 MB shuffled file took 1.60 s instead of 1.37.
    while (position < split) {
      const read = readSync(fd, buffer, 0, Math.min(CHUNK_BYTES, split - position), position);
      if (read === 0) break;
      position += read;
      parser.push(buffer.subarray(0, read));
      if (parser.issue !== null) return { parsed: parser.finish(), threads: 1 };
      if (tail === null && readTail !== undefined && split < size && parser.itemsInOrder) {
        const continuation = parser.continuation();
        if (continuation !== null) tail = readTail({ path, from: split, continuation });
      }
    }
    // The tail's arrays are let go once taken in, so that they can be freed before the sample is built.
    const absorbed = tail !== null && parser.absorbTail(await tail);
    tail = null;
    if (absorbed) return { parsed: parser.finish(), threads: 2 };
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK_BYTES, position);
      if (read === 0) break;
      position += read;
      parser.push(buffer.subarray(0, read));
      if (parser.issue !== null) break;
    }
    return { parsed: parser.finish(), threads: 1 };
  } finally {
    closeSync(fd);
  }
}

/**
 * Where the worker starts reading: just after the first line break past `SPLIT_SHARE` of the file, or the
 * file's end when there is none. Half and half: the worker, started before the file is read, has loaded by
 * the time the layout is known, and on the bench's 10M-cell file it was done before this thread.
 */
function splitPoint(fd: number, size: number): number {
  const probe = new Uint8Array(64 * 1024);
  let position = Math.floor(size * SPLIT_SHARE);
  while (position < size) {
    const read = readSync(fd, probe, 0, probe.length, position);
    if (read === 0) break;
    const newline = probe.subarray(0, read).indexOf(10);
    if (newline >= 0) return position + newline + 1;
    position += read;
  }
  return size;
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
