/**
 * Accumulates (item, annotator, label) triples into growable typed arrays and turns them into an
 * `EncodedSample`: category order, level checks, duplicate pairs and the sample-wide checks live here,
 * so every input format shares them.
 */
import { err, ok, type Result } from '../../shared';
import { type ItemIndex, regroupByItem, rememberItemIndex } from '../item-index';
import { withLazyItems } from '../item-names';
import type { EncodedSample, MeasurementLevel, SampleIssue } from '../types';
import { ByteInterner, type InternedNames, resized } from './byte-interner';
import { MISSING_SPELLINGS, missingSpellingIndex, missingSpellingIndexBytes } from './text';
import type { DuplicatePolicy } from './types';

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** True for a label written as a finite decimal number (`3`, `-0.5`, `1e3`; not `0x10`, `Infinity`, ``). */
export function isNumericLabel(label: string): boolean {
  return NUMBER.test(label) && Number.isFinite(Number(label));
}

export interface BuildOptions {
  readonly level?: MeasurementLevel;
  readonly order?: readonly string[];
  readonly duplicates?: DuplicatePolicy;
}

export interface BuiltSample {
  readonly sample: EncodedSample;
  readonly duplicatesResolved: number;
}

interface CategoryLayout {
  readonly categories: string[];
  readonly values: Float64Array | null;
  readonly ordered: boolean;
  /** Old (first-seen) category id → final category index. */
  readonly remap: Int32Array;
}

/**
 * What a builder read from one stretch of a file, as plain arrays for `postMessage`: its annotations with ids
 * local to it (the arrays may run past `length`), its ids' bytes, and what it noted on the way.
 */
export interface SamplePart {
  readonly length: number;
  readonly itemOf: Int32Array;
  readonly annotatorOf: Int32Array;
  readonly categoryOf: Int32Array;
  readonly lineOf: Int32Array;
  readonly items: InternedNames;
  readonly annotators: InternedNames;
  readonly categories: InternedNames;
  readonly categoryLine: readonly number[];
  readonly categoryColumn: readonly (number | undefined)[];
  readonly missingCounts: Float64Array;
}

export class SampleBuilder {
  readonly items = new ByteInterner();
  readonly annotators = new ByteInterner();
  readonly categories = new ByteInterner();
  itemOf: Int32Array;
  annotatorOf: Int32Array;
  categoryOf: Int32Array;
  lineOf: Int32Array;
  length = 0;
  /** Set by `resolveDuplicates` when it regrouped ungrouped rows (and found no duplicate pair). */
  private itemIndex: ItemIndex | null = null;
  /** Where each category was first seen, for error messages. */
  private readonly categoryLine: number[] = [];
  private readonly categoryColumn: (number | undefined)[] = [];
  /**
   * Non-empty cells read as missing, per index in `MISSING_SPELLINGS`: a user must be told, since "N/A" can
   * also be a real category. Counted only when a cell is missing, so the per-cell path pays nothing.
   */
  private readonly missingCounts = new Float64Array(MISSING_SPELLINGS.length);

  constructor(capacity = 1024) {
    const size = Math.max(16, capacity);
    this.itemOf = new Int32Array(size);
    this.annotatorOf = new Int32Array(size);
    this.categoryOf = new Int32Array(size);
    this.lineOf = new Int32Array(size);
  }

  /** Grows the arrays once to hold `capacity` annotations (an estimate from the input size). */
  reserve(capacity: number): void {
    if (capacity > this.itemOf.length) this.resize(Math.ceil(capacity));
  }

  /** Records where a category id was first seen; call after interning a label. */
  noteCategory(category: number, line: number, column: number | undefined): void {
    if (category === this.categoryLine.length) {
      this.categoryLine.push(line);
      this.categoryColumn.push(column);
    }
  }

  /** Counts a delimited cell `buf[start..end)` (trimmed) read as missing; an empty one is not counted. */
  noteMissingBytes(buf: Uint8Array, start: number, end: number): void {
    this.countMissing(missingSpellingIndexBytes(buf, start, end));
  }

