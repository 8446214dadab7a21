import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ResampledStatistic } from './bootstrap';
import { createMajorityStatistic } from './ceiling';
import { groupItemsByAnnotations, groupItemsByLabels, selectFrom } from './item-groups';
import { itemCountOf, itemName } from './item-names';
import {
  createAlphaStatistic,
  createLightStatistic,
  createMultiRaterStatistic,
  createTwoRaterStatistic,
} from './statistics';
import { encodeTriples, gridSamples, pairSourceOf, resampleOf, sampleTables } from './test-support';
import type { EncodedSample } from './types';

/** Random samples and random item multiplicities. Few distinct rows, so that groups hold several items. */
const weightedSamples = gridSamples({ maxItems: 40, maxCategories: 3, freq: 4, distinctRows: 3 }, (items) =>
  fc.array(fc.integer({ min: 0, max: 4 }), { minLength: items, maxLength: items }),
);

function evaluate(statistic: ResampledStatistic, weights: Int32Array): number[] {
  const out = new Float64Array(statistic.size);
  statistic.evaluate(resampleOf(weights), out);
  return [...out];
}

/**
 * The group of each item, found independently of the interner (by a string key), in order of first
 * appearance as the groups are numbered.
 */
function groupOf(sample: EncodedSample, keyOf: (labels: [number, number][]) => string): Int32Array {
  const itemCount = itemCountOf(sample);
  const labels: [number, number][][] = Array.from({ length: itemCount }, () => []);
  sample.itemOf.forEach((item, a) => {
    labels[item]?.push([sample.annotatorOf[a] ?? 0, sample.categoryOf[a] ?? 0]);
  });
  const ids = new Map<string, number>();
  return Int32Array.from(labels, (itemLabels) => {
    const key = keyOf(itemLabels);
    if (!ids.has(key)) ids.set(key, ids.size);
    return ids.get(key) ?? -1;
  });
}

const byLabelsKey = (labels: [number, number][]) =>
  labels
    .map(([, k]) => k)
    .sort((x, y) => x - y)
    .join(',');
const byAnnotationsKey = (labels: [number, number][]) =>
  [...labels]
    .sort((x, y) => x[0] - y[0])
    .map(([a, k]) => `${a}:${k}`)
    .join(',');

function expectClose(actual: number[], expected: number[]): void {
  expected.forEach((value, j) => {
    if (Number.isNaN(value)) expect(actual[j]).toBeNaN();
    else expect(actual[j]).toBeCloseTo(value, 10);
  });
}

