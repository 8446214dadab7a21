import { buildItemIndex, type ItemIndex } from './item-index';
import { itemName, withLazyItems } from './item-names';
import { buildItemTable, type ItemTable } from './item-table';
import type { EncodedSample } from './types';

/**
 * Items grouped by what a statistic reads of them, for the compressed bootstrap: `sample` holds one item
 * per group (its representative, in the same categories as the original), and `sizes[g]` counts the
 * original items in group g (Σ = the original item count, items without labels included; with
 * `multiplicities`, item i counts as that many items, so an already grouped sample groups further). A statistic
 * computed on `sample` with each group weighted by its size equals the statistic on the original items,
 * and a bootstrap resample of the original items is a multinomial draw of counts over the groups
 * (`createGroupResampler`).
 */
export interface ItemGroups {
  readonly sample: EncodedSample;
  readonly sizes: Int32Array;
}

/**
 * Interns variable-length sequences of 32-bit integers: the same sequence always gets the same id, ids
 * count up from 0 in order of first appearance. Open addressing with linear probing over a power-of-two
 * table kept at most half full; sequences live back to back in one growing arena.
 */
class SequenceInterner {
  private slots = new Int32Array(1 << 10).fill(-1);
  private hashes = new Int32Array(1 << 9);
  private starts = new Int32Array((1 << 9) + 1);
  private arena = new Int32Array(1 << 12);
  private used = 0;
  size = 0;

  /** The id of `key[0 … length − 1]`, new if never seen. */
  intern(key: Int32Array, length: number): number {
    let hash = 0x811c9dc5 ^ length;
    for (let j = 0; j < length; j++) hash = Math.imul(hash ^ (key[j] ?? 0), 0x01000193);
    hash ^= hash >>> 15;
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot] ?? -1;
      if (id < 0) return this.add(key, length, hash, slot);
      if ((this.hashes[id] ?? 0) === hash && this.equals(id, key, length)) return id;
    }
  }

  /** Sequence `id`, as a view of the arena (valid until the next `intern`). */
  sequence(id: number): Int32Array {
    return this.arena.subarray(this.starts[id] ?? 0, this.starts[id + 1] ?? 0);
  }

  private equals(id: number, key: Int32Array, length: number): boolean {
    const start = this.starts[id] ?? 0;
    if ((this.starts[id + 1] ?? 0) - start !== length) return false;
    for (let j = 0; j < length; j++) if (this.arena[start + j] !== key[j]) return false;
    return true;
  }

  private add(key: Int32Array, length: number, hash: number, slot: number): number {
    const id = this.size++;
    if (this.used + length > this.arena.length) this.arena = grow(this.arena, this.used + length);
    this.arena.set(key.subarray(0, length), this.used);
    this.used += length;
    if (id + 2 > this.starts.length) this.starts = grow(this.starts, id + 2);
    this.starts[id + 1] = this.used;
    if (id + 1 > this.hashes.length) this.hashes = grow(this.hashes, id + 1);
    this.hashes[id] = hash;
    this.slots[slot] = id;
    if (this.size * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = (this.hashes[id] ?? 0) & mask;
      while ((slots[slot] ?? -1) >= 0) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
  }
}

function grow(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(Math.max(size, array.length * 2));
  bigger.set(array);
  return bigger;
}

/** Sorts `key[0 … length − 1]` as consecutive pairs by their first element (insertion sort: items are short). */
function sortPairs(key: Int32Array, length: number): void {
  for (let x = 2; x < length; x += 2) {
    const first = key[x] ?? 0;
    const second = key[x + 1] ?? 0;
    let y = x - 2;
    while (y >= 0 && (key[y] ?? 0) > first) {
      key[y + 2] = key[y] ?? 0;
      key[y + 3] = key[y + 1] ?? 0;
      y -= 2;
    }
    key[y + 2] = first;
    key[y + 3] = second;
  }
}

