import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrapDistributions, percentileInterval, type Resample } from './bootstrap';
import { createMajorityStatistic } from './ceiling';
import {
  createAlphaStatistic,
  createLightStatistic,
  createMultiRaterStatistic,
  createTwoRaterStatistic,
  lightKappaFromPairTable,
} from './statistics';
import {
  buildPairSources,
  drawResample,
  loadLongCsv,
  REFERENCE_DATA_DIR,
  sampleTables,
} from './test-support';

/** The percentile interval by sorting every defined value (R's type 7), the reference for the selection. */
function sortedPercentileInterval(values: Float64Array, confidence: number) {
  const defined = values.filter((value) => Number.isFinite(value)).sort();
  const undefinedResamples = values.length - defined.length;
  if (defined.length === 0 || defined.length * 2 < values.length)
    return { interval: null, undefinedResamples };
  const quantile = (p: number): number => {
    const h = (defined.length - 1) * p;
    const lo = Math.floor(h);
    const a = defined[lo] ?? Number.NaN;
    const b = defined[Math.min(lo + 1, defined.length - 1)] ?? a;
    return a + (h - lo) * (b - a);
  };
  const tail = (1 - confidence) / 2;
  return { interval: [quantile(tail), quantile(1 - tail)], undefinedResamples };
}

