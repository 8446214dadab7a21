/**
 * Test-only helpers: build an `EncodedSample` from (item, annotator, label) triples, or from a long CSV
 * of the reference data, following the contract in `types.ts` (first-seen ids; categories in ascending
 * numeric order when every label is numeric, else first-seen). Not part of the public API: the real
 * parsers live in `parse/`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRandom } from '../shared';
import type { Resample } from './bootstrap';
import { computeFramedAgreement } from './compute-framed-agreement';
import type { Span, UnitSample } from './framing';
import { buildItemIndex } from './item-index';
import { buildItemPairCells, buildPairEntries, buildPairTable } from './pair-table';
import { parseFramedSample } from './parse';
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

/** One bootstrap resample of `itemCount` items (multiplicity weights), drawn with a seeded generator. */
export function drawResample(itemCount: number, seed: number): Resample {
  const random = createRandom(seed);
  const weights = new Int32Array(itemCount);
  for (let draw = 0; draw < itemCount; draw++) {
    const i = random.nextInt(itemCount);
    weights[i] = (weights[i] ?? 0) + 1;
  }
  const drawn = [...weights.keys()].filter((i) => (weights[i] ?? 0) > 0);
  return { weights, items: Int32Array.from(drawn), count: drawn.length };
}

/** A structured-framing sample from (unit, annotator, value) records, ids in first-seen order. */
export function unitSampleOf<V>(
  records: readonly (readonly [unit: string, annotator: string, value: V])[],
): UnitSample<V> {
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
