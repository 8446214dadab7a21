/**
 * Generating a roadmap from the maturity assessment and the tradeoff's estimates.
 *
 * Phases follow the order a project goes through, after Google Cloud's "MLOps: Continuous delivery and
 * automation pipelines in machine learning" (levels 0, 1, 2) and the advice to launch a heuristic first:
 * heuristic in production → ML baseline → first production model (level 0) → pipeline automation and
 * continuous training (level 1) → CI/CD of pipelines (level 2).
 */
import { err, type Result } from '../shared';
import type { IsoCalendarDate, WorkingCalendar } from './calendar';
import {
  MATURITY_ITEMS,
  type MaturityAnswers,
  type MaturityItem,
  type MaturityLevel,
  PHASE_KINDS,
  type PhaseKind,
  unsatisfiedItems,
} from './maturity-items';
import type { DurationPercentiles, PhaseDurationEstimate } from './phase-duration';
import { scheduleRoadmap } from './schedule';
import type { Roadmap, RoadmapError, RoadmapMilestone, RoadmapPhasePlan } from './types';

/**
 * Durations in working days. The tradeoff's effort of the heuristic angle and of the baseline feed the
 * first two phases; the time to target (P50/P90 working days from the start of modeling) dates the
 * target quality.
 */
export interface RoadmapEstimates {
  readonly heuristic?: PhaseDurationEstimate;
  readonly baseline?: PhaseDurationEstimate;
  readonly firstProductionModel?: PhaseDurationEstimate;
  readonly pipelineAutomation?: PhaseDurationEstimate;
  readonly pipelineCicd?: PhaseDurationEstimate;
  readonly timeToTarget?: DurationPercentiles;
}

export interface GenerateRoadmapInput {
  /** The first day of work; a weekend or holiday start moves to the next working day. */
  readonly startDate: IsoCalendarDate;
  readonly currentLevel: MaturityLevel;
  readonly targetLevel: MaturityLevel;
  readonly estimates?: RoadmapEstimates;
  readonly calendar?: WorkingCalendar;
  /** Self-assessment answers: phases then close exactly the unsatisfied items up to the target level. */
  readonly answers?: MaturityAnswers;
  /** Project phases already done (e.g. a heuristic already live), which the roadmap leaves out. */
  readonly completedPhases?: readonly PhaseKind[];
}

/**
 * Working-day estimates used when the tradeoff gives none. Rules of thumb, not measurements: a
 * heuristic is days of work, a baseline about two weeks, hardening a first model for production about
 * six weeks, and each MLOps level about two months for a small team (Google Cloud's levels are
 * described as team-quarters of platform work; these are deliberately wide, so P90 shows the risk).
 */
export const DEFAULT_PHASE_ESTIMATES: Readonly<Record<PhaseKind, PhaseDurationEstimate>> = {
  heuristic: { low: 2, likely: 5, high: 10 },
  'ml-baseline': { low: 5, likely: 10, high: 20 },
  'first-production-model': { low: 15, likely: 30, high: 60 },
  'pipeline-automation': { low: 20, likely: 40, high: 80 },
  'pipeline-cicd': { low: 20, likely: 40, high: 80 },
};

interface PhaseTemplate {
  readonly name: string;
  readonly description: string;
  readonly level: MaturityLevel | null;
  readonly milestones: readonly string[];
}

const PHASE_TEMPLATES: Readonly<Record<PhaseKind, PhaseTemplate>> = {
  heuristic: {
    name: 'Heuristic in production',
    description:
      'Ship the simplest rule that works, measure it against the baseline KPI, and collect the data and feedback the model will need.',
    level: null,
    milestones: ['Heuristic live'],
  },
  'ml-baseline': {
    name: 'ML baseline',
    description:
      'Train a first model on the labeled data and compare it with the heuristic and the human ceiling on a held-out set.',
    level: null,
    milestones: ['Baseline measured'],
  },
  'first-production-model': {
    name: 'First production model (level 0)',
    description:
      'Harden the model, serve it, monitor its health and be able to roll it back; training is still run by hand.',
    level: 0,
    milestones: ['First model in production'],
  },
  'pipeline-automation': {
    name: 'Pipeline automation and continuous training (level 1)',
    description:
      'Deploy the training pipeline itself: automated data and model validation, ML metadata, a model registry and retraining on new data.',
    level: 1,
    milestones: ['Training pipeline in production', 'MLOps level 1 reached'],
  },
  'pipeline-cicd': {
    name: 'CI/CD of pipelines (level 2)',
    description:
      'Build, test and deploy pipeline components automatically from source control, with triggers from monitoring.',
    level: 2,
    milestones: ['MLOps level 2 reached'],
  },
};

