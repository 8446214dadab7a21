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

/**
 * The published scale a coefficient's band is read on: Krippendorff's for α, Landis–Koch's for the κ
 * family (κ, π, AC1, Brennan–Prediger). The two disagree on the same number (0.70 is "tentative" on one,
 * "substantial" on the other), so every band is printed with its scale.
 */
export type BandScale = "Krippendorff's" | "Landis–Koch's";

/** The scale of the band of the coefficient `key` (`krippendorffAlpha.nominal`, `alpha`, `cohenKappa`…). */
export function bandScaleOf(key: string): BandScale {
  return key === 'alpha' || key.startsWith('krippendorffAlpha') ? "Krippendorff's" : "Landis–Koch's";
}

/**
 * A band as exports print it, naming its scale: "tentative (Krippendorff's scale)".
 *
 * @example describeBand('substantial', "Landis–Koch's") // "substantial (Landis–Koch's scale)"
 */
export function describeBand(band: string, scale: BandScale): string {
  return `${band} (${scale} scale)`;
}
