import { DURATION_UNITS, type DurationUnit } from '@raisin/core/tradeoff';
import { useId } from 'react';
import { Button } from '../../components';
import { type AngleDraft, ESTIMATE_POINTS, type EstimatePoint, type FieldErrors } from './form-values';

const POINT_LABEL = { low: 'Low', likely: 'Likely', high: 'High' } as const;

/** One row of the grid: a stored angle, an example (not stored), or the new angle being typed. */
export interface AngleGridRow {
  readonly key: string;
  /** What the row's controls are named after ("Decent model: likely quality"): the saved name. */
  readonly label: string;
  readonly draft: AngleDraft;
  readonly errors: FieldErrors;
  readonly dirty: boolean;
  readonly kind: 'stored' | 'example' | 'new';
  /** Capped at the ceiling in every computation: shown in the row, beside the quality. */
  readonly aboveCeiling: boolean;
}

export interface AngleGridProps {
  readonly rows: readonly AngleGridRow[];
  readonly canEdit: boolean;
  readonly busy: boolean;
  readonly metricName: string;
  /** The ceiling the qualities are capped at, formatted, when one is known. */
  readonly ceilingText: string | null;
  readonly onChange: (key: string, draft: AngleDraft) => void;
  readonly onSave: (key: string) => void;
  readonly onReset: (key: string) => void;
  readonly onDelete: (key: string) => void;
}

function saveLabel(row: AngleGridRow): string {
  if (row.kind === 'new') return 'Add';
  return row.kind === 'example' ? 'Save as mine' : 'Save';
}

/**
 * The attack angles as one compact editable grid: a row per angle, a column per estimate (effort with
 * its unit, then quality, each low / likely / high). Every cell's control is named after its row and
 * column ("Decent model: likely effort unit"), so screen readers and tests find it without the layout.
 * Cost and risk notes, rarely changed, sit behind a per-row "More" disclosure.
 */
