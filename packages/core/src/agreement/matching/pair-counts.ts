import type { UnitAnnotation, UnitSample } from '../framing';
import type { Interval } from '../types';
import { type BootstrapSettings, groupedUnitIntervals } from './grouped-bootstrap';

export type { BootstrapSettings } from './grouped-bootstrap';

/**
 * Pairwise counts for the framings scored by F1 between annotators (multi-label, spans, boxes): for every
 * unit annotated by two or more annotators and every pair of them, `measures` triples (TP, FP, FN), the
 * per-unit sufficient statistics from which each pair's F1 and their mean are computed, and which the
 * bootstrap resamples by unit.
 */
export interface PairCounts {
  /** Annotator indices of each pair (a < b), by pair index, in first-met order. */
  readonly pairs: readonly (readonly [number, number])[];
  readonly measures: number;
  /** Units annotated by two or more annotators. */
  readonly units: number;
  /** Entries of unit u are `[unitStart[u], unitStart[u + 1])`. */
  readonly unitStart: Int32Array;
  readonly pairOf: Int32Array;
  /** Entry e's measure m: TP, FP, FN at `(e · measures + m) · 3`. */
  readonly counts: Float64Array;
}

/** F1 = 2TP / (2TP + FP + FN) (van Rijsbergen 1979; as pairwise agreement, Hripcsak & Rothschild 2005); NaN when 0/0. */
export function f1Score(tp: number, fp: number, fn: number): number {
  const denominator = 2 * tp + fp + fn;
  return denominator > 0 ? (2 * tp) / denominator : Number.NaN;
}

/** Each unit's annotations, ordered by annotator. */
export function annotationsByUnit<V>(
  sample: UnitSample<V>,
): readonly (readonly { readonly annotator: number; readonly value: V }[])[] {
  // The annotations themselves, not copies, and sorted only when out of order: spans and boxes are
  // scored on samples of 100,000 units, where a new object per annotation and a sort per unit add up.
  const byUnit: UnitAnnotation<V>[][] = sample.units.map(() => []);
  for (const annotation of sample.annotations) byUnit[annotation.unit]?.push(annotation);
  for (const list of byUnit) {
    let ordered = true;
    for (let k = 1; k < list.length && ordered; k++) {
      ordered = (list[k - 1]?.annotator ?? 0) <= (list[k]?.annotator ?? 0);
    }
    if (!ordered) list.sort((x, y) => x.annotator - y.annotator);
  }
  return byUnit;
}

/**
 * Collects, for each unit and each pair of its annotators, `measures` (TP, FP, FN) triples written by
 * `count(first, second, out, offset)` (annotator a's value first, a < b; `out` is zeroed).
 */
export function collectPairCounts<V>(
  sample: UnitSample<V>,
  measures: number,
  count: (first: V, second: V, out: Float64Array, offset: number) => void,
): PairCounts {
  const byUnit = annotationsByUnit(sample);
  const pairIndex = new Map<number, number>();
  const pairs: (readonly [number, number])[] = [];
  const annotatorCount = sample.annotators.length;
  const unitStart = new Int32Array(byUnit.length + 1);
  const pairOf: number[] = [];
  let counts = new Float64Array(1024);
  let entries = 0;
  let units = 0;
  const scratch = new Float64Array(measures * 3);
  byUnit.forEach((list, u) => {
    unitStart[u] = entries;
    if (list.length >= 2) units++;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const first = list[i];
        const second = list[j];
        if (first === undefined || second === undefined) continue;
        const key = first.annotator * annotatorCount + second.annotator;
        let pair = pairIndex.get(key);
        if (pair === undefined) {
          pair = pairs.length;
          pairIndex.set(key, pair);
          pairs.push([first.annotator, second.annotator]);
        }
        scratch.fill(0);
        count(first.value, second.value, scratch, 0);
        if ((entries + 1) * measures * 3 > counts.length) {
          const grown = new Float64Array(counts.length * 2);
          grown.set(counts);
          counts = grown;
        }
        counts.set(scratch, entries * measures * 3);
        pairOf.push(pair);
        entries++;
      }
    }
  });
  unitStart[byUnit.length] = entries;
  return {
    pairs,
    measures,
    units,
    unitStart,
    pairOf: Int32Array.from(pairOf),
    counts: counts.subarray(0, entries * measures * 3),
  };
}

/**
 * The mean over annotator pairs of each measure's F1, from the counts summed over units (each unit
 * weighted by `weightOf(u)`); pairs whose F1 is 0/0 are left out, and a measure no pair defines is NaN.
 */
function meanPairF1Into(
  source: PairCounts,
  units: ArrayLike<number>,
  weights: ArrayLike<number> | null,
  sums: Float64Array,
  out: Float64Array,
): void {
  const { measures, unitStart, pairOf, counts } = source;
  sums.fill(0);
  for (let t = 0; t < units.length; t++) {
    const u = units[t] ?? 0;
    const w = weights === null ? 1 : (weights[t] ?? 0);
    for (let e = unitStart[u] ?? 0; e < (unitStart[u + 1] ?? 0); e++) {
      const base = (pairOf[e] ?? 0) * measures * 3;
      const from = e * measures * 3;
      for (let m = 0; m < measures * 3; m++)
        sums[base + m] = (sums[base + m] ?? 0) + w * (counts[from + m] ?? 0);
    }
  }
  for (let m = 0; m < measures; m++) {
    let total = 0;
    let defined = 0;
    for (let p = 0; p < source.pairs.length; p++) {
      const at = (p * measures + m) * 3;
      const value = f1Score(sums[at] ?? 0, sums[at + 1] ?? 0, sums[at + 2] ?? 0);
      if (Number.isNaN(value)) continue;
      total += value;
      defined++;
    }
    out[m] = defined > 0 ? total / defined : Number.NaN;
  }
}

