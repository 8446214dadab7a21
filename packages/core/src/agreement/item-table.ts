import type { ItemIndex } from './item-index';
import { itemCountOf } from './item-names';
import type { EncodedSample } from './types';

/**
 * Items per call of the range functions that hold the hot loops. V8 optimizes a small function that is
 * called many times better than one long loop it must replace on the stack mid-run (on-stack
 * replacement), and `computeAgreement` runs once per sample: chunking roughly halves such passes.
 */
export const ITEM_CHUNK = 1 << 14;

/**
 * Per-item sufficient statistics: everything the coefficients need, in typed arrays, so that a point
 * estimate and each bootstrap resample are a weighted pass over items rather than over annotations.
 *
 * Item `i` has m_i = `itemStart[i + 1] − itemStart[i]` labels and, for each category k it uses, an entry
 * (k, n_ik) in `[entryStart[i], entryStart[i + 1])`. An item is pairable when m_i ≥ 2.
 */
export interface ItemTable {
  readonly itemCount: number;
  readonly categoryCount: number;
  /** Shared with the `ItemIndex`: m_i = itemStart[i + 1] − itemStart[i]. */
  readonly itemStart: Int32Array;
  readonly entryStart: Int32Array;
  readonly entryCategory: Int32Array;
  readonly entryCount: Int32Array;
  /** Annotations per category over the whole sample. */
  readonly categoryTotals: Float64Array;
  /** Categories used at least once (q in Gwet's and Brennan–Prediger's chance agreement). */
  readonly observedCategories: number;
  readonly pairableItems: number;
  /** Items with ≥ 3 labels (the human ceiling's items). */
  readonly itemsWithThreeOrMore: number;
  /** Smallest and largest m_i over pairable items (0 when there is none). */
  readonly minPairableLabels: number;
  readonly maxPairableLabels: number;
}

interface TableBuild {
  entries: number;
  pairableItems: number;
  itemsWithThreeOrMore: number;
  minPairableLabels: number;
  maxPairableLabels: number;
}

function buildItemRange(
  index: ItemIndex,
  counts: Int32Array,
  entryStart: Int32Array,
  entryCategory: Int32Array,
  entryCount: Int32Array,
  categoryTotals: Float64Array,
  build: TableBuild,
  lo: number,
  hi: number,
): void {
  const { itemStart, categoryAt } = index;
  let { entries, pairableItems, itemsWithThreeOrMore, minPairableLabels, maxPairableLabels } = build;
  for (let i = lo; i < hi; i++) {
    const start = itemStart[i] ?? 0;
    const end = itemStart[i + 1] ?? 0;
    const first = entries;
    for (let j = start; j < end; j++) {
      const category = categoryAt[j] ?? 0;
      const seen = counts[category] ?? 0;
      if (seen === 0) entryCategory[entries++] = category;
      counts[category] = seen + 1;
    }
    entryStart[i + 1] = entries;
    for (let e = first; e < entries; e++) {
      const category = entryCategory[e] ?? 0;
      const n = counts[category] ?? 0;
      entryCount[e] = n;
      categoryTotals[category] = (categoryTotals[category] ?? 0) + n;
      counts[category] = 0;
    }
    const m = end - start;
    if (m >= 2) {
      pairableItems++;
      if (m >= 3) itemsWithThreeOrMore++;
      if (minPairableLabels === 0 || m < minPairableLabels) minPairableLabels = m;
      if (m > maxPairableLabels) maxPairableLabels = m;
    }
  }
  Object.assign(build, {
    entries,
    pairableItems,
    itemsWithThreeOrMore,
    minPairableLabels,
    maxPairableLabels,
  });
}

/** Builds the per-item table in one pass over the annotations, grouped by item by `index`. */
export function buildItemTable(sample: EncodedSample, index: ItemIndex): ItemTable {
  const itemCount = itemCountOf(sample);
  const categoryCount = sample.categories.length;
  const total = sample.categoryOf.length;
  const entryStart = new Int32Array(itemCount + 1);
  // An item has at most as many entries as labels, so `total` bounds the entries; views keep it one allocation.
  const entryCategory = new Int32Array(total);
  const entryCount = new Int32Array(total);
  const categoryTotals = new Float64Array(categoryCount);
  const counts = new Int32Array(categoryCount);
  const build: TableBuild = {
    entries: 0,
    pairableItems: 0,
    itemsWithThreeOrMore: 0,
    minPairableLabels: 0,
    maxPairableLabels: 0,
  };
  for (let lo = 0; lo < itemCount; lo += ITEM_CHUNK) {
    const hi = Math.min(itemCount, lo + ITEM_CHUNK);
    buildItemRange(index, counts, entryStart, entryCategory, entryCount, categoryTotals, build, lo, hi);
  }
  let observedCategories = 0;
  for (const count of categoryTotals) if (count > 0) observedCategories++;
  return {
    itemCount,
    categoryCount,
    itemStart: index.itemStart,
    entryStart,
    entryCategory: entryCategory.subarray(0, build.entries),
    entryCount: entryCount.subarray(0, build.entries),
    categoryTotals,
    observedCategories,
    pairableItems: build.pairableItems,
    itemsWithThreeOrMore: build.itemsWithThreeOrMore,
    minPairableLabels: build.minPairableLabels,
    maxPairableLabels: build.maxPairableLabels,
  };
}

/**
 * Fills `scoreOfCategory[k]`, for each category k on item i (entries `first … last − 1`), with the
 * agreement of one annotation labeled k with the majority of the *other* labels on the item: 1 if k is
 * the others' unique most frequent label, 1/T if it ties with T − 1 other labels for most frequent, else 0.
 * Returns Σ over the item's annotations of that agreement. Needs m_i ≥ 2.
 *
 * Removing the annotation lowers its own category's count by one, so only a category that was the item's
 * unique maximum (count `top`) can still be (one of) the others' majority; it then ties with every category
 * whose count is `top − 1`.
 */
export function scoreMajorityOfOthers(
  entryCategory: Int32Array,
  entryCount: Int32Array,
  first: number,
  last: number,
  scoreOfCategory: Float64Array,
): number {
  let top = 0;
  let topTies = 0;
  for (let e = first; e < last; e++) {
    const n = entryCount[e] ?? 0;
    if (n > top) {
      top = n;
      topTies = 1;
    } else if (n === top) topTies++;
  }
  let runnerUpTies = 0;
  for (let e = first; e < last; e++) if ((entryCount[e] ?? 0) === top - 1) runnerUpTies++;
  let total = 0;
  for (let e = first; e < last; e++) {
    const n = entryCount[e] ?? 0;
    const score = n === top && topTies === 1 ? 1 / (1 + runnerUpTies) : 0;
    scoreOfCategory[entryCategory[e] ?? 0] = score;
    total += n * score;
  }
  return total;
}
