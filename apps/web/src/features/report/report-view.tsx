import {
  type EmptyReportSection,
  isReadySection,
  type ReportAssumptionSource,
  type ReportSectionKey,
  type ReportSnapshot,
} from '@raisin/core/report';
import { formatDays, formatNumber } from '@raisin/core/worksheet';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PROJECT_TABS, type ProjectTab } from '../project-shell/project-tabs';
import { ReportTradeoffChart, ReportTrendChart } from './report-charts';

const VERDICT_WORDS: Record<ReportSnapshot['summary']['verdict'], string> = {
  go: 'Go',
  'spike-first': 'Spike first',
  'no-go': 'No-go',
  undecided: 'Undecided',
};

const num = (n: number | null | undefined) => (n === null || n === undefined ? '—' : formatNumber(n));

/** The tab holding each section's data (the maturity self-assessment is on the Roadmap tab). */
const SECTION_TAB: Readonly<Record<ReportSectionKey, ProjectTab>> = {
  worksheet: 'worksheet',
  agreement: 'agreement',
  tradeoff: 'tradeoff',
  roadmap: 'roadmap',
  maturity: 'roadmap',
};

/** In the app, the URL of a project tab, so an empty section links to where its data is entered. */
export type TabHref = (tab: ProjectTab) => string;

function Section({
  title,
  empty,
  tabHref,
  children,
}: {
  title: string;
  empty?: { section: EmptyReportSection; key: ReportSectionKey };
  tabHref: TabHref | undefined;
  children?: ReactNode;
}) {
  const tab = empty && PROJECT_TABS.find((t) => t.value === SECTION_TAB[empty.key]);
  return (
    <section className="report-section" aria-label={title}>
      <h2>{title}</h2>
      {empty ? (
        <p className="report-empty">
          <strong>No data yet.</strong> {empty.section.nextStep}
          {tabHref && tab && (
            <>
              {' '}
              <Link to={tabHref(tab.value)}>Open the {tab.label} tab</Link>
            </>
          )}
        </p>
      ) : (
        children
      )}
    </section>
  );
}

