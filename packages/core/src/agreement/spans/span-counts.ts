/**
 * The span counts of `compute-spans.ts` on numbers: a document holds a handful of spans per annotator, so
 * comparing every pair of spans costs less than the string keys and maps a general multiset intersection
 * needs, and a sample of 100,000 documents is scored without building millions of short-lived strings.
 * Each function gives exactly what its general counterpart in `matching/` gives (the tests compare them).
 */
import type { Span, UnitAnnotation } from '../framing';
import { PairLabelCounts } from '../matching/pair-counts';

/** Overlap matching threshold (docs/product.md: same-label spans with IoU ≥ 0.5). */
export const OVERLAP_IOU = 0.5;

/** IoU of two character ranges [start, end): overlap / union (Jaccard on the characters). */
export function spanIoU(x: Span, y: Span): number {
  if (x.label !== y.label) return 0;
  const overlap = Math.min(x.end, y.end) - Math.max(x.start, y.start);
  if (overlap <= 0) return 0;
  return overlap / (Math.max(x.end, y.end) - Math.min(x.start, y.start));
}

/** Whether each of `second`'s spans is already matched; reused across calls, grown when needed. */
let used = new Uint8Array(64);

function clearUsed(length: number): Uint8Array {
  if (used.length < length) used = new Uint8Array(2 * length);
  used.fill(0, 0, length);
  return used;
}

/**
 * Multiset intersection size of `first` and `second` (equal start and end, and equal label unless
 * `labeled` is false; with `label` set, only spans of that label): equality is an equivalence, so taking
 * for each span of `first` any unmatched equal span of `second` matches as many as the multisets share.
 */
export function commonSpans(
  first: readonly Span[],
  second: readonly Span[],
  labeled: boolean,
  label: string | null = null,
): number {
  if (first.length === 0 || second.length === 0) return 0;
  const taken = clearUsed(second.length);
  let common = 0;
  for (const x of first) {
    if (label !== null && x.label !== label) continue;
    for (let j = 0; j < second.length; j++) {
      const y = second[j] as Span;
      if (taken[j] === 1 || y.start !== x.start || y.end !== x.end) continue;
      if ((labeled || label !== null) && y.label !== x.label) continue;
      taken[j] = 1;
      common++;
      break;
    }
  }
  return common;
}

/** Candidate pairs of `overlapMatched`: IoU, indices, and the unordered geometry that breaks ties. */
let candidates = new Float64Array(7 * 64);

