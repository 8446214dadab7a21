import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildItemIndex } from './item-index';
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
