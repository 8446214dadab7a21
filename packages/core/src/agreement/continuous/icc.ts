import { betaQuantile } from '../../tradeoff/beta-distribution';
import { buildItemIndex, type ItemIndex } from '../item-index';
import type { EncodedSample, IccForm, Interval } from '../types';

/** The six intraclass correlations of Shrout & Fleiss (1979), named as McGraw & Wong (1996) do. */
export const ICC_FORMS = [
  'ICC(1,1)',
  'ICC(A,1)',
  'ICC(C,1)',
  'ICC(1,k)',
  'ICC(A,k)',
  'ICC(C,k)',
] as const satisfies readonly IccForm[];

export interface IccResult {
  readonly values: Readonly<Record<IccForm, number>>;
  /** F-based confidence intervals per form; a bound is NaN when its F quantile is undefined. */
  readonly intervals: Readonly<Record<IccForm, Interval>>;
  /** Targets (items) and raters (annotators) of the complete matrix. */
  readonly items: number;
  readonly raters: number;
}

/**
 * The items every annotator rated, as an n × k row-major matrix of their numeric values, in item order.
 * Read through the item index, so a sample in shuffled row order is read in sequence, not by scattered loads.
 */
export function completeRatings(
  sample: EncodedSample,
  index: ItemIndex = buildItemIndex(sample),
): {
  readonly matrix: Float64Array;
  readonly items: number;
  readonly raters: number;
} {
  const values = sample.categoryValues;
  const k = sample.annotators.length;
  if (values === null || k < 2) return { matrix: new Float64Array(0), items: 0, raters: k };
  const { itemStart, annotatorAt, categoryAt } = index;
  const itemCount = itemStart.length - 1;
  // One label per (item, annotator), so an item every annotator rated has k labels.
  let rows = 0;
  for (let i = 0; i < itemCount; i++) if ((itemStart[i + 1] ?? 0) - (itemStart[i] ?? 0) === k) rows++;
  const matrix = new Float64Array(rows * k);
  let row = 0;
  for (let i = 0; i < itemCount; i++) {
    const start = itemStart[i] ?? 0;
    const end = itemStart[i + 1] ?? 0;
    if (end - start !== k) continue;
    for (let j = start; j < end; j++) {
      matrix[row * k + (annotatorAt[j] ?? 0)] = values[categoryAt[j] ?? 0] ?? Number.NaN;
    }
    row++;
  }
  return { matrix, items: rows, raters: k };
}

/**
 * The p-quantile of Snedecor's F(d1, d2), R's `qf(p, d1, d2)`: if B ~ Beta(d1/2, d2/2) then
 * d2·B / (d1·(1 − B)) ~ F(d1, d2) (Johnson, Kotz & Balakrishnan 1995, ch. 27).
 */
export function fQuantile(p: number, d1: number, d2: number): number {
  if (!(d1 > 0 && d2 > 0)) return Number.NaN;
  const b = betaQuantile(p, d1 / 2, d2 / 2);
  return (d2 * b) / (d1 * (1 - b));
}

/**
 * The six ICCs of an n × k matrix (n targets rated by the same k raters), from the two-way ANOVA mean
 * squares: MSR (between targets), MSC (between raters), MSE (residual) and MSW (within targets)
 * (Shrout & Fleiss 1979; McGraw & Wong 1996, Table 4):
 * - ICC(1,1) = (MSR − MSW) / (MSR + (k−1)·MSW); ICC(1,k) = (MSR − MSW) / MSR
 * - ICC(A,1) = (MSR − MSE) / (MSR + (k−1)·MSE + k·(MSC − MSE)/n); ICC(A,k) = (MSR − MSE) / (MSR + (MSC − MSE)/n)
 * - ICC(C,1) = (MSR − MSE) / (MSR + (k−1)·MSE); ICC(C,k) = (MSR − MSE) / MSR
 * Intervals: the F-based bounds of McGraw & Wong (1996, Table 7) as R `psych::ICC` and pingouin compute
 * them: F = MSR/MSW (one-way) or MSR/MSE (consistency), and for absolute agreement Satterthwaite's degrees
 * of freedom v, with the average-rater bounds of ICC(A,k) from the single-rater ones by Spearman–Brown.
 * `null` with fewer than 2 targets or 2 raters.
 *
 * @example
 * // Shrout & Fleiss (1979), Table 2: 6 targets × 4 judges
 * computeIcc(matrix, 6, 4, 0.95)?.values['ICC(C,1)']; // 0.714…
 */
