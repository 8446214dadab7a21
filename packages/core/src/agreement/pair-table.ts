import type { ItemIndex } from './item-index';
import { itemCountOf } from './item-names';
import { ITEM_CHUNK } from './item-table';
import type { EncodedSample } from './types';

/**
 * Up to this many annotators pair ids are found in a dense A × A table (at most 65,536 cells); above, in a
 * Map keyed a·A + b holding only the pairs that occur.
 */
const DENSE_MAX_ANNOTATORS = 256;
/** Up to this many A²C² cells (16 MB), every pair's full confusion matrix is counted in one dense array. */
const DENSE_MAX_CELLS = 1 << 22;

/**
 * Statistics of every annotator pair that shares at least one item, and only of those: a crowd of 1,000
 * annotators who each label 20 items yields a few thousand pairs, never 1,000² cells. Pair p is
 * (annotatorA[p], annotatorB[p]) with A < B; "row" is A's label, "column" B's.
 */
export interface PairTable {
  readonly pairCount: number;
  readonly categoryCount: number;
  readonly annotatorA: Int32Array;
  readonly annotatorB: Int32Array;
  /** Items both annotators labeled. */
  readonly items: Int32Array;
  /** Shared items on which they gave the same label. */
  readonly agreeing: Int32Array;
  /** `rowTotals[p · C + k]`: shared items A labeled k; `colTotals` likewise for B. */
  readonly rowTotals: Int32Array;
  readonly colTotals: Int32Array;
  /**
   * Every pair's confusion matrix, `confusion[p · C² + r · C + c]`, when there are few annotators and
   * categories (it is then what the pass counts); `null` for large or sparse panels.
   */
  readonly confusion: Int32Array | null;
  /** The pair id of annotators (a, b), a < b, or −1. */
  readonly pairId: (a: number, b: number) => number;
}

/**
 * Shared items of every pair, grouped by pair (for the bootstrap of Light's κ and of 2-annotator
 * coefficients): pair p's entries are `[pairStart[p], pairStart[p + 1])`, each an item and both labels.
 */
export interface PairEntries {
  readonly pairStart: Int32Array;
  readonly item: Int32Array;
  readonly rowCategory: Int32Array;
  readonly colCategory: Int32Array;
}

function grow(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  if (size <= array.length) return array;
  const bigger = new Int32Array(Math.max(size, array.length * 2));
  bigger.set(array);
  return bigger;
}

/** Copies item i's annotators and labels into the scratch arrays; returns m_i. */
function gatherItem(index: ItemIndex, i: number, annotators: Int32Array, categories: Int32Array): number {
  const { itemStart, annotatorAt, categoryAt } = index;
  const start = itemStart[i] ?? 0;
  const end = itemStart[i + 1] ?? 0;
  for (let j = start; j < end; j++) {
    annotators[j - start] = annotatorAt[j] ?? 0;
    categories[j - start] = categoryAt[j] ?? 0;
  }
  return end - start;
}

function largestItem(index: ItemIndex): number {
  let largest = 0;
  const { itemStart } = index;
  for (let i = 0; i + 1 < itemStart.length; i++) {
    const m = (itemStart[i + 1] ?? 0) - (itemStart[i] ?? 0);
    if (m > largest) largest = m;
  }
  return largest;
}

/**
 * Builds the pair table in one pass over the pairs of labels of each item (O(Σ m_i²)). With few annotators
 * and categories each pair of labels is one increment of a dense A × A × C × C count; otherwise pairs are
 * numbered as they appear and their totals grow with them.
 */
export function buildPairTable(sample: EncodedSample, index: ItemIndex): PairTable {
  const A = sample.annotators.length;
  const C = sample.categories.length;
  return A <= DENSE_MAX_ANNOTATORS && A * A * C * C <= DENSE_MAX_CELLS
    ? buildDensePairTable(sample, index)
    : buildSparsePairTable(sample, index);
}

/**
 * Counts the label pairs of items lo … hi − 1 into the dense A × A × C × C array. The cell of annotator a
 * labeling r and annotator b > a labeling c is (a·A + b)·C² + r·C + c = R(a, r) + K(b, c), with
 * R = a·A·C² + r·C and K = b·C² + c computed once per annotation; since R grows with a, comparing R values
 * orders the pair by annotator.
 */
