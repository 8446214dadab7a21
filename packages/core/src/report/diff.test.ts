import { describe, expect, it } from 'vitest';
import { describeDayShift, diffSnapshots } from './diff';
import { emptyReportSnapshot, exampleReportSnapshot } from './fixtures';
import {
  type EmptyReportSection,
  isReadySection,
  type ReportSectionKey,
  type ReportSections,
  type ReportSnapshot,
  type ReportWorksheetAnswer,
} from './snapshot';

type Ready<K extends ReportSectionKey> = Exclude<ReportSections[K], EmptyReportSection>;

/** The example snapshot with one filled-in section changed by `edit`. */
function withSection<K extends ReportSectionKey>(
  key: K,
  edit: (section: Ready<K>) => Ready<K>,
  base: ReportSnapshot = exampleReportSnapshot(),
): ReportSnapshot {
  const section = base.sections[key];
  if (!isReadySection(section)) throw new Error(`the fixture's ${key} section is filled in`);
  return { ...base, sections: { ...base.sections, [key]: edit(section) } };
}

function withSummary(edit: (summary: ReportSnapshot['summary']) => ReportSnapshot['summary']) {
  const base = exampleReportSnapshot();
  return { ...base, summary: edit(base.summary) };
}

/** The example's worksheet with its answers mapped by `edit` (returning null drops the answer). */
function withAnswers(edit: (answer: ReportWorksheetAnswer) => ReportWorksheetAnswer | null) {
  return withSection('worksheet', (w) => ({
    ...w,
    groups: w.groups.map((g) => ({
      ...g,
      answers: g.answers.flatMap((a) => {
        const next = edit(a);
        return next === null ? [] : [next];
      }),
    })),
  }));
}

function changesIn(from: ReportSnapshot, to: ReportSnapshot, key: 'summary' | ReportSectionKey) {
  return diffSnapshots(from, to).sections.find((s) => s.key === key)?.changes ?? [];
}

const example = exampleReportSnapshot;

describe('diffSnapshots: the executive summary', () => {
  it('says the ceiling moved, the P50 shifted by weeks and which answer changed', () => {
    const earlier = withSummary((s) => ({
      ...s,
      ceiling: s.ceiling && { ...s.ceiling, value: 0.78 },
      timeToTarget: s.timeToTarget && { ...s.timeToTarget, p50Days: 20 },
    }));
    const summary = changesIn(earlier, example(), 'summary');
    expect(summary).toEqual(['Ceiling moved from 0.78 to 0.81', 'P50 moved 3 weeks later']);
  });

  it('says the target changed, was set or removed', () => {
    const lower = withSummary((s) => ({ ...s, target: { value: 0.7, source: 'worksheet' } }));
    expect(changesIn(lower, example(), 'summary')).toEqual(['Target moved from 0.7 to 0.78']);
    const none = withSummary((s) => ({ ...s, target: null }));
    expect(changesIn(none, example(), 'summary')).toEqual(['Target set to 0.78']);
    expect(changesIn(example(), none, 'summary')).toEqual(['Target removed (was 0.78)']);
  });

  it('says how many weeks the P90 moved, earlier or later, with the days when not whole weeks', () => {
    const later = withSummary((s) => ({
      ...s,
      timeToTarget: s.timeToTarget && { ...s.timeToTarget, p90Days: 97 },
    }));
    expect(changesIn(example(), later, 'summary')).toEqual(['P90 moved about 3 weeks later (20 days)']);
    expect(changesIn(later, example(), 'summary')).toEqual(['P90 moved about 3 weeks earlier (20 days)']);
  });

  it('names the verdict, the best attack angle and the MLOps levels that changed', () => {
    const other = withSummary((s) => ({
      ...s,
      verdict: 'go',
      bestAngle: { name: 'Keyword rule', quality: 0.5, net: 57100 },
      maturity: { current: 1, target: 2 },
    }));
    expect(changesIn(example(), other, 'summary')).toEqual([
      'Verdict changed from Spike first to Go',
      'Best attack angle changed from Fine-tuned small model to Keyword rule',
      'MLOps level now changed from level 0 to level 1',
      'MLOps level targeted changed from level 1 to level 2',
    ]);
  });
});

