import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workingDaysBetween } from './calendar';
import { DEFAULT_PHASE_ESTIMATES, type GenerateRoadmapInput, generateRoadmap } from './generate-roadmap';
import { MATURITY_ITEMS, type MaturityLevel } from './maturity-items';
import { durationPercentiles } from './phase-duration';
import type { Roadmap } from './types';

function generate(input: GenerateRoadmapInput): Roadmap {
  const result = generateRoadmap(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function days(start: string, end: string): number {
  const result = workingDaysBetween(start, end);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const fixed = (n: number) => ({ low: n, likely: n, high: n });

describe('generateRoadmap phases', () => {
  const levels: MaturityLevel[] = [0, 1, 2];
  const expected: Record<string, string[]> = {
    '0-0': ['heuristic', 'ml-baseline', 'first-production-model'],
    '0-1': ['heuristic', 'ml-baseline', 'first-production-model', 'pipeline-automation'],
    '0-2': ['heuristic', 'ml-baseline', 'first-production-model', 'pipeline-automation', 'pipeline-cicd'],
    '1-0': ['heuristic', 'ml-baseline', 'first-production-model'],
    '1-1': ['heuristic', 'ml-baseline', 'first-production-model'],
    '1-2': ['heuristic', 'ml-baseline', 'first-production-model', 'pipeline-cicd'],
    '2-0': ['heuristic', 'ml-baseline', 'first-production-model'],
    '2-1': ['heuristic', 'ml-baseline', 'first-production-model'],
    '2-2': ['heuristic', 'ml-baseline', 'first-production-model'],
  };
  for (const currentLevel of levels) {
    for (const targetLevel of levels) {
      it(`from level ${currentLevel} to ${targetLevel}`, () => {
        const roadmap = generate({ startDate: '2025-03-03', currentLevel, targetLevel });
        const ids = roadmap.phases.map((phase) => phase.id);
        expect(ids).toEqual(expected[`${currentLevel}-${targetLevel}`]);
        // A chain: each phase depends on the previous one only.
        roadmap.phases.forEach((phase, index) => {
          expect(phase.dependsOn).toEqual(index === 0 ? [] : [ids[index - 1]]);
        });
      });
    }
  }

  it('leaves out completed phases and refuses a roadmap with nothing left to do', () => {
    const roadmap = generate({
      startDate: '2025-03-03',
      currentLevel: 0,
      targetLevel: 1,
      completedPhases: ['heuristic', 'ml-baseline'],
    });
    expect(roadmap.phases.map((phase) => phase.id)).toEqual([
      'first-production-model',
      'pipeline-automation',
    ]);
    const empty = generateRoadmap({
      startDate: '2025-03-03',
      currentLevel: 2,
      targetLevel: 2,
      completedPhases: ['heuristic', 'ml-baseline', 'first-production-model'],
    });
    expect(empty).toMatchObject({ ok: false, error: { code: 'empty_roadmap' } });
    if (!empty.ok) expect(empty.error.message).toMatch(/nothing to put on a roadmap/);
  });

  it('refuses invalid dates and estimates with a message', () => {
    expect(generateRoadmap({ startDate: '2025-02-30', currentLevel: 0, targetLevel: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_date' },
    });
    const bad = generateRoadmap({
      startDate: '2025-03-03',
      currentLevel: 0,
      targetLevel: 0,
      estimates: { baseline: { low: 10, likely: 5, high: 20 } },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_estimate', phaseId: 'ml-baseline' } });
  });
});

describe('generateRoadmap dates', () => {
  it('schedules fixed durations on working days, finish-to-start, from a weekend start', () => {
    const roadmap = generate({
      // A Saturday: work starts on Monday 2025-01-06.
      startDate: '2025-01-04',
      currentLevel: 0,
      targetLevel: 0,
      estimates: { heuristic: fixed(5), baseline: fixed(10), firstProductionModel: fixed(15) },
    });
    const dates = roadmap.phases.map((phase) => [phase.schedule.p50Start, phase.schedule.p50End]);
    expect(dates).toEqual([
      ['2025-01-06', '2025-01-10'],
      ['2025-01-13', '2025-01-24'],
      ['2025-01-27', '2025-02-14'],
    ]);
    // No uncertainty: P90 = P50.
    for (const phase of roadmap.phases) {
      expect(phase.schedule.p90Start).toBe(phase.schedule.p50Start);
      expect(phase.schedule.p90End).toBe(phase.schedule.p50End);
    }
    expect(roadmap.end).toEqual({ p50: '2025-02-14', p90: '2025-02-14' });
  });

  it('skips holidays and crosses the year end', () => {
    const roadmap = generate({
      startDate: '2024-12-23',
      currentLevel: 0,
      targetLevel: 0,
      calendar: { holidays: ['2024-12-25', '2024-12-26', '2025-01-01'] },
      estimates: { heuristic: fixed(3), baseline: fixed(2), firstProductionModel: fixed(1) },
    });
    expect(roadmap.phases.map((phase) => [phase.schedule.p50Start, phase.schedule.p50End])).toEqual([
      ['2024-12-23', '2024-12-27'],
      ['2024-12-30', '2024-12-31'],
      ['2025-01-02', '2025-01-02'],
    ]);
  });

  it('adds P90 buffers by root-sum-square along the chain', () => {
    // {0, 0, 10}: Beta-PERT P50 1.29 → 2 days, P90 3.69 → 4 days, a buffer of 2 per phase.
    const wide = { low: 0, likely: 0, high: 10 };
    const roadmap = generate({
      startDate: '2025-01-06',
      currentLevel: 0,
      targetLevel: 0,
      estimates: { heuristic: wide, baseline: wide, firstProductionModel: wide },
    });
    const [first, second, third] = roadmap.phases.map((phase) => phase.schedule);
    if (first === undefined || second === undefined || third === undefined) throw new Error('three phases');
    expect([first.durationP50, first.durationP90]).toEqual([2, 4]);
    expect(first.p90End).toBe('2025-01-09'); // 4 working days from Monday
    // Second phase: P50 end at day 4, P90 end at 4 + √(2² + 2²) = 6.83 → 7 working days.
    expect(second.p50End).toBe('2025-01-09');
    expect(second.p90Start).toBe('2025-01-10');
    expect(second.p90End).toBe('2025-01-14');
    // Third: P50 end at day 6, P90 at 6 + √12 = 9.46 → 10 working days: Friday 2025-01-17.
    expect(third.p50End).toBe('2025-01-13');
    expect(third.p90End).toBe('2025-01-17');
  });

  it('gives a phase estimated at zero days one working day, so it never ends before it starts', () => {
    const zero = fixed(0);
    const roadmap = generate({
      startDate: '2025-01-06',
      currentLevel: 0,
      targetLevel: 0,
      estimates: { heuristic: zero, baseline: zero, firstProductionModel: zero },
    });
    expect(roadmap.phases.map((phase) => [phase.schedule.p50Start, phase.schedule.p50End])).toEqual([
      ['2025-01-06', '2025-01-06'],
      ['2025-01-07', '2025-01-07'],
      ['2025-01-08', '2025-01-08'],
    ]);
    expect(roadmap.end).toEqual({ p50: '2025-01-08', p90: '2025-01-08' });
  });

  it('keeps P50 ≤ P90, respects dependencies, and is never worse than chaining every P90', () => {
    const estimate = fc
      .tuple(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 60 }),
      )
      .map(([low, a, b]) => ({ low, likely: low + a, high: low + a + b }));
    fc.assert(
      fc.property(
        fc.array(estimate, { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 0, max: 3000 }),
        (e, offset) => {
          const start = new Date(Date.UTC(2020, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
          const [heuristic, baseline, firstProductionModel, pipelineAutomation, pipelineCicd] = e;
          if (!heuristic || !baseline || !firstProductionModel || !pipelineAutomation || !pipelineCicd)
            return;
          const roadmap = generate({
            startDate: start,
            currentLevel: 0,
            targetLevel: 2,
            estimates: { heuristic, baseline, firstProductionModel, pipelineAutomation, pipelineCicd },
          });
          let previousP50End: string | undefined;
          let previousP90End: string | undefined;
          let sumP90 = 0;
          for (const phase of roadmap.phases) {
            const s = phase.schedule;
            expect(s.p50Start <= s.p90Start && s.p50End <= s.p90End).toBe(true);
            expect(s.durationP50 <= s.durationP90).toBe(true);
            if (previousP50End !== undefined && previousP90End !== undefined) {
              expect(days(previousP50End, s.p50Start)).toBe(1);
              expect(days(previousP90End, s.p90Start)).toBe(1);
            }
            previousP50End = s.p50End;
            previousP90End = s.p90End;
            sumP90 += s.durationP90;
          }
          const first = roadmap.phases[0]?.schedule.p50Start ?? start;
          expect(days(first, roadmap.end.p90)).toBeLessThanOrEqual(sumP90);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('dates the target quality from the ML baseline start', () => {
    const roadmap = generate({
      startDate: '2025-01-06',
      currentLevel: 0,
      targetLevel: 1,
      estimates: { heuristic: fixed(5), baseline: fixed(10), timeToTarget: { p50: 20, p90: 35 } },
    });
    // The baseline starts Monday 2025-01-13 (no spread before it); 20 working days → 2025-02-07,
    // 35 → 2025-02-28.
    expect(roadmap.targetQuality).toEqual({
      p50: '2025-02-07',
      p90: '2025-02-28',
      fromPhaseId: 'ml-baseline',
    });
    expect(generate({ startDate: '2025-01-06', currentLevel: 0, targetLevel: 0 }).targetQuality).toBeNull();
  });

  it('uses default estimates when none are given', () => {
    const roadmap = generate({ startDate: '2025-01-06', currentLevel: 0, targetLevel: 2 });
    for (const phase of roadmap.phases) {
      if (phase.kind === 'custom') throw new Error('no custom phase is generated');
      expect(phase.estimate).toEqual(DEFAULT_PHASE_ESTIMATES[phase.kind]);
      expect(phase.schedule.durationP50).toBe(Math.ceil(durationPercentiles(phase.estimate).p50));
    }
  });
});

describe('generateRoadmap assessment items', () => {
  it('assigns every unsatisfied item up to the target to exactly one phase', () => {
    const answers = { 'doc.model-card': 'yes', 'mon.drift': 'na' } as const;
    const roadmap = generate({ startDate: '2025-01-06', currentLevel: 0, targetLevel: 2, answers });
    const closed = roadmap.phases.flatMap((phase) => phase.closes);
    const expected = MATURITY_ITEMS.filter((item) => !(item.id in answers)).map((item) => item.id);
    expect(closed.toSorted()).toEqual(expected.toSorted());
    const cicd = roadmap.phases.find((phase) => phase.id === 'pipeline-cicd');
    expect(cicd?.closes).toContain('code.ci-build');
  });

  it('moves items of a left-out phase to the next phase, and stops at the target level', () => {
    const roadmap = generate({
      startDate: '2025-01-06',
      currentLevel: 0,
      targetLevel: 1,
      completedPhases: ['first-production-model'],
    });
    const automation = roadmap.phases.find((phase) => phase.id === 'pipeline-automation');
    expect(automation?.closes).toContain('deploy.rollback');
    expect(roadmap.phases.flatMap((phase) => phase.closes)).not.toContain('code.ci-build');
  });
});
