import { formatEditableNumber } from '@raisin/core/format';
import { calendarDateIn } from '@raisin/core/shared';
import {
  type CostRate,
  type Duration,
  type DurationUnit,
  durationToDays,
  type StoredAttackAngle,
  type ThreePointEstimate,
  validateTradeoffInputs,
} from '@raisin/core/tradeoff';
import { tooLongMessage } from '../../lib/text-limit';

/** The longest angle name and risk notes the API stores (packages/api/src/schemas/tradeoff.ts). */
export const ANGLE_NAME_MAX_LENGTH = 120;
export const RISK_NOTES_MAX_LENGTH = 2000;

/** What the form holds for an angle: numbers as typed, so a half-typed "0." is not lost. */
export interface AngleDraft {
  readonly name: string;
  readonly effort: Record<EstimatePoint, { readonly value: string; readonly unit: DurationUnit }>;
  readonly quality: Record<EstimatePoint, string>;
  readonly costAmount: string;
  readonly costUnit: DurationUnit;
  readonly riskNotes: string;
}

export const ESTIMATE_POINTS = ['low', 'likely', 'high'] as const;
export type EstimatePoint = (typeof ESTIMATE_POINTS)[number];

/** The angle as the API takes it. */
export interface AngleValues {
  readonly name: string;
  readonly effort: Record<EstimatePoint, Duration>;
  readonly quality: ThreePointEstimate;
  readonly costRate: CostRate | null;
  readonly riskNotes: string;
}

/** Field path (`effort.low`, `quality.high`, `name`, `costAmount`) → message. */
export type FieldErrors = Partial<Record<string, string>>;

export function angleToDraft(angle: AngleValues): AngleDraft {
  return {
    name: angle.name,
    effort: {
      low: { value: formatEditableNumber(angle.effort.low.value), unit: angle.effort.low.unit },
      likely: { value: formatEditableNumber(angle.effort.likely.value), unit: angle.effort.likely.unit },
      high: { value: formatEditableNumber(angle.effort.high.value), unit: angle.effort.high.unit },
    },
    quality: {
      low: formatEditableNumber(angle.quality.low),
      likely: formatEditableNumber(angle.quality.likely),
      high: formatEditableNumber(angle.quality.high),
    },
    costAmount: angle.costRate === null ? '' : formatEditableNumber(angle.costRate.amount),
    costUnit: angle.costRate?.per ?? 'month',
    riskNotes: angle.riskNotes,
  };
}

/** A number typed in a field, or null when blank or not a number. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

const LABELS: Record<EstimatePoint, string> = { low: 'Low', likely: 'Likely', high: 'High' };

/**
 * Parses and checks an angle draft: names every bad field (a number that is not one, an effort that is
 * not positive, low ≤ likely ≤ high, quality within [0, maxQuality]) with a message naming it.
 */
export function parseAngleDraft(
  draft: AngleDraft,
  maxQuality: number,
): { ok: true; value: AngleValues } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (draft.name.trim() === '') errors.name = 'Name: give the angle a name';
  const nameTooLong = tooLongMessage('Name', draft.name, ANGLE_NAME_MAX_LENGTH);
  if (nameTooLong) errors.name = nameTooLong;
  const notesTooLong = tooLongMessage('Risk notes', draft.riskNotes, RISK_NOTES_MAX_LENGTH);
  if (notesTooLong) errors.riskNotes = notesTooLong;
  const effort: Partial<Record<EstimatePoint, Duration>> = {};
  const quality: Partial<Record<EstimatePoint, number>> = {};
  for (const point of ESTIMATE_POINTS) {
    const value = parseNumber(draft.effort[point].value);
    if (value === null || !(value > 0)) {
      errors[`effort.${point}`] = `${LABELS[point]} effort: enter a positive number`;
    } else effort[point] = { value, unit: draft.effort[point].unit };
    const q = parseNumber(draft.quality[point]);
    if (q === null) errors[`quality.${point}`] = `${LABELS[point]} quality: enter a number`;
    else if (q < 0 || q > maxQuality) {
      errors[`quality.${point}`] = `${LABELS[point]} quality: must lie between 0 and ${maxQuality}`;
    } else quality[point] = q;
  }
  let costRate: CostRate | null = null;
  if (draft.costAmount.trim() !== '') {
    const amount = parseNumber(draft.costAmount);
    if (amount === null || amount < 0)
      errors.costAmount = 'Cost: enter a non-negative number or leave it blank';
    else costRate = { amount, per: draft.costUnit };
  }
  const { low, likely, high } = effort;
  const q = { low: quality.low, likely: quality.likely, high: quality.high };
  if (low && likely && high && q.low !== undefined && q.likely !== undefined && q.high !== undefined) {
    const angle = {
      id: 'draft',
      name: draft.name,
      effort: { low, likely, high },
      quality: { low: q.low, likely: q.likely, high: q.high },
    };
    for (const issue of validateTradeoffInputs([angle])) {
      const field = issue.path.replace(/^angles\.0\./, '');
      const [kind, point] = field.split('.');
      if (errors[field] === undefined && (kind === 'effort' || kind === 'quality')) {
        errors[field] =
          point === 'low'
            ? `Low ${kind}: must not exceed the likely ${kind}`
            : `High ${kind}: must not be below the likely ${kind}`;
      }
    }
    if (Object.keys(errors).length === 0) {
      return {
        ok: true,
        value: {
          name: draft.name.trim(),
          effort: { low, likely, high },
          quality: { low: q.low, likely: q.likely, high: q.high },
          costRate,
          riskNotes: draft.riskNotes,
        },
      };
    }
  }
  return { ok: false, errors };
}

/** The angle the computation uses: the draft when it parses, else what is saved. */
export function effectiveAngle(
  id: string,
  saved: AngleValues,
  draft: AngleDraft | undefined,
  maxQuality: number,
): StoredAttackAngle {
  const parsed = draft ? parseAngleDraft(draft, maxQuality) : null;
  const values = parsed?.ok ? parsed.value : saved;
  return { id, ...values };
}

/** Effort in days, for sorting and showing. */
export function effortDays(duration: Duration): number {
  return durationToDays(duration);
}

/** A day on this device's calendar as YYYY-MM-DD: the date a person reads on their own clock. */
export function localIsoDate(date: Date): string {
  return calendarDateIn(date);
}

/**
 * The "Measured on" field's error: blank, or after `today` (this device's date; the server refuses it
 * too, `validateMeasuredOn`), since a measurement in the future has not happened yet.
 */
export function measuredOnError(date: string, today: string): string | undefined {
  if (date === '') return 'Measured on: pick a date';
  if (date > today) return `Measured on: ${date} is in the future; pick today (${today}) or an earlier day`;
  return undefined;
}
