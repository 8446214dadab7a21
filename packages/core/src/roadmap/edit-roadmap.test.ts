import { describe, expect, it } from 'vitest';
import type { Result } from '../shared';
import {
  addMilestone,
  addPhase,
  mergeRegenerated,
  movePhase,
  removeMilestone,
  removePhase,
  renameMilestone,
  renamePhase,
  resolveConflict,
  setPhaseDependencies,
  setPhaseEstimate,
} from './edit-roadmap';
import { type GenerateRoadmapInput, generateRoadmap } from './generate-roadmap';
import type { Roadmap, RoadmapError } from './types';

function unwrap<T>(result: Result<T, RoadmapError>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const fixed = (n: number) => ({ low: n, likely: n, high: n });
const input: GenerateRoadmapInput = {
  startDate: '2025-01-06',
  currentLevel: 0,
  targetLevel: 1,
  estimates: {
    heuristic: fixed(5),
    baseline: fixed(10),
    firstProductionModel: fixed(15),
    pipelineAutomation: fixed(20),
  },
};
const base = (): Roadmap => unwrap(generateRoadmap(input));
const ids = (roadmap: Roadmap) => roadmap.phases.map((phase) => phase.id);
const phase = (roadmap: Roadmap, id: string) => {
  const found = roadmap.phases.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no phase ${id}`);
  return found;
};

describe('edits', () => {
  it('renames a phase, records the edit and bumps the revision', () => {
    const roadmap = unwrap(renamePhase(base(), 'ml-baseline', '  Logistic regression baseline '));
    expect(phase(roadmap, 'ml-baseline')).toMatchObject({
      name: 'Logistic regression baseline',
      edited: ['name'],
    });
    expect(roadmap.revision).toBe(1);
    expect(renamePhase(roadmap, 'ml-baseline', ' ')).toMatchObject({
      ok: false,
      error: { code: 'empty_name' },
    });
    expect(renamePhase(roadmap, 'nope', 'x')).toMatchObject({ ok: false, error: { code: 'unknown_phase' } });
  });

  it('changes a duration and moves every later date', () => {
    const before = base();
    const after = unwrap(setPhaseEstimate(before, 'heuristic', fixed(10)));
    expect(phase(after, 'heuristic').schedule.p50End).toBe('2025-01-17');
    // Everything after shifts by the 5 extra working days (one calendar week).
    expect(phase(before, 'ml-baseline').schedule.p50Start).toBe('2025-01-13');
    expect(phase(after, 'ml-baseline').schedule.p50Start).toBe('2025-01-20');
    expect(after.end.p50 > before.end.p50).toBe(true);
    expect(setPhaseEstimate(before, 'heuristic', { low: 3, likely: 1, high: 5 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_estimate' },
    });
  });

  it('reorders phases and re-chains dependencies', () => {
    const roadmap = unwrap(movePhase(base(), 'ml-baseline', 0));
    expect(ids(roadmap)).toEqual([
      'ml-baseline',
      'heuristic',
      'first-production-model',
      'pipeline-automation',
    ]);
    expect(phase(roadmap, 'ml-baseline').dependsOn).toEqual([]);
    expect(phase(roadmap, 'heuristic').dependsOn).toEqual(['ml-baseline']);
    expect(phase(roadmap, 'ml-baseline').schedule.p50Start).toBe('2025-01-06');
    expect(roadmap.orderEdited).toBe(true);
    expect(movePhase(roadmap, 'heuristic', 9)).toMatchObject({ ok: false, error: { code: 'invalid_index' } });
  });

  it('keeps manual dependencies and refuses a move that would break them', () => {
    // The first production model may start right after the heuristic, in parallel with the baseline.
    const parallel = unwrap(setPhaseDependencies(base(), 'first-production-model', ['heuristic']));
    expect(phase(parallel, 'first-production-model').schedule.p50Start).toBe('2025-01-13');
    expect(phase(parallel, 'pipeline-automation').dependsOn).toEqual(['first-production-model']);
    expect(movePhase(parallel, 'heuristic', 3)).toMatchObject({
      ok: false,
      error: { code: 'dependency_order' },
    });
    expect(setPhaseDependencies(parallel, 'heuristic', ['ghost'])).toMatchObject({
      ok: false,
      error: { code: 'unknown_dependency' },
    });
  });

  it('adds and removes phases', () => {
    const added = unwrap(
      addPhase(base(), { name: 'Security review', estimate: fixed(3), index: 3, milestones: ['Signed off'] }),
    );
    expect(ids(added)).toEqual([
      'heuristic',
      'ml-baseline',
      'first-production-model',
      'custom-1',
      'pipeline-automation',
    ]);
    expect(phase(added, 'custom-1')).toMatchObject({ kind: 'custom', dependsOn: ['first-production-model'] });
    expect(phase(added, 'pipeline-automation').dependsOn).toEqual(['custom-1']);
    expect(phase(added, 'custom-1').milestones).toEqual([{ id: 'custom-1.m1', name: 'Signed off' }]);

    const removed = unwrap(removePhase(added, 'ml-baseline'));
    expect(ids(removed)).toEqual(['heuristic', 'first-production-model', 'custom-1', 'pipeline-automation']);
    expect(phase(removed, 'first-production-model').dependsOn).toEqual(['heuristic']);
    expect(removed.removedPhaseIds).toEqual(['ml-baseline']);
    expect(removed.revision).toBe(2);
  });

  it('refuses to remove the last phase', () => {
    let roadmap = base();
    for (const id of ['heuristic', 'ml-baseline', 'first-production-model'])
      roadmap = unwrap(removePhase(roadmap, id));
    expect(removePhase(roadmap, 'pipeline-automation')).toMatchObject({
      ok: false,
      error: { code: 'last_phase' },
    });
  });

  it('a manual dependency on a removed phase becomes that phase’s dependencies', () => {
    const roadmap = unwrap(setPhaseDependencies(base(), 'pipeline-automation', ['ml-baseline', 'heuristic']));
    const removed = unwrap(removePhase(roadmap, 'ml-baseline'));
    expect(phase(removed, 'pipeline-automation').dependsOn).toEqual(['heuristic']);
  });

  it('adds, renames and removes milestones', () => {
    let roadmap = unwrap(addMilestone(base(), 'heuristic', 'Dashboard live'));
    expect(phase(roadmap, 'heuristic').milestones.map((m) => m.id)).toEqual([
      'heuristic.heuristic-live',
      'heuristic.m1',
    ]);
    roadmap = unwrap(renameMilestone(roadmap, 'heuristic', 'heuristic.m1', 'KPI dashboard live'));
    roadmap = unwrap(removeMilestone(roadmap, 'heuristic', 'heuristic.heuristic-live'));
    expect(phase(roadmap, 'heuristic').milestones).toEqual([
      { id: 'heuristic.m1', name: 'KPI dashboard live' },
    ]);
    expect(phase(roadmap, 'heuristic').edited).toEqual(['milestones']);
    expect(removeMilestone(roadmap, 'heuristic', 'x')).toMatchObject({
      ok: false,
      error: { code: 'unknown_milestone' },
    });
  });
});

describe('mergeRegenerated', () => {
  it('takes regenerated values of untouched fields and keeps edited ones, without conflict when the generator agrees', () => {
    const edited = unwrap(renamePhase(base(), 'heuristic', 'Keyword rule'));
    const regenerated = unwrap(generateRoadmap({ ...input, startDate: '2025-02-03' }));
    const { roadmap, conflicts } = unwrap(mergeRegenerated(edited, regenerated));
    expect(conflicts).toEqual([]);
    expect(phase(roadmap, 'heuristic').name).toBe('Keyword rule');
    expect(phase(roadmap, 'heuristic').schedule.p50Start).toBe('2025-02-03');
    expect(roadmap.revision).toBe(edited.revision + 1);
  });

  it('reports a conflict when an edited field’s generated value changed, keeping the edit', () => {
    const edited = unwrap(setPhaseEstimate(base(), 'ml-baseline', fixed(4)));
    const regenerated = unwrap(
      generateRoadmap({
        ...input,
        estimates: { ...input.estimates, baseline: { low: 8, likely: 12, high: 30 } },
      }),
    );
    const { roadmap, conflicts } = unwrap(mergeRegenerated(edited, regenerated));
    expect(conflicts).toEqual([
      {
        kind: 'field',
        phaseId: 'ml-baseline',
        field: 'estimate',
        manual: fixed(4),
        previousGenerated: fixed(10),
        regenerated: { low: 8, likely: 12, high: 30 },
      },
    ]);
    expect(phase(roadmap, 'ml-baseline').estimate).toEqual(fixed(4));
    expect(phase(roadmap, 'ml-baseline').edited).toEqual(['estimate']);

    // Keeping the edit: a second regeneration with the same values raises no new conflict.
    expect(unwrap(mergeRegenerated(roadmap, regenerated)).conflicts).toEqual([]);
    // Taking the generated value forgets the edit.
    const [conflict] = conflicts;
    if (conflict === undefined) throw new Error('one conflict');
    const taken = unwrap(resolveConflict(roadmap, conflict, 'use-generated'));
    expect(phase(taken, 'ml-baseline')).toMatchObject({
      estimate: { low: 8, likely: 12, high: 30 },
      edited: [],
    });
    expect(unwrap(resolveConflict(roadmap, conflict, 'keep-manual'))).toBe(roadmap);
  });

  it('keeps custom phases after the phase they followed and new generated phases in generator order', () => {
    const edited = unwrap(addPhase(base(), { name: 'Security review', estimate: fixed(3), index: 3 }));
    const regenerated = unwrap(generateRoadmap({ ...input, targetLevel: 2 }));
    const { roadmap, conflicts } = unwrap(mergeRegenerated(edited, regenerated));
    expect(conflicts).toEqual([]);
    expect(ids(roadmap)).toEqual([
      'heuristic',
      'ml-baseline',
      'first-production-model',
      'custom-1',
      'pipeline-automation',
      'pipeline-cicd',
    ]);
    expect(roadmap.targetLevel).toBe(2);
  });

  it('does not bring back a removed phase', () => {
    const edited = unwrap(removePhase(base(), 'heuristic'));
    const { roadmap } = unwrap(mergeRegenerated(edited, unwrap(generateRoadmap(input))));
    expect(ids(roadmap)).toEqual(['ml-baseline', 'first-production-model', 'pipeline-automation']);
  });

  it('drops an untouched phase the generator no longer produces, and asks about an edited one', () => {
    const lower = unwrap(generateRoadmap({ ...input, targetLevel: 0 }));
    expect(ids(unwrap(mergeRegenerated(base(), lower)).roadmap)).toEqual([
      'heuristic',
      'ml-baseline',
      'first-production-model',
    ]);
    const edited = unwrap(renamePhase(base(), 'pipeline-automation', 'Kubeflow pipelines'));
    const { roadmap, conflicts } = unwrap(mergeRegenerated(edited, lower));
    expect(conflicts).toEqual([{ kind: 'phase', phaseId: 'pipeline-automation' }]);
    expect(phase(roadmap, 'pipeline-automation').name).toBe('Kubeflow pipelines');
    const [conflict] = conflicts;
    if (conflict === undefined) throw new Error('one conflict');
    expect(ids(unwrap(resolveConflict(roadmap, conflict, 'use-generated')))).toEqual([
      'heuristic',
      'ml-baseline',
      'first-production-model',
    ]);
  });

  it('keeps a manual order', () => {
    const edited = unwrap(movePhase(base(), 'ml-baseline', 0));
    const { roadmap } = unwrap(
      mergeRegenerated(edited, unwrap(generateRoadmap({ ...input, targetLevel: 2 }))),
    );
    expect(ids(roadmap)).toEqual([
      'ml-baseline',
      'heuristic',
      'first-production-model',
      'pipeline-automation',
      'pipeline-cicd',
    ]);
  });
});
