import { duration } from '@raisin/core/tradeoff';
import { describe, expect, it } from 'vitest';
import {
  type AngleDraft,
  angleToDraft,
  effectiveAngle,
  localIsoDate,
  measuredOnError,
  parseAngleDraft,
  parseNumber,
} from './form-values';

const saved = {
  name: 'Decent model',
  effort: { low: duration(3, 'day'), likely: duration(1, 'week'), high: duration(3, 'week') },
  quality: { low: 0.74, likely: 0.82, high: 0.86 },
  costRate: null,
  riskNotes: '',
};

describe('angle drafts', () => {
  it('round-trips a saved angle through its draft', () => {
    const parsed = parseAngleDraft(angleToDraft(saved), 1);
    expect(parsed).toEqual({ ok: true, value: saved });
  });

  it('names each bad field', () => {
    const draft: AngleDraft = {
      ...angleToDraft(saved),
      name: ' ',
      quality: { low: '0.9', likely: '0.82', high: 'x' },
      effort: { ...angleToDraft(saved).effort, likely: { value: '-2', unit: 'week' } },
      costAmount: '-5',
    };
    const parsed = parseAngleDraft(draft, 1);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.errors).sort()).toEqual(
      ['costAmount', 'effort.likely', 'name', 'quality.high'].sort(),
    );
    expect(parsed.errors['effort.likely']).toMatch(/^Likely effort/);
  });

  it('checks the order of the estimates and the metric range', () => {
    const outOfOrder = parseAngleDraft(
      { ...angleToDraft(saved), quality: { low: '0.9', likely: '0.82', high: '0.95' } },
      1,
    );
    expect(outOfOrder.ok ? {} : outOfOrder.errors).toEqual({
      'quality.low': 'Low quality: must not exceed the likely quality',
    });
    const tooHigh = parseAngleDraft(
      { ...angleToDraft(saved), quality: { low: '0.8', likely: '0.9', high: '1.1' } },
      1,
    );
    expect(tooHigh.ok ? {} : tooHigh.errors).toEqual({
      'quality.high': 'High quality: must lie between 0 and 1',
    });
  });

  it('computes with the draft while it parses and with the saved angle otherwise', () => {
    const editing = { ...angleToDraft(saved), quality: { low: '0.74', likely: '0.84', high: '0.86' } };
    expect(effectiveAngle('a', saved, editing, 1).quality.likely).toBe(0.84);
    const broken = { ...editing, quality: { low: '0.74', likely: '', high: '0.86' } };
    expect(effectiveAngle('a', saved, broken, 1).quality.likely).toBe(0.82);
  });

  it('parses numbers and refuses blanks and words', () => {
    expect(parseNumber(' 0.5 ')).toBe(0.5);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('abc')).toBeNull();
  });
});

describe('the measured-on date', () => {
  it('is refused when blank or after today, naming the field', () => {
    expect(measuredOnError('', '2026-03-10')).toBe('Measured on: pick a date');
    expect(measuredOnError('2026-03-11', '2026-03-10')).toBe(
      'Measured on: 2026-03-11 is in the future; pick today (2026-03-10) or an earlier day',
    );
    expect(measuredOnError('2026-03-10', '2026-03-10')).toBeUndefined();
    expect(measuredOnError('2025-12-31', '2026-03-10')).toBeUndefined();
  });

  it("reads today on this device's calendar, zero-padded", () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('refuses a name or risk notes over their limit, showing the count, never cutting them', () => {
    const draft = angleToDraft(saved);
    const parsed = parseAngleDraft({ ...draft, name: 'n'.repeat(121), riskNotes: 'r'.repeat(2001) }, 1);
    expect(parsed).toEqual({
      ok: false,
      errors: {
        name: 'Name: 121/120 characters, 1 too many.',
        riskNotes: 'Risk notes: 2001/2000 characters, 1 too many.',
      },
    });
    const atLimit = parseAngleDraft({ ...draft, name: 'n'.repeat(120) }, 1);
    expect(atLimit.ok && atLimit.value.name).toBe('n'.repeat(120));
  });
});
