import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohenKappaFromTotals, scottPiFromTotals, weightedKappaFromTotals } from './kappa';

/** Weighted κ by the C × C definition (scikit-learn's `cohen_kappa_score`). */
function bruteWeighted(pairs: readonly [number, number][], C: number, power: 1 | 2): number {
  const n = pairs.length;
  const row = new Array<number>(C).fill(0);
  const col = new Array<number>(C).fill(0);
  let observed = 0;
  for (const [r, c] of pairs) {
    row[r] = (row[r] ?? 0) + 1;
    col[c] = (col[c] ?? 0) + 1;
    observed += Math.abs(r - c) ** power;
  }
  let expected = 0;
  for (let i = 0; i < C; i++)
    for (let j = 0; j < C; j++) expected += (Math.abs(i - j) ** power * (row[i] ?? 0) * (col[j] ?? 0)) / n;
  return 1 - observed / expected;
}

describe('two-rater kappas', () => {
  it('computes weighted κ in O(C) exactly as the C × C definition', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 7 }).chain((C) =>
          fc.tuple(
            fc.constant(C),
            fc.array(fc.tuple(fc.integer({ min: 0, max: C - 1 }), fc.integer({ min: 0, max: C - 1 })), {
              minLength: 1,
              maxLength: 40,
            }),
          ),
        ),
        ([C, pairs]) => {
          const row = new Float64Array(C);
          const col = new Float64Array(C);
          let linear = 0;
          let quadratic = 0;
          for (const [r, c] of pairs) {
            row[r] = (row[r] ?? 0) + 1;
            col[c] = (col[c] ?? 0) + 1;
            linear += Math.abs(r - c);
            quadratic += (r - c) ** 2;
          }
          const weighted = weightedKappaFromTotals(pairs.length, linear, quadratic, row, col, C);
          const expectedLinear = bruteWeighted(pairs, C, 1);
          const expectedQuadratic = bruteWeighted(pairs, C, 2);
          if (Number.isFinite(expectedLinear)) expect(weighted.linear).toBeCloseTo(expectedLinear, 10);
          else expect(weighted.linear).toBeNaN();
          if (Number.isFinite(expectedQuadratic))
            expect(weighted.quadratic).toBeCloseTo(expectedQuadratic, 10);
          else expect(weighted.quadratic).toBeNaN();
        },
      ),
    );
  });

  it('reproduces Artstein & Poesio (2008) Table 1: κ = .348 (Cohen) and π = .341 (Scott)', () => {
    // Confusion [[20, 20], [10, 50]]: 70 agreements, marginals (40, 60) and (30, 70).
    const row = Float64Array.of(30, 70);
    const col = Float64Array.of(40, 60);
    expect(cohenKappaFromTotals(100, 70, row, col, 0, 2)).toBeCloseTo(0.347826086957, 10);
    expect(scottPiFromTotals(100, 70, row, col, 2)).toBeCloseTo(0.340659340659, 10);
  });

  it('is NaN, not 0 or 1, when chance agreement is 1 or there is no item', () => {
    expect(cohenKappaFromTotals(5, 5, Float64Array.of(5, 0), Float64Array.of(5, 0), 0, 2)).toBeNaN();
    expect(scottPiFromTotals(0, 0, Float64Array.of(0), Float64Array.of(0), 1)).toBeNaN();
  });
});
