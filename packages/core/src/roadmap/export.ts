/**
 * Roadmap exports: CSV for issue trackers, iCalendar for calendars, Markdown for reports.
 */
import Papa from 'papaparse';
import { type DateFormatOptions, formatCalendarDate } from '../format';
import { escapeMarkdownHtml } from '../shared';
import { MATURITY_ITEMS } from './maturity-items';
import type { Roadmap, RoadmapPhase } from './types';

/** CSV columns, named so that Jira's, Linear's and GitHub Projects' CSV importers map them directly. */
export const ROADMAP_CSV_COLUMNS = [
  'ID',
  'Summary',
  'Description',
  'Start date',
  'Due date',
  'Parent',
] as const;

export type RoadmapCsvColumn = (typeof ROADMAP_CSV_COLUMNS)[number];
export type RoadmapCsvRow = Readonly<Record<RoadmapCsvColumn, string>>;

/**
 * One row per phase (no parent) followed by one row per milestone of it (parent = the phase's ID), with
 * P50 dates as start and due dates; the P90 date is in the description.
 */
export function roadmapCsvRows(roadmap: Roadmap): RoadmapCsvRow[] {
  const itemText = new Map(MATURITY_ITEMS.map((item) => [item.id, item.text]));
  return roadmap.phases.flatMap((phase): RoadmapCsvRow[] => {
    const closes = phase.closes.map((id) => `- ${itemText.get(id) ?? id}`);
    const description = [
      phase.description,
      `Duration: ${phase.schedule.durationP50} working days (P50), ${phase.schedule.durationP90} (P90).`,
      `P90 end: ${phase.schedule.p90End}.`,
      ...(closes.length > 0 ? ['Closes:', ...closes] : []),
    ]
      .filter((line) => line !== '')
      .join('\n');
    return [
      {
        ID: phase.id,
        Summary: phase.name,
        Description: description,
        'Start date': phase.schedule.p50Start,
        'Due date': phase.schedule.p50End,
        Parent: '',
      },
      ...phase.milestones.map(
        (milestone): RoadmapCsvRow => ({
          ID: milestone.id,
          Summary: milestone.name,
          Description: `Milestone of "${phase.name}". P50 ${phase.schedule.p50End}, P90 ${phase.schedule.p90End}.`,
          'Start date': phase.schedule.p50End,
          'Due date': phase.schedule.p50End,
          Parent: phase.id,
        }),
      ),
    ];
  });
}

/**
 * The roadmap as CSV (RFC 4180: comma-separated, CRLF line breaks, fields with commas, quotes or line
 * breaks quoted, quotes doubled), written by papaparse's `unparse`. Cells that start with `=`, `+`, `-`,
 * `@`, a tab or a carriage return are prefixed with `'` (papaparse's `escapeFormulae`) so a spreadsheet
 * opening the file does not run them as formulas (OWASP "CSV Injection").
 */
export function roadmapToCsv(roadmap: Roadmap): string {
  const rows = roadmapCsvRows(roadmap);
  return Papa.unparse(
    {
      fields: [...ROADMAP_CSV_COLUMNS],
      data: rows.map((row) => ROADMAP_CSV_COLUMNS.map((column) => row[column])),
    },
    { newline: '\r\n', escapeFormulae: true },
  );
}

export interface ICalendarOptions {
  /** Makes UIDs unique across roadmaps (e.g. the project id); keep it stable so calendars update events. */
  readonly uidPrefix: string;
  /** When the file is produced: DTSTAMP of every event (RFC 5545 requires it). */
  readonly generatedAt: Date;
  /** Shown by calendar apps as the calendar's name. */
  readonly calendarName?: string;
}

/**
 * The roadmap's milestones as an iCalendar file (RFC 5545): one all-day VEVENT per milestone on its P50
 * date (`DTSTART;VALUE=DATE`, `DTEND` the next day, exclusive), the P90 date in the description, UIDs
 * `<uidPrefix>-<milestone id>@raisin` that stay the same across exports, TEXT values escaped (`\\`, `\;`,
 * `\,`, `\n`; §3.3.11), lines ended by CRLF and folded at 75 octets (§3.1).
 */