describe('diffSnapshots: the sections', () => {
  it('names worksheet answers changed, added and removed by their question text', () => {
    const edited = withAnswers((a) =>
      a.questionId === 'E.metric' ? { ...a, answer: 'F1' } : a.questionId === 'I.risks' ? null : a,
    );
    expect(changesIn(example(), edited, 'worksheet')).toEqual([
      'Answer changed: Which metric? (Accuracy → F1)',
      'Answer removed: What could go wrong? (Label drift after the product launch in May)',
    ]);
    expect(changesIn(edited, example(), 'worksheet')).toEqual([
      'Answer changed: Which metric? (F1 → Accuracy)',
      'Answer added: What could go wrong? (Label drift after the product launch in May)',
    ]);
  });

  it('quotes only the start of a long answer', () => {
    const long = 'x'.repeat(500);
    const edited = withAnswers((a) => (a.questionId === 'E.metric' ? { ...a, answer: long } : a));
    const [change] = changesIn(example(), edited, 'worksheet');
    expect(change).toBe(`Answer changed: Which metric? (Accuracy → ${'x'.repeat(79)}…)`);
  });

  it('says the ceiling moved and which samples were added', () => {
    const earlier = withSection('agreement', (a) => ({
      ...a,
      reference: a.reference && { ...a.reference, sampleName: 'Batch January', ceiling: 0.78 },
      trend: a.trend.slice(0, 1),
    }));
    expect(changesIn(earlier, example(), 'agreement')).toEqual([
      'Reference sample changed from Batch January to Batch March',
      'Ceiling moved from 0.78 to 0.81',
      'Sample added: Batch March',
    ]);
  });

  it('lists attack angles added, removed and re-estimated, and the time to target', () => {
    const after = withSection('tradeoff', (t) => ({
      ...t,
      target: 0.8,
      angles: t.angles.slice(1).map((g) => ({ ...g, effortDays: { ...g.effortDays, likely: 50 } })),
      timeToTarget: t.timeToTarget && { ...t.timeToTarget, p50Days: 55 },
    }));
    expect(changesIn(example(), after, 'tradeoff')).toEqual([
      'Target moved from 0.78 to 0.8',
      'Fine-tuned small model: likely effort (days) moved from 40 to 50',
      'Attack angle removed: Keyword rule',
      'P50 moved 2 weeks later',
    ]);
  });

  it('says how far the roadmap end moved, with the dates', () => {
    const later = withSection('roadmap', (r) => ({ ...r, end: { p50: '2026-06-26', p90: '2026-07-10' } }));
    expect(changesIn(example(), later, 'roadmap')).toEqual([
      'End (P50) moved 3 weeks later: 2026-06-05 → 2026-06-26',
    ]);
  });

  it('says the maturity level changed', () => {
    const higher = withSection('maturity', (m) => ({ ...m, currentLevel: 1, targetLevel: 2 }));
    expect(changesIn(example(), higher, 'maturity')).toEqual([
      'Level now changed from level 0 to level 1',
      'Level targeted changed from level 1 to level 2',
    ]);
  });

  it('reports nothing between identical snapshots', () => {
    expect(diffSnapshots(example(), example())).toEqual({ sections: [], unchanged: true });
  });

  it('names sections that were filled in or emptied', () => {
    const diff = diffSnapshots(emptyReportSnapshot(), example());
    expect(diff.sections.map((s) => s.key)).toEqual([
      'summary',
      'worksheet',
      'agreement',
      'tradeoff',
      'roadmap',
      'maturity',
    ]);
    expect(diff.sections[1]?.changes).toEqual(['Section filled in (it was empty)']);
    expect(changesIn(example(), emptyReportSnapshot(), 'roadmap')).toEqual(['Section is now empty']);
  });
});

describe('describeDayShift', () => {
  it('uses weeks from two weeks on, days below', () => {
    expect(describeDayShift(21)).toBe('3 weeks later');
    expect(describeDayShift(-7)).toBe('1 week earlier');
    expect(describeDayShift(10)).toBe('10 days later');
    expect(describeDayShift(1)).toBe('1 day later');
    expect(describeDayShift(-17)).toBe('about 2 weeks earlier (17 days)');
  });
});
