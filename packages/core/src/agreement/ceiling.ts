import type { LinearForm, Resample, ResampledStatistic } from './bootstrap';
import type { ResampleLevel } from './compressed-bootstrap';
import type { ItemIndex } from './item-index';
import { ITEM_CHUNK, type ItemTable, scoreMajorityOfOthers } from './item-table';
import { LinearFormBuilder } from './linear-forms';
import type { EncodedSample } from './types';

/** A `ResampledStatistic` that also exposes, after each evaluation, each annotator's compared items. */
export interface MajorityStatistic extends ResampledStatistic {
  /** Σ weight of the items each annotator was compared on, from the last `evaluate`. */
  readonly compared: Float64Array;
}

interface MajorityScratch {
  readonly scoreOfCategory: Float64Array;
  readonly agreement: Float64Array;
  readonly compared: Float64Array;
  sum: number;
  annotations: number;
}

/** The point estimate over items lo … hi − 1, scoring annotations on the fly (no per-annotation memory). */
function accumulateRange(
  index: ItemIndex,
  table: ItemTable,
  minLabels: number,
  perAnnotator: boolean,
  scratch: MajorityScratch,
  lo: number,
  hi: number,
): void {
  const { itemStart, entryStart, entryCategory, entryCount } = table;
  const { annotatorAt, categoryAt } = index;
  const { scoreOfCategory, agreement, compared } = scratch;
  let sum = 0;
  let annotations = 0;
  for (let i = lo; i < hi; i++) {
    const start = itemStart[i] ?? 0;
    const end = itemStart[i + 1] ?? 0;
    if (end - start < minLabels) continue;
    const first = entryStart[i] ?? 0;
    const last = entryStart[i + 1] ?? 0;
    sum += scoreMajorityOfOthers(entryCategory, entryCount, first, last, scoreOfCategory);
    annotations += end - start;
    if (!perAnnotator) continue;
    for (let j = start; j < end; j++) {
      const annotator = annotatorAt[j] ?? 0;
      agreement[annotator] = (agreement[annotator] ?? 0) + (scoreOfCategory[categoryAt[j] ?? 0] ?? 0);
      compared[annotator] = (compared[annotator] ?? 0) + 1;
    }
  }
  scratch.sum += sum;
  scratch.annotations += annotations;
}

/**
 * What the majority statistic keeps between resamples, since scores do not depend on the weights: each
 * scored item's Σ agreement, and each annotator's scored annotations (annotator-major, so that a resample
 * sums them into two running totals per annotator instead of read-modify-writes per annotation).
 */
interface MajorityScores {
  /** Per item (m_i ≥ minLabels, else 0): Σ over its annotations of the agreement with the others' majority. */
  readonly itemAgreement: Float64Array;
  /** Annotator a's scored annotations are `[annotatorStart[a], annotatorStart[a + 1])`: item and agreement. */
  readonly annotatorStart: Int32Array;
  readonly item: Int32Array;
  readonly agreement: Float64Array;
}

/** Scores every annotation of the items with ≥ `minLabels` labels once, for resampling. */
function scoreAnnotations(
  sample: EncodedSample,
  index: ItemIndex,
  table: ItemTable,
  minLabels: number,
): MajorityScores {
  const { itemStart, entryStart, entryCategory, entryCount } = table;
  const { annotatorAt, categoryAt } = index;
  const annotatorCount = sample.annotators.length;
  const itemAgreement = new Float64Array(table.itemCount);
  const annotatorStart = new Int32Array(annotatorCount + 1);
  const scoreOfCategory = new Float64Array(table.categoryCount);
  const eligible = (i: number) => (itemStart[i + 1] ?? 0) - (itemStart[i] ?? 0) >= minLabels;
  for (let i = 0; i < table.itemCount; i++) {
    if (!eligible(i)) continue;
    for (let j = itemStart[i] ?? 0; j < (itemStart[i + 1] ?? 0); j++) {
      const annotator = annotatorAt[j] ?? 0;
      annotatorStart[annotator + 1] = (annotatorStart[annotator + 1] ?? 0) + 1;
    }
  }
  for (let a = 0; a < annotatorCount; a++)
    annotatorStart[a + 1] = (annotatorStart[a + 1] ?? 0) + (annotatorStart[a] ?? 0);
  const next = annotatorStart.slice(0, annotatorCount);
  const item = new Int32Array(annotatorStart[annotatorCount] ?? 0);
  const agreement = new Float64Array(item.length);
  for (let i = 0; i < table.itemCount; i++) {
    if (!eligible(i)) continue;
    const first = entryStart[i] ?? 0;
    const last = entryStart[i + 1] ?? 0;
    itemAgreement[i] = scoreMajorityOfOthers(entryCategory, entryCount, first, last, scoreOfCategory);
    for (let j = itemStart[i] ?? 0; j < (itemStart[i + 1] ?? 0); j++) {
      const annotator = annotatorAt[j] ?? 0;
      const slot = next[annotator] ?? 0;
      next[annotator] = slot + 1;
      item[slot] = i;
      agreement[slot] = scoreOfCategory[categoryAt[j] ?? 0] ?? 0;
    }
  }
  return { itemAgreement, annotatorStart, item, agreement };
}