function countDenseRange(
  sample: EncodedSample,
  index: ItemIndex,
  counts: Int32Array,
  rowParts: Int32Array,
  colParts: Int32Array,
  lo: number,
  hi: number,
): void {
  const A = sample.annotators.length;
  const C = sample.categories.length;
  const C2 = C * C;
  const { itemStart, annotatorAt, categoryAt } = index;
  for (let i = lo; i < hi; i++) {
    const start = itemStart[i] ?? 0;
    const m = (itemStart[i + 1] ?? 0) - start;
    if (m < 2) continue;
    for (let x = 0; x < m; x++) {
      const annotator = annotatorAt[start + x] ?? 0;
      const category = categoryAt[start + x] ?? 0;
      rowParts[x] = annotator * A * C2 + category * C;
      colParts[x] = annotator * C2 + category;
    }
    for (let x = 0; x < m; x++) {
      const rx = rowParts[x] ?? 0;
      for (let y = x + 1; y < m; y++) {
        const ry = rowParts[y] ?? 0;
        const cell = rx < ry ? rx + (colParts[y] ?? 0) : ry + (colParts[x] ?? 0);
        counts[cell] = (counts[cell] ?? 0) + 1;
      }
    }
  }
}

function buildDensePairTable(sample: EncodedSample, index: ItemIndex): PairTable {
  const A = sample.annotators.length;
  const C = sample.categories.length;
  const C2 = C * C;
  const counts = new Int32Array(A * A * C2);
  const largest = largestItem(index);
  const rowParts = new Int32Array(largest);
  const colParts = new Int32Array(largest);
  const itemCount = itemCountOf(sample);
  for (let lo = 0; lo < itemCount; lo += ITEM_CHUNK) {
    countDenseRange(sample, index, counts, rowParts, colParts, lo, Math.min(itemCount, lo + ITEM_CHUNK));
  }

  const ids = new Int32Array(A * A).fill(-1);
  let pairCount = 0;
  for (let key = 0; key < A * A; key++) {
    const base = key * C2;
    for (let cell = base; cell < base + C2; cell++) {
      if ((counts[cell] ?? 0) > 0) {
        ids[key] = pairCount++;
        break;
      }
    }
  }
  const annotatorA = new Int32Array(pairCount);
  const annotatorB = new Int32Array(pairCount);
  const items = new Int32Array(pairCount);
  const agreeing = new Int32Array(pairCount);
  const rowTotals = new Int32Array(pairCount * C);
  const colTotals = new Int32Array(pairCount * C);
  const confusion = new Int32Array(pairCount * C2);
  for (let key = 0; key < A * A; key++) {
    const p = ids[key] ?? -1;
    if (p < 0) continue;
    annotatorA[p] = Math.floor(key / A);
    annotatorB[p] = key % A;
    confusion.set(counts.subarray(key * C2, (key + 1) * C2), p * C2);
    for (let r = 0; r < C; r++) {
      for (let c = 0; c < C; c++) {
        const n = confusion[p * C2 + r * C + c] ?? 0;
        items[p] = (items[p] ?? 0) + n;
        if (r === c) agreeing[p] = (agreeing[p] ?? 0) + n;
        rowTotals[p * C + r] = (rowTotals[p * C + r] ?? 0) + n;
        colTotals[p * C + c] = (colTotals[p * C + c] ?? 0) + n;
      }
    }
  }
  return {
    pairCount,
    categoryCount: C,
    annotatorA,
    annotatorB,
    items,
    agreeing,
    rowTotals,
    colTotals,
    confusion,
    pairId: (a, b) => ids[a * A + b] ?? -1,
  };
}

function buildSparsePairTable(sample: EncodedSample, index: ItemIndex): PairTable {
  const A = sample.annotators.length;
  const C = sample.categories.length;
  const dense = A <= DENSE_MAX_ANNOTATORS ? new Int32Array(A * A).fill(-1) : null;
  const sparse = dense === null ? new Map<number, number>() : null;
  const largest = largestItem(index);
  const annotators = new Int32Array(largest);
  const categories = new Int32Array(largest);

  let capacity = 16;
  let pairCount = 0;
  let annotatorA = new Int32Array(capacity);
  let annotatorB = new Int32Array(capacity);
  let items = new Int32Array(capacity);
  let agreeing = new Int32Array(capacity);
  let rowTotals = new Int32Array(capacity * C);
  let colTotals = new Int32Array(capacity * C);

  for (let i = 0, itemTotal = itemCountOf(sample); i < itemTotal; i++) {
    const m = gatherItem(index, i, annotators, categories);
    for (let x = 0; x < m; x++) {
      for (let y = x + 1; y < m; y++) {
        const swap = (annotators[x] ?? 0) > (annotators[y] ?? 0);
        const a = (swap ? annotators[y] : annotators[x]) ?? 0;
        const b = (swap ? annotators[x] : annotators[y]) ?? 0;
        const row = (swap ? categories[y] : categories[x]) ?? 0;
        const col = (swap ? categories[x] : categories[y]) ?? 0;
        const key = a * A + b;
        let p = dense !== null ? (dense[key] ?? -1) : (sparse?.get(key) ?? -1);
        if (p < 0) {
          p = pairCount++;
          if (pairCount > capacity) {
            capacity *= 2;
            annotatorA = grow(annotatorA, capacity);
            annotatorB = grow(annotatorB, capacity);
            items = grow(items, capacity);
            agreeing = grow(agreeing, capacity);
            rowTotals = grow(rowTotals, capacity * C);
            colTotals = grow(colTotals, capacity * C);
          }
          annotatorA[p] = a;
          annotatorB[p] = b;
          if (dense !== null) dense[key] = p;
          else sparse?.set(key, p);
        }
        items[p] = (items[p] ?? 0) + 1;
        if (row === col) agreeing[p] = (agreeing[p] ?? 0) + 1;
        rowTotals[p * C + row] = (rowTotals[p * C + row] ?? 0) + 1;
        colTotals[p * C + col] = (colTotals[p * C + col] ?? 0) + 1;
      }
    }
  }

  return {
    pairCount,
    categoryCount: C,
    annotatorA: annotatorA.subarray(0, pairCount),
    annotatorB: annotatorB.subarray(0, pairCount),
    items: items.subarray(0, pairCount),
    agreeing: agreeing.subarray(0, pairCount),
    rowTotals: rowTotals.subarray(0, pairCount * C),
    colTotals: colTotals.subarray(0, pairCount * C),
    confusion: null,
    pairId: (a, b) => (dense !== null ? (dense[a * A + b] ?? -1) : (sparse?.get(a * A + b) ?? -1)),
  };
}

