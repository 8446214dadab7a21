import type { RankedObject, UnitSample } from '../framing';
import { type FramingOptions, type FramingResult, finiteOrNull } from '../framing-result';
import { annotationsByUnit } from '../matching/pair-counts';
import { unitMeanIntervals, unitMeans } from '../matching/unit-means';
import type { AgreementWarning, RankingAgreement } from '../types';
import { kendallTauB, kendallW } from './kendall';

/**
 * Per list: W, W without the ties correction, and the mean τ-b over annotator pairs, on the objects every
 * annotator of the list ranked. NaN where undefined (fewer than 2 annotators or 2 common objects).
 */
export function rankingValuesPerList(sample: UnitSample<readonly RankedObject[]>): Float64Array {
  const byUnit = annotationsByUnit(sample);
  const values = new Float64Array(byUnit.length * 3).fill(Number.NaN);
  byUnit.forEach((list, u) => {
    if (list.length < 2) return;
    const scoreMaps = list.map(({ value }) => new Map(value.map(({ object, rank }) => [object, rank])));
    const objects = [...(scoreMaps[0]?.keys() ?? [])].filter((object) =>
      scoreMaps.every((map) => map.has(object)),
    );
    if (objects.length < 2) return;
    objects.sort();
    const rankings = scoreMaps.map((map) => objects.map((object) => map.get(object) ?? 0));
    const w = kendallW(rankings);
    let tauTotal = 0;
    let tauPairs = 0;
    for (let i = 0; i < rankings.length; i++) {
      for (let j = i + 1; j < rankings.length; j++) {
        const tau = kendallTauB(rankings[i] ?? [], rankings[j] ?? []);
        if (Number.isNaN(tau)) continue;
        tauTotal += tau;
        tauPairs++;
      }
    }
    values[u * 3] = w.corrected;
    values[u * 3 + 1] = w.uncorrected;
    values[u * 3 + 2] = tauPairs > 0 ? tauTotal / tauPairs : Number.NaN;
  });
  return values;
}

/**
 * The ranking block (docs/product.md, "Framings beyond one label per item"): Kendall's W with and without
 * the ties correction and Kendall's τ-b averaged over annotator pairs, per list, then averaged over lists.
 * Ceiling: `meanKendallTau` (metric `kendallTau`), with bootstrap intervals over lists.
 */
export function computeRanking(
  sample: UnitSample<readonly RankedObject[]>,
  options: FramingOptions,
): FramingResult<RankingAgreement> {
  const warnings: AgreementWarning[] = [];
  const values = rankingValuesPerList(sample);
  const [w, wUncorrected, tau] = Array.from(unitMeans(values, 3), (v) => finiteOrNull(v));
  const [wCi, , tauCi] = unitMeanIntervals(values, 3, options);
  let lists = 0;
  for (let u = 0; u < values.length / 3; u++) if (Number.isFinite(values[u * 3 + 1])) lists++;
  if (lists === 0) {
    warnings.push({
      key: 'ranking',
      message: 'No list was ranked by two annotators on two or more common objects.',
    });
  }
  return {
    block: {
      kendallW: w ?? null,
      kendallWUncorrected: wUncorrected ?? null,
      meanKendallTau: tau ?? null,
      lists,
      ci: { ...(wCi ? { kendallW: wCi } : {}), ...(tauCi ? { meanKendallTau: tauCi } : {}) },
    },
    ceiling:
      tau === null || tau === undefined
        ? null
        : { value: tau, ci: tauCi ?? null, items: lists, basis: 'ranking.meanKendallTau' },
    metric: 'kendallTau',
    warnings,
  };
}