describe('item groups', () => {
  it('give every statistic that reads items through the grouping the same value for any item weights', () => {
    fc.assert(
      fc.property(weightedSamples, ({ triples, weights: itemWeights }) => {
        const sample = encodeTriples(triples);
        const { index, table } = sampleTables(sample);
        const weights = Int32Array.from(itemWeights);
        const levels = ['nominal', 'ordinal', 'interval', 'ratio'] as const;

        const labels = groupItemsByLabels(sample, table);
        const { index: labelsIndex, table: labelsTable } = sampleTables(labels.sample);
        const labelGroup = groupOf(sample, byLabelsKey);
        const labelWeights = new Int32Array(labels.sizes.length);
        labelGroup.forEach((g, i) => {
          labelWeights[g] = (labelWeights[g] ?? 0) + (weights[i] ?? 0);
        });
        expect([...labels.sizes]).toEqual(
          [...labels.sizes.keys()].map((g) => labelGroup.filter((h) => h === g).length),
        );
        const onLabels: [ResampledStatistic, ResampledStatistic][] = [
          [createMultiRaterStatistic(table, true), createMultiRaterStatistic(labelsTable, true)],
          [
            createAlphaStatistic(table, levels, sample.categoryValues),
            createAlphaStatistic(labelsTable, levels, labels.sample.categoryValues),
          ],
          [
            createAlphaStatistic(table, ['nominal'], null),
            createAlphaStatistic(labelsTable, ['nominal'], null),
          ],
          [
            createMajorityStatistic(sample, index, table, 3, false),
            createMajorityStatistic(labels.sample, labelsIndex, labelsTable, 3, false),
          ],
          [
            createMajorityStatistic(sample, index, table, 2, false),
            createMajorityStatistic(labels.sample, labelsIndex, labelsTable, 2, false),
          ],
        ];
        for (const [original, grouped] of onLabels) {
          expectClose(evaluate(grouped, labelWeights), evaluate(original, weights));
        }

        const annotations = groupItemsByAnnotations(sample, index);
        const { index: annotationsIndex, table: annotationsTable } = sampleTables(annotations.sample);
        const annotationGroup = groupOf(sample, byAnnotationsKey);
        const annotationWeights = new Int32Array(annotations.sizes.length);
        annotationGroup.forEach((g, i) => {
          annotationWeights[g] = (annotationWeights[g] ?? 0) + (weights[i] ?? 0);
        });
        const source = pairSourceOf({ sample, index });
        const groupedSource = pairSourceOf({ sample: annotations.sample, index: annotationsIndex });
        const onAnnotations: [ResampledStatistic, ResampledStatistic][] = [
          [createLightStatistic(source), createLightStatistic(groupedSource)],
          [createTwoRaterStatistic(source, true), createTwoRaterStatistic(groupedSource, true)],
          [
            createMajorityStatistic(sample, index, table, 3, true),
            createMajorityStatistic(annotations.sample, annotationsIndex, annotationsTable, 3, true),
          ],
        ];
        for (const [original, grouped] of onAnnotations) {
          expectClose(evaluate(grouped, annotationWeights), evaluate(original, weights));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('select a subset of items as a sample of its own, on which every statistic weighs them as in the whole', () => {
    fc.assert(
      fc.property(weightedSamples, fc.integer({ min: 0, max: 1000 }), ({ triples, weights }, seed) => {
        const tables = sampleTables(encodeTriples(triples));
        const { sample, index, table } = tables;
        const itemCount = itemCountOf(sample);
        // A subset in a scrambled order: item t of the copy is item subset[t].
        const subset = Int32Array.from({ length: itemCount }, (_, i) => i)
          .filter((i) => (i * 7 + seed) % 3 !== 0)
          .sort((x, y) => ((x * 31 + seed) % 17) - ((y * 31 + seed) % 17) || x - y);
        const { sample: selected, index: selectedIndex, table: selectedTable } = selectFrom(tables, subset);
        expect(itemCountOf(selected)).toBe(subset.length);
        expect([...subset].map((_, t) => itemName(selected, t))).toEqual(
          [...subset].map((i) => itemName(sample, i)),
        );
        // Weights on the subset only; the statistics on the copy must read the same.
        const whole = new Int32Array(itemCount);
        const part = Int32Array.from(subset, (i) => weights[i] ?? 0);
        subset.forEach((i, t) => {
          whole[i] = part[t] ?? 0;
        });
        const both: [ResampledStatistic, ResampledStatistic][] = [
          [createMultiRaterStatistic(table, true), createMultiRaterStatistic(selectedTable, true)],
          [
            createAlphaStatistic(table, ['nominal', 'interval'], sample.categoryValues),
            createAlphaStatistic(selectedTable, ['nominal', 'interval'], selected.categoryValues),
          ],
          [
            createMajorityStatistic(sample, index, table, 3, true),
            createMajorityStatistic(selected, selectedIndex, selectedTable, 3, true),
          ],
          [
            createLightStatistic(pairSourceOf({ sample, index })),
            createLightStatistic(pairSourceOf({ sample: selected, index: selectedIndex })),
          ],
        ];
        for (const [original, copy] of both) expectClose(evaluate(copy, part), evaluate(original, whole));
      }),
      { numRuns: 100 },
    );
  });

  it('count items without labels and merge an already grouped sample further by its multiplicities', () => {
    const sample = encodeTriples([
      ['x', 'a', 'yes'],
      ['x', 'b', 'no'],
      ['y', 'b', 'yes'],
      ['y', 'a', 'no'],
      ['z', 'a', 'yes'],
      ['z', 'b', 'yes'],
    ]);
    const { index, table } = sampleTables(sample);
    expect([...groupItemsByLabels(sample, table).sizes]).toEqual([2, 1]);
    expect([...groupItemsByAnnotations(sample, index).sizes]).toEqual([1, 1, 1]);
    expect([...groupItemsByLabels(sample, table, Int32Array.of(3, 0, 5)).sizes]).toEqual([3, 5]);
  });
});
