/**
 * CSV/TSV inputs of the framings that a plain (item, annotator, label) table cannot hold: multi-label
 * cells joined with `|`, rankings (long `list,object,annotator,rank` or wide objects × annotators) and
 * pairwise preferences (`item_a,item_b,annotator,choice`). docs/product.md, "Framings beyond one label
 * per item", defines the shapes.
 */
import Papa from 'papaparse';
import { err, ok, type Result } from '../../shared';
import type { Framing } from '../framing';
import { canonicalComparison } from '../pairwise/canonical';
import type { SampleIssue } from '../types';
import { columnRoleOf, listHeaders, normalizeColumnName } from './columns';
import type { FramedRecord } from './framed-records';
import { isMissingCell } from './text';

/** The control name of a table (it holds one question). */
export const TABLE_CONTROL = 'table';

const LIST_NAMES = ['list', 'listid', 'query', 'queryid', 'group', 'groupid', 'set', 'setid'];
const OBJECT_NAMES = [
  'object',
  'objectid',
  'item',
  'itemid',
  'document',
  'documentid',
  'doc',
  'docid',
  'candidate',
  'result',
];
const RANK_NAMES = ['rank', 'ranking', 'position', 'score', 'order'];
const ITEM_A_NAMES = ['itema', 'a', 'left', 'first', 'item1', 'option1', 'optiona'];
const ITEM_B_NAMES = ['itemb', 'b', 'right', 'second', 'item2', 'option2', 'optionb'];
const CHOICE_NAMES = ['choice', 'preference', 'preferred', 'winner', 'answer', 'selected', 'label'];

const findColumn = (header: readonly string[], names: readonly string[]) => {
  const normalized = header.map(normalizeColumnName);
  for (const name of names) {
    const at = normalized.indexOf(name);
    if (at >= 0) return at;
  }
  return -1;
};

interface Table {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** 1-based line of the header; row r is on line `headerLine + 1 + r` (rows with line breaks in quotes aside). */
  readonly headerLine: number;
}

function readTable(text: string): Result<Table, SampleIssue> {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header, ...rows] = parsed.data;
  if (header === undefined) return err({ code: 'empty_file', message: 'The file is empty.' });
  if (rows.length === 0)
    return err({ code: 'header_only', message: 'The file has a header (line 1) but no data rows.', line: 1 });
  return ok({ header: header.map((cell) => cell.trim()), rows, headerLine: 1 });
}

const missingColumn = (what: string, header: readonly string[]): SampleIssue => ({
  code: 'missing_column',
  message: `No ${what} column among ${listHeaders(header)}.`,
  line: 1,
});

/** The labels of a multi-label cell: joined with `|`, trimmed, each once in first-seen order; none in an empty cell. */
function labelsOfCell(value: string): string[] {
  return [
    ...new Set(
      value
        .split('|')
        .map((l) => l.trim())
        .filter((l) => l !== ''),
    ),
  ];
}

