/**
 * Coverage of the report's 95% bootstrap intervals, by simulation: samples of 300 and of 50,000 items are
 * drawn from populations whose coefficients are known exactly (every pattern of who gave which label is
 * enumerated with its probability, see `simulation-support.ts`), each sample gets its intervals from the
 * engine's own interval code (`computeAgreementIntervals`, 1,000 resamples, as users get them), and the
 * share of intervals that contain the population value must lie in 92–98%.
 *
 * 500 samples per size: a correct 95% interval covers 475 of them on average with a binomial standard
 * error of √(0.95 · 0.05 / 500) = 0.97 percentage points, so the 92–98% window is ±3.1 standard errors
 * and a coverage of 90% or 99% falls outside it with probability above 0.95. Samples are drawn as counts
 * over the patterns, so a 50,000-item sample costs as little as a 300-item one. Seeded: the same figures on
 * every run. The figures (coverage per coefficient and size) are printed for the record.
 */
import { describe, expect, it } from 'vitest';
import { computeAgreementIntervals } from './agreement-intervals';
import type { ResampledStatistic } from './bootstrap';
import { createAnnotatorAgreementLevels } from './ceiling';
import type { ResampleMethod } from './compressed-bootstrap';
import { coefficientStatistics } from './reference-bootstrap';
import {
  createPopulation,
  createSampler,
  type Population,
  type PopulationSpec,
  populationValue,
} from './simulation-support';
import { sampleTables } from './test-support';
import type { AgreementCiKey, MeasurementLevel } from './types';

const SAMPLES = 500;
const RESAMPLES = 1000;

interface Scenario {
  readonly name: string;
  readonly spec: PopulationSpec;
  readonly level: MeasurementLevel;
  readonly keys: readonly AgreementCiKey[];
  readonly method?: ResampleMethod;
  readonly sizes: readonly number[];
}

/** Each key's population value, and each annotator's agreement with the majority of the others. */
function populationValues(population: Population, level: MeasurementLevel) {
  const { patterns } = population;
  const { index, table } = sampleTables(patterns);
  const fleissApplies =
    table.minPairableLabels === table.maxPairableLabels && table.pairableItems === table.itemCount;
  const minLabels = table.itemsWithThreeOrMore > 0 ? 3 : 2;
  const value = (statistic: ResampledStatistic | null, component: number) =>
    statistic === null ? Number.NaN : (populationValue(population, statistic)[component] ?? Number.NaN);
  const { requests, majority } = coefficientStatistics(patterns, index, table, {
    level,
    fleissApplies,
    minLabels,
  });
  const values = new Map(requests.map(([key, statistic, component]) => [key, value(statistic, component)]));
  const annotators = createAnnotatorAgreementLevels(patterns, index, table, minLabels).map((_, a) =>
    value(majority, 1 + a),
  );
  return { values, annotators, fleissApplies, minLabels };
}

/** Runs the simulation; returns, per coefficient (and annotator), the share of intervals that covered. */
function simulateCoverage(scenario: Scenario, items: number, seed: number): Map<string, number> {
  const population = createPopulation(scenario.spec);
  const truth = populationValues(population, scenario.level);
  const draw = createSampler(population, items, seed);
  const covered = new Map<string, number>();
  const count = (what: string, interval: readonly [number, number] | null | undefined, value: number) => {
    const hit = interval != null && interval[0] <= value && value <= interval[1];
    covered.set(what, (covered.get(what) ?? 0) + (hit ? 1 : 0));
  };
  for (let s = 0; s < SAMPLES; s++) {
    const { sample, multiplicities } = draw();
    const intervals = computeAgreementIntervals({
      ...sampleTables(sample),
      level: scenario.level,
      defined: new Set(scenario.keys),
      fleissApplies: truth.fleissApplies,
      ceilingMinLabels: truth.minLabels,
      perAnnotator: true,
      resamples: RESAMPLES,
      seed: seed * 1000 + s,
      confidence: 0.95,
      multiplicities,
      ...(scenario.method === undefined ? {} : { method: scenario.method }),
    });
    for (const key of scenario.keys)
      count(key, intervals.coefficients.get(key)?.interval, truth.values.get(key) ?? Number.NaN);
    intervals.annotators.forEach((interval, a) => {
      count(`annotator ${a + 1}`, interval, truth.annotators[a] ?? 0);
    });
  }
  return new Map([...covered].map(([what, hits]) => [what, hits / SAMPLES]));
}

const scenarios: Scenario[] = [
  {
    name: '3 annotators, 3 categories, 15% of labels missing',
    spec: { annotators: 3, classShares: [0.5, 0.3, 0.2], accuracy: [0.85, 0.75, 0.6], missing: 0.15 },
    level: 'nominal',
    keys: ['alpha', 'percentAgreement', 'lightKappa', 'gwetAC1', 'brennanPrediger', 'humanCeiling'],
    sizes: [300, 50_000],
  },
  {
    name: '2 annotators, 4 ordered categories, every item labeled twice',
    spec: { annotators: 2, classShares: [0.4, 0.3, 0.2, 0.1], accuracy: [0.8, 0.65], missing: 0 },
    level: 'ordinal',
    keys: [
      'alpha',
      'percentAgreement',
      'cohenKappa',
      'scottPi',
      'fleissKappa',
      'gwetAC1',
      'weightedKappaLinear',
      'weightedKappaQuadratic',
    ],
    sizes: [300, 50_000],
  },
  {
    // The bag of little bootstraps serves levels whose items barely group, which happens only in large
    // samples; here it is forced on every level of the first population.
    name: '3 annotators, 3 categories, 15% missing, by the bag of little bootstraps',
    spec: { annotators: 3, classShares: [0.5, 0.3, 0.2], accuracy: [0.85, 0.75, 0.6], missing: 0.15 },
    level: 'nominal',
    keys: ['alpha', 'percentAgreement', 'lightKappa', 'gwetAC1', 'brennanPrediger', 'humanCeiling'],
    method: 'little-bootstraps',
    sizes: [50_000],
  },
];

describe('bootstrap interval coverage', () => {
  for (const scenario of scenarios) {
    for (const items of scenario.sizes) {
      it(`covers the population value 92–98% of the time: ${scenario.name}, ${items.toLocaleString('en')} items`, {
        timeout: 300_000,
      }, () => {
        const coverage = simulateCoverage(scenario, items, items);
        console.log(
          `coverage (${SAMPLES} samples of ${items} items, ${scenario.name}): ${[...coverage]
            .map(([what, share]) => `${what} ${(100 * share).toFixed(1)}%`)
            .join(', ')}`,
        );
        for (const [what, share] of coverage) {
          expect(share, what).toBeGreaterThanOrEqual(0.92);
          expect(share, what).toBeLessThanOrEqual(0.98);
        }
      });
    }
  }
});