export function computeIcc(matrix: Float64Array, n: number, k: number, confidence: number): IccResult | null {
  if (n < 2 || k < 2) return null;
  let grand = 0;
  for (const value of matrix) grand += value;
  grand /= n * k;
  const rowMeans = new Float64Array(n);
  const columnMeans = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) {
      const value = matrix[i * k + j] ?? 0;
      rowMeans[i] = (rowMeans[i] ?? 0) + value / k;
      columnMeans[j] = (columnMeans[j] ?? 0) + value / n;
      total += (value - grand) ** 2;
    }
  }
  let rowsSum = 0;
  for (const mean of rowMeans) rowsSum += (mean - grand) ** 2;
  let columnsSum = 0;
  for (const mean of columnMeans) columnsSum += (mean - grand) ** 2;
  const ssr = k * rowsSum;
  const ssc = n * columnsSum;
  const msr = ssr / (n - 1);
  const msc = ssc / (k - 1);
  const mse = (total - ssr - ssc) / ((n - 1) * (k - 1));
  const msw = (total - ssr) / (n * (k - 1));

  const icc1 = (msr - msw) / (msr + (k - 1) * msw);
  const iccA = (msr - mse) / (msr + (k - 1) * mse + (k * (msc - mse)) / n);
  const iccC = (msr - mse) / (msr + (k - 1) * mse);
  const icc1k = (msr - msw) / msr;
  const iccAk = (msr - mse) / (msr + (msc - mse) / n);
  const iccCk = (msr - mse) / msr;

  const q = 1 - (1 - confidence) / 2;
  // One-way: F = MSR / MSW on (n − 1, n(k − 1)).
  const f1 = msr / msw;
  const f1Lower = f1 / fQuantile(q, n - 1, n * (k - 1));
  const f1Upper = f1 * fQuantile(q, n * (k - 1), n - 1);
  // Consistency: F = MSR / MSE on (n − 1, (n − 1)(k − 1)).
  const fC = msr / mse;
  const fCLower = fC / fQuantile(q, n - 1, (n - 1) * (k - 1));
  const fCUpper = fC * fQuantile(q, (n - 1) * (k - 1), n - 1);
  // Absolute agreement: Satterthwaite's v (McGraw & Wong 1996, Table 7, case 2A).
  const fJ = msc / mse;
  const a = k * iccA * fJ + n * (1 + (k - 1) * iccA) - k * iccA;
  const v =
    ((k - 1) * (n - 1) * a ** 2) /
    ((n - 1) * k ** 2 * iccA ** 2 * fJ ** 2 + (n * (1 + (k - 1) * iccA) - k * iccA) ** 2);
  const fAUpper = fQuantile(q, n - 1, v);
  const fALower = fQuantile(q, v, n - 1);
  const spread = k * msc + (k * n - k - n) * mse;
  const lowerA = (n * (msr - fAUpper * mse)) / (fAUpper * spread + n * msr);
  const upperA = (n * (fALower * msr - mse)) / (spread + n * fALower * msr);
  const spearmanBrown = (r: number) => (k * r) / (1 + (k - 1) * r);

  return {
    values: {
      'ICC(1,1)': icc1,
      'ICC(A,1)': iccA,
      'ICC(C,1)': iccC,
      'ICC(1,k)': icc1k,
      'ICC(A,k)': iccAk,
      'ICC(C,k)': iccCk,
    },
    intervals: {
      'ICC(1,1)': [(f1Lower - 1) / (f1Lower + k - 1), (f1Upper - 1) / (f1Upper + k - 1)],
      'ICC(A,1)': [lowerA, upperA],
      'ICC(C,1)': [(fCLower - 1) / (fCLower + k - 1), (fCUpper - 1) / (fCUpper + k - 1)],
      'ICC(1,k)': [1 - 1 / f1Lower, 1 - 1 / f1Upper],
      'ICC(A,k)': [spearmanBrown(lowerA), spearmanBrown(upperA)],
      'ICC(C,k)': [1 - 1 / fCLower, 1 - 1 / fCUpper],
    },
    items: n,
    raters: k,
  };
}
