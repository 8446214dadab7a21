/**
 * The stored form of a sample's normalised triples: a compact binary encoding, deflated. Re-scoring
 * (e.g. at another level) decodes it instead of asking for the file again.
 *
 * Layout before deflate (version 2): u32 header length, the UTF-8 JSON header (ids, categories, array
 * widths), then three arrays of `annotations` entries, each starting on a multiple of 4 bytes: item index
 * deltas (signed; parsers emit an item's labels together, so deltas are mostly 0 and 1), annotator indexes
 * and category indexes, each in the narrowest of 1, 2 or 4 bytes that fits. Version 1, still read, kept the
 * deltas in 4 bytes and did not align the last two arrays.
 */
import { endianness } from 'node:os';
import { deflate, deflateSync, inflateSync } from 'node:zlib';
import {
  AGREEMENT_DEFAULTS,
  type AgreementReport,
  computeFramedAgreement,
  type EncodedSample,
  type Framing,
  type MeasurementLevel,
} from '@raisin/core/agreement';

const FORMAT_VERSION = 2;

// Typed arrays are written as their bytes; every platform Node runs on in practice is little-endian.
if (endianness() !== 'LE') throw new Error('agreement-codec: big-endian platforms are not supported');

type Width = 1 | 2 | 4;

interface Header {
  v: number;
  annotations: number;
  items: readonly string[];
  annotators: readonly string[];
  categories: readonly string[];
  categoryValues: number[] | null;
  ordered: boolean;
  /** Bytes per item delta (version 2; version 1 has 4). */
  itemWidth: Width;
  annotatorWidth: Width;
  categoryWidth: Width;
}

function widthFor(count: number): Width {
  if (count <= 0x100) return 1;
  if (count <= 0x10000) return 2;
  return 4;
}

/** The narrowest signed width that holds every value from `min` to `max`. */
function signedWidthFor(min: number, max: number): Width {
  if (min >= -0x80 && max < 0x80) return 1;
  if (min >= -0x8000 && max < 0x8000) return 2;
  return 4;
}

const aligned = (bytes: number) => Math.ceil(bytes / 4) * 4;

/** A view of `count` entries of `width` bytes at `offset` (a multiple of `width`) of `buffer`. */
function viewOf(buffer: ArrayBuffer, offset: number, count: number, width: Width, signed: boolean) {
  if (width === 1)
    return signed ? new Int8Array(buffer, offset, count) : new Uint8Array(buffer, offset, count);
  if (width === 2)
    return signed ? new Int16Array(buffer, offset, count) : new Uint16Array(buffer, offset, count);
  return new Int32Array(buffer, offset, count);
}

function widen(bytes: Uint8Array, width: Width, count: number): Int32Array {
  // Copy first: the slice of the inflated buffer may not sit on an aligned offset.
  const copy = bytes.slice(0, count * width);
  if (width === 1) return Int32Array.from(copy);
  if (width === 2) return Int32Array.from(new Uint16Array(copy.buffer, 0, count));
  return new Int32Array(copy.buffer, 0, count);
}

/** `widen` for signed entries (the item deltas). */
function widenSigned(bytes: Uint8Array, width: Width, count: number): Int32Array {
  const copy = bytes.slice(0, count * width);
  if (width === 1) return Int32Array.from(new Int8Array(copy.buffer, 0, count));
  if (width === 2) return Int32Array.from(new Int16Array(copy.buffer, 0, count));
  return new Int32Array(copy.buffer, 0, count);
}

/** A sample with no triple: what a spans, boxes, multi-label or ranking sample stores for re-scoring. */
export const NO_TRIPLES: EncodedSample = {
  items: [],
  annotators: [],
  categories: [],
  categoryValues: null,
  ordered: false,
  itemOf: new Int32Array(0),
  annotatorOf: new Int32Array(0),
  categoryOf: new Int32Array(0),
};

/**
 * Encodes and deflates a sample's triples. Deflate level 1: for 10M annotations it takes 0.3 s of CPU instead
 * of level 6's 1.7 s, for 12.0 MB instead of 9.7 MB (still 10× smaller than the CSV); any level inflates alike.
 */
export function encodeSample(sample: EncodedSample): Uint8Array {
  return asBytes(deflateSync(packSample(sample), { level: DEFLATE_LEVEL }));
}

/**
 * `encodeSample` with the deflate on libuv's thread pool: the packing is done now, the deflate beside the
 * caller's next work. The upload's scoring worker starts it before the report, which leaves a core idle
 * while it indexes the sample: on a 10M-cell upload that hides the 0.3–0.8 s the encoding took after it.
 */
export function encodeSampleInBackground(sample: EncodedSample): Promise<Uint8Array> {
  const packed = packSample(sample);
  return new Promise((resolve, reject) => {
    deflate(packed, { level: DEFLATE_LEVEL }, (error, deflated) =>
      error === null ? resolve(asBytes(deflated)) : reject(error),
    );
  });
}

const DEFLATE_LEVEL = 1;

const asBytes = (buffer: Buffer) => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

