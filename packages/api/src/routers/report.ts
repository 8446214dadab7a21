import {
  buildReportSnapshot,
  diffSnapshots,
  linkAt,
  MAX_DECISION_COMMENT_LENGTH,
  MAX_DECISION_NAME_LENGTH,
  type ReportSnapshot,
  sharedReportPath,
} from '@raisin/core';
import { toWorksheetContext } from '@raisin/core/worksheet';
import {
  createShareLink,
  type Db,
  gatherReportInputs,
  getPreviousReportVersion,
  getReportVersion,
  hideDecision,
  listDecisions,
  listReportVersions,
  listSharedDecisions,
  listShareLinks,
  openSharedReport,
  publishReportVersion,
  REPORT_DECISIONS,
  type ReportVersionSummary,
  recordMeetingDecision,
  recordSharedDecision,
  revokeShareLink,
} from '@raisin/db';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { idSchema } from '../schemas';
import { projectProcedure, projectWriteInWorkspace, publicProcedure } from '../trpc';
import { loadWorksheetContext } from './worksheet';

const MAX_NOTE_LENGTH = 500;
const MAX_TOKEN_LENGTH = 128;

/**
 * The report built from the live tabs now. `today` is the asker's calendar date from their browser, so
 * that "next milestones" start on their day, not UTC's.
 */
async function liveSnapshot(
  db: Db,
  project: { id: string; name: string },
  today: string | undefined,
): Promise<ReportSnapshot> {
  const context = toWorksheetContext(await loadWorksheetContext(db, project.id));
  return buildReportSnapshot(await gatherReportInputs(db, { project, context, today }));
}

const clientToday = z.iso.date().optional();

const decisionFields = {
  decision: z.enum(REPORT_DECISIONS, {
    error: 'choose approve, approve with conditions, request changes or reject',
  }),
  comment: z
    .string()
    .trim()
    .max(MAX_DECISION_COMMENT_LENGTH, `at most ${MAX_DECISION_COMMENT_LENGTH} characters (nothing is cut)`)
    .default(''),
  name: z
    .string()
    .trim()
    .min(1, 'say who decides')
    .max(MAX_DECISION_NAME_LENGTH, `at most ${MAX_DECISION_NAME_LENGTH} characters`),
};

/** "Approve with conditions" must say which: the form refuses it without a comment, and so does the API. */
const conditionsNamed = {
  check: (input: { decision: string; comment: string }) =>
    input.decision !== 'approve-with-conditions' || input.comment !== '',
  params: { path: ['comment'], message: 'say which conditions the approval comes with' },
};

