/**
 * Structured annotations read from Label Studio and Prodigy exports, one record per (control, item,
 * annotator), before they are grouped by control into framed samples (`framed-builder.ts`). What each
 * export's shapes mean is in docs/product.md, "Framings beyond one label per item".
 */
import type { Box, RankedObject, Span } from '../framing';
import type { PairwiseAnswer } from '../pairwise/canonical';

export type FramedValue =
  /** One category (a single choice, a rating, a Prodigy binary answer). */
  | { readonly kind: 'label'; readonly label: string }
  /** Selected choices; a control is multi-label when any annotation selects other than one. */
  | { readonly kind: 'set'; readonly labels: readonly string[] }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'spans'; readonly spans: readonly Span[] }
  | { readonly kind: 'boxes'; readonly boxes: readonly Box[] }
  | { readonly kind: 'ranking'; readonly objects: readonly RankedObject[] }
  | { readonly kind: 'preference'; readonly answer: PairwiseAnswer };

export interface FramedRecord {
  readonly control: string;
  readonly item: string;
  readonly annotator: string;
  readonly value: FramedValue;
  /** The text spans point into, when the export holds it (the disagreement list quotes the spans). */
  readonly text?: string;
  /** 1-based line (and column) of the record or of its result, for errors. */
  readonly line: number;
  readonly column?: number;
}

/** A bad value inside a record: its message, and the id of the result it is in (to find its column). */
export interface RecordProblem {
  readonly message: string;
  readonly resultId?: string;
}
