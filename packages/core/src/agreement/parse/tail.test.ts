// Reading a file in two parts (the second by a tail parser, as on another thread, through a structured
// clone) must give exactly the sample or the issue that one parser gives: ids in first-seen order, the
// lines of categories and duplicate pairs, missing cells, and the wording of every issue.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createSampleParser,
  createTailParser,
  type DuplicatePolicy,
  type ParseOptions,
  parseSample,
  type SampleTail,
} from './index';
import { parsedView, wideTables } from './test-support';

const encoder = new TextEncoder();

/** A parse's result as comparable plain data, the whole issue included. */
function view(result: ReturnType<typeof parseSample>) {
  return result.ok ? parsedView(result.value) : { ok: false as const, issue: result.error };
}

/**
 * `text` read up to the first line break at or after byte `at` by one parser, and from there by a tail
 * parser fed `chunk` bytes at a time; the tail is taken in when the first parser accepts it, and otherwise
 * pushed to it. Returns the result and how the tail went.
 */
function readInTwo(text: string, at: number, chunk: number, options: ParseOptions = {}) {
  const bytes = encoder.encode(text);
  const breakAt = bytes.indexOf(10, at);
  const split = breakAt < 0 ? bytes.length : breakAt + 1;
  const parser = createSampleParser({ ...options, sizeHint: split });
  parser.push(bytes.subarray(0, split));
  const continuation = parser.continuation();
  let tail: SampleTail | null = null;
  if (continuation !== null) {
    const tailParser = createTailParser(structuredClone(continuation), bytes.length - split);
    for (let i = split; i < bytes.length; i += chunk) {
      if (!tailParser.push(bytes.slice(i, Math.min(bytes.length, i + chunk)))) break;
    }
    tail = structuredClone(tailParser.finish());
  }
  const absorbed = tail !== null && parser.absorbTail(tail);
  if (!absorbed) parser.push(bytes.subarray(split));
  return { result: view(parser.finish()), tail, absorbed };
}

const whole = (text: string, options: ParseOptions = {}) => view(parseSample(text, options));

/**
 * Rows enough for the first part to pass the bytes a parser reads before it settles the format (64 KB):
 * only then does it tell a tail parser the layout. The generated rows come after them.
 */
const filler = (newline = '\n', cells = (k: number) => `filler-${k},r1,x`) =>
  Array.from({ length: 4000 }, (_, k) => `${cells(k)}${newline}`).join('');

