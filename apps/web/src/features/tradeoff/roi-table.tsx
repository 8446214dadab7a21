import { formatDays, formatQuality, formatMoney as money } from '@raisin/core/format';
import type { RoiAnalysis } from '@raisin/core/tradeoff';
import { DataTable } from '../../components';

/** The ROI ranking with the best angle highlighted and each net value's range under ±20% changes. */
export function RoiTable({
  roi,
  roiError,
  maxQuality,
}: {
  roi: RoiAnalysis | null;
  roiError: string | null;
  /** The top of the metric's range: qualities get its decimals (85.0 on 0–100, 0.850 on 0–1). */
  maxQuality: number;
}) {
  return (
    <section aria-labelledby="tradeoff-roi" className="tradeoff-roi">
      <h3 id="tradeoff-roi">Return on investment</h3>
      {roi === null ? (
        <p>
          {roiError ??
            'Set a value per quality point (or a cost per error and a volume) and the team cost in the settings below to rank the angles by net value.'}
        </p>
      ) : (
        <>
          {/* Eight columns do not fit a tablet: the table scrolls on its own, never the page. */}
          <DataTable
            label="Attack angles ranked by return"
            caption="Angles ranked by net value (value − cost); the best is marked"
            columns={[
              { label: 'Rank', numeric: true },
              'Angle',
              { label: 'Quality reached', numeric: true },
              'Effort',
              { label: 'Cost', numeric: true },
              { label: 'Value', numeric: true },
              { label: 'Net value', numeric: true },
              { label: `Net with ±${Math.round(roi.sensitivity.change * 100)}% estimates`, numeric: true },
            ]}
          >
            {roi.rows.map((row) => {
              const range = roi.sensitivity.netRange[row.id];
              const best = row.id === roi.bestId;
              return (
                <tr key={row.id} className={best ? 'tradeoff-roi__best' : undefined}>
                  <td className="numeric">{row.rank}</td>
                  <th scope="row">
                    {row.name}
                    {best && <span className="badge">Best</span>}
                  </th>
                  <td className="numeric">
                    {formatQuality(row.quality, maxQuality)}
                    {row.qualityCapped && ' (capped at the ceiling)'}
                  </td>
                  <td className="nowrap">{formatDays(row.effortDays)}</td>
                  <td className="numeric">{money(row.cost)}</td>
                  <td className="numeric">{money(row.value)}</td>
                  <td className="numeric">{money(row.net)}</td>
                  <td className="numeric">{range ? `${money(range.min)} … ${money(range.max)}` : '—'}</td>
                </tr>
              );
            })}
          </DataTable>
          <p className="muted">
            {roi.sensitivity.bestChanges
              ? 'The ranking is fragile: a ±20% change in one estimate makes another angle the best.'
              : 'The best angle stays the best under every ±20% change in one estimate.'}
          </p>
        </>
      )}
    </section>
  );
}
