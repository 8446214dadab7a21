import { formatCalendarDate, formatDaysAlike, formatQuality } from '@raisin/core/format';
import {
  ceilingMetricSuffix,
  formatMoney,
  formatReportTarget,
  type ReportSnapshot,
} from '@raisin/core/report';
import { num } from './report-section';

const VERDICT_WORDS: Record<ReportSnapshot['summary']['verdict'], string> = {
  go: 'Go',
  'spike-first': 'Spike first',
  'no-go': 'No-go',
  undecided: 'Undecided',
};

/** The report's first section: the verdict and its reasons, the key figures, milestones and risks. */
export function ReportSummary({
  summary,
  maxQuality,
}: {
  summary: ReportSnapshot['summary'];
  /** The tradeoff metric's top (`tradeoffScaleOf`): the target and best quality are on its scale. */
  maxQuality: number;
}) {
  const t = summary.timeToTarget;
  // P10, P50 and P90 in one unit, so they compare at a glance.
  const [p10, p50, p90] = t ? formatDaysAlike([t.p10Days, t.p50Days, t.p90Days]) : [];
  return (
    <section className="report-section report-summary" aria-label="Executive summary">
      <h2>Executive summary</h2>
      <p className="report-verdict">
        Verdict: <strong>{VERDICT_WORDS[summary.verdict]}</strong>
      </p>
      {summary.reasons.length > 0 && (
        <ul>
          {summary.reasons.map((r) => (
            <li key={`${r.effect}:${r.text}`}>
              <span className="badge">{r.effect}</span> {r.text}
            </li>
          ))}
        </ul>
      )}
      <dl className="report-facts">
        <dt>Human ceiling</dt>
        <dd>
          {summary.ceiling
            ? `${num(summary.ceiling.value)}${summary.ceiling.ci ? ` (95% CI ${num(summary.ceiling.ci.low)}–${num(summary.ceiling.ci.high)})` : ''}${ceilingMetricSuffix(summary.ceiling.metric)}, from ${summary.ceiling.sampleName}`
            : 'not measured'}
        </dd>
        <dt>Target</dt>
        <dd data-testid="report-target">
          {summary.target ? formatReportTarget(summary.target, maxQuality) : 'not set'}
        </dd>
        <dt>Time to target</dt>
        <dd>
          {t
            ? `P10 ${p10}, P50 ${p50}${t.p50Date ? ` (${formatCalendarDate(t.p50Date)})` : ''}, P90 ${p90}${t.p90Date ? ` (${formatCalendarDate(t.p90Date)})` : ''}`
            : 'not estimated'}
        </dd>
        <dt>Best attack angle</dt>
        <dd>
          {summary.bestAngle
            ? `${summary.bestAngle.name} (quality ${formatQuality(summary.bestAngle.quality, maxQuality)}${summary.bestAngle.net === null ? '' : `, net value ${formatMoney(summary.bestAngle.net)}`})`
            : 'none yet'}
        </dd>
        <dt>MLOps level</dt>
        <dd>
          {summary.maturity
            ? `level ${summary.maturity.current} now, level ${summary.maturity.target} targeted`
            : 'not assessed'}
        </dd>
      </dl>
      <h3>Next milestones</h3>
      {summary.nextMilestones.length === 0 ? (
        <p className="muted">No dated milestones yet.</p>
      ) : (
        <ul>
          {summary.nextMilestones.map((m) => (
            <li key={`${m.phaseName}:${m.name}`}>
              {m.name} ({m.phaseName}): P50 {formatCalendarDate(m.p50Date)}, P90{' '}
              {formatCalendarDate(m.p90Date)}
            </li>
          ))}
        </ul>
      )}
      <h3>Top risks</h3>
      {summary.topRisks.length === 0 ? (
        <p className="muted">No risks recorded.</p>
      ) : (
        <ul>
          {summary.topRisks.map((r) => (
            <li key={`${r.origin}:${r.text}`}>{r.text}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
