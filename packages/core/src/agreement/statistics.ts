import type { ResampledStatistic } from './bootstrap';
import type { ItemTable } from './item-table';
import {
  cohenKappaFromTotals,
  kappaFromChanceProducts,
  scottPiFromTotals,
  weightedKappaFromTotals,
} from './metrics/kappa';
import { accumulateCoincidence, alphaFromCoincidence } from './metrics/krippendorff';
import {
  accumulateMultiRaterTotals,
  brennanPredigerFromTotals,
  createMultiRaterTotals,
  fleissKappaFromTotals,
  gwetAC1FromTotals,
  percentAgreementFromTotals,
} from './metrics/multi-rater';
import type { PairEntries, PairTable } from './pair-table';
import type { MeasurementLevel } from './types';

/**
 * The coefficients as `ResampledStatistic`s: each reads only per-item (or per-pair) sufficient statistics,
 * so `evaluate(null, …)` is the point estimate and `evaluate(weights, …)` one bootstrap resample, with
 * the same code.
 */

/** Output slots of `createMultiRaterStatistic`. */
export const MULTI_RATER = { percentAgreement: 0, fleissKappa: 1, gwetAC1: 2, brennanPrediger: 3 } as const;

/** Percent agreement, Fleiss' κ (`NaN` unless `fleissApplies`), Gwet's AC1 and Brennan–Prediger. */
export function createMultiRaterStatistic(table: ItemTable, fleissApplies: boolean): ResampledStatistic {
  const totals = createMultiRaterTotals(table.categoryCount);
  return {
    size: 4,
    evaluate(weights: Int32Array | null, out: Float64Array): void {
      accumulateMultiRaterTotals(table, weights, totals);
      out[MULTI_RATER.percentAgreement] = percentAgreementFromTotals(totals);
      out[MULTI_RATER.fleissKappa] = fleissApplies ? fleissKappaFromTotals(totals) : Number.NaN;
      out[MULTI_RATER.gwetAC1] = gwetAC1FromTotals(totals, table.observedCategories);
      out[MULTI_RATER.brennanPrediger] = brennanPredigerFromTotals(totals, table.observedCategories);
    },
  };
}

/** Krippendorff's α at the given levels (one output per level, in order). */
export function createAlphaStatistic(
  table: ItemTable,
  levels: readonly MeasurementLevel[],
  values: Float64Array | null,
): ResampledStatistic {
  const C = table.categoryCount;
  const o = new Float64Array(C * C);
  return {
    size: levels.length,
    evaluate(weights: Int32Array | null, out: Float64Array): void {
      accumulateCoincidence(table, weights, o);
      levels.forEach((level, j) => {
        out[j] = alphaFromCoincidence(o, C, level, values);
      });
    },
  };
}

/** Output slots of `createTwoRaterStatistic`. */
export const TWO_RATER = { cohenKappa: 0, scottPi: 1, weightedLinear: 2, weightedQuadratic: 3 } as const;

/**
 * Cohen's κ, Scott's π and (when `ordered`) linear and quadratic weighted κ of pair `pair`, over the items
 * both annotators labeled, from the pair's entries.
 */
