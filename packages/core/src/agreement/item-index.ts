import { itemCountOf } from './item-names';
import type { EncodedSample } from './types';

/**
 * Annotations grouped by item in compressed-sparse-row form: item `i`'s annotations are positions
 * `j` in `[itemStart[i], itemStart[i + 1])`, with annotator `annotatorAt[j]` and label `categoryAt[j]`.
 * When the sample already lists annotations item by item (wide files, long files sorted by item) these
 * are the sample's own arrays; otherwise they are copies in item order, so that every later pass reads
 * memory in sequence (reading a shuffled sample through a permutation is several times slower).
 */
export interface ItemIndex {
  readonly itemStart: Int32Array;
  readonly annotatorAt: Int32Array;
  readonly categoryAt: Int32Array;
  /** Whether `annotatorAt` and `categoryAt` are copies (the sample was not in item order). */
  readonly copied: boolean;
}

/** Annotations per call of the range functions below (see `ITEM_CHUNK` for why the loops are chunked). */
const ANNOTATION_CHUNK = 1 << 16;

/** Counts annotations lo … hi − 1 per item into `itemStart[item + 1]`; returns whether they are in item order. */
function countRange(itemOf: Int32Array, itemStart: Int32Array, lo: number, hi: number): boolean {
  let sorted = true;
  let previous = lo > 0 ? (itemOf[lo - 1] ?? 0) : 0;
  for (let a = lo; a < hi; a++) {
    const item = itemOf[a] ?? 0;
    if (item < previous) sorted = false;
    previous = item;
    itemStart[item + 1] = (itemStart[item + 1] ?? 0) + 1;
  }
  return sorted;
}

function placeRange(
  sample: EncodedSample,
  next: Int32Array,
  annotatorAt: Int32Array,
  categoryAt: Int32Array,
  lo: number,
  hi: number,
): void {
  const { itemOf, annotatorOf, categoryOf } = sample;
  for (let a = lo; a < hi; a++) {
    const item = itemOf[a] ?? 0;
    const slot = next[item] ?? 0;
    annotatorAt[slot] = annotatorOf[a] ?? 0;
    categoryAt[slot] = categoryOf[a] ?? 0;
    next[item] = slot + 1;
  }
}

/**
 * Indexes that the parser already built while checking for duplicate pairs, handed over once to the first
 * `buildItemIndex` of the sample: regrouping a shuffled file of millions of rows is a pass of scattered
 * writes, not worth doing twice. Weak, so an index never outlives its sample.
 */
const prebuilt = new WeakMap<EncodedSample, ItemIndex>();

/** Offers `index` (which must be exactly what `buildItemIndex(sample)` would return) to the next build. */
export function rememberItemIndex(sample: EncodedSample, index: ItemIndex): void {
  prebuilt.set(sample, index);
}

/** Groups a sample's annotations by item with one counting sort (stable: an item keeps its annotations' order). */
export function buildItemIndex(sample: EncodedSample): ItemIndex {
  const known = prebuilt.get(sample);
  if (known !== undefined) {
    prebuilt.delete(sample);
    return known;
  }
  const itemCount = itemCountOf(sample);
  const itemOf = sample.itemOf;
  const total = itemOf.length;
  const itemStart = new Int32Array(itemCount + 1);
  let sorted = true;
  for (let lo = 0; lo < total; lo += ANNOTATION_CHUNK) {
    if (!countRange(itemOf, itemStart, lo, Math.min(total, lo + ANNOTATION_CHUNK))) sorted = false;
  }
  for (let i = 0; i < itemCount; i++) itemStart[i + 1] = (itemStart[i + 1] ?? 0) + (itemStart[i] ?? 0);
  if (sorted)
    return { itemStart, annotatorAt: sample.annotatorOf, categoryAt: sample.categoryOf, copied: false };

  const next = itemStart.slice(0, itemCount);
  const annotatorAt = new Int32Array(total);
  const categoryAt = new Int32Array(total);
  for (let lo = 0; lo < total; lo += ANNOTATION_CHUNK) {
    placeRange(sample, next, annotatorAt, categoryAt, lo, Math.min(total, lo + ANNOTATION_CHUNK));
  }
  return { itemStart, annotatorAt, categoryAt, copied: true };
}
