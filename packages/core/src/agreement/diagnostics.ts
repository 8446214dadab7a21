import { buildItemIndex, type ItemIndex } from './item-index';
import { itemCountOf, itemName } from './item-names';
import type { ItemTable } from './item-table';
import { cohenKappaFromTotals } from './metrics/kappa';
import type { PairTable } from './pair-table';
import type {
  CategoryAgreement,
  ConfusionMatrix,
  DisagreementItem,
  EncodedSample,
  PairAgreement,
} from './types';

/**
 * Per-category agreement over pairable items (m_i ≥ 2):
 * - specific agreement (Uebersax 1982; Fleiss 1971 for many raters) Σ_i n_ik(n_ik − 1) / Σ_i n_ik(m_i − 1):
 *   of the pairs of labels that involve category k, the share in which both labels are k, i.e.
 *   2·agreeing pairs / (2·agreeing pairs + pairs where only one label is k);
 * - κ of "k versus the rest" (Fleiss 1971, eq. 13, generalized to unequal m_i): the labels collapsed to
 *   two categories, κ_k = 1 − (Σ_i 2 n_ik(m_i − n_ik) / (m_i(m_i − 1))) / (N · 2 p_k(1 − p_k)), with N the
 *   pairable items and p_k = Σ_i n_ik / Σ_i m_i.
 * `count` counts every annotation with that label, pairable item or not.
 */
export function computeCategoryAgreement(sample: EncodedSample, table: ItemTable): CategoryAgreement[] {
  const C = table.categoryCount;
  const { itemCount, itemStart, entryStart, entryCategory, entryCount } = table;
  const agreeing = new Float64Array(C);
  const involved = new Float64Array(C);
  const disagreement = new Float64Array(C);
  const labels = new Float64Array(C);
  let pairableItems = 0;
  let pairableLabels = 0;
  for (let i = 0; i < itemCount; i++) {
    const m = (itemStart[i + 1] ?? 0) - (itemStart[i] ?? 0);
    if (m < 2) continue;
    pairableItems++;
    pairableLabels += m;
    for (let e = entryStart[i] ?? 0; e < (entryStart[i + 1] ?? 0); e++) {
      const k = entryCategory[e] ?? 0;
      const n = entryCount[e] ?? 0;
      agreeing[k] = (agreeing[k] ?? 0) + n * (n - 1);
      involved[k] = (involved[k] ?? 0) + n * (m - 1);
      disagreement[k] = (disagreement[k] ?? 0) + (2 * n * (m - n)) / (m * (m - 1));
      labels[k] = (labels[k] ?? 0) + n;
    }
  }
  return sample.categories.map((category, k) => {
    const pairs = involved[k] ?? 0;
    const p = pairableLabels > 0 ? (labels[k] ?? 0) / pairableLabels : 0;
    const chance = 2 * p * (1 - p);
    return {
      category,
      count: table.categoryTotals[k] ?? 0,
      specificAgreement: pairs > 0 ? (agreeing[k] ?? 0) / pairs : null,
      kappa: chance > 0 ? 1 - (disagreement[k] ?? 0) / (pairableItems * chance) : null,
    };
  });
}

/** Every annotator pair that shares an item, with its percent agreement and Cohen's κ; most shared items first. */
export function computePairAgreement(sample: EncodedSample, pairs: PairTable): PairAgreement[] {
  const order = Array.from({ length: pairs.pairCount }, (_, p) => p).sort(
    (p, q) =>
      (pairs.items[q] ?? 0) - (pairs.items[p] ?? 0) ||
      (pairs.annotatorA[p] ?? 0) - (pairs.annotatorA[q] ?? 0) ||
      (pairs.annotatorB[p] ?? 0) - (pairs.annotatorB[q] ?? 0),
  );
  return order.map((p) => {
    const items = pairs.items[p] ?? 0;
    const agreeing = pairs.agreeing[p] ?? 0;
    const C = pairs.categoryCount;
    const kappa = cohenKappaFromTotals(items, agreeing, pairs.rowTotals, pairs.colTotals, p * C, C);
    return {
      annotatorA: sample.annotators[pairs.annotatorA[p] ?? 0] ?? '',
      annotatorB: sample.annotators[pairs.annotatorB[p] ?? 0] ?? '',
      items,
      percentAgreement: agreeing / items,
      cohenKappa: Number.isNaN(kappa) ? null : kappa,
    };
  });
}

/**
 * The `limit` pairable items with the lowest per-item agreement (share of agreeing ordered label pairs),
 * ties broken by more labels, then by first appearance; items where every label agrees are not listed.
 * A bounded sorted buffer keeps this O(items · log limit) with no per-item allocation.
 */