function Summary({ summary }: { summary: ReportSnapshot['summary'] }) {
  const t = summary.timeToTarget;
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
            ? `${num(summary.ceiling.value)}${summary.ceiling.ci ? ` (95% CI ${num(summary.ceiling.ci.low)}–${num(summary.ceiling.ci.high)})` : ''}, from ${summary.ceiling.sampleName}`
            : 'not measured'}
        </dd>
        <dt>Target</dt>
        <dd>{summary.target ? num(summary.target.value) : 'not set'}</dd>
        <dt>Time to target</dt>
        <dd>
          {t
            ? `P10 ${formatDays(t.p10Days)}, P50 ${formatDays(t.p50Days)}${t.p50Date ? ` (${t.p50Date})` : ''}, P90 ${formatDays(t.p90Days)}${t.p90Date ? ` (${t.p90Date})` : ''}`
            : 'not estimated'}
        </dd>
        <dt>Best attack angle</dt>
        <dd>
          {summary.bestAngle
            ? `${summary.bestAngle.name} (quality ${num(summary.bestAngle.quality)}${summary.bestAngle.net === null ? '' : `, net value ${num(summary.bestAngle.net)}`})`
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
              {m.name} ({m.phaseName}): P50 {m.p50Date}, P90 {m.p90Date}
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

/**
 * A report snapshot as a page: the executive summary, one section per tab (charts and tables, or what
 * to do next for an empty tab) and the assumptions table. All user text is rendered as React text.
 */
export function ReportView({ snapshot, tabHref }: { snapshot: ReportSnapshot; tabHref?: TabHref }) {
  const { sections } = snapshot;
  const w = sections.worksheet;
  const a = sections.agreement;
  const t = sections.tradeoff;
  const r = sections.roadmap;
  const m = sections.maturity;
  return (
    <article className="report" aria-label="Planning report">
      <Summary summary={snapshot.summary} />

      <Section
        title={w.title}
        tabHref={tabHref}
        {...(isReadySection(w) ? {} : { empty: { section: w, key: 'worksheet' } })}
      >
        {isReadySection(w) && (
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
        )}
      </Section>

      <Section
        title={a.title}
        tabHref={tabHref}
        {...(isReadySection(a) ? {} : { empty: { section: a, key: 'agreement' } })}
      >
        {isReadySection(a) && (
          <>
            {a.reference ? (
              <>
                <p>
                  Human ceiling <strong>{num(a.reference.ceiling)}</strong>
                  {a.reference.ci && ` (95% CI ${num(a.reference.ci.low)}–${num(a.reference.ci.high)})`} from
                  the reference sample “{a.reference.sampleName}” ({a.reference.items} items,{' '}
                  {a.reference.annotators} annotators).
                </p>
                <table className="report-table">
                  <caption>Agreement coefficients of {a.reference.sampleName}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Coefficient</th>
                      <th scope="col">Value</th>
                      <th scope="col">95% CI</th>
                    </tr>
                  </thead>
                  <tbody>
                    {a.reference.coefficients.map((c) => (
                      <tr key={c.name}>
                        <th scope="row">{c.name}</th>
                        <td>{num(c.value)}</td>
                        <td>{c.ci ? `${num(c.ci.low)}–${num(c.ci.high)}` : '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            ) : (
              <p>No sample is the reference yet: choose one on the Agreement tab.</p>
            )}
            <ReportTrendChart section={a} />
          </>
        )}
      </Section>

      <Section
        title={t.title}
        tabHref={tabHref}
        {...(isReadySection(t) ? {} : { empty: { section: t, key: 'tradeoff' } })}
      >
        {isReadySection(t) && (
          <>
            {t.curve.length > 0 ? (
              <ReportTradeoffChart section={t} />
            ) : (
              <p>No curve: {t.curveError ?? 'not enough estimates to fit one.'}</p>
            )}
            <p>
              Time to target:{' '}
              {t.timeToTarget
                ? `P10 ${formatDays(t.timeToTarget.p10Days)}, P50 ${formatDays(t.timeToTarget.p50Days)}, P90 ${formatDays(t.timeToTarget.p90Days)}`
                : 'not reached or no target set'}
              .
            </p>
            <table className="report-table">
              <caption>Attack angles (low / likely / high)</caption>
              <thead>
                <tr>
                  <th scope="col">Angle</th>
                  <th scope="col">Effort</th>
                  <th scope="col">Quality</th>
                </tr>
              </thead>
              <tbody>
                {t.angles.map((angle) => (
                  <tr key={angle.name}>
                    <th scope="row">{angle.name}</th>
                    <td>
                      {formatDays(angle.effortDays.low)} / {formatDays(angle.effortDays.likely)} /{' '}
                      {formatDays(angle.effortDays.high)}
                    </td>
                    <td>
                      {num(angle.quality.low)} / {num(angle.quality.likely)} / {num(angle.quality.high)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {t.roi && (
              <table className="report-table">
                <caption>ROI ranking</caption>
                <thead>
                  <tr>
                    <th scope="col">Rank</th>
                    <th scope="col">Angle</th>
                    <th scope="col">Cost</th>
                    <th scope="col">Value</th>
                    <th scope="col">Net</th>
                  </tr>
                </thead>
                <tbody>
                  {t.roi.map((row) => (
                    <tr key={row.name}>
                      <td>{row.rank}</td>
                      <th scope="row">{row.name}</th>
                      <td>{num(row.cost)}</td>
                      <td>{num(row.value)}</td>
                      <td>{num(row.net)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </Section>

      <Section
        title={r.title}
        tabHref={tabHref}
        {...(isReadySection(r) ? {} : { empty: { section: r, key: 'roadmap' } })}
      >
        {isReadySection(r) && (
          <>
            <p>
              From {r.startDate} to {r.end.p50} (P50) or {r.end.p90} (P90).
              {r.targetQuality &&
                ` Target quality expected ${r.targetQuality.p50} (P50), ${r.targetQuality.p90} (P90).`}
            </p>
            <table className="report-table">
              <caption>Phases</caption>
              <thead>
                <tr>
                  <th scope="col">Phase</th>
                  <th scope="col">Start</th>
                  <th scope="col">End P50</th>
                  <th scope="col">End P90</th>
                  <th scope="col">Milestones</th>
                </tr>
              </thead>
              <tbody>
                {r.phases.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">{p.name}</th>
                    <td>{p.p50Start}</td>
                    <td>{p.p50End}</td>
                    <td>{p.p90End}</td>
                    <td>{p.milestones.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Section>

      <Section
        title={m.title}
        tabHref={tabHref}
        {...(isReadySection(m) ? {} : { empty: { section: m, key: 'maturity' } })}
      >
        {isReadySection(m) && (
          <>
            <p>
              Level {m.currentLevel} now, level {m.targetLevel} targeted
              {m.overridden ? ` (recommended: level ${m.recommendedLevel})` : ''}; {m.answered} of {m.total}{' '}
              items answered.
            </p>
            {m.reasons.length > 0 && (
              <ul>
                {m.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            )}
            {m.blockers.length > 0 && (
              <>
                <h3>Keeping the team from the next level</h3>
                <ul>
                  {m.blockers.map((b) => (
                    <li key={b}>{b}</li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </Section>

      <section className="report-section" aria-label="Assumptions">
        <h2>Assumptions</h2>
        {snapshot.assumptions.length === 0 ? (
          <p className="muted">No numbers entered yet.</p>
        ) : (
          <table className="report-table">
            <caption>Every number in this report, where it came from, and who entered it when</caption>
            <thead>
              <tr>
                <th scope="col">Number</th>
                <th scope="col">Value</th>
                <th scope="col">Source</th>
                <th scope="col">Entered</th>
              </tr>
            </thead>
            <tbody>
              {snapshot.assumptions.map((row) => (
                <tr key={`${row.label}:${sourceText(row.source)}`}>
                  <th scope="row">{row.label}</th>
                  <td>{row.value}</td>
                  <td>{sourceText(row.source)}</td>
                  <td>
                    {row.enteredAt
                      ? `${row.enteredByName ?? 'someone'}, ${new Date(row.enteredAt).toLocaleDateString('en-CA')}`
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </article>
  );
}
