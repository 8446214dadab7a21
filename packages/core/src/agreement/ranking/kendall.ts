/**
 * Kendall's coefficient of concordance W and Kendall's τ-b, for annotators who rank the same objects.
 */

/** Mid-ranks (1-based) of `scores`, ascending; tied scores share the mean of their ranks. */
export function midRanks(scores: readonly number[]): number[] {
  const order = scores.map((_, i) => i).sort((a, b) => (scores[a] ?? 0) - (scores[b] ?? 0));
  const ranks = new Array<number>(scores.length).fill(0);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1] ?? 0] === scores[order[i] ?? 0]) j++;
    const rank = (i + j) / 2 + 1;
    for (let t = i; t <= j; t++) ranks[order[t] ?? 0] = rank;
    i = j + 1;
  }
  return ranks;
}

/** Σ (t³ − t) over the groups of tied values. */
function tieSum(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let total = 0;
  for (const t of counts.values()) total += t ** 3 - t;
  return total;
}

/**
 * Kendall's W for m annotators ranking the same n objects (`rankings[j][i]`: annotator j's rank or score of
 * object i; ranks are taken within each annotator, mid-ranks for ties): W = 12S / (m²(n³ − n) − mΣT), with
 * S = Σ_i (R_i − m(n + 1)/2)² over the objects' rank sums R_i and T_j = Σ (t³ − t) over annotator j's
 * groups of ties (Kendall & Babington Smith 1939; Siegel & Castellan 1988, §9.4, eq. 9.16), and without the
 * correction 12S / (m²(n³ − n)). NaN with fewer than 2 annotators or objects, or when every rank is tied.
 *
 * @example
 * kendallW([[1, 2, 3], [1, 2, 3]]); // { corrected: 1, uncorrected: 1 }
 */
export function kendallW(rankings: readonly (readonly number[])[]): {
  corrected: number;
  uncorrected: number;
} {
  const m = rankings.length;
  const n = rankings[0]?.length ?? 0;
  if (m < 2 || n < 2) return { corrected: Number.NaN, uncorrected: Number.NaN };
  const sums = new Float64Array(n);
  let ties = 0;
  for (const scores of rankings) {
    const ranks = midRanks(scores);
    ranks.forEach((rank, i) => {
      sums[i] = (sums[i] ?? 0) + rank;
    });
    ties += tieSum(ranks);
  }
  const mean = (m * (n + 1)) / 2;
  let s = 0;
  for (const sum of sums) s += (sum - mean) ** 2;
  const full = m * m * (n ** 3 - n);
  const corrected = full - m * ties;
  return {
    corrected: corrected > 0 ? (12 * s) / corrected : Number.NaN,
    uncorrected: (12 * s) / full,
  };
}

/**
 * Kendall's τ-b between two rankings of the same objects: (n_c − n_d) / √((n₀ − n₁)(n₀ − n₂)), with
 * n₀ = n(n − 1)/2 and n₁, n₂ the tied pairs within each ranking (Kendall 1945; as R's
 * `cor(method = "kendall")` and SciPy's `kendalltau`). NaN when either ranking ties every object.
 */
export function kendallTauB(x: readonly number[], y: readonly number[]): number {
  const n = Math.min(x.length, y.length);
  let concordant = 0;
  let discordant = 0;
  let tiedX = 0;
  let tiedY = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = Math.sign((x[i] ?? 0) - (x[j] ?? 0));
      const dy = Math.sign((y[i] ?? 0) - (y[j] ?? 0));
      if (dx === 0) tiedX++;
      if (dy === 0) tiedY++;
      if (dx !== 0 && dy !== 0) {
        if (dx === dy) concordant++;
        else discordant++;
      }
    }
  }
  const pairs = (n * (n - 1)) / 2;
  const denominator = Math.sqrt((pairs - tiedX) * (pairs - tiedY));
  return denominator > 0 ? (concordant - discordant) / denominator : Number.NaN;
}
