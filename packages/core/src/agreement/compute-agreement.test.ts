import { describe, expect, it } from 'vitest';
import { createRandom } from '../shared';
import { computeAgreement } from './compute-agreement';
import { encodeTriples, loadLongCsv, REFERENCE_DATA_DIR, type Triple } from './test-support';
import type { AgreementReport, EncodedSample } from './types';

const warningKeys = (report: AgreementReport) => report.warnings.map((w) => w.key);

/** Items × annotators with a true label per item that each annotator reports with probability `accuracy`. */
function simulate(options: {
  items: number;
  annotators: number;
  categories: number;
  missing: number;
  accuracy: number;
  seed: number;
}): Triple[] {
  const random = createRandom(options.seed);
  const triples: Triple[] = [];
  for (let i = 0; i < options.items; i++) {
    const truth = random.nextInt(options.categories);
    for (let a = 0; a < options.annotators; a++) {
      if (random.nextFloat() < options.missing) continue;
      const label = random.nextFloat() < options.accuracy ? truth : random.nextInt(options.categories);
      triples.push([`item-${i}`, `annotator-${a}`, `label-${label}`]);
    }
  }
  return triples;
}

describe('computeAgreement on degenerate samples', () => {
  it('returns nulls with reasons, not NaN or a made-up value, when a single category is used', () => {
    const report = computeAgreement(
      encodeTriples([
        ['1', 'A', 'yes'],
        ['1', 'B', 'yes'],
        ['2', 'A', 'yes'],
        ['2', 'B', 'yes'],
      ]),
    );
    expect(report.percentAgreement).toBe(1);
    expect(report.humanCeiling).toMatchObject({ value: 1, basis: 'percent-agreement', items: 2 });
    for (const key of ['cohenKappa', 'scottPi', 'fleissKappa', 'gwetAC1', 'brennanPrediger'] as const) {
      expect(report[key], key).toBeNull();
      expect(warningKeys(report), key).toContain(key);
    }
    expect(report.krippendorffAlpha.nominal).toBeNull();
    expect(warningKeys(report)).toContain('krippendorffAlpha.nominal');
    expect(report.warnings.find((w) => w.key === 'cohenKappa')?.message).toContain("'yes'");
    expect(report.ci.alpha).toBeUndefined();
    expect(report.bands).toEqual({});
    expect(JSON.stringify(report)).not.toContain('NaN');
  });

  it('handles a single item', () => {
    const report = computeAgreement(
      encodeTriples([
        ['only', 'A', 'x'],
        ['only', 'B', 'x'],
        ['only', 'C', 'y'],
      ]),
      { bootstrap: 50 },
    );
    expect(report.items).toBe(1);
    expect(report.percentAgreement).toBeCloseTo(1 / 3, 12);
    // One item, two categories: Fleiss' p = (2/3, 1/3), P̄ = 1/3, P̄e = 5/9, κ = −0.5.
    expect(report.fleissKappa).toBeCloseTo(-0.5, 12);
    // A: others B, C tie (x, y) → 1/2; B likewise; C: others x, x → 0. Mean 1/3.
    expect(report.humanCeiling?.value).toBeCloseTo(1 / 3, 12);
    // Every resample repeats the one item.
    expect(report.ci.percentAgreement).toEqual([1 / 3, 1 / 3]);
    expect(report.diagnostics.topDisagreements).toHaveLength(1);
  });

  it('handles a single annotator: nothing to compare, one warning', () => {
    const report = computeAgreement(
      encodeTriples([
        ['1', 'A', 'x'],
        ['2', 'A', 'y'],
      ]),
    );
    expect(report.percentAgreement).toBeNull();
    expect(report.krippendorffAlpha).toEqual({ nominal: null, ordinal: null, interval: null, ratio: null });
    expect(report.humanCeiling).toBeNull();
    expect(report.ci).toEqual({});
    expect(warningKeys(report)).toEqual(['sample']);
    expect(report.diagnostics.pairs).toEqual([]);
  });

  it('handles a sample where all labels are missing but one', () => {
    const sample = encodeTriples([['1', 'A', '3']]);
    const wide: EncodedSample = { ...sample, items: ['1', '2', '3'], annotators: ['A', 'B', 'C'] };
    const report = computeAgreement(wide);
    expect(report).toMatchObject({
      items: 3,
      annotators: 3,
      annotations: 1,
      percentAgreement: null,
      gwetAC1: null,
    });
    expect(warningKeys(report)).toEqual(expect.arrayContaining(['sample', 'percentAgreement', 'gwetAC1']));
    expect(report.diagnostics.annotatorVsMajority.map((a) => a.items)).toEqual([1, 0, 0]);
  });

  it('handles an empty sample', () => {
    const empty = encodeTriples([]);
    const report = computeAgreement(empty);
    expect(report).toMatchObject({ items: 0, annotators: 0, annotations: 0, percentAgreement: null, ci: {} });
    expect(warningKeys(report)).toEqual(['sample']);
  });

  it("gives no Fleiss' κ when an item has a single label, even if every other item has two (the contract)", () => {
    // Found by the naive cross-check: the engine used to drop item 4 and report κ of items 1–3 (−0.5).
    const report = computeAgreement(
      encodeTriples([
        ['1', 'A', 'x'],
        ['1', 'B', 'x'],
        ['2', 'A', 'x'],
        ['2', 'B', 'y'],
        ['3', 'A', 'y'],
        ['3', 'B', 'x'],
        ['4', 'A', 'y'],
      ]),
      { bootstrap: 20 },
    );
    expect(report.fleissKappa).toBeNull();
    expect(report.ci.fleissKappa).toBeUndefined();
    expect(report.warnings.find((w) => w.key === 'fleissKappa')?.message).toMatch(/between 1 and 2/);
    // Scott's π is over co-labeled items by definition, so it stays: p_o = 1/3, p_e = (4/6)² + (2/6)² = 5/9.
    expect(report.scottPi).toBeCloseTo((1 / 3 - 5 / 9) / (1 - 5 / 9), 12);
  });

  it('explains why the two annotators have no κ when they share no item', () => {
    const report = computeAgreement(
      encodeTriples([
        ['1', 'A', 'x'],
        ['2', 'B', 'y'],
      ]),
    );
    expect(report.cohenKappa).toBeNull();
    expect(report.warnings.find((w) => w.key === 'cohenKappa')?.message).toMatch(/no item in common/);
  });
});