/** One resample from the kept scores: the ceiling over the drawn items, then each annotator's two sums. */
function evaluateScored(
  table: ItemTable,
  scores: MajorityScores,
  minLabels: number,
  perAnnotator: boolean,
  resample: Resample,
  scratch: MajorityScratch,
): void {
  const { itemStart } = table;
  const { items, weights, count } = resample;
  const { itemAgreement, annotatorStart, item, agreement } = scores;
  let sum = 0;
  let annotations = 0;
  for (let t = 0; t < count; t++) {
    const i = items[t] ?? 0;
    const m = (itemStart[i + 1] ?? 0) - (itemStart[i] ?? 0);
    if (m < minLabels) continue;
    const w = weights[i] ?? 0;
    sum += w * (itemAgreement[i] ?? 0);
    annotations += w * m;
  }
  scratch.sum = sum;
  scratch.annotations = annotations;
  if (!perAnnotator) return;
  for (let a = 0; a + 1 < annotatorStart.length; a++) {
    let agreed = 0;
    let compared = 0;
    for (let e = annotatorStart[a] ?? 0; e < (annotatorStart[a + 1] ?? 0); e++) {
      const w = weights[item[e] ?? 0] ?? 0;
      agreed += w * (agreement[e] ?? 0);
      compared += w;
    }
    scratch.agreement[a] = agreed;
    scratch.compared[a] = compared;
  }
}

/**
 * The human ceiling (docs/product.md, "The human ceiling") and, when `perAnnotator`, each annotator's agreement with the majority
 * of the others. The ceiling is the accuracy a model can be expected to show when scored against one
 * annotator's labels if it were as good as the consensus: the mean, over annotations on items with at
 * least `minLabels` labels, of the agreement between the annotation and the majority of the *other*
 * labels on its item (ties split evenly, see `scoreMajorityOfOthers`).
 *
 * `minLabels` is 3 as the contract defines the ceiling; the caller passes 2 when no item has 3 labels, and
 * the value is then percent agreement (on a 2-label item the single other label is the majority).
 * Output 0 is the ceiling; output 1 + a is annotator a's mean agreement over its compared items
 * (`NaN` when it has none), so that the annotation-weighted mean of the annotators is the ceiling.
 *
 * The point estimate scores annotations on the fly; the first resample scores each annotation once and
 * keeps the scores (they do not depend on the weights), so that a resample only sums them.
 */