  /** `noteMissingBytes` for a cell read as a string (the papaparse path). */
  noteMissingText(text: string): void {
    this.countMissing(missingSpellingIndex(text));
  }

  private countMissing(spelling: number): void {
    if (spelling >= 0) this.missingCounts[spelling] = (this.missingCounts[spelling] ?? 0) + 1;
  }

  /** The non-empty cells read as missing so far, by spelling (only spellings met; empty when none). */
  missingSpellings(): Record<string, number> {
    const counts: Record<string, number> = {};
    MISSING_SPELLINGS.forEach((spelling, i) => {
      const n = this.missingCounts[i] ?? 0;
      if (n > 0) counts[spelling] = n;
    });
    return counts;
  }

  add(item: number, annotator: number, category: number, line: number): void {
    const a = this.length;
    if (a === this.itemOf.length) this.resize(a * 2);
    this.itemOf[a] = item;
    this.annotatorOf[a] = annotator;
    this.categoryOf[a] = category;
    this.lineOf[a] = line;
    this.length = a + 1;
  }

  /** Adds one annotation given as (already trimmed, non-empty) strings. */
  addStrings(item: string, annotator: string, label: string, line: number, labelColumn?: number): void {
    const category = this.categories.internString(label);
    this.noteCategory(category, line, labelColumn);
    this.add(this.items.internString(item), this.annotators.internString(annotator), category, line);
  }

  /** All this builder has read, to be `absorb`ed by another. It must not be used afterwards. */
  exportPart(): SamplePart {
    return {
      length: this.length,
      itemOf: this.itemOf,
      annotatorOf: this.annotatorOf,
      categoryOf: this.categoryOf,
      lineOf: this.lineOf,
      items: this.items.exportNames(),
      annotators: this.annotators.exportNames(),
      categories: this.categories.exportNames(),
      categoryLine: this.categoryLine,
      categoryColumn: this.categoryColumn,
      missingCounts: this.missingCounts,
    };
  }

  /**
   * Appends what another builder read from the text right after this one's (its line 1 being this one's
   * `lineOffset + 1`), as if this builder had read it: ids are first-seen in the same order.
   */
  absorb(part: SamplePart, lineOffset: number): void {
    const itemIds = this.items.internAll(part.items);
    const annotatorIds = this.annotators.internAll(part.annotators);
    const categoryIds = this.categories.internAll(part.categories);
    for (let k = 0; k < categoryIds.length; k++) {
      this.noteCategory(
        categoryIds[k] ?? 0,
        (part.categoryLine[k] ?? 0) + lineOffset,
        part.categoryColumn[k],
      );
    }
    const from = this.length;
    const n = part.length;
    this.reserve(from + n);
    const { itemOf, annotatorOf, categoryOf, lineOf } = this;
    for (let r = 0; r < n; r++) {
      itemOf[from + r] = itemIds[part.itemOf[r] ?? 0] ?? 0;
      annotatorOf[from + r] = annotatorIds[part.annotatorOf[r] ?? 0] ?? 0;
      categoryOf[from + r] = categoryIds[part.categoryOf[r] ?? 0] ?? 0;
      lineOf[from + r] = (part.lineOf[r] ?? 0) + lineOffset;
    }
    this.length = from + n;
    part.missingCounts.forEach((count, spelling) => {
      this.missingCounts[spelling] = (this.missingCounts[spelling] ?? 0) + count;
    });
  }

