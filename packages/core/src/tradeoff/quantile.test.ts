import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countAtMost, selectQuantile, sortedQuantile } from './quantile';

describe('quantiles', () => {
  it('type-7 quantile of a sorted array matches R: quantile(c(1, 2, 4, 8), 0.1) = 1.3', () => {
    expect(sortedQuantile(Float64Array.from([1, 2, 4, 8]), 0.1)).toBeCloseTo(1.3, 14);
    expect(sortedQuantile(Float64Array.from([1, 2, 4, 8]), 0.5)).toBe(3);
  });

  it('selection gives the same quantiles as sorting, for any data', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p) => {
          const sorted = Float64Array.from(values).sort();
          return selectQuantile(Float64Array.from(values), p) === sortedQuantile(sorted, p);
        },
      ),
    );
  });

  it('counts values at or below x in a sorted array, including infinities', () => {
    const sorted = Float64Array.from([1, 2, 2, 5, Number.POSITIVE_INFINITY]);
    expect([0, 1, 2, 4, 1e300].map((x) => countAtMost(sorted, x))).toEqual([0, 1, 3, 3, 4]);
  });
});
