import { generateRoadmap, type Roadmap } from '@raisin/core/roadmap';
import { describe, expect, it } from 'vitest';
import { formatDay, layoutGantt, localToday } from './gantt-layout';

function roadmap(timeToTarget?: { p50: number; p90: number }): Roadmap {
  const fixed = (n: number) => ({ low: n, likely: n, high: n });
  const result = generateRoadmap({
    startDate: '2025-01-27',
    currentLevel: 0,
    targetLevel: 0,
    estimates: {
      heuristic: fixed(5),
      baseline: { low: 5, likely: 10, high: 20 },
      firstProductionModel: fixed(10),
      ...(timeToTarget ? { timeToTarget } : {}),
    },
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('layoutGantt', () => {
  it('draws each phase over whole days with its P90 extent after the P50 bar', () => {
    const layout = layoutGantt(roadmap(), '2025-02-03', 1000);
    const [heuristic, baseline, model] = layout.bars;
    if (!heuristic || !baseline || !model) throw new Error('three bars expected');
    expect(layout.firstDay).toBe('2025-01-27');
    expect(heuristic.start).toBe(0);
    // Heuristic: Mon 27 Jan – Fri 31 Jan inclusive is 5 days of the span.
    const dayWidth = heuristic.p50End / 5;
    expect(heuristic.p90End).toBe(heuristic.p50End);
    // The baseline starts the next Monday (7 days after the start), and its P90 runs past its P50.
    expect(baseline.start).toBeCloseTo(7 * dayWidth, 9);
    expect(baseline.p90End).toBeGreaterThan(baseline.p50End);
    expect(model.p90End).toBeCloseTo(1000, 9);
    expect(model.milestones).toEqual([
      {
        id: 'first-production-model.first-model-in-production',
        name: 'First model in production',
        x: model.p50End,
      },
    ]);
    expect(layout.todayX).toBeCloseTo(7 * dayWidth, 9);
  });

  it('labels month starts, and leaves out a today outside the span', () => {
    const layout = layoutGantt(roadmap(), '2024-12-01', 1000);
    expect(layout.todayX).toBeNull();
    expect(layout.ticks[0]?.label).toBe('Feb 2025');
    expect(layout.ticks.map((tick) => tick.label)).toContain('Mar 2025');
    for (const tick of layout.ticks) expect(tick.x).toBeGreaterThan(0);
  });

  it('widens the span to the target-quality date', () => {
    const layout = layoutGantt(roadmap({ p50: 60, p90: 90 }), '2025-01-27', 1000);
    expect(layout.targetQuality).not.toBeNull();
    expect(layout.targetQuality?.p90X).toBeCloseTo(1000, 9);
    expect(layout.targetQuality?.p50X).toBeLessThan(layout.targetQuality?.p90X ?? 0);
  });
});

describe('dates', () => {
  it('formats days unambiguously and reads today in local time', () => {
    expect(formatDay('2025-01-06')).toMatch(/^Mon,? (6 Jan|Jan 6),? 2025$/);
    expect(formatDay('2024-02-29')).toMatch(/^Thu,? (29 Feb|Feb 29),? 2024$/);
    expect(localToday(new Date(2025, 0, 9, 23, 30))).toBe('2025-01-09');
  });
});
