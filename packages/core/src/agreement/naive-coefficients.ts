/**
 * Test-only: every coefficient of the agreement JSON contract (docs/product.md, "Agreement")
 * written as plainly as possible straight from its formula, on (item, annotator, label) triples, with no
 * shared code and no attention to speed. The property tests compare `computeAgreement` with these on
 * random samples. Not part of the public API.
 *
 * Each function returns `null` when the coefficient does not apply to the sample's shape by definition
 * (Cohen's κ of 3 annotators, ordinal α of unordered labels), and `NaN` when it applies but is undefined
 * on these data (chance agreement 1, no pairable item…): the report must then be `null` with a reason.
 */
import type { Triple } from './test-support';
import type { MeasurementLevel } from './types';

/** The labels as the engine's encoding orders them (`EncodedSample.categories` and its values). */
export interface NaiveScale {
  /** Category list, in order (declared, ascending numeric, or first seen). */
  readonly categories: readonly string[];
  /** Numeric value of each category, when every label is a number; else `null`. */
  readonly values: readonly number[] | null;
  /** True when the category order means something (declared, or numeric labels). */
  readonly ordered: boolean;
}

export interface NaiveReport {
  readonly percentAgreement: number;
  readonly cohenKappa: number | null;
  readonly weightedKappaLinear: number | null;
  readonly weightedKappaQuadratic: number | null;
  readonly scottPi: number | null;
  readonly lightKappa: number | null;
  readonly fleissKappa: number;
  readonly alpha: Record<MeasurementLevel, number | null>;
  readonly gwetAC1: number;
  readonly brennanPrediger: number;
  readonly humanCeiling: number;
}

/** Labels of each item, in input order. */
function labelsByItem(triples: readonly Triple[]): string[][] {
  const byItem = new Map<string, string[]>();
  for (const [item, , label] of triples) {
    const labels = byItem.get(item) ?? [];
    labels.push(label);
    byItem.set(item, labels);
  }
  return [...byItem.values()];
}

function annotatorsOf(triples: readonly Triple[]): string[] {
  return [...new Set(triples.map(([, annotator]) => annotator))];
}

/** How many times `label` occurs in `labels`. */
const count = (labels: readonly string[], label: string): number => labels.filter((x) => x === label).length;

/** Fleiss' P̄: over items with ≥ 2 labels, the mean share of agreeing ordered pairs of distinct labels. */
export function naivePercentAgreement(triples: readonly Triple[]): number {
  let sum = 0;
  let items = 0;
  for (const labels of labelsByItem(triples)) {
    const m = labels.length;
    if (m < 2) continue;
    let agreeing = 0;
    for (let u = 0; u < m; u++)
      for (let v = 0; v < m; v++) if (u !== v && labels[u] === labels[v]) agreeing++;
    sum += agreeing / (m * (m - 1));
    items++;
  }
  return items === 0 ? Number.NaN : sum / items;
}

/** The items both annotators labeled, as [label of a, label of b]. */
function sharedLabels(triples: readonly Triple[], a: string, b: string): [string, string][] {
  const of = (annotator: string) =>
    new Map(triples.filter(([, who]) => who === annotator).map(([item, , label]) => [item, label]));
  const first = of(a);
  const second = of(b);
  const shared: [string, string][] = [];
  for (const [item, label] of first) {
    const other = second.get(item);
    if (other !== undefined) shared.push([label, other]);
  }
  return shared;
}

/** Cohen's (1960) κ of one pair over its shared items: p_e from each annotator's own marginals. */
export function naiveCohenKappaOfPair(triples: readonly Triple[], a: string, b: string): number {
  const shared = sharedLabels(triples, a, b);
  const n = shared.length;
  if (n === 0) return Number.NaN;
  const po = shared.filter(([x, y]) => x === y).length / n;
  const labels = new Set(shared.flat());
  let pe = 0;
  for (const label of labels) {
    const pa = shared.filter(([x]) => x === label).length / n;
    const pb = shared.filter(([, y]) => y === label).length / n;
    pe += pa * pb;
  }
  if (pe === 1) return Number.NaN;
  return (po - pe) / (1 - pe);
}

/** Scott's (1955) π of one pair over its shared items: p_e from the pooled marginals. */
function naiveScottPiOfPair(triples: readonly Triple[], a: string, b: string): number {
  const shared = sharedLabels(triples, a, b);
  const n = shared.length;
  if (n === 0) return Number.NaN;
  const po = shared.filter(([x, y]) => x === y).length / n;
  const pooled = shared.flat();
  let pe = 0;
  for (const label of new Set(pooled)) pe += (count(pooled, label) / (2 * n)) ** 2;
  if (pe === 1) return Number.NaN;
  return (po - pe) / (1 - pe);
}

