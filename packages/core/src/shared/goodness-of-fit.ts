/**
 * Test-only: Pearson's chi-square goodness-of-fit test of observed counts against expected ones, for the
 * samplers' exactness tests. Not part of the public API.
 */

/**
 * The (1 − α) quantile of the chi-square distribution with k degrees of freedom, by Wilson & Hilferty's
 * (1931) cube-root normal approximation, accurate to about 1% of the value for k ≥ 3, which is all a
 * test threshold needs. `z` is the standard normal (1 − α) quantile.
 */
export function chiSquareCritical(degreesOfFreedom: number, z: number): number {
  const k = degreesOfFreedom;
  const h = 2 / (9 * k);
  return k * (1 - h + z * Math.sqrt(h)) ** 3;
}

/** z for α = 10⁻⁵: a correct sampler fails one check in 100,000, and every check here runs on a fixed seed. */
export const Z_ONE_IN_100_000 = 4.265;

/**
 * Pearson's statistic over cells pooled from the left until each pooled cell expects at least 5 (the
 * usual validity rule); returns it with its degrees of freedom (cells − 1).
 */
export function chiSquare(
  observed: readonly number[],
  expected: readonly number[],
): { statistic: number; degreesOfFreedom: number } {
  let statistic = 0;
  let cells = 0;
  let o = 0;
  let e = 0;
  expected.forEach((value, k) => {
    o += observed[k] ?? 0;
    e += value;
    if (e >= 5) {
      statistic += ((o - e) * (o - e)) / e;
      cells++;
      o = 0;
      e = 0;
    }
  });
  if (e > 0 && cells > 0) statistic += ((o - e) * (o - e)) / e;
  return { statistic, degreesOfFreedom: Math.max(1, cells - 1) };
}

/** Whether the counts pass the chi-square test at α = 10⁻⁵. */
export function fitsDistribution(observed: readonly number[], expected: readonly number[]): boolean {
  const { statistic, degreesOfFreedom } = chiSquare(observed, expected);
  return statistic <= chiSquareCritical(degreesOfFreedom, Z_ONE_IN_100_000);
}
