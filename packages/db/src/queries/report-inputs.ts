import {
  analyzeTradeoff,
  type ReportInputs,
  type ReportProvenance,
  summarizeTradeoff,
  trustedClientToday,
} from '@raisin/core';
import type { WorksheetContext } from '@raisin/core/worksheet';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { tradeoffSettings, user } from '../schema';
import { getAgreementSample, listAgreementSamples } from './agreement';
import { getMaturityOverview, getProjectRoadmap } from './roadmap';
import { getTradeoff, resolveStoredTradeoff } from './tradeoff';
import { listWorksheetAnswers } from './worksheet';

async function userNames(db: Db, ids: ReadonlyArray<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, wanted));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The tradeoff inputs, or null while no editor has changed the tradeoff (the untouched example). */
async function readTradeoff(db: Db, projectId: string) {
  const [existing] = await db
    .select({ projectId: tradeoffSettings.projectId })
    .from(tradeoffSettings)
    .where(eq(tradeoffSettings.projectId, projectId));
  return existing ? getTradeoff(db, { projectId }) : null;
}

/**
 * Reads every tab of a project into the core's `ReportInputs` through the tabs' own query functions,
 * with who entered each input when. `context` is what the worksheet's verdict reads from the other tabs
 * (the caller has it from the worksheet's context loader, so the report's verdict equals the tab's).
 */
export async function gatherReportInputs(
  db: Db,
  params: {
    project: { id: string; name: string };
    context: WorksheetContext;
    now?: Date;
    /** The asker's calendar date from their browser (`trustedClientToday` decides whether to believe it). */
    today?: string | null | undefined;
  },
): Promise<ReportInputs> {
  const projectId = params.project.id;
  const [answers, samples, tradeoff, roadmapRow, maturity] = await Promise.all([
    listWorksheetAnswers(db, { projectId }),
    listAgreementSamples(db, { projectId }),
    readTradeoff(db, projectId),
    getProjectRoadmap(db, { projectId }),
    getMaturityOverview(db, { projectId }),
  ]);
  const reference = samples.find((s) => s.isReference);
  const referenceReport = reference
    ? (await getAgreementSample(db, { projectId, sampleId: reference.id })).report
    : null;
  const names = await userNames(db, [
    ...(tradeoff?.angles.map((a) => a.updatedBy) ?? []),
    roadmapRow?.updatedBy ?? null,
    maturity.updatedBy,
  ]);
  const provenance = (by: string | null, at: Date | null): ReportProvenance => ({
    by: by === null ? null : (names.get(by) ?? null),
    at: at?.toISOString() ?? null,
  });

  const analysis = tradeoff ? analyzeTradeoff(resolveStoredTradeoff(tradeoff)) : null;
  return {
    project: params.project,
    generatedAt: (params.now ?? new Date()).toISOString(),
    today: trustedClientToday(params.now ?? new Date(), params.today),
    answers: answers.flatMap((row) =>
      row.value === null
        ? []
        : [
            {
              questionId: row.questionId,
              value: row.value,
              by: row.updatedByName,
              at: row.updatedAt.toISOString(),
            },
          ],
    ),
    context: params.context,
    samples: samples.map((s) => ({
      name: s.name,
      alpha: s.alpha,
      ceiling: s.ceiling,
      ceilingCi: s.ceilingCi,
      isReference: s.isReference,
      report: s.id === reference?.id ? referenceReport : null,
      by: s.createdByName,
      at: s.createdAt.toISOString(),
    })),
    tradeoff:
      tradeoff && analysis
        ? {
            analysis,
            summary: summarizeTradeoff(analysis),
            angleProvenance: Object.fromEntries(
              tradeoff.angles.map((a) => [a.id, provenance(a.updatedBy, a.updatedAt)]),
            ),
            settingsProvenance: { by: null, at: null },
          }
        : null,
    roadmap: roadmapRow
      ? { ...roadmapRow.data, provenance: provenance(roadmapRow.updatedBy, roadmapRow.updatedAt) }
      : null,
    maturity:
      maturity.version === 0
        ? null
        : {
            assessment: maturity.assessment,
            target: maturity.target,
            provenance: provenance(maturity.updatedBy, maturity.updatedAt),
          },
  };
}
