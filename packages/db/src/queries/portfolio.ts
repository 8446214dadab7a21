import { buildPortfolioRow, type PortfolioRow, type TradeoffSummary, type worksheet } from '@raisin/core';
import { and, asc, eq, getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import { perDatabase } from '../per-database';
import {
  agreementSample,
  attackAngle,
  maturityAssessment,
  measuredPoint,
  project,
  reportDecision,
  reportVersion,
  tradeoffSettings,
  tradeoffSummary,
  worksheetAnswer,
} from '../schema';
import { referenceCeilingColumns, referenceCeilingOf } from './agreement';
import { type MaturityAssessmentRow, maturityOverviewOf } from './roadmap';
import {
  type AttackAngleRow,
  type MeasuredPointRow,
  resolveStoredTradeoff,
  type StoredTradeoffSummary,
  storeTradeoffSummaries,
  summarizeCached,
  type TradeoffSettingsRow,
  tradeoffStateOf,
  tradeoffSummaryKey,
} from './tradeoff';

type Columns = Record<string, AnyPgColumn>;

/**
 * A column named with its table: drizzle leaves a one-table select's columns unqualified, which inside a
 * correlated subquery would name the subquery's own table.
 */
function qualified(column: AnyPgColumn): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}

/** A JSON object of the columns under their TypeScript names, for a row read inside a subquery. */
function jsonObjectOf(columns: Columns): SQL {
  return sql`json_build_object(${sql.join(
    Object.entries(columns).map(([key, column]) => sql`${sql.raw(`'${key}'`)}, ${qualified(column)}`),
    sql`, `,
  )})`;
}

/**
 * A row from its `jsonObjectOf` object, each value mapped as drizzle maps the column read directly (a
 * timestamp's ISO text to a Date, …), so the tabs' row-to-value functions read the same values.
 */
function rowOfJson<Row>(columns: Columns, json: Record<string, unknown>): Row {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(columns)) {
    const value = json[key];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as Row;
}

const angleColumns = getTableColumns(attackAngle);
const measuredColumns = getTableColumns(measuredPoint);
const assessmentColumns = getTableColumns(maturityAssessment);
const versionColumns = {
  id: reportVersion.id,
  number: reportVersion.number,
  publishedAt: reportVersion.publishedAt,
};
const decisionColumns = {
  versionNumber: reportVersion.number,
  decision: reportDecision.decision,
  name: reportDecision.name,
  comment: reportDecision.comment,
  linkId: reportDecision.linkId,
  recordedBy: reportDecision.recordedBy,
  createdAt: reportDecision.createdAt,
};
const settingsColumns = {
  settings: tradeoffSettings.settings,
  version: tradeoffSettings.version,
  summaryKey: tradeoffSummary.inputsKey,
  summary: tradeoffSummary.summary,
};

type Json = Record<string, unknown>;
type SettingsRow = {
  settings: TradeoffSettingsRow['settings'];
  version: number;
  summaryKey: string | null;
  summary: TradeoffSummary | null;
};
type VersionRow = { id: string; number: number; publishedAt: Date };
type DecisionRow = {
  versionNumber: number;
  decision: (typeof reportDecision.$inferSelect)['decision'];
  name: string;
  comment: string;
  linkId: string | null;
  recordedBy: string | null;
  createdAt: Date;
};

/**
 * Every active project of a workspace with each table's rows for it as JSON, in one statement: a
 * correlated subquery per table (each an index lookup by project), so a page load is one round trip
 * whatever the number of projects.
 */
const portfolioStatement = perDatabase((db) =>
  db
    .select({
      id: project.id,
      name: project.name,
      createdAt: project.createdAt,
      answers: sql<
        Record<string, worksheet.Answer>
      >`(select coalesce(json_object_agg(${qualified(worksheetAnswer.questionId)}, ${qualified(worksheetAnswer.value)}), '{}'::json)
        from ${worksheetAnswer}
        where ${qualified(worksheetAnswer.projectId)} = ${qualified(project.id)} and ${qualified(worksheetAnswer.value)} is not null)`,
      reference: sql<Json | null>`(select ${jsonObjectOf(referenceCeilingColumns)} from ${agreementSample}
        where ${qualified(agreementSample.projectId)} = ${qualified(project.id)} and ${qualified(agreementSample.isReference)} limit 1)`,
      settings: sql<Json | null>`(select ${jsonObjectOf(settingsColumns)} from ${tradeoffSettings}
        left join ${tradeoffSummary} on ${qualified(tradeoffSummary.projectId)} = ${qualified(tradeoffSettings.projectId)}
        where ${qualified(tradeoffSettings.projectId)} = ${qualified(project.id)})`,
      angles: sql<Json[]>`(select coalesce(json_agg(${jsonObjectOf(angleColumns)}
          order by ${qualified(attackAngle.position)}, ${qualified(attackAngle.createdAt)}), '[]'::json)
        from ${attackAngle} where ${qualified(attackAngle.projectId)} = ${qualified(project.id)})`,
      measured: sql<Json[]>`(select coalesce(json_agg(${jsonObjectOf(measuredColumns)}
          order by ${qualified(measuredPoint.createdAt)}, ${qualified(measuredPoint.id)}), '[]'::json)
        from ${measuredPoint} where ${qualified(measuredPoint.projectId)} = ${qualified(project.id)})`,
      assessment: sql<Json | null>`(select ${jsonObjectOf(assessmentColumns)} from ${maturityAssessment}
        where ${qualified(maturityAssessment.projectId)} = ${qualified(project.id)})`,
      version: sql<Json | null>`(select ${jsonObjectOf(versionColumns)} from ${reportVersion}
        where ${qualified(reportVersion.projectId)} = ${qualified(project.id)} order by ${qualified(reportVersion.number)} desc limit 1)`,
      // The newest decision that an owner did not hide, on whichever version it was made.
      decision: sql<Json | null>`(select ${jsonObjectOf(decisionColumns)} from ${reportDecision}
        inner join ${reportVersion} on ${qualified(reportVersion.id)} = ${qualified(reportDecision.versionId)}
        where ${qualified(reportVersion.projectId)} = ${qualified(project.id)} and ${qualified(reportDecision.hiddenAt)} is null
        order by ${qualified(reportDecision.createdAt)} desc, ${qualified(reportDecision.id)} desc limit 1)`,
    })
    .from(project)
    .where(and(eq(project.workspaceId, sql.placeholder('workspaceId')), eq(project.archived, false)))
    .orderBy(asc(project.name), asc(project.id))
    .prepare('raisin_workspace_portfolio'),
);