export function AngleGrid(props: AngleGridProps) {
  const { rows, canEdit, busy, onChange } = props;
  const readOnly = !canEdit;
  return (
    <div className="angle-grid__scroll">
      <table className="table angle-grid">
        <caption className="visually-hidden">
          Attack angles: effort in calendar time and expected {props.metricName}, low / likely / high
        </caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              Angle
            </th>
            <th scope="colgroup" colSpan={3}>
              Effort
            </th>
            <th scope="colgroup" colSpan={3}>
              Quality ({props.metricName})
            </th>
            {canEdit && (
              <th scope="col" rowSpan={2}>
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
          <tr>
            {ESTIMATE_POINTS.map((point) => (
              <th key={`effort-${point}`} scope="col">
                {POINT_LABEL[point]}
              </th>
            ))}
            {ESTIMATE_POINTS.map((point) => (
              <th key={`quality-${point}`} scope="col">
                {POINT_LABEL[point]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const { draft, errors, label } = row;
            const set = (next: AngleDraft) => onChange(row.key, next);
            const error = (field: string) => errors[field];
            const rowErrors = Object.values(errors).filter((message): message is string => !!message);
            const errorId = `angle-${row.key}-errors`;
            return (
              <tr
                key={row.key}
                aria-label={label}
                className={row.kind === 'example' ? 'angle-grid__example' : undefined}
              >
                <th scope="row" className="angle-grid__name">
                  {row.kind === 'example' && <span className="badge">Example</span>}
                  <input
                    className="field__control"
                    aria-label={`${label}: name`}
                    value={draft.name}
                    readOnly={readOnly}
                    aria-invalid={error('name') ? true : undefined}
                    aria-describedby={rowErrors.length > 0 ? errorId : undefined}
                    onChange={(event) => set({ ...draft, name: event.target.value })}
                  />
                  <details className="angle-grid__more">
                    <summary aria-label={`${label}: cost and risk notes`}>More</summary>
                    <div className="angle-grid__more-fields">
                      <label>
                        <span className="field__label">Cost per unit of time</span>
                        <input
                          className="field__control"
                          inputMode="decimal"
                          aria-label={`${label}: cost per unit of time (blank: the team's)`}
                          value={draft.costAmount}
                          readOnly={readOnly}
                          onChange={(event) => set({ ...draft, costAmount: event.target.value })}
                        />
                      </label>
                      <UnitCell
                        label={`${label}: cost per`}
                        visible="per"
                        value={draft.costUnit}
                        disabled={readOnly}
                        onChange={(costUnit) => set({ ...draft, costUnit })}
                      />
                      <label className="angle-grid__notes">
                        <span className="field__label">Risk notes</span>
                        <textarea
                          className="field__control"
                          aria-label={`${label}: risk notes`}
                          value={draft.riskNotes}
                          readOnly={readOnly}
                          aria-invalid={error('riskNotes') ? true : undefined}
                          aria-describedby={rowErrors.length > 0 ? errorId : undefined}
                          rows={2}
                          onChange={(event) => set({ ...draft, riskNotes: event.target.value })}
                        />
                      </label>
                    </div>
                  </details>
                  {rowErrors.length > 0 && (
                    <ul id={errorId} className="angle-grid__errors field__error">
                      {rowErrors.map((message) => (
                        <li key={message}>{message}</li>
                      ))}
                    </ul>
                  )}
                </th>
                {ESTIMATE_POINTS.map((point) => (
                  <td key={`effort-${point}`} className="angle-grid__effort">
                    <input
                      className="field__control angle-grid__number"
                      inputMode="decimal"
                      aria-label={`${label}: ${point} effort`}
                      value={draft.effort[point].value}
                      readOnly={readOnly}
                      aria-invalid={error(`effort.${point}`) ? true : undefined}
                      aria-describedby={rowErrors.length > 0 ? errorId : undefined}
                      onChange={(event) => set(withEffort(draft, point, { value: event.target.value }))}
                    />
                    <UnitCell
                      label={`${label}: ${point} effort unit`}
                      value={draft.effort[point].unit}
                      disabled={readOnly}
                      onChange={(unit) => set(withEffort(draft, point, { unit }))}
                    />
                  </td>
                ))}
                {ESTIMATE_POINTS.map((point) => (
                  <td key={`quality-${point}`}>
                    <input
                      className="field__control angle-grid__number"
                      inputMode="decimal"
                      aria-label={`${label}: ${point} quality`}
                      value={draft.quality[point]}
                      readOnly={readOnly}
                      aria-invalid={error(`quality.${point}`) ? true : undefined}
                      aria-describedby={rowErrors.length > 0 ? errorId : undefined}
                      onChange={(event) =>
                        set({ ...draft, quality: { ...draft.quality, [point]: event.target.value } })
                      }
                    />
                    {point === 'likely' && row.aboveCeiling && props.ceilingText !== null && (
                      <span className="angle-grid__cap">counts as {props.ceilingText}</span>
                    )}
                  </td>
                ))}
                {canEdit && (
                  <td className="angle-grid__actions">
                    <Button
                      variant={row.dirty ? 'primary' : 'secondary'}
                      busy={busy}
                      disabled={!row.dirty}
                      aria-label={`${saveLabel(row)}: ${label}`}
                      onClick={() => props.onSave(row.key)}
                    >
                      {saveLabel(row)}
                    </Button>
                    {row.dirty && row.kind !== 'new' && (
                      <Button
                        disabled={busy}
                        aria-label={`Discard changes to ${label}`}
                        onClick={() => props.onReset(row.key)}
                      >
                        Discard
                      </Button>
                    )}
                    {row.kind !== 'example' && (
                      <Button
                        variant="danger"
                        disabled={busy}
                        aria-label={row.kind === 'new' ? 'Cancel the new angle' : `Delete ${label}`}
                        onClick={() =>
                          row.kind === 'new' ? props.onReset(row.key) : props.onDelete(row.key)
                        }
                      >
                        {row.kind === 'new' ? 'Cancel' : 'Delete'}
                      </Button>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function withEffort(
  draft: AngleDraft,
  point: EstimatePoint,
  patch: Partial<AngleDraft['effort'][EstimatePoint]>,
): AngleDraft {
  return { ...draft, effort: { ...draft.effort, [point]: { ...draft.effort[point], ...patch } } };
}

/** A compact unit select named by `label` (the grid's column says what it is). */
function UnitCell({
  label,
  value,
  onChange,
  disabled,
  visible,
}: {
  label: string;
  value: DurationUnit;
  onChange: (unit: DurationUnit) => void;
  disabled: boolean;
  visible?: string;
}) {
  const id = useId();
  const select = (
    <select
      id={id}
      className="field__control angle-grid__unit"
      aria-label={label}
      value={value}
      disabled={disabled}
      onChange={(event) => {
        const unit = DURATION_UNITS.find((candidate) => candidate === event.target.value);
        if (unit) onChange(unit);
      }}
    >
      {DURATION_UNITS.map((unit) => (
        <option key={unit} value={unit}>
          {unit}s
        </option>
      ))}
    </select>
  );
  if (visible === undefined) return select;
  return (
    <div>
      <label className="field__label" htmlFor={id}>
        {visible}
      </label>
      {select}
    </div>
  );
}