  /** The encoded sample, or the first issue with it. The builder must not be used afterwards. */
  build(options: BuildOptions = {}): Result<BuiltSample, SampleIssue> {
    const layout = this.layoutCategories(options);
    if (!layout.ok) return layout;
    const { categories, values, ordered, remap } = layout.value;
    const n = this.length;
    const categoryOf = this.categoryOf;
    for (let a = 0; a < n; a++) categoryOf[a] = remap[categoryOf[a] ?? 0] ?? 0;

    const dedup = this.resolveDuplicates(options.duplicates ?? 'error', categories);
    if (!dedup.ok) return dedup;
    const { removed, resolved, pairableItems } = dedup.value;
    const kept = removed === null ? n : this.compact(removed);

    if (this.annotators.size < 2) {
      const only = this.annotators.strings()[0];
      return err({
        code: 'too_few_annotators',
        message:
          only === undefined
            ? 'No annotations found: every label is empty.'
            : `Only one annotator ("${only}") labeled this sample; agreement needs at least 2.`,
      });
    }
    if (pairableItems === 0) {
      return err({
        code: 'no_pairable_item',
        message: `No item has labels from 2 or more annotators (${this.items.size} items, ${this.annotators.size} annotators), so there is nothing to compare.`,
      });
    }
    const sample = withLazyItems(
      {
        annotators: this.annotators.strings(),
        categories,
        categoryValues: values,
        ordered,
        itemOf: fit(this.itemOf, kept),
        annotatorOf: fit(this.annotatorOf, kept),
        categoryOf: fit(categoryOf, kept),
      },
      this.items.names(),
    );
    if (this.itemIndex !== null) {
      const { itemStart, annotatorAt, categoryAt } = this.itemIndex;
      rememberItemIndex(sample, { itemStart, annotatorAt, categoryAt, copied: true });
    }
    return ok({ sample, duplicatesResolved: resolved });
  }

  private layoutCategories(options: BuildOptions): Result<CategoryLayout, SampleIssue> {
    const names = this.categories.strings();
    const numeric = names.every(isNumericLabel);
    if (options.order !== undefined) {
      const declared = [
        ...new Set(options.order.map((label) => label.trim()).filter((label) => label !== '')),
      ];
      const position = new Map(declared.map((label, index) => [label, index]));
      const remap = new Int32Array(names.length);
      let unknown = -1;
      names.forEach((name, id) => {
        const index = position.get(name);
        if (index === undefined) {
          if (unknown < 0 || (this.categoryLine[id] ?? 0) < (this.categoryLine[unknown] ?? 0)) unknown = id;
        } else remap[id] = index;
      });
      if (unknown >= 0) {
        return err(
          this.issueAt(
            unknown,
            'unknown_category',
            `Label "${names[unknown]}" is not in the declared order (${declared.join(', ')}).`,
          ),
        );
      }
      const values = numeric && declared.every(isNumericLabel) ? Float64Array.from(declared, Number) : null;
      return ok({ categories: declared, values, ordered: true, remap });
    }
    if (numeric) {
      // Equal values written differently ("1", "1.0") are one category, named as first seen.
      const distinct = [...new Set(names.map(Number))].sort((x, y) => x - y);
      const index = new Map(distinct.map((value, i) => [value, i]));
      const categories = new Array<string>(distinct.length).fill('');
      const named = new Uint8Array(distinct.length);
      const remap = new Int32Array(names.length);
      names.forEach((name, id) => {
        const i = index.get(Number(name)) ?? 0;
        remap[id] = i;
        if (named[i] === 0) {
          named[i] = 1;
          categories[i] = name;
        }
      });
      if (options.level === 'ratio' && (distinct[0] ?? 0) < 0) {
        const id = names.findIndex((name) => Number(name) < 0);
        return err(
          this.issueAt(
            id,
            'non_numeric_label',
            `Ratio level needs non-negative values; found "${names[id]}".`,
          ),
        );
      }
      return ok({ categories, values: Float64Array.from(distinct), ordered: true, remap });
    }
    const level = options.level;
    if (level === 'interval' || level === 'ratio' || level === 'ordinal') {
      let first = -1;
      names.forEach((name, id) => {
        if (isNumericLabel(name)) return;
        if (first < 0 || (this.categoryLine[id] ?? 0) < (this.categoryLine[first] ?? 0)) first = id;
      });
      const hint = level === 'ordinal' ? ' (or declare an order of the labels)' : '';
      return err(
        this.issueAt(
          first,
          'non_numeric_label',
          `The ${level} level needs numeric labels${hint}; "${names[first]}" is not a number.`,
        ),
      );
    }
    return ok({
      categories: names,
      values: null,
      ordered: false,
      remap: Int32Array.from(names, (_, i) => i),
    });
  }