describe('computeAgreement on string labels', () => {
  const report = computeAgreement(loadLongCsv(`${REFERENCE_DATA_DIR}fleiss1971_diagnoses.long.csv`), {
    bootstrap: 0,
  });

  it('computes only the nominal coefficients, without warning about the others', () => {
    expect(report.categories).toEqual([
      'Neurosis',
      'Personality Disorder',
      'Other',
      'Schizophrenia',
      'Depression',
    ]);
    expect(report.krippendorffAlpha.ordinal).toBeNull();
    expect(report.krippendorffAlpha.interval).toBeNull();
    expect(report.weightedKappa).toBeNull();
    expect(report.warnings).toEqual([]);
  });

  it('warns when the chosen level does not apply to the labels', () => {
    const ordinal = computeAgreement(loadLongCsv(`${REFERENCE_DATA_DIR}fleiss1971_diagnoses.long.csv`), {
      level: 'ordinal',
      bootstrap: 0,
    });
    expect(ordinal.level).toBe('ordinal');
    expect(ordinal.warnings.find((w) => w.key === 'alpha')?.message).toMatch(/ordered labels/);
    expect(ordinal.bands.alpha).toBeUndefined();
  });
});

describe('computeAgreement on numeric labels', () => {
  it('leaves ratio α out, with a reason, when values are negative', () => {
    const report = computeAgreement(
      encodeTriples([
        ['1', 'A', '-1'],
        ['1', 'B', '-1'],
        ['2', 'A', '2'],
        ['2', 'B', '1'],
      ]),
      { bootstrap: 0 },
    );
    expect(report.krippendorffAlpha.interval).not.toBeNull();
    expect(report.krippendorffAlpha.ratio).toBeNull();
    expect(warningKeys(report)).toContain('krippendorffAlpha.ratio');
    expect(report.weightedKappa).not.toBeNull();
  });

  it('uses the chosen level for ci.alpha and bands.alpha', () => {
    const sample = loadLongCsv(`${REFERENCE_DATA_DIR}krippendorff2011.long.csv`);
    const report = computeAgreement(sample, { level: 'interval', bootstrap: 200 });
    expect(report.level).toBe('interval');
    expect(report.bands.alpha).toBe('reliable'); // α interval = .849
    const [lo = 0, hi = 0] = report.ci.alpha ?? [];
    expect(lo).toBeLessThanOrEqual(hi);
    expect(hi).toBeLessThanOrEqual(1);
  });
});

