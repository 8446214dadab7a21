// Order statistics for the Monte Carlo summaries.

/** Linear interpolation between order statistics of an ascending array (R's `quantile(type = 7)`). */
export function sortedQuantile(sorted: Float64Array, p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const lower = sorted[below] ?? Number.NaN;
  const upper = sorted[Math.min(below + 1, sorted.length - 1)] ?? Number.NaN;
  if (lower === upper) return lower;
  return lower + (upper - lower) * (position - below);
}

/**
 * Rearranges `values` so that `values[k]` is its k-th smallest element, everything before it ≤ and
 * everything after it ≥ (Hoare's FIND / quickselect, Hoare 1961, CACM 4(7), with a median-of-three
 * pivot): expected O(n), where sorting each of the band's 60 rows of 10,000 draws dominated the run.
 */
export function selectInPlace(values: Float64Array, k: number): void {
  let left = 0;
  let right = values.length - 1;
  const at = (i: number) => values[i] ?? 0;
  const swap = (i: number, j: number) => {
    const t = at(i);
    values[i] = at(j);
    values[j] = t;
  };
  while (right > left) {
    const middle = (left + right) >>> 1;
    if (at(middle) < at(left)) swap(middle, left);
    if (at(right) < at(left)) swap(right, left);
    if (at(right) < at(middle)) swap(right, middle);
    const pivot = at(middle);
    let i = left;
    let j = right;
    while (i <= j) {
      while (at(i) < pivot) i++;
      while (at(j) > pivot) j--;
      if (i <= j) {
        swap(i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

/** The p-quantile of `values` by R's type 7, without a full sort (the array is reordered). */
export function selectQuantile(values: Float64Array, p: number): number {
  const position = (values.length - 1) * p;
  const below = Math.floor(position);
  selectInPlace(values, below);
  const lower = values[below] ?? Number.NaN;
  if (below + 1 >= values.length || position === below) return lower;
  let upper = Number.POSITIVE_INFINITY;
  for (let i = below + 1; i < values.length; i++) upper = Math.min(upper, values[i] ?? upper);
  return lower + (upper - lower) * (position - below);
}

/** Count of values ≤ x in an ascending array (binary search). */
export function countAtMost(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? Number.POSITIVE_INFINITY) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
