import type { LinearForm, ResampledStatistic } from './bootstrap';

/** Builds a `LinearForm`'s sparse rows one item (or group) at a time, in order. */
export class LinearFormBuilder {
  private readonly rowStart: Int32Array;
  private column: Int32Array;
  private value: Float64Array;
  private rows = 0;
  private entries = 0;

  constructor(
    private readonly width: number,
    rowCount: number,
    /** A guess at the nonzero features, to size the arrays (they grow when it is short). */
    expectedEntries: number,
  ) {
    this.rowStart = new Int32Array(rowCount + 1);
    this.column = new Int32Array(Math.max(16, expectedEntries));
    this.value = new Float64Array(this.column.length);
  }

  /** Adds `value` to feature `column` of the current row (a column may be added to more than once). */
  add(column: number, value: number): void {
    if (value === 0) return;
    if (this.entries === this.column.length) {
      const column = new Int32Array(this.column.length * 2);
      column.set(this.column);
      this.column = column;
      const values = new Float64Array(column.length);
      values.set(this.value);
      this.value = values;
    }
    this.column[this.entries] = column;
    this.value[this.entries] = value;
    this.entries++;
  }

  /** Closes the current row: the next `add` goes to the next item. */
  endRow(): void {
    this.rows++;
    this.rowStart[this.rows] = this.entries;
  }

  build(finish: LinearForm['finish']): LinearForm {
    if (this.rows !== this.rowStart.length - 1)
      throw new Error(`a linear form needs ${this.rowStart.length - 1} rows (got ${this.rows})`);
    return {
      width: this.width,
      rowStart: this.rowStart,
      column: this.column.slice(0, this.entries),
      value: this.value.slice(0, this.entries),
      finish,
    };
  }
}

/**
 * Several statistics' linear forms scored together: statistic s's feature d is summed in column
 * `columnOf[offsets[s] + d]`, and features equal on every group share one column (nominal α's marginals
 * are the multi-rater coefficients' pairable labels per category), so that one pass over a block's groups
 * fills every sum once.
 */
export interface CombinedForms {
  readonly forms: readonly LinearForm[];
  readonly offsets: Int32Array;
  readonly columnOf: Int32Array;
  /** Distinct columns. */
  readonly width: number;
  readonly rowStart: Int32Array;
  readonly column: Int32Array;
  readonly value: Float64Array;
}

/** The statistics' forms combined, or `null` when one of them has none (it is then scored by `evaluate`). */
export function combineForms(statistics: readonly ResampledStatistic[], rows: number): CombinedForms | null {
  const forms: LinearForm[] = [];
  for (const statistic of statistics) {
    const form = statistic.linear?.();
    if (form === undefined || form.rowStart.length !== rows + 1) return null;
    forms.push(form);
  }
  const offsets = new Int32Array(forms.length + 1);
  forms.forEach((form, s) => {
    offsets[s + 1] = (offsets[s] ?? 0) + form.width;
  });
  const features = offsets[forms.length] ?? 0;
  // Each feature's nonzero (group, value) list, as text, to find features equal on every group: only
  // between statistics (one statistic's features differ), so a level of one statistic skips it.
  const signature: string[][] = Array.from({ length: features }, (_, f) =>
    forms.length > 1 ? [] : [`${f}`],
  );
  for (const [s, form] of forms.entries()) {
    if (forms.length === 1) break;
    const offset = offsets[s] ?? 0;
    for (let g = 0; g < rows; g++) {
      for (let e = form.rowStart[g] ?? 0; e < (form.rowStart[g + 1] ?? 0); e++)
        signature[offset + (form.column[e] ?? 0)]?.push(`${g}:${form.value[e]}`);
    }
  }
  const columnOf = new Int32Array(features);
  // Whether feature f is the first of its kind, which alone is summed.
  const owner = new Uint8Array(features);
  const columns = new Map<string, number>();
  signature.forEach((entries, f) => {
    const key = entries.join(',');
    const known = columns.get(key);
    if (known === undefined) {
      columns.set(key, columns.size);
      owner[f] = 1;
    }
    columnOf[f] = known ?? columns.size - 1;
  });
  let entries = 0;
  for (const form of forms) entries += form.column.length;
  const rowStart = new Int32Array(rows + 1);
  const column = new Int32Array(entries);
  const value = new Float64Array(entries);
  let next = 0;
  for (let g = 0; g < rows; g++) {
    for (let s = 0; s < forms.length; s++) {
      const form = forms[s] as LinearForm;
      const offset = offsets[s] ?? 0;
      for (let e = form.rowStart[g] ?? 0; e < (form.rowStart[g + 1] ?? 0); e++) {
        const feature = offset + (form.column[e] ?? 0);
        if (owner[feature] === 0) continue;
        column[next] = columnOf[feature] ?? 0;
        value[next] = form.value[e] ?? 0;
        next++;
      }
    }
    rowStart[g + 1] = next;
  }
  return {
    forms,
    offsets,
    columnOf,
    width: columns.size,
    rowStart,
    column: column.slice(0, next),
    value: value.slice(0, next),
  };
}

/**
 * The sums of a block of `count` resamples: `counts[g · count + r]` is group g's count in resample r
 * (group-major, as `GroupResampler.drawMany` writes with `groupMajor`), and `sums[d · count + r]` receives
 * Σ_g counts · feature d. Group by group, each nonzero feature runs down the block's counts in one
 * contiguous loop: a block costs (nonzero features) × count multiply-adds and no per-resample overhead.
 */
export function sumBlock(
  combined: CombinedForms,
  counts: Int32Array,
  count: number,
  sums: Float64Array,
): void {
  const { rowStart, column, value } = combined;
  sums.fill(0, 0, combined.width * count);
  const groups = rowStart.length - 1;
  for (let g = 0; g < groups; g++) {
    const base = g * count;
    for (let e = rowStart[g] ?? 0; e < (rowStart[g + 1] ?? 0); e++) {
      const f = value[e] ?? 0;
      const to = (column[e] ?? 0) * count;
      for (let r = 0; r < count; r++) sums[to + r] = (sums[to + r] ?? 0) + f * (counts[base + r] ?? 0);
    }
  }
}

/** Resample r's sums of statistic s from a block (`sumBlock`), finished into `out`. */
export function finishFromBlock(
  combined: CombinedForms,
  s: number,
  sums: Float64Array,
  count: number,
  r: number,
  scratch: Float64Array,
  out: Float64Array,
): void {
  const form = combined.forms[s];
  if (form === undefined) return;
  const offset = combined.offsets[s] ?? 0;
  const { columnOf } = combined;
  for (let d = 0; d < form.width; d++) scratch[d] = sums[(columnOf[offset + d] ?? 0) * count + r] ?? 0;
  form.finish(scratch, out);
}
