import type { LinearForm, Resample, ResampledStatistic } from './bootstrap';
import type { ItemIndex } from './item-index';
import { ITEM_CHUNK, type ItemTable } from './item-table';
import { LinearFormBuilder } from './linear-forms';
import {
  cohenKappaFromTotals,
  kappaFromChanceProducts,
  scottPiFromTotals,
  weightedKappaFromTotals,
} from './metrics/kappa';
import {
  accumulateCoincidence,
  alphaFromCoincidence,
  nominalAlpha,
  nominalAlphaFromSums,
} from './metrics/krippendorff';
import {
  accumulateMultiRaterTotals,
  brennanPredigerFromTotals,
  createMultiRaterTotals,
  fleissKappaFromTotals,
  gwetAC1FromTotals,
  type MultiRaterTotals,
  percentAgreementFromTotals,
} from './metrics/multi-rater';
import {
  buildItemPairCells,
  buildPairEntries,
  type ItemPairCells,
  type PairEntries,
  type PairTable,
} from './pair-table';
import type { EncodedSample, MeasurementLevel } from './types';

/**
 * The coefficients as `ResampledStatistic`s: each reads only per-item (or per-pair) sufficient statistics,
 * so `evaluate(null, …)` is the point estimate and `evaluate(resample, …)` one bootstrap resample, with
 * the same code.
 */

/** Output slots of `createMultiRaterStatistic`. */
export const MULTI_RATER = { percentAgreement: 0, fleissKappa: 1, gwetAC1: 2, brennanPrediger: 3 } as const;

/** Percent agreement, Fleiss' κ (`NaN` unless `fleissApplies`), Gwet's AC1 and Brennan–Prediger. */
export function createMultiRaterStatistic(table: ItemTable, fleissApplies: boolean): ResampledStatistic {
  const totals = createMultiRaterTotals(table.categoryCount);
  const write = (out: Float64Array) => {
    out[MULTI_RATER.percentAgreement] = percentAgreementFromTotals(totals);
    out[MULTI_RATER.fleissKappa] = fleissApplies ? fleissKappaFromTotals(totals) : Number.NaN;
    out[MULTI_RATER.gwetAC1] = gwetAC1FromTotals(totals, table.observedCategories);
    out[MULTI_RATER.brennanPrediger] = brennanPredigerFromTotals(totals, table.observedCategories);
  };
  return {
    size: 4,
    evaluate(resample: Resample | null, out: Float64Array): void {
      accumulateMultiRaterTotals(table, resample, totals);
      write(out);
    },
    linear: () => multiRaterForm(table, totals, write),
  };
}

/**
 * `MultiRaterTotals` as sums of per-item features: labeled, pairable, agreement share, labels (pairable
 * items), then per category n_ik (pairable items) and n_ik / m_i.
 */
function multiRaterForm(
  table: ItemTable,
  totals: MultiRaterTotals,
  write: (out: Float64Array) => void,
): LinearForm {
  const C = table.categoryCount;
  const { itemStart, entryStart, entryCategory, entryCount } = table;
  const form = new LinearFormBuilder(4 + 2 * C, table.itemCount, (entryStart[table.itemCount] ?? 0) * 2 + 4);
  for (let i = 0; i < table.itemCount; i++) {
    const m = (itemStart[i + 1] ?? 0) - (itemStart[i] ?? 0);
    if (m > 0) {
      form.add(0, 1);
      let agreeing = 0;
      for (let e = entryStart[i] ?? 0; e < (entryStart[i + 1] ?? 0); e++) {
        const k = entryCategory[e] ?? 0;
        const n = entryCount[e] ?? 0;
        form.add(4 + C + k, n / m);
        if (m >= 2) form.add(4 + k, n);
        agreeing += n * (n - 1);
      }
      if (m >= 2) {
        form.add(1, 1);
        form.add(2, agreeing / (m * (m - 1)));
        form.add(3, m);
      }
    }
    form.endRow();
  }
  return form.build((sums, out) => {
    totals.labeledItems = sums[0] ?? 0;
    totals.pairableItems = sums[1] ?? 0;
    totals.agreementSum = sums[2] ?? 0;
    totals.pairableLabels = sums[3] ?? 0;
    totals.pairableCategoryLabels.set(sums.subarray(4, 4 + C));
    totals.categoryShares.set(sums.subarray(4 + C, 4 + 2 * C));
    write(out);
  });
}

/**
 * Krippendorff's α at the given levels (one output per level, in order), from the coincidence matrix; α at
 * the nominal level alone needs only its trace and marginals (`nominalAlpha`), which resamples faster.
 */
