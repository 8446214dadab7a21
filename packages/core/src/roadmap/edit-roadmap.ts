/**
 * Manual edits of a roadmap, and merging a regenerated roadmap into an edited one.
 *
 * Every edit is a pure function from a roadmap to a new, rescheduled roadmap (or an error); it records
 * which fields of which phase were changed by hand and bumps `revision`. Dependencies a person did not
 * set by hand follow the phase order (each phase depends on the one before it), so reordering, adding
 * and removing phases keep a chain; dependencies set by hand are kept and checked.
 */
import { err, ok, type Result } from '../shared';
import type { PhaseDurationEstimate } from './phase-duration';
import { scheduleRoadmap } from './schedule';
import {
  EDITABLE_FIELDS,
  type EditableField,
  type GeneratedPhaseValues,
  type Roadmap,
  type RoadmapError,
  type RoadmapMilestone,
  type RoadmapPhasePlan,
  type RoadmapPlan,
} from './types';

export type RoadmapEditResult = Result<Roadmap, RoadmapError>;

/** Renames a phase (a non-empty name, trimmed). */
export function renamePhase(roadmap: Roadmap, phaseId: string, name: string): RoadmapEditResult {
  const trimmed = name.trim();
  if (trimmed === '') return err({ code: 'empty_name', message: 'A phase needs a name.', phaseId });
  return updatePhase(roadmap, phaseId, 'name', (phase) => ({ ...phase, name: trimmed }));
}

/** Replaces a phase's description. */
export function setPhaseDescription(
  roadmap: Roadmap,
  phaseId: string,
  description: string,
): RoadmapEditResult {
  return updatePhase(roadmap, phaseId, 'description', (phase) => ({ ...phase, description }));
}

/** Changes a phase's low / likely / high estimate (working days); dates are recomputed. */
export function setPhaseEstimate(
  roadmap: Roadmap,
  phaseId: string,
  estimate: PhaseDurationEstimate,
): RoadmapEditResult {
  return updatePhase(roadmap, phaseId, 'estimate', (phase) => ({ ...phase, estimate }));
}

/**
 * Sets a phase's dependencies by hand (finish-to-start). They must be phases listed before it; from now
 * on reordering keeps them instead of chaining the phase to its predecessor.
 */
export function setPhaseDependencies(
  roadmap: Roadmap,
  phaseId: string,
  dependsOn: readonly string[],
): RoadmapEditResult {
  return updatePhase(roadmap, phaseId, 'dependsOn', (phase) => ({
    ...phase,
    dependsOn: [...new Set(dependsOn)],
  }));
}

/**
 * Moves a phase to position `toIndex` (0-based, in the order after removal). Fails when a dependency set
 * by hand would then point to a later phase.
 */
export function movePhase(roadmap: Roadmap, phaseId: string, toIndex: number): RoadmapEditResult {
  const phases = planPhases(roadmap);
  const from = phases.findIndex((phase) => phase.id === phaseId);
  if (from < 0) return unknownPhase(phaseId);
  if (!Number.isInteger(toIndex) || toIndex < 0 || toIndex >= phases.length) {
    return err({ code: 'invalid_index', message: `Position ${toIndex} is outside the roadmap.`, phaseId });
  }
  const moved = phases.splice(from, 1);
  phases.splice(toIndex, 0, ...moved);
  return reschedule(roadmap, { phases: rechain(phases), orderEdited: true });
}

export interface NewPhase {
  readonly name: string;
  readonly estimate: PhaseDurationEstimate;
  readonly description?: string;
  readonly milestones?: readonly string[];
  /** Position in the roadmap (0-based); default the end. */
  readonly index?: number;
}

/** Adds a phase by hand (kind `custom`, id `custom-<n>`), chained to the phase before it. */
export function addPhase(roadmap: Roadmap, phase: NewPhase): RoadmapEditResult {
  const name = phase.name.trim();
  if (name === '') return err({ code: 'empty_name', message: 'A phase needs a name.' });
  const phases = planPhases(roadmap);
  const index = phase.index ?? phases.length;
  if (!Number.isInteger(index) || index < 0 || index > phases.length) {
    return err({ code: 'invalid_index', message: `Position ${index} is outside the roadmap.` });
  }
  const id = nextId(
    phases.map((existing) => existing.id),
    'custom-',
  );
  const added: RoadmapPhasePlan = {
    id,
    kind: 'custom',
    name,
    description: phase.description ?? '',
    level: null,
    estimate: phase.estimate,
    milestones: (phase.milestones ?? []).map((milestoneName, i) => ({
      id: `${id}.m${i + 1}`,
      name: milestoneName,
    })),
    dependsOn: [],
    closes: [],
    edited: [],
    generated: null,
  };
  phases.splice(index, 0, added);
  return reschedule(roadmap, { phases: rechain(phases) });
}

