import type { Random } from '../shared';
import { betaQuantile, sampleBeta } from './beta-distribution';

/** A three-point estimate: the lowest plausible, the most likely and the highest plausible value. */
export interface ThreePointEstimate {
  readonly low: number;
  readonly likely: number;
  readonly high: number;
}

/**
 * Weight of the mode in the Beta-PERT distribution. 4 is the classic PERT value (Malcolm, Roseboom,
 * Clark & Fazar 1959, "Application of a technique for research and development program evaluation",
 * Operations Research 7(5)), giving the familiar mean (low + 4·likely + high) / 6.
 */
export const PERT_LAMBDA = 4;

/** The Beta-PERT distribution as a scaled Beta(alpha, beta) on [min, max]. */
export interface PertShape {
  readonly min: number;
  readonly max: number;
  readonly alpha: number;
  readonly beta: number;
}

/**
 * The Beta-PERT distribution of an estimate (Vose 2008, Risk Analysis, 3rd ed., §III.7 "PERT"):
 * low + (high − low) · Beta(α, β) with α = 1 + λ (likely − low) / (high − low) and
 * β = 1 + λ (high − likely) / (high − low). When low = high the distribution is a point mass (α = β = 1
 * on a zero-width range), so every function here returns `low`.
 */
export function pertShape(estimate: ThreePointEstimate, lambda = PERT_LAMBDA): PertShape {
  const { low, likely, high } = estimate;
  const range = high - low;
  if (!(range > 0)) return { min: low, max: low, alpha: 1, beta: 1 };
  return {
    min: low,
    max: high,
    alpha: 1 + (lambda * (likely - low)) / range,
    beta: 1 + (lambda * (high - likely)) / range,
  };
}

/** Beta-PERT mean: (low + λ·likely + high) / (λ + 2), i.e. (low + 4·likely + high) / 6 for λ = 4 (Vose 2008). */
export function pertMean(estimate: ThreePointEstimate, lambda = PERT_LAMBDA): number {
  return (estimate.low + lambda * estimate.likely + estimate.high) / (lambda + 2);
}

/**
 * Beta-PERT variance: (μ − low)(high − μ) / (λ + 3), the exact variance of the scaled Beta (Vose 2008);
 * the textbook shortcut ((high − low) / 6)² is its value only when likely is the midpoint.
 */
export function pertVariance(estimate: ThreePointEstimate, lambda = PERT_LAMBDA): number {
  const mean = pertMean(estimate, lambda);
  return ((mean - estimate.low) * (estimate.high - mean)) / (lambda + 3);
}

/** √ of `pertVariance`. */
export function pertStandardDeviation(estimate: ThreePointEstimate, lambda = PERT_LAMBDA): number {
  return Math.sqrt(pertVariance(estimate, lambda));
}

/** The p-quantile of the Beta-PERT distribution: low + (high − low) · qbeta(p, α, β). */
export function pertQuantile(estimate: ThreePointEstimate, p: number, lambda = PERT_LAMBDA): number {
  const shape = pertShape(estimate, lambda);
  if (shape.max === shape.min) return shape.min;
  return shape.min + (shape.max - shape.min) * betaQuantile(p, shape.alpha, shape.beta);
}

/** One draw from a Beta-PERT shape (Beta through two Gamma draws, Marsaglia–Tsang; see `sampleBeta`). */
export function samplePertShape(shape: PertShape, random: Random): number {
  if (shape.max === shape.min) return shape.min;
  return shape.min + (shape.max - shape.min) * sampleBeta(shape.alpha, shape.beta, random);
}

/** One draw from the Beta-PERT distribution of `estimate`. */
export function samplePert(estimate: ThreePointEstimate, random: Random, lambda = PERT_LAMBDA): number {
  return samplePertShape(pertShape(estimate, lambda), random);
}

/*
 * Efforts are modelled in log space: ln(effort) ~ Beta-PERT(ln low, ln likely, ln high). People estimate
 * efforts that span orders of magnitude as ratios ("a week, could be 3 days or a month": ×/÷ about 3-4),
 * not as differences; in linear days that estimate would be strongly skewed, its mean dragged toward the
 * high value and its low tail squeezed against zero. In log space the same estimate is nearly symmetric,
 * every draw is positive, and the curve is fitted in log-time anyway, so the effort's uncertainty enters
 * the fit on the scale the fit works on. Quality is bounded and estimated additively, so it stays linear.
 */

/** The estimate in natural-log units, the scale on which effort is modelled. Every value must be > 0. */
export function logEstimate(estimate: ThreePointEstimate): ThreePointEstimate {
  return { low: Math.log(estimate.low), likely: Math.log(estimate.likely), high: Math.log(estimate.high) };
}

/** The PERT shape of ln(effort) for an effort estimate (all values > 0, e.g. in days). */
export function effortShape(estimate: ThreePointEstimate, lambda = PERT_LAMBDA): PertShape {
  return pertShape(logEstimate(estimate), lambda);
}

/** The p-quantile of an effort estimate under the log-space model: exp(pertQuantile(ln estimate, p)). */
export function effortQuantile(estimate: ThreePointEstimate, p: number, lambda = PERT_LAMBDA): number {
  return Math.exp(pertQuantile(logEstimate(estimate), p, lambda));
}

/** One effort draw under the log-space model: exp(Beta-PERT draw of ln effort). */
export function sampleEffort(estimate: ThreePointEstimate, random: Random, lambda = PERT_LAMBDA): number {
  return Math.exp(samplePertShape(effortShape(estimate, lambda), random));
}
