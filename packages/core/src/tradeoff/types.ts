import type { Duration, DurationUnit } from './durations';
import type { ThreePointEstimate } from './pert';

/** An effort estimate in calendar time, each value in the unit the user chose. */
export interface EffortEstimate {
  readonly low: Duration;
  readonly likely: Duration;
  readonly high: Duration;
}

/** A cost rate: `amount` per one `per` of calendar time (e.g. 40,000 per month). */
export interface CostRate {
  readonly amount: number;
  readonly per: DurationUnit;
}

/** A way to attack the problem (a keyword rule, an off-the-shelf API, a fine-tuned model, …) with its estimates. */
export interface AttackAngle {
  readonly id: string;
  readonly name: string;
  readonly effort: EffortEstimate;
  /** Expected quality in the project's metric. */
  readonly quality: ThreePointEstimate;
  /** This angle's cost per unit of time, when it differs from the team's (e.g. a contractor). */
  readonly costRate?: CostRate;
  /** One-off cost on top of effort (licences, labelling budget). */
  readonly fixedCost?: number;
  readonly riskNotes?: string;
}

/** A quality measured after some effort was spent: it anchors the curve. */
export interface MeasuredPoint {
  readonly effort: Duration;
  readonly quality: number;
  readonly label?: string;
}
