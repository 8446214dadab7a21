/**
 * What the roadmap takes from the other tabs: target-level inputs from the feasibility worksheet's
 * answers, phase estimates from the tradeoff's attack angles, and the default start date.
 */
import { formatIsoCalendarDate, type IsoCalendarDate, parseIsoCalendarDate } from './calendar';
import type { RoadmapEstimates } from './generate-roadmap';
import { MAX_PHASE_WORKING_DAYS, type PhaseDurationEstimate } from './phase-duration';
import type { RetrainingCadence, Severity, TargetLevelInputs } from './target-level';

/** Worksheet question ids (packages/core/src/worksheet/question-bank.ts) that bear on the target level. */
export const TARGET_LEVEL_QUESTIONS = {
  retrainingCadence: 'H.retraining-cadence',
  numberOfModels: 'H.model-count',
  costOfErrors: 'A.cost-of-errors',
} as const;

const CADENCES: readonly RetrainingCadence[] = [
  'never',
  'yearly',
  'quarterly',
  'monthly',
  'weekly',
  'daily',
  'continuous',
];

// The worksheet's four-step scale folds onto the target-level rule's three: both "high" (hurts customers
// or revenue) and "severe" (safety, legal, health) call for validation, monitoring and rollback.
const COST_OF_ERRORS: Readonly<Record<string, Severity>> = {
  low: 'low',
  moderate: 'medium',
  high: 'high',
  severe: 'high',
};

/** The value of a worksheet answer, stored either as `{ kind, value }` (worksheet `Answer`) or bare. */
function answerValue(answer: unknown): unknown {
  if (typeof answer === 'object' && answer !== null && 'value' in answer) return answer.value;
  return answer;
}

/**
 * Reads the target-level inputs from worksheet answers (question id → `Answer`): H.retraining-cadence,
 * H.model-count and A.cost-of-errors. Missing, cleared or unrecognised answers are left out, so they
 * propose no level (see `recommendTargetLevel`).
 *
 * @example
 * targetLevelInputsFromWorksheet({ 'H.retraining-cadence': { kind: 'single', value: 'weekly' } });
 * // { retrainingCadence: 'weekly' }
 */
export function targetLevelInputsFromWorksheet(
  answers: Readonly<Record<string, unknown>>,
): TargetLevelInputs {
  const cadence = answerValue(answers[TARGET_LEVEL_QUESTIONS.retrainingCadence]);
  const models = answerValue(answers[TARGET_LEVEL_QUESTIONS.numberOfModels]);
  const cost = answerValue(answers[TARGET_LEVEL_QUESTIONS.costOfErrors]);
  const retrainingCadence = CADENCES.find((candidate) => candidate === cadence);
  const costOfErrors = typeof cost === 'string' ? COST_OF_ERRORS[cost] : undefined;
  return {
    ...(retrainingCadence === undefined ? {} : { retrainingCadence }),
    ...(typeof models === 'number' && Number.isInteger(models) && models >= 0
      ? { numberOfModels: models }
      : {}),
    ...(costOfErrors === undefined ? {} : { costOfErrors }),
  };
}

/** The part of the tradeoff summary (`getTradeoffSummary` in `@raisin/db`) the roadmap uses; days are calendar days. */
export interface TradeoffEstimateSummary {
  readonly timeToTarget: { readonly p50Days: number; readonly p90Days: number } | null;
  readonly angles: ReadonlyArray<{ readonly name: string; readonly effortLikelyDays: number }>;
}

/** Working days per calendar day with a five-day week. */
export const WORKING_DAYS_PER_CALENDAR_DAY = 5 / 7;

/**
 * The spread put around a single likely effort: the tradeoff passes only the likely effort of each angle,
 * and people's "likely" is commonly off by ×/÷ 2 (the same ratio-scale uncertainty the tradeoff models in
 * log space), so the phase estimate is likely / 2 … likely × 2.
 */
export const SINGLE_POINT_SPREAD = 2;

function spreadEstimate(calendarDays: number): PhaseDurationEstimate {
  // At least one working day: a minutes-long angle (a keyword rule) still takes a day to ship; at most
  // what a phase may take, so an absurd angle (a million years) caps the phase instead of failing generation.
  const likely = Math.min(
    MAX_PHASE_WORKING_DAYS / SINGLE_POINT_SPREAD,
    Math.max(1, calendarDays * WORKING_DAYS_PER_CALENDAR_DAY),
  );
  return { low: likely / SINGLE_POINT_SPREAD, likely, high: likely * SINGLE_POINT_SPREAD };
}

/**
 * Phase estimates from the tradeoff: the cheapest attack angle (by likely effort) sizes "Heuristic in
 * production" and the next cheapest "ML baseline", each as likely / 2 … likely × 2 working days
 * (`SINGLE_POINT_SPREAD`, calendar days × 5/7); the time to target's P50/P90 become working days.
 * Angles with a non-finite or non-positive effort are ignored, longer ones cap at `MAX_PHASE_WORKING_DAYS`,
 * and a time to target beyond it is left out; without a summary the result is empty and the generator's
 * defaults apply.
 */
export function roadmapEstimatesFromTradeoff(summary: TradeoffEstimateSummary | null): RoadmapEstimates {
  if (summary === null) return {};
  const efforts = summary.angles
    .map((angle) => angle.effortLikelyDays)
    .filter((days) => Number.isFinite(days) && days > 0)
    .sort((a, b) => a - b);
  const [heuristic, baseline] = efforts;
  const time = summary.timeToTarget;
  const timeOk =
    time !== null && Number.isFinite(time.p50Days) && time.p50Days >= 0 && time.p90Days >= time.p50Days;
  return {
    ...(heuristic === undefined ? {} : { heuristic: spreadEstimate(heuristic) }),
    ...(baseline === undefined ? {} : { baseline: spreadEstimate(baseline) }),
    ...(timeOk && time.p90Days * WORKING_DAYS_PER_CALENDAR_DAY <= MAX_PHASE_WORKING_DAYS
      ? {
          timeToTarget: {
            p50: time.p50Days * WORKING_DAYS_PER_CALENDAR_DAY,
            p90: time.p90Days * WORKING_DAYS_PER_CALENDAR_DAY,
          },
        }
      : {}),
  };
}

/**
 * Whether a roadmap's stored time to target (working days, fixed when it was generated) is the one the
 * tradeoff gives now. When the estimates, target or ceiling changed since, the roadmap's target-quality
 * dates are stale: shown beside today's time to target they would contradict it until regeneration.
 */
export function roadmapTimeToTargetIsCurrent(
  stored: { readonly p50: number; readonly p90: number } | null,
  summary: TradeoffEstimateSummary | null,
): boolean {
  const current = roadmapEstimatesFromTradeoff(summary).timeToTarget ?? null;
  if (stored === null || current === null) return stored === current;
  // The simulation is seeded, so unchanged inputs give the same days; the slack absorbs JSON round trips.
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
  return close(stored.p50, current.p50) && close(stored.p90, current.p90);
}

/**
 * The Monday after `today` (strictly after: on a Monday it is a week later), the default start of a
 * roadmap so that work starts at the beginning of a week. Returns `null` when `today` is not a date.
 */
export function nextMonday(today: IsoCalendarDate): IsoCalendarDate | null {
  const day = parseIsoCalendarDate(today);
  if (day === null) return null;
  // 1970-01-01 (day 0) was a Thursday; Monday is weekday 1 in getUTCDay numbering.
  const weekday = (((day + 4) % 7) + 7) % 7;
  const ahead = (1 - weekday + 7) % 7 || 7;
  return formatIsoCalendarDate(day + ahead);
}
