import type { EncodedSample } from '../types';

/** The sample as sorted `item|annotator|label` strings: equal for the same triples whatever the order. */
export function tripleSet(sample: EncodedSample): string[] {
  const out: string[] = [];
  for (let a = 0; a < sample.itemOf.length; a++) {
    out.push(
      `${sample.items[sample.itemOf[a] ?? -1]}|${sample.annotators[sample.annotatorOf[a] ?? -1]}|${sample.categories[sample.categoryOf[a] ?? -1]}`,
    );
  }
  return out.sort();
}

/** Plain arrays of an encoded sample, for deep equality of two parses. */
export function plainSample(sample: EncodedSample) {
  return {
    items: [...sample.items],
    annotators: [...sample.annotators],
    categories: [...sample.categories],
    categoryValues: sample.categoryValues === null ? null : [...sample.categoryValues],
    ordered: sample.ordered,
    itemOf: [...sample.itemOf],
    annotatorOf: [...sample.annotatorOf],
    categoryOf: [...sample.categoryOf],
  };
}
