import type { Resample, ResampledStatistic } from './bootstrap';
import type { ItemIndex } from './item-index';
import { ITEM_CHUNK, type ItemTable, scoreMajorityOfOthers } from './item-table';
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

function accumulateRange(
  sample: EncodedSample,
  index: ItemIndex,
  table: ItemTable,
  minLabels: number,
  perAnnotator: boolean,
  resample: Resample | null,
  scratch: MajorityScratch,
  lo: number,
  hi: number,
): void {
  const list = resample === null ? null : resample.items;
  const weights = resample === null ? null : resample.weights;
  const { itemStart, entryStart, entryCategory, entryCount } = table;
  const { order } = index;
  const { annotatorOf, categoryOf } = sample;
  const { scoreOfCategory, agreement, compared } = scratch;
  let sum = 0;
  let annotations = 0;
  for (let t = lo; t < hi; t++) {
    const i = list === null ? t : (list[t] ?? 0);
    const start = itemStart[i] ?? 0;
    const end = itemStart[i + 1] ?? 0;
    if (end - start < minLabels) continue;
    const w = weights === null ? 1 : (weights[i] ?? 0);
    const first = entryStart[i] ?? 0;
    const last = entryStart[i + 1] ?? 0;
    sum += w * scoreMajorityOfOthers(entryCategory, entryCount, first, last, scoreOfCategory);
    annotations += w * (end - start);
    if (!perAnnotator) continue;
    for (let j = start; j < end; j++) {
      const a = order === null ? j : (order[j] ?? 0);
      const annotator = annotatorOf[a] ?? 0;
      agreement[annotator] = (agreement[annotator] ?? 0) + w * (scoreOfCategory[categoryOf[a] ?? 0] ?? 0);
      compared[annotator] = (compared[annotator] ?? 0) + w;
    }
  }
  scratch.sum += sum;
  scratch.annotations += annotations;
}

/** What the majority statistic keeps between resamples: each scored item's Σ agreement, each annotation's. */
interface MajorityScores {
  /** Per item (m_i ≥ minLabels, else 0): Σ over its annotations of the agreement with the others' majority. */
  readonly itemAgreement: Float64Array;
  /** Per annotation, in item-grouped order `j`: its annotator and its agreement (only for scored items). */
  readonly annotator: Int32Array;
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
  const { order } = index;
  const itemAgreement = new Float64Array(table.itemCount);
  const annotator = new Int32Array(sample.categoryOf.length);
  const agreement = new Float64Array(sample.categoryOf.length);
  const scoreOfCategory = new Float64Array(table.categoryCount);
  for (let i = 0; i < table.itemCount; i++) {
    const start = itemStart[i] ?? 0;
    const end = itemStart[i + 1] ?? 0;
    if (end - start < minLabels) continue;
    const first = entryStart[i] ?? 0;
    const last = entryStart[i + 1] ?? 0;
    itemAgreement[i] = scoreMajorityOfOthers(entryCategory, entryCount, first, last, scoreOfCategory);
    for (let j = start; j < end; j++) {
      const a = order === null ? j : (order[j] ?? 0);
      annotator[j] = sample.annotatorOf[a] ?? 0;
      agreement[j] = scoreOfCategory[sample.categoryOf[a] ?? 0] ?? 0;
    }
  }
  return { itemAgreement, annotator, agreement };
}

function accumulateScoredRange(
  table: ItemTable,
  scores: MajorityScores,
  minLabels: number,
  perAnnotator: boolean,
  resample: Resample,
  scratch: MajorityScratch,
  lo: number,
  hi: number,
): void {
  const { itemStart } = table;
  const { items, weights } = resample;
  const { itemAgreement, annotator, agreement: annotationAgreement } = scores;
  const { agreement, compared } = scratch;
  let sum = 0;
  let annotations = 0;
  for (let t = lo; t < hi; t++) {
    const i = items[t] ?? 0;
    const start = itemStart[i] ?? 0;
    const end = itemStart[i + 1] ?? 0;
    if (end - start < minLabels) continue;
    const w = weights[i] ?? 0;
    sum += w * (itemAgreement[i] ?? 0);
    annotations += w * (end - start);
    if (!perAnnotator) continue;
    for (let j = start; j < end; j++) {
      const a = annotator[j] ?? 0;
      agreement[a] = (agreement[a] ?? 0) + w * (annotationAgreement[j] ?? 0);
      compared[a] = (compared[a] ?? 0) + w;
    }
  }
  scratch.sum += sum;
  scratch.annotations += annotations;
}

/**
 * The human ceiling (PRODUCT.md) and, when `perAnnotator`, each annotator's agreement with the majority
 * of the others. The ceiling is the accuracy a model can be expected to show when scored against one
 * annotator's labels if it were as good as the consensus: the mean, over annotations on items with at
 * least `minLabels` labels, of the agreement between the annotation and the majority of the *other*
 * labels on its item (ties split evenly, see `scoreMajorityOfOthers`).
 *
 * `minLabels` is 3 as PRODUCT.md defines the ceiling; the caller passes 2 when no item has 3 labels, and
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
  return {
    size: perAnnotator ? 1 + annotatorCount : 1,
    compared: scratch.compared,
    evaluate(resample: Resample | null, out: Float64Array): void {
      scratch.agreement.fill(0);
      scratch.compared.fill(0);
      scratch.sum = 0;
      scratch.annotations = 0;
      const positions = resample === null ? table.itemCount : resample.count;
      if (resample !== null) scores ??= scoreAnnotations(sample, index, table, minLabels);
      for (let lo = 0; lo < positions; lo += ITEM_CHUNK) {
        const hi = Math.min(positions, lo + ITEM_CHUNK);
        if (resample === null || scores === null) {
          accumulateRange(sample, index, table, minLabels, perAnnotator, resample, scratch, lo, hi);
        } else {
          accumulateScoredRange(table, scores, minLabels, perAnnotator, resample, scratch, lo, hi);
        }
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