describe('computeAgreement on thousands of items with missing data', () => {
  const triples = simulate({
    items: 3000,
    annotators: 6,
    categories: 4,
    missing: 0.5,
    accuracy: 0.7,
    seed: 11,
  });
  const report = computeAgreement(encodeTriples(triples), { bootstrap: 200, seed: 3 });

  it('computes every multi-rater coefficient and leaves Fleiss out (unequal labels per item)', () => {
    expect(report.items).toBe(new Set(triples.map(([item]) => item)).size);
    expect(report.annotations).toBe(triples.length);
    expect(report.fleissKappa).toBeNull();
    expect(warningKeys(report)).toContain('fleissKappa');
    expect(report.cohenKappa).toBeNull();
    for (const value of [
      report.percentAgreement,
      report.lightKappa,
      report.gwetAC1,
      report.brennanPrediger,
    ]) {
      expect(value).not.toBeNull();
    }
    // Accuracy .7 over 4 categories: P(agree) ≈ .7² + 2·.7·.3/4 + … ≈ .6, κ-like coefficients ≈ .47.
    expect(report.krippendorffAlpha.nominal).toBeGreaterThan(0.4);
    expect(report.krippendorffAlpha.nominal).toBeLessThan(0.55);
    expect(report.humanCeiling?.basis).toBe('majority-of-others');
  });

  it('gives intervals that contain their point estimates', () => {
    const pairs: [number | null | undefined, readonly [number, number] | undefined][] = [
      [report.krippendorffAlpha.nominal, report.ci.alpha],
      [report.percentAgreement, report.ci.percentAgreement],
      [report.lightKappa, report.ci.lightKappa],
      [report.gwetAC1, report.ci.gwetAC1],
      [report.brennanPrediger, report.ci.brennanPrediger],
      [report.humanCeiling?.value, report.ci.humanCeiling],
    ];
    for (const [value, interval] of pairs) {
      expect(interval).toBeDefined();
      expect(value).toBeGreaterThanOrEqual(interval?.[0] ?? Number.NaN);
      expect(value).toBeLessThanOrEqual(interval?.[1] ?? Number.NaN);
    }
    expect(report.humanCeiling?.ci).toEqual(report.ci.humanCeiling);
    for (const annotator of report.diagnostics.annotatorVsMajority) {
      expect(annotator.ci?.[0]).toBeLessThanOrEqual(annotator.agreement ?? Number.NaN);
      expect(annotator.ci?.[1]).toBeGreaterThanOrEqual(annotator.agreement ?? Number.NaN);
    }
  });

  it('lists the most disagreeing items first, ties broken by more labels', () => {
    const top = report.diagnostics.topDisagreements;
    expect(top).toHaveLength(50);
    for (let k = 1; k < top.length; k++) {
      const before = top[k - 1];
      const after = top[k];
      if (before === undefined || after === undefined) continue;
      expect(before.agreement).toBeLessThanOrEqual(after.agreement);
      if (before.agreement === after.agreement)
        expect(before.labels.length).toBeGreaterThanOrEqual(after.labels.length);
    }
    expect(top[0]?.labels.length).toBeGreaterThanOrEqual(2);
  });

  it('reports confusion matrices for the 10 pairs sharing most items, consistent with the pairs', () => {
    const { confusionMatrices, pairs } = report.diagnostics;
    expect(pairs).toHaveLength(15);
    expect(confusionMatrices).toHaveLength(10);
    confusionMatrices.forEach((matrix, k) => {
      const pair = pairs[k];
      expect([matrix.annotatorA, matrix.annotatorB]).toEqual([pair?.annotatorA, pair?.annotatorB]);
      const total = matrix.counts.flat().reduce((sum, n) => sum + n, 0);
      const diagonal = matrix.counts.reduce((sum, row, r) => sum + (row[r] ?? 0), 0);
      expect(total).toBe(pair?.items);
      expect(diagonal / total).toBeCloseTo(pair?.percentAgreement ?? Number.NaN, 12);
    });
  });
});

