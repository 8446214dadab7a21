import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteInterner } from './byte-interner';

const encoder = new TextEncoder();

/** Ids in order of first appearance, as a Map gives them: what the interner must return. */
function referenceIds(values: readonly string[]): number[] {
  const ids = new Map<string, number>();
  return values.map((value) => {
    const known = ids.get(value);
    if (known !== undefined) return known;
    ids.set(value, ids.size);
    return ids.size - 1;
  });
}

/** Interns every value from one byte buffer (as the CSV reader does), returning the ids and the interner. */
function internAll(values: readonly string[], reserve?: number) {
  const interner = new ByteInterner();
  if (reserve !== undefined) interner.reserve(reserve);
  const bytes = encoder.encode(values.join('\u0000'));
  const ids: number[] = [];
  let start = 0;
  for (const value of values) {
    const end = start + encoder.encode(value).length;
    ids.push(interner.intern(bytes, start, end));
    start = end + 1;
  }
  return { ids, interner };
}

const id = fc.stringMatching(/^[a-z0-9é]{0,7}$/);

describe('ByteInterner', () => {
  it('gives first-seen ids and their strings for any sequence of ids', () => {
    fc.assert(
      fc.property(fc.array(id, { maxLength: 300 }), fc.option(fc.nat(400)), (values, reserve) => {
        const { ids, interner } = internAll(values, reserve ?? undefined);
        expect(ids).toEqual(referenceIds(values));
        expect(interner.strings()).toEqual([...new Set(values)]);
      }),
      { seed: 20261127, numRuns: 300 },
    );
  });

  it('gives the same ids for runs of sorted ids followed by any ids (the table is built when order breaks)', () => {
    // Numbered ids in number order (shorter first) and `sort` order (bytewise) need no table until an id
    // breaks both orders; the ids before and after that point must be the ones a Map gives.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        fc.array(id, { maxLength: 60 }),
        (count, run, bytewise, tail) => {
          const numbered = Array.from({ length: count }, (_, i) => `i${i}`);
          if (bytewise) numbered.sort();
          const values = [...numbered.flatMap((value) => Array<string>(run).fill(value)), ...tail];
          const { ids, interner } = internAll(values);
          expect(ids).toEqual(referenceIds(values));
          expect(interner.strings()).toEqual([...new Set(values)]);
          if (tail.length === 0) expect(interner.ordered).toBe(true);
        },
      ),
      { seed: 7, numRuns: 60 },
    );
  });

  it('stays without a table while ids sort, and builds it at the first id out of order', () => {
    // Longer than 4 bytes, so that the short-id cache does not answer first.
    const { interner } = internAll(['item1', 'item1', 'item2', 'item10', 'jtem10']);
    expect(interner.ordered).toBe(true);
    expect(interner.intern(encoder.encode('item2'), 0, 5)).toBe(1);
    expect(interner.ordered).toBe(false);
    expect(interner.intern(encoder.encode('kitem'), 0, 5)).toBe(4);
    expect(interner.intern(encoder.encode('item10'), 0, 6)).toBe(2);
    expect(interner.strings()).toEqual(['item1', 'item2', 'item10', 'jtem10', 'kitem']);
  });

  it('tells apart short ids that share bytes (the short-id cache must not mix them up)', () => {
    const values = ['r0', 'r1', 'r2', 'r3', 'r4', '0', '1', 'r1', 'r0', '1', 'abcd', 'abce', 'r4'];
    expect(internAll(values).ids).toEqual(referenceIds(values));
  });

  it('tells apart ids held in their slots (up to 8 bytes) from longer ones and ones with NUL bytes', () => {
    // Shuffled, so the table is built early; NUL bytes and lengths 7 to 9 are where held ids end.
    const piece = fc.constantFrom('a', 'b', '\u0000', '1');
    const nearEight = fc.array(piece, { minLength: 1, maxLength: 10 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(nearEight, { minLength: 1, maxLength: 200 }), (values) => {
        const shuffled = ['zz', 'a', ...values];
        const { ids, interner } = internAll(shuffled);
        expect(ids).toEqual(referenceIds(shuffled));
        expect(interner.strings()).toEqual([...new Set(shuffled)]);
      }),
      { seed: 20261207, numRuns: 200 },
    );
  });
});
