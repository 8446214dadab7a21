import { describe, expect, it } from 'vitest';
import { applyRoadmapEdit } from './apply-edit';
import { generateRoadmap } from './generate-roadmap';
import type { Roadmap } from './types';

function base(): Roadmap {
  const result = generateRoadmap({ startDate: '2025-01-06', currentLevel: 0, targetLevel: 1 });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function apply(roadmap: Roadmap, edit: Parameters<typeof applyRoadmapEdit>[1]): Roadmap {
  const result = applyRoadmapEdit(roadmap, edit);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('applyRoadmapEdit', () => {
  it('dispatches each edit to its rule and records it', () => {
    let roadmap = base();
    roadmap = apply(roadmap, { type: 'renamePhase', phaseId: 'heuristic', name: 'Keyword rule live' });
    roadmap = apply(roadmap, {
      type: 'setPhaseEstimate',
      phaseId: 'ml-baseline',
      estimate: { low: 1, likely: 2, high: 3 },
    });
    roadmap = apply(roadmap, {
      type: 'addPhase',
      name: 'Security review',
      estimate: { low: 2, likely: 3, high: 5 },
      index: 2,
    });
    roadmap = apply(roadmap, { type: 'addMilestone', phaseId: 'custom-1', name: 'Sign-off' });
    roadmap = apply(roadmap, { type: 'movePhase', phaseId: 'custom-1', toIndex: 3 });
    roadmap = apply(roadmap, {
      type: 'removeMilestone',
      phaseId: 'heuristic',
      milestoneId: 'heuristic.heuristic-live',
    });
    expect(roadmap.phases.map((phase) => phase.id)).toEqual([
      'heuristic',
      'ml-baseline',
      'first-production-model',
      'custom-1',
      'pipeline-automation',
    ]);
    expect(roadmap.phases[0]).toMatchObject({
      name: 'Keyword rule live',
      edited: ['name', 'milestones'],
      milestones: [],
    });
    expect(roadmap.phases[1]?.schedule.durationP50).toBe(2);
    expect(roadmap.phases[3]?.milestones).toEqual([{ id: 'custom-1.m1', name: 'Sign-off' }]);
    expect(roadmap.orderEdited).toBe(true);
    expect(roadmap.revision).toBe(6);
  });

  it('returns the rule’s error for a refused edit', () => {
    expect(applyRoadmapEdit(base(), { type: 'renamePhase', phaseId: 'heuristic', name: '  ' })).toMatchObject(
      {
        ok: false,
        error: { code: 'empty_name' },
      },
    );
    expect(applyRoadmapEdit(base(), { type: 'removePhase', phaseId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'unknown_phase' },
    });
  });
});
