/** The planning report as GitHub-flavoured Markdown (the Report tab's and the CLI's `--format md`). */
import { escapeMarkdownHtml } from '../shared';
import { buildReportDocument, type ReportBlock, type ReportRenderOptions } from './report-document';
import type { ReportSnapshot } from './snapshot';

/**
 * User text as literal Markdown: punctuation that could start emphasis, links, code or table cells is
 * backslash-escaped, as is a heading or list marker at the start; `<`, `>`, `&` become entities, so
 * `<script>` renders as text, never as HTML.
 * Newlines become `<br>`, which keeps a paragraph, list item or table cell in one piece.
 */
export function escapeMarkdown(text: string): string {
  const punctuation = text
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    // Block markers only count at the start, and newlines are gone below, so only the start needs them.
    .replace(/^(\s*)([#+-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
  return escapeMarkdownHtml(punctuation).replace(/\r\n?|\n/g, '<br>');
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.map((cell) => escapeMarkdown(cell) || ' ').join(' | ')} |`;
}

function renderBlock(block: ReportBlock): string | null {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${escapeMarkdown(block.text)}`;
    case 'paragraph':
      return escapeMarkdown(block.text);
    case 'list':
      return block.items.map((item) => `- ${escapeMarkdown(item)}`).join('\n');
    case 'table':
      return [
        tableRow(block.head),
        `|${block.head.map(() => ' --- |').join('')}`,
        ...block.rows.map(tableRow),
      ].join('\n');
    // Charts need a picture: the HTML export draws them; the tables beside them carry the numbers.
    case 'chart':
    case 'section':
      return null;
  }
}

/**
 * Renders a report snapshot as Markdown, dates for the reader and the version's decisions when given
 * (`options`); all user text is escaped.
 */
export function renderReportMarkdown(snapshot: ReportSnapshot, options: ReportRenderOptions = {}): string {
  const parts = buildReportDocument(snapshot, options)
    .map(renderBlock)
    .filter((part): part is string => part !== null);
  return `${parts.join('\n\n')}\n`;
}
