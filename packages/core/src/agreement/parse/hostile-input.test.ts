/**
 * Hostile input for the sample parsers: whatever the bytes, every entry point returns a Result (a sample, or
 * an issue with a known code, a message and a 1-based line/column) and never throws or hangs.
 */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../shared';
import { FRAMINGS } from '../framing';
import type { SampleIssue, SampleIssueCode } from '../types';
import { createSampleParser, type ParseOptions, parseSample, previewSample, SAMPLE_FORMATS } from './index';
import { parseFramedSample } from './parse-framed';

const ISSUE_CODES: readonly SampleIssueCode[] = [
  'empty_file',
  'header_only',
  'unknown_format',
  'ragged_row',
  'missing_column',
  'invalid_json',
  'invalid_record',
  'duplicate_conflict',
  'non_numeric_label',
  'unknown_category',
  'too_few_annotators',
  'no_pairable_item',
  'file_too_large',
  'not_text',
  'mixed_framing',
  'unknown_framing',
  'unknown_control',
];

function expectCleanResult(result: Result<unknown, SampleIssue>): void {
  if (result.ok) return;
  const { code, message, line, column } = result.error;
  expect(ISSUE_CODES).toContain(code);
  expect(typeof message).toBe('string');
  expect(message.length).toBeGreaterThan(0);
  if (line !== undefined) expect(Number.isInteger(line) && line >= 1).toBe(true);
  if (column !== undefined) expect(Number.isInteger(column) && column >= 1).toBe(true);
}

const OPTION_VARIANTS: readonly ParseOptions[] = [
  {},
  { csvEngine: 'papaparse' },
  { level: 'interval' },
  { duplicates: 'last' },
  { delimiter: ';' },
  { columns: { item: '__proto__', annotator: 'constructor', label: 'toString' } },
  ...SAMPLE_FORMATS.map((format) => ({ format })),
];

/** Fragments that hit the parsers' special cases: delimiters, quotes, line breaks, BOMs, NUL, bad UTF-8, JSON. */
const TOKENS = [
  ',',
  '\t',
  ';',
  '"',
  '""',
  '\n',
  '\r\n',
  '\r',
  '\0',
  '\uFEFF',
  'item',
  'annotator',
  'label',
  'coder',
  '1',
  '-0',
  'NaN',
  '1e999',
  'x',
  '{',
  '}',
  '[',
  ']',
  ':',
  '"item":',
  '"label":[',
  '"annotations":[',
  '"__proto__":',
  '"_input_hash":',
  '\u{1F600}',
  ' ',
].map((token) => new TextEncoder().encode(token));
const RAW = [
  [0xef, 0xbb, 0xbf],
  [0xff],
  [0xc3],
  [0xe2, 0x82],
  [0xed, 0xa0, 0x80],
  [0x1f, 0x8b],
  [0x50, 0x4b, 3, 4],
].map((bytes) => Uint8Array.from(bytes));

const hostileBytes = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc
    .array(fc.constantFrom(...TOKENS, ...RAW), { maxLength: 80 })
    .map((parts) => Uint8Array.from(parts.flatMap((part) => [...part]))),
  fc.string({ unit: 'binary', maxLength: 200 }).map((text) => new TextEncoder().encode(text)),
);

/** Splits `bytes` at the given cut points, to feed a streaming parser piecewise. */
function chunksOf(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const point of points) {
    chunks.push(bytes.subarray(start, point));
    start = point;
  }
  chunks.push(bytes.subarray(start));
  return chunks;
}

function parseInChunks(chunks: readonly Uint8Array[], options: ParseOptions = {}) {
  const parser = createSampleParser(options);
  for (const chunk of chunks) parser.push(chunk);
  return parser.finish();
}

