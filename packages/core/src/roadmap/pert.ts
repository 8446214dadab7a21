/**
 * Three-point (PERT) duration estimates and their percentiles.
 *
 * Raisin uses the Beta-PERT distribution's exact quantiles, not the classic mean + z·sd shortcut: a
 * low / likely / high estimate (a ≤ m ≤ b) is the Beta distribution on [a, b] with shape parameters
 * α = 1 + 4(m − a)/(b − a) and β = 1 + 4(b − m)/(b − a) (Malcolm, Roseboom, Clark & Fazar 1959,
 * "Application of a technique for research and development program evaluation", Operations Research
 * 7(5); parameterisation as in Vose 2008, "Risk Analysis", §9.1.4), whose mean is the familiar
 * (a + 4m + b)/6. Exact quantiles stay inside [a, b], which mean + 1.28·sd does not when the likely
 * value sits near the high one.
 */
import { err, ok, type Result } from '../shared';

/** A low / likely / high estimate of a duration in working days. */
export interface PhaseDurationEstimate {
  readonly low: number;
  readonly likely: number;
  readonly high: number;
}

/** The P50 and P90 of a duration, in (fractional) working days. */
export interface DurationPercentiles {
  readonly p50: number;
  readonly p90: number;
}

export type EstimateError = {
  readonly code: 'invalid_estimate';
  readonly message: string;
};

/** Checks that an estimate is finite, non-negative and ordered low ≤ likely ≤ high. */
export function validateDurationEstimate(
  estimate: PhaseDurationEstimate,
  label = 'estimate',
): Result<PhaseDurationEstimate, EstimateError> {
  const { low, likely, high } = estimate;
  if (![low, likely, high].every((value) => Number.isFinite(value) && value >= 0)) {
    return err({
      code: 'invalid_estimate',
      message: `The ${label} must have finite, non-negative low, likely and high values.`,
    });
  }
  if (!(low <= likely && likely <= high)) {
    return err({
      code: 'invalid_estimate',
      message: `The ${label} must satisfy low ≤ likely ≤ high (got ${low}, ${likely}, ${high}).`,
    });
  }
  return ok(estimate);
}

/**
 * The `p`-quantile (0 < p < 1) of the Beta-PERT distribution of a low / likely / high estimate:
 * a + (b − a)·I⁻¹_p(α, β) with α = 1 + 4(m − a)/(b − a), β = 1 + 4(b − m)/(b − a), where I⁻¹ is the
 * inverse regularized incomplete beta function. A degenerate estimate (a = b) returns a.
 * The estimate must be valid (see `validateDurationEstimate`).
 *
 * @example
 * betaPertQuantile({ low: 2, likely: 5, high: 10 }, 0.9); // ≈ 7.3852 (scipy.stats.beta.ppf(0.9, 2.5, 3.5)·8 + 2)
 */
export function betaPertQuantile(estimate: PhaseDurationEstimate, p: number): number {
  const { low, likely, high } = estimate;
  const range = high - low;
  if (range === 0) return low;
  const alpha = 1 + (4 * (likely - low)) / range;
  const beta = 1 + (4 * (high - likely)) / range;
  return low + range * inverseRegularizedBeta(p, alpha, beta);
}

/** The P50 and P90 of a valid estimate's Beta-PERT distribution (see `betaPertQuantile`). */
export function durationPercentiles(estimate: PhaseDurationEstimate): DurationPercentiles {
  return { p50: betaPertQuantile(estimate, 0.5), p90: betaPertQuantile(estimate, 0.9) };
}

/** Inverse of I_x(a, b) in x by bisection: I is increasing in x, and 60 halvings reach 1e-18 on [0, 1]. */
function inverseRegularizedBeta(p: number, a: number, b: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (regularizedBeta(mid, a, b) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The regularized incomplete beta function I_x(a, b), by the continued fraction of Numerical Recipes
 * (Press et al. 2007, §6.4, `betai`/`betacf`, modified Lentz's method), using the symmetry
 * I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction converges fastest.
 */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  const front = Math.exp(logFront);
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

const LANCZOS = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
  12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
] as const;

/** ln Γ(z) for z > 0, Lanczos approximation (g = 7, n = 9), relative error below 1e-13. */
function logGamma(z: number): number {
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const zz = z - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] ?? 0) / (zz + i);
  const t = zz + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (zz + 0.5) * Math.log(t) - t + Math.log(sum);
}