export function createAlphaStatistic(
  table: ItemTable,
  levels: readonly MeasurementLevel[],
  values: Float64Array | null,
): ResampledStatistic {
  const C = table.categoryCount;
  if (levels.length === 1 && levels[0] === 'nominal') {
    const sums = { agreeing: 0, marginals: new Float64Array(C) };
    return {
      size: 1,
      evaluate(resample: Resample | null, out: Float64Array): void {
        out[0] = nominalAlpha(table, resample, sums);
      },
      linear: () =>
        coincidenceForm(table, true).build((features, out) => {
          sums.agreeing = features[0] ?? 0;
          sums.marginals.set(features.subarray(1, 1 + C));
          out[0] = nominalAlphaFromSums(sums);
        }),
    };
  }
  const o = new Float64Array(C * C);
  const write = (coincidence: Float64Array, out: Float64Array) => {
    levels.forEach((level, j) => {
      out[j] = alphaFromCoincidence(coincidence, C, level, values);
    });
  };
  return {
    size: levels.length,
    evaluate(resample: Resample | null, out: Float64Array): void {
      accumulateCoincidence(table, resample, o);
      write(o, out);
    },
    linear: () => coincidenceForm(table, false).build(write),
  };
}

/**
 * Each pairable item's coincidences, n_ic (n_ik − [c = k]) / (m_i − 1) at c · C + k (`accumulateCoincidence`),
 * or with `nominal` only their trace (column 0) and marginals (1 + c), all nominal α reads.
 */
function coincidenceForm(table: ItemTable, nominal: boolean): LinearFormBuilder {
  const C = table.categoryCount;
  const { itemStart, entryStart, entryCategory, entryCount } = table;
  const entries = entryStart[table.itemCount] ?? 0;
  const form = new LinearFormBuilder(nominal ? 1 + C : C * C, table.itemCount, entries * (nominal ? 2 : 4));
  for (let i = 0; i < table.itemCount; i++) {
    const m = (itemStart[i + 1] ?? 0) - (itemStart[i] ?? 0);
    const first = entryStart[i] ?? 0;
    const last = entryStart[i + 1] ?? 0;
    if (m >= 2 && nominal) {
      let same = 0;
      for (let e = first; e < last; e++) {
        const n = entryCount[e] ?? 0;
        same += n * (n - 1);
        form.add(1 + (entryCategory[e] ?? 0), n);
      }
      form.add(0, same / (m - 1));
    } else if (m >= 2) {
      for (let e = first; e < last; e++) {
        const nc = entryCount[e] ?? 0;
        for (let f = first; f < last; f++) {
          const nk = e === f ? nc - 1 : (entryCount[f] ?? 0);
          form.add((entryCategory[e] ?? 0) * C + (entryCategory[f] ?? 0), (nc * nk) / (m - 1));
        }
      }
    }
    form.endRow();
  }
  return form;
}

interface PairTotals {
  n: number;
  agreeing: number;
  /** Σ |r − c| and Σ (r − c)² over the shared items (category ranks), for weighted κ. */
  linear: number;
  quadratic: number;
  /** Σ_k r_k c_k, so that p_e = chanceProducts / n². */
  chanceProducts: number;
}

const emptyTotals = (): PairTotals => ({ n: 0, agreeing: 0, linear: 0, quadratic: 0, chanceProducts: 0 });

/**
 * Where a pair's totals come from in a (re)sample: with few annotators and categories, every pair's
 * confusion matrix is recounted item by item (`dense`); for a sparse crowd, each pair's shared items are
 * walked pair by pair (`sparse`), so no pair ever costs C² cells.
 */
export type PairSource =
  | {
      readonly kind: 'dense';
      readonly cells: ItemPairCells;
      readonly pairCount: number;
      readonly categoryCount: number;
    }
  | { readonly kind: 'sparse'; readonly entries: PairEntries; readonly categoryCount: number };

/**
 * Chooses and builds the pair source: dense when all pairs' confusion matrices (pairs × C² cells) are
 * no more than their shared items, so that recounting them costs no more than walking the items.
 */
export function buildPairSource(sample: EncodedSample, index: ItemIndex, pairs: PairTable): PairSource {
  const C = pairs.categoryCount;
  let shared = 0;
  for (const items of pairs.items) shared += items;
  if (pairs.confusion !== null && pairs.pairCount * C * C <= shared) {
    return {
      kind: 'dense',
      cells: buildItemPairCells(sample, index, pairs),
      pairCount: pairs.pairCount,
      categoryCount: C,
    };
  }
  return { kind: 'sparse', entries: buildPairEntries(sample, index, pairs), categoryCount: C };
}