/** Point estimates: per measure, the mean over annotator pairs of their F1 over every unit. */
export function meanPairF1(source: PairCounts): Float64Array {
  const out = new Float64Array(source.measures);
  const sums = new Float64Array(source.pairs.length * source.measures * 3);
  const all = Int32Array.from({ length: source.unitStart.length - 1 }, (_, u) => u);
  meanPairF1Into(source, all, null, sums, out);
  return out;
}

/**
 * Percentile bootstrap intervals over units (Efron & Tibshirani 1993, ch. 6) of `meanPairF1`'s measures.
 * Units with identical counts are grouped, and a resample is a multinomial draw over the groups
 * (`compressedBootstrap`), exactly the per-unit bootstrap at the cost of the distinct groups. Units without
 * a pair count as groups of their own kind (they shift no sum but are drawn, as the per-unit bootstrap
 * draws them). `null` for a measure undefined in over half the resamples.
 */
export function pairF1Intervals(source: PairCounts, settings: BootstrapSettings): (Interval | null)[] {
  const { measures, unitStart, pairOf, counts } = source;
  if (settings.resamples <= 0) return Array.from({ length: measures }, () => null);
  const sums = new Float64Array(source.pairs.length * measures * 3);
  return groupedUnitIntervals(
    unitStart.length - 1,
    (u) => {
      // Built number by number: a subarray and a join per entry cost more than the rest of the scoring.
      let key = '';
      for (let e = unitStart[u] ?? 0; e < (unitStart[u + 1] ?? 0); e++) {
        key += `${pairOf[e]}:`;
        for (let m = e * measures * 3; m < (e + 1) * measures * 3; m++) key += `${counts[m]},`;
        key += ';';
      }
      return key;
    },
    measures,
    (units, weights, out) => meanPairF1Into(source, units, weights, sums, out),
    settings,
  );
}

/** Accumulates (TP, FP, FN) per (pair, label), for per-label F1 and macro F1. */
export class PairLabelCounts {
  private readonly sums = new Map<string, [number, number, number]>();

  add(pair: number, label: string, tp: number, fp: number, fn: number): void {
    const key = `${pair}\u0000${label}`;
    const sum = this.sums.get(key);
    if (sum === undefined) this.sums.set(key, [tp, fp, fn]);
    else {
      sum[0] += tp;
      sum[1] += fp;
      sum[2] += fn;
    }
  }

  /** Per label: the mean over pairs of the label's F1 (pairs where it is 0/0 left out). */
  perLabel(): Map<string, number> {
    const totals = new Map<string, { total: number; pairs: number }>();
    for (const [key, [tp, fp, fn]] of this.sums) {
      const label = key.slice(key.indexOf('\u0000') + 1);
      const value = f1Score(tp, fp, fn);
      if (Number.isNaN(value)) continue;
      const entry = totals.get(label) ?? { total: 0, pairs: 0 };
      entry.total += value;
      entry.pairs++;
      totals.set(label, entry);
    }
    return new Map([...totals].map(([label, { total, pairs }]) => [label, total / pairs]));
  }

  /** `perLabel` as a record in label order, as the agreement blocks report it. */
  perLabelSorted(): Record<string, number> {
    return Object.fromEntries([...this.perLabel()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  /** Macro F1: per pair, the mean F1 over the labels either annotator used; then the mean over pairs. */
  macro(): number {
    const perPair = new Map<string, { total: number; labels: number }>();
    for (const [key, [tp, fp, fn]] of this.sums) {
      const value = f1Score(tp, fp, fn);
      if (Number.isNaN(value)) continue;
      const pair = key.slice(0, key.indexOf('\u0000'));
      const entry = perPair.get(pair) ?? { total: 0, labels: 0 };
      entry.total += value;
      entry.labels++;
      perPair.set(pair, entry);
    }
    if (perPair.size === 0) return Number.NaN;
    let total = 0;
    for (const { total: sum, labels } of perPair.values()) total += sum / labels;
    return total / perPair.size;
  }
}

/**
 * Per-label (TP, FP, FN) of every pair of annotators on every unit both annotated: for each label either
 * used, `matched(xs, ys)` of the first's and the second's items with that label are true positives.
 */
export function labelPairCounts<T extends { readonly label: string }>(
  sample: UnitSample<readonly T[]>,
  matched: (xs: readonly T[], ys: readonly T[]) => number,
): PairLabelCounts {
  const counts = new PairLabelCounts();
  for (const list of annotationsByUnit(sample)) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const x = list[i];
        const y = list[j];
        if (x === undefined || y === undefined) continue;
        const pair = x.annotator * sample.annotators.length + y.annotator;
        for (const label of new Set([...x.value, ...y.value].map((item) => item.label))) {
          const xs = x.value.filter((item) => item.label === label);
          const ys = y.value.filter((item) => item.label === label);
          const tp = matched(xs, ys);
          counts.add(pair, label, tp, xs.length - tp, ys.length - tp);
        }
      }
    }
  }
  return counts;
}