describe('computeAgreement bootstrap', () => {
  const sample = encodeTriples(
    simulate({ items: 300, annotators: 3, categories: 3, missing: 0.2, accuracy: 0.8, seed: 5 }),
  );

  it('is reproducible: the same seed gives the same intervals', () => {
    const a = computeAgreement(sample, { bootstrap: 300, seed: 42 });
    const b = computeAgreement(sample, { bootstrap: 300, seed: 42 });
    expect(b.ci).toEqual(a.ci);
    expect(b.diagnostics.annotatorVsMajority).toEqual(a.diagnostics.annotatorVsMajority);
    const c = computeAgreement(sample, { bootstrap: 300, seed: 43 });
    expect(c.ci.alpha).not.toEqual(a.ci.alpha);
  });

  it('reports its settings, narrows with lower confidence, and computes no interval when resamples = 0', () => {
    const wide = computeAgreement(sample, { bootstrap: 400, seed: 1, confidence: 0.99 });
    const narrow = computeAgreement(sample, { bootstrap: 400, seed: 1, confidence: 0.5 });
    expect(wide.bootstrap).toEqual({ resamples: 400, seed: 1, confidence: 0.99 });
    const width = (r: AgreementReport) => (r.ci.alpha?.[1] ?? 0) - (r.ci.alpha?.[0] ?? 0);
    expect(width(narrow)).toBeLessThan(width(wide));
    const none = computeAgreement(sample, { bootstrap: 0 });
    expect(none.ci).toEqual({});
    expect(none.humanCeiling?.ci).toBeNull();
  });

  it('gives 2-annotator coefficients intervals, the ceiling falling back to percent agreement', () => {
    const report = computeAgreement(loadLongCsv(`${REFERENCE_DATA_DIR}sklearn_weighted_example.long.csv`), {
      bootstrap: 200,
    });
    // Numeric labels also get the ICCs' F-based intervals, under `ci.icc`.
    expect(Object.keys(report.ci.icc ?? {})).toHaveLength(6);
    expect(
      Object.keys(report.ci)
        .filter((key) => key !== 'icc')
        .sort(),
    ).toEqual(
      [
        'alpha',
        'brennanPrediger',
        'cohenKappa',
        'fleissKappa',
        'gwetAC1',
        'humanCeiling',
        'percentAgreement',
        'scottPi',
        'weightedKappaLinear',
        'weightedKappaQuadratic',
      ].sort(),
    );
    expect(report.humanCeiling).toMatchObject({ basis: 'percent-agreement', value: 0.96 });
    expect(report.humanCeiling?.ci).toEqual(report.ci.percentAgreement);
  });

  it('replaces invalid options by their defaults, with a warning', () => {
    const report = computeAgreement(sample, { bootstrap: -3, confidence: 2, level: 'cardinal' as 'nominal' });
    expect(report.bootstrap.resamples).toBe(1000);
    expect(report.bootstrap.confidence).toBe(0.95);
    expect(report.level).toBe('nominal');
    expect(warningKeys(report)).toEqual(
      expect.arrayContaining(['options.bootstrap', 'options.confidence', 'options.level']),
    );
  });
});

describe('computeAgreement bands', () => {
  it('labels kappas with Landis & Koch and α with Krippendorff’s thresholds', () => {
    const report = computeAgreement(loadLongCsv(`${REFERENCE_DATA_DIR}fleiss1971_diagnoses.long.csv`), {
      bootstrap: 0,
    });
    expect(report.bands).toEqual({
      alpha: 'unreliable',
      fleissKappa: 'moderate',
      lightKappa: 'moderate',
      gwetAC1: 'moderate',
      brennanPrediger: 'moderate',
    });
  });
});
