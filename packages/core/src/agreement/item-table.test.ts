import { describe, expect, it } from 'vitest';
import { buildItemIndex } from './item-index';
import { buildItemTable, scoreMajorityOfOthers } from './item-table';
import { encodeTriples } from './test-support';

/** Σ over an item's annotations of agreement with the majority of the others, for counts per category. */
function majority(counts: number[]): { total: number; scores: number[] } {
  const scores = new Float64Array(counts.length);
  const total = scoreMajorityOfOthers(
    Int32Array.from(counts, (_, k) => k),
    Int32Array.from(counts),
    0,
    counts.length,
    scores,
  );
  return { total, scores: [...scores] };
}

describe('scoreMajorityOfOthers', () => {
  it('scores 1 for the others’ unique majority, 1/T for a T-way tie, 0 otherwise', () => {
    // x x y: an x sees {x, y}, a tie → 1/2; y sees {x, x} → 0.
    expect(majority([2, 1])).toEqual({ total: 1, scores: [0.5, 0] });
    // x x x y: an x sees {x, x, y} → 1.
    expect(majority([3, 1])).toEqual({ total: 3, scores: [1, 0] });
    // x y z: each sees a 2-way tie without itself → 0.
    expect(majority([1, 1, 1]).total).toBe(0);
    // x x y y: an x sees {x, y, y} → 0.
    expect(majority([2, 2]).total).toBe(0);
    // x x x y y z: an x sees {x, x, y, y, z}: tie of x and y → 1/2.
    expect(majority([3, 2, 1]).scores).toEqual([0.5, 0, 0]);
    // Two labels: agreement with the single other label.
    expect(majority([2]).total).toBe(2);
    expect(majority([1, 1]).total).toBe(0);
  });
});

describe('buildItemTable', () => {
  it('groups unsorted annotations by item and counts labels per category', () => {
    const sample = encodeTriples([
      ['b', 'A', 'x'],
      ['a', 'A', 'y'],
      ['b', 'B', 'x'],
      ['a', 'B', 'y'],
      ['a', 'C', 'x'],
      ['c', 'C', 'x'],
    ]);
    const index = buildItemIndex(sample);
    expect(index.copied).toBe(true);
    expect([...index.categoryAt].map((k) => sample.categories[k])).toEqual(['x', 'x', 'y', 'y', 'x', 'x']);
    const table = buildItemTable(sample, index);
    expect([...table.itemStart]).toEqual([0, 2, 5, 6]);
    const entriesOf = (i: number) =>
      Array.from({ length: (table.entryStart[i + 1] ?? 0) - (table.entryStart[i] ?? 0) }, (_, k) => {
        const e = (table.entryStart[i] ?? 0) + k;
        return [sample.categories[table.entryCategory[e] ?? 0], table.entryCount[e]];
      });
    expect(entriesOf(0)).toEqual([['x', 2]]);
    expect(entriesOf(1)).toEqual([
      ['y', 2],
      ['x', 1],
    ]);
    expect(table).toMatchObject({
      pairableItems: 2,
      itemsWithThreeOrMore: 1,
      minPairableLabels: 2,
      maxPairableLabels: 3,
    });
    expect([...table.categoryTotals]).toEqual([4, 2]);
  });

  it('skips the copy when annotations already come item by item', () => {
    const sample = encodeTriples([
      ['a', 'A', 'x'],
      ['a', 'B', 'x'],
      ['b', 'A', 'y'],
    ]);
    const index = buildItemIndex(sample);
    expect(index.copied).toBe(false);
    expect(index.categoryAt).toBe(sample.categoryOf);
  });
});
