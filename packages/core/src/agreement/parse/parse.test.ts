import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SampleIssue } from '../types';
import {
  createSampleParser,
  describeSampleIssue,
  type ParseOptions,
  parseSample,
  previewSample,
} from './index';
import { jsonMessage } from './json';
import { tripleSet } from './test-support';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name));

function parsed(input: string | Uint8Array, options?: ParseOptions) {
  const result = parseSample(input, options);
  if (!result.ok) throw new Error(`expected a sample, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function issue(input: string | Uint8Array, options?: ParseOptions): SampleIssue {
  const result = parseSample(input, options);
  if (result.ok) throw new Error('expected an issue');
  return result.error;
}

describe('parseSample: formats', () => {
  it('reads a long CSV and records its columns', () => {
    const value = parsed('item,annotator,label\n1,a,x\n1,b,y\n2,a,x\n2,b,x\n');
    expect(value.format).toBe('long');
    expect(value.columns).toEqual({ item: 'item', annotator: 'annotator', label: 'label' });
    expect(tripleSet(value.sample)).toEqual(['1|a|x', '1|b|y', '2|a|x', '2|b|x']);
    expect(value.sample.ordered).toBe(false);
    expect(value.sample.categoryValues).toBeNull();
  });

  it('maps synonyms case-, space- and underscore-insensitively, in any column order', () => {
    const value = parsed('Rating ,Worker_ID,Doc\n3,w1,d1\n4,w2,d1\n');
    expect(value.columns).toEqual({ item: 'Doc', annotator: 'Worker_ID', label: 'Rating' });
    expect(tripleSet(value.sample)).toEqual(['d1|w1|3', 'd1|w2|4']);
  });

  it('takes caller-named columns over synonyms', () => {
    const value = parsed('q,who,pick,label\nq1,a,x,zz\nq1,b,x,zz\n', {
      columns: { item: 'q', annotator: 'who', label: 'pick' },
    });
    expect(tripleSet(value.sample)).toEqual(['q1|a|x', 'q1|b|x']);
  });

  it('reads a wide CSV: an empty cell is a missing annotation', () => {
    const value = parsed('item,A,B,C\n1,x,x,\n2,y,,x\n3,,,\n');
    expect(value.format).toBe('wide');
    expect(value.sample.items).toEqual(['1', '2']);
    expect(tripleSet(value.sample)).toEqual(['1|A|x', '1|B|x', '2|A|y', '2|C|x']);
  });

  it('reads NA, N/A, #N/A, NaN and null cells as missing annotations, not as a category', () => {
    // R, pandas, SQL and Excel write a missing value so; as a category, missing labels would agree.
    const long =
      'item,annotator,label\n1,a,1\n1,b,NA\n1,c,2\n2,a,3\n2,b, null \n2,c,3\n3,a,NaN\n3,b,1\n3,c,#N/A\n';
    const expected = ['1|a|1', '1|c|2', '2|a|3', '2|c|3', '3|b|1'];
    const value = parsed(long);
    expect(tripleSet(value.sample)).toEqual(expected);
    expect(value.sample.categories).toEqual(['1', '2', '3']);
    expect(value.sample.ordered).toBe(true);
    // The same rows through papaparse (a quote sends the rest of the file there) and in shuffled item order
    // (rows batched before interning) read the same.
    expect(tripleSet(parsed(long.replace('1,a,1', '1,a,"1"')).sample)).toEqual(expected);
    const shuffled = long.split('\n');
    expect(tripleSet(parsed([shuffled[0], ...shuffled.slice(1).reverse()].join('\n')).sample)).toEqual(
      expected,
    );
    const wide = parsed('item,a,b,c\n1,1,NA,2\n2,3,NULL,3\n3,N/A,1,nan\n4,<NA>,n/a,Null\n');
    expect(tripleSet(wide.sample)).toEqual(expected);
    expect(wide.sample.items).toEqual(['1', '2', '3']);
    // Labels that merely start like a missing spelling stay labels.
    expect(parsed('item,a,b\n1,NAB,no\n2,None,nan1\n').sample.categories).toEqual([
      'NAB',
      'no',
      'None',
      'nan1',
    ]);
  });

  it('counts the non-empty cells read as missing, per spelling, on every path', () => {
    // Long rows in item order (added in the scanning loop), in shuffled order (batched), and through
    // papaparse, forced or from a quoted row on; empty cells are missing too but are not counted.
    const long =
      'item,annotator,label\n1,a,x\n1,b,NA\n1,c,\n2,a,x\n2,b, N/A \n2,c,NA\n3,a,y\n3,b,x\n3,c,null\n';
    const expected = { NA: 2, 'N/A': 1, null: 1 };
    expect(parsed(long).missingSpellings).toEqual(expected);
    const lines = long.trimEnd().split('\n');
    const shuffled = `${[lines[0], ...lines.slice(1).reverse()].join('\n')}\n`;
    expect(parsed(shuffled).missingSpellings).toEqual(expected);
    expect(parsed(long, { csvEngine: 'papaparse' }).missingSpellings).toEqual(expected);
    expect(parsed(long.replace('1,a,x', '1,a,"x"')).missingSpellings).toEqual(expected);
    // Wide: every annotator column, fast path and papaparse, TSV too.
    const wide = 'item,a,b,c\n1,x,NA,#N/A\n2,NaN,y,\n3,x,NA,<NA>\n4,Null,n/a,x\n5,x,x,NULL\n';
    const wideExpected = { NA: 2, '#N/A': 1, '<NA>': 1, NaN: 1, Null: 1, 'n/a': 1, NULL: 1 };
    expect(parsed(wide).missingSpellings).toEqual(wideExpected);
    expect(parsed(wide, { csvEngine: 'papaparse' }).missingSpellings).toEqual(wideExpected);
    expect(parsed(wide.replaceAll(',', '\t')).missingSpellings).toEqual(wideExpected);
    expect(parsed(wide.replace('5,x', '"5",x')).missingSpellings).toEqual(wideExpected);
    // None when every cell is a label or empty; JSON text such as "NA" is a label, not missing.
    expect(parsed('item,a,b\n1,x,\n2,x,y\n3,None,y\n').missingSpellings).toEqual({});
    expect(
      parsed('{"item":1,"annotator":"a","label":"NA"}\n{"item":1,"annotator":"b","label":"x"}\n')
        .missingSpellings,
    ).toEqual({});
  });

  it('counts missing spellings exactly over batches, chunk boundaries and a quoted tail', () => {
    // 3,000 rows in shuffled item order: many `LONG_BATCH` batches, cut into odd chunks.
    const rows: string[] = [];
    const spellings = ['NA', 'N/A', '#N/A', 'nan', 'NULL', ''];
    const counts: Record<string, number> = {};
    for (let i = 0; i < 1000; i++) {
      const item = (i * 7919) % 1000;
      for (const annotator of ['a', 'b', 'c']) {
        const n = rows.length;
        const spelling = n % 5 === 0 ? (spellings[n % spellings.length] ?? '') : null;
        if (spelling !== null && spelling !== '') counts[spelling] = (counts[spelling] ?? 0) + 1;
        rows.push(`i${item},${annotator},${spelling ?? (n % 3 === 0 ? 'x' : 'y')}`);
      }
    }
    const text = `item,annotator,label\n${rows.join('\n')}\n`;
    expect(parsed(text).missingSpellings).toEqual(counts);
    const bytes = new TextEncoder().encode(text.replace('i0,a,', '"i0",a,'));
    for (const size of [7, 4096]) {
      const parser = createSampleParser();
      for (let i = 0; i < bytes.length; i += size) parser.push(bytes.slice(i, i + size));
      const result = parser.finish();
      expect(result.ok && result.value.missingSpellings).toEqual(counts);
    }
  });

  it('reads TSV with synonyms and numeric labels', () => {
    const value = parsed(fixture('ratings.tsv'));
    expect(value.columns).toEqual({ item: 'text_id', annotator: 'coder', label: 'rating' });
    expect(value.sample.categories).toEqual(['1', '2', '3']);
    expect(value.sample.ordered).toBe(true);
  });

  it('reads an Excel-style semicolon CSV: BOM, CRLF, quoted delimiters, escaped quotes and newlines', () => {
    const value = parsed(fixture('excel-semicolon.csv'));
    expect(value.columns).toEqual({ item: 'Item ID', annotator: 'Rater', label: 'Answer' });
    expect(tripleSet(value.sample)).toEqual([
      'q1|ann|yes, mostly',
      'q1|ben|yes, mostly',
      'q2|ann|no',
      'q2|ben|"maybe"',
      'q3|ann|line one\r\nline two',
      'q3|ben|no',
    ]);
  });

  it("skips Excel's sep= first line and splits on the delimiter it names, counting it in line numbers", () => {
    const value = parsed('\uFEFFsep=;\r\nitem;a;b\r\n1;x,y;x,y\r\n2;y;x\r\n');
    expect(value.format).toBe('wide');
    expect(tripleSet(value.sample)).toEqual(['1|a|x,y', '1|b|x,y', '2|a|y', '2|b|x']);
    expect(issue('sep=,\nitem,annotator,label\n1,a,x\n1,b,x,z\n')).toMatchObject({ line: 4, column: 4 });
    const preview = previewSample('sep=\t\nitem\tannotator\tlabel\n1\ta\tx\n');
    expect(preview.ok && preview.value.header).toEqual(['item', 'annotator', 'label']);
  });

  it('reads a wide table as wide whatever its annotators are called and whatever labels it holds', () => {
    // Annotators named with label words (gold, score, target) and every label identical: a degenerate
    // sample, but its layout comes from the header alone, as for any other wide table.
    for (const header of ['item,gold,model', 'item,score,score_2,score_3', 'id,target,alice']) {
      const annotators = header.split(',').slice(1);
      for (const label of ['pos', '1', 'label']) {
        const rows = [1, 2, 3].map((i) => `${i},${annotators.map(() => label).join(',')}`);
        const text = `${header}\n${rows.join('\n')}\n`;
        for (const csvEngine of ['auto', 'papaparse'] as const) {
          const value = parsed(text, { csvEngine });
          expect(value.format).toBe('wide');
          expect(value.sample.annotators).toEqual(annotators);
          expect(tripleSet(value.sample)).toHaveLength(3 * annotators.length);
        }
        const preview = previewSample(text);
        expect(preview.ok && preview.value.format).toBe('wide');
        expect(preview.ok && preview.value.annotatorColumns).toEqual(annotators);
      }
    }
    // A header with an annotator column is still long, and names the role it lacks.
    expect(parsed('item,rater,score\n1,a,pos\n1,b,pos\n').format).toBe('long');
    expect(issue('item,annotator,stuff\n1,a,x\n')).toMatchObject({ code: 'missing_column', line: 1 });
  });

  it('reads JSON Lines with synonym keys; a null label is missing, blank lines are skipped', () => {
    const value = parsed(fixture('records.jsonl'));
    expect(value.format).toBe('jsonl');
    expect(value.columns).toEqual({ item: 'doc_id', annotator: 'rater', label: 'category' });
    expect(tripleSet(value.sample)).toEqual(['d1|ann|spam', 'd1|ben|spam', 'd2|ann|ham', 'd2|ben|spam']);
  });

  it('reads JSON Lines that nest the item, annotator and label in objects, by dotted key', () => {
    const lines = [
      '{"meta":{"id":1,"source":"web"},"annotation":{"user":"a","value":{"label":"x"}}}',
      '{"meta":{"id":1,"source":"web"},"annotation":{"user":"b","value":{"label":"x"}}}',
      '{"meta":{"id":2},"annotation":{"user":"a","value":{"label":"y"}}}',
      '{"meta":{"id":2},"annotation":{"user":"b","value":{"label":null}}}',
    ].join('\n');
    const value = parsed(lines);
    expect(value.format).toBe('jsonl');
    expect(value.columns).toEqual({
      item: 'meta.id',
      annotator: 'annotation.user',
      label: 'annotation.value.label',
    });
    expect(tripleSet(value.sample)).toEqual(['1|a|x', '1|b|x', '2|a|y']);
    // A caller can name a nested key, and a top-level synonym wins over a nested one.
    const firstTwo = lines.split('\n').slice(0, 2).join('\n');
    const named = parsed(firstTwo, {
      columns: { item: 'meta.source', annotator: 'annotation.user', label: 'annotation.value.label' },
    });
    expect(tripleSet(named.sample)).toEqual(['web|a|x', 'web|b|x']);
    const mixed = parsed(
      '{"meta":{"id":9},"id":1,"rater":"a","label":"x"}\n{"meta":{"id":9},"id":1,"rater":"b","label":"x"}\n',
    );
    expect(mixed.columns).toEqual({ item: 'id', annotator: 'rater', label: 'label' });
    // The preview offers the nested keys as columns, each row a cell per key (an object as the id it reads as, or its keys).
    const preview = previewSample(lines);
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.header).toEqual([
      'meta',
      'annotation',
      'meta.id',
      'meta.source',
      'annotation.user',
      'annotation.value.label',
    ]);
    expect(preview.value.rows[0]).toEqual(['1', '{user, value}', '1', 'web', 'a', 'x']);
    expect(preview.value.unmapped).toEqual([]);
  });

  it('reads a JSON array of flat records (pandas orient="records", Label Studio JSON-MIN) as JSON Lines records', () => {
    // Read as Label Studio tasks before, every record gave "No annotations found".
    const records = JSON.stringify(
      [
        { id: 7, text: 'a', sentiment: 'Positive', annotator: 1 },
        { id: 7, text: 'a', sentiment: 'Negative', annotator: 2 },
        { id: 8, text: 'b', sentiment: 'Negative', annotator: 1 },
        { id: 8, text: 'b', sentiment: null, annotator: 2 },
      ],
      null,
      2,
    );
    const value = parsed(records);
    // Named as the browser's preview names it, not as the Label Studio export it starts like.
    expect(value.format).toBe('jsonl');
    expect(value.columns).toEqual({ item: 'id', annotator: 'annotator', label: 'sentiment' });
    expect(tripleSet(value.sample)).toEqual(['7|1|Positive', '7|2|Negative', '8|1|Negative']);
    expect(tripleSet(parsed(records, { columns: { item: 'text' } }).sample)).toEqual([
      'a|1|Positive',
      'a|2|Negative',
      'b|1|Negative',
    ]);
    const preview = previewSample(records);
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value).toMatchObject({
      format: 'jsonl',
      header: ['id', 'text', 'sentiment', 'annotator'],
      columns: { item: 'id', annotator: 'annotator', label: 'sentiment' },
    });
    expect(preview.value.rows[0]).toEqual(['7', 'a', 'Positive', '1']);
    expect(issue('[{"id": 1, "text": "a"},\n {"id": 1}]')).toMatchObject({ code: 'missing_column', line: 1 });
  });

  it.each([
    [
      'a Label Studio export: completed_by ids or user objects, cancelled skipped, multi-choice combined',
      'label-studio-sentiment.json',
      'labelstudio',
      [
        '101|1|Positive',
        '101|bea@example.com|Positive',
        '102|1|Negative',
        '102|bea@example.com|Neutral',
        '103|1|Negative',
        '103|3|Negative|Neutral',
      ],
    ],
    [
      'Prodigy choice tasks: item is the input hash, ignore skipped, multi-choice order-free',
      'prodigy-textcat-choice.jsonl',
      'prodigy',
      [
        '-1290563761|support_intents-alice|BILLING',
        '-1290563761|support_intents-bob|BILLING',
        '310993456|support_intents-alice|PRODUCT|SHIPPING',
        '310993456|support_intents-bob|PRODUCT|SHIPPING',
        '874102377|support_intents-alice|SHIPPING',
        '874102377|support_intents-bob|PRODUCT',
      ],
    ],
    [
      'Prodigy binary tasks: item is the task hash, label the answer, annotator from _session_id',
      'prodigy-textcat-binary.jsonl',
      'prodigy',
      [
        '2001|sentiment-carol|accept',
        '2001|sentiment-dan|accept',
        '2002|sentiment-carol|reject',
        '2002|sentiment-dan|accept',
      ],
    ],
  ])('reads %s', (_, name, format, triples) => {
    const value = parsed(fixture(name));
    expect(value.format).toBe(format);
    expect(tripleSet(value.sample)).toEqual(triples);
  });

  it('reads Label Studio ratings as numeric labels', () => {
    const value = parsed(fixture('label-studio-rating.json'));
    expect(value.sample.categories).toEqual(['2', '4', '5']);
    expect([...(value.sample.categoryValues ?? [])]).toEqual([2, 4, 5]);
  });

  it('lets the caller force the format', () => {
    const wide = parseSample('item,annotator,label\n1,a,x\n', { format: 'wide' });
    expect(wide.ok && tripleSet(wide.value.sample)).toEqual(['1|annotator|a', '1|label|x']);
  });
});

describe('parseSample: labels', () => {
  it('sorts numeric labels by value and merges equal values written differently', () => {
    const value = parsed('item,annotator,label\n1,a,10\n1,b,2\n2,a,2.0\n2,b,-1\n');
    expect(value.sample.categories).toEqual(['-1', '2', '10']);
    expect([...(value.sample.categoryValues ?? [])]).toEqual([-1, 2, 10]);
    expect(tripleSet(value.sample)).toEqual(['1|a|10', '1|b|2', '2|a|2', '2|b|-1']);
  });

  it('trims labels and ids', () => {
    expect(tripleSet(parsed('item,annotator,label\n 1 , a ,  x \n1,b,x\n').sample)).toEqual([
      '1|a|x',
      '1|b|x',
    ]);
  });

  it('orders string labels by a declared order and rejects a label outside it, naming its line', () => {
    const text = 'item,annotator,label\n1,a,high\n1,b,low\n2,a,mid\n2,b,huge\n';
    const value = parsed(text.replace('huge', 'low'), { order: ['low', 'mid', 'high'] });
    expect(value.sample.categories).toEqual(['low', 'mid', 'high']);
    expect(value.sample.ordered).toBe(true);
    expect(issue(text, { order: ['low', 'mid', 'high'] })).toMatchObject({
      code: 'unknown_category',
      line: 5,
      column: 3,
    });
  });

  it('requires numeric labels for interval and ratio, and numbers or an order for ordinal', () => {
    const text = 'item,annotator,label\n1,a,1\n1,b,2\n2,a,three\n2,b,1\n';
    for (const level of ['interval', 'ratio', 'ordinal'] as const) {
      expect(issue(text, { level })).toMatchObject({ code: 'non_numeric_label', line: 4, column: 3 });
    }
    expect(parsed(text, { level: 'nominal' }).sample.categories).toHaveLength(3);
  });
});

describe('parseSample: duplicates', () => {
  const conflicting = 'item,annotator,label\n1,a,x\n1,b,x\n2,a,y\n1,a,z\n2,b,y\n';

  it('reports a conflicting repeat naming both lines', () => {
    const found = issue(conflicting);
    expect(found).toMatchObject({ code: 'duplicate_conflict', line: 5 });
    expect(found.message).toContain('line 2');
    expect(found.message).toContain('line 5');
  });

  it('keeps the first or the last label when asked', () => {
    const first = parsed(conflicting, { duplicates: 'first' });
    expect(first.duplicatesResolved).toBe(1);
    expect(tripleSet(first.sample)).toContain('1|a|x');
    const last = parsed(conflicting, { duplicates: 'last' });
    expect(tripleSet(last.sample)).toContain('1|a|z');
    expect(tripleSet(last.sample)).not.toContain('1|a|x');
  });

  it('collapses identical repeats silently, grouped or not', () => {
    const value = parsed('item,annotator,label\n1,a,x\n2,a,y\n1,a,x\n1,b,x\n2,b,y\n2,b,y\n');
    expect(value.duplicatesResolved).toBe(0);
    expect(tripleSet(value.sample)).toEqual(['1|a|x', '1|b|x', '2|a|y', '2|b|y']);
  });
});

describe('parseSample: errors name their line and column', () => {
  it.each([
    ['empty file', '', { code: 'empty_file' }],
    ['whitespace only', ' \n\n', { code: 'empty_file' }],
    ['header only', 'item,annotator,label\n', { code: 'header_only', line: 1 }],
    ['single column', 'hello\nworld\n', { code: 'unknown_format', line: 1 }],
    ['ragged row', 'item,annotator,label\n1,a,x\n1,b\n', { code: 'ragged_row', line: 3, column: 3 }],
    [
      'ragged row after a blank line',
      'item,annotator,label\n1,a,x\n\n1,b,x,y\n',
      { code: 'ragged_row', line: 4, column: 4 },
    ],
    [
      'ragged quoted row',
      'item,annotator,label\n1,a,"x"\n1,b,"x",y\n',
      { code: 'ragged_row', line: 3, column: 4 },
    ],
    ['missing label column', 'item,annotator,stuff\n1,a,x\n', { code: 'missing_column', line: 1 }],
    [
      'empty annotator',
      'item,annotator,label\n1,a,x\n1,,x\n',
      { code: 'invalid_record', line: 3, column: 2 },
    ],
    [
      'invalid JSON line',
      '{"item":1,"annotator":"a","label":"x"}\n{"item":1,"annotator":\n',
      { code: 'invalid_json', line: 2 },
    ],
    ['invalid Label Studio JSON', '[{"id": 1,\n "annotations": [],}]', { code: 'invalid_json', line: 2 }],
    ['one annotator', 'item,annotator,label\n1,a,x\n2,a,y\n', { code: 'too_few_annotators' }],
    ['no pairable item', 'item,annotator,label\n1,a,x\n2,b,y\n', { code: 'no_pairable_item' }],
    [
      'unterminated quote',
      'item,annotator,label\n1,a,x\n1,"b,x\n2,a,y\n',
      { code: 'invalid_record', line: 3, column: 2 },
    ],
  ] as const)('%s', (_, input, expected) => {
    expect(issue(input)).toMatchObject(expected);
  });

  it('says where in words too: the browser and the upload route show only the text', () => {
    // The browser's own preview of a broken JSON Lines file used to say just "Line 2: invalid JSON.".
    const preview = previewSample(
      '{"item":1,"annotator":"a","label":"x"}\n{"item":1, "annotator" "b"}\n{}\n',
    );
    if (preview.ok) throw new Error('expected an issue');
    expect(preview.error).toMatchObject({ code: 'invalid_json', line: 2, column: 24 });
    expect(describeSampleIssue(preview.error)).toMatch(/^Line 2: invalid JSON \(.+\) \(column 24\)\.$/);
    expect(describeSampleIssue(issue('item,annotator,label\n1,a,x\n1,,x\n'))).toBe(
      'Line 3, column 2 ("annotator"): the annotator is empty.',
    );
    expect(describeSampleIssue({ code: 'header_only', message: 'No rows.', line: 1, column: 3 })).toBe(
      'No rows (line 1, column 3).',
    );
    expect(describeSampleIssue({ code: 'empty_file', message: 'The file is empty.' })).toBe(
      'The file is empty.',
    );
    // Chromium's wording counts from the start of the line's JSON ("line 1"), which would contradict ours.
    const chromium = new SyntaxError(
      "Expected ',' or '}' after property value in JSON at position 42 (line 1 column 43)",
    );
    expect(jsonMessage(chromium)).toBe("Expected ',' or '}' after property value");
    expect(issue('[{"id": 1,\n "annotations": [],}]')).toMatchObject({ line: 2, column: 20 });
  });

  it('names the missing role and lists the headers', () => {
    expect(issue('item,annotator,stuff\n1,a,x\n').message).toMatch(/label.*"item", "annotator", "stuff"/);
    expect(issue('a,b,c\n1,2,3\n', { columns: { item: 'id' } })).toMatchObject({ code: 'missing_column' });
  });

  it('refuses input over maxBytes', () => {
    expect(issue('item,annotator,label\n1,a,x\n1,b,x\n', { maxBytes: 10 })).toMatchObject({
      code: 'file_too_large',
    });
  });

  it('returns no partial result after an error in a later chunk', () => {
    const parser = createSampleParser();
    const encoder = new TextEncoder();
    parser.push(encoder.encode('item,annotator,label\n1,a,x\n1,b,x\n'));
    parser.push(encoder.encode('2,a\n'));
    expect(parser.finish()).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'ragged_row', line: 4 }),
    });
    // Past the bytes used to detect the format, the issue is visible as soon as the bad chunk is pushed.
    const streaming = createSampleParser();
    streaming.push(encoder.encode(`item,annotator,label\n${'1,a,x\n'.repeat(12_000)}`));
    expect(streaming.issue).toBeNull();
    streaming.push(encoder.encode('2,a\n'));
    expect(streaming.issue).toMatchObject({ code: 'ragged_row', line: 12_002, column: 3 });
  });
});

describe('createSampleParser', () => {
  it('gives the same sample whatever the chunk boundaries (rows, quotes and UTF-8 split across chunks)', () => {
    const text =
      'item,annotator,label\r\n1,ann,café\r\n1,bob,café\r\n2,ann,"a, ""b"""\r\n2,bob,"x\ny"\r\n3,ann,ü\n3,bob,ü';
    const bytes = new TextEncoder().encode(text);
    const whole = parsed(bytes);
    for (const size of [1, 2, 3, 7, 16]) {
      const parser = createSampleParser();
      for (let i = 0; i < bytes.length; i += size) parser.push(bytes.slice(i, i + size));
      expect(parser.bytesRead).toBe(bytes.length);
      const result = parser.finish();
      expect(result.ok && tripleSet(result.value.sample)).toEqual(tripleSet(whole.sample));
    }
    expect(tripleSet(whole.sample)).toContain('2|bob|x\ny');
  });
});

describe('previewSample', () => {
  it('shows the header, first rows and the mapping of a long table', () => {
    const preview = previewSample('doc,worker,answer\nd1,w1,yes\nd1,w2,no\n');
    expect(preview).toMatchObject({
      ok: true,
      value: {
        format: 'long',
        delimiter: ',',
        header: ['doc', 'worker', 'answer'],
        rows: [
          ['d1', 'w1', 'yes'],
          ['d1', 'w2', 'no'],
        ],
        columns: { item: 'doc', annotator: 'worker', label: 'answer' },
        unmapped: [],
      },
    });
  });

  it('lists unmapped roles so a UI can ask for them', () => {
    const preview = previewSample('doc\tcoder\tverdict_text\nd1\tc1\tok\n');
    expect(preview.ok && preview.value.unmapped).toEqual(['label']);
    expect(preview.ok && preview.value.columns).toEqual({ item: 'doc', annotator: 'coder', label: null });
  });

  it('shows at most 20 rows, and the annotator columns of a wide table', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i},x,y`).join('\n');
    const preview = previewSample(`item,alice,bob\n${rows}\n`);
    expect(preview.ok && preview.value.rows).toHaveLength(20);
    expect(preview.ok && preview.value.annotatorColumns).toEqual(['alice', 'bob']);
  });

  it('previews JSON formats as triples', () => {
    const preview = previewSample(fixture('prodigy-textcat-choice.jsonl'));
    expect(preview.ok && preview.value.format).toBe('prodigy');
    expect(preview.ok && preview.value.rows[0]).toEqual(['-1290563761', 'support_intents-alice', 'BILLING']);
  });

  it('previews the whole tasks at the start of a Label Studio export larger than the preview window', () => {
    const tasks = JSON.parse(new TextDecoder().decode(fixture('label-studio-sentiment.json'))) as unknown[];
    // Over 1 MiB of tasks (with a "]" and "}" inside a string), cut after the window like a browser's slice.
    const text = JSON.stringify(
      Array.from({ length: 4000 }, (_, i) => ({
        ...(tasks[i % tasks.length] as object),
        id: i,
        note: 'a "}]" b',
      })),
    );
    const bytes = new TextEncoder().encode(text);
    expect(bytes.length).toBeGreaterThan(1024 * 1024 + 1);
    const preview = previewSample(bytes.subarray(0, 1024 * 1024 + 1));
    expect(preview.ok).toBe(true);
    expect(preview.ok && preview.value.format).toBe('labelstudio');
    expect(preview.ok && preview.value.rows.length).toBeGreaterThan(0);
    expect(preview.ok && preview.value.rows[0]?.[0]).toBe('0');
  });
});
