import { err, ok, type Result } from '../shared';
import { DURATION_UNITS, type Duration } from '../tradeoff';
import {
  DEFAULT_TEXT_MAX_LENGTH,
  type DerivedSource,
  findQuestion,
  type OptionValueOf,
  QUESTION_BANK,
  type Question,
  type QuestionId,
  type QuestionIdOfKind,
  type QuestionKind,
  WORKSHEET_GROUP_IDS,
  type WorksheetGroup,
} from './question-bank';

export const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const;
export type YesNoUnknown = (typeof YES_NO_UNKNOWN)[number];

/** A three-point estimate, low ≤ likely ≤ high. */
export interface RangeValue {
  readonly low: number;
  readonly likely: number;
  readonly high: number;
}

/** A stored answer: the question's kind beside the value, so a kind change in the bank is detectable. */
export type Answer =
  | { readonly kind: 'single'; readonly value: string }
  | { readonly kind: 'multi'; readonly value: readonly string[] }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'duration'; readonly value: Duration }
  | { readonly kind: 'range'; readonly value: RangeValue }
  | { readonly kind: 'short-text'; readonly value: string }
  | { readonly kind: 'long-text'; readonly value: string }
  | { readonly kind: 'yes-no-unknown'; readonly value: YesNoUnknown };

export type AnswerOfKind<K extends QuestionKind> = Extract<Answer, { readonly kind: K }>;

/** Answers keyed by question id. Ids the bank no longer holds are ignored, not rejected. */
export type WorksheetAnswers = Readonly<Partial<Record<string, Answer>>>;

/** A validation error naming the offending field (`value`, `unit`, `low`, `value[2]`, …). */
export interface AnswerError {
  readonly field: string;
  readonly message: string;
}

/**
 * What other tabs know, which answers the derived questions and feeds the verdict rules. Every key is
 * optional: a tab that has no data yet simply leaves its key out.
 */
export interface WorksheetContext {
  /**
   * From the Agreement tab: the human ceiling and its 95 % bootstrap CI [lo, hi], with its metric when it
   * is not an accuracy ("span F1", "Kendall's τ"…), so the worksheet names it beside the number.
   */
  readonly humanCeiling?: {
    readonly value: number;
    readonly ci?: readonly [number, number];
    readonly metric?: string;
  };
  /**
   * From the Tradeoff tab: time to reach the target, in days (P90 may be `Infinity`: never reached). P10
   * travels too, so that a P90 quoted alone reads in the unit the tab shows it in.
   */
  readonly timeToTarget?: { readonly p10Days?: number; readonly p50Days: number; readonly p90Days: number };
  /**
   * From the Tradeoff tab: a target set there explicitly, which every rule uses instead of
   * `E.target-quality` (a share in [0, 1], like the answer), naming both in its reason.
   */
  readonly targetOverride?: { readonly value: number };
  /** From the Tradeoff tab: the attack angle ranked first, with its expected (likely) quality. */
  readonly bestAngle?: { readonly name: string; readonly expectedQuality: number };
  /** From the Roadmap tab: the current MLOps maturity level. */
  readonly maturityLevel?: 0 | 1 | 2;
}

/** Which context key answers each derived question. */
export const DERIVED_CONTEXT_KEY = {
  'agreement.humanCeiling': 'humanCeiling',
  // A scored reference sample is what gives the ceiling: the ceiling's presence answers "measured?".
  'agreement.sampleMeasured': 'humanCeiling',
  'tradeoff.attackAngles': 'bestAngle',
  'tradeoff.timeToTarget': 'timeToTarget',
  'roadmap.maturityLevel': 'maturityLevel',
} as const satisfies Record<DerivedSource, keyof WorksheetContext>;

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const fail = (field: string, message: string) => err<AnswerError>({ field, message });

function checkNumber(
  field: string,
  value: unknown,
  bounds: { readonly min?: number; readonly max?: number; readonly integer?: boolean },
): Result<number, AnswerError> {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fail(field, `${field} must be a number`);
  if (bounds.integer === true && !Number.isInteger(value))
    return fail(field, `${field} must be a whole number`);
  if (bounds.min !== undefined && value < bounds.min) return fail(field, `${field} must be ≥ ${bounds.min}`);
  if (bounds.max !== undefined && value > bounds.max) return fail(field, `${field} must be ≤ ${bounds.max}`);
  return ok(value);
}

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

const optionList = (options: readonly { readonly value: string }[]) => options.map((o) => o.value).join(', ');

