/**
 * The planning report as one self-contained HTML file: inline CSS (with the A4 print rules), inline SVG
 * charts, no scripts and no external requests (its Content-Security-Policy forbids any). Printed to PDF
 * by the browser or by `raisin report export --format pdf`.
 */

import type { DateFormatOptions } from '../format';
import { versionLine } from './render-format';
import { ganttChartSvg, tradeoffChartSvg } from './report-charts';
import { buildReportDocument, type ReportBlock, type ReportRenderOptions } from './report-document';
import { isReadySection, type ReportSnapshot } from './snapshot';

/** Text as HTML character data or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #7a3e9d; }
* { box-sizing: border-box; }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0 auto; max-width: 900px; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; border-bottom: 1px solid var(--line); padding-bottom: 4px; margin-top: 32px; }
h3 { font-size: 15px; margin-top: 20px; }
p, li, td, th { white-space: pre-wrap; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
.meta { color: var(--muted); margin: 0; }
.print-header { display: none; }
svg.chart { width: 100%; height: auto; margin: 8px 0; font-size: 11px; }
svg.chart text { fill: var(--muted); }
svg.chart .grid { stroke: #eaeef2; }
svg.chart .band { fill: var(--accent); fill-opacity: 0.15; }
svg.chart .curve { fill: none; stroke: var(--accent); stroke-width: 2; }
svg.chart .ceiling { stroke: #1a7f37; stroke-dasharray: 6 4; }
svg.chart .target { stroke: #bc4c00; stroke-dasharray: 2 3; }
svg.chart .angle line { stroke: var(--ink); }
svg.chart .angle circle { fill: var(--ink); }
svg.chart .angle text { fill: var(--ink); }
svg.chart .measured { fill: #0969da; }
svg.chart .p50 { fill: var(--accent); }
svg.chart .p90 { fill: var(--accent); fill-opacity: 0.3; }
@page { size: A4; margin: 18mm 14mm 16mm; @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; color: #59636e; } }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .print-header { display: block; position: fixed; top: -12mm; left: 0; right: 0; font-size: 9pt; color: var(--muted); }
  section.page { break-before: page; }
  h2, h3 { break-after: avoid; }
  table, svg.chart, tr { break-inside: avoid; }
  th { background: none; }
}
`;

function renderBlock(block: ReportBlock, snapshot: ReportSnapshot, dates: DateFormatOptions): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
    case 'table': {
      const head = block.head.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join('');
      const rows = block.rows
        .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
        .join('');
      return `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
    }
    case 'chart': {
      const { tradeoff, roadmap } = snapshot.sections;
      if (block.chart === 'tradeoff')
        return isReadySection(tradeoff) ? tradeoffChartSvg(tradeoff, escapeHtml) : '';
      return isReadySection(roadmap) ? ganttChartSvg(roadmap, escapeHtml, dates) : '';
    }
    case 'section':
      return '';
  }
}

/**
 * Renders a report snapshot as a complete HTML document, dates for the reader and the version's decisions
 * when given (`options`); all user text is escaped.
 */
export function renderReportHtml(snapshot: ReportSnapshot, options: ReportRenderOptions = {}): string {
  const sections: string[] = [];
  let current: string[] = [];
  let isFirst = true;
  const flush = (pageBreak: boolean) => {
    if (current.length > 0)
      sections.push(`<section${pageBreak ? ' class="page"' : ''}>${current.join('\n')}</section>`);
    current = [];
  };
  for (const block of buildReportDocument(snapshot, options)) {
    // The title and summary share the first page; every later section starts a new printed page.
    if (block.kind === 'section' && block.key !== 'summary') {
      flush(!isFirst);
      isFirst = false;
    }
    current.push(renderBlock(block, snapshot, options));
  }
  flush(!isFirst);
  const title = `${snapshot.project.name}: planning report`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="print-header" aria-hidden="true">${escapeHtml(`${snapshot.project.name} · ${versionLine(snapshot, options)}`)}</div>
<main>
${sections.join('\n')}
</main>
</body>
</html>
`;
}
