/**
 * Dates for a planned roadmap: durations from the Beta-PERT quantiles, finish-to-start dependencies,
 * the team's working calendar.
 */
import { err, ok, type Result } from '../shared';
import {
  type CompiledCalendar,
  createWorkingCalendar,
  formatIsoCalendarDate,
  type IsoCalendarDate,
  parseIsoCalendarDate,
  rollForwardDayNumber,
} from './calendar';
import { durationPercentiles, MAX_PHASE_WORKING_DAYS, validateDurationEstimate } from './phase-duration';
import type {
  PhaseSchedule,
  Roadmap,
  RoadmapError,
  RoadmapPhase,
  RoadmapPlan,
  TargetQualityDates,
} from './types';

/** Guards the rounding up of quantiles that are integers up to floating-point noise (5.0000000001). */
const ROUNDING_SLACK = 1e-9;
const MIN_PHASE_WORKING_DAYS = 1;

interface Offsets {
  /** Working-day index (0 = the first working day on or after the start date) where the phase starts, P50. */
  readonly start50: number;
  /** Index just past the phase's last working day, P50. */
  readonly end50: number;
  readonly start90: number;
  readonly end90: number;
  /** Sum of squared P90 − P50 buffers along the path that sets `end90`. */
  readonly bufferSquares: number;
}

/**
 * Computes every phase's dates and the target-quality dates of a plan.
 *
 * Per phase, the P50 and P90 durations are the Beta-PERT quantiles of its estimate rounded up to whole
 * working days (see `durationPercentiles`). P50 dates chain P50 durations: a phase starts on the working
 * day after its last dependency ends (finish-to-start). P90 dates do not chain P90 durations, which
 * would assume every phase runs late at once; the P90 end of a phase is its P50 end plus the
 * root-sum-square of the P90 − P50 buffers along its path, the "square root of the sum of the squares"
 * buffer of critical chain scheduling (Leach, "Critical Chain Project Management", 2nd ed. 2005, ch. 6),
 * which equals the normal approximation of the path's P90 when each buffer is its phase's 1.28·sd. Where
 * dependencies merge the path with the latest P90 end wins. The P90 start is the latest P90 end of the
 * dependencies. So P50 ≤ P90 for every date, and P90 end ≥ P90 start + P50 duration.
 *
 * The plan must list dependencies before the phases that depend on them.
 */
export function scheduleRoadmap(plan: RoadmapPlan): Result<Roadmap, RoadmapError> {
  if (plan.phases.length === 0) {
    return err({ code: 'empty_roadmap', message: 'A roadmap needs at least one phase.' });
  }
  const compiled = createWorkingCalendar(plan.calendar);
  if (!compiled.ok) return err({ code: compiled.error.code, message: compiled.error.message });
  const startDay = parseIsoCalendarDate(plan.startDate);
  if (startDay === null) {
    return err({
      code: 'invalid_date',
      message: `The start date "${plan.startDate}" is not a YYYY-MM-DD date.`,
    });
  }
  const timeToTarget = plan.timeToTarget;
  if (
    timeToTarget !== null &&
    !(
      Number.isFinite(timeToTarget.p50) &&
      timeToTarget.p50 >= 0 &&
      timeToTarget.p90 >= timeToTarget.p50 &&
      timeToTarget.p90 <= MAX_PHASE_WORKING_DAYS
    )
  ) {
    return err({
      code: 'invalid_time_to_target',
      message: `The time to target must have a non-negative P50 and a P90 at least as large, at most ${MAX_PHASE_WORKING_DAYS} working days.`,
    });
  }

  const days = createWorkingDayIndex(compiled.value, startDay);
  const offsets = new Map<string, Offsets>();
  const phases: RoadmapPhase[] = [];
  for (const phase of plan.phases) {
    if (offsets.has(phase.id)) {
      return err({
        code: 'duplicate_id',
        message: `Two phases have the id "${phase.id}".`,
        phaseId: phase.id,
      });
    }
    const estimate = validateDurationEstimate(phase.estimate, `estimate of "${phase.name}"`);
    if (!estimate.ok) return err({ ...estimate.error, phaseId: phase.id });
    const quantiles = durationPercentiles(estimate.value);
    // Every phase occupies at least one working day: a zero-length phase would end before it starts,
    // and even a one-minute rule takes a day to ship and review.
    const d50 = Math.max(MIN_PHASE_WORKING_DAYS, Math.ceil(quantiles.p50 - ROUNDING_SLACK));
    const d90 = Math.max(d50, Math.ceil(quantiles.p90 - ROUNDING_SLACK));
    const buffer = d90 - d50;

    let start50 = 0;
    let start90 = 0;
    // With no dependency, the phase's own P90 duration is the path.
    let best = { end: d50 + buffer, squares: buffer * buffer };
    for (const dependencyId of phase.dependsOn) {
      const dependency = offsets.get(dependencyId);
      if (dependency === undefined) {
        const known = plan.phases.some((other) => other.id === dependencyId);
        return err({
          code: known ? 'dependency_order' : 'unknown_dependency',
          message: known
            ? `"${phase.name}" depends on "${dependencyId}", which comes after it.`
            : `"${phase.name}" depends on "${dependencyId}", which is not a phase of this roadmap.`,
          phaseId: phase.id,
        });
      }
      start50 = Math.max(start50, dependency.end50);
      start90 = Math.max(start90, dependency.end90);
      const squares = dependency.bufferSquares + buffer * buffer;
      const end = dependency.end50 + d50 + Math.sqrt(squares);
      if (end > best.end) best = { end, squares };
    }
    const end50 = start50 + d50;
    // The phase's own buffer on top of its P50 end covers dependencies that finish early.
    if (end50 + buffer > best.end) best = { end: end50 + buffer, squares: buffer * buffer };
    const end90 = Math.max(end50, Math.ceil(best.end - ROUNDING_SLACK));
    offsets.set(phase.id, { start50, end50, start90, end90, bufferSquares: best.squares });

    const schedule: PhaseSchedule = {
      durationP50: d50,
      durationP90: d90,
      p50Start: days.dateAt(start50),
      p50End: days.lastDayBefore(start50, end50),
      p90Start: days.dateAt(start90),
      p90End: days.lastDayBefore(start90, end90),
    };
    phases.push({ ...phase, schedule });
  }

  const all = [...offsets.values()];
  const lastEnd50 = Math.max(...all.map((offset) => offset.end50));
  const lastEnd90 = Math.max(...all.map((offset) => offset.end90));

  return ok({
    ...plan,
    phases,
    targetQuality: timeToTarget === null ? null : targetQualityDates(plan, offsets, days, timeToTarget),
    end: { p50: days.lastDayBefore(0, lastEnd50), p90: days.lastDayBefore(0, lastEnd90) },
  });
}

