/**
 * Roadmap edits as data, so a client can send one and a server can apply it with the same rules.
 */
import {
  addMilestone,
  addPhase,
  movePhase,
  type NewPhase,
  type RoadmapEditResult,
  removeMilestone,
  removePhase,
  renameMilestone,
  renamePhase,
  setPhaseDependencies,
  setPhaseDescription,
  setPhaseEstimate,
} from './edit-roadmap';
import type { PhaseDurationEstimate } from './phase-duration';
import type { Roadmap } from './types';

/** One manual edit of a roadmap, keyed by `type`; each maps to the edit function of the same name. */
export type RoadmapEdit =
  | { readonly type: 'renamePhase'; readonly phaseId: string; readonly name: string }
  | { readonly type: 'setPhaseDescription'; readonly phaseId: string; readonly description: string }
  | { readonly type: 'setPhaseEstimate'; readonly phaseId: string; readonly estimate: PhaseDurationEstimate }
  | { readonly type: 'setPhaseDependencies'; readonly phaseId: string; readonly dependsOn: readonly string[] }
  | { readonly type: 'movePhase'; readonly phaseId: string; readonly toIndex: number }
  | ({ readonly type: 'addPhase' } & NewPhase)
  | { readonly type: 'removePhase'; readonly phaseId: string }
  | { readonly type: 'addMilestone'; readonly phaseId: string; readonly name: string }
  | {
      readonly type: 'renameMilestone';
      readonly phaseId: string;
      readonly milestoneId: string;
      readonly name: string;
    }
  | { readonly type: 'removeMilestone'; readonly phaseId: string; readonly milestoneId: string };

export type RoadmapEditType = RoadmapEdit['type'];

/**
 * Applies one edit (see `RoadmapEdit`) with the rules of its edit function: the result is rescheduled,
 * the edited field recorded for regeneration, and `revision` bumped; refused edits return the error.
 */
export function applyRoadmapEdit(roadmap: Roadmap, edit: RoadmapEdit): RoadmapEditResult {
  switch (edit.type) {
    case 'renamePhase':
      return renamePhase(roadmap, edit.phaseId, edit.name);
    case 'setPhaseDescription':
      return setPhaseDescription(roadmap, edit.phaseId, edit.description);
    case 'setPhaseEstimate':
      return setPhaseEstimate(roadmap, edit.phaseId, edit.estimate);
    case 'setPhaseDependencies':
      return setPhaseDependencies(roadmap, edit.phaseId, edit.dependsOn);
    case 'movePhase':
      return movePhase(roadmap, edit.phaseId, edit.toIndex);
    case 'addPhase': {
      const { type: _type, ...phase } = edit;
      return addPhase(roadmap, phase);
    }
    case 'removePhase':
      return removePhase(roadmap, edit.phaseId);
    case 'addMilestone':
      return addMilestone(roadmap, edit.phaseId, edit.name);
    case 'renameMilestone':
      return renameMilestone(roadmap, edit.phaseId, edit.milestoneId, edit.name);
    case 'removeMilestone':
      return removeMilestone(roadmap, edit.phaseId, edit.milestoneId);
  }
}
