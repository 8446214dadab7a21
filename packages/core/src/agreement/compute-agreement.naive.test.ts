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
  readonly kind: LabelKind;
  readonly triples: readonly Triple[];
}

const STRING_LABELS = ['cat', 'dog', 'fox', 'owl', 'elk', 'yak'];
/** Numeric labels: unevenly spaced, with 0 (ratio's zero) and negatives (no ratio α). */
const NUMBERS = [-3, -0.5, 0, 1, 2, 2.5, 4, 7, 10, 100];

/** A declared order of string labels; the sample may leave some of them unused. */
const LEVELS_IN_ORDER = ['none', 'low', 'some', 'half', 'most', 'high', 'all'];

/**
 * The declared order of a case (every level, used or not: unused levels still count in the ranks), and
 * its category scale as the encoding contract of `types.ts` orders it, worked out independently here.
 */
function declaredOrderOf({ kind }: Case): readonly string[] | undefined {
  return kind === 'declared' ? LEVELS_IN_ORDER : undefined;
}

function scaleOf(sample: Case): NaiveScale {
  const used = [...new Set(sample.triples.map(([, , label]) => label))];
  if (sample.kind === 'numbers') {
    const values = used.map(Number).sort((x, y) => x - y);
    return { categories: values.map(String), values, ordered: true };
  }
  const declared = declaredOrderOf(sample);
  return { categories: declared ?? used, values: null, ordered: declared !== undefined };
}

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
      return { kind: shape.kind, triples };
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
function expectMatchesNaive(sample: Case): AgreementReport {
  const { triples } = sample;
  const scale = scaleOf(sample);
  const report = computeAgreement(encodeTriples(triples, declaredOrderOf(sample)), { bootstrap: 0 });
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
      expect(Math.abs((value ?? Number.NaN) - expected), `${key}: ${value} vs ${expected}`).toBeLessThan(
        1e-9,
      );
    }
  }
  return report;
}

describe('computeAgreement against naive implementations of every coefficient', () => {
  it('matches on random samples with missing data, 1–6 categories and 2–6 annotators', () => {
    fc.assert(
      fc.property(cases({}), (sample) => {
        expectMatchesNaive(sample);
      }),
      { numRuns: 300 },
    );
  });

  it('matches on larger samples, up to 150 items', () => {
    fc.assert(
      fc.property(cases({ maxItems: 150 }), (sample) => {
        expectMatchesNaive(sample);
      }),
      { numRuns: 25 },
    );
  });

  it('matches on complete samples (where Fleiss applies) with numeric labels', () => {
    fc.assert(
      fc.property(cases({ missing: false, kinds: ['numbers'] }), (sample) => {
        expectMatchesNaive(sample);
      }),
      { numRuns: 100 },
    );
  });

  it('matches for two annotators (Cohen, Scott, weighted κ) with every kind of label', () => {
    fc.assert(
      fc.property(cases({ maxAnnotators: 2, maxItems: 40 }), (sample) => {
        expectMatchesNaive(sample);
      }),
      { numRuns: 200 },
    );
  });
});

describe('degenerate samples: null with a reason, never NaN', () => {
  it('a single item', () => {
    fc.assert(
      fc.property(cases({ maxItems: 1 }), (sample) => {
        expectMatchesNaive(sample);
      }),
      {
        numRuns: 100,
      },
    );
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
        const report = expectMatchesNaive({ ...sample, triples: agreed });
        for (const [key, value] of Object.entries(reportValues(report)))
          if (value !== null) expect(Math.abs(value - 1), key).toBeLessThan(1e-12);
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
        // The same from a wide file: every annotator column and item row present, all cells empty but one.
        const single = encodeTriples([first], declaredOrderOf(sample));
        const wide = computeAgreement(
          { ...single, items: [first[0], 'other-item'], annotators: [first[1], 'other-annotator'] },
          { bootstrap: 10 },
        );
        expect(JSON.stringify(wide)).not.toMatch(/NaN|Infinity/);
        for (const [key, value] of Object.entries(reportValues(wide))) expect(value, key).toBeNull();
        // Two annotators, no item with two labels: each coefficient that applies to the shape says why.
        const applicable = ['sample', 'percentAgreement', 'cohenKappa', 'scottPi', 'fleissKappa', 'gwetAC1'];
        applicable.push('brennanPrediger', 'humanCeiling', 'krippendorffAlpha.nominal');
        if (sample.kind !== 'strings') applicable.push('weightedKappa', 'krippendorffAlpha.ordinal');
        expect(wide.warnings.map((w) => w.key)).toEqual(expect.arrayContaining(applicable));
      }),
      { numRuns: 20 },
    );
  });
});
