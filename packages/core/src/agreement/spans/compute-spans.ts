import type { Span, UnitSample } from '../framing';
import { type FramingOptions, type FramingResult, finiteOrNull } from '../framing-result';
import { countCommon, matchOneToOne } from '../matching/one-to-one';
import { collectPairCounts, labelPairCounts, meanPairF1, pairF1Intervals } from '../matching/pair-counts';
import type { AgreementWarning, SpanAgreement } from '../types';

/** IoU of two character ranges [start, end): overlap / union (Jaccard on the characters). */
export function spanIoU(x: Span, y: Span): number {
  if (x.label !== y.label) return 0;
  const overlap = Math.min(x.end, y.end) - Math.max(x.start, y.start);
  if (overlap <= 0) return 0;
  return overlap / (Math.max(x.end, y.end) - Math.min(x.start, y.start));
}

const exactKey = (span: Span) => `${span.start}:${span.end}:${span.label}`;
const boundaryKey = (span: Span) => `${span.start}:${span.end}`;
const spanGeometry = (span: Span) => [span.start, span.end];

/** Overlap matching threshold (docs/product.md: same-label spans with IoU ≥ 0.5). */
const OVERLAP_IOU = 0.5;

/**
 * (TP, FP, FN) of annotator X's spans against Y's on one document, for the three measures: exact (same
 * start, end and label, as multisets), unlabeled (same start and end) and overlap (same label, matched one
 * to one by descending IoU ≥ 0.5). TP is the same whichever annotator comes first, so F1 is symmetric.
 */
export function countSpanAgreement(x: readonly Span[], y: readonly Span[], out: Float64Array): void {
  const exact = countCommon(x.map(exactKey), y.map(exactKey));
  const unlabeled = countCommon(x.map(boundaryKey), y.map(boundaryKey));
  const overlap = matchOneToOne(x, y, OVERLAP_IOU, spanIoU, spanGeometry).matched;
  [exact, unlabeled, overlap].forEach((tp, m) => {
    out[m * 3] = tp;
    out[m * 3 + 1] = x.length - tp;
    out[m * 3 + 2] = y.length - tp;
  });
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
  const perLabel = labelPairCounts(sample, (xs, ys) => countCommon(xs.map(exactKey), ys.map(exactKey)));
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
