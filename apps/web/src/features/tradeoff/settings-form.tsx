import { formatQuality } from '@raisin/core/format';
import { Button, NativeSelectField, TextField } from '../../components';
import type { FieldErrors } from './form-values';
import type { SettingsDraft } from './settings-values';
import { METRIC_NAME_MAX_LENGTH } from './settings-values';
import { UnitSelect } from './unit-select';

const VALUE_MODES = [
  { value: 'per-quality-point', label: 'Value per quality point' },
  { value: 'per-error-avoided', label: 'Cost per error × number of predictions' },
] as const;

/** The project's tradeoff settings: target, ceiling, metric, and the money behind the ROI table. */
export function SettingsForm({
  draft,
  errors,
  dirty,
  canEdit,
  busy,
  maxQuality,
  worksheetTarget,
  referenceCeiling,
  onChange,
  onSave,
  onReset,
}: {
  draft: SettingsDraft;
  errors: FieldErrors;
  dirty: boolean;
  canEdit: boolean;
  busy: boolean;
  /** The top of the metric's range in effect: the values named in hints get its decimals. */
  maxQuality: number;
  worksheetTarget: number | null;
  /** `metric` names what a non-accuracy ceiling is measured in ("span F1"); absent for accuracy. */
  referenceCeiling: { value: number; sampleName: string; metric?: string | undefined } | null;
  onChange: (draft: SettingsDraft) => void;
  onSave: () => void;
  onReset: () => void;
}) {
  const readOnly = !canEdit;
  const set = (patch: Partial<SettingsDraft>) => onChange({ ...draft, ...patch });
  return (
    <section aria-labelledby="tradeoff-settings" className="tradeoff-settings">
      <h3 id="tradeoff-settings">Inputs</h3>
      <form
        className="card"
        aria-label="Tradeoff settings"
        onSubmit={(event) => {
          event.preventDefault();
          onSave();
        }}
      >
        <div className="angle-editor__grid">
          <TextField
            label="Target quality"
            hint={
              worksheetTarget === null
                ? 'Blank: no target yet (the worksheet has none either)'
                : `Blank: the worksheet's target, ${formatQuality(worksheetTarget, maxQuality)}`
            }
            inputMode="decimal"
            value={draft.targetQuality}
            readOnly={readOnly}
            error={errors.targetQuality}
            onChange={(event) => set({ targetQuality: event.target.value })}
          />
          <TextField
            label="Human ceiling"
            hint={
              referenceCeiling === null
                ? 'No reference sample in the Agreement tab: type the ceiling here if you know it'
                : `Blank: ${formatQuality(referenceCeiling.value, maxQuality)}${referenceCeiling.metric ? ` in ${referenceCeiling.metric}` : ''} from the sample "${referenceCeiling.sampleName}"; a value here overrides it`
            }
            inputMode="decimal"
            value={draft.ceilingOverride}
            readOnly={readOnly}
            error={errors.ceilingOverride}
            onChange={(event) => set({ ceilingOverride: event.target.value })}
          />
          <TextField
            label="Metric"
            value={draft.metricName}
            readOnly={readOnly}
            limit={METRIC_NAME_MAX_LENGTH}
            error={errors.metricName}
            onChange={(event) => set({ metricName: event.target.value })}
          />
          <TextField
            label="Maximum of the metric"
            hint="1 for accuracy or F1, 100 for a percentage"
            inputMode="decimal"
            value={draft.maxQuality}
            readOnly={readOnly}
            error={errors.maxQuality}
            onChange={(event) => set({ maxQuality: event.target.value })}
          />
        </div>
        <NativeSelectField
          label="Value of quality"
          value={draft.valueMode}
          options={VALUE_MODES}
          disabled={readOnly}
          onValueChange={(valueMode) => set({ valueMode })}
        />
        <div className="angle-editor__grid">
          {draft.valueMode === 'per-quality-point' ? (
            <TextField
              label="Value per quality point"
              hint="Money per percentage point of the metric's range"
              inputMode="decimal"
              value={draft.valuePerPoint}
              readOnly={readOnly}
              error={errors.valuePerPoint}
              onChange={(event) => set({ valuePerPoint: event.target.value })}
            />
          ) : (
            <>
              <TextField
                label="Cost per error"
                inputMode="decimal"
                value={draft.costPerError}
                readOnly={readOnly}
                error={errors.costPerError}
                onChange={(event) => set({ costPerError: event.target.value })}
              />
              <TextField
                label="Predictions"
                hint="How many predictions the value is counted over"
                inputMode="decimal"
                value={draft.volume}
                readOnly={readOnly}
                error={errors.volume}
                onChange={(event) => set({ volume: event.target.value })}
              />
            </>
          )}
          <TextField
            label="Today's quality"
            hint="Value is counted above it; blank: 0"
            inputMode="decimal"
            value={draft.baselineQuality}
            readOnly={readOnly}
            error={errors.baselineQuality}
            onChange={(event) => set({ baselineQuality: event.target.value })}
          />
          <div className="angle-editor__pair">
            <TextField
              label="Team cost"
              inputMode="decimal"
              value={draft.teamCostAmount}
              readOnly={readOnly}
              error={errors.teamCostAmount}
              onChange={(event) => set({ teamCostAmount: event.target.value })}
            />
            <UnitSelect
              label="Team cost per"
              value={draft.teamCostUnit}
              disabled={readOnly}
              onChange={(teamCostUnit) => set({ teamCostUnit })}
            />
          </div>
          <TextField
            label="Work started on"
            hint="Measured points given by date count their effort from this day"
            type="date"
            value={draft.workStartedOn}
            readOnly={readOnly}
            error={errors.workStartedOn}
            onChange={(event) => set({ workStartedOn: event.target.value })}
          />
        </div>
        {canEdit && (
          <div className="actions">
            <Button type="submit" variant="primary" busy={busy} disabled={!dirty}>
              Save settings
            </Button>
            {dirty && (
              <Button onClick={onReset} disabled={busy}>
                Discard changes
              </Button>
            )}
          </div>
        )}
      </form>
    </section>
  );
}
