import { ICC_FORMS } from './continuous/icc';
import type { AgreementReport, Interval } from './types';

/** One value of a framing's own block (span F1, Kendall's W, an ICC…) with its interval when it has one. */
export interface FramingRow {
  readonly name: string;
  readonly value: number | null;
  readonly ci: Interval | null;
}

/** A framing's own table: its headline measures, then one row per label where the framing scores labels. */
export interface FramingRows {
  readonly title: string;
  readonly measures: readonly FramingRow[];
  readonly perLabel: readonly FramingRow[];
}

const row = (name: string, value: number | null | undefined, ci?: Interval | null): FramingRow => ({
  name,
  value: value ?? null,
  ci: ci ?? null,
});

/** "1 annotator pair", "3 annotator pairs". */
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * The rows of a framing's own block (docs/product.md, "Framings beyond one label per item"), as the
 * Agreement tab's framing table and the report's coefficient table list them; null for one label per item.
 */
export function framingRows(report: AgreementReport): FramingRows | null {
  const perLabel = (values: Readonly<Record<string, number>>, what: string): FramingRow[] =>
    Object.entries(values).map(([label, value]) => row(`${label}: ${what}`, value));
  if (report.spans) {
    const { f1, ci, perLabel: labels, documents, pairs } = report.spans;
    return {
      title: `Span agreement (${count(documents, 'document')}, ${count(pairs, 'annotator pair')})`,
      measures: [
        row('Span F1, exact', f1.exact, ci.exact),
        row('Span F1, unlabeled', f1.unlabeled, ci.unlabeled),
        row('Span F1, overlap (IoU ≥ 0.5)', f1.overlap, ci.overlap),
      ],
      perLabel: perLabel(labels, 'exact F1'),
    };
  }
  if (report.boxes) {
    const { f1, ci, meanIoU, perLabel: labels, images, pairs } = report.boxes;
    return {
      title: `Box agreement (${count(images, 'image')}, ${count(pairs, 'annotator pair')})`,
      measures: [
        row('Box F1 at IoU 0.5', f1.iou50, ci.iou50),
        row('Box F1 at IoU 0.75', f1.iou75, ci.iou75),
        row('Mean IoU of matched boxes', meanIoU),
      ],
      perLabel: perLabel(labels, 'F1 at IoU 0.5'),
    };
  }
  if (report.multilabel) {
    const m = report.multilabel;
    return {
      title: 'Multi-label agreement',
      measures: [
        row('Micro F1', m.f1.micro, m.ci.micro),
        row('Macro F1', m.f1.macro),
        row('α with MASI distance', m.alphaMasi),
        row('α with Jaccard distance', m.alphaJaccard),
        row('α on exact sets', m.alphaExact),
      ],
      perLabel: Object.entries(m.perLabel).map(([label, value]) =>
        row(`${label}: α (present or not)`, value.krippendorffAlpha),
      ),
    };
  }
  if (report.ranking) {
    const r = report.ranking;
    return {
      title: `Ranking agreement (${count(r.lists, 'list')})`,
      measures: [
        row("Kendall's W (ties corrected)", r.kendallW, r.ci.kendallW),
        row("Kendall's W (uncorrected)", r.kendallWUncorrected),
        row("Mean Kendall's τ-b", r.meanKendallTau, r.ci.meanKendallTau),
      ],
      perLabel: [],
    };
  }
  if (report.icc) {
    const icc = report.icc;
    return {
      title: `Intraclass correlations (${report.iccItems ?? 0} items rated by everyone)`,
      measures: ICC_FORMS.map((form) => row(form, icc[form], report.ci.icc?.[form])),
      perLabel: [],
    };
  }
  return null;
}
