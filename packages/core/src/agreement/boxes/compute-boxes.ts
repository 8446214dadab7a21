import type { Box, UnitSample } from '../framing';
import { type FramingOptions, type FramingResult, finiteOrNull } from '../framing-result';
import { matchOneToOne } from '../matching/one-to-one';
import { collectPairCounts, labelPairCounts, meanPairF1, pairF1Intervals } from '../matching/pair-counts';
import type { AgreementWarning, BoxAgreement } from '../types';

/** Intersection over union of two same-label axis-aligned boxes (0 across labels). */
export function boxIoU(x: Box, y: Box): number {
  if (x.label !== y.label) return 0;
  const width = Math.min(x.x + x.width, y.x + y.width) - Math.max(x.x, y.x);
  const height = Math.min(x.y + x.height, y.y + y.height) - Math.max(x.y, y.y);
  if (width <= 0 || height <= 0) return 0;
  const intersection = width * height;
  return intersection / (x.width * x.height + y.width * y.height - intersection);
}

export const boxGeometry = (box: Box) => [box.x, box.y, box.width, box.height];

/** (TP, FP, FN) at IoU 0.5 and 0.75, and (Σ IoU, matches, 0) at 0.5, for one image and one pair. */
export function countBoxAgreement(x: readonly Box[], y: readonly Box[], out: Float64Array): void {
  const at50 = matchOneToOne(x, y, 0.5, boxIoU, boxGeometry);
  const at75 = matchOneToOne(x, y, 0.75, boxIoU, boxGeometry);
  [at50.matched, at75.matched].forEach((tp, m) => {
    out[m * 3] = tp;
    out[m * 3 + 1] = x.length - tp;
    out[m * 3 + 2] = y.length - tp;
  });
  out[6] = at50.iouSum;
  out[7] = at50.matched;
}

/**
 * The boxes block (docs/product.md, "Framings beyond one label per item"): per annotator pair, same-label
 * boxes matched one to one, greedily by descending IoU, at IoU ≥ 0.5 and ≥ 0.75 (the PASCAL VOC and COCO
 * thresholds; Everingham et al. 2010, Lin et al. 2014), TP/FP/FN summed over the images both annotated,
 * F1 = 2TP / (2TP + FP + FN), then the mean over pairs; `meanIoU` over every pair of boxes matched at 0.5;
 * F1 at 0.5 per label. Ceiling: `f1.iou50`, with bootstrap intervals over images.
 */
export function computeBoxes(
  sample: UnitSample<readonly Box[]>,
  options: FramingOptions,
): FramingResult<BoxAgreement> {
  const warnings: AgreementWarning[] = [];
  const counts = collectPairCounts(sample, 3, (x, y, out) => countBoxAgreement(x, y, out));
  const [iou50, iou75] = Array.from(meanPairF1(counts).subarray(0, 2), (v) => finiteOrNull(v));
  let iouSum = 0;
  let matched = 0;
  for (let e = 0; e < counts.pairOf.length; e++) {
    iouSum += counts.counts[e * 9 + 6] ?? 0;
    matched += counts.counts[e * 9 + 7] ?? 0;
  }
  const perLabel = labelPairCounts(
    sample,
    (xs, ys) => matchOneToOne(xs, ys, 0.5, boxIoU, boxGeometry).matched,
  );
  const [ci50, ci75] = pairF1Intervals(counts, options);
  if (counts.units === 0) {
    warnings.push({ key: 'boxes', message: 'No image was annotated by two annotators.' });
  } else if (iou50 === null) {
    warnings.push({ key: 'boxes.f1', message: 'Undefined: no annotator drew a box on a shared image.' });
  }
  const block: BoxAgreement = {
    f1: { iou50: iou50 ?? null, iou75: iou75 ?? null },
    meanIoU: matched > 0 ? iouSum / matched : null,
    perLabel: perLabel.perLabelSorted(),
    images: counts.units,
    pairs: counts.pairs.length,
    ci: { ...(ci50 ? { iou50: ci50 } : {}), ...(ci75 ? { iou75: ci75 } : {}) },
  };
  return {
    block,
    ceiling:
      iou50 === null || iou50 === undefined
        ? null
        : { value: iou50, ci: ci50 ?? null, items: counts.units, basis: 'boxes.f1.iou50' },
    metric: 'f1',
    warnings,
  };
}
