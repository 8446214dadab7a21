import type { IsoCalendarDate, WorkingCalendar } from './calendar';
import type { MaturityLevel, PhaseKind } from './maturity-items';
import type { DurationPercentiles, PhaseDurationEstimate } from './phase-duration';

/** A milestone marks the end of its phase: its dates are the phase's P50 and P90 end dates. */
export interface RoadmapMilestone {
  /** Stable (generated: `<phase kind>.<name>`; added by hand: `<phase id>.m<n>`), used for .ics UIDs. */
  readonly id: string;
  readonly name: string;
}

/** The fields of a phase a person can edit; each edit is recorded so regeneration can respect it. */
export const EDITABLE_FIELDS = ['name', 'description', 'estimate', 'milestones', 'dependsOn'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** The values of the editable fields as the generator produced them. */
export interface GeneratedPhaseValues {
  readonly name: string;
  readonly description: string;
  readonly estimate: PhaseDurationEstimate;
  readonly milestones: readonly RoadmapMilestone[];
  readonly dependsOn: readonly string[];
}

/** A phase as planned: what the generator or a person decided, before dates are computed. */
export interface RoadmapPhasePlan extends GeneratedPhaseValues {
  /** Generated phases use their kind as id; phases added by hand get `custom-<n>`. */
  readonly id: string;
  readonly kind: PhaseKind | 'custom';
  /** The MLOps level the phase reaches, or null for a phase that reaches none. */
  readonly level: MaturityLevel | null;
  /** Ids of the assessment items this phase must close. */
  readonly closes: readonly string[];
  /** Fields changed by hand since generation; regeneration keeps them (and reports conflicts). */
  readonly edited: readonly EditableField[];
  /** The generator's values for this phase, or null for a phase added by hand. */
  readonly generated: GeneratedPhaseValues | null;
}

/**
 * When a phase runs. Durations are whole working days (the Beta-PERT quantiles rounded up); dates
 * are working days on the roadmap's calendar, `end` being the last working day of the phase.
 */
export interface PhaseSchedule {
  readonly durationP50: number;
  readonly durationP90: number;
  /** The phase starts when all its dependencies have finished (finish-to-start), P50 case. */
  readonly p50Start: IsoCalendarDate;
  readonly p50End: IsoCalendarDate;
  /** Start and end when the work before (and this phase) runs to its P90. */
  readonly p90Start: IsoCalendarDate;
  readonly p90End: IsoCalendarDate;
}

export interface RoadmapPhase extends RoadmapPhasePlan {
  readonly schedule: PhaseSchedule;
}

/** When the target quality is expected, from the tradeoff's time to target. */
export interface TargetQualityDates {
  readonly p50: IsoCalendarDate;
  readonly p90: IsoCalendarDate;
  /** The phase whose start the time to target counts from (`ml-baseline`), or null for the roadmap start. */
  readonly fromPhaseId: string | null;
}

/** Everything a roadmap is computed from. */
export interface RoadmapPlan {
  readonly startDate: IsoCalendarDate;
  readonly calendar: WorkingCalendar;
  readonly currentLevel: MaturityLevel;
  readonly targetLevel: MaturityLevel;
  readonly phases: readonly RoadmapPhasePlan[];
  /** Working days from the start of modeling (the ML baseline) to the target quality, when known. */
  readonly timeToTarget: DurationPercentiles | null;
  /** True once a person has reordered phases; regeneration then keeps their order. */
  readonly orderEdited: boolean;
  /** Generated phases a person removed; regeneration does not bring them back. */
  readonly removedPhaseIds: readonly string[];
  /** Incremented by every edit, so a store can refuse an edit made on a stale copy. */
  readonly revision: number;
}

export interface Roadmap extends Omit<RoadmapPlan, 'phases'> {
  readonly phases: readonly RoadmapPhase[];
  readonly targetQuality: TargetQualityDates | null;
  /** The end of the last phase, P50 and P90. */
  readonly end: { readonly p50: IsoCalendarDate; readonly p90: IsoCalendarDate };
}

export type RoadmapErrorCode =
  | 'empty_roadmap'
  | 'invalid_date'
  | 'no_working_days'
  | 'invalid_estimate'
  | 'invalid_time_to_target'
  | 'duplicate_id'
  | 'unknown_phase'
  | 'unknown_milestone'
  | 'unknown_dependency'
  | 'dependency_order'
  | 'empty_name'
  | 'invalid_index'
  | 'last_phase';

/** A refused roadmap or edit, with a message a person can read. */
export interface RoadmapError {
  readonly code: RoadmapErrorCode;
  readonly message: string;
  readonly phaseId?: string;
}
