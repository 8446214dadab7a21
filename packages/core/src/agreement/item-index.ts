import type { EncodedSample } from './types';

/**
 * Annotations grouped by item in compressed-sparse-row form: item `i`'s annotations are
 * `position(j)` for `j` in `[itemStart[i], itemStart[i + 1])`, where `position(j)` is `order[j]`, or `j`
 * itself when the sample already lists annotations item by item (`order === null`, the usual case for
 * long files sorted by item and for wide files, which saves a copy of the whole sample).
 */
export interface ItemIndex {
  readonly itemStart: Int32Array;
  readonly order: Int32Array | null;
}

/** Groups a sample's annotations by item with one counting sort (two passes over `itemOf`, stable). */
export function buildItemIndex(sample: EncodedSample): ItemIndex {
  const itemCount = sample.items.length;
  const itemOf = sample.itemOf;
  const total = itemOf.length;
  const itemStart = new Int32Array(itemCount + 1);
  let sorted = true;
  let previous = -1;
  for (let a = 0; a < total; a++) {
    const item = itemOf[a] ?? 0;
    if (item < previous) sorted = false;
    previous = item;
    itemStart[item + 1] = (itemStart[item + 1] ?? 0) + 1;
  }
  for (let i = 0; i < itemCount; i++) itemStart[i + 1] = (itemStart[i + 1] ?? 0) + (itemStart[i] ?? 0);
  if (sorted) return { itemStart, order: null };

  const next = itemStart.slice(0, itemCount);
  const order = new Int32Array(total);
  for (let a = 0; a < total; a++) {
    const item = itemOf[a] ?? 0;
    const slot = next[item] ?? 0;
    order[slot] = a;
    next[item] = slot + 1;
  }
  return { itemStart, order };
}
