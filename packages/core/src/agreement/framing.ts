/**
 * Framings: the kinds of annotation Raisin measures agreement on (docs/product.md, "Framings beyond one
 * label per item"). `categorical`, `continuous` and `pairwise` samples are triples (`EncodedSample`); the
 * others hold one structured value per (unit, annotator): a set of labels, spans, boxes or a ranking.
 */
import type { EncodedSample } from './types';

export const FRAMINGS = [
  'categorical',
  'multilabel',
  'spans',
  'boxes',
  'ranking',
  'pairwise',
  'continuous',
] as const;

export type Framing = (typeof FRAMINGS)[number];

/** What `humanCeiling` is measured in. */
export type HumanCeilingMetric = 'accuracy' | 'f1' | 'kendallTau' | 'correlation';

export function isFraming(name: string): name is Framing {
  return (FRAMINGS as readonly string[]).includes(name);
}

const FRAMING_WORDS: Record<Framing, string> = {
  categorical: 'one label per item',
  multilabel: 'sets of labels',
  spans: 'spans',
  boxes: 'boxes',
  ranking: 'rankings',
  pairwise: 'pairwise preferences',
  continuous: 'numbers',
};

/** What a sample of a framing holds, in words ("spans", "one label per item"); no framing is categorical. */
export function describeFraming(framing: Framing | undefined): string {
  return FRAMING_WORDS[framing ?? 'categorical'];
}

/** One structured annotation: annotator `annotator` gave `value` to unit `unit` (indices into the sample's lists). */
export interface UnitAnnotation<V> {
  readonly unit: number;
  readonly annotator: number;
  readonly value: V;
}

/**
 * A sample whose annotations are structured values. A unit is what the bootstrap resamples: an item
 * (multi-label), a document (spans), an image (boxes) or a list (ranking). At most one annotation per
 * (unit, annotator).
 */
export interface UnitSample<V> {
  readonly units: readonly string[];
  readonly annotators: readonly string[];
  readonly annotations: readonly UnitAnnotation<V>[];
  /** Each unit's text, by unit index, when the export holds it (spans: the document the offsets point into). */
  readonly texts?: readonly (string | null)[];
}

/** A text span: character offsets, end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

/** An axis-aligned box (any unit: percent or pixels, the IoU is the same). */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly label: string;
}

/** An object's rank (or score: only the order matters) in one annotator's ranking of a list. */
export interface RankedObject {
  readonly object: string;
  readonly rank: number;
}

/** A sample with its framing; the categorical-shaped framings keep the triples' encoding. */
export type FramedSample =
  | { readonly framing: 'categorical' | 'continuous' | 'pairwise'; readonly sample: EncodedSample }
  | { readonly framing: 'multilabel'; readonly sample: UnitSample<readonly string[]> }
  | { readonly framing: 'spans'; readonly sample: UnitSample<readonly Span[]> }
  | { readonly framing: 'boxes'; readonly sample: UnitSample<readonly Box[]> }
  | { readonly framing: 'ranking'; readonly sample: UnitSample<readonly RankedObject[]> };
