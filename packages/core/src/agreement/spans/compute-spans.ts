import type { Span, UnitSample } from '../framing';
import { type FramingOptions, type FramingResult, finiteOrNull } from '../framing-result';
import { annotationsByUnit, collectPairCounts, meanPairF1, pairF1Intervals } from '../matching/pair-counts';
import type { AgreementWarning, SpanAgreement } from '../types';
import { commonSpans, overlapMatched, spanLabelPairCounts } from './span-counts';

/**
 * (TP, FP, FN) of annotator X's spans against Y's on one document, for the three measures: exact (same
 * start, end and label, as multisets), unlabeled (same start and end) and overlap (same label, matched one
 * to one by descending IoU ≥ 0.5). TP is the same whichever annotator comes first, so F1 is symmetric.
 */
export function countSpanAgreement(x: readonly Span[], y: readonly Span[], out: Float64Array): void {
  const exact = commonSpans(x, y, true);
  const unlabeled = commonSpans(x, y, false);
  const overlap = overlapMatched(x, y);
  out[0] = exact;
  out[1] = x.length - exact;
  out[2] = y.length - exact;
  out[3] = unlabeled;
  out[4] = x.length - unlabeled;
  out[5] = y.length - unlabeled;
  out[6] = overlap;
  out[7] = x.length - overlap;
  out[8] = y.length - overlap;
}

/**
 * The spans block (docs/product.md, "Framings beyond one label per item"), pairwise F1 as in
 * Hripcsak & Rothschild (2005) and bratiaa: per annotator pair, TP/FP/FN summed over the documents both
 * annotated, F1 = 2TP / (2TP + FP + FN), then the mean over pairs; exact, unlabeled and overlap matching;
 * exact F1 per label. An annotation with no span is an annotation (the annotator found nothing), not a
 * missing one. Ceiling: `f1.exact`, with bootstrap intervals over documents.
 *
 * @example
 * // bratiaa's agree-2 sample: 2 annotators, 2 documents, 16 and 17 entities, 13 shared
 * computeSpans(sample, options).block.f1.exact; // 26/33
 */
export function computeSpans(
  sample: UnitSample<readonly Span[]>,
  options: FramingOptions,
): FramingResult<SpanAgreement> {
  const warnings: AgreementWarning[] = [];
  const counts = collectPairCounts(sample, 3, (x, y, out) => countSpanAgreement(x, y, out));
  const [exact, unlabeled, overlap] = Array.from(meanPairF1(counts), (v) => finiteOrNull(v));
  const perLabel = spanLabelPairCounts(annotationsByUnit(sample), sample.annotators.length);
  const intervals = pairF1Intervals(counts, options);
  const [exactCi, unlabeledCi, overlapCi] = intervals;
  if (counts.units === 0) {
    warnings.push({ key: 'spans', message: 'No document was annotated by two annotators.' });
  } else if (exact === null) {
    warnings.push({
      key: 'spans.f1',
      message: 'Undefined: no annotator marked a span on a shared document.',
    });
  }
  const block: SpanAgreement = {
    f1: { exact: exact ?? null, unlabeled: unlabeled ?? null, overlap: overlap ?? null },
    perLabel: perLabel.perLabelSorted(),
    documents: counts.units,
    pairs: counts.pairs.length,
    ci: {
      ...(exactCi ? { exact: exactCi } : {}),
      ...(unlabeledCi ? { unlabeled: unlabeledCi } : {}),
      ...(overlapCi ? { overlap: overlapCi } : {}),
    },
  };
  return {
    block,
    ceiling:
      exact === null || exact === undefined
        ? null
        : { value: exact, ci: exactCi ?? null, items: counts.units, basis: 'spans.f1.exact' },
    metric: 'f1',
    warnings,
  };
}