/** Lists each pair's shared items, grouped by pair (a counting sort on the pair id). */
export function buildPairEntries(sample: EncodedSample, index: ItemIndex, table: PairTable): PairEntries {
  const pairStart = new Int32Array(table.pairCount + 1);
  for (let p = 0; p < table.pairCount; p++) pairStart[p + 1] = (pairStart[p] ?? 0) + (table.items[p] ?? 0);
  const total = pairStart[table.pairCount] ?? 0;
  const item = new Int32Array(total);
  const rowCategory = new Int32Array(total);
  const colCategory = new Int32Array(total);
  const next = pairStart.slice(0, table.pairCount);
  const largest = largestItem(index);
  const annotators = new Int32Array(largest);
  const categories = new Int32Array(largest);
  for (let i = 0, itemTotal = itemCountOf(sample); i < itemTotal; i++) {
    const m = gatherItem(index, i, annotators, categories);
    for (let x = 0; x < m; x++) {
      for (let y = x + 1; y < m; y++) {
        const swap = (annotators[x] ?? 0) > (annotators[y] ?? 0);
        const p = swap
          ? table.pairId(annotators[y] ?? 0, annotators[x] ?? 0)
          : table.pairId(annotators[x] ?? 0, annotators[y] ?? 0);
        const slot = next[p] ?? 0;
        next[p] = slot + 1;
        item[slot] = i;
        rowCategory[slot] = (swap ? categories[y] : categories[x]) ?? 0;
        colCategory[slot] = (swap ? categories[x] : categories[y]) ?? 0;
      }
    }
  }
  return { pairStart, item, rowCategory, colCategory };
}

/**
 * Every item's label pairs as cells of a dense array of all pairs' confusion matrices,
 * `cell = p · C² + r · C + c`, grouped by item (`[itemStart[i], itemStart[i + 1])`): a resample then adds
 * each drawn item's weight to its cells, reading the weight once per item and skipping undrawn items.
 * Needs pair ids below 2^31 / C², which the dense pair table guarantees.
 */
export interface ItemPairCells {
  readonly itemStart: Int32Array;
  readonly cell: Int32Array;
}

export function buildItemPairCells(sample: EncodedSample, index: ItemIndex, table: PairTable): ItemPairCells {
  const C = table.categoryCount;
  const C2 = C * C;
  let total = 0;
  for (const items of table.items) total += items;
  const itemStart = new Int32Array(itemCountOf(sample) + 1);
  const cell = new Int32Array(total);
  const largest = largestItem(index);
  const annotators = new Int32Array(largest);
  const categories = new Int32Array(largest);
  let next = 0;
  for (let i = 0, itemTotal = itemCountOf(sample); i < itemTotal; i++) {
    const m = gatherItem(index, i, annotators, categories);
    for (let x = 0; x < m; x++) {
      for (let y = x + 1; y < m; y++) {
        const ax = annotators[x] ?? 0;
        const ay = annotators[y] ?? 0;
        const cx = categories[x] ?? 0;
        const cy = categories[y] ?? 0;
        cell[next++] =
          ax < ay ? table.pairId(ax, ay) * C2 + cx * C + cy : table.pairId(ay, ax) * C2 + cy * C + cx;
      }
    }
    itemStart[i + 1] = next;
  }
  return { itemStart, cell };
}
