import { Button, TextAreaField, TextField } from '../../components';
import { type AngleDraft, ESTIMATE_POINTS, type FieldErrors } from './form-values';
import { UnitSelect } from './unit-select';

const POINT_LABEL = { low: 'Low', likely: 'Likely', high: 'High' } as const;

export interface AngleEditorProps {
  readonly title: string;
  readonly draft: AngleDraft;
  readonly errors: FieldErrors;
  readonly dirty: boolean;
  readonly canEdit: boolean;
  readonly busy: boolean;
  readonly metricName: string;
  readonly onChange: (draft: AngleDraft) => void;
  readonly onSave: () => void;
  readonly onReset?: () => void;
  readonly onDelete?: () => void;
  readonly saveLabel: string;
}

/** One attack angle's estimates as a form: the chart and answers follow every keystroke that parses. */
export function AngleEditor(props: AngleEditorProps) {
  const { draft, errors, canEdit, busy, onChange } = props;
  const readOnly = !canEdit;
  return (
    <fieldset className="angle-editor card">
      <legend className="card__title">{props.title}</legend>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          props.onSave();
        }}
      >
        <TextField
          label="Name"
          value={draft.name}
          readOnly={readOnly}
          maxLength={120}
          error={errors.name}
          onChange={(event) => onChange({ ...draft, name: event.target.value })}
        />
        <fieldset className="angle-editor__grid angle-editor__set">
          <legend>Effort (calendar time)</legend>
          {ESTIMATE_POINTS.map((point) => (
            <div key={point} className="angle-editor__pair">
              <TextField
                label={`${POINT_LABEL[point]} effort`}
                inputMode="decimal"
                value={draft.effort[point].value}
                readOnly={readOnly}
                error={errors[`effort.${point}`]}
                onChange={(event) =>
                  onChange({
                    ...draft,
                    effort: {
                      ...draft.effort,
                      [point]: { ...draft.effort[point], value: event.target.value },
                    },
                  })
                }
              />
              <UnitSelect
                label={`${POINT_LABEL[point]} effort unit`}
                value={draft.effort[point].unit}
                disabled={readOnly}
                onChange={(unit) =>
                  onChange({
                    ...draft,
                    effort: { ...draft.effort, [point]: { ...draft.effort[point], unit } },
                  })
                }
              />
            </div>
          ))}
        </fieldset>
        <fieldset className="angle-editor__grid angle-editor__set">
          <legend>Quality ({props.metricName})</legend>
          {ESTIMATE_POINTS.map((point) => (
            <TextField
              key={point}
              label={`${POINT_LABEL[point]} quality`}
              inputMode="decimal"
              value={draft.quality[point]}
              readOnly={readOnly}
              error={errors[`quality.${point}`]}
              onChange={(event) =>
                onChange({ ...draft, quality: { ...draft.quality, [point]: event.target.value } })
              }
            />
          ))}
        </fieldset>
        <div className="angle-editor__pair">
          <TextField
            label="Cost per unit of time (optional)"
            hint="Blank: the team's cost from the settings"
            inputMode="decimal"
            value={draft.costAmount}
            readOnly={readOnly}
            error={errors.costAmount}
            onChange={(event) => onChange({ ...draft, costAmount: event.target.value })}
          />
          <UnitSelect
            label="Cost per"
            value={draft.costUnit}
            disabled={readOnly}
            onChange={(costUnit) => onChange({ ...draft, costUnit })}
          />
        </div>
        <TextAreaField
          label="Risk notes"
          value={draft.riskNotes}
          readOnly={readOnly}
          maxLength={2000}
          rows={2}
          onChange={(event) => onChange({ ...draft, riskNotes: event.target.value })}
        />
        {canEdit && (
          <div className="actions">
            <Button type="submit" variant="primary" busy={busy} disabled={!props.dirty}>
              {props.saveLabel}
            </Button>
            {props.onReset && props.dirty && (
              <Button onClick={props.onReset} disabled={busy}>
                Discard changes
              </Button>
            )}
            {props.onDelete && (
              <Button variant="danger" onClick={props.onDelete} disabled={busy}>
                Delete {draft.name || 'angle'}
              </Button>
            )}
          </div>
        )}
      </form>
    </fieldset>
  );
}