export function findTopDisagreements(
  sample: EncodedSample,
  index: ItemIndex,
  table: ItemTable,
  limit: number,
): DisagreementItem[] {
  const { itemStart, entryStart, entryCount } = table;
  const chosen: { item: number; agreement: number; labels: number }[] = [];
  const before = (
    a: { agreement: number; labels: number; item: number },
    agreement: number,
    labels: number,
    item: number,
  ) =>
    a.agreement < agreement ||
    (a.agreement === agreement && (a.labels > labels || (a.labels === labels && a.item < item)));
  if (limit > 0) {
    for (let i = 0; i < table.itemCount; i++) {
      const m = (itemStart[i + 1] ?? 0) - (itemStart[i] ?? 0);
      if (m < 2) continue;
      let agreeing = 0;
      for (let e = entryStart[i] ?? 0; e < (entryStart[i + 1] ?? 0); e++) {
        const n = entryCount[e] ?? 0;
        agreeing += n * (n - 1);
      }
      const agreement = agreeing / (m * (m - 1));
      if (agreement >= 1) continue;
      const last = chosen[chosen.length - 1];
      if (chosen.length === limit && last !== undefined && before(last, agreement, m, i)) continue;
      let at = chosen.length;
      while (at > 0) {
        const previous = chosen[at - 1];
        if (previous === undefined || before(previous, agreement, m, i)) break;
        at--;
      }
      chosen.splice(at, 0, { item: i, agreement, labels: m });
      if (chosen.length > limit) chosen.pop();
    }
  }
  const { annotatorAt, categoryAt } = index;
  return chosen.map(({ item, agreement }) => {
    const labels: { annotator: string; label: string }[] = [];
    for (let j = itemStart[item] ?? 0; j < (itemStart[item + 1] ?? 0); j++) {
      labels.push({
        annotator: sample.annotators[annotatorAt[j] ?? 0] ?? '',
        label: sample.categories[categoryAt[j] ?? 0] ?? '',
      });
    }
    return { item: itemName(sample, item), agreement, labels };
  });
}

/**
 * Confusion matrices of several annotator pairs in one pass over the items: `counts[r][c]` is the number
 * of items the first annotator labeled `categories[r]` and the second `categories[c]`.
 */
export function computeConfusionMatrices(
  sample: EncodedSample,
  index: ItemIndex,
  pairs: readonly (readonly [number, number])[],
): ConfusionMatrix[] {
  const C = sample.categories.length;
  const cells = pairs.map(() => new Float64Array(C * C));
  const shared = new Int32Array(pairs.length);
  const labelOf = new Int32Array(sample.annotators.length).fill(-1);
  const { itemStart, annotatorAt, categoryAt } = index;
  for (let i = 0, itemTotal = itemCountOf(sample); i < itemTotal; i++) {
    const start = itemStart[i] ?? 0;
    const end = itemStart[i + 1] ?? 0;
    if (end - start < 2) continue;
    for (let j = start; j < end; j++) labelOf[annotatorAt[j] ?? 0] = categoryAt[j] ?? 0;
    pairs.forEach(([a, b], p) => {
      const row = labelOf[a] ?? -1;
      const col = labelOf[b] ?? -1;
      if (row < 0 || col < 0) return;
      const matrix = cells[p];
      if (matrix === undefined) return;
      matrix[row * C + col] = (matrix[row * C + col] ?? 0) + 1;
      shared[p] = (shared[p] ?? 0) + 1;
    });
    for (let j = start; j < end; j++) labelOf[annotatorAt[j] ?? 0] = -1;
  }
  return pairs.map(([a, b], p) => {
    const matrix = cells[p] ?? new Float64Array(C * C);
    return {
      annotatorA: sample.annotators[a] ?? '',
      annotatorB: sample.annotators[b] ?? '',
      categories: sample.categories,
      counts: Array.from({ length: C }, (_, r) => Array.from(matrix.subarray(r * C, (r + 1) * C))),
      items: shared[p] ?? 0,
    };
  });
}

/**
 * Confusion matrices of the `limit` pairs that share most items (ties: first pair first), read from the
 * pair table when it counted them, else counted in one pass over the items.
 */
export function computeTopConfusionMatrices(
  sample: EncodedSample,
  index: ItemIndex,
  pairs: PairTable,
  limit: number,
): ConfusionMatrix[] {
  const top = Array.from({ length: pairs.pairCount }, (_, p) => p)
    .sort((p, q) => (pairs.items[q] ?? 0) - (pairs.items[p] ?? 0) || p - q)
    .slice(0, limit);
  const { confusion } = pairs;
  if (confusion === null) {
    return computeConfusionMatrices(
      sample,
      index,
      top.map((p) => [pairs.annotatorA[p] ?? 0, pairs.annotatorB[p] ?? 0] as const),
    );
  }
  const C = pairs.categoryCount;
  return top.map((p) => ({
    annotatorA: sample.annotators[pairs.annotatorA[p] ?? 0] ?? '',
    annotatorB: sample.annotators[pairs.annotatorB[p] ?? 0] ?? '',
    categories: sample.categories,
    counts: Array.from({ length: C }, (_, r) =>
      Array.from(confusion.subarray((p * C + r) * C, (p * C + r + 1) * C)),
    ),
    items: pairs.items[p] ?? 0,
  }));
}

/**
 * The confusion matrix of one annotator pair, chosen by index or by id: rows are `annotatorA`'s labels,
 * columns `annotatorB`'s, over the items both labeled. `null` when either annotator is not in the sample
 * or both name the same annotator.
 *
 * @example computeConfusionMatrix(sample, 'coder1', 'coder2')?.counts // [[n11, n12], [n21, n22]]
 */
export function computeConfusionMatrix(
  sample: EncodedSample,
  annotatorA: number | string,
  annotatorB: number | string,
): ConfusionMatrix | null {
  const resolve = (annotator: number | string): number =>
    typeof annotator === 'number'
      ? Number.isInteger(annotator) && annotator >= 0 && annotator < sample.annotators.length
        ? annotator
        : -1
      : sample.annotators.indexOf(annotator);
  const a = resolve(annotatorA);
  const b = resolve(annotatorB);
  if (a < 0 || b < 0 || a === b) return null;
  return computeConfusionMatrices(sample, buildItemIndex(sample), [[a, b]])[0] ?? null;
}
