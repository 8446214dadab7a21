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

/** A sample's annotations as rows: row a is annotator `annotatorOf[a]`'s label `categoryOf[a]` on item `itemOf[a]`. */
type AnnotationRows = Pick<EncodedSample, 'itemOf' | 'annotatorOf' | 'categoryOf'>;

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

/** Items per bucket of `regroupByItem` are at most 2^this many times fewer than the items. */
const BUCKET_BITS = 8;
/** Annotators and categories both below this are packed into one int32 while regrouping. */
const PACKED_LIMIT = 1 << 15;

/** Pass 1 of `regroupByItem`, rows lo … hi − 1: each row's item and packed labels to its bucket's next slot. */
function bucketRange(
  rows: AnnotationRows,
  shift: number,
  cursor: Int32Array,
  bucketItem: Int32Array,
  bucketPacked: Int32Array,
  lo: number,
  hi: number,
): void {
  const { itemOf, annotatorOf, categoryOf } = rows;
  for (let a = lo; a < hi; a++) {
    const item = itemOf[a] ?? 0;
    const b = item >>> shift;
    const at = cursor[b] ?? 0;
    bucketItem[at] = item;
    bucketPacked[at] = ((annotatorOf[a] ?? 0) << 16) | (categoryOf[a] ?? 0);
    cursor[b] = at + 1;
  }
}

/** Pass 2, bucket slots lo … hi − 1: each to its item's next slot, which is in the same bucket's range. */
function placeBucketRange(
  bucketItem: Int32Array,
  bucketPacked: Int32Array,
  next: Int32Array,
  packedAt: Int32Array,
  lo: number,
  hi: number,
): void {
  for (let j = lo; j < hi; j++) {
    const item = bucketItem[j] ?? 0;
    const slot = next[item] ?? 0;
    packedAt[slot] = bucketPacked[j] ?? 0;
    next[item] = slot + 1;
  }
}

function unpackRange(annotatorAt: Int32Array, categoryAt: Int32Array, lo: number, hi: number): void {
  for (let j = lo; j < hi; j++) {
    const packed = annotatorAt[j] ?? 0;
    categoryAt[j] = packed & 0xffff;
    annotatorAt[j] = packed >>> 16;
  }
}

function placeRange(
  rows: AnnotationRows,
  next: Int32Array,
  annotatorAt: Int32Array,
  categoryAt: Int32Array,
  lo: number,
  hi: number,
): void {
  const { itemOf, annotatorOf, categoryOf } = rows;
  for (let a = lo; a < hi; a++) {
    const item = itemOf[a] ?? 0;
    const slot = next[item] ?? 0;
    annotatorAt[slot] = annotatorOf[a] ?? 0;
    categoryAt[slot] = categoryOf[a] ?? 0;
    next[item] = slot + 1;
  }
}

/**
 * The first `n` rows' annotators and categories in item order, stable (an item keeps its rows' order), given
 * `itemStart` (the counts' prefix sums). Rows in random order would scatter two writes per row over
 * arrays far larger than the caches, each a miss; instead (when ids fit, packed into one int32) rows are
 * first split into about 2^BUCKET_BITS buckets of consecutive items, written in sequence per bucket, then
 * each bucket is placed within its own range, which fits in the cache (a two-pass radix scatter).
 */
export function regroupByItem(
  rows: AnnotationRows,
  n: number,
  itemStart: Int32Array,
  labelIds: { readonly annotators: number; readonly categories: number },
): { readonly annotatorAt: Int32Array; readonly categoryAt: Int32Array } {
  const itemCount = itemStart.length - 1;
  const annotatorAt = new Int32Array(n);
  const categoryAt = new Int32Array(n);
  const next = itemStart.slice(0, itemCount);
  if (labelIds.annotators > PACKED_LIMIT || labelIds.categories > PACKED_LIMIT) {
    for (let lo = 0; lo < n; lo += ANNOTATION_CHUNK) {
      placeRange(rows, next, annotatorAt, categoryAt, lo, Math.min(n, lo + ANNOTATION_CHUNK));
    }
    return { annotatorAt, categoryAt };
  }
  let shift = 0;
  while (itemCount >>> shift > 1 << BUCKET_BITS) shift++;
  const buckets = (itemCount >>> shift) + 1;
  const cursor = new Int32Array(buckets);
  for (let b = 0; b < buckets; b++) cursor[b] = itemStart[Math.min(itemCount, b << shift)] ?? 0;
  // A bucket's rows take exactly its items' slots, so the buckets are laid out as the result will be;
  // `categoryAt` holds the packed labels until the last pass writes the categories over them.
  const bucketItem = new Int32Array(n);
  for (let lo = 0; lo < n; lo += ANNOTATION_CHUNK) {
    bucketRange(rows, shift, cursor, bucketItem, categoryAt, lo, Math.min(n, lo + ANNOTATION_CHUNK));
  }
  for (let lo = 0; lo < n; lo += ANNOTATION_CHUNK) {
    placeBucketRange(bucketItem, categoryAt, next, annotatorAt, lo, Math.min(n, lo + ANNOTATION_CHUNK));
  }
  for (let lo = 0; lo < n; lo += ANNOTATION_CHUNK) {
    unpackRange(annotatorAt, categoryAt, lo, Math.min(n, lo + ANNOTATION_CHUNK));
  }
  return { annotatorAt, categoryAt };
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

  const { annotatorAt, categoryAt } = regroupByItem(sample, total, itemStart, {
    annotators: sample.annotators.length,
    categories: sample.categories.length,
  });
  return { itemStart, annotatorAt, categoryAt, copied: true };
}
