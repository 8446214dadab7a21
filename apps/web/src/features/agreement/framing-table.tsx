import { type AgreementReport, framingRows } from '@raisin/core/agreement';
import { formatInterval, formatNumber } from './format';

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
          {[...table.measures, ...table.perLabel].map((row) => (
            <tr key={row.name}>
              <th scope="row">{row.name}</th>
              <td className="numeric">{formatNumber(row.value)}</td>
              <td className="numeric">{formatInterval(row.ci)}</td>
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
