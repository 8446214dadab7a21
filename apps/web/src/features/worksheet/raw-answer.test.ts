import { findQuestion, type Question } from '@raisin/core/worksheet';
import { describe, expect, it } from 'vitest';
import { emptyRaw, parseRaw, rawFromAnswer, sameParsedValue } from './raw-answer';

function question(id: string): Question {
  const found = findQuestion(id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
}

describe('parseRaw', () => {
  it('turns typed numbers into values, blank into a cleared answer, and names bad fields', () => {
    const target = question('E.target-quality');
    expect(parseRaw(target, { kind: 'number', value: ' 0,85 ' })).toEqual({ status: 'value', value: 0.85 });
    expect(parseRaw(target, { kind: 'number', value: '' })).toEqual({ status: 'value', value: null });
    expect(parseRaw(target, { kind: 'number', value: 'abc' })).toMatchObject({
      status: 'invalid',
      field: 'value',
    });
    expect(parseRaw(target, { kind: 'number', value: '1.5' })).toEqual({
      status: 'invalid',
      field: 'value',
      message: 'value must be ≤ 1',
    });
  });

  it('waits for all three points of a range and checks their order', () => {
    const pilot = question('H.months-to-pilot');
    expect(parseRaw(pilot, { kind: 'range', low: '', likely: '', high: '' })).toEqual({
      status: 'value',
      value: null,
    });
    expect(parseRaw(pilot, { kind: 'range', low: '2', likely: '', high: '' }).status).toBe('incomplete');
    expect(parseRaw(pilot, { kind: 'range', low: '5', likely: '3', high: '9' })).toMatchObject({
      status: 'invalid',
      field: 'low',
    });
    expect(parseRaw(pilot, { kind: 'range', low: '2', likely: '3', high: 'x' })).toMatchObject({
      status: 'invalid',
      field: 'high',
    });
    expect(parseRaw(pilot, { kind: 'range', low: '2', likely: '3', high: '6' })).toEqual({
      status: 'value',
      value: { low: 2, likely: 3, high: 6 },
    });
  });

  it('sends durations with their unit, texts as typed and empty choices as null', () => {
    expect(parseRaw(question('C.outcome-delay'), { kind: 'duration', value: '90', unit: 'day' })).toEqual({
      status: 'value',
      value: { value: 90, unit: 'day' },
    });
    expect(parseRaw(question('C.entity'), { kind: 'short-text', value: '  ' })).toEqual({
      status: 'value',
      value: '  ',
    });
    expect(parseRaw(question('C.entity'), { kind: 'short-text', value: 'x'.repeat(201) })).toMatchObject({
      status: 'invalid',
      field: 'value',
    });
    expect(parseRaw(question('G.where-it-runs'), { kind: 'multi', value: [] })).toEqual({
      status: 'value',
      value: null,
    });
    expect(parseRaw(question('G.serving-mode'), { kind: 'single', value: 'online' })).toEqual({
      status: 'value',
      value: 'online',
    });
  });
});

describe('rawFromAnswer', () => {
  it('round-trips every kind of answer through the controls', () => {
    const cases: [string, unknown][] = [
      ['G.serving-mode', 'online'],
      ['G.where-it-runs', ['cloud', 'edge']],
      ['G.latency-p99', 25],
      ['C.outcome-delay', { value: 3, unit: 'month' }],
      ['E.expected-quality', { low: 0.7, likely: 0.8, high: 0.9 }],
      ['A.end-user', 'Pharmacy buyers'],
      ['A.decision', 'Line one\nline two'],
      ['B.people-agree', 'unknown'],
    ];
    for (const [id, value] of cases) {
      const q = question(id);
      const parsed = parseRaw(q, rawFromAnswer(q, { kind: q.kind, value } as never));
      expect(parsed, id).toEqual({ status: 'value', value });
    }
  });

  it('shows huge and tiny numbers with every digit, never in exponent notation', () => {
    const q = question('D.label-cost');
    const raw = rawFromAnswer(q, { kind: 'number', value: 1e23 });
    expect(raw).toEqual({ kind: 'number', value: '100000000000000000000000' });
    expect(parseRaw(q, raw)).toEqual({ status: 'value', value: 1e23 });
  });

  it('shows an answer of another kind (the bank changed) as empty', () => {
    const q = question('G.latency-p99');
    expect(rawFromAnswer(q, { kind: 'short-text', value: 'fast' })).toEqual(emptyRaw(q));
  });
});

describe('sameParsedValue', () => {
  it('treats differently typed forms of one number as equal', () => {
    const q = question('E.target-quality');
    expect(sameParsedValue(q, { kind: 'number', value: '0.90' }, { kind: 'number', value: '0.9' })).toBe(
      true,
    );
    expect(sameParsedValue(q, { kind: 'number', value: '0.91' }, { kind: 'number', value: '0.9' })).toBe(
      false,
    );
  });
});