export function createTwoRaterStatistic(
  entries: PairEntries,
  pair: number,
  categoryCount: number,
  ordered: boolean,
): ResampledStatistic {
  const row = new Float64Array(categoryCount);
  const col = new Float64Array(categoryCount);
  const start = entries.pairStart[pair] ?? 0;
  const end = entries.pairStart[pair + 1] ?? 0;
  const { item, rowCategory, colCategory } = entries;
  return {
    size: 4,
    evaluate(weights: Int32Array | null, out: Float64Array): void {
      row.fill(0);
      col.fill(0);
      let n = 0;
      let agreeing = 0;
      let linear = 0;
      let quadratic = 0;
      for (let e = start; e < end; e++) {
        const w = weights === null ? 1 : (weights[item[e] ?? 0] ?? 0);
        if (w === 0) continue;
        const r = rowCategory[e] ?? 0;
        const c = colCategory[e] ?? 0;
        n += w;
        if (r === c) agreeing += w;
        row[r] = (row[r] ?? 0) + w;
        col[c] = (col[c] ?? 0) + w;
        const d = r > c ? r - c : c - r;
        linear += w * d;
        quadratic += w * d * d;
      }
      out[TWO_RATER.cohenKappa] = cohenKappaFromTotals(n, agreeing, row, col, 0, categoryCount);
      out[TWO_RATER.scottPi] = scottPiFromTotals(n, agreeing, row, col, categoryCount);
      const weighted = ordered
        ? weightedKappaFromTotals(n, linear, quadratic, row, col, categoryCount)
        : { linear: Number.NaN, quadratic: Number.NaN };
      out[TWO_RATER.weightedLinear] = weighted.linear;
      out[TWO_RATER.weightedQuadratic] = weighted.quadratic;
    },
  };
}

/**
 * Light's (1971) κ: the mean of Cohen's κ over annotator pairs, each pair on the items both labeled.
 * Pairs whose κ is undefined (chance agreement 1: both gave one and the same label on all their shared
 * items) are left out of the mean; `NaN` when no pair has a defined κ. Only pairs that share an item
 * exist in the table. Returns the mean and, in `definedPairs`, how many pairs it averages.
 */
export function lightKappaFromPairTable(table: PairTable): { value: number; definedPairs: number } {
  let sum = 0;
  let definedPairs = 0;
  for (let p = 0; p < table.pairCount; p++) {
    const kappa = cohenKappaFromTotals(
      table.items[p] ?? 0,
      table.agreeing[p] ?? 0,
      table.rowTotals,
      table.colTotals,
      p * table.categoryCount,
      table.categoryCount,
    );
    if (Number.isNaN(kappa)) continue;
    sum += kappa;
    definedPairs++;
  }
  return { value: definedPairs > 0 ? sum / definedPairs : Number.NaN, definedPairs };
}

/**
 * Light's κ recomputed from each pair's entries (for the bootstrap; `lightKappaFromPairTable` is the
 * cheaper point estimate). Per pair it touches only that pair's entries, never a C-wide row per pair.
 */
export function createLightStatistic(entries: PairEntries, categoryCount: number): ResampledStatistic {
  const row = new Float64Array(categoryCount);
  const col = new Float64Array(categoryCount);
  const { pairStart, item, rowCategory, colCategory } = entries;
  const pairCount = pairStart.length - 1;
  return {
    size: 1,
    evaluate(weights: Int32Array | null, out: Float64Array): void {
      let sum = 0;
      let defined = 0;
      for (let p = 0; p < pairCount; p++) {
        const start = pairStart[p] ?? 0;
        const end = pairStart[p + 1] ?? 0;
        let n = 0;
        let agreeing = 0;
        for (let e = start; e < end; e++) {
          const w = weights === null ? 1 : (weights[item[e] ?? 0] ?? 0);
          if (w === 0) continue;
          const r = rowCategory[e] ?? 0;
          const c = colCategory[e] ?? 0;
          n += w;
          if (r === c) agreeing += w;
          row[r] = (row[r] ?? 0) + w;
          col[c] = (col[c] ?? 0) + w;
        }
        // Σ_k r_k c_k over the categories A used, zeroing each as it is counted so it is counted once.
        let chanceProducts = 0;
        for (let e = start; e < end; e++) {
          const r = rowCategory[e] ?? 0;
          chanceProducts += (row[r] ?? 0) * (col[r] ?? 0);
          row[r] = 0;
        }
        for (let e = start; e < end; e++) col[colCategory[e] ?? 0] = 0;
        const kappa = kappaFromChanceProducts(n, agreeing, chanceProducts);
        if (Number.isNaN(kappa)) continue;
        sum += kappa;
        defined++;
      }
      out[0] = defined > 0 ? sum / defined : Number.NaN;
    },
  };
}
