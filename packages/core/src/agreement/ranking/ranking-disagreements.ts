import type { RankedObject, UnitSample } from '../framing';
import type { UnitDisagreement } from '../types';
import { compareText, MAX_DIFFERENCES, type NamedValue, unitDisagreements } from '../unit-disagreements';
import { kendallTauB } from './kendall';

/**
 * Kendall's τ-b of one pair on one list, over the objects both ranked; NaN with fewer than 2 common
 * objects or when either ranking ties them all.
 */
export function pairKendallTau(x: readonly RankedObject[], y: readonly RankedObject[]): number {
  const ranks = new Map(y.map(({ object, rank }) => [object, rank]));
  const common = x.filter(({ object }) => ranks.has(object)).sort((p, q) => compareText(p.object, q.object));
  if (common.length < 2) return Number.NaN;
  return kendallTauB(
    common.map(({ rank }) => rank),
    common.map(({ object }) => ranks.get(object) ?? 0),
  );
}

/** The objects best first (rank ascending, ties by name), the first `MAX_DIFFERENCES`. */
function orderOf(ranking: readonly RankedObject[]): string[] {
  return [...ranking]
    .sort((p, q) => p.rank - q.rank || compareText(p.object, q.object))
    .slice(0, MAX_DIFFERENCES)
    .map(({ object }) => object);
}

/**
 * The ranking disagreement list: the `limit` lists whose worst annotator pair has the lowest Kendall τ-b,
 * each with both annotators' rankings, best first (the first 20 objects).
 */
export function rankingDisagreements(
  sample: UnitSample<readonly RankedObject[]>,
  limit: number,
): UnitDisagreement[] {
  return unitDisagreements(
    sample,
    {
      score: pairKendallTau,
      perfect: 1,
      differences: (a: NamedValue<readonly RankedObject[]>, b: NamedValue<readonly RankedObject[]>) => [
        { kind: 'order', annotator: a.name, objects: orderOf(a.value) },
        { kind: 'order', annotator: b.name, objects: orderOf(b.value) },
      ],
    },
    limit,
  );
}
