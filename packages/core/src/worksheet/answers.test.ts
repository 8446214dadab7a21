import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Answer,
  computeProgress,
  isAnswered,
  readChoice,
  readNumber,
  readText,
  sameAnswerValue,
  validateAnswer,
} from './answers';
import {
  findQuestion,
  QUESTION_BANK,
  type Question,
  questionsInGroup,
  WORKSHEET_GROUP_IDS,
} from './question-bank';
import { answersFrom } from './test-support';

function question(id: string): Question {
  const q = findQuestion(id);
  if (q === undefined) throw new Error(`no question ${id}`);
  return q;
}

const errorOf = (id: string, value: unknown) => {
  const result = validateAnswer(question(id), value);
  return result.ok ? null : result.error;
};

describe('validateAnswer', () => {
  it('accepts a valid value of each kind and tags it with the kind', () => {
    expect(validateAnswer(question('G.serving-mode'), 'online')).toEqual({
      ok: true,
      value: { kind: 'single', value: 'online' },
    });
    expect(validateAnswer(question('G.where-it-runs'), ['cloud', 'edge'])).toEqual({
      ok: true,
      value: { kind: 'multi', value: ['cloud', 'edge'] },
    });
    expect(validateAnswer(question('G.latency-p99'), 50)).toEqual({
      ok: true,
      value: { kind: 'number', value: 50 },
    });
    expect(validateAnswer(question('C.outcome-delay'), { value: 3, unit: 'month' })).toEqual({
      ok: true,
      value: { kind: 'duration', value: { value: 3, unit: 'month' } },
    });
    expect(validateAnswer(question('H.months-to-production'), { low: 3, likely: 5, high: 9 })).toEqual({
      ok: true,
      value: { kind: 'range', value: { low: 3, likely: 5, high: 9 } },
    });
    expect(validateAnswer(question('K.sign-off'), 'The VP of product')).toEqual({
      ok: true,
      value: { kind: 'short-text', value: 'The VP of product' },
    });
    expect(validateAnswer(question('A.decision'), 'Which supplier to reorder from')).toMatchObject({
      ok: true,
      value: { kind: 'long-text' },
    });
    expect(validateAnswer(question('D.labels-exist'), 'unknown')).toEqual({
      ok: true,
      value: { kind: 'yes-no-unknown', value: 'unknown' },
    });
  });

  it('refuses a choice outside the options, naming the field and listing the options', () => {
    expect(errorOf('G.serving-mode', 'streaming')).toEqual({
      field: 'value',
      message: 'value must be one of: online, precomputed',
    });
    expect(errorOf('G.where-it-runs', ['cloud', 'moon'])).toMatchObject({ field: 'value[1]' });
    expect(errorOf('G.where-it-runs', ['cloud', 'cloud'])).toEqual({
      field: 'value[1]',
      message: "value[1] repeats 'cloud'",
    });
    expect(errorOf('G.where-it-runs', 'cloud')).toMatchObject({ field: 'value' });
  });

  it('refuses a number where text is expected and text where a number is expected', () => {
    expect(errorOf('K.sign-off', 42)).toEqual({ field: 'value', message: 'value must be text' });
    expect(errorOf('G.latency-p99', '50')).toEqual({ field: 'value', message: 'value must be a number' });
    expect(errorOf('G.latency-p99', Number.NaN)).toMatchObject({ field: 'value' });
    expect(errorOf('G.latency-p99', Number.POSITIVE_INFINITY)).toMatchObject({ field: 'value' });
  });

  it('refuses numbers outside the bounds or not whole when whole numbers are asked', () => {
    expect(errorOf('E.target-quality', 1.2)).toEqual({ field: 'value', message: 'value must be ≤ 1' });
    expect(errorOf('E.target-quality', -0.1)).toEqual({ field: 'value', message: 'value must be ≥ 0' });
    expect(errorOf('E.target-quality', 1)).toBeNull();
    expect(errorOf('H.team-size', 2.5)).toEqual({ field: 'value', message: 'value must be a whole number' });
    expect(errorOf('H.model-count', 0)).toEqual({ field: 'value', message: 'value must be ≥ 1' });
  });

  it('refuses a duration with a negative value or an unknown unit, naming the field', () => {
    expect(errorOf('K.horizon', { value: -1, unit: 'month' })).toEqual({
      field: 'value',
      message: 'value must be ≥ 0',
    });
    expect(errorOf('K.horizon', { value: 2, unit: 'fortnight' })).toMatchObject({ field: 'unit' });
    expect(errorOf('K.horizon', 6)).toMatchObject({ field: 'value' });
  });

  it('refuses an unordered or out-of-bounds range, naming the field', () => {
    expect(errorOf('H.months-to-production', { low: 6, likely: 4, high: 9 })).toEqual({
      field: 'low',
      message: 'low must be ≤ likely',
    });
    expect(errorOf('H.months-to-production', { low: 2, likely: 4, high: 3 })).toEqual({
      field: 'high',
      message: 'high must be ≥ likely',
    });
    expect(errorOf('H.months-to-production', { low: 2, likely: 'soon', high: 3 })).toEqual({
      field: 'likely',
      message: 'likely must be a number',
    });
    expect(errorOf('E.expected-quality', { low: 0.5, likely: 0.9, high: 1.1 })).toEqual({
      field: 'high',
      message: 'high must be ≤ 1',
    });
  });

  it('accepts a range exactly when low ≤ likely ≤ high', () => {
    const months = question('H.months-to-production');
    fc.assert(
      fc.property(fc.nat(600), fc.nat(600), fc.nat(600), (low, likely, high) => {
        const result = validateAnswer(months, { low, likely, high });
        expect(result.ok).toBe(low <= likely && likely <= high);
      }),
    );
  });

  it('refuses an over-long text and accepts one at the limit', () => {
    expect(errorOf('K.sign-off', 'x'.repeat(200))).toBeNull();
    expect(errorOf('K.sign-off', 'x'.repeat(201))).toEqual({
      field: 'value',
      message: 'value must be at most 200 characters (got 201)',
    });
    expect(errorOf('A.decision', 'x'.repeat(5001))).toMatchObject({ field: 'value' });
  });

  it('refuses anything but yes, no or unknown for a yes-no-unknown question', () => {
    expect(errorOf('D.labels-exist', 'maybe')).toEqual({
      field: 'value',
      message: 'value must be one of: yes, no, unknown',
    });
    expect(errorOf('D.labels-exist', true)).toMatchObject({ field: 'value' });
  });
});

