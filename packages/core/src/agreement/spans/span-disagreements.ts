import type { Span, UnitSample } from '../framing';
import type { UnitDifference, UnitDisagreement } from '../types';
import { compareText, type NamedValue, unitDisagreements } from '../unit-disagreements';

type SpanDifference = Extract<UnitDifference, { kind: 'span' }>;

/** Longest span text the list keeps, in characters (code points); longer ones end in …. */
const MAX_SPAN_TEXT = 120;

const spanKey = (span: Span) => `${span.start}:${span.end}:${span.label}`;

/** Below this many span pairs, twins are found by comparing every pair: no key strings, no map. */
const NESTED_LOOP_PAIRS = 256;

/** The indices of `x`'s spans with no exact twin (same start, end and label) in `y`, as multisets. */
function lackingIndices(x: readonly Span[], y: readonly Span[]): number[] {
  const lacking: number[] = [];
  if (x.length * y.length <= NESTED_LOOP_PAIRS) {
    const used = new Uint8Array(y.length);
    for (let i = 0; i < x.length; i++) {
      const a = x[i] as Span;
      let twin = -1;
      for (let j = 0; j < y.length && twin < 0; j++) {
        const b = y[j] as Span;
        if (used[j] === 0 && a.start === b.start && a.end === b.end && a.label === b.label) twin = j;
      }
      if (twin < 0) lacking.push(i);
      else used[twin] = 1;
    }
    return lacking;
  }
  const left = new Map<string, number>();
  for (const span of y) left.set(spanKey(span), (left.get(spanKey(span)) ?? 0) + 1);
  x.forEach((span, i) => {
    const n = left.get(spanKey(span)) ?? 0;
    if (n === 0) lacking.push(i);
    else left.set(spanKey(span), n - 1);
  });
  return lacking;
}

/** The spans of `x` with no exact twin (same start, end and label) in `y`, as multisets. */
export function spansLacking(x: readonly Span[], y: readonly Span[]): Span[] {
  return lackingIndices(x, y).map((i) => x[i] as Span);
}

/** True when `x` and `y` hold the same spans in the same order: most pairs agree, and say so without keys. */
function sameSequence(x: readonly Span[], y: readonly Span[]): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    const a = x[i] as Span;
    const b = y[i] as Span;
    if (a.start !== b.start || a.end !== b.end || a.label !== b.label) return false;
  }
  return true;
}

/**
 * Exact span F1 of one pair on one document, 2TP / (|x| + |y|) with TP the spans both marked with the same
 * start, end and label (the measure of `spans.f1.exact`); NaN when neither marked a span.
 */
export function exactSpanF1(x: readonly Span[], y: readonly Span[]): number {
  const total = x.length + y.length;
  if (total === 0) return Number.NaN;
  if (sameSequence(x, y)) return 1;
  return (2 * (x.length - lackingIndices(x, y).length)) / total;
}

/** The characters of `span` in `codePoints` (offsets count code points, as the parsers check them). */
function spanText(codePoints: readonly string[] | null, span: Span): string | null {
  if (codePoints === null || span.end > codePoints.length) return null;
  const length = span.end - span.start;
  const cut = Math.min(length, MAX_SPAN_TEXT);
  const text = codePoints.slice(span.start, span.start + cut).join('');
  return cut < length ? `${text}…` : text;
}

/**
 * The spans disagreement list: the `limit` documents whose worst annotator pair has the lowest exact span
 * F1, each with the spans one of the pair marked and the other did not (a boundary disagreement shows
 * both versions), in document order, with their text when the export holds the document's text.
 */
export function spanDisagreements(sample: UnitSample<readonly Span[]>, limit: number): UnitDisagreement[] {
  return unitDisagreements(
    sample,
    {
      score: exactSpanF1,
      perfect: 1,
      differences: (a: NamedValue<readonly Span[]>, b: NamedValue<readonly Span[]>, unit: number) => {
        const text = sample.texts?.[unit] ?? null;
        const codePoints = text === null ? null : Array.from(text);
        const one = (has: NamedValue<readonly Span[]>, lacks: NamedValue<readonly Span[]>) =>
          spansLacking(has.value, lacks.value).map(
            (span): SpanDifference => ({
              kind: 'span',
              has: has.name,
              lacks: lacks.name,
              start: span.start,
              end: span.end,
              label: span.label,
              text: spanText(codePoints, span),
            }),
          );
        return [...one(a, b), ...one(b, a)].sort(
          (x, y) =>
            x.start - y.start || x.end - y.end || compareText(x.label, y.label) || compareText(x.has, y.has),
        );
      },
    },
    limit,
  );
}