// Each time-to-target simulation (10,000 draws) holds the event loop for tens of milliseconds; when a
// project's stored summary no longer fits its inputs, other requests get their turn between projects.
const yieldToOtherRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Every active (not archived) project of a workspace, by name, with what its tabs answer
 * (`buildPortfolioRow`). One statement whatever the number of projects (`portfolioStatement`), its rows
 * read through the same row-to-value functions the tabs use (`tradeoffStateOf`, `referenceCeilingOf`, `maturityOverviewOf`), and
 * the time to target from the summary stored when the project's inputs last changed (`tradeoff_summary`).
 * A project whose stored summary does not fit its inputs (none stored yet, from before that table) is
 * simulated here and stored, in one more statement, so only the first read after a change pays for it.
 */
export async function getWorkspacePortfolio(
  db: Db,
  params: { workspaceId: string },
): Promise<PortfolioRow[]> {
  const projects = await portfolioStatement(db).execute({ workspaceId: params.workspaceId });
  if (projects.length === 0) return [];

  const rows: PortfolioRow[] = [];
  const computed: StoredTradeoffSummary[] = [];
  for (const p of projects) {
    const answers = p.answers;
    const referenceCeiling = referenceCeilingOf(
      p.reference === null ? undefined : rowOfJson(referenceCeilingColumns, p.reference),
    );
    const settingsRow = p.settings === null ? undefined : rowOfJson<SettingsRow>(settingsColumns, p.settings);
    const state = tradeoffStateOf({
      settingsRow,
      angles: p.angles.map((angle) => rowOfJson<AttackAngleRow>(angleColumns, angle)),
      measured: p.measured.map((point) => rowOfJson<MeasuredPointRow>(measuredColumns, point)),
      referenceCeiling,
      answers,
      createdAt: p.createdAt,
    });
    const resolved = resolveStoredTradeoff(state);
    // As `getTradeoffSummary`: from an editor's first tradeoff change; examples are never stored or counted.
    let summary: TradeoffSummary | null = null;
    let simulated = false;
    if (settingsRow !== undefined) {
      const inputsKey = tradeoffSummaryKey(resolved);
      if (settingsRow.summaryKey === inputsKey && settingsRow.summary !== null) summary = settingsRow.summary;
      else {
        summary = summarizeCached(resolved, inputsKey);
        simulated = true;
        computed.push({ projectId: p.id, inputsKey, summary });
      }
    }
    const overview = maturityOverviewOf(
      p.assessment === null ? null : rowOfJson<MaturityAssessmentRow>(assessmentColumns, p.assessment),
      answers,
    );
    const version = p.version === null ? null : rowOfJson<VersionRow>(versionColumns, p.version);
    const decision = p.decision === null ? null : rowOfJson<DecisionRow>(decisionColumns, p.decision);
    rows.push(
      buildPortfolioRow({
        project: { id: p.id, name: p.name },
        answers,
        referenceCeiling,
        tradeoff: { metricName: state.settings.metricName, inputs: resolved, summary },
        maturity:
          overview.version === 0
            ? null
            : { current: overview.assessment.level, target: overview.target.level },
        latestVersion: version
          ? { id: version.id, number: version.number, publishedAt: version.publishedAt.toISOString() }
          : null,
        latestDecision: decision
          ? {
              versionNumber: decision.versionNumber,
              decision: decision.decision,
              name: decision.name,
              comment: decision.comment,
              meeting: decision.linkId === null && decision.recordedBy !== null,
              decidedAt: decision.createdAt.toISOString(),
            }
          : null,
      }),
    );
    if (simulated) await yieldToOtherRequests();
  }
  await storeTradeoffSummaries(db, computed);
  return rows;
}

/**
 * Stores the tradeoff summary of every active project whose stored one is missing or stale, reading each
 * workspace's portfolio in turn (which simulates and stores exactly those), so the first portfolio load
 * after an upgrade simulates nothing. The server runs it in the background at start-up; `signal` stops it
 * between workspaces (a shutdown). Returns the number of workspaces read.
 */
export async function backfillTradeoffSummaries(
  db: Db,
  options: { signal?: AbortSignal } = {},
): Promise<number> {
  const workspaces = await db
    .selectDistinct({ id: project.workspaceId })
    .from(project)
    .innerJoin(tradeoffSettings, eq(tradeoffSettings.projectId, project.id))
    .where(eq(project.archived, false));
  let read = 0;
  for (const workspace of workspaces) {
    if (options.signal?.aborted) break;
    await getWorkspacePortfolio(db, { workspaceId: workspace.id });
    read++;
  }
  return read;
}
