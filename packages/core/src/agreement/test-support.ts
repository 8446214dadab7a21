/**
 * Test-only helpers: build an `EncodedSample` from (item, annotator, label) triples, or from a long CSV
 * of the reference data, following the contract in `types.ts` (first-seen ids; categories in ascending
 * numeric order when every label is numeric, else first-seen); the tables and resamples statistics are
 * built from; and the random samples the property tests draw. Not part of the public API: the real
 * parsers live in `parse/`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { createRandom } from '../shared';
import type { Resample } from './bootstrap';
import { computeFramedAgreement } from './compute-framed-agreement';
import type { Box, Span, UnitSample } from './framing';
import type { SampleTables } from './item-groups';
import { buildItemIndex } from './item-index';
import { buildItemTable } from './item-table';
import { buildItemPairCells, buildPairEntries, buildPairTable } from './pair-table';
import { parseFramedSample } from './parse';
import { buildPairSource } from './statistics';
import type { EncodedSample } from './types';

export type Triple = readonly [item: string, annotator: string, label: string];

export function encodeTriples(triples: readonly Triple[], declaredOrder?: readonly string[]): EncodedSample {
  const items = new Map<string, number>();
  const annotators = new Map<string, number>();
  const labels = new Map<string, number>();
  const intern = (map: Map<string, number>, key: string): number => {
    let id = map.get(key);
    if (id === undefined) {
      id = map.size;
      map.set(key, id);
    }
    return id;
  };
  const itemOf = new Int32Array(triples.length);
  const annotatorOf = new Int32Array(triples.length);
  const firstSeen = new Int32Array(triples.length);
  triples.forEach(([item, annotator, label], a) => {
    itemOf[a] = intern(items, item);
    annotatorOf[a] = intern(annotators, annotator);
    firstSeen[a] = intern(labels, label);
  });
  const seen = [...labels.keys()];
  const numeric =
    seen.length > 0 && seen.every((label) => label.trim() !== '' && Number.isFinite(Number(label)));
  let categories: string[];
  if (declaredOrder !== undefined) categories = [...declaredOrder];
  else if (numeric) categories = [...seen].sort((x, y) => Number(x) - Number(y));
  else categories = seen;
  const position = new Map(categories.map((label, k) => [label, k]));
  const categoryOf = firstSeen.map((k) => position.get(seen[k] ?? '') ?? 0);
  const allNumeric = categories.every((label) => label.trim() !== '' && Number.isFinite(Number(label)));
  return {
    items: [...items.keys()],
    annotators: [...annotators.keys()],
    categories,
    categoryValues: allNumeric && categories.length > 0 ? Float64Array.from(categories, Number) : null,
    ordered: declaredOrder !== undefined || (allNumeric && categories.length > 0),
    itemOf,
    annotatorOf,
    categoryOf,
  };
}

export const REFERENCE_DATA_DIR = fileURLToPath(new URL('./reference-data/', import.meta.url));

/** Reads a long CSV (`item,annotator,label`, no quoted fields) from the reference data. */
export function loadLongCsv(path: string): EncodedSample {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).slice(1);
  const triples: Triple[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    const [item = '', annotator = '', label = ''] = line.split(',');
    triples.push([item, annotator, label]);
  }
  return encodeTriples(triples);
}

/** The same annotator-pair statistics in both layouts the engine chooses between (dense cells, sparse entries). */
export function buildPairSources(sample: EncodedSample) {
  const index = buildItemIndex(sample);
  const pairs = buildPairTable(sample, index);
  const categoryCount = sample.categories.length;
  const dense = {
    kind: 'dense',
    cells: buildItemPairCells(sample, index, pairs),
    pairCount: pairs.pairCount,
    categoryCount,
  } as const;
  const sparse = { kind: 'sparse', entries: buildPairEntries(sample, index, pairs), categoryCount } as const;
  return { dense, sparse, pairs };
}

/** A sample with the item index and item table its statistics are built from. */
export function sampleTables(sample: EncodedSample): SampleTables {
  const index = buildItemIndex(sample);
  return { sample, index, table: buildItemTable(sample, index) };
}

/** The annotator-pair statistics of a sample, in the layout the engine chooses. */
export function pairSourceOf({ sample, index }: Pick<SampleTables, 'sample' | 'index'>) {
  return buildPairSource(sample, index, buildPairTable(sample, index));
}

/** The resample that draws item i `weights[i]` times. */
export function resampleOf(weights: Int32Array): Resample {
  const drawn = Int32Array.from(weights.keys()).filter((i) => (weights[i] ?? 0) > 0);
  return { weights, items: drawn, count: drawn.length };
}

/** One bootstrap resample of `itemCount` items (multiplicity weights), drawn with a seeded generator. */
export function drawResample(itemCount: number, seed: number): Resample {
  const random = createRandom(seed);
  const weights = new Int32Array(itemCount);
  for (let draw = 0; draw < itemCount; draw++) {
    const i = random.nextInt(itemCount);
    weights[i] = (weights[i] ?? 0) + 1;
  }
  return resampleOf(weights);
}