/** The bytes before deflate (see the layout above), written straight into one buffer. */
function packSample(sample: EncodedSample): Uint8Array {
  const n = sample.itemOf.length;
  const { itemOf, annotatorOf, categoryOf } = sample;
  let min = 0;
  let max = 0;
  for (let a = 0, previous = 0; a < n; a++) {
    const item = itemOf[a] ?? 0;
    const delta = item - previous;
    if (delta < min) min = delta;
    else if (delta > max) max = delta;
    previous = item;
  }
  const header: Header = {
    v: FORMAT_VERSION,
    annotations: n,
    items: sample.items,
    annotators: sample.annotators,
    categories: sample.categories,
    categoryValues: sample.categoryValues === null ? null : Array.from(sample.categoryValues),
    ordered: sample.ordered,
    itemWidth: signedWidthFor(min, max),
    annotatorWidth: widthFor(sample.annotators.length),
    categoryWidth: widthFor(sample.categories.length),
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const itemsAt = aligned(4 + headerBytes.length);
  const annotatorsAt = itemsAt + aligned(n * header.itemWidth);
  const categoriesAt = annotatorsAt + aligned(n * header.annotatorWidth);
  const raw = new Uint8Array(categoriesAt + aligned(n * header.categoryWidth));
  new DataView(raw.buffer).setUint32(0, headerBytes.length, true);
  raw.set(headerBytes, 4);
  const deltas = viewOf(raw.buffer, itemsAt, n, header.itemWidth, true);
  for (let a = 0, previous = 0; a < n; a++) {
    const item = itemOf[a] ?? 0;
    deltas[a] = item - previous;
    previous = item;
  }
  viewOf(raw.buffer, annotatorsAt, n, header.annotatorWidth, false).set(annotatorOf);
  viewOf(raw.buffer, categoriesAt, n, header.categoryWidth, false).set(categoryOf);
  return raw;
}

function isWidth(value: unknown): value is Width {
  return value === 1 || value === 2 || value === 4;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}

function parseHeader(json: string): Header {
  const value: unknown = JSON.parse(json);
  if (typeof value !== 'object' || value === null) throw new Error('agreement-codec: bad header');
  const h = value as Record<string, unknown>;
  const values = h.categoryValues;
  const itemWidth = h.v === 1 ? 4 : h.itemWidth;
  if (
    (h.v !== 1 && h.v !== FORMAT_VERSION) ||
    !isWidth(itemWidth) ||
    typeof h.annotations !== 'number' ||
    !isStringArray(h.items) ||
    !isStringArray(h.annotators) ||
    !isStringArray(h.categories) ||
    !(values === null || (Array.isArray(values) && values.every((v) => typeof v === 'number'))) ||
    typeof h.ordered !== 'boolean' ||
    !isWidth(h.annotatorWidth) ||
    !isWidth(h.categoryWidth)
  ) {
    throw new Error('agreement-codec: unsupported or corrupt header');
  }
  return {
    v: h.v,
    annotations: h.annotations,
    items: h.items,
    annotators: h.annotators,
    categories: h.categories,
    categoryValues: values,
    ordered: h.ordered,
    itemWidth,
    annotatorWidth: h.annotatorWidth,
    categoryWidth: h.categoryWidth,
  };
}

/** Inverse of `encodeSample`. @throws Error when the bytes are not an encoded sample. */
export function decodeSample(bytes: Uint8Array): EncodedSample {
  const raw = new Uint8Array(inflateSync(bytes));
  const headerLength = new DataView(raw.buffer, raw.byteOffset).getUint32(0, true);
  const header = parseHeader(new TextDecoder().decode(raw.subarray(4, 4 + headerLength)));
  const n = header.annotations;
  const { itemWidth, annotatorWidth, categoryWidth } = header;
  // Version 2 starts each array on a multiple of 4 bytes; version 1 only the first.
  const next = header.v === 1 ? (bytes: number) => bytes : aligned;
  let offset = aligned(4 + headerLength);
  const deltas = widenSigned(raw.subarray(offset), itemWidth, n);
  offset += next(n * itemWidth);
  const annotatorOf = widen(raw.subarray(offset), annotatorWidth, n);
  offset += next(n * annotatorWidth);
  const categoryOf = widen(raw.subarray(offset), categoryWidth, n);
  if (offset + next(n * categoryWidth) !== raw.length) throw new Error('agreement-codec: truncated data');
  const itemOf = new Int32Array(n);
  let item = 0;
  for (let a = 0; a < n; a++) {
    item += deltas[a] ?? 0;
    itemOf[a] = item;
  }
  return {
    items: header.items,
    annotators: header.annotators,
    categories: header.categories,
    categoryValues: header.categoryValues === null ? null : Float64Array.from(header.categoryValues),
    ordered: header.ordered,
    itemOf,
    annotatorOf,
    categoryOf,
  };
}

const isNumeric = (label: string) => label.trim() !== '' && Number.isFinite(Number(label));

/**
 * The sample as it must be for scoring at `level` with the declared `order` (when given), mirroring the
 * parser's rules: a declared order must name every label; interval and ratio need numeric labels;
 * ordinal needs numeric labels or an order. Returns a message naming the problem instead of throwing.
 */
export function prepareSampleForLevel(
  sample: EncodedSample,
  level: MeasurementLevel,
  order: readonly string[] | null,
): { ok: true; sample: EncodedSample } | { ok: false; message: string } {
  let prepared = sample;
  if (order !== null && order.length > 0) {
    const declared = [...new Set(order.map((label) => label.trim()).filter((label) => label !== ''))];
    const position = new Map(declared.map((label, index) => [label, index]));
    const remap = new Int32Array(sample.categories.length);
    for (let c = 0; c < sample.categories.length; c++) {
      const name = sample.categories[c] ?? '';
      const index = position.get(name);
      if (index === undefined) {
        return {
          ok: false,
          message: `Label "${name}" is not in the declared order (${declared.join(', ')}).`,
        };
      }
      remap[c] = index;
    }
    const categoryOf = new Int32Array(sample.categoryOf.length);
    for (let a = 0; a < categoryOf.length; a++) categoryOf[a] = remap[sample.categoryOf[a] ?? 0] ?? 0;
    prepared = {
      ...sample,
      categories: declared,
      categoryValues: declared.every(isNumeric) ? Float64Array.from(declared, Number) : null,
      ordered: true,
      categoryOf,
    };
  }
  if ((level === 'interval' || level === 'ratio') && prepared.categoryValues === null) {
    return { ok: false, message: `The ${level} level needs numeric labels.` };
  }
  if (level === 'ratio' && prepared.categoryValues?.some((value) => value < 0)) {
    return { ok: false, message: 'The ratio level needs non-negative values.' };
  }
  if (level === 'ordinal' && !prepared.ordered) {
    return {
      ok: false,
      message: 'The ordinal level needs numeric labels or a declared order of the labels.',
    };
  }
  return { ok: true, sample: prepared };
}

/**
 * Options of every stored report (uploads and re-scores alike): more disagreements than the engine's
 * default so the guideline-review list has depth while staying small, and the engine's full bootstrap
 * (1,000 resamples, seed 1) at every size, so that a stored interval is the one the CLI prints for the same
 * file and two uploads of it give the same bounds. The compressed bootstrap costs as much as the sample
 * has distinct patterns, not items, so a 2-million-item upload still scores in seconds.
 */
export function storedReportOptions(): {
  bootstrap: number;
  seed: number;
  topDisagreements: number;
} {
  return { bootstrap: AGREEMENT_DEFAULTS.bootstrap, seed: AGREEMENT_DEFAULTS.seed, topDisagreements: 200 };
}

/** What re-scoring a stored sample gives: its new report, or why the options do not apply to it. */
export type RescoreOutcome = { ok: true; report: AgreementReport } | { ok: false; message: string };

/**
 * Scores a stored sample again with a new level and category order, under the framing it was uploaded in,
 * so a sample of numbers keeps its ICC ceiling and a pairwise one its preference block. The same steps in
 * the API's scorer and the server's worker. Options that mean nothing for the framing are refused with a
 * sentence saying why, rather than scored as one label per item:
 * - `continuous`: the level applies to α; a declared order does not (numbers are ordered by their values);
 * - `pairwise`: answers (first, second, tie) are categories, so only the nominal level without an order;
 * - `multilabel`, `spans`, `boxes`, `ranking`: no triples are stored and no level applies.
 */
export function rescoreStoredSample(
  triples: Uint8Array,
  framing: Framing,
  level: MeasurementLevel,
  order: readonly string[] | null,
): RescoreOutcome {
  const declared = order !== null && order.length > 0;
  if (framing === 'multilabel' || framing === 'spans' || framing === 'boxes' || framing === 'ranking') {
    return {
      ok: false,
      message: `This sample is scored as ${FRAMING_NOUNS[framing]}; a level of measurement and a category order apply to one label or one number per item, so it cannot be re-scored. Upload it again to score it anew.`,
    };
  }
  if (framing === 'pairwise' && (level !== 'nominal' || declared)) {
    return {
      ok: false,
      message:
        'A pairwise sample compares its answers (first, second, tie) as categories: only the nominal level applies, without a category order.',
    };
  }
  if (framing === 'continuous' && declared) {
    return {
      ok: false,
      message:
        'A sample of numbers is ordered by its values: a category order does not apply. Choose a level only.',
    };
  }
  const decoded = decodeSample(triples);
  if (decoded.itemOf.length === 0) {
    return { ok: false, message: 'This sample stores no labels to score again; upload it again instead.' };
  }
  const prepared = prepareSampleForLevel(decoded, level, order);
  if (!prepared.ok) return prepared;
  return {
    ok: true,
    report: computeFramedAgreement({ framing, sample: prepared.sample }, { ...storedReportOptions(), level }),
  };
}

const FRAMING_NOUNS = {
  multilabel: 'sets of labels',
  spans: 'spans',
  boxes: 'boxes',
  ranking: 'rankings',
} as const;
