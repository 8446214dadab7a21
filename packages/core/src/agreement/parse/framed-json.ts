/**
 * Label Studio tasks and Prodigy examples as framed records: every question (Label Studio control, told
 * apart by `from_name`) on its own, each result read by its `type`, Prodigy's `reject`/`ignore` skipped.
 */
import type { Box, RankedObject, Span } from '../framing';
import type { FramedRecord, FramedValue, RecordProblem } from './framed-records';
import { idText, isJsonObject, labelText } from './json';

type JsonObject = Readonly<Record<string, unknown>>;

/** Where a task's submitted annotation is, so that a control it left empty reads as "nothing marked". */
export interface SubmittedAnnotation {
  readonly item: string;
  readonly annotator: string;
  readonly line: number;
}

const finiteNumber = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/** Length in code points, the unit Label Studio and Prodigy (Python) count offsets in. */
function codePointLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) length++;
  }
  return length;
}

function labelsOf(value: unknown): string[] {
  return Array.isArray(value)
    ? value.map((label) => labelText(label)).filter((label): label is string => label !== null)
    : [];
}

/** A text span, checked: whole offsets, start < end, end within the text when it is known. */
export function readSpan(
  start: unknown,
  end: unknown,
  label: string,
  textLength: number | null,
): Span | string {
  const s = finiteNumber(start);
  const e = finiteNumber(end);
  if (s === null || e === null || !Number.isInteger(s) || !Number.isInteger(e) || s < 0)
    return `a "${label}" span has no whole, non-negative "start" and "end"`;
  if (s >= e) return `a "${label}" span starts at ${s} but ends at ${e} (start must be before end)`;
  if (textLength !== null && e > textLength)
    return `a "${label}" span ends at ${e}, past the end of its text (${textLength} characters)`;
  return { start: s, end: e, label };
}

/** An axis-aligned box, checked: positive size, no rotation (rotated boxes are not measured). */
export function readBox(value: JsonObject, label: string): Box | string {
  const x = finiteNumber(value.x);
  const y = finiteNumber(value.y);
  const width = finiteNumber(value.width);
  const height = finiteNumber(value.height);
  if (x === null || y === null || width === null || height === null)
    return `a "${label}" box has no numeric "x", "y", "width" and "height"`;
  if (width <= 0 || height <= 0) return `a "${label}" box has a non-positive size (${width} × ${height})`;
  const rotation = finiteNumber(value.rotation) ?? 0;
  if (rotation !== 0)
    return `a "${label}" box is rotated by ${rotation}°; rotated boxes are not measured (only axis-aligned ones)`;
  return { x, y, width, height, label };
}

/** A ranking from ordered lists of object ids (Label Studio `ranker` buckets, in order); ranks are positions. */
export function readRanking(lists: readonly unknown[]): RankedObject[] | string {
  const objects: RankedObject[] = [];
  const seen = new Set<string>();
  for (const list of lists) {
    if (!Array.isArray(list)) return 'a ranking is not a list of object ids';
    for (const entry of list) {
      const object = idText(entry);
      if (object === null) return 'a ranking holds an empty object id';
      if (seen.has(object)) return `a ranking lists "${object}" twice`;
      seen.add(object);
      objects.push({ object, rank: objects.length + 1 });
    }
  }
  return objects;
}

/** The text a Label Studio span result points into: `data[to_name]`, else the task's only text field. */
function taskText(task: JsonObject, toName: unknown): string | null {
  const data = isJsonObject(task.data) ? task.data : null;
  if (data === null) return null;
  if (typeof toName === 'string' && typeof data[toName] === 'string') return data[toName] as string;
  const texts = Object.values(data).filter((value): value is string => typeof value === 'string');
  return texts.length === 1 ? (texts[0] ?? null) : null;
}

interface ControlValues {
  kind: FramedValue['kind'];
  labels: string[];
  spans: Span[];
  boxes: Box[];
  value: FramedValue | null;
  resultId: string | null;
  text: string | null;
}

/**
 * One Label Studio task's annotations as framed records, one per (control, annotation). Result types:
 * `choices` (a set), `labels` (spans), `rectanglelabels` (boxes), `ranker`, `pairwise` (`selected:
 * left|right`; the task is the comparison), `number`, `rating`; other types are not scored.
 */
