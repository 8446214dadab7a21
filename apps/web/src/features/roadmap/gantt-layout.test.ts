import { generateRoadmap, type Roadmap } from '@raisin/core/roadmap';
import { describe, expect, it } from 'vitest';
import { formatDay, layoutGantt, localToday, MIN_TICK_GAP } from './gantt-layout';

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

  it('labels month starts, the start month at the left edge, and leaves out a today outside the span', () => {
    const layout = layoutGantt(roadmap(), '2024-12-01', 1000);
    expect(layout.todayX).toBeNull();
    expect(layout.ticks[0]).toEqual({ x: 0, label: 'Jan 2025' });
    expect(layout.ticks.map((tick) => tick.label)).toEqual(expect.arrayContaining(['Feb', 'Mar']));
    expectApart(layout.ticks);
  });

  it('keeps the span to the phases: a later target is cut at the edge or left to the legend', () => {
    const phasesOnly = layoutGantt(roadmap(), '2025-01-27', 1000);
    const clipped = layoutGantt(roadmap({ p50: 20, p90: 400 }), '2025-01-27', 1000);
    expect(clipped.lastDay).toBe(phasesOnly.lastDay);
    expect(clipped.targetQuality?.clipped).toBe(true);
    expect(clipped.targetQuality?.p90X).toBe(1000);
    expect(clipped.targetQuality?.p50X).toBeLessThan(1000);
    const after = layoutGantt(roadmap({ p50: 300, p90: 400 }), '2025-01-27', 1000);
    expect(after.lastDay).toBe(phasesOnly.lastDay);
    expect(after.targetQuality).toBeNull();
    const within = layoutGantt(roadmap({ p50: 10, p90: 12 }), '2025-01-27', 1000);
    expect(within.targetQuality?.clipped).toBe(false);
  });

  it('thins the month labels of a long plan so that none overprint', () => {
    const fixed = (n: number) => ({ low: n, likely: n, high: n });
    const long = generateRoadmap({
      startDate: '2025-01-27',
      currentLevel: 0,
      targetLevel: 0,
      estimates: { heuristic: fixed(5), baseline: fixed(10), firstProductionModel: fixed(900) },
    });
    if (!long.ok) throw new Error(long.error.message);
    const layout = layoutGantt(long.value, '2025-01-27', 720);
    expect(layout.ticks.length).toBeGreaterThan(3);
    expectApart(layout.ticks);
    // The year shows on the first label and again where a new year starts.
    expect(layout.ticks.filter((tick) => /\d{4}$/.test(tick.label)).length).toBeGreaterThan(1);
  });
});

function expectApart(ticks: readonly { x: number }[]): void {
  for (let i = 1; i < ticks.length; i++) {
    expect((ticks[i]?.x ?? 0) - (ticks[i - 1]?.x ?? 0)).toBeGreaterThanOrEqual(MIN_TICK_GAP);
  }
}

describe('dates', () => {
  it('formats days unambiguously and reads today in local time', () => {
    expect(formatDay('2025-01-06')).toMatch(/^Mon,? (6 Jan|Jan 6),? 2025$/);
    expect(formatDay('2024-02-29')).toMatch(/^Thu,? (29 Feb|Feb 29),? 2024$/);
    expect(localToday(new Date(2025, 0, 9, 23, 30))).toBe('2025-01-09');
  });
});
