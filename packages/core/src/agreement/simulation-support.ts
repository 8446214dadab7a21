/**
 * Test-only: a population of labeled items with a known truth, for the bootstrap's coverage simulation and
 * its larger comparisons with the reference. Each item has a true category (shares `classShares`); each
 * annotator gives it with probability `accuracy[a]`, else a category uniformly at random (possibly the
 * true one); each label is missing with probability `missing`. An item is then one of (C + 1)^A patterns
 * of who gave which label, whose probabilities are enumerated exactly, so every coefficient's population
 * value is the coefficient of the patterns weighted by their probabilities, not an estimate from a large
 * sample. Samples are drawn as multinomial counts over the patterns. Not part of the public API.
 */
import { createRandom, UniformStream } from '../shared';
import type { Resample, ResampledStatistic } from './bootstrap';
import { createGroupResampler } from './group-resampler';
import { withLazyItems } from './item-names';
import type { EncodedSample } from './types';

export interface PopulationSpec {
  readonly annotators: number;
  readonly classShares: readonly number[];
  readonly accuracy: readonly number[];
  readonly missing: number;
  /** Category names (default "0", "1", …: numeric, so ordered). */
  readonly categories?: readonly string[];
}

export interface Population {
  /** One item per pattern with a nonzero probability. */
  readonly patterns: EncodedSample;
  /** Each pattern's probability, as integer weights summing to about 2^30 (rounding: under 2^-30). */
  readonly weights: Int32Array;
}

/** Enumerates every pattern of the population with its probability. */
export function createPopulation(spec: PopulationSpec): Population {
  const C = spec.classShares.length;
  const A = spec.annotators;
  const categories = spec.categories ?? Array.from({ length: C }, (_, k) => String(k));
  const patternCount = (C + 1) ** A;
  const itemOf: number[] = [];
  const annotatorOf: number[] = [];
  const categoryOf: number[] = [];
  const weights: number[] = [];
  for (let code = 0; code < patternCount; code++) {
    // Digit a of `code` in base C + 1: annotator a's label, C meaning missing.
    const states = Array.from({ length: A }, (_, a) => Math.floor(code / (C + 1) ** a) % (C + 1));
    let probability = 0;
    spec.classShares.forEach((share, truth) => {
      let p = share;
      states.forEach((state, a) => {
        const accuracy = spec.accuracy[a] ?? 0;
        if (state === C) p *= spec.missing;
        else p *= (1 - spec.missing) * ((state === truth ? accuracy : 0) + (1 - accuracy) / C);
      });
      probability += p;
    });
    const weight = Math.round(probability * 2 ** 30);
    if (weight === 0) continue;
    const item = weights.length;
    weights.push(weight);
    states.forEach((state, a) => {
      if (state === C) return;
      itemOf.push(item);
      annotatorOf.push(a);
      categoryOf.push(state);
    });
  }
  const numeric = categories.every((label) => Number.isFinite(Number(label)));
  const patterns = withLazyItems(
    {
      annotators: Array.from({ length: A }, (_, a) => `annotator ${a + 1}`),
      categories,
      categoryValues: numeric ? Float64Array.from(categories, Number) : null,
      ordered: numeric,
      itemOf: Int32Array.from(itemOf),
      annotatorOf: Int32Array.from(annotatorOf),
      categoryOf: Int32Array.from(categoryOf),
    },
    {
      size: weights.length,
      at: (i) => `pattern ${i + 1}`,
      all: () => weights.map((_, i) => `pattern ${i + 1}`),
    },
  );
  return { patterns, weights: Int32Array.from(weights) };
}

/** A statistic's components on the whole population: the patterns weighted by their probabilities. */
export function populationValue(population: Population, statistic: ResampledStatistic): Float64Array {
  const { weights } = population;
  const resample: Resample = {
    weights,
    items: Int32Array.from(weights.keys()),
    count: weights.length,
  };
  const out = new Float64Array(statistic.size);
  statistic.evaluate(resample, out);
  return out;
}

/**
 * Draws samples of `items` items: each call gives the patterns drawn at least once (as a sample with one
 * item per pattern) and how many items have each (`multiplicities`).
 */
export function createSampler(population: Population, items: number, seed: number) {
  const resampler = createGroupResampler(population.weights, items);
  const stream = new UniformStream(createRandom(seed));
  const counts = new Int32Array(population.weights.length);
  const { patterns } = population;
  const patternStart = new Int32Array(counts.length + 1);
  for (const item of patterns.itemOf) patternStart[item + 1] = (patternStart[item + 1] ?? 0) + 1;
  for (let g = 0; g < counts.length; g++)
    patternStart[g + 1] = (patternStart[g + 1] ?? 0) + (patternStart[g] ?? 0);
  return (): { sample: EncodedSample; multiplicities: Int32Array } => {
    resampler.draw(stream, counts);
    const drawn: number[] = [];
    counts.forEach((count, g) => {
      if (count > 0) drawn.push(g);
    });
    const itemOf: number[] = [];
    const annotatorOf: number[] = [];
    const categoryOf: number[] = [];
    drawn.forEach((g, i) => {
      for (let j = patternStart[g] ?? 0; j < (patternStart[g + 1] ?? 0); j++) {
        itemOf.push(i);
        annotatorOf.push(patterns.annotatorOf[j] ?? 0);
        categoryOf.push(patterns.categoryOf[j] ?? 0);
      }
    });
    const sample = withLazyItems(
      {
        annotators: patterns.annotators,
        categories: patterns.categories,
        categoryValues: patterns.categoryValues,
        ordered: patterns.ordered,
        itemOf: Int32Array.from(itemOf),
        annotatorOf: Int32Array.from(annotatorOf),
        categoryOf: Int32Array.from(categoryOf),
      },
      {
        size: drawn.length,
        at: (i) => `pattern ${i + 1}`,
        all: () => drawn.map((_, i) => `pattern ${i + 1}`),
      },
    );
    return { sample, multiplicities: Int32Array.from(drawn, (g) => counts[g] ?? 0) };
  };
}

/** The sample a grouped sample stands for: item i of `sample` repeated `multiplicities[i]` times. */
export function expandSample(sample: EncodedSample, multiplicities: Int32Array): EncodedSample {
  const itemOf: number[] = [];
  const annotatorOf: number[] = [];
  const categoryOf: number[] = [];
  const starts = new Int32Array(multiplicities.length + 1);
  for (const item of sample.itemOf) starts[item + 1] = (starts[item + 1] ?? 0) + 1;
  for (let i = 0; i < multiplicities.length; i++) starts[i + 1] = (starts[i + 1] ?? 0) + (starts[i] ?? 0);
  // Annotations of one item are contiguous in these samples (built item by item).
  let next = 0;
  multiplicities.forEach((copies, i) => {
    for (let c = 0; c < copies; c++) {
      for (let j = starts[i] ?? 0; j < (starts[i + 1] ?? 0); j++) {
        itemOf.push(next);
        annotatorOf.push(sample.annotatorOf[j] ?? 0);
        categoryOf.push(sample.categoryOf[j] ?? 0);
      }
      next++;
    }
  });
  const total = next;
  return withLazyItems(
    {
      annotators: sample.annotators,
      categories: sample.categories,
      categoryValues: sample.categoryValues,
      ordered: sample.ordered,
      itemOf: Int32Array.from(itemOf),
      annotatorOf: Int32Array.from(annotatorOf),
      categoryOf: Int32Array.from(categoryOf),
    },
    {
      size: total,
      at: (i) => `item ${i + 1}`,
      all: () => Array.from({ length: total }, (_, i) => `item ${i + 1}`),
    },
  );
}
