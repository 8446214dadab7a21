/**
 * Groups framed records by control and builds each control's framed sample: the framing follows from the
 * kind of its values (a set with other than one choice anywhere makes the control multi-label), or from
 * the framing the caller names, which must fit the values.
 */
import { err, ok, type Result } from '../../shared';
import type { Box, FramedSample, Framing, RankedObject, Span, UnitSample } from '../framing';
import type { SampleIssue } from '../types';
import { SampleBuilder } from './builder';
import type { SubmittedAnnotation } from './framed-json';
import type { FramedRecord } from './framed-records';
import type { DuplicatePolicy, ParseOptions } from './types';

export interface FramedControl {
  readonly name: string;
  readonly framing: Framing;
  readonly sample: FramedSample;
  readonly duplicatesResolved: number;
}

const KIND_FRAMINGS: Record<FramedRecord['value']['kind'], readonly Framing[]> = {
  label: ['categorical', 'continuous', 'multilabel'],
  set: ['multilabel', 'categorical'],
  number: ['continuous', 'categorical'],
  spans: ['spans'],
  boxes: ['boxes'],
  ranking: ['ranking'],
  preference: ['pairwise'],
};

const issueAt = (record: FramedRecord, code: SampleIssue['code'], message: string): SampleIssue => ({
  code,
  message: `Line ${record.line}: ${message}`,
  line: record.line,
  ...(record.column === undefined ? {} : { column: record.column }),
});

/** The framing of one control's records, or why they cannot be scored together. */
function framingOf(
  name: string,
  records: readonly FramedRecord[],
  forced: Framing | undefined,
): Result<Framing, SampleIssue> {
  const first = records[0];
  if (first === undefined)
    return err({ code: 'empty_file', message: `Control "${name}" holds no annotation.` });
  const kinds = new Set(records.map((r) => r.value.kind));
  const mixed = [...kinds].filter((k) => k !== 'set' && k !== 'label').length > 0 && kinds.size > 1;
  if (mixed) {
    const other = records.find((r) => r.value.kind !== first.value.kind) ?? first;
    return err(
      issueAt(
        other,
        'mixed_framing',
        `item ${other.item} of control "${name}" holds ${other.value.kind} where item ${first.item} (line ${first.line}) holds ${first.value.kind}; one control must hold one framing.`,
      ),
    );
  }
  const kind = first.value.kind;
  const several = records.some((r) => r.value.kind === 'set' && r.value.labels.length !== 1);
  const detected: Framing =
    kind === 'set' || kind === 'label'
      ? several
        ? 'multilabel'
        : 'categorical'
      : kind === 'number'
        ? 'continuous'
        : kind === 'spans'
          ? 'spans'
          : kind === 'boxes'
            ? 'boxes'
            : kind === 'ranking'
              ? 'ranking'
              : 'pairwise';
  if (forced === undefined) return ok(detected);
  const allowed = [...kinds].every((k) => KIND_FRAMINGS[k].includes(forced));
  if (!allowed || (forced === 'categorical' && several))
    return err({
      code: 'mixed_framing',
      message: `Control "${name}" holds ${detected} annotations, which cannot be scored as ${forced}.`,
    });
  return ok(forced);
}

/**
 * One value per (item, annotator): identical repeats collapse, conflicting ones follow `duplicates`. Items
 * and annotators are numbered once, and each item's kept records are chained, so a record costs two map
 * lookups and a walk over its item's few annotators, not a key string built for every record.
 */
function dedupe(
  records: readonly FramedRecord[],
  policy: DuplicatePolicy,
): Result<{ records: FramedRecord[]; resolved: number }, SampleIssue> {
  const itemIds = new Map<string, number>();
  const annotatorIds = new Map<string, number>();
  /** Per item, its last kept record (-1: none); per kept record, the item's one kept before it. */
  const lastOfItem: number[] = [];
  const before: number[] = [];
  const keptAnnotator: number[] = [];
  const kept: FramedRecord[] = [];
  let resolved = 0;
  for (const record of records) {
    let item = itemIds.get(record.item);
    if (item === undefined) {
      item = lastOfItem.length;
      itemIds.set(record.item, item);
      lastOfItem.push(-1);
    }
    let annotator = annotatorIds.get(record.annotator);
    if (annotator === undefined) {
      annotator = annotatorIds.size;
      annotatorIds.set(record.annotator, annotator);
    }
    let at = lastOfItem[item] ?? -1;
    while (at >= 0 && keptAnnotator[at] !== annotator) at = before[at] ?? -1;
    const previous = kept[at];
    if (previous === undefined) {
      before.push(lastOfItem[item] ?? -1);
      lastOfItem[item] = kept.length;
      keptAnnotator.push(annotator);
      kept.push(record);
      continue;
    }
    if (JSON.stringify(previous.value) === JSON.stringify(record.value)) continue;
    if (policy === 'error') {
      return err(
        issueAt(
          record,
          'duplicate_conflict',
          `annotator ${record.annotator} annotated item ${record.item} again, differently (first on line ${previous.line}); pass --duplicates first or last.`,
        ),
      );
    }
    resolved++;
    if (policy === 'last') kept[at] = record;
  }
  return ok({ records: kept, resolved });
}

