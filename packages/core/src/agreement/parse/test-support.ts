import fc from 'fast-check';
import type { EncodedSample } from '../types';
import type { ParsedSample } from './types';

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

/**
 * Wide tables of 2 to 5 annotators ("coder 0", "coder 1"…) and 1 to `maxRows` rows of ids and labels drawn
 * from `id` and `label`: the header line, the rows (no final line break) and the annotator count.
 */
export function wideTables(id: fc.Arbitrary<string>, label: fc.Arbitrary<string>, maxRows: number) {
  return fc
    .tuple(
      fc.integer({ min: 2, max: 5 }),
      fc.array(fc.tuple(id, fc.array(label, { minLength: 5, maxLength: 5 })), {
        minLength: 1,
        maxLength: maxRows,
      }),
    )
    .map(([annotators, rows]) => ({
      annotators,
      header: ['item', ...Array.from({ length: annotators }, (_, i) => `coder ${i}`)].join(','),
      body: rows.map(([item, labels]) => [item, ...labels.slice(0, annotators)].join(',')).join('\n'),
    }));
}

/** A parsed sample as comparable plain data: its triples, format, resolved duplicates and missing cells. */
export function parsedView(parsed: ParsedSample) {
  return {
    ok: true as const,
    sample: plainSample(parsed.sample),
    format: parsed.format,
    duplicatesResolved: parsed.duplicatesResolved,
    missingSpellings: parsed.missingSpellings,
  };
}
