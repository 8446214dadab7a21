import { formatCalendarDate, formatDays, formatQuality, formatTimeToTarget } from '@raisin/core/format';
import {
  daysBetween,
  describeTarget,
  explainEstimatesAboveCeiling,
  explainHeldAtEstimates,
  explainUnreachedTarget,
  probabilityByDate,
  type TradeoffAnalysis,
} from '@raisin/core/tradeoff';
import { useId, useState } from 'react';

/**
 * Time to target P10/P50/P90 as large numbers, the target they work to (named when it is set on this
 * tab), the chance by a chosen date, and the plain warnings.
 */
export function AnswersPanel({
  analysis,
  startedOn,
  example,
}: {
  analysis: TradeoffAnalysis;
  /** The day effort is counted from (the settings' start, else the project's creation day). */
  startedOn: string;
  /** True while the answers come from the example angles, which nothing else uses. */
  example: boolean;
}) {
  const dateId = useId();
  const unreachedId = useId();
  const [byDate, setByDate] = useState('');
  const { inputs, simulation } = analysis;
  const { target, ceiling } = inputs;
  // The decimals of the metric's scale (85.0 on 0–100, 0.850 on 0–1), as the chart and the report.
  const fmt = (value: number) => formatQuality(value, inputs.maxQuality);
  const warnings: string[] = [];
  if (target !== null && ceiling !== null && target >= ceiling) {
    warnings.push(
      `The target ${fmt(target)} is at or above the human ceiling ${fmt(ceiling)}. A model is scored against human labels, so quality above what people agree on cannot be measured: the time to reach this target is unbounded. Lower the target below the ceiling, or improve the labels (guidelines, adjudication) to raise the ceiling.`,
    );
  }
  const aboveCeiling = explainEstimatesAboveCeiling(inputs.angles, ceiling, fmt);
  if (aboveCeiling !== null) warnings.push(aboveCeiling);
  for (const warning of simulation?.pointFit.warnings ?? []) {
    if (warning.code === 'non_monotone') {
      const falls = warning.decreases
        .map(
          ({ from, to }) =>
            `${fmt(from.quality)} after ${formatDays(from.days)} → ${fmt(to.quality)} after ${formatDays(to.days)}`,
        )
        .join('; ');
      warnings.push(
        `The estimates are not monotone: quality falls as effort grows (${falls}). The curve only rises, so it passes between these points. More effort should not give lower quality; check those angles' likely values.`,
      );
    }
  }
  for (const skipped of inputs.skippedMeasured)
    warnings.push(`A measured point is left out: ${skipped.reason}.`);

  const t = simulation?.timeToTarget;
  // "not reached" never stands alone: the share of paths that level off or pass the horizon says why.
  const unreached = simulation ? explainUnreachedTarget(simulation) : null;
  const held = simulation && target !== null ? explainHeldAtEstimates(simulation, fmt) : null;
  // "By 30 Nov" includes 30 Nov: effort counts through the end of the chosen day.
  const days = byDate === '' ? null : daysBetween(startedOn, byDate) + 1;
  const chance =
    simulation && days !== null && Number.isFinite(days) ? probabilityByDate(simulation, days) : null;
  // P10, P50 and P90 in one unit, the one the verdict and the report quote them in.
  const { p10, p50, p90 } = formatTimeToTarget({
    p10Days: t?.p10 ?? Number.NaN,
    p50Days: t?.p50 ?? Number.NaN,
    p90Days: t?.p90 ?? Number.NaN,
  });
  const percentile = (value: number | null | undefined, text: string | undefined) =>
    value === null || value === undefined ? 'not reached' : text;
  const targetText = describeTarget(inputs.resolvedTarget, inputs.maxQuality);

  return (
    <section aria-labelledby="tradeoff-answers" className="tradeoff-answers panel">
      <h3 id="tradeoff-answers">{example ? 'Answers from the examples' : 'Answers'}</h3>
      {example && (
        <p className="notice">
          These answers come from the example angles below, which nothing else uses. Use the examples, or
          enter your own angles, to make them yours.
        </p>
      )}
      {warnings.map((warning) => (
        <p key={warning} role="alert" className="notice tradeoff-warning">
          {warning}
        </p>
      ))}
      {analysis.simulationError && (
        <p className="notice">The curve cannot be fitted yet: {analysis.simulationError}.</p>
      )}
      {target === null ? (
        <p>
          Set a target quality in the inputs (or answer <em>E. target quality</em> in the worksheet) to see
          the time to reach it.
        </p>
      ) : (
        t && (
          <>
            <h4>Time to reach {fmt(target)}</h4>
            <p className="muted" data-testid="target-source">
              Target {targetText}
              {inputs.resolvedTarget.source === 'worksheet' ? ', from the worksheet' : ''}
            </p>
            <dl
              className="tradeoff-answers__numbers"
              aria-label="Time to target"
              aria-describedby={unreached === null ? undefined : unreachedId}
            >
              <div>
                <dt>P10 (optimistic)</dt>
                <dd data-testid="p10">{percentile(t.p10, p10)}</dd>
              </div>
              <div>
                <dt>P50 (median)</dt>
                <dd data-testid="p50">{percentile(t.p50, p50)}</dd>
              </div>
              <div>
                <dt>P90 (pessimistic)</dt>
                <dd data-testid="p90">{percentile(t.p90, p90)}</dd>
              </div>
            </dl>
            {unreached !== null && (
              <p id={unreachedId} className="muted" data-testid="not-reached-reason">
                {unreached}
              </p>
            )}
            {held !== null && (
              <p className="muted" data-testid="held-at-estimates">
                {held}
              </p>
            )}
            <div className="field tradeoff-answers__date">
              <label className="field__label" htmlFor={dateId}>
                Chance of reaching the target by
              </label>
              <input
                id={dateId}
                type="date"
                className="field__control"
                value={byDate}
                onChange={(event) => setByDate(event.target.value)}
              />
              <p className="field__hint">
                Effort counted from {formatCalendarDate(startedOn)}, through the end of the chosen day.
              </p>
            </div>
            {chance !== null && (
              <p aria-live="polite" data-testid="chance-by-date">
                {(chance * 100).toFixed(0)}% chance of reaching {fmt(target)} by {formatCalendarDate(byDate)}.
              </p>
            )}
          </>
        )
      )}
    </section>
  );
}
