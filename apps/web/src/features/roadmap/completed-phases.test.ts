import { generateRoadmap, type PhaseKind, type Roadmap, removePhase } from '@raisin/core/roadmap';
import { describe, expect, it } from 'vitest';
import { phasesMarkedDone } from './completed-phases';

function generated(completedPhases: readonly PhaseKind[]): Roadmap {
  const result = generateRoadmap({
    startDate: '2030-01-07',
    currentLevel: 0,
    targetLevel: 1,
    completedPhases,
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('phasesMarkedDone', () => {
  it('is empty before a roadmap exists and for a roadmap generated with every phase', () => {
    expect(phasesMarkedDone(null)).toEqual([]);
    expect(phasesMarkedDone(generated([]))).toEqual([]);
  });

  it('names the phases the roadmap was generated without', () => {
    expect(phasesMarkedDone(generated(['heuristic', 'first-production-model']))).toEqual([
      'heuristic',
      'first-production-model',
    ]);
  });

  it('does not count a phase removed by hand as done (regeneration keeps it removed anyway)', () => {
    const removed = removePhase(generated([]), 'heuristic');
    if (!removed.ok) throw new Error(removed.error.message);
    expect(phasesMarkedDone(removed.value)).toEqual([]);
  });
});