describe('sameAnswerValue', () => {
  it('ignores the order of object keys and of ticked options, not the values', () => {
    expect(sameAnswerValue({ low: 1, likely: 2, high: 3 }, { high: 3, low: 1, likely: 2 })).toBe(true);
    expect(
      sameAnswerValue(
        { kind: 'duration', value: { value: 2, unit: 'week' } },
        { value: { unit: 'week', value: 2 }, kind: 'duration' },
      ),
    ).toBe(true);
    expect(sameAnswerValue(['ab-test', 'offline'], ['offline', 'ab-test'])).toBe(true);
    expect(sameAnswerValue({ low: 1, likely: 2, high: 3 }, { low: 1, likely: 2, high: 4 })).toBe(false);
    expect(sameAnswerValue({ value: 2, unit: 'week' }, { value: 2, unit: 'month' })).toBe(false);
    expect(sameAnswerValue(['ab-test'], ['ab-test', 'offline'])).toBe(false);
    expect(sameAnswerValue('text', 'text ')).toBe(false);
    expect(sameAnswerValue(null, null)).toBe(true);
    expect(sameAnswerValue(null, '')).toBe(false);
    expect(sameAnswerValue(0, null)).toBe(false);
  });
});

describe('isAnswered', () => {
  it('does not count blank text, an empty selection, or an answer of another kind', () => {
    const signOff = question('K.sign-off');
    expect(isAnswered(signOff, { kind: 'short-text', value: '   ' })).toBe(false);
    expect(isAnswered(signOff, { kind: 'short-text', value: 'Ana' })).toBe(true);
    expect(isAnswered(signOff, { kind: 'number', value: 3 })).toBe(false);
    expect(isAnswered(signOff, undefined)).toBe(false);
    const runsOn = question('G.where-it-runs');
    expect(isAnswered(runsOn, { kind: 'multi', value: [] })).toBe(false);
    expect(isAnswered(runsOn, { kind: 'multi', value: ['cloud'] })).toBe(true);
  });

  it('counts a derived question as answered when its live value exists', () => {
    const ceiling = question('E.human-ceiling');
    expect(isAnswered(ceiling, undefined)).toBe(false);
    expect(isAnswered(ceiling, undefined, { humanCeiling: { value: 0.81 } })).toBe(true);
    expect(isAnswered(ceiling, undefined, { maturityLevel: 1 })).toBe(false);
    expect(isAnswered(question('J.current-maturity'), undefined, { maturityLevel: 0 })).toBe(true);
    const measured = question('D.agreement-measured');
    expect(isAnswered(measured, undefined, { maturityLevel: 0 })).toBe(false);
    expect(isAnswered(measured, undefined, { humanCeiling: { value: 0.81 } })).toBe(true);
    // Without a scored sample the team may answer by hand (e.g. measured outside Raisin).
    expect(isAnswered(measured, { kind: 'yes-no-unknown', value: 'yes' })).toBe(true);
  });
});