describe('percentileInterval', () => {
  it('gives exactly what sorting every value gives: ties, signed zeros, undefined values, any confidence', () => {
    const value = fc.oneof(
      fc.double({ noNaN: false }),
      fc.constantFrom(0, -0, 1, -1, 0.5, Number.NaN, Number.POSITIVE_INFINITY),
      fc.integer({ min: -3, max: 3 }),
    );
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, confidence) => {
          const array = Float64Array.from(values);
          expect(percentileInterval(array.slice(), confidence)).toStrictEqual(
            sortedPercentileInterval(array, confidence),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("interpolates between order statistics like R's quantile(type = 7)", () => {
    const values = Float64Array.from({ length: 101 }, (_, i) => 100 - i); // 0 … 100, unsorted
    // quantile(0:100, c(.025, .975)) = 2.5, 97.5
    const { interval, undefinedResamples } = percentileInterval(values, 0.95);
    expect(interval?.[0]).toBeCloseTo(2.5, 12);
    expect(interval?.[1]).toBeCloseTo(97.5, 12);
    expect(undefinedResamples).toBe(0);
  });

  it('leaves out undefined resamples, and gives no interval when most are undefined', () => {
    expect(percentileInterval(Float64Array.of(1, Number.NaN, 3, 2), 0.5)).toEqual({
      interval: [1.5, 2.5],
      undefinedResamples: 1,
    });
    expect(percentileInterval(Float64Array.of(Number.NaN, Number.NaN, 1), 0.95)).toEqual({
      interval: null,
      undefinedResamples: 2,
    });
  });
});

describe('bootstrapDistributions', () => {
  it('is seeded: the same seed gives the same resamples', () => {
    const counter = {
      size: 1,
      evaluate(resample: Resample | null, out: Float64Array) {
        out[0] = resample === null ? 0 : (resample.weights[0] ?? 0) * 1000 + (resample.weights[1] ?? 0);
      },
    };
    const a = bootstrapDistributions([counter], 10, 50, 7)[0];
    const b = bootstrapDistributions([counter], 10, 50, 7)[0];
    const c = bootstrapDistributions([counter], 10, 50, 8)[0];
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('draws each resample as N items with replacement, listing the drawn items', () => {
    const total = {
      size: 2,
      evaluate(resample: Resample | null, out: Float64Array) {
        const weights = resample?.weights ?? new Int32Array(0);
        const drawn = weights.reduce((n, w) => n + (w > 0 ? 1 : 0), 0);
        const listed = [...(resample?.items.subarray(0, resample.count) ?? [])];
        const consistent =
          resample?.count === drawn &&
          listed.every((i, k) => (weights[i] ?? 0) > 0 && (k === 0 || i > (listed[k - 1] ?? 0)));
        out[0] = weights.reduce((sum, w) => sum + w, 0);
        out[1] = consistent ? 1 : 0;
      },
    };
    const [values] = bootstrapDistributions([total], 37, 20, 1);
    expect([...(values ?? [])]).toEqual([...new Array(20).fill(37), ...new Array(20).fill(1)]);
  });
});

describe('resampled statistics', () => {
  it('give the point estimate when every item is drawn exactly once', () => {
    for (const name of ['krippendorff2011', 'wikipedia_fleiss_example', 'sklearn_weighted_example']) {
      const sample = loadLongCsv(`${REFERENCE_DATA_DIR}${name}.long.csv`);
      const { index, table } = sampleTables(sample);
      const { dense, sparse, pairs } = buildPairSources(sample);
      const everyItemOnce: Resample = {
        weights: new Int32Array(sample.items.length).fill(1),
        items: Int32Array.from(sample.items, (_, i) => i),
        count: sample.items.length,
      };
      const statistics = [
        createMultiRaterStatistic(table, true),
        createAlphaStatistic(table, ['nominal', 'ordinal', 'interval'], sample.categoryValues),
        createAlphaStatistic(table, ['nominal'], sample.categoryValues),
        createMajorityStatistic(sample, index, table, 3, true),
        createLightStatistic(dense),
        createLightStatistic(sparse),
        createTwoRaterStatistic(dense, true),
        createTwoRaterStatistic(sparse, true),
      ];
      for (const statistic of statistics) {
        const point = new Float64Array(statistic.size);
        const weighted = new Float64Array(statistic.size);
        statistic.evaluate(null, point);
        statistic.evaluate(everyItemOnce, weighted);
        expect([...weighted]).toEqual([...point]);
      }
      const values = statistics.map((statistic) => {
        const out = new Float64Array(statistic.size);
        statistic.evaluate(null, out);
        return [...out];
      });
      // Nominal α alone (trace and marginals) equals nominal α from the full coincidence matrix.
      expect(values[2]?.[0]).toBeCloseTo(values[1]?.[0] ?? Number.NaN, 12);
      // Both pair sources agree, and Light's κ matches the pair table's point estimate.
      expect(values[4]?.[0]).toBeCloseTo(values[5]?.[0] ?? Number.NaN, 12);
      expect(values[4]?.[0]).toBeCloseTo(lightKappaFromPairTable(pairs).value, 12);
      values[6]?.forEach((value, j) => {
        if (Number.isNaN(value)) expect(values[7]?.[j]).toBeNaN();
        else expect(value).toBeCloseTo(values[7]?.[j] ?? Number.NaN, 12);
      });
    }
  });

  it('give the same Light κ and 2-annotator coefficients from dense and sparse pair sources on a resample', () => {
    for (const name of ['krippendorff2011', 'wikipedia_fleiss_example', 'sklearn_weighted_example']) {
      const sample = loadLongCsv(`${REFERENCE_DATA_DIR}${name}.long.csv`);
      const { dense, sparse } = buildPairSources(sample);
      const resample = drawResample(sample.items.length, 5);
      for (const [a, b] of [
        [createLightStatistic(dense), createLightStatistic(sparse)],
        [createTwoRaterStatistic(dense, true), createTwoRaterStatistic(sparse, true)],
      ] as const) {
        const x = new Float64Array(a.size);
        const y = new Float64Array(b.size);
        a.evaluate(resample, x);
        b.evaluate(resample, y);
        x.forEach((value, j) => {
          if (Number.isNaN(value)) expect(y[j]).toBeNaN();
          else expect(value).toBeCloseTo(y[j] ?? Number.NaN, 12);
        });
      }
    }
  });

  it('count an item drawn twice as two copies of it', () => {
    const sample = loadLongCsv(`${REFERENCE_DATA_DIR}krippendorff2011.long.csv`);
    const { table } = sampleTables(sample);
    const statistic = createMultiRaterStatistic(table, false);
    const weights = new Int32Array(sample.items.length);
    weights[5] = 2; // item 6: labels 1, 2, 3, 4, no agreeing pair
    weights[6] = 1; // item 7: all 4
    const out = new Float64Array(4);
    statistic.evaluate({ weights, items: Int32Array.of(5, 6), count: 2 }, out);
    expect(out[0]).toBeCloseTo(1 / 3, 12);
  });
});
