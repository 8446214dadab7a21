import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REFERENCE_DATA_DIR as REFERENCE } from '../test-support';
import { createSampleParser, type ParseOptions, parseSample } from './index';
import { parsedView, plainSample, tripleSet, wideTables } from './test-support';

const referenceFiles = readdirSync(REFERENCE).filter((name) => name.endsWith('.csv'));

/** A parse's result as comparable plain data (or its issue's code and line). */
function view(result: ReturnType<typeof parseSample>) {
  return result.ok
    ? parsedView(result.value)
    : { ok: false as const, code: result.error.code, line: result.error.line };
}

/** Both engines' results on the same input (see `view`). */
function both(input: string | Uint8Array, options: ParseOptions = {}) {
  const engine = (csvEngine: 'auto' | 'papaparse') => view(parseSample(input, { ...options, csvEngine }));
  return { fast: engine('auto'), papa: engine('papaparse') };
}

/** The streaming parser's result on `text` pushed `chunk` bytes at a time (see `view`). */
function streamed(text: string, chunk: number, options: ParseOptions) {
  const bytes = new TextEncoder().encode(text);
  const parser = createSampleParser(options);
  for (let i = 0; i < bytes.length; i += chunk) parser.push(bytes.subarray(i, i + chunk));
  return view(parser.finish());
}

describe('byte-level fast path vs papaparse', () => {
  it.each(referenceFiles)('gives the identical EncodedSample on %s', (name) => {
    const { fast, papa } = both(readFileSync(join(REFERENCE, name)));
    expect(fast.ok).toBe(true);
    expect(fast).toEqual(papa);
  });

  const id = fc.stringMatching(/^[A-Za-z0-9_é-]{1,6}$/);
  // Missing spellings too, so both engines must also count the cells they read as missing alike.
  const label = fc.oneof(
    fc.constantFrom('', ' ', 'x', 'yes', 'no', ' 1', '2 ', '3.0', '-1', 'NA', ' N/A', 'null ', '#N/A'),
    id,
  );
  const row = fc.tuple(id, id, label);

  it('gives identical samples or identical errors on generated unquoted CSV/TSV', () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 40 }),
        fc.constantFrom(',', '\t', ';'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 5 }),
        (rows, delimiter, newline, trailingNewline, blankLine, ragged) => {
          const lines = rows.map((cells) => cells.join(delimiter));
          if (blankLine) lines.splice(Math.floor(lines.length / 2), 0, '');
          if (ragged === 1) lines.push(`x${delimiter}y`);
          const text = `item${delimiter}annotator${delimiter}label${newline}${lines.join(newline)}${trailingNewline ? newline : ''}`;
          const { fast, papa } = both(text, { duplicates: 'last' });
          expect(fast).toEqual(papa);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives identical wide samples on generated wide tables', () => {
    fc.assert(
      fc.property(wideTables(id, label, 30), ({ header, body }) => {
        const { fast, papa } = both(`${header}\n${body}\n`, { format: 'wide', duplicates: 'first' });
        expect(fast).toEqual(papa);
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with papaparse over many row batches: runs of one item, skipped rows, blank ids, any chunking', () => {
    // Long rows are interned in batches, with a row repeating the previous kept row's item reusing its id:
    // runs of an item broken by empty labels, blank ids and chunk boundaries must not change anything.
    const item = fc.constantFrom('a', 'b', 'item-long-1', 'item-long-2', ' a', 'b ', '', 'é1');
    const longRow = fc.tuple(item, fc.constantFrom('r1', 'r2', 'rater-3', ' r1', ''), label);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(longRow, fc.integer({ min: 1, max: 6 })), { minLength: 1, maxLength: 120 }),
        fc.integer({ min: 1, max: 97 }),
        (runs, chunk) => {
          const lines = runs.flatMap(([[i, a, l], times]) =>
            Array.from({ length: times }, (_, k) => `${i},${k === 0 ? a : `r${k}`},${l}`),
          );
          const text = `item,annotator,label\n${lines.join('\n')}\n`;
          const { fast, papa } = both(text, { duplicates: 'last' });
          expect(fast).toEqual(papa);
          expect(streamed(text, chunk, { duplicates: 'last' })).toEqual(fast);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('agrees with papaparse on files sorted by item that fall out of order anywhere, in any chunking', () => {
    // Rows are added one by one while the item ids sort (no hashing) and in batches once an id is out of
    // order: the switch may fall on any row, inside a run of an item or across a chunk boundary.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.boolean(),
        fc.array(fc.tuple(fc.nat(500), fc.constantFrom('r1', 'r2', ' r3', 'rater-4'), label), {
          maxLength: 80,
        }),
        fc.integer({ min: 1, max: 300 }),
        (items, bytewise, tail, chunk) => {
          const ids = Array.from({ length: items }, (_, i) => `item-${i}`);
          if (bytewise) ids.sort();
          const lines = ids.flatMap((item, i) =>
            ['r1', 'r2', ' r3', 'rater-4'].slice(0, 1 + (i % 4)).map((r, k) => `${item},${r},${(i + k) % 3}`),
          );
          lines.push(...tail.map(([i, a, l]) => `item-${i},${a}-tail,${l}`));
          const text = `item,annotator,label\n${lines.join('\n')}\n`;
          const { fast, papa } = both(text, { duplicates: 'last' });
          expect(fast).toEqual(papa);
          const pushed = streamed(text, chunk, { duplicates: 'last' });
          expect(pushed.ok && pushed.sample).toEqual(fast.ok && fast.sample);
        },
      ),
      { seed: 3, numRuns: 120 },
    );
  });

  it('switches to papaparse mid-stream at the first quoted row without changing the result', () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `i${Math.floor(i / 6)},r${i % 6},${i % 7}`);
    rows.splice(20_000, 0, 'q1,"r, 1","x ""y"""', 'q1,r2,"multi\nline"');
    const text = `item,annotator,label\n${rows.join('\n')}\n`;
    const { fast, papa } = both(text);
    expect(fast.ok).toBe(true);
    expect(fast).toEqual(papa);
    const bytes = new TextEncoder().encode(text);
    const parser = createSampleParser();
    for (let i = 0; i < bytes.length; i += 4096) parser.push(bytes.subarray(i, i + 4096));
    const streamed = parser.finish();
    expect(streamed.ok && plainSample(streamed.value.sample)).toEqual(fast.ok && fast.sample);
  });
});

describe('reference data: long and wide forms', () => {
  // Data sets published in both forms (a multi-label sample has only its long form).
  const stems = referenceFiles
    .filter((name) => name.endsWith('.wide.csv'))
    .map((name) => name.replace(/\.wide\.csv$/, ''));
  it.each(stems)('%s gives the same triples in both forms', (stem) => {
    const long = parseSample(readFileSync(join(REFERENCE, `${stem}.long.csv`)));
    const wide = parseSample(readFileSync(join(REFERENCE, `${stem}.wide.csv`)));
    expect(long.ok && long.value.format).toBe('long');
    expect(wide.ok && wide.value.format).toBe('wide');
    if (!long.ok || !wide.ok) return;
    expect(tripleSet(long.value.sample)).toEqual(tripleSet(wide.value.sample));
    expect(long.value.sample.categories).toEqual(wide.value.sample.categories);
    expect(long.value.sample.ordered).toBe(wide.value.sample.ordered);
  });
});
