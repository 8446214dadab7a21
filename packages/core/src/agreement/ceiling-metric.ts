import type { HumanCeilingBasis } from './types';

const METRIC_NAMES: Record<HumanCeilingBasis, string> = {
  'majority-of-others': 'accuracy',
  'percent-agreement': 'accuracy',
  'multilabel.f1.micro': 'micro F1',
  'spans.f1.exact': 'span F1',
  'boxes.f1.iou50': 'box F1 at IoU 0.5',
  'ranking.meanKendallTau': "Kendall's τ",
  'sqrt-icc-c1': 'correlation (√ICC(C,1))',
};

/**
 * What a human ceiling is measured in, named for people ("span F1", "Kendall's τ", "accuracy"): the
 * Tradeoff tab's ceiling line and the report say it, so a span F1 ceiling is never read as an accuracy.
 * The basis is `humanCeiling.basis` (docs/product.md, "Framings beyond one label per item"); an
 * unknown one (a report from elsewhere) reads as accuracy, the categorical ceiling.
 *
 * @example ceilingMetricName('spans.f1.exact') // 'span F1'
 */
export function ceilingMetricName(basis: string | null | undefined): string {
  if (basis === null || basis === undefined || !Object.hasOwn(METRIC_NAMES, basis)) return 'accuracy';
  return METRIC_NAMES[basis as HumanCeilingBasis];
}

/** Whether a ceiling's basis is measured as an accuracy (one label per item, pairwise). */
export function isAccuracyCeiling(basis: string | null | undefined): boolean {
  return ceilingMetricName(basis) === 'accuracy';
}