/** Reads a table under `framing` into framed records (framings a triple table holds are not read here). */
export function framedTableRecords(text: string, framing: Framing): Result<FramedRecord[], SampleIssue> {
  const table = readTable(text);
  if (!table.ok) return table;
  const { header, rows } = table.value;
  const records: FramedRecord[] = [];
  const lineOf = (r: number) => r + 2;
  const cell = (row: readonly string[], c: number) => (row[c] ?? '').trim();

  if (framing === 'multilabel') {
    const item = header.findIndex((name) => columnRoleOf(name) === 'item');
    const annotator = header.findIndex((name) => columnRoleOf(name) === 'annotator');
    const label = header.findIndex(
      (name, c) => c !== item && c !== annotator && columnRoleOf(name) === 'label',
    );
    if (item >= 0 && annotator >= 0 && (label >= 0 || header.length === 3)) {
      const labelColumn = label >= 0 ? label : ([0, 1, 2].find((c) => c !== item && c !== annotator) ?? 2);
      rows.forEach((row, r) => {
        // A present row with an empty cell is the empty set (docs/product.md, "multilabel").
        records.push({
          control: TABLE_CONTROL,
          item: cell(row, item),
          annotator: cell(row, annotator),
          value: { kind: 'set', labels: labelsOfCell(cell(row, labelColumn)) },
          line: lineOf(r),
        });
      });
      return ok(records);
    }
    // Wide: the first column names the item, every other column is an annotator; an empty cell is missing.
    rows.forEach((row, r) => {
      for (let c = 1; c < header.length; c++) {
        const value = cell(row, c);
        if (value === '' || isMissingCell(value)) continue;
        records.push({
          control: TABLE_CONTROL,
          item: cell(row, 0),
          annotator: header[c] ?? `column ${c + 1}`,
          value: { kind: 'set', labels: labelsOfCell(value) },
          line: lineOf(r),
          column: c + 1,
        });
      }
    });
    return ok(records);
  }

  if (framing === 'ranking') {
    const list = findColumn(header, LIST_NAMES);
    const rank = findColumn(header, RANK_NAMES);
    const annotator = header.findIndex((name) => columnRoleOf(name) === 'annotator');
    const long = rank >= 0 && annotator >= 0;
    const rankings = new Map<
      string,
      { record: Omit<FramedRecord, 'value'>; objects: { object: string; rank: number }[] }
    >();
    const add = (
      listId: string,
      who: string,
      object: string,
      value: string,
      line: number,
      column: number,
    ): SampleIssue | null => {
      const number = Number(value);
      if (value === '' || !Number.isFinite(number))
        return {
          code: 'non_numeric_label',
          message: `Line ${line}: the rank "${value}" is not a number.`,
          line,
          column,
        };
      const key = `${listId}\u0000${who}`;
      let entry = rankings.get(key);
      if (entry === undefined) {
        entry = { record: { control: TABLE_CONTROL, item: listId, annotator: who, line }, objects: [] };
        rankings.set(key, entry);
      }
      if (entry.objects.some((o) => o.object === object))
        return {
          code: 'invalid_record',
          message: `Line ${line}: annotator ${who} ranks "${object}" twice in list ${listId}.`,
          line,
          column,
        };
      entry.objects.push({ object, rank: number });
      return null;
    };
    if (long) {
      const object = header.findIndex(
        (name, c) =>
          c !== list && c !== annotator && c !== rank && OBJECT_NAMES.includes(normalizeColumnName(name)),
      );
      if (object < 0) return err(missingColumn('object', header));
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r] ?? [];
        const issue = add(
          list >= 0 ? cell(row, list) : 'list',
          cell(row, annotator),
          cell(row, object),
          cell(row, rank),
          lineOf(r),
          rank + 1,
        );
        if (issue !== null) return err(issue);
      }
    } else {
      // Wide: one list, objects × annotators, each cell the annotator's rank or score of the object.
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r] ?? [];
        for (let c = 1; c < header.length; c++) {
          const value = cell(row, c);
          if (value === '' || isMissingCell(value)) continue;
          const issue = add('list', header[c] ?? `column ${c + 1}`, cell(row, 0), value, lineOf(r), c + 1);
          if (issue !== null) return err(issue);
        }
      }
    }
    for (const { record, objects } of rankings.values())
      records.push({ ...record, value: { kind: 'ranking', objects } });
    return ok(records);
  }

  if (framing === 'pairwise') {
    const a = findColumn(header, ITEM_A_NAMES);
    const b = findColumn(header, ITEM_B_NAMES);
    const annotator = header.findIndex((name) => columnRoleOf(name) === 'annotator');
    const choice = findColumn(header, CHOICE_NAMES);
    if (a < 0 || b < 0) return err(missingColumn('item_a and item_b', header));
    if (annotator < 0) return err(missingColumn('annotator', header));
    if (choice < 0) return err(missingColumn('choice', header));
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] ?? [];
      const line = lineOf(r);
      const answer = cell(row, choice);
      if (answer === '' || isMissingCell(answer)) continue;
      const comparison = canonicalComparison(cell(row, a), cell(row, b), answer);
      if (comparison === null) {
        return err({
          code: 'unknown_category',
          message: `Line ${line}: the choice "${answer}" is none of a/left/first, b/right/second or tie.`,
          line,
          column: choice + 1,
        });
      }
      records.push({
        control: TABLE_CONTROL,
        item: comparison.item,
        annotator: cell(row, annotator),
        value: { kind: 'preference', answer: comparison.label },
        line,
      });
    }
    return ok(records);
  }
  return err({
    code: 'unknown_framing',
    message: `A table cannot hold ${framing}; use a Label Studio or Prodigy export.`,
  });
}

/** A table framing its header (and first rows) point to, with why, in words the upload form shows. */
export interface FramingSuggestion {
  readonly framing: 'multilabel' | 'ranking' | 'pairwise';
  readonly reason: string;
}

/** The names a rank column goes by; `score` and `order` are left out, since ratings use them as often. */
const CLEAR_RANK_NAMES = ['rank', 'ranking', 'position'];

/**
 * The framing a CSV/TSV table's columns name, so the upload form can pre-select it (the user may change
 * it): two items, an annotator and a choice are pairwise preferences; a rank column, or a list column
 * with a rank-like one, rankings; label cells joining several labels with `|` in the previewed rows, sets
 * of labels. Null when nothing points past one label per item. The columns are those the parser reads
 * under each framing (`framedTableRecords`), so a suggestion is one the upload can read.
 *
 * @example suggestTableFraming(['item_a', 'item_b', 'annotator', 'choice'], [])?.framing // 'pairwise'
 */
export function suggestTableFraming(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): FramingSuggestion | null {
  const named = (c: number) => `"${header[c] ?? ''}"`;
  const a = findColumn(header, ITEM_A_NAMES);
  const b = findColumn(header, ITEM_B_NAMES);
  const annotator = header.findIndex((name) => columnRoleOf(name) === 'annotator');
  const choice = findColumn(header, CHOICE_NAMES);
  if (a >= 0 && b >= 0 && a !== b && annotator >= 0 && choice >= 0 && choice !== a && choice !== b) {
    return {
      framing: 'pairwise',
      reason: `Columns ${named(a)}, ${named(b)}, ${named(annotator)} and ${named(choice)} read as pairwise preferences.`,
    };
  }
  const rank = findColumn(header, CLEAR_RANK_NAMES);
  const list = findColumn(header, LIST_NAMES);
  const rankLike = rank >= 0 ? rank : list >= 0 ? findColumn(header, RANK_NAMES) : -1;
  if (rankLike >= 0) {
    return {
      framing: 'ranking',
      reason:
        list >= 0
          ? `Columns ${named(list)} and ${named(rankLike)} read as rankings of objects within each list.`
          : `Column ${named(rankLike)} reads as a ranking of objects.`,
    };
  }
  const item = header.findIndex((name) => columnRoleOf(name) === 'item');
  const label = header.findIndex(
    (name, c) => c !== item && c !== annotator && columnRoleOf(name) === 'label',
  );
  if (item >= 0 && annotator >= 0 && label >= 0) {
    const joined = rows.map((row) => (row[label] ?? '').trim()).find((value) => /[^|]\|[^|]/.test(value));
    if (joined !== undefined) {
      return {
        framing: 'multilabel',
        reason: `Cells of ${named(label)} such as "${joined}" join several labels with |: read as sets of labels.`,
      };
    }
  }
  return null;
}
