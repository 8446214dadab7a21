import type { PhaseDurationEstimate, RoadmapEdit, RoadmapPhase } from '@raisin/core/roadmap';
import { tooLongMessage } from '../../lib/text-limit';

/** The longest names and description the API stores (packages/api/src/schemas/roadmap.ts). */
export const PHASE_NAME_MAX_LENGTH = 200;
export const MILESTONE_NAME_MAX_LENGTH = 200;
export const PHASE_DESCRIPTION_MAX_LENGTH = 2000;

/** A phase as typed in the edit form: numbers stay text until the form is checked. */
export interface PhaseDraft {
  readonly name: string;
  readonly description: string;
  readonly low: string;
  readonly likely: string;
  readonly high: string;
  /** Milestone id → name, for renames. */
  readonly milestones: Readonly<Record<string, string>>;
}

export type PhaseDraftErrors = Partial<
  Record<'name' | 'description' | 'low' | 'likely' | 'high' | `milestone:${string}`, string>
>;

export function draftOf(phase: RoadmapPhase): PhaseDraft {
  return {
    name: phase.name,
    description: phase.description,
    low: String(phase.estimate.low),
    likely: String(phase.estimate.likely),
    high: String(phase.estimate.high),
    milestones: Object.fromEntries(phase.milestones.map((milestone) => [milestone.id, milestone.name])),
  };
}

/** Longest phase the form accepts, in working days (ten years); the API has the same bound. */
export const MAX_DAYS = 2_600;

const LABELS = { low: 'Low', likely: 'Likely', high: 'High' } as const;

/** Checks a low / likely / high estimate typed as text; errors name the field. */
export function checkEstimate(draft: Pick<PhaseDraft, 'low' | 'likely' | 'high'>): {
  estimate: PhaseDurationEstimate;
  errors: PhaseDraftErrors;
} {
  const errors: PhaseDraftErrors = {};
  const read = (key: 'low' | 'likely' | 'high'): number => {
    const text = draft[key].trim();
    const value = Number(text);
    if (text === '' || !Number.isFinite(value))
      errors[key] = `${LABELS[key]} must be a number of working days.`;
    else if (value < 0 || value > MAX_DAYS)
      errors[key] = `${LABELS[key]} must be between 0 and ${MAX_DAYS} working days.`;
    return value;
  };
  const estimate = { low: read('low'), likely: read('likely'), high: read('high') };
  if (errors.low === undefined && errors.likely === undefined && estimate.low > estimate.likely) {
    errors.likely = 'Likely must be at least the low estimate.';
  }
  if (errors.likely === undefined && errors.high === undefined && estimate.likely > estimate.high) {
    errors.high = 'High must be at least the likely estimate.';
  }
  return { estimate, errors };
}

/**
 * The edits that turn `phase` into `draft`, in an order the server applies one by one; only changed
 * fields produce an edit (so regeneration does not treat untouched fields as edited by hand).
 */
export function editsFromDraft(
  phase: RoadmapPhase,
  draft: PhaseDraft,
): { edits: RoadmapEdit[]; errors: PhaseDraftErrors } {
  const { estimate, errors } = checkEstimate(draft);
  const name = draft.name.trim();
  if (name === '') errors.name = 'Enter a name for the phase.';
  const nameTooLong = tooLongMessage('Phase name', draft.name, PHASE_NAME_MAX_LENGTH);
  if (nameTooLong) errors.name = nameTooLong;
  const descriptionTooLong = tooLongMessage('Description', draft.description, PHASE_DESCRIPTION_MAX_LENGTH);
  if (descriptionTooLong) errors.description = descriptionTooLong;
  for (const [id, milestoneName] of Object.entries(draft.milestones)) {
    if (milestoneName.trim() === '') errors[`milestone:${id}`] = 'Enter a name for the milestone.';
    const milestoneTooLong = tooLongMessage('Milestone', milestoneName, MILESTONE_NAME_MAX_LENGTH);
    if (milestoneTooLong) errors[`milestone:${id}`] = milestoneTooLong;
  }
  if (Object.keys(errors).length > 0) return { edits: [], errors };

  const edits: RoadmapEdit[] = [];
  if (name !== phase.name) edits.push({ type: 'renamePhase', phaseId: phase.id, name });
  if (draft.description.trim() !== phase.description.trim()) {
    edits.push({ type: 'setPhaseDescription', phaseId: phase.id, description: draft.description.trim() });
  }
  const old = phase.estimate;
  if (estimate.low !== old.low || estimate.likely !== old.likely || estimate.high !== old.high) {
    edits.push({ type: 'setPhaseEstimate', phaseId: phase.id, estimate });
  }
  for (const milestone of phase.milestones) {
    const next = draft.milestones[milestone.id]?.trim();
    if (next !== undefined && next !== milestone.name) {
      edits.push({ type: 'renameMilestone', phaseId: phase.id, milestoneId: milestone.id, name: next });
    }
  }
  return { edits, errors };
}
