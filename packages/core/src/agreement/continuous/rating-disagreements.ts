import { itemCountOf, itemName } from '../item-names';
import type { EncodedSample, UnitDisagreement } from '../types';
import { compareText, worstFirst } from '../unit-disagreements';

/**
 * The continuous disagreement list: the `limit` items whose ratings spread most, by their range max − min
 * (the largest |difference| of any annotator pair), each with that pair's ratings, lowest first. Between
 * annotators who gave the same extreme rating the first name in code-unit order is kept, so the list does
 * not depend on the annotators' order. Items whose ratings are all equal are not listed; empty when the
 * labels are not numbers.
 */
export function ratingDisagreements(sample: EncodedSample, limit: number): UnitDisagreement[] {
  const values = sample.categoryValues;
  if (values === null || limit <= 0) return [];
  const items = itemCountOf(sample);
  const { itemOf, annotatorOf, categoryOf, annotators } = sample;
  const ratingAt = (e: number) => values[categoryOf[e] ?? 0] ?? 0;
  const raterAt = (e: number) => annotators[annotatorOf[e] ?? 0] ?? '';
  // Per item, the entries holding its lowest and highest rating (-1: none yet) and its number of ratings.
  const low = new Int32Array(items).fill(-1);
  const high = new Int32Array(items).fill(-1);
  const rated = new Int32Array(items);
  const beats = (e: number, kept: number, sign: 1 | -1) => {
    if (kept < 0) return true;
    const d = sign * (ratingAt(e) - ratingAt(kept));
    return d > 0 || (d === 0 && compareText(raterAt(e), raterAt(kept)) < 0);
  };
  for (let e = 0; e < itemOf.length; e++) {
    const item = itemOf[e] ?? 0;
    rated[item] = (rated[item] ?? 0) + 1;
    if (beats(e, low[item] ?? -1, -1)) low[item] = e;
    if (beats(e, high[item] ?? -1, 1)) high[item] = e;
  }
  const candidates: { unit: number; score: number }[] = [];
  for (let item = 0; item < items; item++) {
    if ((rated[item] ?? 0) < 2) continue;
    const range = ratingAt(high[item] ?? 0) - ratingAt(low[item] ?? 0);
    if (range > 0) candidates.push({ unit: item, score: range });
  }
  return worstFirst(candidates, limit, false).map(({ unit, score }) => {
    const lowest = low[unit] ?? 0;
    const highest = high[unit] ?? 0;
    const [annotatorA, annotatorB] = [raterAt(lowest), raterAt(highest)].sort(compareText);
    return {
      unit: itemName(sample, unit),
      score,
      annotatorA: annotatorA ?? '',
      annotatorB: annotatorB ?? '',
      differences: [lowest, highest].map((e) => ({
        kind: 'rating' as const,
        annotator: raterAt(e),
        value: ratingAt(e),
      })),
      moreDifferences: 0,
    };
  });
}
