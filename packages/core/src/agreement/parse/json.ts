/**
 * JSON inputs: JSON Lines with item/annotator/label keys, Prodigy `db-out` JSONL, and Label Studio's JSON export.
 * Multi-choice answers (several options selected) become one label: the choices sorted and joined with `|`,
 * so two annotators agree only when they selected the same set.
 */
import type { SampleIssue } from '../types';
import type { SampleBuilder } from './builder';
import { columnRoleOf, listHeaders, normalizeColumnName } from './columns';
import type { RowsHandler } from './delimited-rows';
import { positionAt, trimAscii } from './text';
import type { ColumnMapping, ColumnRole, ParseOptions } from './types';

export interface Triple {
  readonly item: string;
  readonly annotator: string;
  /** `null` when the record carries no label (a missing annotation). */
  readonly label: string | null;
}

type JsonObject = Readonly<Record<string, unknown>>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Nesting followed inside a label or id; deeper values (hostile input, 100,000 levels) read as empty, not as a stack overflow. */
const MAX_VALUE_DEPTH = 8;

/** A label from a JSON value: trimmed text, a number, or a set of choices. */
export function labelText(value: unknown, depth = 0): string | null {
  if (Array.isArray(value)) return depth < MAX_VALUE_DEPTH ? combineChoices(value, depth + 1) : null;
  if (typeof value === 'string') {
    const text = trimAscii(value);
    return text === '' ? null : text;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return null;
}

/** Several selected choices as one label (sorted, joined with `|`); one choice as itself. */
export function combineChoices(values: readonly unknown[], depth = 0): string | null {
  const labels = [
    ...new Set(
      values.map((value) => labelText(value, depth)).filter((label): label is string => label !== null),
    ),
  ].sort();
  return labels.length === 0 ? null : labels.join('|');
}

/** An id from a JSON value; a user object reads as its email, then username, then id. */
export function idText(value: unknown, depth = 0): string | null {
  if (isJsonObject(value)) {
    if (depth >= MAX_VALUE_DEPTH) return null;
    return idText(value.email, depth + 1) ?? idText(value.username, depth + 1) ?? idText(value.id, depth + 1);
  }
  if (typeof value === 'string') {
    const text = trimAscii(value);
    return text === '' ? null : text;
  }
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return null;
}

/** Nested objects followed for dotted keys (`meta.id`); deeper ones are not offered as keys. */
const MAX_KEY_DEPTH = 4;

/**
 * The keys of a JSON Lines record: its own keys, then a dotted path (`annotation.value.label`) for every
 * value inside nested objects, so records that nest the item, annotator or label can be mapped too.
 */
export function recordKeys(record: JsonObject): string[] {
  const keys = Object.keys(record);
  const walk = (value: JsonObject, prefix: string, depth: number) => {
    for (const [key, inner] of Object.entries(value)) {
      const path = `${prefix}.${key}`;
      if (isJsonObject(inner) && depth < MAX_KEY_DEPTH) walk(inner, path, depth + 1);
      else keys.push(path);
    }
  };
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (isJsonObject(value)) walk(value, key, 1);
  }
  return keys;
}

/** The value of a key from `recordKeys`: an own key first, else the dotted path into nested objects. */
export function valueAt(record: JsonObject, key: string): unknown {
  if (Object.hasOwn(record, key)) return record[key];
  let value: unknown = record;
  for (const part of key.split('.')) {
    if (!isJsonObject(value) || !Object.hasOwn(value, part)) return undefined;
    value = value[part];
  }
  return value;
}

/**
 * The key each role is read from in a JSON Lines record (a caller-given name wins over synonyms). A key
 * whose whole name is a synonym wins over a nested one whose last part is (`annotation.user`).
 */
