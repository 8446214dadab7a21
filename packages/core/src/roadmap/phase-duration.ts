/**
 * Three-point (PERT) phase durations and their P50 / P90.
 *
 * A low / likely / high estimate in working days is the Beta-PERT distribution on [low, high]; its exact
 * quantiles come from the tradeoff module (`pertQuantile`, the one place Raisin implements Beta-PERT),
 * not from the classic mean + z·sd shortcut, so they stay inside [low, high] even when the likely value
 * sits near the high one.
 */
import { err, ok, type Result } from '../shared';
import { pertQuantile, type ThreePointEstimate } from '../tradeoff/pert';

/** A low / likely / high estimate of a duration in working days. */
export type PhaseDurationEstimate = ThreePointEstimate;

/** The P50 and P90 of a duration, in (fractional) working days. */
export interface DurationPercentiles {
  readonly p50: number;
  readonly p90: number;
}

export type EstimateError = {
  readonly code: 'invalid_estimate';
  readonly message: string;
};

/**
 * The longest phase a roadmap plans, in working days (about ten years). Scheduling walks the calendar day
 * by day, so an unbounded estimate (a tradeoff angle of a million years) would exhaust memory, not just
 * look odd.
 */
export const MAX_PHASE_WORKING_DAYS = 2_600;

/** Checks that an estimate is finite, non-negative, ordered low ≤ likely ≤ high and at most `MAX_PHASE_WORKING_DAYS`. */
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
  if (high > MAX_PHASE_WORKING_DAYS) {
    return err({
      code: 'invalid_estimate',
      message: `The ${label} must be at most ${MAX_PHASE_WORKING_DAYS} working days (got ${high}).`,
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
 * The P50 and P90 of a valid estimate's Beta-PERT distribution (λ = 4; Malcolm et al. 1959, Vose 2008
 * §III.7): `pertQuantile(estimate, 0.5)` and `pertQuantile(estimate, 0.9)`. A degenerate estimate
 * (low = high) gives low for both.
 *
 * @example
 * durationPercentiles({ low: 2, likely: 5, high: 10 }); // ≈ { p50: 5.2548, p90: 7.3852 }
 */
export function durationPercentiles(estimate: PhaseDurationEstimate): DurationPercentiles {
  return { p50: pertQuantile(estimate, 0.5), p90: pertQuantile(estimate, 0.9) };
}