  private issueAt(category: number, code: SampleIssue['code'], message: string): SampleIssue {
    const line = this.categoryLine[category];
    const column = this.categoryColumn[category];
    const where =
      line === undefined
        ? ''
        : column === undefined
          ? ` (line ${line})`
          : ` (line ${line}, column ${column})`;
    return {
      code,
      message: message + where,
      ...(line === undefined ? {} : { line }),
      ...(column === undefined ? {} : { column }),
    };
  }

  /**
   * Finds repeated (item, annotator) pairs. Rows usually come grouped by item (sorted long files, wide
   * rows), which allows one sequential pass; otherwise a counting sort by item groups them first.
   */
  private resolveDuplicates(
    policy: DuplicatePolicy,
    categories: readonly string[],
  ): Result<{ removed: Uint8Array | null; resolved: number; pairableItems: number }, SampleIssue> {
    const n = this.length;
    const nItems = this.items.size;
    const itemOf = this.itemOf;
    const annotatorOf = this.annotatorOf;
    const categoryOf = this.categoryOf;
    const lineOf = this.lineOf;

    let grouped = true;
    const seen = new Uint8Array(nItems);
    let previous = -1;
    for (let a = 0; a < n; a++) {
      const item = itemOf[a] ?? 0;
      if (item === previous) continue;
      if (seen[item] === 1) {
        grouped = false;
        break;
      }
      seen[item] = 1;
      previous = item;
    }
    // Ungrouped rows are regrouped by a stable counting sort that writes each row's annotator (and its
    // index, for the rare duplicate) to its item's slots: the scattered accesses are writes, which do not
    // stall, and the pass below reads everything in sequence. Reading the rows through a permutation
    // instead would cost a cache miss per array per row on a shuffled file of millions of rows.
    if (!grouped) {
      const index = this.groupWithoutDuplicates();
      if (index !== null) {
        this.itemIndex = index;
        return ok({ removed: null, resolved: 0, pairableItems: index.pairableItems });
      }
    }
    let order: Int32Array | null = null;
    let groupedAnnotator = annotatorOf;
    let groupedItem: Int32Array | null = null;
    if (!grouped) {
      const next = new Int32Array(nItems + 1);
      for (let a = 0; a < n; a++) {
        const item = itemOf[a] ?? 0;
        next[item + 1] = (next[item + 1] ?? 0) + 1;
      }
      for (let i = 0; i < nItems; i++) next[i + 1] = (next[i + 1] ?? 0) + (next[i] ?? 0);
      order = new Int32Array(n);
      groupedAnnotator = new Int32Array(n);
      for (let a = 0; a < n; a++) {
        const item = itemOf[a] ?? 0;
        const slot = next[item] ?? 0;
        order[slot] = a;
        groupedAnnotator[slot] = annotatorOf[a] ?? 0;
        next[item] = slot + 1;
      }
      // `next[i]` is now the end of item i's slots: runs are told apart by those ends.
      groupedItem = next;
    }

    const stampRun = new Int32Array(this.annotators.size).fill(-1);
    const stampAt = new Int32Array(this.annotators.size);
    let removed: Uint8Array | null = null;
    let resolved = 0;
    let pairableItems = 0;
    let conflict: { first: number; second: number } | null = null;
    let run = 0;
    let runItem = -1;
    let runEnd = 0;
    let runCount = 0;
    for (let k = 0; k < n; k++) {
      let item: number;
      if (groupedItem === null) item = itemOf[k] ?? 0;
      else {
        item = runItem;
        while (k >= runEnd) runEnd = groupedItem[++item] ?? 0;
      }
      if (item !== runItem) {
        if (runCount >= 2) pairableItems++;
        runItem = item;
        runCount = 0;
        run++;
      }
      const annotator = groupedAnnotator[k] ?? 0;
      if (stampRun[annotator] !== run) {
        stampRun[annotator] = run;
        stampAt[annotator] = order === null ? k : (order[k] ?? 0);
        runCount++;
        continue;
      }
      const a = order === null ? k : (order[k] ?? 0);
      const prior = stampAt[annotator] ?? 0;
      removed ??= new Uint8Array(n);
      if (categoryOf[prior] === categoryOf[a] || policy === 'first') {
        if (categoryOf[prior] !== categoryOf[a]) resolved++;
        removed[a] = 1;
      } else if (policy === 'last') {
        resolved++;
        removed[prior] = 1;
        stampAt[annotator] = a;
      } else if (conflict === null || (lineOf[a] ?? 0) < (lineOf[conflict.second] ?? 0)) {
        conflict = { first: prior, second: a };
      }
    }
    if (runCount >= 2) pairableItems++;

    if (conflict !== null) {
      const first = lineOf[conflict.first] ?? 0;
      const second = lineOf[conflict.second] ?? 0;
      const item = this.items.strings()[itemOf[conflict.second] ?? 0];
      const annotator = this.annotators.strings()[annotatorOf[conflict.second] ?? 0];
      const labelOf = (a: number) => categories[categoryOf[a] ?? 0] ?? '';
      return err({
        code: 'duplicate_conflict',
        message: `Annotator "${annotator}" labeled item "${item}" twice with different labels: "${labelOf(conflict.first)}" on line ${first} and "${labelOf(conflict.second)}" on line ${second} (use duplicates "first" or "last" to keep one).`,
        line: second,
      });
    }
    return ok({ removed, resolved, pairableItems });
  }