export function mapRecordKeys(
  record: JsonObject,
  given: Readonly<Partial<Record<ColumnRole, string>>> = {},
): Partial<Record<ColumnRole, string>> {
  const keys = recordKeys(record);
  const out: Partial<Record<ColumnRole, string>> = {};
  const lastPart = (key: string) => key.slice(key.lastIndexOf('.') + 1);
  for (const role of ['item', 'annotator', 'label'] as const) {
    const name = given[role];
    if (name !== undefined) {
      const found = keys.includes(name)
        ? name
        : keys.find((key) => normalizeColumnName(key) === normalizeColumnName(name));
      if (found !== undefined) out[role] = found;
      continue;
    }
    // An object is no label, and an id only when it names a user (e.g. `annotation` holding the label).
    const free = (key: string) => {
      const value = valueAt(record, key);
      const unreadable = isJsonObject(value) && (role === 'label' || idText(value) === null);
      return !unreadable && !Object.values(out).includes(key);
    };
    const found =
      keys.find((key) => columnRoleOf(key) === role && free(key)) ??
      keys.find((key) => key.includes('.') && columnRoleOf(lastPart(key)) === role && free(key));
    if (found !== undefined) out[role] = found;
  }
  return out;
}

/**
 * One Prodigy example (a `db-out` line) as a triple, or `null` when it is skipped (`answer: "ignore"`).
 * Choice tasks (with an `accept` list): the item is the input (`_input_hash`), the label the selected options,
 * or the answer itself when none was selected. Binary tasks (`label` + `answer`): the item is the question
 * (`_task_hash`, i.e. the input with its proposed label) and the label is `accept` or `reject`.
 */
export function prodigyTriple(record: JsonObject): Triple | string | null {
  const answer = typeof record.answer === 'string' ? record.answer : null;
  if (answer === 'ignore') return null;
  const annotator = idText(record._annotator_id) ?? idText(record._session_id);
  if (annotator === null) return 'the example has no "_annotator_id" or "_session_id"';
  const inputHash = idText(record._input_hash);
  const taskHash = idText(record._task_hash);
  if (Array.isArray(record.accept)) {
    const item = inputHash ?? taskHash;
    if (item === null) return 'the example has no "_input_hash" or "_task_hash"';
    return { item, annotator, label: combineChoices(record.accept) ?? answer };
  }
  if (answer === 'accept' || answer === 'reject') {
    const proposed = labelText(record.label);
    const item =
      taskHash ?? (inputHash === null ? null : proposed === null ? inputHash : `${inputHash}:${proposed}`);
    if (item === null) return 'the example has no "_task_hash" or "_input_hash"';
    return { item, annotator, label: answer };
  }
  const item = inputHash ?? taskHash;
  if (item === null) return 'the example has no "_input_hash" or "_task_hash"';
  return { item, annotator, label: labelText(record.label) };
}

function positionOf(error: unknown): number | null {
  const match = error instanceof Error ? /position (\d+)/.exec(error.message) : null;
  return match?.[1] === undefined ? null : Number(match[1]);
}

/**
 * The JSON parser's reason without its offsets ("… in JSON at position 42 (line 1 column 43)"): they count
 * from the start of what was parsed (one line of JSON Lines), so the issue's own line and column replace them.
 */
export function jsonMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/,? (in JSON )?at position \d+( \(line \d+ column \d+\))?/, '');
}

/** The issue of a JSON document that does not parse, on the line and column the parser stopped at when it says. */
export function invalidJsonIssue(text: string, error: unknown): SampleIssue {
  const position = positionOf(error);
  const reason = jsonMessage(error);
  if (position === null) return { code: 'invalid_json', message: `Invalid JSON (${reason}).` };
  const { line, column } = positionAt(text, position);
  return { code: 'invalid_json', message: `Invalid JSON on line ${line} (${reason}).`, line, column };
}

/**
 * The issue of a line of JSON Lines that does not parse: `raw` is line `line` as written, `json` what of it
 * was parsed (trimmed), so the column counts from the line's start.
 */
export function invalidJsonLineIssue(error: unknown, line: number, raw: string, json: string): SampleIssue {
  const position = positionOf(error);
  return {
    code: 'invalid_json',
    message: `Line ${line}: invalid JSON (${jsonMessage(error)}).`,
    line,
    ...(position === null ? {} : { column: position + 1 + raw.indexOf(json[0] ?? '') }),
  };
}

/** JSON Lines, generic or Prodigy: one JSON object per line, parsed as the lines arrive. */
export class JsonLinesRows implements RowsHandler {
  rows = 0;
  private readonly decoder = new TextDecoder();
  private rest = '';
  private line = 1;
  private keys: Partial<Record<ColumnRole, string>> | null = null;
  columns: ColumnMapping | undefined;

