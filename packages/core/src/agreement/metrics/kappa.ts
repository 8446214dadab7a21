/**
 * Two-rater chance-corrected coefficients from one pair's totals over the items both annotators labeled:
 * n items, the agreeing ones, each annotator's label counts (`row` for the first, `col` for the second,
 * read at `offset … offset + C − 1`), and for weighted κ the observed weighted disagreement. Totals may
 * be bootstrap-weighted, hence floats. Each returns `NaN` when the coefficient is undefined (no shared item,
 * or chance agreement 1); the report turns that into `null` with a reason.
 */

/**
 * (p_o − p_e) / (1 − p_e) from n shared items, the agreeing ones and Σ_k r_k c_k (the chance products),
 * so p_e = Σ_k r_k c_k / n². `NaN` with no item or when p_e = 1.
 */
export function kappaFromChanceProducts(n: number, agreeing: number, chanceProducts: number): number {
  if (n <= 0) return Number.NaN;
  const pe = chanceProducts / (n * n);
  if (pe >= 1 - 1e-12) return Number.NaN;
  return (agreeing / n - pe) / (1 - pe);
}

/**
 * Cohen's (1960) κ = (p_o − p_e) / (1 − p_e), with p_e = Σ_k r_k c_k / n² from each annotator's own
 * marginals. Reproduces scikit-learn's `cohen_kappa_score` (e.g. Artstein & Poesio 2008, Table 1: .348).
 */
export function cohenKappaFromTotals(
  n: number,
  agreeing: number,
  row: ArrayLike<number>,
  col: ArrayLike<number>,
  offset: number,
  categoryCount: number,
): number {
  let chanceProducts = 0;
  for (let k = offset; k < offset + categoryCount; k++) chanceProducts += (row[k] ?? 0) * (col[k] ?? 0);
  return kappaFromChanceProducts(n, agreeing, chanceProducts);
}

/**
 * Scott's (1955) π = (p_o − p_e) / (1 − p_e), with p_e = Σ_k ((r_k + c_k) / 2n)² from the pooled
 * marginals. Equals Fleiss' κ for two annotators who labeled every item.
 */
export function scottPiFromTotals(
  n: number,
  agreeing: number,
  row: ArrayLike<number>,
  col: ArrayLike<number>,
  categoryCount: number,
): number {
  if (n <= 0) return Number.NaN;
  let pe = 0;
  for (let k = 0; k < categoryCount; k++) {
    const pooled = ((row[k] ?? 0) + (col[k] ?? 0)) / (2 * n);
    pe += pooled * pooled;
  }
  if (pe >= 1 - 1e-12) return Number.NaN;
  return (agreeing / n - pe) / (1 - pe);
}

/**
 * Expected weighted disagreement Σ_ij w_ij r_i c_j / n for linear (|i − j|) and quadratic ((i − j)²)
 * weights on category ranks, in O(C) with running sums instead of the C × C double sum.
 */
function expectedWeightedDisagreement(
  n: number,
  row: ArrayLike<number>,
  col: ArrayLike<number>,
  categoryCount: number,
): { linear: number; quadratic: number } {
  let rowTotal = 0;
  let rowRank = 0;
  let rowRank2 = 0;
  let colTotal = 0;
  let colRank = 0;
  let colRank2 = 0;
  for (let k = 0; k < categoryCount; k++) {
    const r = row[k] ?? 0;
    const c = col[k] ?? 0;
    rowTotal += r;
    rowRank += k * r;
    rowRank2 += k * k * r;
    colTotal += c;
    colRank += k * c;
    colRank2 += k * k * c;
  }
  const quadratic = rowRank2 * colTotal + colRank2 * rowTotal - 2 * rowRank * colRank;
  // Σ_j c_j Σ_i |i − j| r_i, with R = Σ_{i<j} r_i and S = Σ_{i<j} i·r_i running below j.
  let linear = 0;
  let below = 0;
  let belowRank = 0;
  for (let j = 0; j < categoryCount; j++) {
    const r = row[j] ?? 0;
    const c = col[j] ?? 0;
    const under = j * below - belowRank;
    const over = rowRank - belowRank - j * r - j * (rowTotal - below - r);
    linear += c * (under + over);
    below += r;
    belowRank += j * r;
  }
  return { linear: linear / n, quadratic: quadratic / n };
}

/**
 * Cohen's (1968) weighted κ = 1 − Σ w_ij o_ij / Σ w_ij e_ij with linear or quadratic weights on category
 * ranks (positions in the ordered category list), as scikit-learn's `cohen_kappa_score(weights=…)`.
 * `observedLinear` and `observedQuadratic` are Σ_items |r − c| and Σ_items (r − c)² over the shared items.
 */
export function weightedKappaFromTotals(
  n: number,
  observedLinear: number,
  observedQuadratic: number,
  row: ArrayLike<number>,
  col: ArrayLike<number>,
  categoryCount: number,
): { linear: number; quadratic: number } {
  if (n <= 0) return { linear: Number.NaN, quadratic: Number.NaN };
  const expected = expectedWeightedDisagreement(n, row, col, categoryCount);
  const ratio = (observed: number, chance: number): number =>
    chance <= 1e-12 * n ? Number.NaN : 1 - observed / chance;
  return {
    linear: ratio(observedLinear, expected.linear),
    quadratic: ratio(observedQuadratic, expected.quadratic),
  };
}
