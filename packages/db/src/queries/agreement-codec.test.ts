import { inflateSync } from 'node:zlib';
import { computeAgreement, type EncodedSample, parseSample } from '@raisin/core/agreement';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSample, encodeSample, prepareSampleForLevel } from './agreement-codec';

/** A sample as version 1 of the codec stored it (written by that version's `encodeSample`). */
const VERSION_1_SAMPLE =
  'eAFNjkEKwjAQRWd6lL8eF63URQ6iC+kiNoMGNIGYCkW8mWez0lCls3kwb/5n3kT0xAOmFtgQYrbZx3CH2Ql81tsd5ggX+00NKWwWbtH9EzGVMxsCBCcNs+pt1nNMXoua03OyXalxb69D0bU00naCmJwmdTA5DbpqP3iXL+XFpXX8bV60DK/4maaJmJiZuKqIv5xEQEQ=';

function parse(text: string): EncodedSample {
  const parsed = parseSample(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value.sample;
}

function plain(sample: EncodedSample) {
  return {
    ...sample,
    categoryValues: sample.categoryValues === null ? null : Array.from(sample.categoryValues),
    itemOf: Array.from(sample.itemOf),
    annotatorOf: Array.from(sample.annotatorOf),
    categoryOf: Array.from(sample.categoryOf),
  };
}

describe('agreement sample codec', () => {
  it('round-trips any sample, with one- and two-byte indexes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(300), fc.nat(300), fc.nat(300)), { minLength: 1, maxLength: 200 }),
        fc.boolean(),
        (triples, numeric) => {
          const annotatorCount = Math.max(...triples.map(([, a]) => a)) + 1;
          const categoryCount = Math.max(...triples.map(([, , c]) => c)) + 1;
          const sample: EncodedSample = {
            items: Array.from({ length: 301 }, (_, i) => `item ${i}`),
            annotators: Array.from({ length: annotatorCount }, (_, i) => `a${i}`),
            categories: Array.from({ length: categoryCount }, (_, i) => `c${i}`),
            categoryValues: numeric ? Float64Array.from({ length: categoryCount }, (_, i) => i / 2) : null,
            ordered: numeric,
            itemOf: Int32Array.from(triples, ([item]) => item),
            annotatorOf: Int32Array.from(triples, ([, annotator]) => annotator),
            categoryOf: Int32Array.from(triples, ([, , category]) => category),
          };
          expect(plain(decodeSample(encodeSample(sample)))).toEqual(plain(sample));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('stores item steps in one, two or four signed bytes, as the widest step needs', () => {
    const sampleOf = (itemOf: number[]): EncodedSample => ({
      items: Array.from({ length: Math.max(...itemOf) + 1 }, (_, i) => `i${i}`),
      annotators: ['a', 'b'],
      categories: ['x', 'y'],
      categoryValues: null,
      ordered: false,
      itemOf: Int32Array.from(itemOf),
      annotatorOf: Int32Array.from(itemOf, (_, k) => k % 2),
      categoryOf: Int32Array.from(itemOf, (_, k) => (k >> 1) % 2),
    });
    // Sorted (steps 0 and 1), back by 128 (two bytes), forward by 40,000 and back (four bytes).
    const sizes = [
      [0, 0, 1, 1, 2],
      [0, 0, 200, 72, 73],
      [0, 40_000, 0, 39_999, 1],
    ].map((itemOf) => {
      const sample = sampleOf(itemOf);
      const encoded = encodeSample(sample);
      expect(plain(decodeSample(encoded))).toEqual(plain(sample));
      return inflateSync(encoded).length;
    });
    expect(sizes[0]).toBeLessThan(sizes[1] ?? 0);
  });

  it('reads samples stored by the first version of the format (four-byte steps, arrays unaligned)', () => {
    const stored = Buffer.from(VERSION_1_SAMPLE, 'base64');
    expect(plain(decodeSample(stored))).toEqual(
      plain({
        items: ['doc-1', 'doc-2', 'doc-3'],
        annotators: ['ann', 'ben'],
        categories: ['1', '2', '5'],
        categoryValues: Float64Array.from([1, 2, 5]),
        ordered: true,
        itemOf: Int32Array.from([0, 0, 1, 1, 2, 0]),
        annotatorOf: Int32Array.from([0, 1, 0, 1, 1, 1]),
        categoryOf: Int32Array.from([0, 1, 2, 2, 0, 1]),
      }),
    );
  });

  it('round-trips indexes that need four bytes', () => {
    const sample: EncodedSample = {
      items: ['i0', 'i1'],
      annotators: Array.from({ length: 70_001 }, (_, i) => `a${i}`),
      categories: ['x', 'y'],
      categoryValues: null,
      ordered: false,
      itemOf: Int32Array.from([0, 0, 1, 1]),
      annotatorOf: Int32Array.from([0, 70_000, 65_536, 3]),
      categoryOf: Int32Array.from([0, 1, 1, 1]),
    };
    expect(plain(decodeSample(encodeSample(sample)))).toEqual(plain(sample));
  });

  it('stores a repetitive sample far smaller than its raw arrays', () => {
    const n = 100_000;
    const sample: EncodedSample = {
      items: Array.from({ length: n / 2 }, (_, i) => String(i)),
      annotators: ['ann', 'ben'],
      categories: ['yes', 'no'],
      categoryValues: null,
      ordered: false,
      itemOf: Int32Array.from({ length: n }, (_, a) => Math.floor(a / 2)),
      annotatorOf: Int32Array.from({ length: n }, (_, a) => a % 2),
      categoryOf: Int32Array.from({ length: n }, (_, a) => (a % 7 === 0 ? 1 : 0)),
    };
    const bytes = encodeSample(sample);
    expect(bytes.length).toBeLessThan((n * 12) / 10);
    expect(plain(decodeSample(bytes))).toEqual(plain(sample));
  });

  it('refuses bytes that are not an encoded sample', () => {
    expect(() => decodeSample(new Uint8Array([1, 2, 3]))).toThrow();
  });

  it('re-scores at another level with a declared order, as parsing with that order would', () => {
    const text =
      'item,annotator,label\n1,a,low\n1,b,mid\n2,a,high\n2,b,high\n3,a,mid\n3,b,mid\n4,a,low\n4,b,high\n';
    const stored = parse(text);
    const order = ['low', 'mid', 'high'];
    const prepared = prepareSampleForLevel(stored, 'ordinal', order);
    if (!prepared.ok) throw new Error(prepared.message);
    const reparsed = parseSample(text, { level: 'ordinal', order });
    if (!reparsed.ok) throw new Error(reparsed.error.message);
    const options = { level: 'ordinal', bootstrap: 0 } as const;
    expect(computeAgreement(prepared.sample, options).krippendorffAlpha).toEqual(
      computeAgreement(reparsed.value.sample, options).krippendorffAlpha,
    );
    expect(prepared.sample.categories).toEqual(order);
  });

  it('names what stops a level from applying', () => {
    const words = parse('item,annotator,label\n1,a,x\n1,b,y\n');
    expect(prepareSampleForLevel(words, 'interval', null)).toEqual({
      ok: false,
      message: 'The interval level needs numeric labels.',
    });
    expect(prepareSampleForLevel(words, 'ordinal', null)).toMatchObject({ ok: false });
    expect(prepareSampleForLevel(words, 'ordinal', ['x'])).toEqual({
      ok: false,
      message: 'Label "y" is not in the declared order (x).',
    });
    expect(
      prepareSampleForLevel(parse('item,annotator,label\n1,a,-1\n1,b,2\n'), 'ratio', null),
    ).toMatchObject({
      ok: false,
    });
    expect(prepareSampleForLevel(words, 'nominal', null)).toEqual({ ok: true, sample: words });
  });
});