/** The pair confusions of a (re)sample: each drawn item adds its weight to its label pairs' cells. */
function countPairCells(
  cells: ItemPairCells,
  resample: Resample | null,
  confusion: Float64Array,
  lo: number,
  hi: number,
): void {
  const { itemStart, cell } = cells;
  const list = resample === null ? null : resample.items;
  const weights = resample === null ? null : resample.weights;
  for (let t = lo; t < hi; t++) {
    const i = list === null ? t : (list[t] ?? 0);
    const w = weights === null ? 1 : (weights[i] ?? 0);
    for (let e = itemStart[i] ?? 0; e < (itemStart[i + 1] ?? 0); e++) {
      const k = cell[e] ?? 0;
      confusion[k] = (confusion[k] ?? 0) + w;
    }
  }
}

function countPairConfusions(cells: ItemPairCells, resample: Resample | null, confusion: Float64Array): void {
  confusion.fill(0);
  const positions = resample === null ? cells.itemStart.length - 1 : resample.count;
  for (let lo = 0; lo < positions; lo += ITEM_CHUNK) {
    countPairCells(cells, resample, confusion, lo, Math.min(positions, lo + ITEM_CHUNK));
  }
}

/** Totals of the pair whose C × C confusion starts at `offset`; fills `row` and `col` (zeroed first). */
function totalsFromConfusion(
  confusion: Float64Array,
  offset: number,
  C: number,
  row: Float64Array,
  col: Float64Array,
  totals: PairTotals,
): void {
  row.fill(0);
  col.fill(0);
  let n = 0;
  let agreeing = 0;
  let linear = 0;
  let quadratic = 0;
  for (let r = 0; r < C; r++) {
    for (let c = 0; c < C; c++) {
      const v = confusion[offset + r * C + c] ?? 0;
      if (v === 0) continue;
      const d = r > c ? r - c : c - r;
      n += v;
      if (d === 0) agreeing += v;
      linear += v * d;
      quadratic += v * d * d;
      row[r] = (row[r] ?? 0) + v;
      col[c] = (col[c] ?? 0) + v;
    }
  }
  let chanceProducts = 0;
  for (let k = 0; k < C; k++) chanceProducts += (row[k] ?? 0) * (col[k] ?? 0);
  totals.n = n;
  totals.agreeing = agreeing;
  totals.linear = linear;
  totals.quadratic = quadratic;
  totals.chanceProducts = chanceProducts;
}

/**
 * Totals of sparse pair p over its shared items, each weighted by its item's multiplicity, leaving each
 * annotator's label totals in `row` and `col`; zero them afterwards with `clearSparseMarginals`, in
 * O(shared items) rather than O(C). Zero weights are added rather than branched on: cheaper than
 * mispredicting a third of the time.
 */
function sparsePairTotals(
  entries: PairEntries,
  p: number,
  weights: Int32Array | null,
  row: Float64Array,
  col: Float64Array,
  totals: PairTotals,
): void {
  const { item, rowCategory, colCategory } = entries;
  const start = entries.pairStart[p] ?? 0;
  const end = entries.pairStart[p + 1] ?? 0;
  let n = 0;
  let agreeing = 0;
  let linear = 0;
  let quadratic = 0;
  for (let e = start; e < end; e++) {
    const w = weights === null ? 1 : (weights[item[e] ?? 0] ?? 0);
    const r = rowCategory[e] ?? 0;
    const c = colCategory[e] ?? 0;
    const d = r > c ? r - c : c - r;
    n += w;
    if (d === 0) agreeing += w;
    linear += w * d;
    quadratic += w * d * d;
    row[r] = (row[r] ?? 0) + w;
    col[c] = (col[c] ?? 0) + w;
  }
  // Σ_k r_k c_k = Σ over shared items of (weight × B's total for A's label): no pass over C.
  let chanceProducts = 0;
  for (let e = start; e < end; e++) {
    const w = weights === null ? 1 : (weights[item[e] ?? 0] ?? 0);
    chanceProducts += w * (col[rowCategory[e] ?? 0] ?? 0);
  }
  totals.n = n;
  totals.agreeing = agreeing;
  totals.linear = linear;
  totals.quadratic = quadratic;
  totals.chanceProducts = chanceProducts;
}