export function labelStudioRecords(
  task: JsonObject,
  index: number,
  line: number,
): { records: FramedRecord[]; submitted: SubmittedAnnotation[]; problem: RecordProblem | null } {
  const item = idText(task.id) ?? `task ${index + 1}`;
  const records: FramedRecord[] = [];
  const submitted: SubmittedAnnotation[] = [];
  const annotations = task.annotations ?? task.completions ?? [];
  const fail = (message: string, resultId: string | null = null) => ({
    records,
    submitted,
    problem: { message: `task ${item}: ${message}`, ...(resultId === null ? {} : { resultId }) },
  });
  if (!Array.isArray(annotations)) return fail('"annotations" is not a list');
  for (const annotation of annotations) {
    if (!isJsonObject(annotation) || annotation.was_cancelled === true) continue;
    const annotator =
      idText(annotation.completed_by) ?? idText(annotation.created_username) ?? idText(annotation.created_by);
    if (annotator === null) return fail(`annotation ${idText(annotation.id) ?? '?'} has no "completed_by"`);
    submitted.push({ item, annotator, line });
    const controls = new Map<string, ControlValues>();
    const results = Array.isArray(annotation.result) ? annotation.result : [];
    for (const result of results) {
      if (!isJsonObject(result) || !isJsonObject(result.value)) continue;
      const { value } = result;
      const type = typeof result.type === 'string' ? result.type : null;
      const control = idText(result.from_name) ?? type ?? 'label';
      const resultId = idText(result.id);
      let read: { kind: FramedValue['kind']; add: (values: ControlValues) => string | null } | null = null;
      switch (type) {
        case 'choices':
          read = {
            kind: 'set',
            add: (v) => {
              v.labels.push(...labelsOf(value.choices));
              return null;
            },
          };
          break;
        case 'labels': {
          const text = taskText(task, result.to_name);
          read = {
            kind: 'spans',
            add: (v) => {
              v.text ??= text;
              for (const label of labelsOf(value.labels)) {
                const span = readSpan(
                  value.start,
                  value.end,
                  label,
                  text === null ? null : codePointLength(text),
                );
                if (typeof span === 'string') return span;
                v.spans.push(span);
              }
              return null;
            },
          };
          break;
        }
        case 'rectanglelabels':
          read = {
            kind: 'boxes',
            add: (v) => {
              for (const label of labelsOf(value.rectanglelabels)) {
                const box = readBox(value, label);
                if (typeof box === 'string') return box;
                v.boxes.push(box);
              }
              return null;
            },
          };
          break;
        case 'ranker': {
          read = {
            kind: 'ranking',
            add: (v) => {
              const buckets = isJsonObject(value.ranker) ? Object.values(value.ranker) : [value.ranker];
              const ranking = readRanking(buckets);
              if (typeof ranking === 'string') return ranking;
              v.value = { kind: 'ranking', objects: ranking };
              return null;
            },
          };
          break;
        }
        case 'pairwise':
          read = {
            kind: 'preference',
            add: (v) => {
              const selected = labelText(value.selected);
              if (selected !== 'left' && selected !== 'right')
                return `a pairwise answer is "${selected ?? ''}", not "left" or "right"`;
              v.value = { kind: 'preference', answer: selected === 'left' ? 'first' : 'second' };
              return null;
            },
          };
          break;
        case 'number':
          read = {
            kind: 'number',
            add: (v) => {
              const number = finiteNumber(value.number);
              if (number === null) return 'a "number" result holds no number';
              v.value = { kind: 'number', value: number };
              return null;
            },
          };
          break;
        case 'rating':
          read = {
            kind: 'label',
            add: (v) => {
              const rating = labelText(value.rating);
              if (rating !== null) v.value = { kind: 'label', label: rating };
              return null;
            },
          };
          break;
        default:
          read = null;
      }
      if (read === null) continue;
      let values = controls.get(control);
      if (values === undefined) {
        values = { kind: read.kind, labels: [], spans: [], boxes: [], value: null, resultId, text: null };
        controls.set(control, values);
      } else if (values.kind !== read.kind) {
        return fail(
          `control "${control}" holds both ${values.kind} and ${read.kind} results; one control must hold one kind`,
          resultId,
        );
      }
      const problem = read.add(values);
      if (problem !== null) return fail(problem, resultId);
    }
    for (const [control, values] of controls) {
      const value: FramedValue | null =
        values.kind === 'set'
          ? { kind: 'set', labels: values.labels }
          : values.kind === 'spans'
            ? { kind: 'spans', spans: values.spans }
            : values.kind === 'boxes'
              ? { kind: 'boxes', boxes: values.boxes }
              : values.value;
      if (value !== null)
        records.push({
          control,
          item,
          annotator,
          value,
          line,
          ...(values.text === null ? {} : { text: values.text }),
        });
    }
  }
  return { records, submitted, problem: null };
}

