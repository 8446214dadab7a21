import type { EncodedSample } from './types';

/** Names of ids kept as bytes, decoded one at a time or all at once. */
export interface IdNames {
  readonly size: number;
  at(id: number): string;
  all(): string[];
}

/**
 * Samples whose item names stay undecoded until read. A report names only a few items (the top
 * disagreements), while decoding millions of ids to strings costs more CPU than the statistics over
 * them and keeps millions of small objects for the garbage collector. Weak, like the samples.
 */
const lazyItems = new WeakMap<EncodedSample, IdNames>();

/** The sample, with `items` a property that decodes every name when first read. */
export function withLazyItems(fields: Omit<EncodedSample, 'items'>, names: IdNames): EncodedSample {
  let items: string[] | null = null;
  const sample = Object.defineProperty(fields, 'items', {
    enumerable: true,
    configurable: true,
    get: () => {
      items ??= names.all();
      return items;
    },
  }) as EncodedSample;
  lazyItems.set(sample, names);
  return sample;
}

/** Number of items, without decoding lazy names. */
export function itemCountOf(sample: EncodedSample): number {
  return lazyItems.get(sample)?.size ?? sample.items.length;
}

/** Name of item `item`, without decoding the others' lazy names. */
export function itemName(sample: EncodedSample, item: number): string {
  const names = lazyItems.get(sample);
  return names === undefined ? (sample.items[item] ?? '') : names.at(item);
}
