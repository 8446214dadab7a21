import { nextMonday, type PhaseKind, parseIsoCalendarDate } from '@raisin/core/roadmap';
import { useState } from 'react';
import { Button, TextField } from '../../components';
import { SKIPPABLE_PHASES } from './completed-phases';
import { localToday } from './gantt-layout';

export interface GenerateFormProps {
  hasRoadmap: boolean;
  startDate: string | null;
  /** The phases marked done when the stored roadmap was generated (see `phasesMarkedDone`). */
  completedPhases: readonly PhaseKind[];
  busy: boolean;
  onGenerate: (startDate: string, completedPhases: readonly PhaseKind[]) => Promise<boolean>;
}

/** Start date (default: next Monday) and the phases already done; generates or regenerates. */
export function GenerateForm({
  hasRoadmap,
  startDate,
  completedPhases,
  busy,
  onGenerate,
}: GenerateFormProps) {
  const [date, setDate] = useState(() => startDate ?? nextMonday(localToday()) ?? localToday());
  const [done, setDone] = useState<readonly PhaseKind[]>(completedPhases);
  const [dateError, setDateError] = useState<string | undefined>();
  return (
    <form
      className="panel stack"
      aria-label={hasRoadmap ? 'Regenerate the roadmap' : 'Generate a roadmap'}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (parseIsoCalendarDate(date) === null) {
          setDateError('Enter the start date as a calendar date (YYYY-MM-DD).');
          return;
        }
        setDateError(undefined);
        void onGenerate(date, done);
      }}
    >
      <TextField
        label="Start date"
        type="date"
        value={date}
        error={dateError}
        hint="Work starts on the first working day on or after this date; weekends are off."
        onChange={(event) => setDate(event.target.value)}
      />
      <fieldset className="stack">
        <legend>Already done</legend>
        {SKIPPABLE_PHASES.map(({ kind, label }) => (
          <label key={kind} className="checkbox-row">
            <input
              type="checkbox"
              className="checkbox"
              checked={done.includes(kind)}
              onChange={(event) =>
                setDone(event.target.checked ? [...done, kind] : done.filter((other) => other !== kind))
              }
            />
            {label}
          </label>
        ))}
      </fieldset>
      {hasRoadmap && (
        <p className="field__hint">
          Regenerating recomputes the phases from the assessment and the estimates. Your manual edits are
          kept; if the generator would change something you edited, you will be asked.
        </p>
      )}
      <div className="actions">
        <Button type="submit" variant="primary" busy={busy}>
          {hasRoadmap ? 'Regenerate roadmap' : 'Generate roadmap'}
        </Button>
      </div>
    </form>
  );
}
