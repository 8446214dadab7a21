import { finiteOrNull } from '../framing-result';
import type { EncodedSample, PairwiseAgreement } from '../types';

/**
 * The pairwise block (docs/product.md, "pairwise") over canonical comparisons (labels `first`, `second`,
 * `tie`): the number of comparisons, the share of answers that are ties, and percent agreement (Fleiss'
 * P̄, as `percentAgreement`) over the answers that are not ties, on comparisons that keep two of them.
 */
export function computePairwise(sample: EncodedSample): PairwiseAgreement {
  const tie = sample.categories.indexOf('tie');
  const { itemOf, categoryOf } = sample;
  const C = sample.categories.length;
  const counts = new Int32Array(sample.items.length * C);
  let ties = 0;
  for (let a = 0; a < categoryOf.length; a++) {
    const c = categoryOf[a] ?? 0;
    if (c === tie) {
      ties++;
      continue;
    }
    const at = (itemOf[a] ?? 0) * C + c;
    counts[at] = (counts[at] ?? 0) + 1;
  }
  let total = 0;
  let pairable = 0;
  for (let i = 0; i < sample.items.length; i++) {
    let m = 0;
    let agreeing = 0;
    for (let c = 0; c < C; c++) {
      const n = counts[i * C + c] ?? 0;
      m += n;
      agreeing += n * (n - 1);
    }
    if (m < 2) continue;
    total += agreeing / (m * (m - 1));
    pairable++;
  }
  return {
    comparisons: sample.items.length,
    tieShare: categoryOf.length > 0 ? ties / categoryOf.length : 0,
    agreementWithoutTies: pairable > 0 ? finiteOrNull(total / pairable) : null,
  };
}
