import { describe, expect, it } from 'vitest';
import { generateRoadmap } from './generate-roadmap';
import { nextMonday, roadmapEstimatesFromTradeoff, targetLevelInputsFromWorksheet } from './planning-inputs';
import { recommendTargetLevel } from './target-level';

describe('targetLevelInputsFromWorksheet', () => {
  it('reads cadence, model count and cost of errors from worksheet answers', () => {
    const inputs = targetLevelInputsFromWorksheet({
      'H.retraining-cadence': { kind: 'single', value: 'weekly' },
      'H.model-count': { kind: 'number', value: 4 },
      'A.cost-of-errors': { kind: 'single', value: 'severe' },
      'A.end-user': { kind: 'long-text', value: 'pharmacists' },
    });
    expect(inputs).toEqual({ retrainingCadence: 'weekly', numberOfModels: 4, costOfErrors: 'high' });
    const recommendation = recommendTargetLevel(inputs);
    expect(recommendation.ok && recommendation.value.level).toBe(2);
  });

  it('accepts bare values and leaves out what it does not recognise', () => {
    expect(
      targetLevelInputsFromWorksheet({
        'H.retraining-cadence': 'monthly',
        'A.cost-of-errors': 'moderate',
        'H.model-count': 2.5,
      }),
    ).toEqual({ retrainingCadence: 'monthly', costOfErrors: 'medium' });
    expect(
      targetLevelInputsFromWorksheet({
        'H.retraining-cadence': { kind: 'single', value: 'hourly' },
        'A.cost-of-errors': null,
        'H.model-count': { kind: 'number', value: -1 },
      }),
    ).toEqual({});
  });
});

describe('roadmapEstimatesFromTradeoff', () => {
  it('sizes the heuristic and baseline from the two cheapest angles, in working days', () => {
    const estimates = roadmapEstimatesFromTradeoff({
      timeToTarget: { p50Days: 70, p90Days: 140 },
      angles: [
        { name: 'Fine-tuned model', effortLikelyDays: 14 },
        { name: 'Keyword rule', effortLikelyDays: 7 },
        { name: 'Custom model', effortLikelyDays: 365 },
        { name: 'Broken', effortLikelyDays: Number.NaN },
      ],
    });
    expect(estimates.heuristic).toEqual({ low: 2.5, likely: 5, high: 10 });
    expect(estimates.baseline).toEqual({ low: 5, likely: 10, high: 20 });
    expect(estimates.timeToTarget).toEqual({ p50: 50, p90: 100 });
  });

  it('gives a minute-long angle one working day, and nothing without a summary', () => {
    const estimates = roadmapEstimatesFromTradeoff({
      timeToTarget: null,
      angles: [{ name: 'Rule', effortLikelyDays: 1 / 1440 }],
    });
    expect(estimates).toEqual({ heuristic: { low: 0.5, likely: 1, high: 2 } });
    expect(roadmapEstimatesFromTradeoff(null)).toEqual({});
  });

  it('drops a time to target that is never reached', () => {
    const estimates = roadmapEstimatesFromTradeoff({
      timeToTarget: { p50Days: 30, p90Days: Number.POSITIVE_INFINITY },
      angles: [],
    });
    expect(estimates).toEqual({});
  });

  it('feeds generateRoadmap, whose target-quality date then follows the baseline start', () => {
    const result = generateRoadmap({
      startDate: '2025-01-06',
      currentLevel: 0,
      targetLevel: 0,
      estimates: roadmapEstimatesFromTradeoff({
        timeToTarget: { p50Days: 14, p90Days: 14 },
        angles: [{ name: 'Rule', effortLikelyDays: 7 }],
      }),
    });
    if (!result.ok) throw new Error(result.error.message);
    // Heuristic: PERT(2.5, 5, 10) → P50 ≈ 5.4 → 6 working days, so the baseline starts Tue 2025-01-14;
    // 10 working days later (14 calendar days × 5/7) is Mon 2025-01-27.
    expect(result.value.phases[1]?.schedule.p50Start).toBe('2025-01-14');
    expect(result.value.targetQuality?.p50).toBe('2025-01-27');
  });
});

describe('nextMonday', () => {
  it('is the first Monday strictly after the day, across month and year ends', () => {
    expect(nextMonday('2025-01-01')).toBe('2025-01-06'); // Wednesday
    expect(nextMonday('2025-01-06')).toBe('2025-01-13'); // a Monday gives the following one
    expect(nextMonday('2025-01-05')).toBe('2025-01-06'); // Sunday
    expect(nextMonday('2024-12-28')).toBe('2024-12-30'); // Saturday
    expect(nextMonday('2025-12-30')).toBe('2026-01-05');
    expect(nextMonday('2025-02-30')).toBeNull();
  });
});