describe('reading a delimited file in two parts', () => {
  const id = fc.stringMatching(/^[A-Za-z0-9_é-]{1,9}$/);
  const label = fc.oneof(fc.constantFrom('', 'x', 'yes', 'no', ' 1', '2 ', '-1', 'NA', ' N/A', '#N/A'), id);

  it('gives the identical sample or issue on generated long tables, split anywhere, in any chunking', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(id, fc.constantFrom('r1', 'r2', 'rater-3', ' r4', ''), label), {
          minLength: 1,
          maxLength: 80,
        }),
        fc.boolean(),
        fc.constantFrom('\n', '\r\n'),
        fc.constantFrom<DuplicatePolicy>('error', 'first', 'last'),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 50 }),
        (rows, sorted, newline, duplicates, where, chunk) => {
          const ordered = sorted ? [...rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : rows;
          const head = `item,annotator,label${newline}${filler(newline)}`;
          const text = `${head}${ordered.map((cells) => cells.join(',')).join(newline)}${newline}`;
          const options = { duplicates };
          const at = head.length + Math.floor(where * (text.length - head.length));
          const { result, tail, absorbed } = readInTwo(text, at, chunk, options);
          expect(result).toEqual(whole(text, options));
          // Without quotes a tail is refused, or not asked for, only for an issue, which one parser words.
          const how = tail === null ? 'not asked' : tail.ok ? absorbed : tail.reason;
          expect(how).toBeOneOf(result.ok ? [true] : [true, 'issue', 'not asked']);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('gives the identical sample on generated wide tables, annotators first seen in either part', () => {
    fc.assert(
      fc.property(
        wideTables(id, label, 40),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ annotators, header, body }, where) => {
          const blanks = Array.from({ length: annotators }, () => '').join(',');
          const head = `${header}\n${filler('\n', (k) => `filler-${k},${blanks}`)}`;
          const text = `${head}${body}\n`;
          const options: ParseOptions = { format: 'wide', duplicates: 'first' };
          const at = head.length + Math.floor(where * (text.length - head.length));
          expect(readInTwo(text, at, 13, options).result).toEqual(whole(text, options));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('takes in a tail whose ids, categories and missing cells are new or seen before, lines offset', () => {
    const text = `item,annotator,label\n${filler()}a,r1,pos\na,r2,NA\nb,r1,neg\n\nc,r2,neu\nb,r2,pos\na,r3,N/A\nd,r1,pos\n`;
    const { result, tail, absorbed } = readInTwo(text, text.indexOf('b,r1') - 1, 5);
    expect(absorbed).toBe(true);
    expect(tail).toMatchObject({ ok: true, rows: 5, lines: 6 });
    expect(result).toEqual(whole(text));
    expect(result).toMatchObject({ ok: true, missingSpellings: { NA: 1, 'N/A': 1 } });
  });

  it('words an issue in the tail as one parser does, with its line in the whole file', () => {
    const ragged = `item,annotator,label\n${filler()}a,r1,x\na,r2,y\nb,r1,x\nb,r2\n`;
    const split = readInTwo(ragged, ragged.indexOf('b,r1') - 1, 64);
    expect(split.tail).toEqual({ ok: false, reason: 'issue' });
    expect(split.result).toEqual(whole(ragged));
    expect(split.result).toMatchObject({ ok: false, issue: { code: 'ragged_row', line: 4005 } });

    const duplicate = `item,annotator,label\n${filler()}a,r1,x\na,r2,y\nb,r1,x\na,r1,y\n`;
    const { result, absorbed } = readInTwo(duplicate, duplicate.indexOf('b,r1') - 1, 64);
    expect(absorbed).toBe(true);
    expect(result).toEqual(whole(duplicate));
    expect(result).toMatchObject({ ok: false, issue: { message: expect.stringContaining('line 4005') } });
  });

  it('refuses a tail with a quote, and is not given one after a quote of its own', () => {
    const quotedTail = `item,annotator,label\n${filler()}a,r1,x\na,r2,y\nb,r1,"x,\ny"\nb,r2,x\n`;
    const late = readInTwo(quotedTail, quotedTail.indexOf('b,r1') - 1, 64);
    expect(late.tail).toEqual({ ok: false, reason: 'quoted' });
    expect(late.result).toEqual(whole(quotedTail));

    // The first part's quote may open a field that runs past the split: no tail is asked for.
    const quotedHead = `item,annotator,label\n${filler()}a,r1,"x,\ny"\na,r2,y\nb,r1,x\nb,r2,x\n`;
    const early = readInTwo(quotedHead, quotedHead.indexOf('a,r2') - 1, 64);
    expect(early.tail).toBeNull();
    expect(early.result).toEqual(whole(quotedHead));
  });

  it('tells whether the item ids so far came in sorted order', () => {
    const sorted = createSampleParser();
    sorted.push(encoder.encode(`item,annotator,label\n${filler()}`));
    expect(sorted.itemsInOrder).toBe(true);
    const shuffled = createSampleParser();
    shuffled.push(encoder.encode(`item,annotator,label\n${filler()}a,r1,x\nfiller-1,r2,x\n`));
    shuffled.push(new Uint8Array(70_000).fill(10));
    expect(shuffled.itemsInOrder).toBe(false);
  });

  it('asks for no tail from JSON Lines, and refuses one once finished or after an issue', () => {
    const jsonl = '{"item":"a","annotator":"r1","label":"x"}\n{"item":"a","annotator":"r2","label":"x"}\n';
    const parser = createSampleParser();
    parser.push(encoder.encode(jsonl));
    expect(parser.continuation()).toBeNull();

    const csv = createSampleParser();
    csv.push(encoder.encode(`item,annotator,label\n${filler()}`));
    const continuation = csv.continuation();
    expect(continuation).toEqual({
      plan: { kind: 'long', item: 0, annotator: 1, label: 2 },
      header: ['item', 'annotator', 'label'],
      delimiter: ',',
    });
    if (continuation === null) return;
    const tailParser = createTailParser(continuation);
    tailParser.push(encoder.encode('a,r2,y\n'));
    const tail = tailParser.finish();
    csv.push(encoder.encode('b,r1'));
    expect(csv.absorbTail(tail)).toBe(false);
    const done = createSampleParser();
    done.push(encoder.encode(`item,annotator,label\n${filler()}`));
    done.finish();
    expect(done.absorbTail(tail)).toBe(false);
  });
});
