import { type AgreementReport, ICC_FORMS, type Interval } from '@raisin/core/agreement';
import { formatInterval, formatNumber } from './format';

interface Row {
  readonly name: string;
  readonly value: number | null | undefined;
  readonly ci?: Interval | undefined;
}

/** The rows of a framing's own block (docs/product.md, "Framings beyond one label per item"). */
function framingRows(report: AgreementReport): { title: string; rows: Row[] } | null {
  const perLabel = (values: Readonly<Record<string, number>>, what: string): Row[] =>
    Object.entries(values).map(([label, value]) => ({ name: `${label}: ${what}`, value }));
  if (report.spans) {
    const { f1, ci, perLabel: labels, documents, pairs } = report.spans;
    return {
      title: `Span agreement (${documents} documents, ${pairs} annotator pairs)`,
      rows: [
        { name: 'Span F1, exact', value: f1.exact, ci: ci.exact },
        { name: 'Span F1, unlabeled', value: f1.unlabeled, ci: ci.unlabeled },
        { name: 'Span F1, overlap (IoU ≥ 0.5)', value: f1.overlap, ci: ci.overlap },
        ...perLabel(labels, 'exact F1'),
      ],
    };
  }
  if (report.boxes) {
    const { f1, ci, meanIoU, perLabel: labels, images, pairs } = report.boxes;
    return {
      title: `Box agreement (${images} images, ${pairs} annotator pairs)`,
      rows: [
        { name: 'Box F1 at IoU 0.5', value: f1.iou50, ci: ci.iou50 },
        { name: 'Box F1 at IoU 0.75', value: f1.iou75, ci: ci.iou75 },
        { name: 'Mean IoU of matched boxes', value: meanIoU },
        ...perLabel(labels, 'F1 at IoU 0.5'),
      ],
    };
  }
  if (report.multilabel) {
    const m = report.multilabel;
    return {
      title: 'Multi-label agreement',
      rows: [
        { name: 'Micro F1', value: m.f1.micro, ci: m.ci.micro },
        { name: 'Macro F1', value: m.f1.macro },
        { name: 'α with MASI distance', value: m.alphaMasi },
        { name: 'α with Jaccard distance', value: m.alphaJaccard },
        { name: 'α on exact sets', value: m.alphaExact },
        ...Object.entries(m.perLabel).map(([label, value]) => ({
          name: `${label}: α (present or not)`,
          value: value.krippendorffAlpha,
        })),
      ],
    };
  }
  if (report.ranking) {
    const r = report.ranking;
    return {
      title: `Ranking agreement (${r.lists} lists)`,
      rows: [
        { name: "Kendall's W (ties corrected)", value: r.kendallW, ci: r.ci.kendallW },
        { name: "Kendall's W (uncorrected)", value: r.kendallWUncorrected },
        { name: "Mean Kendall's τ-b", value: r.meanKendallTau, ci: r.ci.meanKendallTau },
      ],
    };
  }
  if (report.icc) {
    const icc = report.icc;
    return {
      title: `Intraclass correlations (${report.iccItems ?? 0} items rated by everyone)`,
      rows: ICC_FORMS.map((form) => ({ name: form, value: icc[form], ci: report.ci.icc?.[form] })),
    };
  }
  return null;
}

/**
 * The framing's own table: F1 for spans, boxes and multi-label, W and τ for rankings, the six ICCs (with
 * both agreement and consistency forms: a gap between them is rater bias) for numeric ratings.
 */
export function FramingTable({ report }: { report: AgreementReport }) {
  const table = framingRows(report);
  if (table === null) return null;
  return (
    <section aria-labelledby="agreement-framing" className="stack agreement-coefficients">
      <h4 id="agreement-framing">{table.title}</h4>
      <table className="table">
        <caption>Each value with its 95% interval</caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col" className="numeric">
              Value
            </th>
            <th scope="col" className="numeric">
              95% CI
            </th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.name}>
              <th scope="row">{row.name}</th>
              <td className="numeric">{formatNumber(row.value ?? null)}</td>
              <td className="numeric">{formatInterval(row.ci ?? null)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.icc && (
        <p className="muted">
          ICC(A,·) measures absolute agreement and ICC(C,·) consistency; when consistency is clearly higher,
          annotators rank items alike but some rate systematically higher (rater bias).
        </p>
      )}
    </section>
  );
}