  constructor(
    private readonly builder: SampleBuilder,
    private readonly kind: 'jsonl' | 'prodigy',
    private readonly given: ParseOptions['columns'] = {},
  ) {}

  push(chunk: Uint8Array): SampleIssue | null {
    const text = this.rest + this.decoder.decode(chunk, { stream: true });
    const last = text.lastIndexOf('\n');
    if (last < 0) {
      this.rest = text;
      return null;
    }
    this.rest = text.slice(last + 1);
    return this.lines(text, last);
  }

  finish(): SampleIssue | null {
    const text = this.rest + this.decoder.decode();
    this.rest = '';
    return this.lines(text, text.length);
  }

  private lines(text: string, end: number): SampleIssue | null {
    let pos = 0;
    while (pos < end) {
      let stop = text.indexOf('\n', pos);
      if (stop < 0 || stop > end) stop = end;
      const issue = this.record(text.slice(pos, stop), this.line);
      if (issue !== null) return issue;
      this.line++;
      pos = stop + 1;
    }
    return null;
  }

  private record(raw: string, line: number): SampleIssue | null {
    const text = raw.trim();
    if (text === '') return null;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return invalidJsonLineIssue(error, line, raw, text);
    }
    if (!isJsonObject(value)) {
      return { code: 'invalid_record', message: `Line ${line}: expected a JSON object.`, line };
    }
    return this.object(value, line);
  }

  /** One record (a JSON Lines line, or an element of a JSON array of records) starting on `line`. */
  object(value: JsonObject, line: number): SampleIssue | null {
    this.rows++;
    if (this.kind === 'prodigy') {
      const triple = prodigyTriple(value);
      if (typeof triple === 'string')
        return { code: 'invalid_record', message: `Line ${line}: ${triple}.`, line };
      if (triple !== null && triple.label !== null) {
        this.builder.addStrings(triple.item, triple.annotator, triple.label, line);
      }
      return null;
    }
    let keys = this.keys;
    if (
      keys === null ||
      keys.item === undefined ||
      valueAt(value, keys.item) === undefined ||
      keys.annotator === undefined ||
      valueAt(value, keys.annotator) === undefined
    ) {
      keys = mapRecordKeys(value, this.given);
      const unmapped = (['item', 'annotator', 'label'] as const).filter((role) => keys?.[role] === undefined);
      if (unmapped.length > 0 && (unmapped.length < 3 || this.keys === null)) {
        return {
          code: 'missing_column',
          message: `Line ${line}: no key for the ${unmapped.join(' and ')} among ${listHeaders(recordKeys(value))}.`,
          line,
        };
      }
      if (this.keys === null) {
        this.columns = { item: keys.item ?? '', annotator: keys.annotator ?? '', label: keys.label ?? '' };
      }
      this.keys = keys;
    }
    const item = idText(valueAt(value, keys.item ?? ''));
    const annotator = idText(valueAt(value, keys.annotator ?? ''));
    const label = labelText(valueAt(value, keys.label ?? ''));
    if (label === null) return null;
    if (item === null)
      return { code: 'invalid_record', message: `Line ${line}: the item ("${keys.item}") is empty.`, line };
    if (annotator === null) {
      return {
        code: 'invalid_record',
        message: `Line ${line}: the annotator ("${keys.annotator}") is empty.`,
        line,
      };
    }
    this.builder.addStrings(item, annotator, label, line);
    return null;
  }
}

/** Start offsets of the elements of a top-level JSON array (found by a scan that skips strings). */
export function elementOffsets(text: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) {
      inString = true;
      if (depth === 1) offsets.push(i);
    } else if (c === 123 || c === 91) {
      if (depth === 1) offsets.push(i);
      depth++;
    } else if (c === 125 || c === 93) depth--;
    else if (depth === 1 && c > 32 && c !== 44) offsets.push(i);
  }
  return offsets;
}

/**
 * An array element that is a record rather than a Label Studio task: no "annotations" or "completions",
 * e.g. pandas' `to_json(orient="records")` or Label Studio's JSON-MIN export.
 */
