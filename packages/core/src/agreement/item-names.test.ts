import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeAgreement } from './compute-agreement';
import { itemCountOf, itemName } from './item-names';
import { parseSample } from './parse';

const row = fc.tuple(
  fc.stringMatching(/^[a-zé0-9]{1,5}$/),
  fc.constantFrom('r1', 'r2', 'r3'),
  fc.constantFrom('a', 'b', 'c'),
);

describe('lazy item names of parsed samples', () => {
  it('count and name items as the decoded names do, and give the same report as a plain copy', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 60 }), (rows) => {
        const text = `item,annotator,label\n${rows.map((cells) => cells.join(',')).join('\n')}\n`;
        const lazy = () => {
          const parsed = parseSample(text, { duplicates: 'last' });
          return parsed.ok ? parsed.value.sample : null;
        };
        const sample = lazy();
        if (sample === null) return;
        // Reading the report first, from a sample whose names were never decoded…
        const report = computeAgreement(sample, { bootstrap: 20, seed: 5 });
        // …then a plain object with the decoded names (spreading reads `items`).
        const fresh = lazy();
        if (fresh === null) return;
        const plain = { ...fresh };
        expect(computeAgreement(plain, { bootstrap: 20, seed: 5 })).toEqual(report);
        expect(itemCountOf(sample)).toBe(new Set(rows.map(([item]) => item)).size);
        const named = Array.from({ length: itemCountOf(sample) }, (_, i) => itemName(sample, i));
        expect(named).toEqual(plain.items);
        expect(itemName(sample, named.length)).toBe('');
        expect(sample.items).toEqual(plain.items);
      }),
      { seed: 11, numRuns: 80 },
    );
  });
});
