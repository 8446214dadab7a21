import { buildPortfolioRow, type PortfolioRow, type TradeoffSummary, type worksheet } from '@raisin/core';
import { and, asc, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../client';
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
import { maturityOverviewOf } from './roadmap';
import {
  resolveStoredTradeoff,
  type StoredTradeoffSummary,
  storeTradeoffSummaries,
  summarizeCached,
  tradeoffStateOf,
  tradeoffSummaryKey,
} from './tradeoff';

function groupBy<T extends { projectId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.projectId);
    if (group) group.push(row);
    else groups.set(row.projectId, [row]);
  }
  return groups;
}

function byProject<T extends { projectId: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.projectId, row]));
}

// Each time-to-target simulation (10,000 draws) holds the event loop for tens of milliseconds; when a
// project's stored summary no longer fits its inputs, other requests get their turn between projects.
const yieldToOtherRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Every active (not archived) project of a workspace, by name, with what its tabs answer
 * (`buildPortfolioRow`). One query per table whatever the number of projects, each read through the same
 * row-to-value functions the tabs use (`tradeoffStateOf`, `referenceCeilingOf`, `maturityOverviewOf`), and
 * the time to target from the summary stored when the project's inputs last changed (`tradeoff_summary`).
 * A project whose stored summary does not fit its inputs (none stored yet, from before that table) is
 * simulated here and stored, in one more statement, so only the first read after a change pays for it.
 */
export async function getWorkspacePortfolio(
  db: Db,
  params: { workspaceId: string },
): Promise<PortfolioRow[]> {
  const projects = await db
    .select({ id: project.id, name: project.name, createdAt: project.createdAt })
    .from(project)
    .where(and(eq(project.workspaceId, params.workspaceId), eq(project.archived, false)))
    .orderBy(asc(project.name), asc(project.id));
  if (projects.length === 0) return [];
  const ids = projects.map((p) => p.id);

  const answerRows = await db
    .select({
      projectId: worksheetAnswer.projectId,
      questionId: worksheetAnswer.questionId,
      value: worksheetAnswer.value,
    })
    .from(worksheetAnswer)
    .where(and(inArray(worksheetAnswer.projectId, ids), isNotNull(worksheetAnswer.value)));
  const references = await db
    .select(referenceCeilingColumns)
    .from(agreementSample)
    .where(and(inArray(agreementSample.projectId, ids), eq(agreementSample.isReference, true)));
  const settingsRows = await db
    .select({
      projectId: tradeoffSettings.projectId,
      settings: tradeoffSettings.settings,
      version: tradeoffSettings.version,
      summaryKey: tradeoffSummary.inputsKey,
      summary: tradeoffSummary.summary,
    })
    .from(tradeoffSettings)
    .leftJoin(tradeoffSummary, eq(tradeoffSummary.projectId, tradeoffSettings.projectId))
    .where(inArray(tradeoffSettings.projectId, ids));
  const angleRows = await db
    .select()
    .from(attackAngle)
    .where(inArray(attackAngle.projectId, ids))
    .orderBy(asc(attackAngle.position), asc(attackAngle.createdAt));
  const measuredRows = await db
    .select()
    .from(measuredPoint)
    .where(inArray(measuredPoint.projectId, ids))
    .orderBy(asc(measuredPoint.createdAt), asc(measuredPoint.id));
  const assessments = await db
    .select()
    .from(maturityAssessment)
    .where(inArray(maturityAssessment.projectId, ids));
  const versions = await db
    .selectDistinctOn([reportVersion.projectId], {
      projectId: reportVersion.projectId,
      id: reportVersion.id,
      number: reportVersion.number,
      publishedAt: reportVersion.publishedAt,
    })
    .from(reportVersion)
    .where(inArray(reportVersion.projectId, ids))
    .orderBy(reportVersion.projectId, desc(reportVersion.number));
  // The newest decision per project that an owner did not hide, on whichever version it was made.
  const decisions = await db
    .selectDistinctOn([reportVersion.projectId], {
      projectId: reportVersion.projectId,
      versionNumber: reportVersion.number,
      decision: reportDecision.decision,
      name: reportDecision.name,
      comment: reportDecision.comment,
      linkId: reportDecision.linkId,
      recordedBy: reportDecision.recordedBy,
      createdAt: reportDecision.createdAt,
    })
    .from(reportDecision)
    .innerJoin(reportVersion, eq(reportVersion.id, reportDecision.versionId))
    .where(and(inArray(reportVersion.projectId, ids), isNull(reportDecision.hiddenAt)))
    .orderBy(reportVersion.projectId, desc(reportDecision.createdAt), desc(reportDecision.id));

  const answersOf = new Map<string, Record<string, worksheet.Answer>>();
  for (const row of answerRows) {
    if (row.value === null) continue;
    const answers = answersOf.get(row.projectId) ?? {};
    answers[row.questionId] = row.value;
    answersOf.set(row.projectId, answers);
  }
  const referenceOf = byProject(references);
  const settingsOf = byProject(settingsRows);
  const anglesOf = groupBy(angleRows);
  const measuredOf = groupBy(measuredRows);
  const assessmentOf = byProject(assessments);
  const versionOf = byProject(versions);
  const decisionOf = byProject(decisions);

  const rows: PortfolioRow[] = [];
  const computed: StoredTradeoffSummary[] = [];
  for (const p of projects) {
    const answers = answersOf.get(p.id) ?? {};
    const referenceCeiling = referenceCeilingOf(referenceOf.get(p.id));
    const state = tradeoffStateOf({
      settingsRow: settingsOf.get(p.id),
      angles: anglesOf.get(p.id) ?? [],
      measured: measuredOf.get(p.id) ?? [],
      referenceCeiling,
      answers,
      createdAt: p.createdAt,
    });
    const resolved = resolveStoredTradeoff(state);
    // As `getTradeoffSummary`: from an editor's first tradeoff change; examples are never stored or counted.
    const settingsRow = settingsOf.get(p.id);
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
    const overview = maturityOverviewOf(assessmentOf.get(p.id) ?? null, answers);
    const version = versionOf.get(p.id);
    const decision = decisionOf.get(p.id);
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
