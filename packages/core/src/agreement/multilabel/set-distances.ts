/**
 * Distances between label sets, for Krippendorff's α on multi-label annotations. Sets are given as
 * ascending arrays of label indices; two empty sets are at distance 0.
 */

export type SetDistance = (x: readonly number[], y: readonly number[]) => number;

function intersectionSize(x: readonly number[], y: readonly number[]): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < x.length && j < y.length) {
    const a = x[i] ?? 0;
    const b = y[j] ?? 0;
    if (a === b) {
      common++;
      i++;
      j++;
    } else if (a < b) i++;
    else j++;
  }
  return common;
}

/** 0 when the sets are equal, else 1 (α with it is nominal α over whole sets). */
export const exactSetDistance: SetDistance = (x, y) => {
  if (x.length !== y.length) return 1;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return 1;
  return 0;
};

/** Jaccard distance 1 − |X ∩ Y| / |X ∪ Y| (Jaccard 1912); 0 for two empty sets. */
export const jaccardDistance: SetDistance = (x, y) => {
  const common = intersectionSize(x, y);
  const union = x.length + y.length - common;
  return union === 0 ? 0 : 1 - common / union;
};

/**
 * MASI distance 1 − J·M (Passonneau 2006, "Measuring agreement on set-valued items (MASI) for semantic and
 * pragmatic annotation", LREC): J the Jaccard similarity and M the monotonicity weight, 1 for equal sets,
 * 0.67 when one is a subset of the other, 0.33 when they overlap otherwise, 0 when disjoint, as NLTK's
 * `masi_distance` and crowd-kit compute it. 0 for two empty sets.
 *
 * @example
 * masiDistance([1, 2], [1, 2, 3, 4]); // 0.665, NLTK's documented value
 */
export const masiDistance: SetDistance = (x, y) => {
  const common = intersectionSize(x, y);
  const union = x.length + y.length - common;
  if (union === 0) return 0;
  let monotonicity: number;
  if (x.length === y.length && x.length === common) monotonicity = 1;
  else if (common === Math.min(x.length, y.length)) monotonicity = 0.67;
  else if (common > 0) monotonicity = 0.33;
  else monotonicity = 0;
  return 1 - (common / union) * monotonicity;
};

/**
 * Krippendorff's α with any distance over values drawn from a finite list (Krippendorff 2011, "Computing
 * Krippendorff's Alpha-Reliability", §C): α = 1 − D_o / D_e with
 * D_o = (1/n) Σ_u 1/(m_u − 1) Σ_{i ≠ j in u} δ(v_i, v_j) and D_e = 1/(n(n − 1)) Σ_{c,k} n_c n_k δ(c, k),
 * over the n values in units with m_u ≥ 2 values. `units[u]` lists the value indices of unit u. NaN when
 * no unit is pairable or D_e = 0 (every value the same).
 */
export function krippendorffAlphaWithDistance(
  units: readonly (readonly number[])[],
  values: readonly (readonly number[])[],
  distance: SetDistance,
): number {
  const counts = new Float64Array(values.length);
  let n = 0;
  let observed = 0;
  for (const unit of units) {
    const m = unit.length;
    if (m < 2) continue;
    n += m;
    let within = 0;
    for (let i = 0; i < m; i++) {
      const vi = unit[i] ?? 0;
      counts[vi] = (counts[vi] ?? 0) + 1;
      for (let j = i + 1; j < m; j++) {
        within += 2 * distance(values[vi] ?? [], values[unit[j] ?? 0] ?? []);
      }
    }
    observed += within / (m - 1);
  }
  if (n === 0) return Number.NaN;
  let expected = 0;
  for (let c = 0; c < values.length; c++) {
    const nc = counts[c] ?? 0;
    if (nc === 0) continue;
    for (let k = c + 1; k < values.length; k++) {
      const nk = counts[k] ?? 0;
      if (nk === 0) continue;
      expected += 2 * nc * nk * distance(values[c] ?? [], values[k] ?? []);
    }
  }
  const dObserved = observed / n;
  const dExpected = expected / (n * (n - 1));
  return dExpected > 0 ? 1 - dObserved / dExpected : Number.NaN;
}
