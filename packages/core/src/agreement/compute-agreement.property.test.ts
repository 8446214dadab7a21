/**
 * Properties every agreement report must have, on random samples (fast-check): invariances, bounds,
 * identities between coefficients, and agreement with naive implementations written from the definitions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeAgreement } from './compute-agreement';
import { encodeTriples, type Triple } from './test-support';
import type { AgreementReport } from './types';

/** Random labeled samples: up to `maxItems` items, 2–`maxAnnotators` annotators, labels from `labels`. */
function samples(options: {
  maxItems?: number;
  maxAnnotators?: number;
  labels?: readonly string[];
  missing?: boolean;
}) {
  const { maxItems = 25, maxAnnotators = 5, labels = ['a', 'b', 'c', 'd'], missing = true } = options;
  const label = (categories: number) => fc.integer({ min: 0, max: categories - 1 });
  return fc
    .record({
      items: fc.integer({ min: 1, max: maxItems }),
      annotators: fc.integer({ min: 2, max: maxAnnotators }),
      categories: fc.integer({ min: 1, max: labels.length }),
    })
    .chain(({ items, annotators, categories }) =>
      fc
        .array(
          fc.array(missing ? fc.option(label(categories), { freq: 4, nil: null }) : label(categories), {
            minLength: annotators,
            maxLength: annotators,
          }),
          { minLength: items, maxLength: items },
        )
        .map((grid) => {
          const triples: Triple[] = [];
          grid.forEach((row, i) => {
            row.forEach((k, a) => {
              if (k !== null) triples.push([`item${i}`, `ann${a}`, labels[k] ?? '']);
            });
          });
          return triples;
        }),
    )
    .filter((triples) => triples.length > 0);
}

/** The scalar coefficients of a report, by key, for comparisons. */
function scalars(report: AgreementReport): Record<string, number | null> {
  return {
    percentAgreement: report.percentAgreement,
    cohenKappa: report.cohenKappa,
    scottPi: report.scottPi,
    lightKappa: report.lightKappa,
    fleissKappa: report.fleissKappa,
    alphaNominal: report.krippendorffAlpha.nominal,
    gwetAC1: report.gwetAC1,
    brennanPrediger: report.brennanPrediger,
    humanCeiling: report.humanCeiling?.value ?? null,
  };
}

function expectSameScalars(a: AgreementReport, b: AgreementReport): void {
  const x = scalars(a);
  const y = scalars(b);
  for (const key of Object.keys(x)) {
    const u = x[key] ?? null;
    const v = y[key] ?? null;
    if (u === null || v === null) expect([key, u]).toEqual([key, v]);
    else expect(Math.abs(u - v), key).toBeLessThan(1e-9);
  }
}

const shuffled = <T>(values: readonly T[], order: readonly number[]): T[] =>
  values
    .map((value, i) => ({ value, key: order[i % Math.max(order.length, 1)] ?? 0, i }))
    .sort((p, q) => p.key - q.key || p.i - q.i)
    .map(({ value }) => value);

const noBootstrap = { bootstrap: 0 } as const;

