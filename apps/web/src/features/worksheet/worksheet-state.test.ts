import { computeVerdict } from '@raisin/core/worksheet';
import { describe, expect, it } from 'vitest';
import type { AnswerDto } from './types';
import { mergeAnswers, toWorksheetContext } from './worksheet-state';

const dto = (questionId: string, value: AnswerDto['value'], version = 1): AnswerDto => ({
  questionId,
  value,
  version,
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'u1',
  updatedByName: 'Ann',
});

describe('toWorksheetContext', () => {
  it('keeps only what the other tabs measured, and reads a null time as never', () => {
    expect(
      toWorksheetContext({ humanCeiling: null, bestAngle: null, timeToTarget: null, maturityLevel: null }),
    ).toEqual({});
    expect(
      toWorksheetContext({
        humanCeiling: { value: 0.81, ci: [0.75, 0.86], sampleName: 'batch 1' },
        bestAngle: { name: 'Fine-tuned', expectedQuality: 0.88 },
        timeToTarget: { p50Days: 30, p90Days: null },
        maturityLevel: 0,
      }),
    ).toEqual({
      humanCeiling: { value: 0.81, ci: [0.75, 0.86] },
      bestAngle: { name: 'Fine-tuned', expectedQuality: 0.88 },
      timeToTarget: { p50Days: 30, p90Days: Number.POSITIVE_INFINITY },
      maturityLevel: 0,
    });
  });
});

describe('mergeAnswers', () => {
  it('overlays valid unsent drafts on the saved answers, and ignores unfinished ones', () => {
    const saved = [
      dto('E.target-quality', { kind: 'number', value: 0.9 }),
      dto('K.readers', { kind: 'short-text', value: 'CFO' }),
      dto('C.entity', null, 3),
    ];
    const merged = mergeAnswers(saved, {
      'E.target-quality': { raw: { kind: 'number', value: '0.95' }, baseVersion: 1, editedAt: 0 },
      'K.readers': { raw: { kind: 'short-text', value: 'x'.repeat(500) }, baseVersion: 1, editedAt: 0 },
      'H.months-to-pilot': {
        raw: { kind: 'range', low: '1', likely: '', high: '' },
        baseVersion: 0,
        editedAt: 0,
      },
      'G.latency-p99': { raw: { kind: 'number', value: '5' }, baseVersion: 0, editedAt: 0 },
    });
    expect(merged).toEqual({
      'E.target-quality': { kind: 'number', value: 0.95 },
      'K.readers': { kind: 'short-text', value: 'CFO' },
      'G.latency-p99': { kind: 'number', value: 5 },
    });
  });

  it('lets a draft that clears an answer remove it from the verdict', () => {
    const saved = [
      dto('B.heuristic-quality', { kind: 'number', value: 0.97 }),
      dto('E.target-quality', { kind: 'number', value: 0.9 }),
    ];
    expect(computeVerdict({ answers: mergeAnswers(saved, {}) }).findings.map((f) => f.ruleId)).toContain(
      'heuristic-meets-target',
    );
    const cleared = mergeAnswers(saved, {
      'B.heuristic-quality': { raw: { kind: 'number', value: '' }, baseVersion: 1, editedAt: 0 },
    });
    expect(cleared['B.heuristic-quality']).toBeUndefined();
    expect(computeVerdict({ answers: cleared }).findings.map((f) => f.ruleId)).not.toContain(
      'heuristic-meets-target',
    );
  });
});
