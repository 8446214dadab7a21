import { formatCalendarDate, formatDuration, formatQuality } from '@raisin/core/format';
import type { DurationUnit } from '@raisin/core/tradeoff';
import { useId, useState } from 'react';
import { Button, DataTable, TextField } from '../../components';
import { isOverLimit } from '../../lib/text-limit';
import { localIsoDate, measuredOnError, parseNumber } from './form-values';
import { UnitSelect } from './unit-select';

/** The longest label the API stores for a measured point. */
const MEASURED_LABEL_MAX_LENGTH = 200;

export interface MeasuredPointDto {
  readonly id: string;
  readonly version: number;
  readonly effort: { value: number; unit: DurationUnit } | null;
  readonly measuredOn: string | null;
  readonly quality: number;
  readonly label: string;
}

export interface NewMeasuredPoint {
  readonly effort: { value: number; unit: DurationUnit } | null;
  readonly measuredOn: string | null;
  readonly quality: number;
  readonly label: string;
}

/** The measured points, and a form to add one by effort spent or by date. */
export function MeasuredPoints({
  points,
  canEdit,
  busy,
  maxQuality,
  onAdd,
  onDelete,
}: {
  points: readonly MeasuredPointDto[];
  canEdit: boolean;
  busy: boolean;
  maxQuality: number;
  /** `today`: this device's date, so the server judges "in the future" on the editor's calendar. */
  onAdd: (point: NewMeasuredPoint, today: string) => Promise<boolean>;
  onDelete: (point: MeasuredPointDto) => void;
}) {
  const modeName = useId();
  const [mode, setMode] = useState<'effort' | 'date'>('effort');
  const [effort, setEffort] = useState('');
  const [unit, setUnit] = useState<DurationUnit>('week');
  const [date, setDate] = useState('');
  const [quality, setQuality] = useState('');
  const [label, setLabel] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async () => {
    const next: Record<string, string> = {};
    const effortValue = parseNumber(effort);
    if (mode === 'effort' && (effortValue === null || !(effortValue > 0))) {
      next.effort = 'Effort spent: enter a positive number';
    }
    const today = localIsoDate(new Date());
    const dateError = mode === 'date' ? measuredOnError(date, today) : undefined;
    if (dateError) next.date = dateError;
    const q = parseNumber(quality);
    if (q === null || q < 0 || q > maxQuality)
      next.quality = `Quality measured: enter a number between 0 and ${maxQuality}`;
    setErrors(next);
    if (Object.keys(next).length > 0 || q === null || isOverLimit(label, MEASURED_LABEL_MAX_LENGTH)) return;
    const added = await onAdd(
      {
        effort: mode === 'effort' && effortValue !== null ? { value: effortValue, unit } : null,
        measuredOn: mode === 'date' ? date : null,
        quality: q,
        label: label.trim(),
      },
      today,
    );
    if (added) {
      setEffort('');
      setDate('');
      setQuality('');
      setLabel('');
    }
  };

  return (
    <section aria-labelledby="tradeoff-measured" className="tradeoff-measured">
      <h3 id="tradeoff-measured">Measured points</h3>
      {points.length === 0 ? (
        <p className="muted">
          No measurements yet. As work goes on, add the quality you measured and when: the curve is re-fitted
          to it.
        </p>
      ) : (
        <DataTable
          label="Quality measured so far"
          caption="Quality measured so far"
          columns={['When', 'Quality', 'Label', canEdit && 'Actions']}
        >
          {points.map((point) => (
            <tr key={point.id}>
              <td>
                {point.effort
                  ? `after ${formatDuration(point.effort)}`
                  : `on ${formatCalendarDate(point.measuredOn ?? '')}`}
              </td>
              <td>{formatQuality(point.quality, maxQuality)}</td>
              <td>{point.label}</td>
              {canEdit && (
                <td>
                  <Button variant="ghost" disabled={busy} onClick={() => onDelete(point)}>
                    Delete measured point {point.label || point.quality}
                  </Button>
                </td>
              )}
            </tr>
          ))}
        </DataTable>
      )}
      {canEdit && (
        <form
          className="card tradeoff-measured__form"
          aria-label="Add a measured point"
          // The fields show their own errors, naming the field; the browser's bubbles would pre-empt them.
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <fieldset className="tradeoff-measured__mode">
            <legend>Measured after</legend>
            <label>
              <input
                type="radio"
                name={modeName}
                checked={mode === 'effort'}
                onChange={() => setMode('effort')}
              />{' '}
              an amount of effort
            </label>
            <label>
              <input
                type="radio"
                name={modeName}
                checked={mode === 'date'}
                onChange={() => setMode('date')}
              />{' '}
              on a date
            </label>
          </fieldset>
          {mode === 'effort' ? (
            <div className="angle-editor__pair">
              <TextField
                label="Effort spent"
                inputMode="decimal"
                value={effort}
                error={errors.effort}
                onChange={(event) => setEffort(event.target.value)}
              />
              <UnitSelect label="Effort spent unit" value={unit} onChange={setUnit} />
            </div>
          ) : (
            <TextField
              label="Measured on"
              type="date"
              max={localIsoDate(new Date())}
              value={date}
              error={errors.date}
              onChange={(event) => setDate(event.target.value)}
            />
          )}
          <TextField
            label="Quality measured"
            inputMode="decimal"
            value={quality}
            error={errors.quality}
            onChange={(event) => setQuality(event.target.value)}
          />
          <TextField
            label="Label (optional)"
            value={label}
            limit={MEASURED_LABEL_MAX_LENGTH}
            onChange={(event) => setLabel(event.target.value)}
          />
          <Button type="submit" variant="primary" busy={busy}>
            Add measured point
          </Button>
        </form>
      )}
    </section>
  );
}
