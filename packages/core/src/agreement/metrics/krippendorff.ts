import type { Resample } from '../bootstrap';
import { ITEM_CHUNK, type ItemTable } from '../item-table';
import type { MeasurementLevel } from '../types';

function accumulateRange(
  table: ItemTable,
  resample: Resample | null,
  o: Float64Array,
  lo: number,
  hi: number,
): void {
  const { categoryCount: C, itemStart, entryStart, entryCategory, entryCount } = table;
  const list = resample === null ? null : resample.items;
  const weights = resample === null ? null : resample.weights;
  for (let t = lo; t < hi; t++) {
    const i = list === null ? t : (list[t] ?? 0);
    const w = weights === null ? 1 : (weights[i] ?? 0);
    const m = (itemStart[i + 1] ?? 0) - (itemStart[i] ?? 0);
    if (m < 2) continue;
    const scale = w / (m - 1);
    const first = entryStart[i] ?? 0;
    const last = entryStart[i + 1] ?? 0;
    for (let e = first; e < last; e++) {
      const nc = entryCount[e] ?? 0;
      const rowOffset = (entryCategory[e] ?? 0) * C;
      for (let f = first; f < last; f++) {
        const cell = rowOffset + (entryCategory[f] ?? 0);
        const nk = e === f ? nc - 1 : (entryCount[f] ?? 0);
        o[cell] = (o[cell] ?? 0) + scale * nc * nk;
      }
    }
  }
}

/**
 * Fills the C × C coincidence matrix o (row-major, `o[c · C + k]`) of Krippendorff's α: each pairable
 * item i adds n_ic (n_ik − [c = k]) / (m_i − 1), i.e. every ordered pair of its labels weighted
 * 1 / (m_i − 1), times the item's multiplicity in the resample. Items with one label are not pairable and add nothing.
 */
export function accumulateCoincidence(table: ItemTable, resample: Resample | null, o: Float64Array): void {
  o.fill(0);
  const positions = resample === null ? table.itemCount : resample.count;
  for (let lo = 0; lo < positions; lo += ITEM_CHUNK) {
    accumulateRange(table, resample, o, lo, Math.min(positions, lo + ITEM_CHUNK));
  }
}

function accumulateNominalRange(
  table: ItemTable,
  resample: Resample | null,
  sums: NominalSums,
  lo: number,
  hi: number,
): void {
  const { itemStart, entryStart, entryCount, entryCategory } = table;
  const { marginals } = sums;
  const list = resample === null ? null : resample.items;
  const weights = resample === null ? null : resample.weights;
  let agreeing = 0;
  for (let t = lo; t < hi; t++) {
    const i = list === null ? t : (list[t] ?? 0);
    const w = weights === null ? 1 : (weights[i] ?? 0);
    const m = (itemStart[i + 1] ?? 0) - (itemStart[i] ?? 0);
    if (m < 2) continue;
    let same = 0;
    for (let e = entryStart[i] ?? 0; e < (entryStart[i + 1] ?? 0); e++) {
      const n = entryCount[e] ?? 0;
      const k = entryCategory[e] ?? 0;
      same += n * (n - 1);
      marginals[k] = (marginals[k] ?? 0) + w * n;
    }
    agreeing += (w * same) / (m - 1);
  }
  sums.agreeing += agreeing;
}

/** What nominal α needs of the coincidence matrix: its trace Σ_c o_cc and its marginals n_c. */
export interface NominalSums {
  agreeing: number;
  readonly marginals: Float64Array;
}

/**
 * Nominal α without the C × C matrix, in O(categories per item) instead of its square: only the trace
 * Σ_c o_cc = Σ_i Σ_c n_ic(n_ic − 1)/(m_i − 1) and the marginals n_c = Σ_i n_ic enter
 * α = 1 − (n − 1)(n − Σ_c o_cc) / (n² − Σ_c n_c²).
 */
