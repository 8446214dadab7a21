import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { formatCalendarDate } from '../format';
import { addMilestone, addPhase, renamePhase } from './edit-roadmap';
import {
  escapeText,
  foldLine,
  ROADMAP_CSV_COLUMNS,
  roadmapToCsv,
  roadmapToICalendar,
  roadmapToMarkdown,
} from './export';
import { generateRoadmap } from './generate-roadmap';
import type { Roadmap } from './types';

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const fixed = (n: number) => ({ low: n, likely: n, high: n });
const generated = unwrap(
  generateRoadmap({
    startDate: '2025-01-06',
    currentLevel: 0,
    targetLevel: 1,
    estimates: {
      heuristic: fixed(5),
      baseline: { low: 5, likely: 10, high: 20 },
      firstProductionModel: fixed(15),
      pipelineAutomation: fixed(20),
      timeToTarget: { p50: 20, p90: 40 },
    },
  }),
);
// Names with the characters each format must escape.
const roadmap: Roadmap = unwrap(
  addMilestone(
    unwrap(renamePhase(generated, 'heuristic', 'Rules, "keywords"; and\\or a regex | fallback')),
    'heuristic',
    'Démo à l’équipe: résultats, écarts; et décisions \\ prochaines étapes, avec un nom très long pour plier',
  ),
);

describe('roadmapToCsv', () => {
  it('parses back with papaparse to one row per phase and per milestone, milestones under their phase', () => {
    const csv = roadmapToCsv(roadmap);
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...ROADMAP_CSV_COLUMNS]);
    const expected = roadmap.phases.flatMap((phase) => [
      [phase.id, phase.name, phase.schedule.p50Start, phase.schedule.p50End, ''],
      ...phase.milestones.map((m) => [m.id, m.name, phase.schedule.p50End, phase.schedule.p50End, phase.id]),
    ]);
    expect(
      parsed.data.map((row) => [row.ID, row.Summary, row['Start date'], row['Due date'], row.Parent]),
    ).toEqual(expected);
    const heuristic = parsed.data[0];
    expect(heuristic?.Description).toContain('\n');
    expect(heuristic?.Description).toContain(`P90 end: ${roadmap.phases[0]?.schedule.p90End}`);
    // RFC 4180 record separator.
    expect(csv.split('\r\n')[0]).toBe(ROADMAP_CSV_COLUMNS.join(','));
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const risky = unwrap(addPhase(roadmap, { name: '=HYPERLINK("http://x")', estimate: fixed(1) }));
    const parsed = Papa.parse<Record<string, string>>(roadmapToCsv(risky), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.data.find((row) => row.ID === 'custom-1')?.Summary).toBe('\'=HYPERLINK("http://x")');
  });
});

describe('roadmapToICalendar', () => {
  const ics = roadmapToICalendar(roadmap, {
    uidPrefix: 'project-42',
    generatedAt: new Date('2025-01-02T03:04:05.678Z'),
    calendarName: 'Roadmap; v1',
  });
  const milestones = roadmap.phases.flatMap((phase) =>
    phase.milestones.map((m) => ({ phase, milestone: m })),
  );

  it('uses CRLF line endings only and folds lines at 75 octets', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.split('\r\n').slice(0, -1);
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
  });

  it('has one all-day VEVENT per milestone with stable UIDs and escaped text', () => {
    // Unfold (RFC 5545 §3.1) before reading properties.
    const lines = ics.replace(/\r\n /g, '').split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(milestones.length);
    expect(lines.filter((line) => line.startsWith('UID:'))).toEqual(
      milestones.map(({ milestone }) => `UID:project-42-${milestone.id}@raisin`),
    );
    expect(lines.filter((line) => line.startsWith('DTSTART;VALUE=DATE:'))).toEqual(
      milestones.map(({ phase }) => `DTSTART;VALUE=DATE:${phase.schedule.p50End.replace(/-/g, '')}`),
    );
    expect(lines).toContain('DTSTAMP:20250102T030405Z');
    expect(lines).toContain('X-WR-CALNAME:Roadmap\\; v1');
    expect(lines).toContain(
      'SUMMARY:Démo à l’équipe: résultats\\, écarts\\; et décisions \\\\ prochaines étapes\\, avec un nom très long pour plier',
    );
    // The same roadmap exported later keeps its UIDs.
    const later = roadmapToICalendar(roadmap, { uidPrefix: 'project-42', generatedAt: new Date() });
    expect(
      later
        .replace(/\r\n /g, '')
        .split('\r\n')
        .filter((line) => line.startsWith('UID:')),
    ).toEqual(lines.filter((line) => line.startsWith('UID:')));
  });

  it('ends each all-day event on the next day (DTEND exclusive), across a month end', () => {
    const lines = ics.replace(/\r\n /g, '').split('\r\n');
    const starts = lines.filter((line) => line.startsWith('DTSTART')).map((line) => line.slice(-8));
    const ends = lines.filter((line) => line.startsWith('DTEND')).map((line) => line.slice(-8));
    starts.forEach((start, index) => {
      const next = new Date(
        Date.UTC(Number(start.slice(0, 4)), Number(start.slice(4, 6)) - 1, Number(start.slice(6)) + 1),
      );
      expect(ends[index]).toBe(next.toISOString().slice(0, 10).replace(/-/g, ''));
    });
  });
});

describe('escapeText and foldLine', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('never splits a multi-octet character or an escape, and unfolds to the original', () => {
    const line = `SUMMARY:${'é'.repeat(30)}${'\\,'.repeat(30)}${'😀'.repeat(20)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) {
      expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
      // An escape split across lines would leave an odd run of backslashes at the end of a part.
      expect((/\\*$/.exec(part)?.[0].length ?? 0) % 2).toBe(0);
      expect(part).not.toMatch(/\uFFFD/);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });
});

describe('roadmapToMarkdown', () => {
  it('renders a phase table and a milestone table with one row each and escaped pipes', () => {
    const markdown = roadmapToMarkdown(roadmap);
    const lines = markdown.split('\n');
    const phaseHeader = lines.findIndex((line) => line.startsWith('| # | Phase |'));
    const afterHeader = lines.slice(phaseHeader + 2);
    const phaseRows = afterHeader.slice(
      0,
      afterHeader.findIndex((line) => !line.startsWith('|')),
    );
    expect(phaseRows).toHaveLength(roadmap.phases.length);
    const cells = (line: string) => line.split(/(?<!\\)\|/).slice(1, -1);
    const headerCells = cells(lines[phaseHeader] ?? '').length;
    for (const row of phaseRows) expect(cells(row)).toHaveLength(headerCells);
    expect(phaseRows[0]).toContain('regex \\| fallback');
    const milestoneHeader = lines.findIndex((line) => line.startsWith('| Milestone |'));
    const milestoneRows = lines.slice(milestoneHeader + 2).filter((line) => line.startsWith('|'));
    expect(milestoneRows).toHaveLength(roadmap.phases.reduce((n, phase) => n + phase.milestones.length, 0));
    expect(markdown).toContain(
      `Target quality expected by ${formatCalendarDate(roadmap.targetQuality?.p50 ?? '', { locale: 'en-GB' })} (P50)`,
    );
    expect(markdown).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
  });
});