export function roadmapToICalendar(roadmap: Roadmap, options: ICalendarOptions): string {
  const stamp = `${options.generatedAt.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Raisin//Roadmap//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  if (options.calendarName !== undefined) lines.push(`X-WR-CALNAME:${escapeText(options.calendarName)}`);
  for (const phase of roadmap.phases) {
    for (const milestone of phase.milestones) {
      lines.push(
        'BEGIN:VEVENT',
        `UID:${escapeText(`${options.uidPrefix}-${milestone.id}@raisin`)}`,
        `DTSTAMP:${stamp}`,
        `DTSTART;VALUE=DATE:${basicDate(phase.schedule.p50End)}`,
        `DTEND;VALUE=DATE:${basicDate(nextDay(phase.schedule.p50End))}`,
        `SUMMARY:${escapeText(milestone.name)}`,
        `DESCRIPTION:${escapeText(
          `Milestone of "${phase.name}".\nP50 date: ${phase.schedule.p50End}; P90 date: ${phase.schedule.p90End}.`,
        )}`,
        'TRANSP:TRANSPARENT',
        'END:VEVENT',
      );
    }
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** RFC 5545 §3.3.11 TEXT escaping: backslash first, then `;`, `,` and line breaks. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * RFC 5545 §3.1 folding: lines longer than 75 octets (UTF-8) are split, each continuation line starting
 * with one space; a multi-octet character or an escape sequence is never split.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // The first line holds 75 octets; continuation lines 74 after their leading space.
  let limit = 75;
  // Units are characters, except that a TEXT escape (`\,`) stays whole: some readers mis-handle a
  // fold between the backslash and its character.
  for (const char of line.match(/\\.|[\s\S]/gu) ?? []) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function basicDate(date: string): string {
  return date.replace(/-/g, '');
}

function nextDay(date: string): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The roadmap as Markdown: a table of phases (level, P50/P90 duration in working days, P50 start and
 * end, P90 end, dependencies), a table of milestones (P50 and P90 dates), and the target-quality dates
 * when known. Pipes in text are escaped and line breaks flattened so cells stay in their table.
 */
export function roadmapToMarkdown(roadmap: Roadmap, dates: DateFormatOptions = { locale: 'en-GB' }): string {
  // For people: "7 Dec 2026", never ISO (the CSV and iCalendar exports keep ISO for machines).
  const day = (date: string) => formatCalendarDate(date, dates);
  const names = new Map(roadmap.phases.map((phase) => [phase.id, phase.name]));
  const lines = [
    `Roadmap from MLOps level ${roadmap.currentLevel} to level ${roadmap.targetLevel}, starting ${day(roadmap.startDate)}; ` +
      `expected end ${day(roadmap.end.p50)} (P50), ${day(roadmap.end.p90)} (P90).`,
    '',
    '| # | Phase | Level | Duration P50 / P90 (working days) | Start (P50) | End (P50) | End (P90) | Depends on |',
    '|---|---|---|---|---|---|---|---|',
    ...roadmap.phases.map((phase, index) =>
      row([
        String(index + 1),
        phase.name,
        phase.level === null ? '' : String(phase.level),
        `${phase.schedule.durationP50} / ${phase.schedule.durationP90}`,
        day(phase.schedule.p50Start),
        day(phase.schedule.p50End),
        day(phase.schedule.p90End),
        phase.dependsOn.map((id) => names.get(id) ?? id).join(', '),
      ]),
    ),
    '',
    '| Milestone | Phase | Date (P50) | Date (P90) |',
    '|---|---|---|---|',
    ...roadmap.phases.flatMap((phase: RoadmapPhase) =>
      phase.milestones.map((milestone) =>
        row([milestone.name, phase.name, day(phase.schedule.p50End), day(phase.schedule.p90End)]),
      ),
    ),
  ];
  if (roadmap.targetQuality !== null) {
    lines.push(
      '',
      `Target quality expected by ${day(roadmap.targetQuality.p50)} (P50), ${day(roadmap.targetQuality.p90)} (P90).`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(markdownCell).join(' | ')} |`;
}

function markdownCell(text: string): string {
  return escapeMarkdownHtml(text)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r\n|\r|\n/g, ' ');
}