/**
 * Checks an answer's value as received from a client (untrusted) against its question, and returns the
 * answer to store. Values per kind: `single` a string option value; `multi` an array of distinct option
 * values; `number` a finite number within the question's bounds; `duration` `{ value ≥ 0, unit }` (a `Duration` of the tradeoff feature);
 * `range` `{ low ≤ likely ≤ high }` within the bounds; texts a string of at most `maxLength`
 * characters (blank text is valid and counts as unanswered); `yes-no-unknown` one of those words.
 * Errors name the field, e.g. `{ field: 'low', message: 'low must be ≤ likely' }`.
 */
export function validateAnswer(question: Question, value: unknown): Result<Answer, AnswerError> {
  switch (question.kind) {
    case 'single': {
      if (typeof value !== 'string' || !question.options.some((o) => o.value === value)) {
        return fail('value', `value must be one of: ${optionList(question.options)}`);
      }
      return ok({ kind: 'single', value });
    }
    case 'multi': {
      if (!Array.isArray(value)) return fail('value', 'value must be a list of options');
      const seen = new Set<string>();
      for (const [i, item] of value.entries()) {
        const field = `value[${i}]`;
        if (typeof item !== 'string' || !question.options.some((o) => o.value === item)) {
          return fail(field, `${field} must be one of: ${optionList(question.options)}`);
        }
        if (seen.has(item)) return fail(field, `${field} repeats '${item}'`);
        seen.add(item);
      }
      return ok({ kind: 'multi', value: [...seen] });
    }
    case 'number': {
      const number = checkNumber('value', value, question);
      return number.ok ? ok({ kind: 'number', value: number.value }) : number;
    }
    case 'duration': {
      if (!isRecord(value)) return fail('value', 'value must be an object { value, unit }');
      const amount = checkNumber('value', value.value, { min: 0 });
      if (!amount.ok) return amount;
      const { unit } = value;
      if (!isOneOf(DURATION_UNITS, unit))
        return fail('unit', `unit must be one of: ${DURATION_UNITS.join(', ')}`);
      return ok({ kind: 'duration', value: { value: amount.value, unit } });
    }
    case 'range': {
      if (!isRecord(value)) return fail('value', 'value must be an object { low, likely, high }');
      const low = checkNumber('low', value.low, question);
      if (!low.ok) return low;
      const likely = checkNumber('likely', value.likely, question);
      if (!likely.ok) return likely;
      const high = checkNumber('high', value.high, question);
      if (!high.ok) return high;
      if (low.value > likely.value) return fail('low', 'low must be ≤ likely');
      if (likely.value > high.value) return fail('high', 'high must be ≥ likely');
      return ok({ kind: 'range', value: { low: low.value, likely: likely.value, high: high.value } });
    }
    case 'short-text':
    case 'long-text': {
      if (typeof value !== 'string') return fail('value', 'value must be text');
      const maxLength = question.maxLength ?? DEFAULT_TEXT_MAX_LENGTH[question.kind];
      if (value.length > maxLength) {
        return fail('value', `value must be at most ${maxLength} characters (got ${value.length})`);
      }
      return ok(
        question.kind === 'short-text' ? { kind: 'short-text', value } : { kind: 'long-text', value },
      );
    }
    case 'yes-no-unknown': {
      if (!isOneOf(YES_NO_UNKNOWN, value))
        return fail('value', `value must be one of: ${YES_NO_UNKNOWN.join(', ')}`);
      return ok({ kind: 'yes-no-unknown', value });
    }
  }
}

/** JSON with object keys sorted and string lists sorted, so equal answer values give equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    const items = value.map(canonicalJson);
    // A multi-choice answer is a set: which box was ticked first does not change it.
    if (value.every((item) => typeof item === 'string')) items.sort();
    return `[${items.join(',')}]`;
  }
  if (isRecord(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Whether two answer values (or two stored answers) say the same thing. Not `JSON.stringify`: a
 * database's JSON column may hand back `{ low, high, likely }` for a `{ low, likely, high }` that was
 * saved, and a multi-choice answer is the same set whatever order its options were ticked in.
 */
export function sameAnswerValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** Whether the question's derived value exists in the context (always false for a question that is not derived). */
export function hasDerivedValue(question: Question, context: WorksheetContext = {}): boolean {
  return (
    question.derivedFrom !== undefined && context[DERIVED_CONTEXT_KEY[question.derivedFrom]] !== undefined
  );
}