export function nominalAlpha(table: ItemTable, resample: Resample | null, sums: NominalSums): number {
  sums.agreeing = 0;
  sums.marginals.fill(0);
  const positions = resample === null ? table.itemCount : resample.count;
  for (let lo = 0; lo < positions; lo += ITEM_CHUNK) {
    accumulateNominalRange(table, resample, sums, lo, Math.min(positions, lo + ITEM_CHUNK));
  }
  return nominalAlphaFromSums(sums);
}

/** Nominal α from the coincidence matrix's trace and marginals (`nominalAlpha`). */
export function nominalAlphaFromSums(sums: NominalSums): number {
  let n = 0;
  let squares = 0;
  for (const nc of sums.marginals) {
    n += nc;
    squares += nc * nc;
  }
  const expected = n * n - squares;
  if (n <= 1 + 1e-12 || expected <= 1e-12 * n * n) return Number.NaN;
  return 1 - ((n - 1) * (n - sums.agreeing)) / expected;
}

/**
 * Krippendorff's α = 1 − D_o / D_e from a coincidence matrix (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability"): D_o = Σ_ck o_ck δ²_ck / n and D_e = Σ_ck n_c n_k δ²_ck / (n(n − 1)), with the
 * metric δ² of the level:
 * - nominal: 1 for c ≠ k;
 * - ordinal: (Σ_{g = c..k} n_g − (n_c + n_k) / 2)², categories in their list order;
 * - interval: (v_c − v_k)²;
 * - ratio: ((v_c − v_k) / (v_c + v_k))².
 * `values` (category values) is required for interval and ratio. Returns `NaN` when α is undefined:
 * fewer than two pairable values, or no expected disagreement (every pairable value the same).
 */
export function alphaFromCoincidence(
  o: Float64Array,
  categoryCount: number,
  level: MeasurementLevel,
  values: Float64Array | null,
): number {
  const C = categoryCount;
  const marginals = new Float64Array(C);
  let n = 0;
  let diagonal = 0;
  for (let c = 0; c < C; c++) {
    let sum = 0;
    for (let k = 0; k < C; k++) sum += o[c * C + k] ?? 0;
    marginals[c] = sum;
    n += sum;
    diagonal += o[c * C + c] ?? 0;
  }
  if (n <= 1 + 1e-12) return Number.NaN;

  if (level === 'nominal') {
    let squares = 0;
    for (const nc of marginals) squares += nc * nc;
    const expected = n * n - squares;
    if (expected <= 1e-12 * n * n) return Number.NaN;
    return 1 - ((n - 1) * (n - diagonal)) / expected;
  }

  // Cumulative marginals for the ordinal metric: below[c] = Σ_{g < c} n_g.
  const below = new Float64Array(C + 1);
  for (let c = 0; c < C; c++) below[c + 1] = (below[c] ?? 0) + (marginals[c] ?? 0);
  const delta = (c: number, k: number): number => {
    if (level === 'ordinal') {
      const lo = Math.min(c, k);
      const hi = Math.max(c, k);
      const d = (below[hi + 1] ?? 0) - (below[lo] ?? 0) - ((marginals[c] ?? 0) + (marginals[k] ?? 0)) / 2;
      return d * d;
    }
    const vc = values?.[c] ?? 0;
    const vk = values?.[k] ?? 0;
    if (level === 'interval') return (vc - vk) * (vc - vk);
    const sum = vc + vk;
    return sum === 0 ? 0 : ((vc - vk) / sum) ** 2;
  };

  let observed = 0;
  let expected = 0;
  for (let c = 0; c < C; c++) {
    const nc = marginals[c] ?? 0;
    for (let k = c + 1; k < C; k++) {
      const d = delta(c, k);
      if (d === 0) continue;
      observed += ((o[c * C + k] ?? 0) + (o[k * C + c] ?? 0)) * d;
      expected += 2 * nc * (marginals[k] ?? 0) * d;
    }
  }
  // Exactly 0 when all pairable values share one category (or one value): unused categories have n_k = 0.
  if (expected <= 0) return Number.NaN;
  return 1 - ((n - 1) * observed) / expected;
}