function clearSparseMarginals(entries: PairEntries, p: number, row: Float64Array, col: Float64Array): void {
  for (let e = entries.pairStart[p] ?? 0; e < (entries.pairStart[p + 1] ?? 0); e++) {
    row[entries.rowCategory[e] ?? 0] = 0;
    col[entries.colCategory[e] ?? 0] = 0;
  }
}

/** Calls `visit(p, totals, row, col)` for every pair of `source` in a (re)sample. */
function forEachPairTotals(
  source: PairSource,
  resample: Resample | null,
  scratch: {
    readonly confusion: Float64Array;
    readonly row: Float64Array;
    readonly col: Float64Array;
    readonly totals: PairTotals;
  },
  visit: (p: number, totals: PairTotals, row: Float64Array, col: Float64Array) => void,
): void {
  const { confusion, row, col, totals } = scratch;
  if (source.kind === 'dense') {
    countPairConfusions(source.cells, resample, confusion);
    forEachDensePair(source, confusion, scratch, visit);
    return;
  }
  const weights = resample === null ? null : resample.weights;
  const pairCount = source.entries.pairStart.length - 1;
  for (let p = 0; p < pairCount; p++) {
    sparsePairTotals(source.entries, p, weights, row, col, totals);
    visit(p, totals, row, col);
    clearSparseMarginals(source.entries, p, row, col);
  }
}

/** Calls `visit(p, totals, row, col)` for every pair of a dense source, from all pairs' confusions. */
function forEachDensePair(
  source: { readonly pairCount: number; readonly categoryCount: number },
  confusion: Float64Array,
  scratch: { readonly row: Float64Array; readonly col: Float64Array; readonly totals: PairTotals },
  visit: (p: number, totals: PairTotals, row: Float64Array, col: Float64Array) => void,
): void {
  const { row, col, totals } = scratch;
  const C = source.categoryCount;
  for (let p = 0; p < source.pairCount; p++) {
    totalsFromConfusion(confusion, p * C * C, C, row, col, totals);
    visit(p, totals, row, col);
  }
}

/**
 * A dense source's confusions as sums of per-item features (each item's label pairs, 1 at each of its
 * cells), finished pair by pair as `forEachPairTotals`; `undefined` for a sparse crowd, whose pairs'
 * confusion matrices together would outgrow their shared items.
 */
function densePairsForm(
  source: PairSource,
  scratch: ReturnType<typeof pairScratch>,
  visit: (out: Float64Array) => (p: number, totals: PairTotals, row: Float64Array, col: Float64Array) => void,
  reset: (out: Float64Array) => void,
): (() => LinearForm) | undefined {
  if (source.kind !== 'dense') return undefined;
  return () => {
    const C = source.categoryCount;
    const { itemStart, cell } = source.cells;
    const items = itemStart.length - 1;
    const form = new LinearFormBuilder(source.pairCount * C * C, items, cell.length);
    for (let i = 0; i < items; i++) {
      for (let e = itemStart[i] ?? 0; e < (itemStart[i + 1] ?? 0); e++) form.add(cell[e] ?? 0, 1);
      form.endRow();
    }
    return form.build((sums, out) => {
      reset(out);
      forEachDensePair(source, sums, scratch, visit(out));
    });
  };
}

function pairScratch(source: PairSource) {
  const C = source.categoryCount;
  return {
    confusion: new Float64Array(source.kind === 'dense' ? source.pairCount * C * C : 0),
    row: new Float64Array(C),
    col: new Float64Array(C),
    totals: emptyTotals(),
  };
}

/** Output slots of `createTwoRaterStatistic`. */
export const TWO_RATER = { cohenKappa: 0, scottPi: 1, weightedLinear: 2, weightedQuadratic: 3 } as const;

/**
 * Cohen's κ, Scott's π and (when `ordered`) linear and quadratic weighted κ of the only pair of a
 * 2-annotator sample (pair 0 of `source`), over the items both annotators labeled.
 */
