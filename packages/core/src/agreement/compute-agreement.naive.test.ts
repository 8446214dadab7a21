/**
 * Every coefficient of the report contract against the naive implementations of `naive-coefficients.ts`
 * (each written straight from its definition), on random samples with missing data, 1–6 categories and
 * 2–6 annotators, with string labels, numeric labels and string labels in a declared order, to 1e-9.
 * When a coefficient applies but is undefined on the sample, the report must say `null` (never NaN) and
 * give a reason in `warnings`. Explore other draws with FAST_CHECK_SEED=<n>.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeAgreement } from './compute-agreement';
import { type NaiveReport, type NaiveScale, naiveAgreement } from './naive-coefficients';
import { encodeTriples, type Triple } from './test-support';
import type { AgreementReport } from './types';

type LabelKind = 'strings' | 'numbers' | 'declared';

interface Case {
  readonly triples: Triple[];
  readonly declaredOrder: readonly string[] | undefined;
  readonly scale: NaiveScale;
}

const STRING_LABELS = ['cat', 'dog', 'fox', 'owl', 'elk', 'yak'];
/** Numeric labels: unevenly spaced, with 0 (ratio's zero) and negatives (no ratio α). */
const NUMBERS = [-3, -0.5, 0, 1, 2, 2.5, 4, 7, 10, 100];
/** A declared order of string labels; the sample may leave some of them unused. */
const LEVELS_IN_ORDER = ['none', 'low', 'some', 'half', 'most', 'high', 'all'];

/** A random sample: the grid items × annotators, each cell a label index or missing (`null`). */
function cases(options: {
  readonly maxItems?: number;
  readonly minAnnotators?: number;
  readonly maxAnnotators?: number;
  readonly maxCategories?: number;
  readonly missing?: boolean;
  readonly kinds?: readonly LabelKind[];
}) {
  const {
    maxItems = 30,
    minAnnotators = 2,
    maxAnnotators = 6,
    maxCategories = 6,
    missing = true,
    kinds = ['strings', 'numbers', 'declared'],
  } = options;
  return fc
    .record({
      kind: fc.constantFrom(...kinds),
      items: fc.integer({ min: 1, max: maxItems }),
      annotators: fc.integer({ min: minAnnotators, max: maxAnnotators }),
      labels: fc.integer({ min: 1, max: maxCategories }),
      numbers: fc.shuffledSubarray(NUMBERS, { minLength: maxCategories, maxLength: maxCategories }),
      declaredFrom: fc.integer({ min: 0, max: LEVELS_IN_ORDER.length - maxCategories }),
      missingFreq: fc.integer({ min: 2, max: 6 }),
    })
    .chain((shape) => {
      const cell = fc.integer({ min: 0, max: shape.labels - 1 });
      const maybe = missing ? fc.option(cell, { freq: shape.missingFreq, nil: null }) : cell;
      const row = fc.array(maybe, { minLength: shape.annotators, maxLength: shape.annotators });
      return fc.tuple(fc.constant(shape), fc.array(row, { minLength: shape.items, maxLength: shape.items }));
    })
    .map(([shape, grid]): Case => {
      const labelOf = (k: number): string => {
        if (shape.kind === 'numbers') return String(shape.numbers[k]);
        if (shape.kind === 'declared') return LEVELS_IN_ORDER[shape.declaredFrom + k] ?? '';
        return STRING_LABELS[k] ?? '';
      };
      const triples: Triple[] = [];
      grid.forEach((row, i) => {
        row.forEach((k, a) => {
          if (k !== null) triples.push([`item${i}`, `ann${a}`, labelOf(k)]);
        });
      });
      const used = [...new Set(triples.map(([, , label]) => label))];
      // The declared order lists every level, used or not: unused levels still count in the ranks.
      const declaredOrder = shape.kind === 'declared' ? LEVELS_IN_ORDER : undefined;
      let scale: NaiveScale;
      if (shape.kind === 'numbers') {
        const values = used.map(Number).sort((x, y) => x - y);
        scale = { categories: values.map(String), values, ordered: true };
      } else {
        scale = { categories: declaredOrder ?? used, values: null, ordered: declaredOrder !== undefined };
      }
      return { triples, declaredOrder, scale };
    })
    .filter(({ triples }) => triples.length > 0);
}

/** The report's value and the warning keys that may carry the reason when it is `null`. */
function reportValues(report: AgreementReport): Record<keyof NaiveReport | string, number | null> {
  return {
    percentAgreement: report.percentAgreement,
    cohenKappa: report.cohenKappa,
    weightedKappaLinear: report.weightedKappa?.linear ?? null,
    weightedKappaQuadratic: report.weightedKappa?.quadratic ?? null,
    scottPi: report.scottPi,
    lightKappa: report.lightKappa,
    fleissKappa: report.fleissKappa,
    'krippendorffAlpha.nominal': report.krippendorffAlpha.nominal,
    'krippendorffAlpha.ordinal': report.krippendorffAlpha.ordinal,
    'krippendorffAlpha.interval': report.krippendorffAlpha.interval,
    'krippendorffAlpha.ratio': report.krippendorffAlpha.ratio,
    gwetAC1: report.gwetAC1,
    brennanPrediger: report.brennanPrediger,
    humanCeiling: report.humanCeiling?.value ?? null,
  };
}

