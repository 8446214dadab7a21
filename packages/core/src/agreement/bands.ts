import type { AlphaBand, KappaBand } from './types';

/**
 * Landis & Koch (1977, "The measurement of observer agreement for categorical data", Biometrics 33:159)
 * benchmarks for kappa-like coefficients: < 0 poor, ≤ .20 slight, ≤ .40 fair, ≤ .60 moderate,
 * ≤ .80 substantial, above almost perfect.
 *
 * @example kappaBand(0.43) // 'moderate'
 */
export function kappaBand(value: number): KappaBand {
  if (value < 0) return 'poor';
  if (value <= 0.2) return 'slight';
  if (value <= 0.4) return 'fair';
  if (value <= 0.6) return 'moderate';
  if (value <= 0.8) return 'substantial';
  return 'almost perfect';
}

/**
 * Krippendorff's (2004, "Content Analysis", §11.4.4) thresholds for α: ≥ .800 reliable, ≥ .667 tentative
 * (conclusions only), below that unreliable.
 *
 * @example alphaBand(0.743) // 'tentative'
 */
export function alphaBand(value: number): AlphaBand {
  if (value >= 0.8) return 'reliable';
  if (value >= 0.667) return 'tentative';
  return 'unreliable';
}
