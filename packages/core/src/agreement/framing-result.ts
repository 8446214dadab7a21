import type { HumanCeilingMetric } from './framing';
import type { AgreementWarning, HumanCeiling } from './types';

/** What a framing's scorer returns to the dispatcher: its block, its ceiling and why values are missing. */
export interface FramingResult<Block> {
  readonly block: Block;
  readonly ceiling: HumanCeiling | null;
  readonly metric: HumanCeilingMetric;
  readonly warnings: readonly AgreementWarning[];
}

/** Options every framing's scorer reads (resolved by the dispatcher). */
export interface FramingOptions {
  readonly resamples: number;
  readonly seed: number;
  readonly confidence: number;
}

/** `value` when finite, else `null` (the report never holds NaN). */
export function finiteOrNull(value: number | undefined): number | null {
  return value !== undefined && Number.isFinite(value) ? value : null;
}