function naiveValues(naive: NaiveReport): Record<string, number | null> {
  return {
    percentAgreement: naive.percentAgreement,
    cohenKappa: naive.cohenKappa,
    weightedKappaLinear: naive.weightedKappaLinear,
    weightedKappaQuadratic: naive.weightedKappaQuadratic,
    scottPi: naive.scottPi,
    lightKappa: naive.lightKappa,
    fleissKappa: naive.fleissKappa,
    'krippendorffAlpha.nominal': naive.alpha.nominal,
    'krippendorffAlpha.ordinal': naive.alpha.ordinal,
    'krippendorffAlpha.interval': naive.alpha.interval,
    'krippendorffAlpha.ratio': naive.alpha.ratio,
    gwetAC1: naive.gwetAC1,
    brennanPrediger: naive.brennanPrediger,
    humanCeiling: naive.humanCeiling,
  };
}

/** The warning key that explains a `null` value (the two weighted κ share one). */
const warningKeyOf = (key: string): string => (key.startsWith('weightedKappa') ? 'weightedKappa' : key);

/** Compares the report with the naive values: equal to 1e-9, or `null` with a reason when undefined. */
function expectMatchesNaive({ triples, declaredOrder, scale }: Case): AgreementReport {
  const report = computeAgreement(encodeTriples(triples, declaredOrder), { bootstrap: 0 });
  expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity/);
  expect(report.categories).toEqual(scale.categories);
  const actual = reportValues(report);
  const keys = report.warnings.map((w) => w.key);
  for (const [key, expected] of Object.entries(naiveValues(naiveAgreement(triples, scale)))) {
    const value = actual[key] ?? null;
    if (expected === null) {
      // Does not apply to this sample's shape (e.g. Cohen's κ of 3 annotators).
      expect(value, key).toBeNull();
    } else if (Number.isNaN(expected)) {
      expect(value, key).toBeNull();
      // The reason names the coefficient, or the whole sample when nothing can be compared.
      expect(keys.includes(warningKeyOf(key)) || keys.includes('sample'), `reason for ${key}`).toBe(true);
    } else {
      expect(value, key).not.toBeNull();
      expect(Math.abs((value ?? Number.NaN) - expected), `${key}: ${value} vs ${expected}`).toBeLessThan(1e-9);
    }
  }
  return report;
}

describe('computeAgreement against naive implementations of every coefficient', () => {
  it('matches on random samples with missing data, 1–6 categories and 2–6 annotators', () => {
    fc.assert(fc.property(cases({}), (sample) => void expectMatchesNaive(sample)), { numRuns: 300 });
  });

  it('matches on complete samples (where Fleiss applies) with numeric labels', () => {
    fc.assert(
      fc.property(cases({ missing: false, kinds: ['numbers'] }), (sample) => void expectMatchesNaive(sample)),
      { numRuns: 100 },
    );
  });

  it('matches for two annotators (Cohen, Scott, weighted κ) with every kind of label', () => {
    fc.assert(
      fc.property(cases({ maxAnnotators: 2, maxItems: 40 }), (sample) => void expectMatchesNaive(sample)),
      { numRuns: 200 },
    );
  });
});

describe('degenerate samples: null with a reason, never NaN', () => {
  it('a single item', () => {
    fc.assert(fc.property(cases({ maxItems: 1 }), (sample) => void expectMatchesNaive(sample)), {
      numRuns: 100,
    });
  });

  it('one category: every chance-corrected coefficient is null with a reason', () => {
    fc.assert(
      fc.property(cases({ maxCategories: 1 }), (sample) => {
        const report = expectMatchesNaive(sample);
        for (const key of ['gwetAC1', 'brennanPrediger', 'cohenKappa', 'scottPi', 'lightKappa'] as const)
          expect(report[key], key).toBeNull();
        expect(report.weightedKappa).toBeNull();
        expect(Object.values(report.krippendorffAlpha).every((v) => v === null)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('all annotators agree: every defined coefficient is 1', () => {
    fc.assert(
      fc.property(cases({}), (sample) => {
        const truth = new Map<string, string>();
        const agreed = sample.triples.map(([item, annotator, label]): Triple => {
          if (!truth.has(item)) truth.set(item, label);
          return [item, annotator, truth.get(item) ?? label];
        });
        const used = new Set(agreed.map(([, , label]) => label));
        const categories = sample.scale.values === null ? sample.scale.categories : [...used];
        const scale = {
          ...sample.scale,
          categories: sample.declaredOrder === undefined && sample.scale.values === null ? [...used] : categories,
          values: sample.scale.values === null ? null : [...used].map(Number),
        };
        if (scale.values !== null) {
          scale.values.sort((x, y) => x - y);
          scale.categories = scale.values.map(String);
        }
        const report = expectMatchesNaive({ ...sample, triples: agreed, scale });
        for (const value of Object.values(reportValues(report))) if (value !== null) expect(value).toBe(1);
      }),
      { numRuns: 150 },
    );
  });

  it('all labels missing but one', () => {
    fc.assert(
      fc.property(cases({ maxCategories: 1 }), (sample) => {
        const [first] = sample.triples;
        if (first === undefined) return;
        const report = expectMatchesNaive({ ...sample, triples: [first] });
        for (const value of Object.values(reportValues(report))) expect(value).toBeNull();
        expect(report.warnings.map((w) => w.key)).toContain('sample');
      }),
      { numRuns: 20 },
    );
  });
});
