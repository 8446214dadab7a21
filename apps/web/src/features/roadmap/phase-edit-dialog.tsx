import type { RoadmapEdit, RoadmapPhase } from '@raisin/core/roadmap';
import { useState } from 'react';
import { Button, TextAreaField, TextField } from '../../components';
import { Dialog, DialogActions } from '../../components/dialog';
import { isOverLimit, tooLongMessage } from '../../lib/text-limit';
import {
  checkEstimate,
  draftOf,
  editsFromDraft,
  MILESTONE_NAME_MAX_LENGTH,
  PHASE_DESCRIPTION_MAX_LENGTH,
  PHASE_NAME_MAX_LENGTH,
  type PhaseDraft,
  type PhaseDraftErrors,
} from './phase-form';

interface EditProps {
  phase: RoadmapPhase;
  busy: boolean;
  onEdit: (edits: readonly RoadmapEdit[]) => Promise<boolean>;
}

/** Edits a phase: name, description, low / likely / high duration, milestones. */
export function PhaseEditDialog({ phase, busy, onEdit }: EditProps) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<PhaseDraft>(() => draftOf(phase));
  const [errors, setErrors] = useState<PhaseDraftErrors>({});
  const [newMilestone, setNewMilestone] = useState('');
  const [milestoneError, setMilestoneError] = useState<string | undefined>();

  const set = (patch: Partial<PhaseDraft>) => setDraft((current) => ({ ...current, ...patch }));

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) {
          setDraft(draftOf(phase));
          setErrors({});
          setNewMilestone('');
          setMilestoneError(undefined);
        }
        setOpen(next);
      }}
      title={`Edit phase “${phase.name}”`}
      description="Durations are working days. Your changes are kept when the roadmap is regenerated."
      trigger={
        <Button variant="ghost" aria-label={`Edit “${phase.name}”`}>
          Edit
        </Button>
      }
    >
      <form
        className="stack"
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          const { edits, errors: found } = editsFromDraft(phase, draft);
          setErrors(found);
          if (Object.keys(found).length > 0) return;
          if (edits.length === 0 || (await onEdit(edits))) setOpen(false);
        }}
      >
        <TextField
          label="Phase name"
          value={draft.name}
          error={errors.name}
          limit={PHASE_NAME_MAX_LENGTH}
          onChange={(event) => set({ name: event.target.value })}
        />
        <TextAreaField
          label="Description"
          value={draft.description}
          error={errors.description}
          limit={PHASE_DESCRIPTION_MAX_LENGTH}
          rows={3}
          onChange={(event) => set({ description: event.target.value })}
        />
        <fieldset className="estimate-fields">
          <legend>Duration (working days)</legend>
          <TextField
            label="Low"
            inputMode="decimal"
            value={draft.low}
            error={errors.low}
            onChange={(event) => set({ low: event.target.value })}
          />
          <TextField
            label="Likely"
            inputMode="decimal"
            value={draft.likely}
            error={errors.likely}
            onChange={(event) => set({ likely: event.target.value })}
          />
          <TextField
            label="High"
            inputMode="decimal"
            value={draft.high}
            error={errors.high}
            onChange={(event) => set({ high: event.target.value })}
          />
        </fieldset>
        <fieldset className="stack">
          <legend>Milestones</legend>
          {phase.milestones.length === 0 && <p className="muted">No milestones yet.</p>}
          {phase.milestones.map((milestone, index) => (
            <div key={milestone.id} className="inline-form">
              <TextField
                label={`Milestone ${index + 1}`}
                value={draft.milestones[milestone.id] ?? milestone.name}
                error={errors[`milestone:${milestone.id}`]}
                limit={MILESTONE_NAME_MAX_LENGTH}
                onChange={(event) =>
                  set({ milestones: { ...draft.milestones, [milestone.id]: event.target.value } })
                }
              />
              <Button
                variant="ghost"
                disabled={busy}
                aria-label={`Remove milestone “${milestone.name}”`}
                onClick={() =>
                  void onEdit([{ type: 'removeMilestone', phaseId: phase.id, milestoneId: milestone.id }])
                }
              >
                Remove
              </Button>
            </div>
          ))}
          <div className="inline-form">
            <TextField
              label="New milestone"
              value={newMilestone}
              error={milestoneError}
              limit={MILESTONE_NAME_MAX_LENGTH}
              onChange={(event) => setNewMilestone(event.target.value)}
            />
            <Button
              disabled={busy}
              onClick={async () => {
                if (newMilestone.trim() === '') {
                  setMilestoneError('Enter a name for the milestone.');
                  return;
                }
                if (isOverLimit(newMilestone, MILESTONE_NAME_MAX_LENGTH)) return;
                setMilestoneError(undefined);
                if (await onEdit([{ type: 'addMilestone', phaseId: phase.id, name: newMilestone.trim() }])) {
                  setNewMilestone('');
                }
              }}
            >
              Add milestone
            </Button>
          </div>
        </fieldset>
        <DialogActions>
          <Button type="submit" variant="primary" busy={busy}>
            Save phase
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** Asks before removing a phase: a removed generated phase stays removed when the roadmap is regenerated. */
export function RemovePhaseDialog({ phase, busy, onEdit }: EditProps) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={`Remove “${phase.name}”?`}
      description="The phases after it move earlier. Regenerating the roadmap will not bring it back."
      trigger={
        <Button variant="ghost" aria-label={`Remove “${phase.name}”`}>
          Remove
        </Button>
      }
    >
      <DialogActions>
        <Button
          variant="danger"
          busy={busy}
          onClick={async () => {
            if (await onEdit([{ type: 'removePhase', phaseId: phase.id }])) setOpen(false);
          }}
        >
          Remove phase
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Adds a phase by hand at the end of the roadmap; it can then be moved. */
export function AddPhaseForm({ busy, onEdit }: Omit<EditProps, 'phase'>) {
  const empty = { name: '', low: '', likely: '', high: '' };
  const [draft, setDraft] = useState(empty);
  const [errors, setErrors] = useState<PhaseDraftErrors>({});
  return (
    <form
      className="panel stack"
      aria-labelledby="add-phase-heading"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const { estimate, errors: found } = checkEstimate(draft);
        if (draft.name.trim() === '') found.name = 'Enter a name for the phase.';
        const nameTooLong = tooLongMessage('New phase name', draft.name, PHASE_NAME_MAX_LENGTH);
        if (nameTooLong) found.name = nameTooLong;
        setErrors(found);
        if (Object.keys(found).length > 0) return;
        if (await onEdit([{ type: 'addPhase', name: draft.name.trim(), estimate }])) setDraft(empty);
      }}
    >
      <h3 id="add-phase-heading">Add a phase</h3>
      <TextField
        label="New phase name"
        value={draft.name}
        error={errors.name}
        limit={PHASE_NAME_MAX_LENGTH}
        onChange={(event) => setDraft({ ...draft, name: event.target.value })}
      />
      <fieldset className="estimate-fields">
        <legend>Duration of the new phase (working days)</legend>
        <TextField
          label="Low"
          inputMode="decimal"
          value={draft.low}
          error={errors.low}
          onChange={(event) => setDraft({ ...draft, low: event.target.value })}
        />
        <TextField
          label="Likely"
          inputMode="decimal"
          value={draft.likely}
          error={errors.likely}
          onChange={(event) => setDraft({ ...draft, likely: event.target.value })}
        />
        <TextField
          label="High"
          inputMode="decimal"
          value={draft.high}
          error={errors.high}
          onChange={(event) => setDraft({ ...draft, high: event.target.value })}
        />
      </fieldset>
      <div className="actions">
        <Button type="submit" busy={busy}>
          Add phase
        </Button>
      </div>
    </form>
  );
}