/**
 * Removes a phase. Phases that depended on it by hand inherit its dependencies; a generated phase is
 * remembered as removed so that regeneration does not bring it back. The last phase cannot be removed.
 */
export function removePhase(roadmap: Roadmap, phaseId: string): RoadmapEditResult {
  const removed = roadmap.phases.find((phase) => phase.id === phaseId);
  if (removed === undefined) return unknownPhase(phaseId);
  if (roadmap.phases.length === 1) {
    return err({
      code: 'last_phase',
      message: 'A roadmap needs at least one phase: add another first.',
      phaseId,
    });
  }
  const phases = removeFromPlan(planPhases(roadmap), removed);
  const removedPhaseIds =
    removed.generated === null
      ? roadmap.removedPhaseIds
      : [...new Set([...roadmap.removedPhaseIds, phaseId])];
  return reschedule(roadmap, { phases: rechain(phases), removedPhaseIds });
}

/** Adds a milestone at the end of a phase. */
export function addMilestone(roadmap: Roadmap, phaseId: string, name: string): RoadmapEditResult {
  const trimmed = name.trim();
  if (trimmed === '') return err({ code: 'empty_name', message: 'A milestone needs a name.', phaseId });
  return updatePhase(roadmap, phaseId, 'milestones', (phase) => {
    const id = nextId(
      phase.milestones.map((milestone) => milestone.id),
      `${phase.id}.m`,
    );
    return { ...phase, milestones: [...phase.milestones, { id, name: trimmed }] };
  });
}

/** Renames a milestone. */
export function renameMilestone(
  roadmap: Roadmap,
  phaseId: string,
  milestoneId: string,
  name: string,
): RoadmapEditResult {
  const trimmed = name.trim();
  if (trimmed === '') return err({ code: 'empty_name', message: 'A milestone needs a name.', phaseId });
  return editMilestones(roadmap, phaseId, milestoneId, (milestones) =>
    milestones.map((milestone) =>
      milestone.id === milestoneId ? { ...milestone, name: trimmed } : milestone,
    ),
  );
}

/** Removes a milestone. */
export function removeMilestone(roadmap: Roadmap, phaseId: string, milestoneId: string): RoadmapEditResult {
  return editMilestones(roadmap, phaseId, milestoneId, (milestones) =>
    milestones.filter((milestone) => milestone.id !== milestoneId),
  );
}

/** A manual edit that regeneration would have changed, for the UI to ask about. */
export type MergeConflict =
  | {
      readonly kind: 'field';
      readonly phaseId: string;
      readonly field: EditableField;
      /** The value a person set. */
      readonly manual: unknown;
      /** What the generator produced when the person edited it. */
      readonly previousGenerated: unknown;
      /** What the generator produces now. */
      readonly regenerated: unknown;
    }
  | {
      /** A phase edited by hand that the generator no longer produces (e.g. the target level went down). */
      readonly kind: 'phase';
      readonly phaseId: string;
    };

export interface MergeResult {
  /** The regenerated roadmap with every manual edit kept; conflicts are resolved in favour of the edit. */
  readonly roadmap: Roadmap;
  readonly conflicts: readonly MergeConflict[];
}

/**
 * Merges a freshly generated roadmap into an edited one without discarding any manual edit:
 * - settings (start date, calendar, levels, time to target) come from `regenerated`;
 * - a phase in both takes the regenerated values of the fields nobody edited and keeps the edited ones;
 *   an edited field whose generated value changed since the edit is a `field` conflict;
 * - phases added by hand stay where they were (after the same phase); phases removed by hand stay removed;
 * - a generated phase no longer produced is dropped if nobody edited it, else kept with a `phase` conflict;
 * - new generated phases are inserted after the phase that precedes them in `regenerated`;
 * - the order is the edited one when a person reordered phases.
 * Conflicts are resolved in favour of the manual value; `resolveConflict` applies the other choice.
 */
