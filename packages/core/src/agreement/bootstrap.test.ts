import { describe, expect, it } from 'vitest';
import { bootstrapDistributions, percentileInterval } from './bootstrap';
import { createMajorityStatistic } from './ceiling';
import { buildItemIndex } from './item-index';
import { buildItemTable } from './item-table';
import { buildPairEntries, buildPairTable } from './pair-table';
import {
  createAlphaStatistic,
  createLightStatistic,
  createMultiRaterStatistic,
  createTwoRaterStatistic,
  lightKappaFromPairTable,
} from './statistics';
import { loadLongCsv, REFERENCE_DATA_DIR } from './test-support';

describe('percentileInterval', () => {
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
      evaluate(weights: Int32Array | null, out: Float64Array) {
        out[0] = weights === null ? 0 : (weights[0] ?? 0) * 1000 + (weights[1] ?? 0);
      },
    };
    const a = bootstrapDistributions([counter], 10, 50, 7)[0];
    const b = bootstrapDistributions([counter], 10, 50, 7)[0];
    const c = bootstrapDistributions([counter], 10, 50, 8)[0];
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('draws each resample as N items with replacement', () => {
    const total = {
      size: 1,
      evaluate(weights: Int32Array | null, out: Float64Array) {
        out[0] = weights?.reduce((sum, w) => sum + w, 0) ?? 0;
      },
    };
    expect([...(bootstrapDistributions([total], 37, 20, 1)[0] ?? [])]).toEqual(new Array(20).fill(37));
  });
});

describe('resampled statistics', () => {
  it('give the point estimate when every item is drawn exactly once', () => {
    for (const name of ['krippendorff2011', 'wikipedia_fleiss_example', 'sklearn_weighted_example']) {
      const sample = loadLongCsv(`${REFERENCE_DATA_DIR}${name}.long.csv`);
      const index = buildItemIndex(sample);
      const table = buildItemTable(sample, index);
      const pairs = buildPairTable(sample, index);
      const entries = buildPairEntries(sample, index, pairs);
      const ones = new Int32Array(sample.items.length).fill(1);
      const statistics = [
        createMultiRaterStatistic(table, true),
        createAlphaStatistic(table, ['nominal', 'ordinal', 'interval'], sample.categoryValues),
        createMajorityStatistic(sample, index, table, 3, true),
        createLightStatistic(entries, sample.categories.length),
        createTwoRaterStatistic(entries, 0, sample.categories.length, true),
      ];
      for (const statistic of statistics) {
        const point = new Float64Array(statistic.size);
        const weighted = new Float64Array(statistic.size);
        statistic.evaluate(null, point);
        statistic.evaluate(ones, weighted);
        expect([...weighted]).toEqual([...point]);
      }
      const light = new Float64Array(1);
      statistics[3]?.evaluate(null, light);
      expect(light[0]).toBeCloseTo(lightKappaFromPairTable(pairs).value, 12);
    }
  });

  it('count an item drawn twice as two copies of it', () => {
    const sample = loadLongCsv(`${REFERENCE_DATA_DIR}krippendorff2011.long.csv`);
    const table = buildItemTable(sample, buildItemIndex(sample));
    const statistic = createMultiRaterStatistic(table, false);
    const weights = new Int32Array(sample.items.length);
    weights[5] = 2; // item 6: labels 1, 2, 3, 4, no agreeing pair
    weights[6] = 1; // item 7: all 4
    const out = new Float64Array(4);
    statistic.evaluate(weights, out);
    expect(out[0]).toBeCloseTo(1 / 3, 12);
  });
});