/**
 * scikit-learn's `cohen_kappa_score(y1, y2, labels=categories, weights=…)`, transcribed: the C × C
 * confusion over the shared items, expected = outer(row totals, column totals) / n, weights |i − j| or
 * (i − j)² on positions in the category list, κ_w = 1 − Σ w·observed / Σ w·expected.
 */
function naiveWeightedKappaOfPair(
  triples: readonly Triple[],
  a: string,
  b: string,
  categories: readonly string[],
  power: 1 | 2,
): number {
  const shared = sharedLabels(triples, a, b);
  const n = shared.length;
  if (n === 0) return Number.NaN;
  const C = categories.length;
  const confusion = categories.map(() => categories.map(() => 0));
  for (const [x, y] of shared) {
    const row = confusion[categories.indexOf(x)];
    if (row !== undefined) row[categories.indexOf(y)] = (row[categories.indexOf(y)] ?? 0) + 1;
  }
  const rowTotal = (i: number) => (confusion[i] ?? []).reduce((s, v) => s + v, 0);
  const colTotal = (j: number) => confusion.reduce((s, row) => s + (row[j] ?? 0), 0);
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < C; i++) {
    for (let j = 0; j < C; j++) {
      const w = Math.abs(i - j) ** power;
      observed += w * (confusion[i]?.[j] ?? 0);
      expected += (w * rowTotal(i) * colTotal(j)) / n;
    }
  }
  if (expected === 0) return Number.NaN;
  return 1 - observed / expected;
}

/**
 * Krippendorff's α (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"): the coincidence
 * matrix o_ck = Σ_u (number of ordered pairs (c, k) of distinct values in unit u) / (m_u − 1) over units
 * with m_u ≥ 2, n_c = Σ_k o_ck, n = Σ_c n_c, and
 * α = 1 − (n − 1) Σ_ck o_ck δ²_ck / Σ_ck n_c n_k δ²_ck, with
 * - nominal δ² = [c ≠ k];
 * - ordinal δ² = (Σ_{g from c to k} n_g − (n_c + n_k)/2)², g over the ordered category list;
 * - interval δ² = (c − k)²; ratio δ² = ((c − k)/(c + k))², on the numeric values.
 */
export function naiveKrippendorffAlpha(
  triples: readonly Triple[],
  scale: NaiveScale,
  level: MeasurementLevel,
): number | null {
  const { categories, values, ordered } = scale;
  if (level === 'ordinal' && !ordered) return null;
  if ((level === 'interval' || level === 'ratio') && values === null) return null;
  // Ratio α is defined for non-negative values only (a ratio scale has an absolute zero).
  if (level === 'ratio' && values?.some((v) => v < 0)) return null;
  const C = categories.length;
  const o = categories.map(() => categories.map(() => 0));
  for (const labels of labelsByItem(triples)) {
    const m = labels.length;
    if (m < 2) continue;
    for (let u = 0; u < m; u++) {
      for (let v = 0; v < m; v++) {
        if (u === v) continue;
        const c = categories.indexOf(labels[u] ?? '');
        const k = categories.indexOf(labels[v] ?? '');
        const row = o[c];
        if (row !== undefined) row[k] = (row[k] ?? 0) + 1 / (m - 1);
      }
    }
  }
  const nc = o.map((row) => row.reduce((s, x) => s + x, 0));
  const n = nc.reduce((s, x) => s + x, 0);
  const delta2 = (c: number, k: number): number => {
    if (level === 'nominal') return c === k ? 0 : 1;
    if (level === 'ordinal') {
      let between = 0;
      for (let g = Math.min(c, k); g <= Math.max(c, k); g++) between += nc[g] ?? 0;
      return (between - ((nc[c] ?? 0) + (nc[k] ?? 0)) / 2) ** 2;
    }
    const vc = values?.[c] ?? 0;
    const vk = values?.[k] ?? 0;
    if (level === 'interval') return (vc - vk) ** 2;
    return vc + vk === 0 ? 0 : ((vc - vk) / (vc + vk)) ** 2;
  };
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < C; c++) {
    for (let k = 0; k < C; k++) {
      observed += (o[c]?.[k] ?? 0) * delta2(c, k);
      expected += (nc[c] ?? 0) * (nc[k] ?? 0) * delta2(c, k);
    }
  }
  if (n <= 1 || expected === 0) return Number.NaN;
  return 1 - ((n - 1) * observed) / expected;
}

/**
 * Fleiss' (1971) κ = (P̄ − P̄_e) / (1 − P̄_e), p_k = Σ_i n_ik / (N m), P̄_e = Σ_k p_k²; docs/product.md: only
 * when every item has the same number m ≥ 2 of labels, `null` (with a reason) otherwise.
 */
