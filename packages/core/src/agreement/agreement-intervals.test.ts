/**
 * The compressed bootstrap against the reference per-item bootstrap: on random samples, and on larger
 * samples from a population, every interval the report prints has bounds within Monte Carlo error of the
 * reference's, by the exact multinomial draws and by the bag of little bootstraps alike.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeAgreementIntervals, type IntervalInputs } from './agreement-intervals';
import { computeAgreement } from './compute-agreement';
import { referenceDistributions, withinMonteCarloError } from './reference-bootstrap';
import { createPopulation, createSampler, expandSample } from './simulation-support';
import { encodeTriples, sampleTables, type Triple } from './test-support';
import type { AgreementCiKey, EncodedSample, Interval } from './types';

const FAST_RESAMPLES = 2000;
const REFERENCE_RESAMPLES = 4000;

/** Random labeled samples: up to 60 items, 2–5 annotators, 1–4 categories, some labels missing. */
const samples = fc
  .record({
    items: fc.integer({ min: 2, max: 60 }),
    annotators: fc.integer({ min: 2, max: 5 }),
    categories: fc.integer({ min: 1, max: 4 }),
    missing: fc.constantFrom(0, 0.2, 0.5),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
  })
  .map(({ items, annotators, categories, missing, seed }) => {
    // Agreement above chance, so that the coefficients have something to estimate.
    let state = seed;
    const next = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 2 ** 32;
    };
    const triples: Triple[] = [];
    for (let i = 0; i < items; i++) {
      const truth = Math.floor(next() * categories);
      for (let a = 0; a < annotators; a++) {
        if (next() < missing) continue;
        const label = next() < 0.6 ? truth : Math.floor(next() * categories);
        triples.push([`item${i}`, `rater${a}`, String(label)]);
      }
    }
    return triples;
  })
  .filter((triples) => triples.length > 0);

/** Checks one interval against the reference distribution of the same coefficient. */
function expectAgrees(
  what: string,
  interval: Interval | null | undefined,
  reference: Float64Array,
  confidence: number,
  fastResamples: number,
): void {
  const undefinedShare = reference.filter((value) => !Number.isFinite(value)).length / reference.length;
  if (interval === null || interval === undefined) {
    // No interval when most resamples leave the coefficient undefined: the reference must be near there.
    expect(undefinedShare, `${what}: no interval, but the reference defines most resamples`).toBeGreaterThan(
      0.5 - 4 * Math.sqrt(0.25 / fastResamples + 0.25 / reference.length),
    );
    return;
  }
  expect(
    undefinedShare,
    `${what}: an interval, but the reference leaves most resamples undefined`,
  ).toBeLessThan(0.5 + 4 * Math.sqrt(0.25 / fastResamples + 0.25 / reference.length));
  const tail = (1 - confidence) / 2;
  expect(withinMonteCarloError(interval[0], reference, tail, fastResamples), `${what} lower`).toBe(true);
  expect(withinMonteCarloError(interval[1], reference, 1 - tail, fastResamples), `${what} upper`).toBe(true);
}

function expectReportAgrees(sample: EncodedSample, seed: number): void {
  const reference = referenceDistributions(sample, { resamples: REFERENCE_RESAMPLES, seed: seed + 1 });
  for (const confidence of [0.95, 0.5]) {
    const report = computeAgreement(sample, { bootstrap: FAST_RESAMPLES, seed, confidence });
    for (const [key, values] of reference.coefficients) {
      expectAgrees(`${key} at ${confidence}`, report.ci[key] ?? null, values, confidence, FAST_RESAMPLES);
    }
    // Every bootstrap interval has its reference (the ICCs' intervals are F-based, not resampled).
    const bootstrapKeys = Object.keys(report.ci).filter((key) => key !== 'icc');
    expect(bootstrapKeys.every((key) => reference.coefficients.has(key as AgreementCiKey))).toBe(true);
    report.diagnostics.annotatorVsMajority.forEach(({ ci }, a) => {
      const values = reference.annotators[a] ?? new Float64Array(0);
      if (values.length === 0) expect(ci).toBeNull();
      else expectAgrees(`annotator ${a} at ${confidence}`, ci, values, confidence, FAST_RESAMPLES);
    });
  }
}

