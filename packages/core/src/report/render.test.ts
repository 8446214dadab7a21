import { describe, expect, it } from 'vitest';
import type { ReportDecisionLine } from './decisions';
import { emptyReportSnapshot, exampleReportSnapshot } from './fixtures';
import { headlineLine } from './render-format';
import { escapeHtml, renderReportHtml } from './render-html';
import { escapeMarkdown, renderReportMarkdown } from './render-markdown';
import type { ReportSnapshot } from './snapshot';

const XSS = '<script>alert(1)</script>';
const BREAKER = 'a | b\n# not a heading\n- not a list\n`code` *bold* [link](http://x) & 1. item';

/** The example snapshot with hostile text in a project name, a worksheet answer, a phase and an angle. */
function hostileSnapshot(): ReportSnapshot {
  const base = exampleReportSnapshot();
  const { worksheet, tradeoff, roadmap } = base.sections;
  if (worksheet.status !== 'ready' || tradeoff.status !== 'ready' || roadmap.status !== 'ready') {
    throw new Error('the example snapshot should be filled');
  }
  const [group, ...groups] = worksheet.groups;
  const [angle, ...angles] = tradeoff.angles;
  const [phase, ...phases] = roadmap.phases;
  if (!group || !angle || !phase) throw new Error('the example snapshot should have rows');
  return {
    ...base,
    project: { ...base.project, name: `"Quoted" ${XSS}` },
    sections: {
      ...base.sections,
      worksheet: {
        ...worksheet,
        groups: [
          {
            ...group,
            answers: [...group.answers, { questionId: 'A.x', question: 'Q | 1', answer: BREAKER }],
          },
          ...groups,
        ],
      },
      tradeoff: { ...tradeoff, angles: [{ ...angle, name: `${XSS} angle` }, ...angles] },
      roadmap: { ...roadmap, phases: [{ ...phase, name: `<img src=x onerror=alert(2)>` }, ...phases] },
    },
  };
}

/** Pipes not preceded by a backslash: the cell separators of a Markdown table row. */
const separators = (line: string) => line.match(/(?<!\\)\|/g)?.length ?? 0;