  /**
   * Rows not grouped by item, regrouped by a stable counting sort into the `ItemIndex` that `computeAgreement`
   * would build next (so it is built once), with a pass over it that finds no repeated (item, annotator)
   * pair; `null` when there is one (the general pass in `resolveDuplicates` then handles it). The scattered
   * accesses are writes, which do not stall; reading the rows through a permutation instead would cost a
   * cache miss per array per row on a shuffled file of millions of rows.
   */
  private groupWithoutDuplicates(): (ItemIndex & { readonly pairableItems: number }) | null {
    const n = this.length;
    const nItems = this.items.size;
    const { itemOf, annotatorOf, categoryOf } = this;
    const itemStart = new Int32Array(nItems + 1);
    for (let a = 0; a < n; a++) {
      const item = itemOf[a] ?? 0;
      itemStart[item + 1] = (itemStart[item + 1] ?? 0) + 1;
    }
    for (let i = 0; i < nItems; i++) itemStart[i + 1] = (itemStart[i + 1] ?? 0) + (itemStart[i] ?? 0);
    const { annotatorAt, categoryAt } = regroupByItem({ itemOf, annotatorOf, categoryOf }, n, itemStart, {
      annotators: this.annotators.size,
      categories: this.categories.size,
    });
    const seenOn = new Int32Array(this.annotators.size).fill(-1);
    let pairableItems = 0;
    for (let i = 0; i < nItems; i++) {
      const start = itemStart[i] ?? 0;
      const end = itemStart[i + 1] ?? 0;
      if (end - start >= 2) pairableItems++;
      for (let j = start; j < end; j++) {
        const annotator = annotatorAt[j] ?? 0;
        if (seenOn[annotator] === i) return null;
        seenOn[annotator] = i;
      }
    }
    return { itemStart, annotatorAt, categoryAt, copied: true, pairableItems };
  }

  private compact(removed: Uint8Array): number {
    let w = 0;
    for (let a = 0; a < this.length; a++) {
      if (removed[a] === 1) continue;
      this.itemOf[w] = this.itemOf[a] ?? 0;
      this.annotatorOf[w] = this.annotatorOf[a] ?? 0;
      this.categoryOf[w] = this.categoryOf[a] ?? 0;
      this.lineOf[w] = this.lineOf[a] ?? 0;
      w++;
    }
    this.length = w;
    return w;
  }

  private resize(capacity: number): void {
    this.itemOf = resized(this.itemOf, capacity);
    this.annotatorOf = resized(this.annotatorOf, capacity);
    this.categoryOf = resized(this.categoryOf, capacity);
    this.lineOf = resized(this.lineOf, capacity);
  }
}

/** The exact-length view, copied when the spare capacity would waste more than a quarter. */
function fit(a: Int32Array, length: number): Int32Array {
  return a.length > length * 1.25 + 16 ? a.slice(0, length) : a.subarray(0, length);
}