export function naiveFleissKappa(triples: readonly Triple[]): number {
  const items = labelsByItem(triples);
  const m = items[0]?.length ?? 0;
  if (m < 2 || items.some((labels) => labels.length !== m)) return Number.NaN;
  const all = items.flat();
  const pBar = naivePercentAgreement(triples);
  let pe = 0;
  for (const label of new Set(all)) pe += (count(all, label) / all.length) ** 2;
  if (pe === 1) return Number.NaN;
  return (pBar - pe) / (1 - pe);
}

/**
 * irrCAC's `gwet.ac1.raw` (unweighted), transcribed: q = categories used in the sample, p_a = Fleiss' P̄
 * over items with ≥ 2 labels, π_k = (1/n) Σ_i n_ik / m_i over the n items with a label,
 * p_e = Σ_k π_k(1 − π_k) / (q − 1), AC1 = (p_a − p_e) / (1 − p_e).
 */
export function naiveGwetAC1(triples: readonly Triple[]): number {
  const items = labelsByItem(triples);
  const used = [...new Set(items.flat())];
  const q = used.length;
  const pa = naivePercentAgreement(triples);
  if (q < 2 || Number.isNaN(pa)) return Number.NaN;
  let pe = 0;
  for (const label of used) {
    let pi = 0;
    for (const labels of items) pi += count(labels, label) / labels.length / items.length;
    pe += (pi * (1 - pi)) / (q - 1);
  }
  return (pa - pe) / (1 - pe);
}

/** irrCAC's `bp.coeff.raw` (unweighted): (p_a − 1/q) / (1 − 1/q), q = categories used in the sample. */
export function naiveBrennanPrediger(triples: readonly Triple[]): number {
  const q = new Set(triples.map(([, , label]) => label)).size;
  const pa = naivePercentAgreement(triples);
  if (q < 2 || Number.isNaN(pa)) return Number.NaN;
  return (pa - 1 / q) / (1 - 1 / q);
}

/**
 * The human ceiling: the mean, over annotations on items with ≥ 3 labels, of the agreement between the
 * annotation and the majority of the other labels on its item (1/T when the others' most frequent labels
 * are T tied labels and it is one of them, else 0); with no such item (e.g. 2 annotators), percent agreement.
 */
export function naiveHumanCeiling(triples: readonly Triple[]): number {
  const items = labelsByItem(triples).filter((labels) => labels.length >= 3);
  if (items.length === 0) return naivePercentAgreement(triples);
  let sum = 0;
  let annotations = 0;
  for (const labels of items) {
    labels.forEach((label, u) => {
      const others = labels.filter((_, v) => v !== u);
      const top = Math.max(...others.map((x) => count(others, x)));
      const majority = new Set(others.filter((x) => count(others, x) === top));
      sum += majority.has(label) ? 1 / majority.size : 0;
      annotations++;
    });
  }
  return sum / annotations;
}

/** Every coefficient of the contract, naively. */
export function naiveAgreement(triples: readonly Triple[], scale: NaiveScale): NaiveReport {
  const annotators = annotatorsOf(triples);
  const [a = '', b = ''] = annotators;
  const two = annotators.length === 2;
  const weighted = (power: 1 | 2) =>
    two && scale.ordered ? naiveWeightedKappaOfPair(triples, a, b, scale.categories, power) : null;
  let lightKappa: number | null = null;
  if (annotators.length >= 3) {
    // Light (1971): the mean of Cohen's κ over annotator pairs; pairs that share no item, or whose κ is
    // undefined (chance agreement 1), have no κ to average (the engine's documented choice).
    const kappas: number[] = [];
    for (let x = 0; x < annotators.length; x++) {
      for (let y = x + 1; y < annotators.length; y++) {
        const kappa = naiveCohenKappaOfPair(triples, annotators[x] ?? '', annotators[y] ?? '');
        if (!Number.isNaN(kappa)) kappas.push(kappa);
      }
    }
    lightKappa = kappas.length === 0 ? Number.NaN : kappas.reduce((s, k) => s + k, 0) / kappas.length;
  }
  return {
    percentAgreement: naivePercentAgreement(triples),
    cohenKappa: two ? naiveCohenKappaOfPair(triples, a, b) : null,
    weightedKappaLinear: weighted(1),
    weightedKappaQuadratic: weighted(2),
    scottPi: two ? naiveScottPiOfPair(triples, a, b) : null,
    lightKappa,
    fleissKappa: naiveFleissKappa(triples),
    alpha: {
      nominal: naiveKrippendorffAlpha(triples, scale, 'nominal'),
      ordinal: naiveKrippendorffAlpha(triples, scale, 'ordinal'),
      interval: naiveKrippendorffAlpha(triples, scale, 'interval'),
      ratio: naiveKrippendorffAlpha(triples, scale, 'ratio'),
    },
    gwetAC1: naiveGwetAC1(triples),
    brennanPrediger: naiveBrennanPrediger(triples),
    humanCeiling: naiveHumanCeiling(triples),
  };
}