export function mergeRegenerated(edited: Roadmap, regenerated: Roadmap): Result<MergeResult, RoadmapError> {
  const conflicts: MergeConflict[] = [];
  const fresh = new Map(regenerated.phases.map((phase) => [phase.id, phase]));
  const removed = new Set(edited.removedPhaseIds);
  const merged: RoadmapPhasePlan[] = [];
  const dropped: RoadmapPhasePlan[] = [];

  for (const phase of planPhases(edited)) {
    const next = fresh.get(phase.id);
    if (phase.generated === null) {
      merged.push(phase);
    } else if (next === undefined) {
      if (phase.edited.length === 0) {
        dropped.push(phase);
      } else {
        conflicts.push({ kind: 'phase', phaseId: phase.id });
        merged.push(phase);
      }
    } else {
      merged.push(mergePhase(phase, stripSchedule(next), conflicts));
    }
  }

  const present = new Set(merged.map((phase) => phase.id));
  const regeneratedPlans = planPhases(regenerated);
  regeneratedPlans.forEach((phase, index) => {
    if (present.has(phase.id) || removed.has(phase.id)) return;
    // After the closest earlier regenerated phase that is in the merged roadmap, else first.
    let at = 0;
    for (let k = index - 1; k >= 0; k--) {
      const before = regeneratedPlans[k];
      const position =
        before === undefined ? -1 : merged.findIndex((candidate) => candidate.id === before.id);
      if (position >= 0) {
        at = position + 1;
        break;
      }
    }
    // Custom phases that followed that phase keep following it.
    while (merged[at]?.generated === null) at++;
    merged.splice(at, 0, phase);
    present.add(phase.id);
  });

  if (!edited.orderEdited) {
    // Without a manual reorder, generated phases follow the generator's order; custom phases keep the
    // generated phase they followed.
    sortGeneratedByReference(merged, regeneratedPlans);
  }

  let phases = merged;
  for (const phase of dropped) phases = removeFromPlan(phases, phase);
  const scheduled = scheduleRoadmap({
    startDate: regenerated.startDate,
    calendar: regenerated.calendar,
    currentLevel: regenerated.currentLevel,
    targetLevel: regenerated.targetLevel,
    timeToTarget: regenerated.timeToTarget,
    phases: rechain(phases),
    orderEdited: edited.orderEdited,
    removedPhaseIds: edited.removedPhaseIds,
    revision: edited.revision + 1,
  });
  if (!scheduled.ok) return scheduled;
  return ok({ roadmap: scheduled.value, conflicts });
}

/**
 * Settles one merge conflict: `keep-manual` leaves the roadmap as merged (the edit stays recorded);
 * `use-generated` replaces the field by the generated value and forgets the edit, or for a `phase`
 * conflict removes the phase.
 */
export function resolveConflict(
  roadmap: Roadmap,
  conflict: MergeConflict,
  choice: 'keep-manual' | 'use-generated',
): RoadmapEditResult {
  if (choice === 'keep-manual') return ok(roadmap);
  const phase = roadmap.phases.find((candidate) => candidate.id === conflict.phaseId);
  if (phase === undefined) return unknownPhase(conflict.phaseId);
  if (conflict.kind === 'phase') {
    return reschedule(roadmap, { phases: rechain(removeFromPlan(planPhases(roadmap), phase)) });
  }
  const generated = phase.generated;
  if (generated === null) return ok(roadmap);
  const field = conflict.field;
  const phases = planPhases(roadmap).map((candidate) =>
    candidate.id === phase.id
      ? {
          ...withField(candidate, field, generated),
          edited: candidate.edited.filter((edit) => edit !== field),
        }
      : candidate,
  );
  return reschedule(roadmap, { phases: rechain(phases) });
}

function mergePhase(
  phase: RoadmapPhasePlan,
  next: RoadmapPhasePlan,
  conflicts: MergeConflict[],
): RoadmapPhasePlan {
  const previous = phase.generated;
  const nextGenerated = next.generated ?? next;
  let merged: RoadmapPhasePlan = { ...next, edited: phase.edited };
  for (const field of EDITABLE_FIELDS) {
    if (!phase.edited.includes(field)) continue;
    merged = withField(merged, field, phase);
    if (previous !== null && !sameValue(previous[field], nextGenerated[field])) {
      conflicts.push({
        kind: 'field',
        phaseId: phase.id,
        field,
        manual: phase[field],
        previousGenerated: previous[field],
        regenerated: nextGenerated[field],
      });
    }
  }
  return merged;
}

function withField(
  phase: RoadmapPhasePlan,
  field: EditableField,
  source: GeneratedPhaseValues,
): RoadmapPhasePlan {
  switch (field) {
    case 'name':
      return { ...phase, name: source.name };
    case 'description':
      return { ...phase, description: source.description };
    case 'estimate':
      return { ...phase, estimate: source.estimate };
    case 'milestones':
      return { ...phase, milestones: source.milestones };
    case 'dependsOn':
      return { ...phase, dependsOn: source.dependsOn };
  }
}

