import type { SampleIssue } from '../types';

/**
 * The parser's message, naming the line and column wherever the issue has them: a UI shows only this
 * text, and the engine's own wording does not always spell the column out.
 */
export function describeSampleIssue(issue: SampleIssue): string {
  const { message, line, column } = issue;
  if (line === undefined) return message;
  const namesLine = /\bline \d+/i.test(message);
  const namesColumn = column === undefined || /\bcolumn \d+/i.test(message);
  if (namesLine && namesColumn) return message;
  const stem = message.replace(/\.$/, '');
  if (namesLine) return `${stem} (column ${column}).`;
  return `${stem} (line ${line}${column === undefined ? '' : `, column ${column}`}).`;
}