describe('renderReportMarkdown', () => {
  it('renders the summary, every section and the assumptions of a filled snapshot', () => {
    const md = renderReportMarkdown(exampleReportSnapshot());
    expect(md.startsWith('# Ticket router: planning report\n')).toBe(true);
    for (const heading of [
      '## Executive summary',
      '## Feasibility worksheet',
      '## Human-agreement ceiling',
      '## Time–quality tradeoff',
      '## Roadmap',
      '## MLOps maturity',
      '## Assumptions',
    ]) {
      expect(md).toContain(`\n${heading}\n`);
    }
    expect(md).toContain('- Verdict: Spike first');
    expect(md).toContain('| Fine-tuned small model |');
    // The worksheet answer holding markup is text, not HTML.
    expect(md).not.toContain(XSS);
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('writes dates for the reader, the month as a word, in their locale and zone', () => {
    const snapshot = exampleReportSnapshot();
    const gb = renderReportMarkdown(snapshot, { locale: 'en-GB', timeZone: 'UTC' });
    expect(gb).toContain('Version 2, published 2 Mar 2026, 09:30 by Ada Lovelace');
    const us = renderReportMarkdown(snapshot, { locale: 'en-US', timeZone: 'America/New_York' });
    expect(us).toContain('Version 2, published Mar 2, 2026, 04:30 AM by Ada Lovelace');
    for (const text of [gb, us, renderReportHtml(snapshot, { locale: 'en-US' })]) {
      // ISO dates and numeric day/month dates stay out of a document people read.
      expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
      expect(text).not.toMatch(/\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/);
    }
  });

  it('writes attack-angle efforts in the unit a person would say, from minutes to years', () => {
    const snapshot = exampleReportSnapshot();
    const tradeoff = snapshot.sections.tradeoff;
    if (tradeoff.status !== 'ready') throw new Error('expected the tradeoff section');
    const md = renderReportMarkdown({
      ...snapshot,
      sections: {
        ...snapshot.sections,
        tradeoff: {
          ...tradeoff,
          angles: [
            {
              name: 'Keyword rule',
              effortDays: { low: 1 / 1440, likely: 4 / 24, high: 1 },
              quality: { low: 0.4, likely: 0.5, high: 0.55 },
            },
            {
              name: 'Custom model',
              effortDays: { low: 7, likely: 365.25, high: 730.5 },
              quality: { low: 0.8, likely: 0.85, high: 0.9 },
            },
          ],
        },
      },
    });
    expect(md).toContain('| Keyword rule | 1 minute / 4 hours / 1 day |');
    expect(md).toContain('| Custom model | 7 days / 12 months / 2 years |');
  });

  it('keeps table rows whole whatever the user typed', () => {
    const md = renderReportMarkdown(hostileSnapshot());
    // Every row of a table has as many cell separators as the table's header row.
    for (const table of md.split('\n\n').filter((block) => block.startsWith('|'))) {
      const [head, ...rows] = table.trimEnd().split('\n');
      for (const row of rows) expect(separators(row), row).toBe(separators(head ?? ''));
    }
    const tableLines = md.split('\n').filter((line) => line.startsWith('|'));
    const row = tableLines.find((line) => line.includes('Q \\| 1'));
    expect(row).toBe(
      '| Q \\| 1 | a \\| b<br># not a heading<br>- not a list<br>\\`code\\` \\*bold\\* \\[link\\](http://x) &amp; 1. item |',
    );
    expect(separators(row ?? '')).toBe(3);
    expect(md).not.toMatch(/^# not a heading/m);
    expect(md).not.toMatch(/<script|<img/);
  });

  it('says what to do next for each empty section', () => {
    const md = renderReportMarkdown(emptyReportSnapshot());
    expect(md).toContain('Preview generated ');
    expect(md).toContain('No data yet. Upload a labeled sample on the Agreement tab to measure the ceiling.');
    expect(md).toContain('No data yet. Generate a roadmap on the Roadmap tab.');
    expect(md).toContain('No numbers yet.');
  });

  it('escapes block markers only where they would start a block', () => {
    expect(escapeMarkdown('# title')).toBe('\\# title');
    expect(escapeMarkdown('12. item')).toBe('12\\. item');
    expect(escapeMarkdown('C# and F#, 3.5 - 2')).toBe('C# and F#, 3.5 - 2');
    expect(escapeMarkdown('a\r\nb\nc')).toBe('a<br>b<br>c');
  });
});

describe('renderReportHtml', () => {
  it('is one self-contained document with A4 print rules and both charts inline', () => {
    const html = renderReportHtml(exampleReportSnapshot());
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain("default-src 'none'");
    expect(html).toMatch(/@page \{ size: A4;/);
    expect(html).toContain('counter(pages)');
    expect(html).toContain('@media print');
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('<title>Time–quality curve');
    expect(html).toContain('<title>Roadmap Gantt chart');
    // Nothing that would fetch: no scripts, no src/href attributes, no CSS urls or imports.
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|\shref=|url\(|@import/i);
    // Sections after the summary start a new printed page.
    expect(html.match(/<section class="page">/g)).toHaveLength(6);
  });

  it('names the scale beside each band, since Krippendorff and Landis–Koch read one number differently', () => {
    const markdown = renderReportMarkdown(exampleReportSnapshot());
    const html = renderReportHtml(exampleReportSnapshot());
    for (const band of ["tentative (Krippendorff's scale)", "substantial (Landis–Koch's scale)"]) {
      expect(markdown).toContain(band);
      expect(html).toContain(escapeHtml(band));
    }
  });

  it("labels the curve's time axis in the report's words (1 week, 1 month), never abbreviations", () => {
    const html = renderReportHtml(exampleReportSnapshot());
    const chart = html.slice(html.indexOf('<title>Time–quality curve'), html.indexOf('</svg>'));
    const ticks = [...chart.matchAll(/<text [^>]*y="244" text-anchor="middle">([^<]*)<\/text>/g)].map(
      (m) => m[1],
    );
    expect(ticks.length).toBeGreaterThan(1);
    for (const tick of ticks) expect(tick).toMatch(/^(1 (minute|hour|day|week|month|year)|10+ years)$/);
  });

  it('escapes user text everywhere: title, cells, chart labels', () => {
    const html = renderReportHtml(hostileSnapshot());
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain(
      '<title>&quot;Quoted&quot; &lt;script&gt;alert(1)&lt;/script&gt;: planning report</title>',
    );
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; angle</text>');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('<td>a | b\n# not a heading');
  });

  it('draws no chart for empty sections and says what to do next', () => {
    const html = renderReportHtml(emptyReportSnapshot());
    expect(html).not.toContain('<svg');
    expect(html).toContain(
      '<p>No data yet. Add attack angles on the Tradeoff tab to estimate the time to target.</p>',
    );
  });

  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe("a version's decisions in the exports", () => {
  const decisions: ReportDecisionLine[] = [
    {
      decision: 'approve-with-conditions',
      name: 'Dana Reyes',
      comment: `keep a human review of refunds ${XSS}`,
      meeting: false,
      decidedAt: '2026-12-06T15:16:00Z',
    },
    {
      decision: 'reject',
      name: 'Steering committee',
      comment: '',
      meeting: true,
      decidedAt: '2026-12-07T09:00:00Z',
    },
  ];
  const dates = { locale: 'en-GB', timeZone: 'UTC' };

  it('lists each decision after the summary, worded as "what changed" words it, with its moment', () => {
    const md = renderReportMarkdown(exampleReportSnapshot(), { ...dates, decisions });
    const section = md.slice(md.indexOf('## Decisions on version 2'), md.indexOf('## Worksheet'));
    expect(md.indexOf('## Executive summary')).toBeLessThan(md.indexOf('## Decisions on version 2'));
    expect(section).toContain('- Dana Reyes approved v2 with conditions: keep a human review of refunds');
    expect(section).toContain('(6 Dec 2026, 15:16)');
    expect(section).toContain('- Steering committee rejected v2 (in a meeting)');
    // Readers' text is text in both formats.
    expect(md).not.toContain(XSS);
    const html = renderReportHtml(exampleReportSnapshot(), { ...dates, decisions });
    expect(html).toContain('<h2>Decisions on version 2</h2>');
    expect(html).toContain(
      'Dana Reyes approved v2 with conditions: keep a human review of refunds &lt;script&gt;',
    );
    expect(html).not.toContain(XSS);
  });

  it('says when none was recorded, and leaves the section out when no decisions are given or nothing is published', () => {
    expect(renderReportMarkdown(exampleReportSnapshot(), { decisions: [] })).toContain(
      'No decision recorded on v2 yet.',
    );
    expect(renderReportMarkdown(exampleReportSnapshot())).not.toContain('Decisions on version');
    expect(renderReportHtml(emptyReportSnapshot(), { decisions })).not.toContain('Decisions on version');
  });
});

describe("the ceiling's metric", () => {
  /** The example with a Kendall's τ ceiling from the reference sample, as a ranking project's report has. */
  function rankingSnapshot(): ReportSnapshot {
    const base = exampleReportSnapshot();
    const { agreement, tradeoff } = base.sections;
    if (
      agreement.status !== 'ready' ||
      !agreement.reference ||
      tradeoff.status !== 'ready' ||
      !base.summary.ceiling
    ) {
      throw new Error('the example snapshot should be filled');
    }
    const metric = "Kendall's τ";
    return {
      ...base,
      summary: { ...base.summary, ceiling: { ...base.summary.ceiling, metric } },
      sections: {
        ...base.sections,
        agreement: {
          ...agreement,
          // A ranking sample's table: its own measures, then the ceiling (no α of one label per item).
          reference: {
            ...agreement.reference,
            metric,
            coefficients: [
              {
                name: "Kendall's W (ties corrected)",
                value: 0.862,
                ci: { low: 0.8, high: 0.91 },
                band: null,
              },
              { name: "Mean Kendall's τ-b", value: 0.81, ci: { low: 0.77, high: 0.85 }, band: null },
              { name: 'Human ceiling', value: 0.81, ci: { low: 0.77, high: 0.85 }, band: null },
            ],
          },
        },
        tradeoff: { ...tradeoff, ceilingMetric: metric },
      },
    };
  }

  it('is named beside the ceiling in the Markdown and HTML exports (the PDF prints the HTML)', () => {
    const snapshot = rankingSnapshot();
    const md = renderReportMarkdown(snapshot);
    expect(md).toContain(
      `- Human ceiling: 0.810 (95% CI \\[0.770, 0.850\\]) in Kendall's τ, from "Batch March"`,
    );
    expect(md).toContain(
      `Human ceiling 0.810 (95% CI \\[0.770, 0.850\\]) in Kendall's τ; Krippendorff's α 0.740.`,
    );
    expect(md).toContain(`ceiling 0.810 in Kendall's τ, on a scale to 1.`);
    expect(md).toContain("| Kendall's W (ties corrected) | 0\\.862 | \\[0.800, 0.910\\] |");
    expect(md).toContain("| Mean Kendall's τ-b | 0\\.810 | \\[0.770, 0.850\\] |");
    const html = renderReportHtml(snapshot);
    expect(html).toContain(
      '<li>Human ceiling: 0.810 (95% CI [0.770, 0.850]) in Kendall&#39;s τ, from &quot;Batch March&quot;</li>',
    );
    expect(html).toContain('Human ceiling 0.810 (95% CI [0.770, 0.850]) in Kendall&#39;s τ; Krippendorff');
    expect(html).toContain('ceiling 0.810 in Kendall&#39;s τ, on a scale to 1.');
    expect(html).toContain('<tr><td>Kendall&#39;s W (ties corrected)</td><td>0.862</td>');
    expect(headlineLine(snapshot.summary)).toBe(
      "Verdict: Spike first · human ceiling 0.810 in Kendall's τ · time to target P50 5.9 weeks",
    );
  });

  it('is left unsaid in versions published before it was kept, rather than guessed', () => {
    const md = renderReportMarkdown(exampleReportSnapshot());
    expect(md).toContain('- Human ceiling: 0.810 (95% CI \\[0.770, 0.850\\]), from "Batch March"');
    expect(md).not.toMatch(/ceiling [^\n]* in /);
  });
});

describe('numbers in the report', () => {
  /** The example on a percentage metric (0–100), with a best angle and an ROI worth 1e23. */
  function percentageSnapshot(): ReportSnapshot {
    const base = exampleReportSnapshot();
    const { tradeoff } = base.sections;
    if (tradeoff.status !== 'ready' || tradeoff.roi === null) throw new Error('the example should be filled');
    const scale = (q: number) => Math.round(q * 1000) / 10;
    return {
      ...base,
      summary: {
        ...base.summary,
        target: { value: 85, source: 'tradeoff', worksheetValue: 80 },
        bestAngle: { name: 'Fine-tuned small model', quality: 79, net: 1e23 },
      },
      sections: {
        ...base.sections,
        tradeoff: {
          ...tradeoff,
          maxQuality: 100,
          target: 85,
          ceiling: 92.5,
          angles: tradeoff.angles.map((a) => ({
            ...a,
            quality: {
              low: scale(a.quality.low),
              likely: scale(a.quality.likely),
              high: scale(a.quality.high),
            },
          })),
          measured: tradeoff.measured.map((m) => ({ ...m, quality: scale(m.quality) })),
          curve: tradeoff.curve.map((p) => ({
            days: p.days,
            fitted: scale(p.fitted),
            p10: scale(p.p10),
            p50: scale(p.p50),
            p90: scale(p.p90),
          })),
          roi: tradeoff.roi.map((r) => ({ ...r, quality: scale(r.quality), value: 1e23, net: 1e23 })),
        },
      },
    };
  }

  it('shows qualities with the precision of a percentage metric (85.0, not 85.000) in text and chart', () => {
    const snapshot = percentageSnapshot();
    for (const text of [renderReportMarkdown(snapshot), renderReportHtml(snapshot)]) {
      // The override is named, with the worksheet's answer beside it, in the summary and the tradeoff line.
      expect(text).toContain('Target: 85.0, set on Tradeoff; the worksheet says 80.0');
      expect(text).toContain(
        'Target 85.0, set on Tradeoff; the worksheet says 80.0, ceiling 92.5, on a scale to 100.',
      );
      for (const threeDecimals of ['85.000', '79.000', '92.500']) expect(text).not.toContain(threeDecimals);
    }
    // Table cells (Markdown escapes their dots) and the chart's target label too.
    expect(renderReportHtml(snapshot)).toContain('<td>72.0 / 79.0 / 83.0</td>');
    expect(renderReportHtml(snapshot)).toContain('>target 85.0</text>');
    // The human ceiling stays a share in [0, 1], with three decimals.
    expect(renderReportMarkdown(snapshot)).toContain('Human ceiling: 0.810');
  });

  it('never prints exponent notation, even for a net value of 1e23', () => {
    const snapshot = percentageSnapshot();
    for (const text of [renderReportMarkdown(snapshot), renderReportHtml(snapshot)]) {
      // JavaScript writes exponents with a sign (1e+23, 1e-7); colours like #3e8e41 have none.
      expect(text).not.toMatch(/\de[+-]\d/i);
      expect(text).toContain('net value 100,000,000,000 trillion');
    }
  });
});
