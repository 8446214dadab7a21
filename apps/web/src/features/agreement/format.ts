/** Pure helpers of the Agreement tab: wording, tables and the CSV export (tested in format.test.ts). */
import type { AgreementReport, DisagreementItem, Framing, Interval } from '@raisin/core/agreement';

export function formatNumber(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined ? '—' : value.toFixed(digits);
}

export function formatInterval(
  ci: Interval | readonly [number, number] | null | undefined,
  digits = 3,
): string {
  return ci ? `${ci[0].toFixed(digits)}–${ci[1].toFixed(digits)}` : '—';
}

/** Half the width of an interval, the "±" of the headline. */
export function halfWidth(ci: readonly [number, number] | null | undefined): number | null {
  return ci ? (ci[1] - ci[0]) / 2 : null;
}

/** "1 item", "2 items": a count with its noun in the right number, thousands separated. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? singular : plural}`;
}

/** What a framing's units and annotations are called, where they are not items and labels. */
const SIZE_NOUNS: Partial<Record<Framing, readonly [unit: string, annotation: string]>> = {
  spans: ['document', 'span set'],
  boxes: ['image', 'box set'],
  multilabel: ['item', 'label set'],
  ranking: ['list', 'ranking'],
};

/**
 * The size of a sample in one line: "12 items, 4 annotators, 41 labels, 5 categories"; in the framing's
 * own nouns for sets, spans, boxes and rankings ("2 lists, 2 annotators, 4 rankings"), without categories
 * since their labels are not one category each.
 */
export function describeSampleSize(
  report: Pick<AgreementReport, 'items' | 'annotators' | 'annotations' | 'categories' | 'framing'>,
): string {
  const nouns = report.framing ? SIZE_NOUNS[report.framing] : undefined;
  const [unit, annotation] = nouns ?? ['item', 'label'];
  return [
    countOf(report.items, unit),
    countOf(report.annotators, 'annotator'),
    countOf(report.annotations, annotation),
    ...(nouns ? [] : [countOf(report.categories.length, 'category', 'categories')]),
  ].join(', ');
}

/**
 * The ceiling in plain words: "a model as good as your annotators' consensus would score about
 * 0.78 ± 0.03 accuracy against one annotator's labels".
 */
export function describeCeiling(ceiling: AgreementReport['humanCeiling']): string {
  if (ceiling === null) {
    return 'The human ceiling is not defined for this sample: no item has labels from two or more annotators.';
  }
  const spread = halfWidth(ceiling.ci);
  const value =
    spread === null ? ceiling.value.toFixed(2) : `${ceiling.value.toFixed(2)} ± ${spread.toFixed(2)}`;
  switch (ceiling.basis) {
    case 'spans.f1.exact':
      return `A model as good as your annotators would reach about ${value} span F1 against one annotator's spans (exact matches, over ${countOf(ceiling.items, 'document')} annotated twice or more).`;
    case 'boxes.f1.iou50':
      return `A model as good as your annotators would reach about ${value} box F1 at IoU 0.5 against one annotator's boxes (over ${countOf(ceiling.items, 'image')} annotated twice or more).`;
    case 'multilabel.f1.micro':
      return `A model as good as your annotators would reach about ${value} micro F1 against one annotator's label sets (over ${countOf(ceiling.items, 'item')} annotated twice or more).`;
    case 'ranking.meanKendallTau':
      return `A model as good as your annotators would order the objects about ${value} Kendall's τ from one annotator's ranking (over ${countOf(ceiling.items, 'list')}).`;
    case 'sqrt-icc-c1':
      return `A model as good as the true score would correlate about ${value} with one annotator's ratings (√ICC(C,1), over ${countOf(ceiling.items, 'item')} rated by everyone).`;
    default:
      break;
  }
  const basis =
    ceiling.basis === 'majority-of-others'
      ? `agreement with the majority of the other labels, over ${countOf(ceiling.items, 'item')} with three or more labels`
      : `the percent agreement of the two annotators, over ${countOf(ceiling.items, 'item')}`;
  return `A model as good as your annotators' consensus would score about ${value} accuracy against one annotator's labels (${basis}).`;
}

const BAND_WORDS: Record<string, string> = {
  reliable: 'α ≥ 0.800',
  tentative: '0.667 ≤ α < 0.800 — draw only tentative conclusions',
  unreliable: 'α < 0.667 — do not rely on these labels',
};

/** What an α band means on Krippendorff's scale, after the band's name ("0.667 ≤ α < 0.800 — …"). */
export function describeAlphaBand(band: string | undefined): string {
  return band ? (BAND_WORDS[band] ?? band) : 'no band (undefined)';
}