/**
 * Whether a question counts as answered: its derived value exists in the context, or it has an answer of
 * the question's current kind that says something (non-blank text, at least one option of a `multi`).
 * An answer of another kind (the question changed kind since it was stored) does not count.
 */
export function isAnswered(
  question: Question,
  answer: Answer | undefined,
  context: WorksheetContext = {},
): boolean {
  if (hasDerivedValue(question, context)) return true;
  if (answer === undefined || answer.kind !== question.kind) return false;
  switch (answer.kind) {
    case 'short-text':
    case 'long-text':
      return answer.value.trim() !== '';
    case 'multi':
      return answer.value.length > 0;
    default:
      return true;
  }
}

/** Whether the question with this id is answered in `answers` (or by the context). */
export function isQuestionAnswered(
  id: QuestionId,
  answers: WorksheetAnswers,
  context: WorksheetContext = {},
): boolean {
  const question = findQuestion(id);
  return question !== undefined && isAnswered(question, answers[id], context);
}

export interface ProgressCount {
  readonly answered: number;
  readonly total: number;
}

export interface WorksheetProgress {
  readonly overall: ProgressCount;
  readonly byGroup: Readonly<Record<WorksheetGroup, ProgressCount>>;
}

/**
 * Answered and total questions per group and overall, over the current bank. A derived question counts
 * as answered when its live value exists in `context` (or the team entered it by hand); answers to ids
 * the bank no longer holds are ignored.
 */
export function computeProgress(
  answers: WorksheetAnswers,
  context: WorksheetContext = {},
): WorksheetProgress {
  const counts = Object.fromEntries(WORKSHEET_GROUP_IDS.map((g) => [g, { answered: 0, total: 0 }])) as Record<
    WorksheetGroup,
    { answered: number; total: number }
  >;
  let answered = 0;
  for (const question of QUESTION_BANK) {
    const count = counts[question.group];
    count.total++;
    if (isAnswered(question, answers[question.id], context)) {
      count.answered++;
      answered++;
    }
  }
  return { overall: { answered, total: QUESTION_BANK.length }, byGroup: counts };
}

// Typed readers for the verdict rules: each returns the answer only when it exists, is of the question's
// current kind and says something, so rules never see stale or blank values.

function answerOf<K extends QuestionKind>(answers: WorksheetAnswers, id: QuestionId, kind: K) {
  const question = findQuestion(id);
  const answer = answers[id];
  if (question === undefined || answer === undefined || !isAnswered(question, answer)) return undefined;
  return answer.kind === kind ? (answer as AnswerOfKind<K>) : undefined;
}

/** The number answered to a `number` question. */
export function readNumber(answers: WorksheetAnswers, id: QuestionIdOfKind<'number'>): number | undefined {
  return answerOf(answers, id, 'number')?.value;
}

/** The option chosen for a `single` question, if it is still one of the question's options. */
export function readChoice<Id extends QuestionIdOfKind<'single'>>(
  answers: WorksheetAnswers,
  id: Id,
): OptionValueOf<Id> | undefined {
  const value = answerOf(answers, id, 'single')?.value;
  const question = findQuestion(id);
  if (value === undefined || question?.kind !== 'single') return undefined;
  return question.options.some((o) => o.value === value) ? (value as OptionValueOf<Id>) : undefined;
}

/** The yes / no / unknown answered. */
export function readYesNo(
  answers: WorksheetAnswers,
  id: QuestionIdOfKind<'yes-no-unknown'>,
): YesNoUnknown | undefined {
  return answerOf(answers, id, 'yes-no-unknown')?.value;
}

/** The three-point estimate answered to a `range` question. */
export function readRange(answers: WorksheetAnswers, id: QuestionIdOfKind<'range'>): RangeValue | undefined {
  return answerOf(answers, id, 'range')?.value;
}

/** The duration answered to a `duration` question. */
export function readDuration(
  answers: WorksheetAnswers,
  id: QuestionIdOfKind<'duration'>,
): Duration | undefined {
  return answerOf(answers, id, 'duration')?.value;
}

/** The non-blank text answered to a text question. */
export function readText(
  answers: WorksheetAnswers,
  id: QuestionIdOfKind<'short-text' | 'long-text'>,
): string | undefined {
  const answer = answerOf(answers, id, 'short-text') ?? answerOf(answers, id, 'long-text');
  return answer?.value.trim();
}
