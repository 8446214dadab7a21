import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ResampledStatistic } from './bootstrap';
import { createMajorityStatistic } from './ceiling';
import { itemCountOf } from './item-names';
import { combineForms, finishFromBlock, sumBlock } from './linear-forms';
import {
  createAlphaStatistic,
  createLightStatistic,
  createMultiRaterStatistic,
  createTwoRaterStatistic,
} from './statistics';
import { encodeTriples, gridSamples, pairSourceOf, resampleOf, sampleTables } from './test-support';

/** Random samples and a block of 1 … 5 resamples' random item weights. */
const samples = gridSamples({ maxItems: 60, maxCategories: 4, freq: 3 }, (items) =>
  fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: items, maxLength: items }), {
    minLength: 1,
    maxLength: 5,
  }),
);

describe('linear forms', () => {
  it('give every statistic that has one the value its evaluate gives, resample by resample', () => {
    let densePairs = 0;
    fc.assert(
      fc.property(samples, ({ triples, weights: drawnWeights }) => {
        const sample = encodeTriples(triples);
        // Rows with no label are no item: one weight per item of the sample.
        const weights = drawnWeights.map((row) => row.slice(0, itemCountOf(sample)));
        const { index, table } = sampleTables(sample);
        const source = pairSourceOf({ sample, index });
        const statistics: ResampledStatistic[] = [
          createAlphaStatistic(table, ['nominal'], sample.categoryValues),
          createAlphaStatistic(table, ['nominal', 'ordinal', 'interval', 'ratio'], sample.categoryValues),
          createMultiRaterStatistic(table, true),
          createMajorityStatistic(sample, index, table, 2, false),
          createMajorityStatistic(sample, index, table, 3, false),
          createLightStatistic(source),
          ...(sample.annotators.length === 2 ? [createTwoRaterStatistic(source, true)] : []),
        ];
        // Every statistic here has a form, but the pairwise ones only on dense pairs (few annotators and categories).
        expect(statistics.filter((statistic) => statistic.linear === undefined).length).toBe(
          source.kind === 'dense' ? 0 : statistics.length - 5,
        );
        if (source.kind === 'dense') densePairs++;
        const items = itemCountOf(sample);
        const withForms = statistics.filter((statistic) => statistic.linear !== undefined);
        const combined = combineForms(withForms, items);
        expect(combined).not.toBeNull();
        if (combined === null) return;
        const count = weights.length;
        // Group-major counts, as the resampler writes them for `sumBlock`.
        const counts = new Int32Array(items * count);
        weights.forEach((row, r) => {
          row.forEach((w, i) => {
            counts[i * count + r] = w;
          });
        });
        const sums = new Float64Array(combined.width * count);
        sumBlock(combined, counts, count, sums);
        const scratch = new Float64Array(Math.max(...combined.forms.map((form) => form.width)));
        weights.forEach((row, r) => {
          const resample = resampleOf(Int32Array.from(row));
          withForms.forEach((statistic, s) => {
            const expected = new Float64Array(statistic.size);
            const actual = new Float64Array(statistic.size);
            statistic.evaluate(resample, expected);
            finishFromBlock(combined, s, sums, count, r, scratch, actual);
            expected.forEach((value, j) => {
              if (Number.isNaN(value)) expect(actual[j]).toBeNaN();
              else expect(actual[j]).toBeCloseTo(value, 10);
            });
          });
        });
      }),
      { numRuns: 300 },
    );
    expect(densePairs).toBeGreaterThan(20);
  });

  it('are left out, and the statistic scored by evaluate, when one statistic of a level has none', () => {
    const sample = encodeTriples([
      ['i1', 'a', 'x'],
      ['i1', 'b', 'y'],
      ['i1', 'c', 'x'],
    ]);
    const { index, table } = sampleTables(sample);
    // The ceiling with every annotator's agreement is not one sum of fixed features per item.
    const perAnnotator = createMajorityStatistic(sample, index, table, 3, true);
    expect(perAnnotator.linear).toBeUndefined();
    expect(combineForms([createMultiRaterStatistic(table, true), perAnnotator], 1)).toBeNull();
  });
});