/** Which published scale a coefficient's band comes from (core's `bandScaleOf`, as the exports name it). */
export { bandScaleOf as bandScale } from '@raisin/core/agreement';

/**
 * The colour of a band: good, fair or poor. Landis–Koch's "substantial" (0.61–0.80) spans the range that
 * Krippendorff calls "tentative" (0.667–0.800), so both read fair: a colour never says more than α's own
 * scale would about the same number.
 */
export type BandTone = 'good' | 'fair' | 'poor';

const BAND_TONES: Record<string, BandTone> = {
  reliable: 'good',
  tentative: 'fair',
  unreliable: 'poor',
  'almost perfect': 'good',
  substantial: 'fair',
  moderate: 'fair',
  fair: 'poor',
  slight: 'poor',
  poor: 'poor',
};

export function bandTone(band: string | null | undefined): BandTone | null {
  return band ? (BAND_TONES[band] ?? null) : null;
}

// The table lives in core so the planning report lists the same coefficients.
export { type CoefficientRow, coefficientRows } from '@raisin/core/agreement';

export function csvCell(value: string): string {
  return /[",\n\r]/.test(value) || /^[=+\-@\t]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The disagreement list as CSV, one row per item with a column per annotator (for guideline review).
 * Cells that a spreadsheet would read as a formula are quoted.
 */
export function disagreementsToCsv(items: readonly DisagreementItem[]): string {
  const annotators = [...new Set(items.flatMap((item) => item.labels.map((l) => l.annotator)))];
  const header = ['item', 'agreement', ...annotators];
  const rows = items.map((item) => {
    const byAnnotator = new Map(item.labels.map((l) => [l.annotator, l.label]));
    return [item.item, item.agreement.toFixed(3), ...annotators.map((a) => byAnnotator.get(a) ?? '')];
  });
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Items whose id, labels or annotators contain `query` (case-insensitive). */
export function filterDisagreements(items: readonly DisagreementItem[], query: string): DisagreementItem[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [...items];
  return items.filter(
    (item) =>
      item.item.toLowerCase().includes(needle) ||
      item.labels.some(
        (l) => l.label.toLowerCase().includes(needle) || l.annotator.toLowerCase().includes(needle),
      ),
  );
}

/** Agreement of each annotator pair as a square grid, in annotator order; null where a pair shares no item. */
export function pairGrid(report: AgreementReport): { annotators: string[]; cells: (number | null)[][] } {
  const annotators = [
    ...new Set(report.diagnostics.pairs.flatMap((p) => [p.annotatorA, p.annotatorB])),
  ].sort();
  const index = new Map(annotators.map((a, i) => [a, i]));
  const cells: (number | null)[][] = annotators.map((_, i) =>
    annotators.map((__, j) => (i === j ? 1 : null)),
  );
  for (const pair of report.diagnostics.pairs) {
    const i = index.get(pair.annotatorA);
    const j = index.get(pair.annotatorB);
    if (i === undefined || j === undefined) continue;
    const row = cells[i];
    const mirror = cells[j];
    if (row) row[j] = pair.percentAgreement;
    if (mirror) mirror[i] = pair.percentAgreement;
  }
  return { annotators, cells };
}

/** A parsed line of the upload's NDJSON answer (the server's upload-answer.ts). */
export type UploadEvent =
  | {
      type: 'progress';
      phase: string;
      done?: number;
      total?: number | null;
      annotations?: number;
      items?: number;
    }
  | { type: 'done'; sample: { id: string; name: string } }
  | { type: 'error'; message: string; issue?: { line?: number } };

function isUploadEvent(value: unknown): value is UploadEvent {
  if (typeof value !== 'object' || value === null || !('type' in value)) return false;
  return value.type === 'progress' || value.type === 'done' || value.type === 'error';
}

/** The complete lines of an NDJSON answer received so far (a partial last line waits for more). */
export function parseUploadEvents(text: string): UploadEvent[] {
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  const events: UploadEvent[] = [];
  for (const line of complete.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const value: unknown = JSON.parse(line);
      if (isUploadEvent(value)) events.push(value);
    } catch {
      // A line that is not JSON is not ours (e.g. a proxy's error page); the status code decides.
    }
  }
  return events;
}

/** What the ceiling is measured in, in the headline's words. */
export function ceilingUnit(report: AgreementReport): string {
  switch (report.humanCeilingMetric) {
    case 'f1':
      return "F1 against one annotator's annotations";
    case 'kendallTau':
      return "Kendall's τ against one annotator's ranking";
    case 'correlation':
      return "correlation with one annotator's ratings";
    default:
      return "accuracy against one annotator's labels";
  }
}