/** Prodigy's only control: an export holds one dataset, one question. */
export const PRODIGY_CONTROL = 'prodigy';

/** Box of a Prodigy image span: its x, y, width, height, or the bounds of its `points`. */
function prodigyBox(span: JsonObject, label: string): Box | string {
  if (finiteNumber(span.width) !== null) return readBox(span, label);
  const points = Array.isArray(span.points) ? span.points : [];
  const xs = points.map((p) => (Array.isArray(p) ? finiteNumber(p[0]) : null));
  const ys = points.map((p) => (Array.isArray(p) ? finiteNumber(p[1]) : null));
  if (xs.length === 0 || xs.some((v) => v === null) || ys.some((v) => v === null))
    return `a "${label}" image span has neither a size nor points`;
  const left = Math.min(...(xs as number[]));
  const top = Math.min(...(ys as number[]));
  return readBox(
    {
      x: left,
      y: top,
      width: Math.max(...(xs as number[])) - left,
      height: Math.max(...(ys as number[])) - top,
    },
    label,
  );
}

/**
 * One Prodigy example as a framed record, `skip` for a `reject`/`ignore` answer to a manual task (spans
 * or choices: the annotator passed, it is no annotation), or a problem. Manual tasks: `spans` on an
 * `image` are boxes (pixels), `spans` on `text` are text spans (character offsets), an `accept` list a
 * set of choices. Binary tasks (`label` + `answer`) keep their answer as the label.
 */
export function prodigyRecord(
  record: JsonObject,
  line: number,
): FramedRecord | { readonly skip: 'reject' | 'ignore' } | RecordProblem | null {
  const answer = typeof record.answer === 'string' ? record.answer : null;
  const annotator = idText(record._annotator_id) ?? idText(record._session_id);
  const inputHash = idText(record._input_hash);
  const taskHash = idText(record._task_hash);
  const view = typeof record._view_id === 'string' ? record._view_id : '';
  const manual = Array.isArray(record.spans) || Array.isArray(record.accept) || /manual/.test(view);
  if (manual && (answer === 'reject' || answer === 'ignore')) return { skip: answer };
  if (answer === 'ignore') return { skip: 'ignore' };
  if (annotator === null) return { message: 'the example has no "_annotator_id" or "_session_id"' };
  const item = inputHash ?? taskHash;
  if (item === null) return { message: 'the example has no "_input_hash" or "_task_hash"' };
  const base = { control: PRODIGY_CONTROL, item, annotator, line };
  const spans = Array.isArray(record.spans) ? record.spans : [];
  if ('image' in record && (Array.isArray(record.spans) || view === 'image_manual')) {
    const boxes: Box[] = [];
    for (const span of spans) {
      if (!isJsonObject(span)) continue;
      const box = prodigyBox(span, labelText(span.label) ?? '');
      if (typeof box === 'string') return { message: box };
      boxes.push(box);
    }
    return { ...base, value: { kind: 'boxes', boxes } };
  }
  if (Array.isArray(record.spans) || view === 'ner_manual' || view === 'spans_manual') {
    const text = typeof record.text === 'string' ? record.text : null;
    const length = text === null ? null : codePointLength(text);
    const read: Span[] = [];
    for (const span of spans) {
      if (!isJsonObject(span)) continue;
      const checked = readSpan(span.start, span.end, labelText(span.label) ?? '', length);
      if (typeof checked === 'string') return { message: checked };
      read.push(checked);
    }
    return {
      control: PRODIGY_CONTROL,
      item,
      annotator,
      line,
      value: { kind: 'spans', spans: read },
      ...(text === null ? {} : { text }),
    };
  }
  if (Array.isArray(record.accept))
    return { ...base, value: { kind: 'set', labels: labelsOf(record.accept) } };
  if (answer === 'accept' || answer === 'reject') {
    const proposed = labelText(record.label);
    const binaryItem =
      taskHash ?? (inputHash !== null && proposed !== null ? `${inputHash}:${proposed}` : item);
    return { ...base, item: binaryItem, value: { kind: 'label', label: answer } };
  }
  const label = labelText(record.label);
  return label === null ? null : { ...base, value: { kind: 'label', label } };
}
