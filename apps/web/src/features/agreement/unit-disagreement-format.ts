/**
 * Wording of the structured framings' disagreement list (spans, boxes, multi-label, rankings, ratings)
 * and of pairwise answers, in each framing's own terms (tested in unit-disagreement-format.test.ts).
 */
import type {
  AgreementReport,
  UnitDifference,
  UnitDisagreement,
  UnitDisagreementMetric,
  UnitDisagreements,
} from '@raisin/core/agreement';
import { csvCell } from './format';

const UNIT_NOUNS: Record<UnitDisagreementMetric, { one: string; many: string }> = {
  spanF1: { one: 'document', many: 'Documents' },
  boxF1: { one: 'image', many: 'Images' },
  jaccard: { one: 'item', many: 'Items' },
  kendallTau: { one: 'list', many: 'Lists' },
  ratingRange: { one: 'item', many: 'Items' },
};

const METRIC_NAMES: Record<UnitDisagreementMetric, string> = {
  spanF1: 'span F1',
  boxF1: 'box F1',
  jaccard: 'Jaccard',
  kendallTau: 'Kendall’s τ',
  ratingRange: 'range',
};

/** The list of the report, or null: reports of one label per item, and those stored before the list, have none. */
export function unitDisagreementsOf(report: AgreementReport): UnitDisagreements | null {
  return report.diagnostics.unitDisagreements ?? null;
}

/**
 * "Documents with the most disagreement", the sentence under it saying what ranks them, and the name of
 * the scrolling list ("Documents that agree least").
 */
export function unitListTitle(metric: UnitDisagreementMetric): {
  title: string;
  ranking: string;
  listName: string;
} {
  const noun = UNIT_NOUNS[metric].many;
  const ranking =
    metric === 'ratingRange'
      ? `${noun} whose ratings spread most (highest − lowest rating), with the two annotators at the ends.`
      : metric === 'spanF1'
        ? `${noun} whose least-agreeing annotator pair has the lowest exact span F1, with the spans one has and the other lacks.`
        : metric === 'boxF1'
          ? `${noun} whose least-agreeing annotator pair has the lowest box F1 at IoU 0.5, with the boxes one drew and the other has no match for.`
          : metric === 'jaccard'
            ? `${noun} whose least-agreeing annotator pair has the lowest Jaccard similarity of their label sets, with the labels one chose and the other did not.`
            : `${noun} whose least-agreeing annotator pair has the lowest Kendall’s τ, with both rankings, best first.`;
  return { title: `${noun} with the most disagreement`, ranking, listName: `${noun} that agree least` };
}

/** The empty state: what agreeing means in the framing's terms. */
export function unitListEmpty(metric: UnitDisagreementMetric): string {
  switch (metric) {
    case 'spanF1':
      return 'Every annotator pair marked the same spans on every shared document.';
    case 'boxF1':
      return 'Every box has a same-label match at IoU 0.5 on every shared image.';
    case 'jaccard':
      return 'Every annotator pair chose the same labels on every shared item.';
    case 'kendallTau':
      return 'Every annotator pair ranked every shared list in the same order.';
    case 'ratingRange':
      return 'Every item got the same rating from all its annotators.';
  }
}

const number = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2));

/** "doc1 — span F1 0.50 (ann1 vs ann2)", "item 7 — range 3 (r1 vs r3)". */
export function unitHeadline(unit: UnitDisagreement, metric: UnitDisagreementMetric): string {
  const score = metric === 'ratingRange' ? number(unit.score) : unit.score.toFixed(2);
  return `${unit.unit} — ${METRIC_NAMES[metric]} ${score} (${unit.annotatorA} vs ${unit.annotatorB})`;
}

/**
 * One difference in words: "ann1 has 'New York' (LOC) · ann2 lacks it", "a has car at x 20, y 20,
 * 5 × 5 · b lacks it", "x has dog · y lacks it", "p ranks a > b > c", "r1 rated 4".
 */
export function describeDifference(difference: UnitDifference): string {
  switch (difference.kind) {
    case 'span': {
      const what =
        difference.text === null
          ? `characters ${difference.start}–${difference.end}`
          : `‘${difference.text}’`;
      return `${difference.has} has ${what} (${difference.label}) · ${difference.lacks} lacks it`;
    }
    case 'box':
      return `${difference.has} has ${difference.label} at x ${number(difference.x)}, y ${number(difference.y)}, ${number(difference.width)} × ${number(difference.height)} · ${difference.lacks} has no match`;
    case 'label':
      return `${difference.has} has ${difference.label} · ${difference.lacks} lacks it`;
    case 'order':
      return `${difference.annotator} ranks ${difference.objects.join(' > ')}`;
    case 'rating':
      return `${difference.annotator} rated ${number(difference.value)}`;
  }
}

/** Units whose id, annotators or differences contain `query` (case-insensitive). */
export function filterUnitDisagreements(
  units: readonly UnitDisagreement[],
  query: string,
): UnitDisagreement[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [...units];
  return units.filter(
    (unit) =>
      [unit.unit, unit.annotatorA, unit.annotatorB].some((text) => text.toLowerCase().includes(needle)) ||
      unit.differences.some((d) => describeDifference(d).toLowerCase().includes(needle)),
  );
}

/** The list as CSV, one row per difference (for guideline review); formula-like cells are quoted. */
export function unitDisagreementsToCsv(list: UnitDisagreements, units: readonly UnitDisagreement[]): string {
  const header = [UNIT_NOUNS[list.metric].one, list.metric, 'annotator_a', 'annotator_b', 'difference'];
  const rows = units.flatMap((unit) =>
    unit.differences.map((d) => [
      unit.unit,
      String(unit.score),
      unit.annotatorA,
      unit.annotatorB,
      describeDifference(d),
    ]),
  );
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** A pairwise answer in words: "prefers doc-1" for `first` on "doc-1 vs doc-2", "tie". */
export function describePairwiseAnswer(comparison: string, answer: string): string {
  const [first, second] = comparison.split(' vs ');
  if (answer === 'first' && first !== undefined) return `prefers ${first}`;
  if (answer === 'second' && second !== undefined) return `prefers ${second}`;
  return answer;
}