function toVersionDto(v: ReportVersionSummary) {
  return {
    id: v.id,
    number: v.number,
    note: v.note,
    publishedAt: v.publishedAt.toISOString(),
    publishedByName: v.publishedByName,
  };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const reportRouter = {
  /** The report as it would be published now, built from the live tabs. */
  preview: projectProcedure('viewer')
    .input(z.object({ today: clientToday }))
    .query(({ ctx, input }) => liveSnapshot(ctx.db, ctx.project, input.today)),

  /** Freezes the live report as the next numbered version, with an optional note. */
  publish: projectProcedure('editor')
    .input(z.object({ note: z.string().trim().max(MAX_NOTE_LENGTH).optional(), today: clientToday }))
    .mutation(async ({ ctx, input }) => {
      const note = input.note === undefined || input.note === '' ? null : input.note;
      const row = await publishReportVersion(ctx.db, {
        projectId: ctx.project.id,
        workspaceId: ctx.project.workspaceId,
        note,
        actorId: ctx.user.id,
        actorName: ctx.user.name,
        snapshot: await liveSnapshot(ctx.db, ctx.project, input.today),
      });
      return toVersionDto(row);
    }),

  /** Published versions, newest first. */
  versions: projectProcedure('viewer').query(async ({ ctx }) =>
    (await listReportVersions(ctx.db, { projectId: ctx.project.id })).map(toVersionDto),
  ),

  getVersion: projectProcedure('viewer')
    .input(z.object({ versionId: idSchema }))
    .query(async ({ ctx, input }) => {
      const row = await getReportVersion(ctx.db, { projectId: ctx.project.id, versionId: input.versionId });
      return { ...toVersionDto(row), snapshot: row.snapshot };
    }),

  /**
   * What changed from `from` to `to`, section by section; without `from`, since the version before `to`
   * (`diff` is null for the first version). `fromDecisions` are the decisions taken on `from` that an owner
   * did not hide, oldest first, without e-mails: the next version carries them ("approved v2 with
   * conditions: …").
   */
  diff: projectProcedure('viewer')
    .input(z.object({ from: idSchema.optional(), to: idSchema }))
    .query(async ({ ctx, input }) => {
      const projectId = ctx.project.id;
      const to = await getReportVersion(ctx.db, { projectId, versionId: input.to });
      const from =
        input.from === undefined
          ? await getPreviousReportVersion(ctx.db, { projectId, number: to.number })
          : await getReportVersion(ctx.db, { projectId, versionId: input.from });
      const fromDecisions = from ? await listSharedDecisions(ctx.db, from.id) : [];
      return {
        from: from && toVersionDto(from),
        to: toVersionDto(to),
        diff: from && diffSnapshots(from.snapshot, to.snapshot),
        fromDecisions: fromDecisions.map((d) => ({ ...d, createdAt: d.createdAt.toISOString() })),
      };
    }),

  /** A read-only link to one version; the URL (with its token) is in this response only. */
  createShareLink: projectProcedure('editor')
    .input(
      z.object({
        versionId: idSchema,
        expiresAt: z.iso.datetime({ offset: true }).optional(),
        /** Let link previews in chat tools show the verdict, ceiling and P50 (off: project and version only). */
        previewNumbers: z.boolean().optional(),
        /** Let readers of the link record a decision on its version (off: read only). */
        allowFeedback: z.boolean().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const created = await createShareLink(ctx.db, {
        projectId: ctx.project.id,
        workspaceId: ctx.project.workspaceId,
        versionId: input.versionId,
        expiresAt: input.expiresAt === undefined ? null : new Date(input.expiresAt),
        previewNumbers: input.previewNumbers ?? false,
        allowFeedback: input.allowFeedback ?? false,
        actorId: ctx.user.id,
      });
      return {
        id: created.id,
        token: created.token,
        url: linkAt(ctx.baseUrl, sharedReportPath(created.token)),
      };
    }),

  listShareLinks: projectProcedure('viewer').query(async ({ ctx }) =>
    (await listShareLinks(ctx.db, { projectId: ctx.project.id })).map((link) => ({
      ...link,
      createdAt: link.createdAt.toISOString(),
      expiresAt: iso(link.expiresAt),
      revokedAt: iso(link.revokedAt),
      lastOpenedAt: iso(link.lastOpenedAt),
    })),
  ),

  /** Revokes a link at once: its next open shows "revoked" and no data. */
  revokeShareLink: projectProcedure('editor')
    .input(z.object({ linkId: idSchema }))
    .mutation(async ({ ctx, input }) => {
      await revokeShareLink(ctx.db, projectWriteInWorkspace(ctx, input));
      return { ok: true as const };
    }),

  /** Every decision on the project's versions, with readers' e-mails and hidden entries (the team's view). */
  decisions: projectProcedure('viewer').query(async ({ ctx }) =>
    (await listDecisions(ctx.db, { projectId: ctx.project.id })).map((d) => ({
      ...d,
      createdAt: d.createdAt.toISOString(),
    })),
  ),

  /** An owner records a decision taken in a meeting on one version. */
  recordMeetingDecision: projectProcedure('owner')
    .input(
      z
        .object({ versionId: idSchema, ...decisionFields })
        .refine(conditionsNamed.check, conditionsNamed.params),
    )
    .mutation(({ ctx, input }) => recordMeetingDecision(ctx.db, projectWriteInWorkspace(ctx, input))),

  /** An owner hides a decision from readers and lists (kept, marked hidden). */
  hideDecision: projectProcedure('owner')
    .input(z.object({ decisionId: idSchema }))
    .mutation(async ({ ctx, input }) => {
      await hideDecision(ctx.db, projectWriteInWorkspace(ctx, input));
      return { ok: true as const };
    }),

  /**
   * Public: a reader of a share link that allows feedback records a decision on its version, with their
   * name and e-mail (which other readers never see). Refused for a link without feedback, a revoked or
   * expired link, and past the per-address and per-link rate limits.
   */
  recordDecision: publicProcedure
    .input(
      z
        .object({
          token: z.string().min(1).max(MAX_TOKEN_LENGTH),
          ...decisionFields,
          email: z.email('give an e-mail address the team can reply to').max(254),
        })
        .refine(conditionsNamed.check, conditionsNamed.params),
    )
    .mutation(({ ctx, input }) =>
      recordSharedDecision(ctx.db, {
        token: input.token,
        decision: input.decision,
        comment: input.comment,
        name: input.name,
        email: input.email,
        clientIp: ctx.clientIp,
      }),
    ),

  /**
   * Public: what a share token opens (its version's snapshot and the project's name, nothing else of the
   * workspace), or that it was revoked or expired. Unknown tokens are NOT_FOUND. Failed lookups are rate
   * limited per client address in the database, so every server instance counts against the same limit.
   */
  shared: publicProcedure
    .input(z.object({ token: z.string().min(1).max(MAX_TOKEN_LENGTH) }))
    .query(({ ctx, input }) => openSharedReport(ctx.db, { token: input.token, clientIp: ctx.clientIp })),
} satisfies TRPCRouterRecord;
