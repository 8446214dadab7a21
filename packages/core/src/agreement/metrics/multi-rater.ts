import type { Resample } from '../bootstrap';
import { ITEM_CHUNK, type ItemTable } from '../item-table';

/**
 * Weighted sums over items from which percent agreement, Fleiss' κ, Gwet's AC1 and Brennan–Prediger
 * follow. An item's weight is its multiplicity in a bootstrap resample (1 for the point estimate).
 */
export interface MultiRaterTotals {
  /** Σ w over items with ≥ 1 label (irrCAC's n for the classification probabilities π_k). */
  labeledItems: number;
  /** Σ w over pairable items (m_i ≥ 2). */
  pairableItems: number;
  /** Σ w · Σ_k n_ik(n_ik − 1) / (m_i(m_i − 1)) over pairable items. */
  agreementSum: number;
  /** Σ w · m_i over pairable items. */
  pairableLabels: number;
  /** Σ w · n_ik over pairable items, by category (Fleiss' p_k numerators). */
  readonly pairableCategoryLabels: Float64Array;
  /** Σ w · n_ik / m_i over items with ≥ 1 label, by category (Gwet's π_k numerators). */
  readonly categoryShares: Float64Array;
}

export function createMultiRaterTotals(categoryCount: number): MultiRaterTotals {
  return {
    labeledItems: 0,
    pairableItems: 0,
    agreementSum: 0,
    pairableLabels: 0,
    pairableCategoryLabels: new Float64Array(categoryCount),
    categoryShares: new Float64Array(categoryCount),
  };
}

function accumulateRange(
  table: ItemTable,
  resample: Resample | null,
  totals: MultiRaterTotals,
  lo: number,
  hi: number,
): void {
  const list = resample === null ? null : resample.items;
  const weights = resample === null ? null : resample.weights;
  const { itemStart, entryStart, entryCategory, entryCount } = table;
  const { pairableCategoryLabels, categoryShares } = totals;
  let labeledItems = 0;
  let pairableItems = 0;
  let agreementSum = 0;
  let pairableLabels = 0;
  for (let t = lo; t < hi; t++) {
    const i = list === null ? t : (list[t] ?? 0);
    const w = weights === null ? 1 : (weights[i] ?? 0);
    const m = (itemStart[i + 1] ?? 0) - (itemStart[i] ?? 0);
    if (m === 0) continue;
    labeledItems += w;
    const first = entryStart[i] ?? 0;
    const last = entryStart[i + 1] ?? 0;
    const share = w / m;
    let agreeing = 0;
    for (let e = first; e < last; e++) {
      const k = entryCategory[e] ?? 0;
      const n = entryCount[e] ?? 0;
      categoryShares[k] = (categoryShares[k] ?? 0) + share * n;
      pairableCategoryLabels[k] = (pairableCategoryLabels[k] ?? 0) + (m < 2 ? 0 : w * n);
      agreeing += n * (n - 1);
    }
    if (m < 2) continue;
    pairableItems += w;
    agreementSum += (w * agreeing) / (m * (m - 1));
    pairableLabels += w * m;
  }
  totals.labeledItems += labeledItems;
  totals.pairableItems += pairableItems;
  totals.agreementSum += agreementSum;
  totals.pairableLabels += pairableLabels;
}

/** Fills `totals` from the item table in one pass over items and their category entries. */
export function accumulateMultiRaterTotals(
  table: ItemTable,
  resample: Resample | null,
  totals: MultiRaterTotals,
): void {
  totals.pairableCategoryLabels.fill(0);
  totals.categoryShares.fill(0);
  totals.labeledItems = 0;
  totals.pairableItems = 0;
  totals.agreementSum = 0;
  totals.pairableLabels = 0;
  const positions = resample === null ? table.itemCount : resample.count;
  for (let lo = 0; lo < positions; lo += ITEM_CHUNK) {
    accumulateRange(table, resample, totals, lo, Math.min(positions, lo + ITEM_CHUNK));
  }
}

/**
 * Percent agreement, Fleiss' P̄: over pairable items, the mean share of agreeing ordered pairs of labels,
 * Σ_k n_ik(n_ik − 1) / (m_i(m_i − 1)). `NaN` when no item is pairable.
 */
export function percentAgreementFromTotals(totals: MultiRaterTotals): number {
  return totals.pairableItems > 0 ? totals.agreementSum / totals.pairableItems : Number.NaN;
}

/**
 * Fleiss' (1971) κ = (P̄ − P̄_e) / (1 − P̄_e), P̄_e = Σ_k p_k², p_k = Σ_i n_ik / Σ_i m_i, over pairable
 * items. Meaningful only when every item has the same number m ≥ 2 of labels (the caller checks, as
 * docs/product.md defines it); then the pairable items are all the items.
 */
export function fleissKappaFromTotals(totals: MultiRaterTotals): number {
  if (totals.pairableItems <= 0) return Number.NaN;
  let pe = 0;
  for (const labels of totals.pairableCategoryLabels) {
    const p = labels / totals.pairableLabels;
    pe += p * p;
  }
  if (pe >= 1 - 1e-12) return Number.NaN;
  return (percentAgreementFromTotals(totals) - pe) / (1 - pe);
}

/**
 * Gwet's (2008) AC1 as irrCAC's `gwet.ac1.raw` (unweighted): (p_a − p_e) / (1 − p_e) with p_a the
 * percent agreement, p_e = Σ_k π_k(1 − π_k) / (q − 1), π_k = (1/n) Σ_i n_ik / m_i over the n items
 * with at least one label, and q the number of categories used in the sample. `NaN` when q < 2.
 */
export function gwetAC1FromTotals(totals: MultiRaterTotals, observedCategories: number): number {
  const q = observedCategories;
  if (q < 2 || totals.pairableItems <= 0 || totals.labeledItems <= 0) return Number.NaN;
  let spread = 0;
  for (const share of totals.categoryShares) {
    const pi = share / totals.labeledItems;
    spread += pi * (1 - pi);
  }
  // irrCAC writes this sum(weights) · Σ π_k(1 − π_k) / (q(q − 1)); the identity weights sum to q.
  const pe = spread / (q - 1);
  return (percentAgreementFromTotals(totals) - pe) / (1 - pe);
}

/**
 * Brennan & Prediger's (1981) coefficient as irrCAC's `bp.coeff.raw` (unweighted):
 * (p_a − 1/q) / (1 − 1/q), with q the number of categories used in the sample. `NaN` when q < 2.
 */
export function brennanPredigerFromTotals(totals: MultiRaterTotals, observedCategories: number): number {
  const q = observedCategories;
  if (q < 2 || totals.pairableItems <= 0) return Number.NaN;
  return (percentAgreementFromTotals(totals) - 1 / q) / (1 - 1 / q);
}
