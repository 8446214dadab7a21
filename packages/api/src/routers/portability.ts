import { inflateSync } from 'node:zlib';
import { type ReportSnapshot, type RoadmapPlan, renderReportHtml, scheduleRoadmap } from '@raisin/core';
import { type Framing, isFraming } from '@raisin/core/agreement';
import {
  DomainError,
  type ProjectBundle,
  readProjectBundle,
  refreshTradeoffSummary,
  storedSourceOf,
  writeProjectBundle,
} from '@raisin/db';
import type { TRPCRouterRecord } from '@trpc/server';
import type { z } from 'zod';
import type { AgreementScorer } from '../agreement';
import {
  importProjectInput,
  PROJECT_FILE_FORMAT,
  PROJECT_FILE_VERSION,
  type ProjectFile,
  projectFileSchema,
  projectFileTooLargeMessage,
  projectNameSchema,
} from '../schemas';
import { projectProcedure, workspaceProcedure } from '../trpc';

// A sample's triples inflate to 4–12 bytes per annotation; this bound refuses a deflate bomb early.
const MAX_INFLATED_TRIPLES_BYTES = 256 * 1024 * 1024;
const MAX_PROJECT_NAME_LENGTH = projectNameSchema.maxLength ?? 120;

function invalidFile(field: string, message: string): DomainError {
  return new DomainError('INVALID_PROJECT_FILE', `${field}: ${message}`, { field });
}

/** The first issue, named by its path (e.g. `worksheet.answers.3.value`), as the message a person reads. */
function describeIssue(issue: z.core.$ZodIssue): DomainError {
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '(file)';
  return invalidFile(field, issue.message);
}

function parseProjectFile(text: string, limitBytes: number): ProjectFile {
  if (Buffer.byteLength(text, 'utf8') > limitBytes) {
    throw new DomainError('PROJECT_FILE_TOO_LARGE', projectFileTooLargeMessage(limitBytes));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalidFile('(file)', 'not a JSON document');
  }
  const parsed = projectFileSchema.safeParse(json);
  if (!parsed.success) {
    const [first] = parsed.error.issues;
    throw first ? describeIssue(first) : invalidFile('(file)', 'not a Raisin project file');
  }
  return parsed.data;
}

/** Dates, spans and target dates recomputed from the plan, so a file cannot store a schedule that lies. */
function rescheduleRoadmap(plan: ProjectFile['roadmap']): ProjectBundle['roadmap'] {
  if (plan === null) return null;
  const scheduled = scheduleRoadmap(plan.data satisfies RoadmapPlan);
  if (!scheduled.ok) throw invalidFile('roadmap.data', scheduled.error.message);
  const phaseIds = new Set(scheduled.value.phases.map((phase) => phase.id));
  const unknown = plan.pendingConflicts.findIndex((conflict) => !phaseIds.has(conflict.phaseId));
  if (unknown >= 0) throw invalidFile(`roadmap.pendingConflicts.${unknown}.phaseId`, 'names no phase');
  return { data: scheduled.value, pendingConflicts: plan.pendingConflicts };
}

/** The framing a file's sample was scored under (its report's `framing`), else one label per item. */
function framingOf(report: unknown): Framing {
  if (typeof report !== 'object' || report === null || !('framing' in report)) return 'categorical';
  return typeof report.framing === 'string' && isFraming(report.framing) ? report.framing : 'categorical';
}

/**
 * Each sample's report scored again from its triples under its framing, as the Agreement tab would; a
 * framing whose annotations are not triples (spans, boxes, sets, rankings) cannot be, and is refused.
 */
async function rescoreSamples(
  samples: ProjectFile['agreementSamples'],
  scorer: AgreementScorer,
): Promise<ProjectBundle['agreementSamples']> {
  const rescored: ProjectBundle['agreementSamples'] = [];
  for (const [index, sample] of samples.entries()) {
    const field = `agreementSamples.${index}.triples`;
    const triples = new Uint8Array(Buffer.from(sample.triples, 'base64'));
    try {
      inflateSync(triples, { maxOutputLength: MAX_INFLATED_TRIPLES_BYTES });
    } catch {
      throw invalidFile(field, 'not a stored sample (corrupt or too large)');
    }
    let result: Awaited<ReturnType<AgreementScorer['rescore']>>;
    try {
      result = await scorer.rescore({
        triples,
        framing: framingOf(sample.report),
        level: sample.level,
        order: sample.categoryOrder,
      });
    } catch {
      throw invalidFile(field, 'not a stored sample');
    }
    if (!result.ok) throw invalidFile(`agreementSamples.${index}`, result.message);
    // The numbers are recomputed; how the file was read (cells read as missing) is kept when well formed.
    const source = storedSourceOf(sample.report);
    rescored.push({ ...sample, report: source === undefined ? result.report : { ...result.report, source } });
  }
  if (rescored.filter((sample) => sample.isReference).length > 1) {
    throw invalidFile('agreementSamples', 'at most one sample may be the reference');
  }
  return rescored;
}

/**
 * Each published version as it was frozen. The schema checked the snapshot's envelope; rendering it, as
 * the share page will, proves the rest of what the report reads is there.
 */
function frozenReportVersions(versions: ProjectFile['reportVersions']): ProjectBundle['reportVersions'] {
  return versions.map((version, index) => {
    // Typed as a snapshot on trust until the render below shows it is one.
    const snapshot = version.snapshot as unknown as ReportSnapshot;
    try {
      renderReportHtml(snapshot);
    } catch {
      throw invalidFile(`reportVersions.${index}.snapshot`, 'not a report this version of Raisin can show');
    }
    return { ...version, snapshot };
  });
}

export const portabilityRouter = {
  /** The whole project as one `raisin-project` JSON document, report versions included (not share links). */
  exportJson: projectProcedure('viewer').query(async ({ ctx }) => {
    const bundle = await readProjectBundle(ctx.db, { projectId: ctx.project.id });
    return {
      format: PROJECT_FILE_FORMAT,
      formatVersion: PROJECT_FILE_VERSION,
      exportedAt: new Date().toISOString(),
      ...bundle,
    };
  }),

  /** Creates a new project in the workspace from a `raisin-project` file; a bad file changes nothing. */
  importJson: workspaceProcedure('editor')
    .input(importProjectInput)
    .mutation(async ({ ctx, input }) => {
      const file = parseProjectFile(input.file, ctx.projectFileLimit);
      // The cheap checks first: re-scoring samples is the slow part.
      const roadmap = rescheduleRoadmap(file.roadmap);
      const reportVersions = frozenReportVersions(file.reportVersions);
      const bundle: ProjectBundle = {
        project: file.project,
        worksheet: file.worksheet,
        agreementSamples: await rescoreSamples(file.agreementSamples, ctx.agreementScorer),
        tradeoff: file.tradeoff,
        maturity: file.maturity,
        roadmap,
        reportVersions,
      };
      const row = await writeProjectBundle(ctx.db, {
        workspaceId: ctx.workspaceId,
        bundle,
        actorId: ctx.user.id,
        maxNameLength: MAX_PROJECT_NAME_LENGTH,
      });
      await refreshTradeoffSummary(ctx.db, row.id);
      return { id: row.id, name: row.name, workspaceId: row.workspaceId };
    }),
} satisfies TRPCRouterRecord;