export function createMajorityStatistic(
  sample: EncodedSample,
  index: ItemIndex,
  table: ItemTable,
  minLabels: number,
  perAnnotator: boolean,
): MajorityStatistic {
  const annotatorCount = sample.annotators.length;
  const scratch: MajorityScratch = {
    scoreOfCategory: new Float64Array(table.categoryCount),
    agreement: new Float64Array(perAnnotator ? annotatorCount : 0),
    compared: new Float64Array(perAnnotator ? annotatorCount : 0),
    sum: 0,
    annotations: 0,
  };
  let scores: MajorityScores | null = null;
  /** The ceiling alone as sums of each scored item's Σ agreement (column 0) and labels (column 1). */
  const linear = (): LinearForm => {
    scores ??= scoreAnnotations(sample, index, table, minLabels);
    const { itemAgreement } = scores;
    const form = new LinearFormBuilder(2, table.itemCount, 2 * table.itemCount);
    for (let i = 0; i < table.itemCount; i++) {
      const m = (table.itemStart[i + 1] ?? 0) - (table.itemStart[i] ?? 0);
      if (m >= minLabels) {
        form.add(0, itemAgreement[i] ?? 0);
        form.add(1, m);
      }
      form.endRow();
    }
    return form.build((sums, out) => {
      const annotations = sums[1] ?? 0;
      out[0] = annotations > 0 ? (sums[0] ?? 0) / annotations : Number.NaN;
    });
  };
  return {
    size: perAnnotator ? 1 + annotatorCount : 1,
    ...(perAnnotator ? {} : { linear }),
    compared: scratch.compared,
    evaluate(resample: Resample | null, out: Float64Array): void {
      scratch.agreement.fill(0);
      scratch.compared.fill(0);
      scratch.sum = 0;
      scratch.annotations = 0;
      if (resample === null) {
        for (let lo = 0; lo < table.itemCount; lo += ITEM_CHUNK) {
          const hi = Math.min(table.itemCount, lo + ITEM_CHUNK);
          accumulateRange(index, table, minLabels, perAnnotator, scratch, lo, hi);
        }
      } else {
        scores ??= scoreAnnotations(sample, index, table, minLabels);
        evaluateScored(table, scores, minLabels, perAnnotator, resample, scratch);
      }
      out[0] = scratch.annotations > 0 ? scratch.sum / scratch.annotations : Number.NaN;
      if (!perAnnotator) return;
      for (let a = 0; a < annotatorCount; a++) {
        const n = scratch.compared[a] ?? 0;
        out[1 + a] = n > 0 ? (scratch.agreement[a] ?? 0) / n : Number.NaN;
      }
    },
  };
}

/**
 * Each annotator's agreement with the majority of the others, as one resample level per annotator (`null`
 * for an annotator compared on no item), for the compressed bootstrap. Annotator a's value is
 * Σ_i w_i s_ia / Σ_i w_i over the items it was compared on, where s_ia, its agreement with the others on
 * item i, takes a handful of values (0, 1, ½, ⅓…): so its items fall into one group per value plus one
 * group of the items it was not compared on, and a resample is a draw of a few multinomial counts, however
 * many items there are. The per-item bootstrap of the same ratio has exactly the same distribution.
 * With `multiplicities`, item i of `sample` stands for that many items (a grouped sample).
 */
export function createAnnotatorAgreementLevels(
  sample: EncodedSample,
  index: ItemIndex,
  table: ItemTable,
  minLabels: number,
  multiplicities: Int32Array | null = null,
): (ResampleLevel | null)[] {
  const { annotatorStart, item, agreement } = scoreAnnotations(sample, index, table, minLabels);
  const multiplicity = (i: number) => (multiplicities === null ? 1 : (multiplicities[i] ?? 0));
  let itemCount = 0;
  for (let i = 0; i < table.itemCount; i++) itemCount += multiplicity(i);
  return sample.annotators.map((_, a) => {
    const start = annotatorStart[a] ?? 0;
    const end = annotatorStart[a + 1] ?? 0;
    if (end === start) return null;
    const itemsWithValue = new Map<number, number>();
    let compared = 0;
    for (let e = start; e < end; e++) {
      const value = agreement[e] ?? 0;
      const items = multiplicity(item[e] ?? 0);
      itemsWithValue.set(value, (itemsWithValue.get(value) ?? 0) + items);
      compared += items;
    }
    const values = Float64Array.from(itemsWithValue.keys());
    const sizes = Int32Array.from([...itemsWithValue.values(), itemCount - compared]);
    const statistic: ResampledStatistic = {
      size: 1,
      evaluate(resample: Resample | null, out: Float64Array): void {
        let agreed = 0;
        let compared = 0;
        for (let g = 0; g < values.length; g++) {
          const w = resample === null ? (sizes[g] ?? 0) : (resample.weights[g] ?? 0);
          agreed += w * (values[g] ?? 0);
          compared += w;
        }
        out[0] = compared > 0 ? agreed / compared : Number.NaN;
      },
    };
    return { sizes, statistics: [statistic] };
  });
}
