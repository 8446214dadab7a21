/**
 * The structured framings' disagreement list (docs/product.md, "Framings beyond one label per item"): per
 * unit annotated by two or more annotators, the score of its worst annotator pair in the framing's own
 * metric; the units that agree least first, for guideline review.
 */
import type { UnitSample } from './framing';
import type { UnitDifference, UnitDisagreement } from './types';

/** `UnitDisagreement.differences` keeps this many; the rest are counted in `moreDifferences`. */
export const MAX_DIFFERENCES = 20;

/** One annotator's value on a unit, with the annotator's name. */
export interface NamedValue<V> {
  readonly name: string;
  readonly value: V;
}

/** How a framing scores a pair and says what the pair differ on. */
export interface PairScorer<V> {
  /** Symmetric agreement of two values; NaN when undefined (the pair is left out); `perfect` when equal. */
  readonly score: (x: V, y: V) => number;
  /** Scores at or above it are agreement: a unit whose worst pair reaches it is not listed. */
  readonly perfect: number;
  /** What `a` and `b` (in annotator-name order) differ on, for the listed units only. */
  readonly differences: (a: NamedValue<V>, b: NamedValue<V>, unit: number) => UnitDifference[];
}

/** Code-unit order, the same in every locale. */
export function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

const byName = (x: { name: string }, y: { name: string }) => compareText(x.name, y.name);

/** Cuts `differences` to `MAX_DIFFERENCES`, counting the rest. */
export function withDifferences(
  base: Omit<UnitDisagreement, 'differences' | 'moreDifferences'>,
  differences: readonly UnitDifference[],
): UnitDisagreement {
  return {
    ...base,
    differences: differences.slice(0, MAX_DIFFERENCES),
    moreDifferences: Math.max(0, differences.length - MAX_DIFFERENCES),
  };
}

/**
 * Orders candidates `(unit, score)` worst first by `worse` (ties: first-seen unit) and keeps `limit`.
 * Sorting all candidates is O(u log u); only the kept ones are described afterwards.
 */
export function worstFirst<C extends { readonly unit: number; readonly score: number }>(
  candidates: C[],
  limit: number,
  lowerIsWorse: boolean,
): C[] {
  candidates.sort((x, y) => (lowerIsWorse ? x.score - y.score : y.score - x.score) || x.unit - y.unit);
  return candidates.slice(0, Math.max(0, limit));
}

/**
 * The `limit` units whose worst annotator pair scores lowest (ties: first-seen unit), each with that pair
 * (ties between pairs: the first in annotator-name order, so the list does not depend on the order the
 * annotators appear in) and what they differ on. Units whose every pair scores `perfect`, or whose pairs
 * are all undefined, are not listed: identical annotators give an empty list.
 */
export function unitDisagreements<V>(
  sample: UnitSample<V>,
  scorer: PairScorer<V>,
  limit: number,
): UnitDisagreement[] {
  const byUnit: NamedValue<V>[][] = sample.units.map(() => []);
  for (const { unit, annotator, value } of sample.annotations)
    byUnit[unit]?.push({ name: sample.annotators[annotator] ?? '', value });
  const candidates: { unit: number; score: number; a: NamedValue<V>; b: NamedValue<V> }[] = [];
  byUnit.forEach((list, unit) => {
    if (list.length < 2) return;
    list.sort(byName);
    let worst: { score: number; a: NamedValue<V>; b: NamedValue<V> } | null = null;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i] as NamedValue<V>;
        const b = list[j] as NamedValue<V>;
        const score = scorer.score(a.value, b.value);
        if (Number.isNaN(score)) continue;
        if (worst === null || score < worst.score) worst = { score, a, b };
      }
    }
    if (worst !== null && worst.score < scorer.perfect) candidates.push({ unit, ...worst });
  });
  return worstFirst(candidates, limit, true).map(({ unit, score, a, b }) =>
    withDifferences(
      { unit: sample.units[unit] ?? '', score, annotatorA: a.name, annotatorB: b.name },
      scorer.differences(a, b, unit),
    ),
  );
}
