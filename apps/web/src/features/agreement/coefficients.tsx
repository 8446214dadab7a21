import type { AgreementReport } from '@raisin/core/agreement';
import { useState } from 'react';
import { Button, DataTable } from '../../components';
import { BandChip } from './band-chip';
import { bandScale, coefficientRows } from './format';
import { VALUE_COLUMNS, ValueCells } from './value-cells';

/**
 * Every coefficient with its interval and its band, each band naming its scale (Krippendorff's for α,
 * Landis–Koch's for the κ family: the two disagree on the same number). Coefficients that do not apply
 * to this sample (α at other levels, two-annotator κ…) wait behind "Show all".
 */
export function Coefficients({ report }: { report: AgreementReport }) {
  const [showAll, setShowAll] = useState(false);
  const rows = coefficientRows(report);
  const notApplicable = rows.filter((row) => row.value === null).length;
  const shown = showAll ? rows : rows.filter((row) => row.value !== null);
  return (
    <section aria-labelledby="agreement-coefficients" className="stack agreement-coefficients">
      <h4 id="agreement-coefficients">Every coefficient</h4>
      <DataTable
        label="Coefficients"
        caption={`With its 95% bootstrap interval (${report.bootstrap.resamples.toLocaleString('en')} resamples)`}
        columns={['Coefficient', ...VALUE_COLUMNS, 'Band', 'Scale']}
      >
        {shown.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.name}</th>
            <ValueCells value={row.value} ci={row.ci} />
            <td>
              <BandChip band={row.band} fallback={row.value === null ? 'not applicable' : '—'} />
            </td>
            <td className="muted">{row.band ? bandScale(row.key) : ''}</td>
          </tr>
        ))}
      </DataTable>
      {notApplicable > 0 && (
        <div className="actions">
          <Button aria-pressed={showAll} onClick={() => setShowAll((value) => !value)}>
            Show all
          </Button>
          <span className="muted">
            {showAll
              ? `Including ${notApplicable} that do not apply to this sample.`
              : `${notApplicable} that do not apply to this sample are hidden.`}
          </span>
        </div>
      )}
      <p className="field__hint">
        Krippendorff's scale for α: reliable from 0.800, tentative from 0.667, unreliable below. Landis–Koch's
        for κ, π, AC1 and Brennan–Prediger: almost perfect above 0.80, substantial above 0.60, moderate above
        0.40, fair above 0.20, slight from 0, poor below. The colours follow the numbers, not the words: 0.70
        is amber on both scales.
      </p>
    </section>
  );
}
