import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildItemIndex, regroupByItem } from './item-index';
import { parseSample } from './parse';

const plain = (index: ReturnType<typeof buildItemIndex>) => ({
  itemStart: [...index.itemStart],
  annotatorAt: [...index.annotatorAt],
  categoryAt: [...index.categoryAt],
  copied: index.copied,
});

describe('buildItemIndex', () => {
  it('hands over the index the parser built for rows out of item order, equal to building it afresh', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 4 })), {
          minLength: 2,
          maxLength: 200,
          selector: ([item, annotator]) => `${item}/${annotator}`,
        }),
        (cells) => {
          const rows = cells.map(([item, annotator]) => `i${item},r${annotator},${(item * annotator) % 3}`);
          const parsed = parseSample(`item,annotator,label\n${rows.join('\n')}\n`);
          fc.pre(parsed.ok);
          if (!parsed.ok) return;
          const { sample } = parsed.value;
          // A copy has no index waiting for it, so it is grouped from scratch.
          const fresh = plain(buildItemIndex({ ...sample }));
          expect(plain(buildItemIndex(sample))).toEqual(fresh);
          // Handed over once: the next build of the same sample starts afresh and agrees.
          expect(plain(buildItemIndex(sample))).toEqual(fresh);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('regroupByItem', () => {
  it("lists every item's annotators and categories in row order, for any row order and id range", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(70_000), fc.nat(70_000)), { maxLength: 3000 }),
        fc.boolean(),
        (items, raw, small) => {
          // Small ids take the packed two-pass path; ids past 2^15 the direct one.
          const cap = small ? 1 << 15 : 70_001;
          const rows = raw.map(([item, annotator, category]) => [
            item % items,
            annotator % cap,
            category % cap,
          ]);
          const itemOf = Int32Array.from(rows, (r) => r[0] ?? 0);
          const annotatorOf = Int32Array.from(rows, (r) => r[1] ?? 0);
          const categoryOf = Int32Array.from(rows, (r) => r[2] ?? 0);
          const itemStart = new Int32Array(items + 1);
          for (const item of itemOf) itemStart[item + 1] = (itemStart[item + 1] ?? 0) + 1;
          for (let i = 0; i < items; i++) itemStart[i + 1] = (itemStart[i + 1] ?? 0) + (itemStart[i] ?? 0);
          const ids = {
            annotators: Math.max(0, ...annotatorOf) + 1,
            categories: Math.max(0, ...categoryOf) + 1,
          };
          const { annotatorAt, categoryAt } = regroupByItem(
            { itemOf, annotatorOf, categoryOf },
            rows.length,
            itemStart,
            ids,
          );
          const expected = Array.from({ length: items }, (_, i) => rows.filter((r) => r[0] === i)).flat();
          expect([...annotatorAt]).toEqual(expected.map((r) => r[1]));
          expect([...categoryAt]).toEqual(expected.map((r) => r[2]));
        },
      ),
      { seed: 20261207, numRuns: 100 },
    );
  });
});
