import { generateRoadmap, type RoadmapPhase } from '@raisin/core/roadmap';
import { describe, expect, it } from 'vitest';
import { checkEstimate, draftOf, editsFromDraft } from './phase-form';

function phase(): RoadmapPhase {
  const result = generateRoadmap({ startDate: '2025-01-06', currentLevel: 0, targetLevel: 0 });
  if (!result.ok) throw new Error(result.error.message);
  const first = result.value.phases[0];
  if (!first) throw new Error('no phase');
  return first;
}

describe('editsFromDraft', () => {
  it('produces no edit for an untouched draft', () => {
    expect(editsFromDraft(phase(), draftOf(phase()))).toEqual({ edits: [], errors: {} });
  });

  it('produces one edit per changed field, in order', () => {
    const original = phase();
    const draft = {
      ...draftOf(original),
      name: '  Keyword rule live ',
      likely: '6',
      milestones: { 'heuristic.heuristic-live': 'Rule shipped' },
    };
    expect(editsFromDraft(original, draft).edits).toEqual([
      { type: 'renamePhase', phaseId: 'heuristic', name: 'Keyword rule live' },
      { type: 'setPhaseEstimate', phaseId: 'heuristic', estimate: { low: 2, likely: 6, high: 10 } },
      {
        type: 'renameMilestone',
        phaseId: 'heuristic',
        milestoneId: 'heuristic.heuristic-live',
        name: 'Rule shipped',
      },
    ]);
  });

  it('names each bad field and sends nothing', () => {
    const original = phase();
    const result = editsFromDraft(original, { ...draftOf(original), name: ' ', high: 'soon' });
    expect(result.edits).toEqual([]);
    expect(result.errors).toEqual({
      name: 'Enter a name for the phase.',
      high: 'High must be a number of working days.',
    });
  });
});

describe('checkEstimate', () => {
  it('refuses unordered, negative and huge values', () => {
    expect(checkEstimate({ low: '5', likely: '3', high: '9' }).errors).toEqual({
      likely: 'Likely must be at least the low estimate.',
    });
    expect(checkEstimate({ low: '1', likely: '3', high: '2' }).errors).toEqual({
      high: 'High must be at least the likely estimate.',
    });
    expect(checkEstimate({ low: '-1', likely: '3', high: '99999' }).errors).toEqual({
      low: 'Low must be between 0 and 2600 working days.',
      high: 'High must be between 0 and 2600 working days.',
    });
    expect(checkEstimate({ low: '1', likely: '2.5', high: '4' })).toEqual({
      estimate: { low: 1, likely: 2.5, high: 4 },
      errors: {},
    });
  });
});

describe('length limits', () => {
  it('refuses a phase name, description or milestone over its limit, showing the count', () => {
    const draft = draftOf(phase());
    const milestoneIds = Object.keys(draft.milestones);
    expect(milestoneIds.length).toBeGreaterThan(0);
    const long = {
      ...draft,
      name: 'p'.repeat(201),
      description: 'd'.repeat(2001),
      milestones: Object.fromEntries(milestoneIds.map((id) => [id, 'm'.repeat(201)])),
    };
    const { edits, errors } = editsFromDraft(phase(), long);
    expect(edits).toEqual([]);
    expect(errors.name).toBe('Phase name: 201/200 characters, 1 too many.');
    expect(errors.description).toBe('Description: 2001/2000 characters, 1 too many.');
    for (const id of milestoneIds) {
      expect(errors[`milestone:${id}`]).toBe('Milestone: 201/200 characters, 1 too many.');
    }
  });
});
