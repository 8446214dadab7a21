import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildReportSnapshot } from '../report';
import { analyzeTradeoff, resolveTradeoffInputs, summarizeTradeoff } from '../tradeoff';
import { computationSettings, storedSeedAngles } from '../tradeoff/test-support';
import { toWorksheetContext, worksheetContextFromTabs } from '../worksheet';
import { PORTFOLIO_CSV_COLUMNS, portfolioToCsv } from './csv';
import { buildPortfolioRow, type PortfolioProjectInputs } from './portfolio-row';

const CEILING = { value: 0.9, ci: [0.88, 0.92] as const, sampleName: 'pilot' };

function inputsWith(money: boolean): PortfolioProjectInputs {
  const resolved = resolveTradeoffInputs({
    angles: storedSeedAngles(),
    measured: [],
    settings: computationSettings({
      targetQuality: 0.8,
      ...(money
        ? {
            teamCost: { amount: 1000, per: 'day' as const },
            value: {
              mode: 'per-quality-point' as const,
              valuePerPoint: 5000,
              costPerError: null,
              volume: null,
              baselineQuality: 0.5,
            },
          }
        : {}),
    }),
    referenceCeiling: CEILING.value,
    worksheetTarget: null,
    fallbackStart: '2026-01-05',
  });
  return {
    project: { id: 'p1', name: 'Triage' },
    answers: { 'E.target-quality': { kind: 'number', value: 0.8 } },
    referenceCeiling: CEILING,
    tradeoff: {
      metricName: 'accuracy',
      inputs: resolved,
      summary: summarizeTradeoff(analyzeTradeoff(resolved)),
    },
    maturity: { current: 0, target: 1 },
    latestVersion: { id: 'v1', number: 2, publishedAt: '2026-03-01T10:00:00.000Z' },
  };
}

describe('buildPortfolioRow', () => {
  it("gives the report's verdict, time to target and best angle with its net value", () => {
    const inputs = inputsWith(true);
    const row = buildPortfolioRow(inputs);
    const analysis = analyzeTradeoff(inputs.tradeoff.inputs);
    const report = buildReportSnapshot({
      project: inputs.project,
      generatedAt: '2026-03-02T00:00:00.000Z',
      answers: [
        { questionId: 'E.target-quality', value: { kind: 'number', value: 0.8 }, by: null, at: null },
      ],
      context: toWorksheetContext(
        worksheetContextFromTabs({ ceiling: CEILING, tradeoff: inputs.tradeoff.summary, maturityLevel: 0 }),
      ),
      samples: [],
      tradeoff: {
        analysis,
        summary: summarizeTradeoff(analysis),
        angleProvenance: {},
        settingsProvenance: { by: null, at: null },
      },
      roadmap: null,
      maturity: null,
    });
    expect(row.verdict).toBe(report.summary.verdict);
    expect(row.reasons).toEqual(report.summary.reasons.map((r) => ({ effect: r.effect, text: r.text })));
    expect(row.timeToTarget).toEqual({
      p10Days: report.summary.timeToTarget?.p10Days,
      p50Days: report.summary.timeToTarget?.p50Days,
      p90Days: report.summary.timeToTarget?.p90Days,
    });
    expect(row.bestAngle).toEqual(report.summary.bestAngle);
    expect(row.bestAngle?.net).toEqual(analysis.roi?.rows[0]?.net);
    // A sample stored before its basis was kept: no metric is claimed for it.
    expect(row.ceiling).toEqual({ value: 0.9, source: 'reference-sample', metric: null });
    expect(row.target).toEqual({ value: 0.8, source: 'tradeoff', worksheetValue: null });
    expect(row.gaps).toEqual([]);
  });

  it("names the reference ceiling's own metric (Kendall's τ, span F1), which may not be the tab's", () => {
    const ranking = buildPortfolioRow({
      ...inputsWith(true),
      referenceCeiling: { ...CEILING, basis: 'ranking.meanKendallTau' },
    });
    expect(ranking.metricName).toBe('accuracy');
    expect(ranking.ceiling).toEqual({ value: 0.9, source: 'reference-sample', metric: "Kendall's τ" });
    const csv = Papa.parse<string[]>(portfolioToCsv([ranking]).trim()).data;
    expect(csv[1]?.[PORTFOLIO_CSV_COLUMNS.indexOf('Human ceiling metric')]).toBe("Kendall's τ");

    const spans = buildPortfolioRow({
      ...inputsWith(true),
      referenceCeiling: { ...CEILING, basis: 'spans.f1.exact' },
    });
    expect(spans.ceiling?.metric).toBe('span F1');
  });

  it('names the value model as missing, and leaves the net value empty, until money is set', () => {
    const row = buildPortfolioRow(inputsWith(false));
    expect(row.bestAngle?.net).toBeNull();
    expect(row.gaps).toEqual([{ tab: 'tradeoff', text: 'no value model or team cost yet' }]);
  });

  it("falls back on the team's estimate of the ceiling, on the metric's scale, without a sample", () => {
    const inputs = inputsWith(false);
    const resolved = resolveTradeoffInputs({
      angles: storedSeedAngles(),
      measured: [],
      settings: computationSettings({ maxQuality: 100 }),
      referenceCeiling: null,
      worksheetTarget: null,
      fallbackStart: '2026-01-05',
    });
    const row = buildPortfolioRow({
      ...inputs,
      answers: { 'E.human-ceiling': { kind: 'number', value: 0.9 } },
      referenceCeiling: null,
      tradeoff: { metricName: 'accuracy (%)', inputs: resolved, summary: null },
    });
    expect(row.ceiling).toEqual({ value: 90, source: 'worksheet', metric: null });
    expect(row.gaps.map((g) => g.text)).not.toContain('no human ceiling yet');
    expect(row.gaps.map((g) => g.text)).toContain('no target yet');
  });

  it('says the target is not reached instead of giving no time to target', () => {
    const inputs = inputsWith(false);
    const resolved = { ...inputs.tradeoff.inputs, target: 0.95 };
    const row = buildPortfolioRow({
      ...inputs,
      tradeoff: {
        ...inputs.tradeoff,
        inputs: resolved,
        summary: summarizeTradeoff(analyzeTradeoff(resolved)),
      },
    });
    expect(row.timeToTarget).toBeNull();
    expect(row.timeToTargetNote).toBe('not reached by the estimates');
  });
});