describe('sample parsers under arbitrary bytes', () => {
  it('return a sample or a clean issue, whole or streamed, for every format and option', () => {
    fc.assert(
      fc.property(
        hostileBytes,
        fc.constantFrom(...OPTION_VARIANTS),
        fc.array(fc.nat(), { maxLength: 6 }),
        (bytes, options, cuts) => {
          const whole = parseSample(bytes, options);
          expectCleanResult(whole);
          const streamed = parseInChunks(chunksOf(bytes, cuts), options);
          expectCleanResult(streamed);
          // Splitting the input never changes the answer.
          expect(streamed.ok).toBe(whole.ok);
          if (!whole.ok && !streamed.ok) expect(streamed.error.code).toBe(whole.error.code);
          expectCleanResult(previewSample(bytes, options));
        },
      ),
      { seed: 42, numRuns: 1500 },
    );
  });

  it('accept strings with lone surrogates and control characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expectCleanResult(parseSample(`item,annotator,label\n${text}`));
        expectCleanResult(parseSample(`{"item":1,"annotator":"a","label":${JSON.stringify(text)}}\n${text}`));
        expectCleanResult(previewSample(text));
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});

describe('the framed parser under hostile input', () => {
  it('returns framed samples or a clean issue for arbitrary bytes, every framing and format', () => {
    fc.assert(
      fc.property(
        hostileBytes,
        fc.constantFrom(undefined, ...FRAMINGS, 'nonsense'),
        fc.constantFrom(...OPTION_VARIANTS),
        (bytes, framing, options) => {
          expectCleanResult(
            parseFramedSample(bytes, { ...options, ...(framing === undefined ? {} : { framing }) }),
          );
        },
      ),
      { seed: 43, numRuns: 800 },
    );
  });

  it('survives Label Studio and Prodigy records whose values are replaced by arbitrary JSON', () => {
    const value = fc.jsonValue({ maxDepth: 3 });
    const result = (type: string, inner: unknown) => ({
      id: 'r',
      from_name: 'q',
      to_name: 'text',
      type,
      value: inner,
    });
    fc.assert(
      fc.property(
        fc.constantFrom(
          'choices',
          'labels',
          'rectanglelabels',
          'ranker',
          'pairwise',
          'number',
          'rating',
          'other',
        ),
        value,
        value,
        (type, inner, data) => {
          const tasks = [
            { id: 1, data, annotations: [{ completed_by: 1, result: [result(type, inner)] }] },
            {
              id: 2,
              data: { text: 'ab' },
              annotations: [{ completed_by: data, result: [result(type, { value: inner })] }],
            },
          ];
          expectCleanResult(parseFramedSample(JSON.stringify(tasks)));
          const prodigy = {
            text: data,
            image: inner,
            _input_hash: 1,
            _annotator_id: 'a',
            answer: 'accept',
            spans: inner,
            accept: data,
          };
          expectCleanResult(parseFramedSample(`${JSON.stringify(prodigy)}\n`, { format: 'prodigy' }));
        },
      ),
      { seed: 44, numRuns: 600 },
    );
  });
});

const MB = 1024 * 1024;

describe('sample parsers: targeted hostile files', () => {
  it('reads a 10 MB single field, unquoted and quoted, whole and in 64 KB chunks', () => {
    const big = 'x'.repeat(10 * MB);
    const encoder = new TextEncoder();
    for (const field of [big, `"${big}"`]) {
      const bytes = encoder.encode(`item,annotator,label\n1,a,${field}\n1,b,y\n2,a,y\n2,b,y\n`);
      const whole = parseSample(bytes);
      expect(whole.ok).toBe(true);
      if (whole.ok) expect(whole.value.sample.categories).toContain(big);
      const streamed = parseInChunks(chunksOf(bytes, range(64 * 1024, bytes.length, 64 * 1024)));
      expect(streamed.ok).toBe(true);
    }
  });

  it('reads a header of a million columns, or refuses it with a line number', () => {
    const columns = 1_000_000;
    const header = ['item', ...range(1, columns, 1).map((i) => `a${i}`)].join(',');
    const row = ['q1', ...range(1, columns, 1).map((i) => (i % 2 === 0 ? 'x' : 'y'))].join(',');
    const result = parseSample(`${header}\n${row}\n${row.replace('q1', 'q2')}\n`);
    expectCleanResult(result);
    expectCleanResult(previewSample(`${header}\n${row}\n`));
    const streamed = parseInChunks(
      chunksOf(
        new TextEncoder().encode(`${header}\n${row}\n`),
        range(1, 20, 1).map((i) => i * 65_536),
      ),
    );
    expectCleanResult(streamed);
  });

  it('refuses JSON nested 100,000 deep in every JSON format without overflowing the stack', () => {
    const depth = 100_000;
    const deepArray = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const deepObject = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const inputs = [
      deepArray,
      deepObject,
      `{"item":1,"annotator":"a","label":${deepArray}}\n{"item":1,"annotator":"b","label":"x"}\n`,
      `{"item":${deepObject},"annotator":"a","label":"x"}\n`,
      `{"_input_hash":1,"_annotator_id":"a","answer":"accept","accept":${deepArray}}\n`,
      `[{"id":1,"annotations":[{"completed_by":1,"result":[{"value":{"choices":${deepArray}}}]}]}]`,
      `[{"id":1,"annotations":[{"completed_by":${deepObject.replaceAll('"a"', '"email"')},"result":[]}]}]`,
    ];
    for (const input of inputs) {
      for (const format of ['auto', 'jsonl', 'prodigy', 'labelstudio'] as const) {
        expectCleanResult(parseSample(input, { format }));
      }
      expectCleanResult(previewSample(input));
    }
  });

  it('refuses invalid UTF-8 in ids cleanly and keeps valid rows', () => {
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode('item,annotator,label\n'),
      0xff,
      0xfe,
      ...new TextEncoder().encode(',a,x\n'),
      0xc3,
      ...new TextEncoder().encode(',b,x\n'),
    ]);
    for (const options of OPTION_VARIANTS) expectCleanResult(parseSample(bytes, options));
  });

  it('refuses a gzip or zip bomb renamed .csv as not a text file, without decompressing it', () => {
    // 100 MB of commas and newlines: were it inflated, it would parse as a huge ragged CSV.
    const gzip = gzipSync(Buffer.alloc(100 * MB, ',\n'), { level: 9 });
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, ...gzip.subarray(10)]);
    for (const bytes of [gzip, zip]) {
      for (const options of [
        {},
        { format: 'long' as const },
        { format: 'wide' as const },
        { delimiter: ',' as const },
      ]) {
        const result = parseSample(bytes, options);
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('not_text');
          expect(result.error.message).toMatch(/not a text file/i);
        }
      }
      const preview = previewSample(bytes);
      expect(preview.ok).toBe(false);
      if (!preview.ok) expect(preview.error.code).toBe('not_text');
    }
  });

  it('refuses a file with NUL bytes (UTF-16, binary) as not a text file', () => {
    const utf16 = Buffer.from('\uFEFFitem,annotator,label\n1,a,x\n1,b,x\n', 'utf16le');
    const result = parseSample(utf16);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('not_text');
  });
});

function range(start: number, end: number, step: number): number[] {
  const out: number[] = [];
  for (let i = start; i < end; i += step) out.push(i);
  return out;
}