function unitSample<V>(records: readonly FramedRecord[], read: (record: FramedRecord) => V): UnitSample<V> {
  const units = new Map<string, number>();
  const annotators = new Map<string, number>();
  const indexOf = (map: Map<string, number>, id: string) => {
    let at = map.get(id);
    if (at === undefined) {
      at = map.size;
      map.set(id, at);
    }
    return at;
  };
  const annotations = records.map((record) => ({
    unit: indexOf(units, record.item),
    annotator: indexOf(annotators, record.annotator),
    value: read(record),
  }));
  return { units: [...units.keys()], annotators: [...annotators.keys()], annotations };
}

/** Each unit's text (the first record of the unit that carries one), or `undefined` when none does. */
function unitTexts(
  records: readonly FramedRecord[],
  units: readonly string[],
): (string | null)[] | undefined {
  if (!records.some((record) => record.text !== undefined)) return undefined;
  const at = new Map(units.map((unit, u) => [unit, u]));
  const texts: (string | null)[] = units.map(() => null);
  for (const { item, text } of records) {
    const u = at.get(item);
    if (u !== undefined && text !== undefined) texts[u] ??= text;
  }
  return texts;
}

/**
 * Builds every control's framed sample, in first-seen order. For spans, boxes and multi-label controls, a
 * submitted annotation that marked nothing in the control is an empty annotation (the annotator found
 * nothing), not a missing one.
 */
export function buildFramedControls(
  records: readonly FramedRecord[],
  submitted: readonly SubmittedAnnotation[],
  options: ParseOptions & { readonly framing?: Framing },
): Result<FramedControl[], SampleIssue> {
  const byControl = new Map<string, FramedRecord[]>();
  let control: string | null = null;
  let controlRecords: FramedRecord[] = [];
  for (const record of records) {
    // Records of one control come in runs (a Prodigy export is one control): no lookup within a run.
    if (record.control !== control) {
      control = record.control;
      const list = byControl.get(control);
      if (list === undefined) {
        controlRecords = [];
        byControl.set(control, controlRecords);
      } else controlRecords = list;
    }
    controlRecords.push(record);
  }
  const controls: FramedControl[] = [];
  for (const [name, all] of byControl) {
    const framing = framingOf(name, all, options.framing);
    if (!framing.ok) return framing;
    const emptyKind =
      framing.value === 'spans'
        ? 'spans'
        : framing.value === 'boxes'
          ? 'boxes'
          : framing.value === 'multilabel'
            ? 'set'
            : null;
    const withEmpty = [...all];
    if (emptyKind !== null && submitted.length > 0) {
      const present = new Set(all.map((r) => `${r.item}\u0000${r.annotator}`));
      for (const { item, annotator, line } of submitted) {
        const key = `${item}\u0000${annotator}`;
        if (present.has(key)) continue;
        present.add(key);
        const value =
          emptyKind === 'spans'
            ? ({ kind: 'spans', spans: [] } as const)
            : emptyKind === 'boxes'
              ? ({ kind: 'boxes', boxes: [] } as const)
              : ({ kind: 'set', labels: [] } as const);
        withEmpty.push({ control: name, item, annotator, value, line });
      }
    }
    const deduped = dedupe(withEmpty, options.duplicates ?? 'error');
    if (!deduped.ok) return deduped;
    const list = deduped.value.records;
    const resolved = deduped.value.resolved;
    const sample = framedSampleOf(framing.value, list, options);
    if (!sample.ok) return sample;
    controls.push({ name, framing: framing.value, sample: sample.value, duplicatesResolved: resolved });
  }
  if (controls.length === 0)
    return err({ code: 'empty_file', message: 'The file holds no annotation Raisin can score.' });
  return ok(controls);
}

function framedSampleOf(
  framing: Framing,
  records: readonly FramedRecord[],
  options: ParseOptions,
): Result<FramedSample, SampleIssue> {
  switch (framing) {
    case 'multilabel':
      return ok({
        framing,
        sample: unitSample(records, (r) =>
          r.value.kind === 'set' ? r.value.labels : r.value.kind === 'label' ? [r.value.label] : [],
        ),
      });
    case 'spans': {
      const sample = unitSample<readonly Span[]>(records, (r) =>
        r.value.kind === 'spans' ? r.value.spans : [],
      );
      const texts = unitTexts(records, sample.units);
      return ok({ framing, sample: texts === undefined ? sample : { ...sample, texts } });
    }
    case 'boxes':
      return ok({
        framing,
        sample: unitSample<readonly Box[]>(records, (r) => (r.value.kind === 'boxes' ? r.value.boxes : [])),
      });
    case 'ranking':
      return ok({
        framing,
        sample: unitSample<readonly RankedObject[]>(records, (r) =>
          r.value.kind === 'ranking' ? r.value.objects : [],
        ),
      });
    case 'categorical':
    case 'continuous':
    case 'pairwise': {
      const builder = new SampleBuilder();
      for (const record of records) {
        const { value } = record;
        const label =
          value.kind === 'label'
            ? value.label
            : value.kind === 'set'
              ? (value.labels[0] ?? null)
              : value.kind === 'number'
                ? String(value.value)
                : value.kind === 'preference'
                  ? value.answer
                  : null;
        if (label !== null) builder.addStrings(record.item, record.annotator, label, record.line);
      }
      const level = framing === 'continuous' ? 'interval' : options.level;
      const built = builder.build({
        ...(level === undefined ? {} : { level }),
        ...(options.order === undefined ? {} : { order: options.order }),
        duplicates: options.duplicates ?? 'error',
      });
      if (!built.ok) return built;
      return ok({ framing, sample: built.value.sample });
    }
  }
}