describe('the compressed bootstrap against the per-item bootstrap', () => {
  it('gives every interval within Monte Carlo error of the reference, on random samples', () => {
    fc.assert(
      fc.property(samples, fc.integer({ min: 1, max: 1000 }), (triples, seed) => {
        expectReportAgrees(encodeTriples(triples), seed);
      }),
      { numRuns: 30 },
    );
  });

  it('would notice an interval off by a fifth of its width (the comparison has power)', () => {
    const population = createPopulation({
      annotators: 3,
      classShares: [0.5, 0.3, 0.2],
      accuracy: [0.8, 0.7, 0.6],
      missing: 0.1,
    });
    const drawn = createSampler(population, 300, 1)();
    const sample = expandSample(drawn.sample, drawn.multiplicities);
    const reference = referenceDistributions(sample, { resamples: REFERENCE_RESAMPLES, seed: 2 });
    const report = computeAgreement(sample, { bootstrap: FAST_RESAMPLES, seed: 1 });
    const [lower, upper] = report.ci.percentAgreement ?? [0, 0];
    const values = reference.coefficients.get('percentAgreement') ?? new Float64Array(0);
    const shift = (upper - lower) / 5;
    expect(withinMonteCarloError(lower, values, 0.025, FAST_RESAMPLES)).toBe(true);
    expect(withinMonteCarloError(lower - shift, values, 0.025, FAST_RESAMPLES)).toBe(false);
    expect(withinMonteCarloError(upper + shift, values, 0.975, FAST_RESAMPLES)).toBe(false);
  });
});

describe('the compressed bootstrap on a larger sample from a population', () => {
  // 5 annotators, 6 categories, a fifth of the labels missing: about 2,000 distinct multisets and most of
  // the 7^5 = 16,807 patterns of who gave which label.
  const population = createPopulation({
    annotators: 5,
    classShares: [0.3, 0.25, 0.2, 0.12, 0.08, 0.05],
    accuracy: [0.8, 0.7, 0.7, 0.6, 0.5],
    missing: 0.2,
  });
  const grouped = createSampler(population, 8000, 11)();
  const sample = expandSample(grouped.sample, grouped.multiplicities);
  const reference = referenceDistributions(sample, { resamples: REFERENCE_RESAMPLES, seed: 5 });
  const inputs: IntervalInputs = {
    ...sampleTables(sample),
    level: 'nominal',
    defined: new Set(reference.coefficients.keys()),
    fleissApplies: false,
    ceilingMinLabels: 3,
    perAnnotator: true,
    resamples: 1000,
    seed: 9,
    confidence: 0.95,
  };

  for (const method of ['multinomial', 'little-bootstraps'] as const) {
    it(`gives every interval within Monte Carlo error of the reference (${method})`, () => {
      const intervals = computeAgreementIntervals({ ...inputs, method });
      expect([...intervals.coefficients.keys()].sort()).toEqual([...reference.coefficients.keys()].sort());
      for (const [key, values] of reference.coefficients) {
        expectAgrees(key, intervals.coefficients.get(key)?.interval, values, 0.95, 1000);
      }
      intervals.annotators.forEach((interval, a) => {
        expectAgrees(`annotator ${a}`, interval, reference.annotators[a] ?? new Float64Array(0), 0.95, 1000);
      });
    });
  }

  it('gives a grouped sample (items with multiplicities) exactly the intervals of the sample it stands for', () => {
    const fromGroups = computeAgreementIntervals({
      ...inputs,
      ...sampleTables(grouped.sample),
      multiplicities: grouped.multiplicities,
    });
    expect(fromGroups).toEqual(computeAgreementIntervals(inputs));
  });
});