export function createTwoRaterStatistic(source: PairSource, ordered: boolean): ResampledStatistic {
  const C = source.categoryCount;
  const scratch = pairScratch(source);
  const visit =
    (out: Float64Array) =>
    (
      p: number,
      { n, agreeing, linear, quadratic, chanceProducts }: PairTotals,
      row: Float64Array,
      col: Float64Array,
    ) => {
      if (p !== 0) return;
      out[TWO_RATER.cohenKappa] = kappaFromChanceProducts(n, agreeing, chanceProducts);
      out[TWO_RATER.scottPi] = scottPiFromTotals(n, agreeing, row, col, C);
      if (!ordered) return;
      const weighted = weightedKappaFromTotals(n, linear, quadratic, row, col, C);
      out[TWO_RATER.weightedLinear] = weighted.linear;
      out[TWO_RATER.weightedQuadratic] = weighted.quadratic;
    };
  const reset = (out: Float64Array) => out.fill(Number.NaN);
  const linear = densePairsForm(source, scratch, visit, reset);
  return {
    size: 4,
    evaluate(resample: Resample | null, out: Float64Array): void {
      reset(out);
      forEachPairTotals(source, resample, scratch, visit(out));
    },
    ...(linear === undefined ? {} : { linear }),
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
 * Light's κ recomputed from each pair's shared items (for the bootstrap; `lightKappaFromPairTable` is the
 * cheaper point estimate), leaving out pairs whose κ is undefined in the resample.
 */
export function createLightStatistic(source: PairSource): ResampledStatistic {
  const scratch = pairScratch(source);
  const crowd = source.kind === 'sparse' ? splitSinglePairs(source.entries) : null;
  // Σ and count of the pairs' defined κ so far; out[0] is their mean.
  let sum = 0;
  let defined = 0;
  const reset = (out: Float64Array) => {
    sum = 0;
    defined = 0;
    out[0] = Number.NaN;
  };
  const visit =
    (out: Float64Array) =>
    (_p: number, { n, agreeing, chanceProducts }: PairTotals) => {
      const kappa = kappaFromChanceProducts(n, agreeing, chanceProducts);
      if (!Number.isNaN(kappa)) {
        sum += kappa;
        defined++;
      }
      out[0] = defined > 0 ? sum / defined : Number.NaN;
    };
  const linear = densePairsForm(source, scratch, visit, reset);
  return {
    size: 1,
    evaluate(resample: Resample | null, out: Float64Array): void {
      if (source.kind === 'sparse' && crowd !== null) {
        out[0] = sparseLightKappa(source.entries, crowd, resample, scratch);
        return;
      }
      reset(out);
      forEachPairTotals(source, resample, scratch, visit(out));
    },
    ...(linear === undefined ? {} : { linear }),
  };
}

/**
 * A sparse crowd's pairs split by size. A pair sharing a single item has κ = 0 when its two labels differ
 * (p_o = p_e = 0) and no κ when they agree (p_e = 1) or when a resample leaves the item out; so such pairs
 * only add a count of zeros per drawn item, and a resample walks just the pairs sharing two or more items.
 */
interface CrowdPairs {
  /** Pairs sharing two or more items. */
  readonly larger: Int32Array;
  /** Per item: single-item pairs whose two labels on it differ. */
  readonly singleDisagreements: Int32Array;
}

function splitSinglePairs(entries: PairEntries): CrowdPairs {
  const { pairStart, item, rowCategory, colCategory } = entries;
  const larger: number[] = [];
  let itemCount = 0;
  for (const i of item) itemCount = Math.max(itemCount, i + 1);
  const singleDisagreements = new Int32Array(itemCount);
  for (let p = 0; p + 1 < pairStart.length; p++) {
    const start = pairStart[p] ?? 0;
    if ((pairStart[p + 1] ?? 0) - start >= 2) larger.push(p);
    else if (rowCategory[start] !== colCategory[start]) {
      const i = item[start] ?? 0;
      singleDisagreements[i] = (singleDisagreements[i] ?? 0) + 1;
    }
  }
  return { larger: Int32Array.from(larger), singleDisagreements };
}

/** Light's κ over a sparse crowd's pairs: single-item pairs counted per drawn item, larger pairs walked. */
function sparseLightKappa(
  entries: PairEntries,
  crowd: CrowdPairs,
  resample: Resample | null,
  scratch: ReturnType<typeof pairScratch>,
): number {
  const { row, col, totals } = scratch;
  const weights = resample === null ? null : resample.weights;
  let defined = 0;
  const { singleDisagreements } = crowd;
  if (resample === null) for (const zeros of singleDisagreements) defined += zeros;
  else for (let t = 0; t < resample.count; t++) defined += singleDisagreements[resample.items[t] ?? 0] ?? 0;
  let sum = 0;
  for (const p of crowd.larger) {
    sparsePairTotals(entries, p, weights, row, col, totals);
    clearSparseMarginals(entries, p, row, col);
    const kappa = kappaFromChanceProducts(totals.n, totals.agreeing, totals.chanceProducts);
    if (Number.isNaN(kappa)) continue;
    sum += kappa;
    defined++;
  }
  return defined > 0 ? sum / defined : Number.NaN;
}
