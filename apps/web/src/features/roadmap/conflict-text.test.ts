import { generateRoadmap, type Roadmap } from '@raisin/core/roadmap';
import { describe, expect, it } from 'vitest';
import { describeConflict, formatFieldValue } from './conflict-text';

function base(): Roadmap {
  const result = generateRoadmap({ startDate: '2025-01-06', currentLevel: 0, targetLevel: 1 });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('describeConflict', () => {
  it('names the phase and field and shows both values in words', () => {
    const text = describeConflict(
      {
        kind: 'field',
        phaseId: 'ml-baseline',
        field: 'estimate',
        manual: { low: 1, likely: 2, high: 4 },
        previousGenerated: { low: 5, likely: 10, high: 20 },
        regenerated: { low: 3, likely: 6, high: 12 },
      },
      base(),
    );
    expect(text).toMatchObject({
      field: 'estimate',
      title: 'Duration estimate of “ML baseline”',
      manual: '1 / 2 / 4 working days (low / likely / high)',
      generated: '3 / 6 / 12 working days (low / likely / high)',
    });
  });

  it('explains a phase the generator dropped', () => {
    const text = describeConflict({ kind: 'phase', phaseId: 'pipeline-automation' }, base());
    expect(text.field).toBeNull();
    expect(text.title).toContain('no longer has this phase');
    expect(text.title).toContain('Pipeline automation');
  });
});

describe('formatFieldValue', () => {
  it('turns dependency ids into phase names and handles odd values', () => {
    const names = new Map([['heuristic', 'Heuristic in production']]);
    expect(formatFieldValue('dependsOn', ['heuristic', 'custom-9'], names)).toBe(
      'Heuristic in production, custom-9',
    );
    expect(formatFieldValue('dependsOn', [], names)).toBe('(none)');
    expect(formatFieldValue('milestones', [{ id: 'a', name: 'Live' }], names)).toBe('Live');
    expect(formatFieldValue('estimate', 'oops', names)).toBe('(unknown)');
    expect(formatFieldValue('name', '', names)).toBe('(empty)');
  });
});
