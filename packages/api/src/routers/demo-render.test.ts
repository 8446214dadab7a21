// Every export of the demo project, rendered as a reader gets it, read for numbers a stakeholder would stop
// trusting: "0 days" for an effort that is not zero, a float printed to six decimals or more, and a date
// whose day and month are both numbers (06/12/2026 reads as 12 June in the US). Markdown and HTML are read
// by people and carry no ISO dates either; CSV and JSON are for machines and keep them.
import { type ReportSnapshot, renderReportHtml, renderReportMarkdown } from '@raisin/core/report';
import {
  computeVerdict,
  exportWorksheetJson,
  formatWorksheetMarkdown,
  toWorksheetContext,
  type WorksheetAnswers,
} from '@raisin/core/worksheet';
import { describeOnEachDatabase } from '@raisin/db/testing';
import { expect, it } from 'vitest';
import { seedCallers } from '../test-support';

/** A duration of zero in any unit: the demo has no zero effort, so each one would be a rounded-away value. */
const ZERO_DURATION = /(?<![\d.,])0 (minutes?|hours?|days?|weeks?|months?|years?)\b/;
/** A number with six or more decimals: a raw float such as 0.6833333333333333. */
const RAW_FLOAT = /\d\.\d{6,}/;
/** A date whose day and month are both numbers: 06/12/2026, 12.6.2026. */
const NUMERIC_DAY_MONTH = /\b\d{1,2}[/.]\d{1,2}[/.](\d{4}|\d{2})\b/;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

// Content that is not for reading: inline SVG coordinates and the style sheet.
const readable = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z]+;/g, ' ');

function expectTrustworthy(name: string, text: string, { humanDates }: { humanDates: boolean }) {
  const around = (pattern: RegExp) => {
    const match = pattern.exec(text);
    return match ? text.slice(Math.max(0, match.index - 80), match.index + 80) : '';
  };
  expect(around(ZERO_DURATION), `${name}: a non-zero effort printed as zero`).toBe('');
  expect(around(RAW_FLOAT), `${name}: a raw float`).toBe('');
  expect(around(NUMERIC_DAY_MONTH), `${name}: a numeric day/month date`).toBe('');
  if (humanDates) expect(around(ISO_DATE), `${name}: an ISO date in a document for people`).toBe('');
}

describeOnEachDatabase('every export of the demo project', (getDb) => {
  it('prints no zero effort, no raw float and no numeric day/month date', async () => {
    const [owner] = await seedCallers(getDb(), 1);
    if (!owner) throw new Error('seed failed');
    const api = owner.caller;
    const { projectId, shareUrl } = await api.demo.create();

    const preview = await api.report.preview({ projectId, today: '2026-12-06' });
    const shared = await api.report.shared({ token: shareUrl.replace(/^\/s\//, '') });
    if (shared.status !== 'ok') throw new Error(`the demo's share link is ${shared.status}`);
    const snapshots: [string, ReportSnapshot][] = [
      ['preview', preview],
      ['published', shared.snapshot as ReportSnapshot],
    ];
    for (const [which, snapshot] of snapshots) {
      for (const locale of ['en-US', 'en-GB', 'de-DE']) {
        const dates = { locale, timeZone: 'America/New_York' };
        expectTrustworthy(`${which} Markdown (${locale})`, renderReportMarkdown(snapshot, dates), {
          humanDates: true,
        });
        expectTrustworthy(`${which} HTML (${locale})`, readable(renderReportHtml(snapshot, dates)), {
          humanDates: true,
        });
      }
    }

    const { answers: rows } = await api.worksheet.get({ projectId });
    const answers: WorksheetAnswers = Object.fromEntries(
      rows.flatMap((row) => (row.value === null ? [] : [[row.questionId, row.value]])),
    );
    const context = toWorksheetContext(await api.worksheet.context({ projectId }));
    const verdict = computeVerdict({ answers, context });
    expectTrustworthy(
      'worksheet Markdown',
      formatWorksheetMarkdown({ title: 'Demo', answers, context, verdict }),
      { humanDates: true },
    );
    expectTrustworthy('worksheet JSON', JSON.stringify(exportWorksheetJson(answers)), { humanDates: false });

    const csv = await api.roadmap.export({ projectId, format: 'csv' });
    expectTrustworthy('roadmap CSV', csv.content, { humanDates: false });
    const markdown = await api.roadmap.export({ projectId, format: 'markdown' });
    expectTrustworthy('roadmap Markdown', markdown.content, { humanDates: true });
  });

  it('reads a zero effort, a raw float and a numeric date as failures', () => {
    expect(() => expectTrustworthy('t', 'effort 0 days / 1 day', { humanDates: false })).toThrow();
    expect(() =>
      expectTrustworthy('t', 'the human ceiling 0.6833333333333333', { humanDates: false }),
    ).toThrow();
    expect(() => expectTrustworthy('t', 'published 06/12/2026, 16:16', { humanDates: false })).toThrow();
    expect(() => expectTrustworthy('t', 'starts 2026-12-07', { humanDates: true })).toThrow();
    expect(() =>
      expectTrustworthy('t', 'effort 10 days, ceiling 0.683, published 6 Dec 2026', { humanDates: true }),
    ).not.toThrow();
  });
});