/** Structural equality of plain data (strings, numbers, arrays, objects), for comparing field values. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((value, index) => sameValue(value, b[index]));
  }
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
    if (Array.isArray(a) || Array.isArray(b)) return false;
    const aRecord = a as Record<string, unknown>;
    const bRecord = b as Record<string, unknown>;
    const keys = Object.keys(aRecord);
    return (
      keys.length === Object.keys(bRecord).length &&
      keys.every((key) => sameValue(aRecord[key], bRecord[key]))
    );
  }
  return false;
}

/**
 * Stable reorder of `phases` so that generated phases appear in `reference` order while each custom
 * phase stays right after the phase it followed.
 */
function sortGeneratedByReference(phases: RoadmapPhasePlan[], reference: readonly RoadmapPhasePlan[]): void {
  const rank = new Map(reference.map((phase, index) => [phase.id, index]));
  // Group each generated phase with the custom phases that follow it; leading custom phases stay first.
  const groups: { key: number; members: RoadmapPhasePlan[] }[] = [{ key: -1, members: [] }];
  for (const phase of phases) {
    const key = phase.generated === null ? undefined : rank.get(phase.id);
    if (key === undefined) {
      const group = groups[groups.length - 1];
      if (group !== undefined) group.members.push(phase);
    } else {
      groups.push({ key, members: [phase] });
    }
  }
  groups.sort((a, b) => a.key - b.key);
  phases.splice(0, phases.length, ...groups.flatMap((group) => group.members));
}

function updatePhase(
  roadmap: Roadmap,
  phaseId: string,
  field: EditableField,
  change: (phase: RoadmapPhasePlan) => RoadmapPhasePlan,
): RoadmapEditResult {
  if (!roadmap.phases.some((phase) => phase.id === phaseId)) return unknownPhase(phaseId);
  const phases = planPhases(roadmap).map((phase) => {
    if (phase.id !== phaseId) return phase;
    const changed = change(phase);
    return { ...changed, edited: phase.edited.includes(field) ? phase.edited : [...phase.edited, field] };
  });
  return reschedule(roadmap, { phases: rechain(phases) });
}

function editMilestones(
  roadmap: Roadmap,
  phaseId: string,
  milestoneId: string,
  change: (milestones: readonly RoadmapMilestone[]) => readonly RoadmapMilestone[],
): RoadmapEditResult {
  const phase = roadmap.phases.find((candidate) => candidate.id === phaseId);
  if (phase === undefined) return unknownPhase(phaseId);
  if (!phase.milestones.some((milestone) => milestone.id === milestoneId)) {
    return err({
      code: 'unknown_milestone',
      message: `No milestone "${milestoneId}" in "${phase.name}".`,
      phaseId,
    });
  }
  return updatePhase(roadmap, phaseId, 'milestones', (plan) => ({
    ...plan,
    milestones: change(plan.milestones),
  }));
}

/** Chains every phase whose dependencies were not set by hand to the phase before it. */
function rechain(phases: readonly RoadmapPhasePlan[]): RoadmapPhasePlan[] {
  return phases.map((phase, index) => {
    if (phase.edited.includes('dependsOn')) return phase;
    const previous = phases[index - 1];
    return { ...phase, dependsOn: previous === undefined ? [] : [previous.id] };
  });
}

/** Drops a phase; manual dependencies on it are replaced by its own dependencies. */
function removeFromPlan(phases: readonly RoadmapPhasePlan[], removed: RoadmapPhasePlan): RoadmapPhasePlan[] {
  return phases
    .filter((phase) => phase.id !== removed.id)
    .map((phase) =>
      phase.dependsOn.includes(removed.id)
        ? {
            ...phase,
            dependsOn: [
              ...new Set(phase.dependsOn.flatMap((id) => (id === removed.id ? removed.dependsOn : [id]))),
            ],
          }
        : phase,
    );
}

function planPhases(roadmap: Roadmap): RoadmapPhasePlan[] {
  return roadmap.phases.map(stripSchedule);
}

function stripSchedule(phase: RoadmapPhasePlan & { readonly schedule?: unknown }): RoadmapPhasePlan {
  const { schedule: _schedule, ...plan } = phase;
  return plan;
}

function reschedule(roadmap: Roadmap, changes: Partial<RoadmapPlan>): RoadmapEditResult {
  const { targetQuality: _targetQuality, end: _end, ...plan } = roadmap;
  return scheduleRoadmap({
    ...plan,
    phases: planPhases(roadmap),
    ...changes,
    revision: roadmap.revision + 1,
  });
}

function unknownPhase(phaseId: string): RoadmapEditResult {
  return err({ code: 'unknown_phase', message: `No phase "${phaseId}" in this roadmap.`, phaseId });
}

function nextId(existing: readonly string[], prefix: string): string {
  const taken = new Set(existing);
  let n = 1;
  while (taken.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}
