/**
 * Hostile values for the core validators that take client data: worksheet answers, roadmap edits and the
 * tradeoff's inputs and duration parser. Whatever arrives, each returns a Result (or a list of issues) and
 * never throws; whatever it accepts is within its documented bounds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyRoadmapEdit,
  generateRoadmap,
  MAX_PHASE_WORKING_DAYS,
  type RoadmapEdit,
  roadmapEstimatesFromTradeoff,
} from './roadmap';
import { DURATION_UNITS, parseDuration, validateTradeoffInputs } from './tradeoff';
import { QUESTION_BANK, validateAnswer } from './worksheet';

/** Values a hostile client can send in JSON (and a few it cannot, which in-process callers might). */
const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(
      null,
      undefined,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      -0,
      Number.MAX_VALUE,
      -Number.MAX_SAFE_INTEGER,
      '',
      '__proto__',
      'constructor',
      'x'.repeat(100_001),
    ),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.string({ unit: 'binary', maxLength: 50 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.constantFrom('__proto__', 'constructor', 'value', 'unit', 'low', 'likely', 'high'),
      tie('value'),
      {
        maxKeys: 4,
      },
    ),
    fc.constant(JSON.parse('{"__proto__":{"polluted":true},"value":1,"unit":"day"}')),
  ),
})).value;

function expectUnpolluted(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe('worksheet answers', () => {
  it('validateAnswer returns a Result for any value and keeps accepted values within bounds', () => {
    fc.assert(
      fc.property(fc.constantFrom(...QUESTION_BANK), hostileValue, (question, value) => {
        const result = validateAnswer(question, value);
        if (!result.ok) {
          expect(result.error.message.length).toBeGreaterThan(0);
          return;
        }
        const answer = result.value;
        expect(answer.kind).toBe(question.kind);
        if (answer.kind === 'number') expect(Number.isFinite(answer.value)).toBe(true);
        if (answer.kind === 'short-text' || answer.kind === 'long-text') {
          expect(answer.value.length).toBeLessThanOrEqual(100_000);
        }
        if (answer.kind === 'range') {
          const { low, likely, high } = answer.value;
          expect([low, likely, high].every(Number.isFinite) && low <= likely && likely <= high).toBe(true);
        }
        if (answer.kind === 'duration') {
          expect(Number.isFinite(answer.value.value) && answer.value.value >= 0).toBe(true);
          expect(DURATION_UNITS).toContain(answer.value.unit);
        }
        expectUnpolluted();
      }),
      { seed: 42, numRuns: 3000 },
    );
  });
});

describe('roadmap edits', () => {
  const generated = generateRoadmap({ startDate: '2025-03-03', currentLevel: 0, targetLevel: 2 });
  if (!generated.ok) throw new Error(generated.error.message);
  const roadmap = generated.value;
  const phaseIds = roadmap.phases.map((phase) => phase.id);

  const anyNumber = fc.oneof(
    fc.double(),
    fc.integer(),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 1e308, 2 ** 31),
  );
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom(
      '',
      '   ',
      '__proto__',
      'constructor',
      '<img src=x onerror=alert(1)>',
      'x'.repeat(100_000),
    ),
  );
  const anyPhaseId = fc.oneof(fc.constantFrom(...phaseIds), anyText);
  const estimate = fc.record({ low: anyNumber, likely: anyNumber, high: anyNumber });
  const edit: fc.Arbitrary<RoadmapEdit> = fc.oneof(
    fc.record({ type: fc.constant('renamePhase' as const), phaseId: anyPhaseId, name: anyText }),
    fc.record({
      type: fc.constant('setPhaseDescription' as const),
      phaseId: anyPhaseId,
      description: anyText,
    }),
    fc.record({ type: fc.constant('setPhaseEstimate' as const), phaseId: anyPhaseId, estimate }),
    fc.record({
      type: fc.constant('setPhaseDependencies' as const),
      phaseId: anyPhaseId,
      dependsOn: fc.array(anyPhaseId, { maxLength: 6 }),
    }),
    fc.record({ type: fc.constant('movePhase' as const), phaseId: anyPhaseId, toIndex: anyNumber }),
    fc.record(
      {
        type: fc.constant('addPhase' as const),
        name: anyText,
        estimate,
        description: anyText,
        milestones: fc.array(anyText, { maxLength: 3 }),
        index: anyNumber,
      },
      { requiredKeys: ['type', 'name', 'estimate'] },
    ),
    fc.record({ type: fc.constant('removePhase' as const), phaseId: anyPhaseId }),
    fc.record({ type: fc.constant('addMilestone' as const), phaseId: anyPhaseId, name: anyText }),
    fc.record({
      type: fc.constant('renameMilestone' as const),
      phaseId: anyPhaseId,
      milestoneId: anyText,
      name: anyText,
    }),
    fc.record({ type: fc.constant('removeMilestone' as const), phaseId: anyPhaseId, milestoneId: anyText }),
  );

  it('applyRoadmapEdit returns a Result for any sequence of edits, and accepted roadmaps stay well-formed', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        let current = roadmap;
        for (const next of edits) {
          const result = applyRoadmapEdit(current, next);
          if (!result.ok) {
            expect(result.error.message.length).toBeGreaterThan(0);
            continue;
          }
          current = result.value;
          for (const phase of current.phases) {
            expect(phase.name.trim()).not.toBe('');
            expect(phase.schedule.p50Start <= phase.schedule.p50End).toBe(true);
            expect(phase.schedule.p50End <= phase.schedule.p90End).toBe(true);
            const { low, likely, high } = phase.estimate;
            expect([low, likely, high].every(Number.isFinite) && low <= likely && likely <= high).toBe(true);
          }
        }
      }),
      { seed: 42, numRuns: 800 },
    );
  });
});