/**
 * Random samples for property tests, with random weights per item: up to `maxItems` items × 2–4
 * annotators, numeric labels 1 … up to `maxCategories` (so every α level applies), a label missing once in
 * `freq + 1` cells. With `distinctRows`, item i is labeled as item i mod `distinctRows` is, so that items
 * group. `weights(items)` draws the weights for that many items; samples with no label are left out.
 */
export function gridSamples<W>(
  shape: { maxItems: number; maxCategories: number; freq: number; distinctRows?: number },
  weights: (items: number) => fc.Arbitrary<W>,
): fc.Arbitrary<{ triples: Triple[]; weights: W }> {
  return fc
    .record({
      items: fc.integer({ min: 1, max: shape.maxItems }),
      annotators: fc.integer({ min: 2, max: 4 }),
      categories: fc.integer({ min: 1, max: shape.maxCategories }),
    })
    .chain(({ items, annotators, categories }) =>
      fc.record({
        grid: fc.array(
          fc.array(fc.option(fc.integer({ min: 0, max: categories - 1 }), { freq: shape.freq, nil: null }), {
            minLength: annotators,
            maxLength: annotators,
          }),
          { minLength: items, maxLength: items },
        ),
        weights: weights(items),
      }),
    )
    .map(({ grid, weights }) => {
      const rows = shape.distinctRows ?? grid.length;
      const triples: Triple[] = [];
      grid.forEach((_, i) => {
        (grid[i % rows] ?? []).forEach((k, a) => {
          if (k !== null) triples.push([`item${i}`, `rater${a}`, String(k + 1)]);
        });
      });
      return { triples, weights };
    })
    .filter(({ triples }) => triples.length > 0);
}

/** (unit, annotator, value) records of a structured framing. */
export type UnitRecords<V> = (readonly [unit: string, annotator: string, value: V])[];

/** Random label sets: up to 3 of A, B, C and D. */
export const labelSetArb = fc.uniqueArray(fc.constantFrom('A', 'B', 'C', 'D'), { maxLength: 3 });

/** Random spans: a start in 0 … 30, 1 … 8 characters long, labeled PER or ORG. */
export const spanArb = fc
  .record({
    start: fc.integer({ min: 0, max: 30 }),
    length: fc.integer({ min: 1, max: 8 }),
    label: fc.constantFrom('PER', 'ORG'),
  })
  .map(({ start, length, label }): Span => ({ start, end: start + length, label }));

/** Random boxes: a corner in 0 … 20, sides 1 … 10, labeled car or person. */
export const boxArb = fc
  .record({
    x: fc.integer({ min: 0, max: 20 }),
    y: fc.integer({ min: 0, max: 20 }),
    width: fc.integer({ min: 1, max: 10 }),
    height: fc.integer({ min: 1, max: 10 }),
    label: fc.constantFrom('car', 'person'),
  })
  .map((box): Box => box);

/** Random (unit, annotator, value) records: up to 8 units × 4 annotators, each cell present or not. */
export function unitRecordsOf<V>(value: fc.Arbitrary<V>): fc.Arbitrary<UnitRecords<V>> {
  return fc
    .array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 3 }), value), { maxLength: 32 })
    .map((cells) => {
      const seen = new Set<string>();
      return cells.flatMap(([unit, annotator, v]): UnitRecords<V> => {
        const key = `${unit}/${annotator}`;
        if (seen.has(key)) return [];
        seen.add(key);
        return [[`u${unit}`, `a${annotator}`, v]];
      });
    });
}

/** A structured-framing sample from (unit, annotator, value) records, ids in first-seen order. */
export function unitSampleOf<V>(records: Readonly<UnitRecords<V>>): UnitSample<V> {
  const units: string[] = [];
  const annotators: string[] = [];
  const indexIn = (list: string[], id: string) => {
    const at = list.indexOf(id);
    if (at >= 0) return at;
    list.push(id);
    return list.length - 1;
  };
  const annotations = records.map(([unit, annotator, value]) => ({
    unit: indexIn(units, unit),
    annotator: indexIn(annotators, annotator),
    value,
  }));
  return { units, annotators, annotations };
}

/** Spans of a brat standoff `.ann` file: its text-bound (`T`) annotations with one fragment. */
export function readBratSpans(text: string): Span[] {
  return text.split('\n').flatMap((line) => {
    const [id, annotation] = line.split('\t');
    if (!id?.startsWith('T') || annotation === undefined) return [];
    const [label = '', start = '', end = ''] = annotation.split(' ');
    return [{ start: Number(start), end: Number(end), label }];
  });
}

/** The report of the Label Studio NER fixture (two annotators, spans), with a short bootstrap. */
export function labelStudioNerReport() {
  const file = readFileSync(
    fileURLToPath(new URL('./parse/fixtures/label-studio-ner.json', import.meta.url)),
  );
  const parsed = parseFramedSample(file);
  const control = parsed.ok ? parsed.value.controls[0] : undefined;
  if (!control) throw new Error('the NER fixture should parse');
  return computeFramedAgreement(control.sample, { bootstrap: 20 });
}
