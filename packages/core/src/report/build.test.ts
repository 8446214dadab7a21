import { describe, expect, it } from 'vitest';
import { labelStudioNerReport } from '../agreement/test-support';
import { generateRoadmap, roadmapEstimatesFromTradeoff } from '../roadmap';
import { analyzeTradeoff, resolveTradeoffInputs, summarizeTradeoff } from '../tradeoff';
import { computationSettings, storedSeedAngles } from '../tradeoff/test-support';
import { computeProgress } from '../worksheet';
import { buildReportSnapshot, type ReportInputs } from './build';
import { renderReportHtml } from './render-html';
import { renderReportMarkdown } from './render-markdown';
import { REPORT_SCHEMA_VERSION } from './snapshot';

const NOBODY = { by: null, at: null };

const EMPTY: ReportInputs = {
  project: { id: 'p1', name: 'Ticket router' },
  generatedAt: '2026-03-02T09:30:00.000Z',
  answers: [],
  context: {},
  samples: [],
  tradeoff: null,
  roadmap: null,
  maturity: null,
};

describe('buildReportSnapshot', () => {
  it('says what to do next in every section of an empty project', () => {
    const snapshot = buildReportSnapshot(EMPTY);
    expect(snapshot.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(snapshot.version).toBeNull();
    expect(snapshot.summary).toMatchObject({ verdict: 'undecided', ceiling: null, timeToTarget: null });
    for (const section of Object.values(snapshot.sections)) {
      expect(section.status).toBe('empty');
      if (section.status === 'empty') expect(section.nextStep).toMatch(/\.$/);
    }
    expect(snapshot.assumptions).toEqual([]);
    // Plain JSON: a round trip changes nothing.
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  });

  it('lists answers by group, risks from the Risks group, and every number with who entered it', () => {
    const snapshot = buildReportSnapshot({
      ...EMPTY,
      answers: [
        {
          questionId: 'E.target-quality',
          value: { kind: 'number', value: 0.8 },
          by: 'Ada',
          at: '2026-02-01T10:00:00.000Z',
        },
        {
          questionId: 'I.when-wrong',
          value: { kind: 'long-text', value: 'A ticket waits a day <b>longer</b>' },
          by: 'Grace',
          at: '2026-02-02T10:00:00.000Z',
        },
      ],
    });
    const worksheet = snapshot.sections.worksheet;
    if (worksheet.status !== 'ready') throw new Error('expected answers');
    expect(worksheet.groups.map((g) => g.id)).toEqual(['E', 'I']);
    expect(worksheet.answered).toBe(2);
    expect(snapshot.summary.topRisks).toContainEqual({
      text: expect.stringContaining('A ticket waits a day <b>longer</b>'),
      origin: 'worksheet',
      questionId: 'I.when-wrong',
    });
    expect(snapshot.assumptions).toEqual([
      {
        label: expect.any(String),
        value: expect.stringMatching(/^0\.8/),
        source: { kind: 'answer', questionId: 'E.target-quality', question: expect.any(String) },
        enteredByName: 'Ada',
        enteredAt: '2026-02-01T10:00:00.000Z',
      },
    ]);
  });

  it('counts answered questions as the worksheet does: linked live values in, blank text out', () => {
    const inputs: ReportInputs = {
      ...EMPTY,
      answers: [
        { questionId: 'E.target-quality', value: { kind: 'number', value: 0.8 }, ...NOBODY },
        { questionId: 'I.when-wrong', value: { kind: 'long-text', value: '   ' }, ...NOBODY },
      ],
      context: { humanCeiling: { value: 0.81 }, maturityLevel: 1 },
    };
    const worksheet = buildReportSnapshot(inputs).sections.worksheet;
    if (worksheet.status !== 'ready') throw new Error('expected answers');
    const progress = computeProgress(
      Object.fromEntries(inputs.answers.map((a) => [a.questionId, a.value])),
      inputs.context,
    );
    // The target, the two questions the ceiling answers and the maturity level; not the blank text.
    expect(worksheet.answered).toBe(4);
    expect(worksheet.answered).toBe(progress.overall.answered);
    const rows = worksheet.groups.flatMap((g) => g.answers);
    expect(rows).toHaveLength(worksheet.answered);
    expect(rows.map((r) => r.questionId)).not.toContain('I.when-wrong');
    expect(rows.map((r) => r.answer)).toContain('level 1 (from Roadmap)');
  });

  it('takes the ceiling from the reference sample and keeps every sample in the trend', () => {
    const sample = {
      alpha: 0.7,
      ceilingCi: [0.75, 0.85] as const,
      report: null,
      by: 'Ada',
      at: '2026-01-01T00:00:00.000Z',
    };
    const snapshot = buildReportSnapshot({
      ...EMPTY,
      samples: [
        { ...sample, name: 'January', ceiling: 0.78, isReference: false },
        { ...sample, name: 'March', ceiling: 0.81, isReference: true },
      ],
    });
    expect(snapshot.summary.ceiling).toEqual({
      value: 0.81,
      ci: { low: 0.75, high: 0.85 },
      sampleName: 'March',
    });
    const agreement = snapshot.sections.agreement;
    if (agreement.status !== 'ready') throw new Error('expected samples');
    expect(agreement.trend.map((t) => [t.sampleName, t.isReference])).toEqual([
      ['January', false],
      ['March', true],
    ]);
    expect(snapshot.assumptions.filter((a) => a.source.kind === 'sample')).toHaveLength(4);
  });
});

describe("the ceiling's metric in the report", () => {
  const nerReport = labelStudioNerReport;
  const tradeoffWith = (referenceCeiling: number, ceilingOverride: number | null) => {
    const analysis = analyzeTradeoff(
      resolveTradeoffInputs({
        angles: storedSeedAngles(),
        measured: [],
        settings: computationSettings({ targetQuality: 0.7, ceilingOverride }),
        referenceCeiling,
        worksheetTarget: null,
        fallbackStart: '2026-01-05',
      }),
      { draws: 200 },
    );
    return {
      analysis,
      summary: summarizeTradeoff(analysis),
      angleProvenance: {},
      settingsProvenance: NOBODY,
    };
  };

  it('names span F1 beside a spans reference ceiling in the summary, the agreement and the tradeoff sections', () => {
    const report = nerReport();
    const ceiling = report.humanCeiling?.value ?? Number.NaN;
    const sample = { name: 'NER pilot', alpha: null, ceiling, ceilingCi: null, isReference: true, report };
    const snapshot = buildReportSnapshot({
      ...EMPTY,
      samples: [{ ...sample, ...NOBODY }],
      tradeoff: tradeoffWith(ceiling, null),
    });
    expect(snapshot.summary.ceiling).toMatchObject({ value: ceiling, metric: 'span F1' });
    const { agreement, tradeoff } = snapshot.sections;
    expect(agreement.status === 'ready' && agreement.reference?.metric).toBe('span F1');
    expect(tradeoff.status === 'ready' && tradeoff.ceilingMetric).toBe('span F1');

    // A ceiling typed on the Tradeoff tab is in the tab's own metric: no metric is claimed for it.
    const overridden = buildReportSnapshot({
      ...EMPTY,
      samples: [{ ...sample, ...NOBODY }],
      tradeoff: tradeoffWith(ceiling, 0.9),
    });
    const section = overridden.sections.tradeoff;
    expect(section.status === 'ready' && section.ceilingMetric).toBeNull();
  });

  it("lists the framing's headline measures, not only the ceiling, in the coefficient table and its exports", () => {
    const report = nerReport();
    const ceiling = report.humanCeiling?.value ?? Number.NaN;
    const snapshot = buildReportSnapshot({
      ...EMPTY,
      samples: [
        { name: 'NER pilot', alpha: null, ceiling, ceilingCi: null, isReference: true, report, ...NOBODY },
      ],
    });
    const { agreement } = snapshot.sections;
    if (agreement.status !== 'ready' || !agreement.reference) throw new Error('expected a reference');
    const spans = report.spans;
    if (!spans) throw new Error('the NER fixture should score spans');
    // The framing's rows come first; per-label rows stay on the Agreement tab; the ceiling closes the table.
    expect(agreement.reference.coefficients.map((c) => [c.name, c.value])).toEqual([
      ['Span F1, exact', spans.f1.exact],
      ['Span F1, unlabeled', spans.f1.unlabeled],
      ['Span F1, overlap (IoU ≥ 0.5)', spans.f1.overlap],
      ['Human ceiling', ceiling],
    ]);
    expect(agreement.reference.coefficients[0]?.ci).toEqual({
      low: spans.ci.exact?.[0],
      high: spans.ci.exact?.[1],
    });
    const md = renderReportMarkdown(snapshot);
    // The fixture's overlap F1 (0.909) and exact F1 (0.727, the ceiling), as Markdown escapes them.
    expect(md).toContain('| Span F1, overlap (IoU ≥ 0.5) | 0\\.909 | \\[0.800, 1.000\\] |');
    expect(md).toContain('| Span F1, exact | 0\\.727 |');
    expect(renderReportHtml(snapshot)).toContain('<tr><td>Span F1, exact</td><td>0.727</td>');
  });
});

describe('the roadmap target-quality dates in the report', () => {
  const settings = computationSettings({
    targetQuality: 0.85,
    ceilingOverride: 0.92,
    workStartedOn: '2026-01-05',
  });
  const angles = storedSeedAngles();
  const tradeoffFor = (targetQuality: number) => {
    const analysis = analyzeTradeoff(
      resolveTradeoffInputs({
        angles,
        measured: [],
        settings: { ...settings, targetQuality },
        referenceCeiling: null,
        worksheetTarget: null,
        fallbackStart: '2026-01-05',
      }),
      { draws: 500 },
    );
    return {
      analysis,
      summary: summarizeTradeoff(analysis),
      angleProvenance: {},
      settingsProvenance: NOBODY,
    };
  };
  const roadmapFrom = (tradeoff: ReturnType<typeof tradeoffFor>) => {
    const generated = generateRoadmap({
      startDate: '2026-03-02',
      currentLevel: 0,
      targetLevel: 1,
      estimates: roadmapEstimatesFromTradeoff(tradeoff.summary),
    });
    if (!generated.ok) throw new Error(generated.error.message);
    return { ...generated.value, provenance: NOBODY };
  };

  it('dates the time to target from the roadmap generated with it', () => {
    const tradeoff = tradeoffFor(0.85);
    const snapshot = buildReportSnapshot({ ...EMPTY, tradeoff, roadmap: roadmapFrom(tradeoff) });
    expect(snapshot.summary.timeToTarget?.p50Date).toMatch(/^2026-/);
    const section = snapshot.sections.roadmap;
    expect(section.status === 'ready' && section.targetQuality).toBeTruthy();
  });

  it('leaves out dates a roadmap fixed before the time to target changed, instead of contradicting it', () => {
    // The roadmap was generated for a target of 0.7; the target is now 0.85, so its date is stale.
    const roadmap = roadmapFrom(tradeoffFor(0.7));
    const snapshot = buildReportSnapshot({ ...EMPTY, tradeoff: tradeoffFor(0.85), roadmap });
    expect(snapshot.summary.timeToTarget).toMatchObject({ p50Date: null, p90Date: null });
    const section = snapshot.sections.roadmap;
    if (section.status !== 'ready') throw new Error('expected the roadmap section');
    expect(section.targetQuality).toBeNull();
  });

  it("starts the next milestones on the reader's day, which is UTC's yesterday in a Los Angeles evening", () => {
    const tradeoff = tradeoffFor(0.85);
    const roadmap = roadmapFrom(tradeoff);
    const first = roadmap.phases.find((p) => p.milestones.length > 0);
    if (!first) throw new Error('expected a milestone');
    const dueDay = first.schedule.p50End;
    // 21:00 in Los Angeles on the due day is already the next day in UTC.
    const generatedAt = new Date(Date.parse(`${dueDay}T00:00:00Z`) + (24 + 5) * 3_600_000).toISOString();
    const names = (today?: string) =>
      buildReportSnapshot({
        ...EMPTY,
        generatedAt,
        ...(today ? { today } : {}),
        tradeoff,
        roadmap,
      }).summary.nextMilestones.map((m) => m.p50Date);
    expect(names()).not.toContain(dueDay);
    expect(names(dueDay)).toContain(dueDay);
  });
});