describe('roadmap estimates from an absurd tradeoff', () => {
  it('caps a million-year attack angle at the longest phase instead of exhausting memory', () => {
    const millionYears = 365.25 * 1_000_000;
    const estimates = roadmapEstimatesFromTradeoff({
      timeToTarget: { p50Days: millionYears, p90Days: 2 * millionYears },
      angles: [
        { name: 'Forever', effortLikelyDays: millionYears },
        { name: 'Longer', effortLikelyDays: 2 * millionYears },
      ],
    });
    expect(estimates.heuristic?.high).toBe(MAX_PHASE_WORKING_DAYS);
    expect(estimates.timeToTarget).toBeUndefined();
    const roadmap = generateRoadmap({ startDate: '2025-03-03', currentLevel: 0, targetLevel: 2, estimates });
    expect(roadmap.ok).toBe(true);
  });
});

describe('tradeoff inputs', () => {
  const anyNumber = fc.oneof(
    fc.double(),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, -1, 1e308),
  );
  const duration = fc.record({ value: anyNumber, unit: fc.constantFrom(...DURATION_UNITS) });
  const angle = fc.record({
    id: fc.string(),
    name: fc.string(),
    effort: fc.record({ low: duration, likely: duration, high: duration }),
    quality: fc.record({ low: anyNumber, likely: anyNumber, high: anyNumber }),
  });
  const point = fc.record({ effort: duration, quality: anyNumber });

  it('validateTradeoffInputs lists issues with field paths and never throws', () => {
    fc.assert(
      fc.property(
        fc.array(angle, { maxLength: 4 }),
        fc.array(point, { maxLength: 4 }),
        fc.option(fc.record({ min: anyNumber, max: anyNumber }), { nil: undefined }),
        (angles, measured, range) => {
          const issues = validateTradeoffInputs(angles, measured, range);
          for (const issue of issues) {
            expect(issue.path).toMatch(/^(angles|measured)\.\d+\./);
            expect(issue.message.length).toBeGreaterThan(0);
          }
          const allFinite = [
            ...angles.flatMap((a) => [a.effort.low, a.effort.likely, a.effort.high]),
            ...measured.map((m) => m.effort),
          ]
            .map((d) => d.value)
            .every((v) => Number.isFinite(v) && v > 0);
          if (!allFinite) expect(issues.length).toBeGreaterThan(0);
        },
      ),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('parseDuration accepts only a positive finite number and a unit', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.constant(`${'9'.repeat(400)} days`)),
        (text) => {
          const result = parseDuration(text);
          if (result.ok) {
            expect(DURATION_UNITS).toContain(result.value.unit);
            expect(result.value.value > 0).toBe(true);
          }
        },
      ),
      { seed: 42, numRuns: 2000 },
    );
  });
});