/**
 * Builds the groups' sample from interned keys of (annotator, category) or (category, count) pairs:
 * `annotations(key, emit)` lists one group's annotations.
 */
function groupsSample(
  original: EncodedSample,
  interner: SequenceInterner,
  sizes: Int32Array,
  annotators: readonly string[],
  annotationsOf: (key: Int32Array, emit: (annotator: number, category: number) => void) => void,
): ItemGroups {
  let total = 0;
  for (let g = 0; g < interner.size; g++) annotationsOf(interner.sequence(g), () => total++);
  const itemOf = new Int32Array(total);
  const annotatorOf = new Int32Array(total);
  const categoryOf = new Int32Array(total);
  let next = 0;
  for (let g = 0; g < interner.size; g++) {
    annotationsOf(interner.sequence(g), (annotator, category) => {
      itemOf[next] = g;
      annotatorOf[next] = annotator;
      categoryOf[next] = category;
      next++;
    });
  }
  const groupCount = interner.size;
  const name = (g: number) => `group ${g + 1}`;
  const sample = withLazyItems(
    {
      annotators,
      categories: original.categories,
      categoryValues: original.categoryValues,
      ordered: original.ordered,
      itemOf,
      annotatorOf,
      categoryOf,
    },
    { size: groupCount, at: name, all: () => Array.from({ length: groupCount }, (_, g) => name(g)) },
  );
  return { sample, sizes: sizes.slice(0, groupCount) };
}

/**
 * Groups items by their multiset of labels (the category counts n_ik), which is all that percent
 * agreement, Fleiss' κ, Gwet's AC1, Brennan–Prediger, Krippendorff's α at every level (the coincidence
 * matrix adds n_ic·(n_ik − [c = k]) / (m_i − 1) per item) and the human ceiling (the majority of the other
 * labels of each annotation) read of an item. The representative of a group with m labels is an item
 * labeled by annotators 0 … m − 1 (who labeled what does not enter these statistics).
 */
export function groupItemsByLabels(
  sample: EncodedSample,
  table: ItemTable,
  multiplicities: Int32Array | null = null,
): ItemGroups {
  const { itemCount, entryStart, entryCategory, entryCount } = table;
  let longest = 0;
  let mostLabels = 0;
  for (let i = 0; i < itemCount; i++) {
    longest = Math.max(longest, (entryStart[i + 1] ?? 0) - (entryStart[i] ?? 0));
    mostLabels = Math.max(mostLabels, (table.itemStart[i + 1] ?? 0) - (table.itemStart[i] ?? 0));
  }
  const key = new Int32Array(2 * longest);
  const interner = new SequenceInterner();
  let sizes = new Int32Array(1024);
  for (let i = 0; i < itemCount; i++) {
    const first = entryStart[i] ?? 0;
    const length = 2 * ((entryStart[i + 1] ?? 0) - first);
    for (let x = 0; x < length; x += 2) {
      key[x] = entryCategory[first + (x >> 1)] ?? 0;
      key[x + 1] = entryCount[first + (x >> 1)] ?? 0;
    }
    sortPairs(key, length);
    const g = interner.intern(key, length);
    if (g >= sizes.length) sizes = grow(sizes, g + 1);
    sizes[g] = (sizes[g] ?? 0) + (multiplicities === null ? 1 : (multiplicities[i] ?? 0));
  }
  const annotators = Array.from({ length: mostLabels }, (_, a) => `label ${a + 1}`);
  return groupsSample(sample, interner, sizes, annotators, (pairs, emit) => {
    let annotator = 0;
    for (let x = 0; x < pairs.length; x += 2) {
      for (let n = 0; n < (pairs[x + 1] ?? 0); n++) emit(annotator++, pairs[x] ?? 0);
    }
  });
}

/**
 * Groups items by who gave which label (the set of (annotator, category) pairs): everything any agreement
 * statistic reads of an item, since items are exchangeable, so this grouping serves the pairwise
 * coefficients (Cohen's κ, Scott's π, weighted κ, Light's κ) and the per-annotator diagnostics.
 */
