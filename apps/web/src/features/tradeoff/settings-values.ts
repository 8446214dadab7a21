import { formatEditableNumber } from '@raisin/core/format';
import type { CostRate, DurationUnit, TradeoffComputationSettings } from '@raisin/core/tradeoff';
import { tooLongMessage } from '../../lib/text-limit';
import { type FieldErrors, parseNumber } from './form-values';

/** The longest metric name the API stores. */
export const METRIC_NAME_MAX_LENGTH = 60;

/** The tradeoff settings as the API stores them. */
export interface SettingsValues extends TradeoffComputationSettings {
  readonly metricName: string;
}

/** The settings form: every number as typed. */
export interface SettingsDraft {
  readonly metricName: string;
  readonly maxQuality: string;
  readonly targetQuality: string;
  readonly ceilingOverride: string;
  readonly valueMode: 'per-quality-point' | 'per-error-avoided';
  readonly valuePerPoint: string;
  readonly costPerError: string;
  readonly volume: string;
  readonly baselineQuality: string;
  readonly teamCostAmount: string;
  readonly teamCostUnit: DurationUnit;
  readonly workStartedOn: string;
}

// Every digit, never `1e+23`, so a huge amount reads back as typed.
const text = (value: number | null) => (value === null ? '' : formatEditableNumber(value));

export function settingsToDraft(settings: SettingsValues): SettingsDraft {
  return {
    metricName: settings.metricName,
    maxQuality: formatEditableNumber(settings.maxQuality),
    targetQuality: text(settings.targetQuality),
    ceilingOverride: text(settings.ceilingOverride),
    valueMode: settings.value.mode,
    valuePerPoint: text(settings.value.valuePerPoint),
    costPerError: text(settings.value.costPerError),
    volume: text(settings.value.volume),
    baselineQuality: text(settings.value.baselineQuality),
    teamCostAmount: text(settings.teamCost?.amount ?? null),
    teamCostUnit: settings.teamCost?.per ?? 'month',
    workStartedOn: settings.workStartedOn ?? '',
  };
}

/**
 * Parses the settings form; blank optional fields are null. Errors name the field: a number that is
 * not one, a quality outside [0, maximum], a negative amount.
 */
export function parseSettingsDraft(
  draft: SettingsDraft,
): { ok: true; value: SettingsValues } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const maxQuality = parseNumber(draft.maxQuality);
  if (maxQuality === null || !(maxQuality > 0))
    errors.maxQuality = 'Maximum of the metric: enter a positive number';
  const top = maxQuality ?? 1;
  const optional = (field: keyof SettingsDraft, label: string, check: (n: number) => string | null) => {
    const raw = String(draft[field]);
    if (raw.trim() === '') return null;
    const value = parseNumber(raw);
    const problem = value === null ? 'enter a number or leave it blank' : check(value);
    if (problem !== null) {
      errors[field] = `${label}: ${problem}`;
      return null;
    }
    return value;
  };
  const quality = (n: number) => (n >= 0 && n <= top ? null : `must lie between 0 and ${top}`);
  const nonNegative = (n: number) => (n >= 0 ? null : 'must not be negative');
  const targetQuality = optional('targetQuality', 'Target quality', quality);
  const ceilingOverride = optional('ceilingOverride', 'Human ceiling', (n) =>
    n > 0 && n <= top ? null : `must lie above 0 and at most ${top}`,
  );
  const valuePerPoint = optional('valuePerPoint', 'Value per quality point', nonNegative);
  const costPerError = optional('costPerError', 'Cost per error', nonNegative);
  const volume = optional('volume', 'Predictions', nonNegative);
  const baselineQuality = optional('baselineQuality', "Today's quality", quality);
  const teamAmount = optional('teamCostAmount', 'Team cost', nonNegative);
  if (draft.metricName.trim() === '') errors.metricName = 'Metric: give the metric a name';
  const metricTooLong = tooLongMessage('Metric', draft.metricName, METRIC_NAME_MAX_LENGTH);
  if (metricTooLong) errors.metricName = metricTooLong;
  const workStartedOn = draft.workStartedOn.trim() === '' ? null : draft.workStartedOn;
  if (workStartedOn !== null && Number.isNaN(Date.parse(workStartedOn))) {
    errors.workStartedOn = 'Work started on: enter a date';
  }
  if (Object.keys(errors).length > 0 || maxQuality === null) return { ok: false, errors };
  const teamCost: CostRate | null =
    teamAmount === null ? null : { amount: teamAmount, per: draft.teamCostUnit };
  return {
    ok: true,
    value: {
      metricName: draft.metricName.trim(),
      maxQuality,
      targetQuality,
      ceilingOverride,
      value: { mode: draft.valueMode, valuePerPoint, costPerError, volume, baselineQuality },
      teamCost,
      workStartedOn,
    },
  };
}
