import type { PhaseKind, Roadmap } from '@raisin/core/roadmap';

/** The phases a team may already have done, as the generate form offers them. */
export const SKIPPABLE_PHASES: ReadonlyArray<{ kind: PhaseKind; label: string }> = [
  { kind: 'heuristic', label: 'A heuristic is already in production' },
  { kind: 'ml-baseline', label: 'An ML baseline is already measured' },
  { kind: 'first-production-model', label: 'A first model is already in production' },
];

/**
 * The phases the stored roadmap was generated without, i.e. marked "already done" last time: the
 * generator always includes these three unless told they are done, so one that is missing and was not
 * removed by hand was skipped. Starting the form from them means a regeneration after a reload does not
 * quietly bring a finished phase back.
 */
export function phasesMarkedDone(roadmap: Roadmap | null): PhaseKind[] {
  if (roadmap === null) return [];
  const present = new Set(roadmap.phases.map((phase) => phase.id));
  const removed = new Set(roadmap.removedPhaseIds);
  return SKIPPABLE_PHASES.map(({ kind }) => kind).filter((kind) => !present.has(kind) && !removed.has(kind));
}
