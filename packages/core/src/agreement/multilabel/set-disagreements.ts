import type { UnitSample } from '../framing';
import type { UnitDifference, UnitDisagreement } from '../types';
import { compareText, type NamedValue, unitDisagreements } from '../unit-disagreements';

/** Jaccard similarity |X ∩ Y| / |X ∪ Y| of two label sets (Jaccard 1912); 1 for two empty sets. */
export function jaccardSimilarity(x: readonly string[], y: readonly string[]): number {
  const first = new Set(x);
  const second = new Set(y);
  let common = 0;
  for (const label of first) if (second.has(label)) common++;
  const union = first.size + second.size - common;
  return union === 0 ? 1 : common / union;
}

/**
 * The multi-label disagreement list: the `limit` items whose worst annotator pair has the lowest Jaccard
 * similarity, each with the labels one of the pair chose and the other did not.
 */
export function setDisagreements(sample: UnitSample<readonly string[]>, limit: number): UnitDisagreement[] {
  return unitDisagreements(
    sample,
    {
      score: jaccardSimilarity,
      perfect: 1,
      differences: (a: NamedValue<readonly string[]>, b: NamedValue<readonly string[]>) => {
        const lacking = (has: NamedValue<readonly string[]>, lacks: NamedValue<readonly string[]>) => {
          const other = new Set(lacks.value);
          return [...new Set(has.value)]
            .filter((label) => !other.has(label))
            .sort(compareText)
            .map((label): UnitDifference => ({ kind: 'label', has: has.name, lacks: lacks.name, label }));
        };
        return [...lacking(a, b), ...lacking(b, a)];
      },
    },
    limit,
  );
}
