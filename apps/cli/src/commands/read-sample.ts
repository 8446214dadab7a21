/** Feeds a file (or stdin for `-`) into the streaming sample parser in fixed-size chunks. */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
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