/** `compareTuples` of `matchOneToOne` on two candidates' tie tuples, after their IoU, descending. */
function compareCandidates(c: Float64Array, a: number, b: number): number {
  const byIou = (c[b] ?? 0) - (c[a] ?? 0);
  if (byIou !== 0) return byIou;
  for (let k = 3; k < 7; k++) {
    const d = (c[a + k] ?? 0) - (c[b + k] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * `matchOneToOne(first, second, OVERLAP_IOU, spanIoU, [start, end]).matched`, without its objects: the
 * same candidates in the same order (a stable insertion sort by the same comparison; `Array.sort` is
 * stable too), taken greedily.
 */
export function overlapMatched(first: readonly Span[], second: readonly Span[]): number {
  const needed = 7 * first.length * second.length;
  if (candidates.length < needed) candidates = new Float64Array(2 * needed);
  const c = candidates;
  let count = 0;
  for (let i = 0; i < first.length; i++) {
    const x = first[i] as Span;
    for (let j = 0; j < second.length; j++) {
      const y = second[j] as Span;
      const iou = spanIoU(x, y);
      if (!(iou >= OVERLAP_IOU && iou > 0)) continue;
      const at = 7 * count++;
      c[at] = iou;
      c[at + 1] = i;
      c[at + 2] = j;
      const xFirst = x.start < y.start || (x.start === y.start && x.end <= y.end);
      c[at + 3] = xFirst ? x.start : y.start;
      c[at + 4] = xFirst ? x.end : y.end;
      c[at + 5] = xFirst ? y.start : x.start;
      c[at + 6] = xFirst ? y.end : x.end;
    }
  }
  if (count === 0) return 0;
  const order = sortedCandidates(c, count);
  const usedFirst = new Uint8Array(first.length);
  const usedSecond = new Uint8Array(second.length);
  let matched = 0;
  for (let k = 0; k < count; k++) {
    const at = order[k] ?? 0;
    const i = c[at + 1] ?? 0;
    const j = c[at + 2] ?? 0;
    if (usedFirst[i] === 1 || usedSecond[j] === 1) continue;
    usedFirst[i] = 1;
    usedSecond[j] = 1;
    matched++;
  }
  return matched;
}

let orderScratch = new Int32Array(64);

/** Offsets of the `count` candidates in `c`, sorted stably by `compareCandidates`. */
function sortedCandidates(c: Float64Array, count: number): Int32Array {
  if (orderScratch.length < count) orderScratch = new Int32Array(2 * count);
  const order = orderScratch;
  for (let k = 0; k < count; k++) {
    const at = 7 * k;
    let p = k;
    while (p > 0 && compareCandidates(c, order[p - 1] ?? 0, at) > 0) {
      order[p] = order[p - 1] ?? 0;
      p--;
    }
    order[p] = at;
  }
  return order;
}

/**
 * `labelPairCounts(sample, exact matches)` of `matching/pair-counts.ts` for spans: per (pair, label), the
 * exact matches as TP, summed over the documents, added to `PairLabelCounts` in the order that function
 * first meets each (pair, label), so its per-label means sum in the same order.
 */
export function spanLabelPairCounts(
  byUnit: readonly (readonly Pick<UnitAnnotation<readonly Span[]>, 'annotator' | 'value'>[])[],
  annotators: number,
): PairLabelCounts {
  const pairSpace = annotators * annotators;
  const labelIds = new Map<string, number>();
  const labels: string[] = [];
  /** The (pair, unit) at which each label was last counted, so a label is counted once per pair. */
  const countedAt: number[] = [];
  const entries = new Map<number, number>();
  const firstMet: number[] = [];
  let sums = new Float64Array(3 * 64);
  let visit = 0;
  const countLabel = (pair: number, xs: readonly Span[], ys: readonly Span[], label: string) => {
    let id = labelIds.get(label);
    if (id === undefined) {
      id = labels.length;
      labelIds.set(label, id);
      labels.push(label);
      countedAt.push(-1);
    }
    if (countedAt[id] === visit) return;
    countedAt[id] = visit;
    let nx = 0;
    let ny = 0;
    for (const s of xs) if (s.label === label) nx++;
    for (const s of ys) if (s.label === label) ny++;
    const tp = commonSpans(xs, ys, true, label);
    const key = id * pairSpace + pair;
    let at = entries.get(key);
    if (at === undefined) {
      at = firstMet.length;
      entries.set(key, at);
      firstMet.push(key);
      if (3 * firstMet.length > sums.length) {
        const grown = new Float64Array(2 * sums.length);
        grown.set(sums);
        sums = grown;
      }
    }
    sums[3 * at] = (sums[3 * at] ?? 0) + tp;
    sums[3 * at + 1] = (sums[3 * at + 1] ?? 0) + nx - tp;
    sums[3 * at + 2] = (sums[3 * at + 2] ?? 0) + ny - tp;
  };
  for (const list of byUnit) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const x = list[i];
        const y = list[j];
        if (x === undefined || y === undefined) continue;
        const pair = x.annotator * annotators + y.annotator;
        visit++;
        for (const s of x.value) countLabel(pair, x.value, y.value, s.label);
        for (const s of y.value) countLabel(pair, x.value, y.value, s.label);
      }
    }
  }
  const counts = new PairLabelCounts();
  firstMet.forEach((key, at) => {
    const pair = key % pairSpace;
    const label = labels[(key - pair) / pairSpace] ?? '';
    counts.add(pair, label, sums[3 * at] ?? 0, sums[3 * at + 1] ?? 0, sums[3 * at + 2] ?? 0);
  });
  return counts;
}