export function groupItemsByAnnotations(
  sample: EncodedSample,
  index: ItemIndex,
  multiplicities: Int32Array | null = null,
): ItemGroups {
  const { itemStart, annotatorAt, categoryAt } = index;
  const itemCount = itemStart.length - 1;
  let longest = 0;
  for (let i = 0; i < itemCount; i++)
    longest = Math.max(longest, (itemStart[i + 1] ?? 0) - (itemStart[i] ?? 0));
  const key = new Int32Array(2 * longest);
  const interner = new SequenceInterner();
  let sizes = new Int32Array(1024);
  for (let i = 0; i < itemCount; i++) {
    const start = itemStart[i] ?? 0;
    const length = 2 * ((itemStart[i + 1] ?? 0) - start);
    for (let x = 0; x < length; x += 2) {
      key[x] = annotatorAt[start + (x >> 1)] ?? 0;
      key[x + 1] = categoryAt[start + (x >> 1)] ?? 0;
    }
    sortPairs(key, length);
    const g = interner.intern(key, length);
    if (g >= sizes.length) sizes = grow(sizes, g + 1);
    sizes[g] = (sizes[g] ?? 0) + (multiplicities === null ? 1 : (multiplicities[i] ?? 0));
  }
  return groupsSample(sample, interner, sizes, sample.annotators, (pairs, emit) => {
    for (let x = 0; x < pairs.length; x += 2) emit(pairs[x] ?? 0, pairs[x + 1] ?? 0);
  });
}

/**
 * The sample made of items `items[0 … k − 1]` of `sample` only, item t of the result being item `items[t]`
 * with its annotations (same annotators and categories). The bag of little bootstraps scores each subset
 * on such a copy, so that a resample reads a few thousand items laid out together instead of the same
 * items scattered through the whole sample (every read a cache miss).
 */
export function selectItems(sample: EncodedSample, index: ItemIndex, items: Int32Array): EncodedSample {
  const { itemStart, annotatorAt, categoryAt } = index;
  let total = 0;
  for (const i of items) total += (itemStart[i + 1] ?? 0) - (itemStart[i] ?? 0);
  const itemOf = new Int32Array(total);
  const annotatorOf = new Int32Array(total);
  const categoryOf = new Int32Array(total);
  let next = 0;
  items.forEach((i, t) => {
    for (let j = itemStart[i] ?? 0; j < (itemStart[i + 1] ?? 0); j++) {
      itemOf[next] = t;
      annotatorOf[next] = annotatorAt[j] ?? 0;
      categoryOf[next] = categoryAt[j] ?? 0;
      next++;
    }
  });
  const name = (t: number) => itemName(sample, items[t] ?? -1);
  return withLazyItems(
    {
      annotators: sample.annotators,
      categories: sample.categories,
      categoryValues: sample.categoryValues,
      ordered: sample.ordered,
      itemOf,
      annotatorOf,
      categoryOf,
    },
    { size: items.length, at: name, all: () => Array.from(items, (_, t) => name(t)) },
  );
}

/** A sample with the tables its statistics are built from. */
export interface SampleTables {
  readonly sample: EncodedSample;
  readonly index: ItemIndex;
  readonly table: ItemTable;
}

/**
 * `selectItems` with its tables, for building the statistics of a subset. The categories used stay those
 * of the whole sample (q in AC1's and Brennan–Prediger's chance agreement, fixed in every resample of it),
 * even when the subset lacks some.
 */
export function selectFrom(whole: SampleTables, items: Int32Array): SampleTables {
  const sample = selectItems(whole.sample, whole.index, items);
  const index = buildItemIndex(sample);
  const table = { ...buildItemTable(sample, index), observedCategories: whole.table.observedCategories };
  return { sample, index, table };
}