describe('typed readers', () => {
  it('return nothing for a stored answer whose kind no longer matches the question', () => {
    const stale: Record<string, Answer> = {
      'E.target-quality': { kind: 'short-text', value: '0.9' },
      'G.serving-mode': { kind: 'single', value: 'streaming' },
      'E.optimizing-metric': { kind: 'short-text', value: '  accuracy ' },
    };
    expect(readNumber(stale, 'E.target-quality')).toBeUndefined();
    expect(readChoice(stale, 'G.serving-mode')).toBeUndefined();
    expect(readText(stale, 'E.optimizing-metric')).toBe('accuracy');
  });
});

describe('computeProgress', () => {
  it('counts nothing answered on an empty worksheet, with totals per group summing to the bank', () => {
    const progress = computeProgress({});
    expect(progress.overall).toEqual({ answered: 0, total: QUESTION_BANK.length });
    const totals = WORKSHEET_GROUP_IDS.map((g) => progress.byGroup[g].total);
    expect(totals.reduce((a, b) => a + b, 0)).toBe(QUESTION_BANK.length);
    expect(progress.byGroup.G).toEqual({ answered: 0, total: questionsInGroup('G').length });
  });

  it('counts answered questions per group and overall, ignoring blanks and unknown ids', () => {
    const answers = {
      ...answersFrom({
        'G.serving-mode': 'online',
        'G.latency-p99': 20,
        'K.sign-off': 'Ana',
        'A.decision': '   ',
      }),
      'Z.retired-question': { kind: 'number', value: 1 } as const,
    };
    const progress = computeProgress(answers);
    expect(progress.byGroup.G.answered).toBe(2);
    expect(progress.byGroup.K.answered).toBe(1);
    expect(progress.byGroup.A.answered).toBe(0);
    expect(progress.overall).toEqual({ answered: 3, total: QUESTION_BANK.length });
  });

  it('counts derived questions as answered when the other tabs supply their values', () => {
    const context = {
      humanCeiling: { value: 0.8 },
      timeToTarget: { p50Days: 30, p90Days: 90 },
      bestAngle: { name: 'fine-tuned model', expectedQuality: 0.78 },
      maturityLevel: 0,
    } as const;
    const progress = computeProgress({}, context);
    expect(progress.overall.answered).toBe(5);
    // The Agreement ceiling answers both "measured a double-labeled sample?" (D) and the ceiling (E).
    expect(progress.byGroup.D.answered).toBe(1);
    expect(progress.byGroup.E.answered).toBe(1);
    expect(progress.byGroup.F.answered).toBe(2);
    expect(progress.byGroup.J.answered).toBe(1);
  });

  it('reaches every question when all are answered', () => {
    const sample: Record<string, unknown> = {
      single: undefined,
      number: 1,
      duration: { value: 1, unit: 'day' },
      range: { low: 0, likely: 0.5, high: 1 },
      'short-text': 'x',
      'long-text': 'x',
      'yes-no-unknown': 'yes',
    };
    const values = Object.fromEntries(
      QUESTION_BANK.map((q) => [
        q.id,
        q.kind === 'single'
          ? q.options[0]?.value
          : q.kind === 'multi'
            ? [q.options[0]?.value]
            : sample[q.kind],
      ]),
    );
    const progress = computeProgress(answersFrom(values));
    expect(progress.overall).toEqual({ answered: QUESTION_BANK.length, total: QUESTION_BANK.length });
  });
});
