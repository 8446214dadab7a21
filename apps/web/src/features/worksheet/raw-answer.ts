import { formatEditableNumber } from '@raisin/core/format';
import { DURATION_UNITS, type DurationUnit } from '@raisin/core/tradeoff';
import { type Answer, type Question, validateAnswer, type YesNoUnknown } from '@raisin/core/worksheet';

/**
 * What a question's controls hold while the user edits: text as typed (so "0." or a half-filled range
 * survive a reload from the local draft), choices as option values, '' for "nothing chosen".
 */
export type RawAnswer =
  | { readonly kind: 'single'; readonly value: string }
  | { readonly kind: 'multi'; readonly value: readonly string[] }
  | { readonly kind: 'number'; readonly value: string }
  | { readonly kind: 'duration'; readonly value: string; readonly unit: DurationUnit }
  | { readonly kind: 'range'; readonly low: string; readonly likely: string; readonly high: string }
  | { readonly kind: 'short-text' | 'long-text'; readonly value: string }
  | { readonly kind: 'yes-no-unknown'; readonly value: YesNoUnknown | '' };

export type RawOfKind<K extends RawAnswer['kind']> = Extract<RawAnswer, { readonly kind: K }>;

/** What to send for a raw answer: a value (null clears), a field error, or "not finished yet". */
export type ParsedRaw =
  | { readonly status: 'value'; readonly value: unknown }
  | { readonly status: 'invalid'; readonly field: string; readonly message: string }
  | { readonly status: 'incomplete'; readonly message: string };

export function emptyRaw(question: Question): RawAnswer {
  switch (question.kind) {
    case 'multi':
      return { kind: 'multi', value: [] };
    case 'duration':
      return { kind: 'duration', value: '', unit: 'month' };
    case 'range':
      return { kind: 'range', low: '', likely: '', high: '' };
    case 'short-text':
    case 'long-text':
      return { kind: question.kind, value: '' };
    default:
      return { kind: question.kind, value: '' };
  }
}

// Every digit, never `1e+23`: the control shows what was saved in a form a person can read and edit.
const numberText = formatEditableNumber;

/** The controls' contents for a stored answer; an answer of another kind (the bank changed) shows as empty. */
export function rawFromAnswer(question: Question, answer: Answer | null | undefined): RawAnswer {
  if (!answer || answer.kind !== question.kind) return emptyRaw(question);
  switch (answer.kind) {
    case 'number':
      return { kind: 'number', value: numberText(answer.value) };
    case 'duration':
      return { kind: 'duration', value: numberText(answer.value.value), unit: answer.value.unit };
    case 'range':
      return {
        kind: 'range',
        low: numberText(answer.value.low),
        likely: numberText(answer.value.likely),
        high: numberText(answer.value.high),
      };
    case 'multi':
      return { kind: 'multi', value: [...answer.value] };
    default:
      return answer;
  }
}

/** A number as people type it: blank is "nothing", a decimal comma is accepted. */
function readNumberText(text: string): number | null | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

function validated(question: Question, value: unknown): ParsedRaw {
  if (value === null) return { status: 'value', value: null };
  const result = validateAnswer(question, value);
  return result.ok
    ? { status: 'value', value }
    : { status: 'invalid', field: result.error.field, message: result.error.message };
}

/**
 * The value to save for what the controls hold, checked with the same `validateAnswer` the server runs,
 * so a bad value is named at once and never sent. Blank means "clear the answer" (null); text is sent
 * as typed, since blank text is a valid, unanswered text answer.
 */
export function parseRaw(question: Question, raw: RawAnswer): ParsedRaw {
  if (raw.kind !== question.kind) return { status: 'value', value: null };
  switch (raw.kind) {
    case 'single':
    case 'yes-no-unknown':
      return validated(question, raw.value === '' ? null : raw.value);
    case 'multi':
      return validated(question, raw.value.length === 0 ? null : raw.value);
    case 'short-text':
    case 'long-text':
      return validated(question, raw.value);
    case 'number': {
      const value = readNumberText(raw.value);
      if (value === undefined)
        return { status: 'invalid', field: 'value', message: 'value must be a number' };
      return validated(question, value);
    }
    case 'duration': {
      const value = readNumberText(raw.value);
      if (value === undefined)
        return { status: 'invalid', field: 'value', message: 'value must be a number' };
      return validated(question, value === null ? null : { value, unit: raw.unit });
    }
    case 'range': {
      const parts = { low: raw.low, likely: raw.likely, high: raw.high };
      const numbers: Record<string, number | null> = {};
      for (const [field, text] of Object.entries(parts)) {
        const value = readNumberText(text);
        if (value === undefined) return { status: 'invalid', field, message: `${field} must be a number` };
        numbers[field] = value;
      }
      const filled = Object.values(numbers).filter((n) => n !== null).length;
      if (filled === 0) return { status: 'value', value: null };
      if (filled < 3) return { status: 'incomplete', message: 'Fill in low, likely and high to save' };
      return validated(question, numbers);
    }
  }
}

/** Whether two raw answers hold the same thing (key order is fixed by the constructors above). */
export function sameRaw(a: RawAnswer, b: RawAnswer): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether two raw answers save the same value ("0.90" and "0.9" do), so a field need not be rewritten. */
export function sameParsedValue(question: Question, a: RawAnswer, b: RawAnswer): boolean {
  const pa = parseRaw(question, a);
  const pb = parseRaw(question, b);
  return (
    pa.status === 'value' && pb.status === 'value' && JSON.stringify(pa.value) === JSON.stringify(pb.value)
  );
}

export const isDurationUnit = (value: string): value is DurationUnit =>
  (DURATION_UNITS as readonly string[]).includes(value);