const ESTIMATE_KEYS: Readonly<Record<PhaseKind, keyof Omit<RoadmapEstimates, 'timeToTarget'>>> = {
  heuristic: 'heuristic',
  'ml-baseline': 'baseline',
  'first-production-model': 'firstProductionModel',
  'pipeline-automation': 'pipelineAutomation',
  'pipeline-cicd': 'pipelineCicd',
};

/** The phase kinds a roadmap from `currentLevel` to `targetLevel` contains, in order. */
export function roadmapPhaseKinds(
  currentLevel: MaturityLevel,
  targetLevel: MaturityLevel,
  completedPhases: readonly PhaseKind[] = [],
): readonly PhaseKind[] {
  const done = new Set(completedPhases);
  return PHASE_KINDS.filter((kind) => {
    if (done.has(kind)) return false;
    const level = PHASE_TEMPLATES[kind].level;
    // Level 0 and the phases before it build this project's model, which a mature platform does not
    // replace; the level phases build platform capability the team may already have.
    if (level === null || level === 0) return true;
    return currentLevel < level && level <= targetLevel;
  });
}

/**
 * Generates a dated roadmap. Phases, in order: heuristic in production → ML baseline → first
 * production model (level 0) → pipeline automation and continuous training (level 1) → CI/CD of
 * pipelines (level 2). The first three build the project's model and are always included unless listed
 * in `completedPhases`; a level phase is included when `currentLevel < level ≤ targetLevel` (a team
 * already at level 1 skips pipeline automation). Each phase depends on the one before it
 * (finish-to-start). Durations come from `estimates` when given, else `DEFAULT_PHASE_ESTIMATES`; dates
 * are scheduled by `scheduleRoadmap` (Beta-PERT P50/P90 on the working calendar).
 *
 * Each phase closes the assessment items whose `closedBy` is that phase; an item whose phase is left out
 * goes to the next phase of the roadmap (or the last one). With `answers`, only unsatisfied items of
 * level ≤ target are assigned; without, the items of levels above `currentLevel` up to the target.
 *
 * Fails with `empty_roadmap` when nothing is left to do, and on invalid dates or estimates.
 */
export function generateRoadmap(input: GenerateRoadmapInput): Result<Roadmap, RoadmapError> {
  const kinds = roadmapPhaseKinds(input.currentLevel, input.targetLevel, input.completedPhases);
  if (kinds.length === 0) {
    return err({
      code: 'empty_roadmap',
      message: 'Every phase up to the target level is already done: there is nothing to put on a roadmap.',
    });
  }
  const closes = assignItems(kinds, itemsToClose(input));
  const phases = kinds.map((kind, index): RoadmapPhasePlan => {
    const template = PHASE_TEMPLATES[kind];
    const previous = kinds[index - 1];
    const milestones: RoadmapMilestone[] = template.milestones.map((name) => ({
      id: `${kind}.${slug(name)}`,
      name,
    }));
    const generated = {
      name: template.name,
      description: template.description,
      estimate: input.estimates?.[ESTIMATE_KEYS[kind]] ?? DEFAULT_PHASE_ESTIMATES[kind],
      milestones,
      dependsOn: previous === undefined ? [] : [previous],
    };
    return {
      ...generated,
      id: kind,
      kind,
      level: template.level,
      closes: closes.get(kind) ?? [],
      edited: [],
      generated,
    };
  });
  return scheduleRoadmap({
    startDate: input.startDate,
    calendar: input.calendar ?? {},
    currentLevel: input.currentLevel,
    targetLevel: input.targetLevel,
    phases,
    timeToTarget: input.estimates?.timeToTarget ?? null,
    orderEdited: false,
    removedPhaseIds: [],
    revision: 0,
  });
}

function itemsToClose(input: GenerateRoadmapInput): readonly MaturityItem[] {
  if (input.answers !== undefined) return unsatisfiedItems(input.answers, input.targetLevel);
  return MATURITY_ITEMS.filter((item) => item.level > input.currentLevel && item.level <= input.targetLevel);
}

function assignItems(kinds: readonly PhaseKind[], items: readonly MaturityItem[]): Map<PhaseKind, string[]> {
  const assigned = new Map<PhaseKind, string[]>();
  const last = kinds[kinds.length - 1];
  for (const item of items) {
    const from = PHASE_KINDS.indexOf(item.closedBy);
    const kind = kinds.find((candidate) => PHASE_KINDS.indexOf(candidate) >= from) ?? last;
    if (kind === undefined) continue;
    const list = assigned.get(kind) ?? [];
    list.push(item.id);
    assigned.set(kind, list);
  }
  return assigned;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