/**
 * The time to target counts from the P50 start of the ML baseline (modeling starts there), or from the
 * roadmap start when there is no such phase; its P90 combines the start's buffer and the time to
 * target's own P90 − P50 by root-sum-square, as for phases.
 */
function targetQualityDates(
  plan: RoadmapPlan,
  offsets: ReadonlyMap<string, Offsets>,
  days: WorkingDayIndex,
  timeToTarget: { readonly p50: number; readonly p90: number },
): TargetQualityDates {
  const baseline = plan.phases.find((phase) => phase.kind === 'ml-baseline');
  const anchor = baseline === undefined ? undefined : offsets.get(baseline.id);
  const start50 = anchor?.start50 ?? 0;
  const startBuffer = anchor === undefined ? 0 : anchor.start90 - anchor.start50;
  const end50 = start50 + Math.ceil(timeToTarget.p50 - ROUNDING_SLACK);
  const spread = timeToTarget.p90 - timeToTarget.p50;
  const end90 = Math.max(
    end50,
    Math.ceil(start50 + timeToTarget.p50 + Math.hypot(startBuffer, spread) - ROUNDING_SLACK),
  );
  return {
    p50: days.lastDayBefore(start50, end50),
    p90: days.lastDayBefore(start50, end90),
    fromPhaseId: baseline?.id ?? null,
  };
}

interface WorkingDayIndex {
  /** The date of working day number `index` (0 = the first working day on or after the start date). */
  dateAt(index: number): IsoCalendarDate;
  /** The last working day before index `end`, or the date at `start` for an empty span. */
  lastDayBefore(start: number, end: number): IsoCalendarDate;
}

/** Working days in order from the start, extended lazily, so a roadmap walks the calendar once. */
function createWorkingDayIndex(calendar: CompiledCalendar, startDay: number): WorkingDayIndex {
  const dayNumbers: number[] = [rollForwardDayNumber(calendar, startDay)];
  const dayNumberAt = (index: number): number => {
    while (dayNumbers.length <= index) {
      const previous = dayNumbers[dayNumbers.length - 1] ?? startDay;
      dayNumbers.push(rollForwardDayNumber(calendar, previous + 1));
    }
    return dayNumbers[index] ?? startDay;
  };
  const dateAt = (index: number): IsoCalendarDate => formatIsoCalendarDate(dayNumberAt(index));
  return {
    dateAt,
    lastDayBefore: (start, end) => (end > start ? dateAt(end - 1) : dateAt(start)),
  };
}