describe('computeAgreement properties', () => {
  it('is invariant under renaming categories', () => {
    fc.assert(
      fc.property(samples({}), (triples) => {
        const renamed = triples.map(([i, a, label]) => [i, a, `renamed-${label.toUpperCase()}`] as const);
        expectSameScalars(
          computeAgreement(encodeTriples(triples), noBootstrap),
          computeAgreement(encodeTriples(renamed), noBootstrap),
        );
      }),
    );
  });

  it('is invariant under renaming annotators and items and shuffling rows', () => {
    fc.assert(
      fc.property(samples({}), fc.array(fc.integer(), { minLength: 1, maxLength: 200 }), (triples, order) => {
        const permuted = shuffled(
          triples.map(([i, a, label]) => [`x-${i}`, `z-${a}`, label] as const),
          order,
        );
        expectSameScalars(
          computeAgreement(encodeTriples(triples), noBootstrap),
          computeAgreement(encodeTriples(permuted), noBootstrap),
        );
      }),
    );
  });

  it('gives 1 for every defined chance-corrected coefficient when all annotators agree', () => {
    fc.assert(
      fc.property(samples({ missing: true }), (triples) => {
        // Every annotator copies the label of the item's first annotation.
        const truth = new Map<string, string>();
        const agreed = triples.map(([i, a, label]) => {
          if (!truth.has(i)) truth.set(i, label);
          return [i, a, truth.get(i) ?? label] as const;
        });
        const report = computeAgreement(encodeTriples(agreed), noBootstrap);
        for (const [key, value] of Object.entries(scalars(report))) {
          if (value !== null) expect(value, key).toBeCloseTo(1, 12);
        }
        for (const value of Object.values(report.krippendorffAlpha))
          if (value !== null) expect(value).toBeCloseTo(1, 12);
        for (const pair of report.diagnostics.pairs) expect(pair.percentAgreement).toBe(1);
      }),
    );
  });

  it("gives Fleiss' κ = Scott's π for 2 annotators who labeled every item", () => {
    fc.assert(
      fc.property(samples({ maxAnnotators: 2, missing: false }), (triples) => {
        const report = computeAgreement(encodeTriples(triples), noBootstrap);
        if (report.scottPi === null) expect(report.fleissKappa).toBeNull();
        else expect(report.fleissKappa).toBeCloseTo(report.scottPi, 12);
      }),
    );
  });

  it("brings nominal α to Scott's π as items grow: α − π = (1 − π)/2N for 2 complete annotators", () => {
    fc.assert(
      fc.property(samples({ maxAnnotators: 2, missing: false, maxItems: 60 }), (triples) => {
        const report = computeAgreement(encodeTriples(triples), noBootstrap);
        const alpha = report.krippendorffAlpha.nominal;
        const pi = report.scottPi;
        if (alpha === null || pi === null) return;
        expect(alpha - pi).toBeCloseTo((1 - pi) / (2 * report.items), 12);
      }),
    );
    // And on a large sample the two are numerically close.
    const big: Triple[] = [];
    for (let i = 0; i < 4000; i++) {
      big.push([`i${i}`, 'A', String(i % 3)], [`i${i}`, 'B', String(i % 7 === 0 ? (i + 1) % 3 : i % 3)]);
    }
    const report = computeAgreement(encodeTriples(big), noBootstrap);
    expect(Math.abs((report.krippendorffAlpha.nominal ?? 0) - (report.scottPi ?? 1))).toBeLessThan(1e-3);
  });

  it('keeps every coefficient within its bounds and never emits NaN', () => {
    fc.assert(
      fc.property(samples({ labels: ['1', '2', '3', '5', '8'] }), (triples) => {
        const report = computeAgreement(encodeTriples(triples), { bootstrap: 20 });
        expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity/);
        const { percentAgreement, humanCeiling, brennanPrediger } = report;
        if (percentAgreement !== null) expect(percentAgreement).toBeGreaterThanOrEqual(0);
        if (percentAgreement !== null) expect(percentAgreement).toBeLessThanOrEqual(1);
        if (humanCeiling !== null) expect(humanCeiling.value >= 0 && humanCeiling.value <= 1).toBe(true);
        for (const [key, value] of Object.entries(scalars(report))) {
          if (value !== null) expect(value, key).toBeLessThanOrEqual(1 + 1e-12);
        }
        for (const value of Object.values(report.krippendorffAlpha)) {
          if (value !== null) expect(value).toBeLessThanOrEqual(1 + 1e-12);
        }
        const q = report.diagnostics.perCategory.filter((c) => c.count > 0).length;
        if (brennanPrediger !== null) expect(brennanPrediger).toBeGreaterThanOrEqual(-1 / (q - 1) - 1e-12);
        const { icc: iccIntervals = {}, ...bootstrapIntervals } = report.ci;
        for (const interval of [...Object.values(bootstrapIntervals), ...Object.values(iccIntervals)])
          expect(interval[0]).toBeLessThanOrEqual(interval[1]);
        for (const category of report.diagnostics.perCategory) {
          const s = category.specificAgreement;
          if (s !== null) expect(s >= 0 && s <= 1).toBe(true);
          if (category.kappa !== null) expect(category.kappa).toBeLessThanOrEqual(1 + 1e-12);
        }
        for (const pair of report.diagnostics.pairs) {
          expect(pair.items).toBeGreaterThan(0);
          if (pair.cohenKappa !== null) expect(pair.cohenKappa).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('matches naive implementations of percent agreement, nominal α and pairwise Cohen κ', () => {
    fc.assert(
      fc.property(samples({}), (triples) => {
        const report = computeAgreement(encodeTriples(triples), noBootstrap);
        const byItem = new Map<string, string[]>();
        for (const [i, , label] of triples) byItem.set(i, [...(byItem.get(i) ?? []), label]);
        // Percent agreement and α straight from the definitions, over ordered pairs of labels.
        let shares = 0;
        let pairable = 0;
        const coincidence = new Map<string, number>();
        for (const labels of byItem.values()) {
          const m = labels.length;
          if (m < 2) continue;
          pairable++;
          let agreeing = 0;
          labels.forEach((x, u) => {
            labels.forEach((y, v) => {
              if (u === v) return;
              if (x === y) agreeing++;
              coincidence.set(`${x}|${y}`, (coincidence.get(`${x}|${y}`) ?? 0) + 1 / (m - 1));
            });
          });
          shares += agreeing / (m * (m - 1));
        }
        if (pairable === 0) {
          expect(report.percentAgreement).toBeNull();
          return;
        }
        expect(report.percentAgreement).toBeCloseTo(shares / pairable, 12);
        const marginal = new Map<string, number>();
        let n = 0;
        let observed = 0;
        for (const [key, o] of coincidence) {
          const [x, y] = key.split('|');
          marginal.set(x ?? '', (marginal.get(x ?? '') ?? 0) + o);
          n += o;
          if (x !== y) observed += o;
        }
        let expected = 0;
        for (const [x, nx] of marginal)
          for (const [y, ny] of marginal) if (x !== y) expected += (nx * ny) / (n - 1);
        if (expected === 0) expect(report.krippendorffAlpha.nominal).toBeNull();
        else expect(report.krippendorffAlpha.nominal).toBeCloseTo(1 - observed / expected, 10);

        // Each pair's Cohen κ from its own confusion.
        for (const pair of report.diagnostics.pairs) {
          const labelsOf = (annotator: string) =>
            new Map(triples.filter(([, a]) => a === annotator).map(([i, , label]) => [i, label]));
          const a = labelsOf(pair.annotatorA);
          const b = labelsOf(pair.annotatorB);
          const shared = [...a.keys()].filter((i) => b.has(i));
          expect(pair.items).toBe(shared.length);
          const po = shared.filter((i) => a.get(i) === b.get(i)).length / shared.length;
          const labels = new Set([...a.values(), ...b.values()]);
          let pe = 0;
          for (const label of labels) {
            pe +=
              (shared.filter((i) => a.get(i) === label).length / shared.length) *
              (shared.filter((i) => b.get(i) === label).length / shared.length);
          }
          if (pe >= 1 - 1e-12) expect(pair.cohenKappa).toBeNull();
          else expect(pair.cohenKappa).toBeCloseTo((po - pe) / (1 - pe), 10);
        }
      }),
    );
  });

  it('makes the annotation-weighted mean of annotator-vs-majority agreement the human ceiling', () => {
    fc.assert(
      fc.property(samples({ maxAnnotators: 6 }), (triples) => {
        const report = computeAgreement(encodeTriples(triples), noBootstrap);
        if (report.humanCeiling === null) return;
        let weighted = 0;
        let compared = 0;
        for (const annotator of report.diagnostics.annotatorVsMajority) {
          if (annotator.agreement === null) continue;
          weighted += annotator.agreement * annotator.comparedItems;
          compared += annotator.comparedItems;
        }
        expect(weighted / compared).toBeCloseTo(report.humanCeiling.value, 12);
      }),
    );
  });
});
