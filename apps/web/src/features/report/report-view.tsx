import { describeBand } from '@raisin/core/agreement';
import {
  formatCalendarDate,
  formatDateTime,
  formatDayRange,
  formatDaysAlike,
  formatQuality,
} from '@raisin/core/format';
import {
  ceilingMetricSuffix,
  describeDecisionLine,
  formatMoney,
  formatReportTarget,
  type ReportAgreementSection,
  type ReportAssumptionSource,
  type ReportDecisionLine,
  type ReportMaturitySection,
  type ReportRoadmapSection,
  type ReportSnapshot,
  type ReportTradeoffSection,
  type ReportWorksheetSection,
  tradeoffScaleOf,
} from '@raisin/core/report';
import { ReportTradeoffChart, ReportTrendChart } from './report-charts';
import { num, ReportSection, ReportTable, type TabHref, TextList } from './report-section';
import { ReportSummary } from './report-summary';

export type { TabHref } from './report-section';

function WorksheetBody({ w }: { w: ReportWorksheetSection }) {
  return (
    <>
      <p className="muted">
        {w.answered} of {w.total} questions answered.
      </p>
      {w.groups.map((g) => (
        <div key={g.id}>
          <h3>
            {g.id}. {g.title}
          </h3>
          <dl className="report-answers">
            {g.answers.map((ans) => (
              <div key={ans.questionId}>
                <dt>{ans.question}</dt>
                <dd>{ans.answer}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </>
  );
}

function AgreementBody({ a }: { a: ReportAgreementSection }) {
  return (
    <>
      {a.reference ? (
        <>
          <p>
            Human ceiling <strong>{num(a.reference.ceiling)}</strong>
            {a.reference.ci && ` (95% CI ${num(a.reference.ci.low)}–${num(a.reference.ci.high)})`}
            {ceilingMetricSuffix(a.reference.metric)} from the reference sample “{a.reference.sampleName}” (
            {a.reference.items} items, {a.reference.annotators} annotators).
          </p>
          <ReportTable
            caption={`Agreement coefficients of ${a.reference.sampleName}`}
            columns={['Coefficient', 'Value', '95% CI', 'Band']}
          >
            {a.reference.coefficients.map((c) => (
              <tr key={c.name}>
                <th scope="row">{c.name}</th>
                <td>{num(c.value)}</td>
                <td>{c.ci ? `${num(c.ci.low)}–${num(c.ci.high)}` : '—'}</td>
                {/* Named with its scale: Krippendorff's and Landis–Koch's read the same number differently. */}
                <td>{c.band ? describeBand(c.band.name, c.band.scale) : ''}</td>
              </tr>
            ))}
          </ReportTable>
        </>
      ) : (
        <p>No sample is the reference yet: choose one on the Agreement tab.</p>
      )}
      <ReportTrendChart section={a} />
    </>
  );
}

function TradeoffBody({
  t,
  target,
}: {
  t: ReportTradeoffSection;
  target: ReportSnapshot['summary']['target'];
}) {
  // The decimals of the metric's scale (85.0 on 0–100, 0.850 on 0–1), as on the Tradeoff tab.
  const q = (value: number) => formatQuality(value, t.maxQuality);
  // A target set on Tradeoff is named with the worksheet's beside it, as in the summary and the exports.
  const targetText = target
    ? formatReportTarget(target, t.maxQuality)
    : t.target === null
      ? 'not set'
      : q(t.target);
  const ttt = t.timeToTarget;
  // P10, P50 and P90 in one unit, so they compare at a glance.
  const [p10, p50, p90] = ttt ? formatDaysAlike([ttt.p10Days, ttt.p50Days, ttt.p90Days]) : [];
  return (
    <>
      {t.curve.length > 0 ? (
        <ReportTradeoffChart section={t} />
      ) : (
        <p>No curve: {t.curveError ?? 'not enough estimates to fit one.'}</p>
      )}
      <p data-testid="report-tradeoff-target">
        Target {targetText}, ceiling{' '}
        {t.ceiling === null ? 'not set' : `${q(t.ceiling)}${ceilingMetricSuffix(t.ceilingMetric)}`}.
      </p>
      <p>
        Time to target:{' '}
        {t.timeToTarget ? `P10 ${p10}, P50 ${p50}, P90 ${p90}` : 'not reached or no target set'}.
      </p>
      <ReportTable caption="Attack angles (low / likely / high)" columns={['Angle', 'Effort', 'Quality']}>
        {t.angles.map((angle) => (
          <tr key={angle.name}>
            <th scope="row">{angle.name}</th>
            <td>
              {/* Minutes to years in one unit, as the Tradeoff tab shows them ("1 minute", not "0 days"). */}
              {formatDayRange([angle.effortDays.low, angle.effortDays.likely, angle.effortDays.high])}
            </td>
            <td>
              {q(angle.quality.low)} / {q(angle.quality.likely)} / {q(angle.quality.high)}
            </td>
          </tr>
        ))}
      </ReportTable>
      {t.roi && (
        <ReportTable
          caption="ROI ranking"
          columns={['Rank', 'Angle', 'Cost', 'Value', 'Net']}
          numericColumns={['Rank', 'Cost', 'Value', 'Net']}
        >
          {t.roi.map((row) => (
            <tr key={row.name}>
              <td className="numeric">{row.rank}</td>
              <th scope="row">{row.name}</th>
              <td className="numeric">{formatMoney(row.cost)}</td>
              <td className="numeric">{formatMoney(row.value)}</td>
              <td className="numeric">{formatMoney(row.net)}</td>
            </tr>
          ))}
        </ReportTable>
      )}
    </>
  );
}

function RoadmapBody({ r }: { r: ReportRoadmapSection }) {
  return (
    <>
      <p>
        From {formatCalendarDate(r.startDate)} to {formatCalendarDate(r.end.p50)} (P50) or{' '}
        {formatCalendarDate(r.end.p90)} (P90).
        {r.targetQuality &&
          ` Target quality expected ${formatCalendarDate(r.targetQuality.p50)} (P50), ${formatCalendarDate(r.targetQuality.p90)} (P90).`}
      </p>
      <ReportTable caption="Phases" columns={['Phase', 'Start', 'End P50', 'End P90', 'Milestones']}>
        {r.phases.map((p) => (
          <tr key={p.id}>
            <th scope="row">{p.name}</th>
            <td>{formatCalendarDate(p.p50Start)}</td>
            <td>{formatCalendarDate(p.p50End)}</td>
            <td>{formatCalendarDate(p.p90End)}</td>
            <td>{p.milestones.join(', ')}</td>
          </tr>
        ))}
      </ReportTable>
    </>
  );
}

function MaturityBody({ m }: { m: ReportMaturitySection }) {
  return (
    <>
      <p>
        Level {m.currentLevel} now, level {m.targetLevel} targeted
        {m.overridden ? ` (recommended: level ${m.recommendedLevel})` : ''}; {m.answered} of {m.total} items
        answered.
      </p>
      <TextList items={m.reasons} />
      {m.blockers.length > 0 && (
        <>
          <h3>Keeping the team from the next level</h3>
          <TextList items={m.blockers} />
        </>
      )}
    </>
  );
}

function sourceText(source: ReportAssumptionSource): string {
  switch (source.kind) {
    case 'answer':
      return `Worksheet ${source.questionId}: ${source.question}`;
    case 'sample':
      return `Sample “${source.sampleName}”`;
    case 'estimate':
      return `Estimate of “${source.angleName}”`;
    case 'measurement':
      return `Measured point${source.label ? ` “${source.label}”` : ''}`;
    case 'setting':
    case 'assessment':
      return source.name;
    case 'computed':
      return `Computed from ${source.from}`;
  }
}

function Assumptions({ assumptions }: { assumptions: ReportSnapshot['assumptions'] }) {
  return (
    <section className="report-section" aria-label="Assumptions">
      <h2>Assumptions</h2>
      {assumptions.length === 0 ? (
        <p className="muted">No numbers entered yet.</p>
      ) : (
        <ReportTable
          caption="Every number in this report, where it came from, and who entered it when"
          columns={['Number', 'Value', 'Source', 'Entered']}
        >
          {assumptions.map((row) => (
            <tr key={`${row.label}:${sourceText(row.source)}`}>
              <th scope="row">{row.label}</th>
              <td>{row.value}</td>
              <td>{sourceText(row.source)}</td>
              <td>
                {row.enteredAt ? `${row.enteredByName ?? 'someone'}, ${formatDateTime(row.enteredAt)}` : '—'}
              </td>
            </tr>
          ))}
        </ReportTable>
      )}
    </section>
  );
}

/**
 * A report snapshot as a page: the executive summary, one section per tab (charts and tables, or what
 * to do next for an empty tab) and the assumptions table. All user text is rendered as React text.
 */
/**
 * The version's decisions as the exports list them, on paper only: on screen the team's panel above the
 * report lists them with more (e-mails, hidden entries) than a printed copy may carry.
 */
function PrintedDecisions(props: { versionNumber: number; decisions: readonly ReportDecisionLine[] }) {
  const { versionNumber, decisions } = props;
  return (
    <section className="report-print-only">
      <h2>Decisions on version {versionNumber}</h2>
      {decisions.length === 0 ? (
        <p>No decision recorded on v{versionNumber} yet.</p>
      ) : (
        <ul>
          {decisions.map((d) => (
            <li key={`${d.decidedAt}-${d.name}`}>{describeDecisionLine(d, versionNumber)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The report of a snapshot; `decisions` (a published version's visible ones) are printed after the
 * summary, as the exports list them.
 */
export function ReportView({
  snapshot,
  tabHref,
  decisions,
}: {
  snapshot: ReportSnapshot;
  tabHref?: TabHref;
  decisions?: readonly ReportDecisionLine[] | undefined;
}) {
  const { sections } = snapshot;
  return (
    <article className="report" aria-label="Planning report">
      <ReportSummary summary={snapshot.summary} maxQuality={tradeoffScaleOf(snapshot)} />
      {decisions && snapshot.version && (
        <PrintedDecisions versionNumber={snapshot.version.number} decisions={decisions} />
      )}
      <ReportSection section={sections.worksheet} sectionKey="worksheet" tabHref={tabHref}>
        {(w) => <WorksheetBody w={w} />}
      </ReportSection>
      <ReportSection section={sections.agreement} sectionKey="agreement" tabHref={tabHref}>
        {(a) => <AgreementBody a={a} />}
      </ReportSection>
      <ReportSection section={sections.tradeoff} sectionKey="tradeoff" tabHref={tabHref}>
        {(t) => <TradeoffBody t={t} target={snapshot.summary.target} />}
      </ReportSection>
      <ReportSection section={sections.roadmap} sectionKey="roadmap" tabHref={tabHref}>
        {(r) => <RoadmapBody r={r} />}
      </ReportSection>
      <ReportSection section={sections.maturity} sectionKey="maturity" tabHref={tabHref}>
        {(m) => <MaturityBody m={m} />}
      </ReportSection>
      <Assumptions assumptions={snapshot.assumptions} />
    </article>
  );
}
