import { describe, expect, it } from 'vitest';
import { describeDayShift, diffSnapshots } from './diff';
import { emptyReportSnapshot, exampleReportSnapshot } from './fixtures';
import type { ReportSnapshot, ReportWorksheetSection } from './snapshot';

/** The example with its ceiling at 0.78, its P50 three weeks earlier and one answer different. */
function earlierVersion(): ReportSnapshot {
  const base = exampleReportSnapshot();
  const worksheet = base.sections.worksheet as ReportWorksheetSection;
  const { summary } = base;
  return {
    ...base,
    summary: {
      ...summary,
      ceiling: summary.ceiling && { ...summary.ceiling, value: 0.78 },
      timeToTarget: summary.timeToTarget && { ...summary.timeToTarget, p50Days: 20 },
    },
    sections: {
      ...base.sections,
      worksheet: {
        ...worksheet,
        groups: worksheet.groups.map((g) => ({
          ...g,
          answers: g.answers.map((a) => (a.questionId === 'E.metric' ? { ...a, answer: 'F1' } : a)),
        })),
      },
    },
  };
}

describe('diffSnapshots', () => {
  it('says the ceiling moved, the P50 shifted by weeks and which answer changed', () => {
    const diff = diffSnapshots(earlierVersion(), exampleReportSnapshot());
    const summary = diff.sections.find((s) => s.key === 'summary')?.changes ?? [];
    expect(summary).toContain('Ceiling moved from 0.78 to 0.81');
    expect(summary).toContain('P50 moved by 3 weeks later');
    const worksheet = diff.sections.find((s) => s.key === 'worksheet')?.changes ?? [];
    expect(worksheet).toEqual(['Answer changed: Which metric? (F1 → Accuracy)']);
    expect(diff.unchanged).toBe(false);
  });

  it('reports nothing between identical snapshots', () => {
    expect(diffSnapshots(exampleReportSnapshot(), exampleReportSnapshot())).toEqual({
      sections: [],
      unchanged: true,
    });
  });

  it('names sections that were filled in or emptied', () => {
    const diff = diffSnapshots(emptyReportSnapshot(), exampleReportSnapshot());
    expect(diff.sections.map((s) => s.key)).toEqual([
      'summary',
      'worksheet',
      'agreement',
      'tradeoff',
      'roadmap',
      'maturity',
    ]);
    expect(diff.sections[1]?.changes).toEqual(['Section filled in (it was empty)']);
    const back = diffSnapshots(exampleReportSnapshot(), emptyReportSnapshot());
    expect(back.sections.find((s) => s.key === 'roadmap')?.changes).toEqual(['Section is now empty']);
  });

  it('lists added and removed attack angles', () => {
    const before = exampleReportSnapshot();
    const tradeoff = before.sections.tradeoff;
    if (tradeoff.status !== 'ready') throw new Error('fixture has a tradeoff');
    const after: ReportSnapshot = {
      ...before,
      sections: { ...before.sections, tradeoff: { ...tradeoff, angles: tradeoff.angles.slice(1) } },
    };
    const changes = diffSnapshots(before, after).sections.find((s) => s.key === 'tradeoff')?.changes;
    expect(changes).toEqual(['Attack angle removed: Keyword rule']);
  });
});

describe('describeDayShift', () => {
  it('uses weeks for whole weeks and days otherwise', () => {
    expect(describeDayShift(21)).toBe('3 weeks');
    expect(describeDayShift(-7)).toBe('1 week');
    expect(describeDayShift(10)).toBe('10 days');
    expect(describeDayShift(1)).toBe('1 day');
  });
});
