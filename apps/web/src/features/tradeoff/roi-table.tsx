import { formatDays, type RoiAnalysis } from '@raisin/core/tradeoff';

const money = (value: number) => Math.round(value).toLocaleString('en');

/** The ROI ranking with the best angle highlighted and each net value's range under ±20% changes. */
export function RoiTable({ roi, roiError }: { roi: RoiAnalysis | null; roiError: string | null }) {
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
          <table className="table">
            <caption>Angles ranked by net value (value − cost); the best is marked</caption>
            <thead>
              <tr>
                <th scope="col">Rank</th>
                <th scope="col">Angle</th>
                <th scope="col">Quality reached</th>
                <th scope="col">Effort</th>
                <th scope="col">Cost</th>
                <th scope="col">Value</th>
                <th scope="col">Net value</th>
                <th scope="col">Net with ±{Math.round(roi.sensitivity.change * 100)}% estimates</th>
              </tr>
            </thead>
            <tbody>
              {roi.rows.map((row) => {
                const range = roi.sensitivity.netRange[row.id];
                const best = row.id === roi.bestId;
                return (
                  <tr key={row.id} className={best ? 'tradeoff-roi__best' : undefined}>
                    <td>{row.rank}</td>
                    <th scope="row">
                      {row.name}
                      {best && <span className="badge">Best</span>}
                    </th>
                    <td>
                      {row.quality.toFixed(3)}
                      {row.qualityCapped && ' (capped at the ceiling)'}
                    </td>
                    <td>{formatDays(row.effortDays, 1)}</td>
                    <td>{money(row.cost)}</td>
                    <td>{money(row.value)}</td>
                    <td>{money(row.net)}</td>
                    <td>{range ? `${money(range.min)} … ${money(range.max)}` : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
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
