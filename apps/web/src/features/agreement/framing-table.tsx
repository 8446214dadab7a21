import { type AgreementReport, framingRows } from '@raisin/core/agreement';
import { DataTable } from '../../components';
import { VALUE_COLUMNS, ValueCells } from './value-cells';

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
      <DataTable
        label={table.title}
        caption="Each value with its 95% interval"
        columns={['Measure', ...VALUE_COLUMNS]}
      >
        {[...table.measures, ...table.perLabel].map((row) => (
          <tr key={row.name}>
            <th scope="row">{row.name}</th>
            <ValueCells value={row.value} ci={row.ci} />
          </tr>
        ))}
      </DataTable>
      {report.icc && (
        <p className="muted">
          ICC(A,·) measures absolute agreement and ICC(C,·) consistency; when consistency is clearly higher,
          annotators rank items alike but some rate systematically higher (rater bias).
        </p>
      )}
    </section>
  );
}