describe('portfolioToCsv', () => {
  it('writes one line per project under the header, and keeps names from running as formulas', () => {
    const row = { ...buildPortfolioRow(inputsWith(true)), project: { id: 'p1', name: '=HYPERLINK("x")' } };
    const csv = portfolioToCsv([row]);
    const parsed = Papa.parse<string[]>(csv.trim()).data;
    expect(parsed[0]).toEqual([...PORTFOLIO_CSV_COLUMNS]);
    const line = parsed[1] ?? [];
    expect(line[0]).toBe(`'=HYPERLINK("x")`);
    expect(line[1]).toBe(row.verdict);
    expect(Number(line[7])).toBe(row.timeToTarget?.p50Days);
    expect(Number(line[11])).toBe(row.bestAngle?.net);
    expect(line[14]).toBe('2');
    expect(line.slice(16, 21)).toEqual(['', '', '', '', '']);
    expect(csv).toContain('\r\n');
  });

  it('writes the latest decision in its own columns, a comment never running as a formula', () => {
    const row = buildPortfolioRow({
      ...inputsWith(true),
      latestDecision: {
        versionNumber: 2,
        decision: 'approve-with-conditions',
        name: 'Steering committee',
        comment: '=1+1 keep a human review',
        meeting: true,
        decidedAt: '2026-03-02T09:00:00.000Z',
      },
    });
    const [, line = []] = Papa.parse<string[]>(portfolioToCsv([row]).trim()).data;
    const at = (column: string) => line[PORTFOLIO_CSV_COLUMNS.indexOf(column as never)];
    expect(at('Latest decision')).toBe('Approve with conditions');
    expect(at('Decided on version')).toBe('2');
    expect(at('Decided by')).toBe('Steering committee (meeting)');
    expect(at('Decided at')).toBe('2026-03-02T09:00:00.000Z');
    expect(at('Decision comment')).toBe("'=1+1 keep a human review");
  });
});