export function isFlatRecord(task: JsonObject): boolean {
  return !('annotations' in task) && !('completions' in task);
}

/** Label Studio tasks: one label per annotation from its first `choices` or `rating` result. */
export function labelStudioTriples(
  task: JsonObject,
  index: number,
): { triples: Triple[]; issue: string | null } {
  const item = idText(task.id) ?? `task ${index + 1}`;
  const annotations = task.annotations ?? task.completions ?? [];
  if (!Array.isArray(annotations)) return { triples: [], issue: `task ${item}: "annotations" is not a list` };
  const triples: Triple[] = [];
  for (const annotation of annotations) {
    if (!isJsonObject(annotation) || annotation.was_cancelled === true) continue;
    const annotator =
      idText(annotation.completed_by) ?? idText(annotation.created_username) ?? idText(annotation.created_by);
    if (annotator === null) {
      return {
        triples,
        issue: `task ${item}: annotation ${idText(annotation.id) ?? '?'} has no "completed_by"`,
      };
    }
    const results = Array.isArray(annotation.result) ? annotation.result : [];
    let label: string | null = null;
    for (const result of results) {
      const value = isJsonObject(result) && isJsonObject(result.value) ? result.value : null;
      if (value === null) continue;
      label = Array.isArray(value.choices) ? combineChoices(value.choices) : labelText(value.rating);
      if (label !== null) break;
    }
    triples.push({ item, annotator, label });
  }
  return { triples, issue: null };
}

/** Label Studio's JSON export: one array, parsed whole when the input ends. */
export class LabelStudioRows implements RowsHandler {
  rows = 0;
  private readonly decoder = new TextDecoder();
  private readonly parts: string[] = [];

  /** Elements without "annotations" (a JSON array of flat records), read as JSON Lines records are. */
  private readonly records: JsonLinesRows;

  constructor(
    private readonly builder: SampleBuilder,
    given: ParseOptions['columns'] = {},
  ) {
    this.records = new JsonLinesRows(builder, 'jsonl', given);
  }

  /** Whether an element was a Label Studio task (with "annotations" or "completions"). */
  private sawTask = false;

  /**
   * `jsonl` for a JSON array of flat records only (pandas' `orient="records"`), which is read as JSON
   * Lines records are and which the browser's preview names so; `labelstudio` once any task is met.
   */
  get format(): 'labelstudio' | 'jsonl' {
    return !this.sawTask && this.records.rows > 0 ? 'jsonl' : 'labelstudio';
  }

  /** The keys read from a JSON array of flat records; undefined for a Label Studio export. */
  get columns(): ColumnMapping | undefined {
    return this.records.columns;
  }

  push(chunk: Uint8Array): SampleIssue | null {
    this.parts.push(this.decoder.decode(chunk, { stream: true }));
    return null;
  }

  finish(): SampleIssue | null {
    this.parts.push(this.decoder.decode());
    const text = this.parts.join('');
    this.parts.length = 0;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return invalidJsonIssue(text, error);
    }
    const tasks = Array.isArray(value) ? value : [value];
    const offsets = Array.isArray(value) ? elementOffsets(text) : [0];
    let line = 1;
    let scanned = 0;
    for (let t = 0; t < tasks.length; t++) {
      const offset = offsets[t] ?? scanned;
      for (let i = text.indexOf('\n', scanned); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
      scanned = Math.max(scanned, offset);
      const task = tasks[t];
      if (!isJsonObject(task)) {
        return { code: 'invalid_record', message: `Line ${line}: task ${t + 1} is not a JSON object.`, line };
      }
      this.rows++;
      if (isFlatRecord(task)) {
        const issue = this.records.object(task, line);
        if (issue !== null) return issue;
        continue;
      }
      this.sawTask = true;
      const { triples, issue } = labelStudioTriples(task, t);
      if (issue !== null) return { code: 'invalid_record', message: `Line ${line}: ${issue}.`, line };
      for (const triple of triples) {
        if (triple.label !== null) this.builder.addStrings(triple.item, triple.annotator, triple.label, line);
      }
    }
    return null;
  }
}
