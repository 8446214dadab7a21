/**
 * POST /api/projects/:projectId/agreement/samples: a multipart upload of a labeled sample. The form's
 * text fields (name, level, order, columns, format, control, framing) come first, then the file, which is streamed
 * into a worker thread that parses it as it arrives. A malformed file gets 400 with the parser's
 * issue (line and column); a file over the limit gets 413; neither stores anything. Once parsed, the
 * answer is NDJSON: progress lines, then `{"type":"done","sample":…}` after the sample and its
 * result are stored in one transaction (or `{"type":"error",…}`). A client that accepts NDJSON gets
 * it from the start, with reading and scoring progress (upload-answer.ts). A client that leaves stops
 * the job's worker.
 */
import multipart from '@fastify/multipart';
import { toSampleDto } from '@raisin/api';
import { describeSampleIssue, FRAMINGS } from '@raisin/core/agreement';
import {
  createAgreementSample,
  type Db,
  getMembershipRole,
  getProject,
  refreshTradeoffSummary,
  roleAtLeast,
} from '@raisin/db';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { type Auth, getSessionUser } from '../auth';
import type { JobProgress, UploadJobData } from './protocol';
import { UploadAnswer, wantsProgress } from './upload-answer';
import type { ScoringPool, UploadJob } from './worker-jobs';

const UUID = z.uuid();
const LEVELS = ['nominal', 'ordinal', 'interval', 'ratio'] as const;
const FORMATS = ['auto', 'long', 'wide', 'jsonl', 'labelstudio', 'prodigy'] as const;

const jsonField = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .max(100_000)
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);

const column = z.string().trim().min(1).max(200);

const fieldsSchema = z.object({
  name: z.string().trim().max(120).optional(),
  level: z.enum(LEVELS).default('nominal'),
  format: z.enum(FORMATS).default('auto'),
  order: jsonField(z.array(z.string().trim().min(1).max(200)).min(2).max(1000)).optional(),
  columns: jsonField(
    z.object({ item: column.optional(), annotator: column.optional(), label: column.optional() }),
  ).optional(),
  /** The question of a Label Studio export to lead with (its `from_name`); every question is stored. */
  control: z.string().trim().min(1).max(200).optional(),
  /** What a CSV/TSV or JSON Lines table holds (the CLI's --framing); absent: one label per item. */
  framing: z.enum(FRAMINGS).optional(),
});

export interface AgreementUploadOptions {
  readonly db: Db;
  readonly auth: Auth;
  readonly pool: ScoringPool;
  /** Largest file, in bytes. */
  readonly uploadLimit: number;
}

function fail(reply: FastifyReply, status: number, error: string, message: string, extra: object = {}) {
  return reply.code(status).send({ error, message, requestId: reply.request.id, ...extra });
}

function tooLarge(answer: UploadAnswer, limit: number) {
  const mb = Math.round((limit / (1024 * 1024)) * 10) / 10;
  return answer.fail(413, 'Payload Too Large', `The file is larger than the upload limit of ${mb} MB.`, {
    code: 'PAYLOAD_TOO_LARGE',
  });
}

function uploadJobData(
  fields: z.output<typeof fieldsSchema>,
  uploadLimit: number,
  expectedBytes: number | null,
): UploadJobData {
  const { level, format, order, columns, control, framing } = fields;
  return {
    kind: 'upload',
    level,
    expectedBytes,
    ...(control === undefined ? {} : { control }),
    ...(framing === undefined ? {} : { framing }),
    parse: {
      format,
      level,
      maxBytes: uploadLimit,
      ...(order === undefined ? {} : { order }),
      ...(columns === undefined
        ? {}
        : { columns: Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined)) }),
    },
  };
}

/** Stops the job's worker if the client goes away before the answer is complete; returns the unhook. */
export function stopWhenClientLeaves(reply: FastifyReply, job: UploadJob): () => void {
  const onClose = () => {
    if (!reply.raw.writableFinished) void job.dispose();
  };
  reply.raw.once('close', onClose);
  return () => reply.raw.off('close', onClose);
}

/** The parser's message with its line and column (shared with the browser's own preview). */
export const describeIssue = describeSampleIssue;

function fileNameToSampleName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return (base.trim() || 'Sample').slice(0, 120);
}

export async function registerAgreementUpload(
  app: FastifyInstance,
  options: AgreementUploadOptions,
): Promise<void> {
  const { db, auth, pool, uploadLimit } = options;
  await app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: uploadLimit, files: 1, fields: 10, fieldSize: 100_000, parts: 12 },
    });

    scope.post<{ Params: { projectId: string } }>(
      '/api/projects/:projectId/agreement/samples',
      async (request, reply) => {
        const user = await getSessionUser(auth, request.headers);
        if (!user) return fail(reply, 401, 'Unauthorized', 'Sign in first.');
        const projectId = UUID.safeParse(request.params.projectId);
        const project = projectId.success ? await getProject(db, { projectId: projectId.data }) : null;
        const role = project
          ? await getMembershipRole(db, { workspaceId: project.workspaceId, userId: user.id })
          : null;
        if (!project || !role) return fail(reply, 404, 'Not Found', 'Project not found.');
        if (!roleAtLeast(role, 'editor')) {
          return fail(reply, 403, 'Forbidden', `Uploading samples needs the editor role; you are ${role}.`);
        }
        if (!request.isMultipart()) {
          return fail(reply, 415, 'Unsupported Media Type', 'Send the sample as multipart/form-data.');
        }
        // Refuse an announced oversize body before reading any of it (multipart overhead aside).
        const announced = Number(request.headers['content-length'] ?? Number.NaN);
        const answer = new UploadAnswer(reply);
        if (Number.isFinite(announced) && announced > uploadLimit + 64 * 1024)
          return tooLarge(answer, uploadLimit);
        const detailed = wantsProgress(request.headers.accept);

        const raw: Record<string, string> = {};
        for await (const part of request.parts()) {
          if (part.type === 'field') {
            if (typeof part.value === 'string') raw[part.fieldname] = part.value;
            continue;
          }
          const fields = fieldsSchema.safeParse(raw);
          if (!fields.success) {
            part.file.resume();
            const issue = fields.error.issues[0];
            const field = issue?.path.join('.') ?? 'form';
            return fail(reply, 400, 'Bad Request', `Invalid ${field}: ${issue?.message ?? 'invalid value'}.`);
          }
          const { name, level, order } = fields.data;
          const onProgress = ({ stage, done, total }: JobProgress) =>
            answer.progress({ type: 'progress', phase: stage, done, total });
          const job = await pool.startUpload(
            uploadJobData(fields.data, uploadLimit, Number.isFinite(announced) ? announced : null),
            detailed ? onProgress : undefined,
          );
          const unhook = stopWhenClientLeaves(reply, job);
          try {
            if (detailed) answer.open();
            for await (const chunk of part.file) {
              // After a parse error the rest is read only to finish the request, not parsed.
              if (job.earlyFailure === null) job.push(chunk as Buffer);
            }
            if (part.file.truncated) return tooLarge(answer, uploadLimit);
            const parsed = await job.finishParse();
            if (!parsed.ok) {
              const { issue } = parsed;
              request.log.info({ issue }, 'agreement upload refused');
              return answer.fail(400, 'Bad Request', describeIssue(issue), {
                code: 'INVALID_SAMPLE',
                issue,
              });
            }
            answer.open();
            answer.progress({
              type: 'progress',
              phase: 'scoring',
              annotations: parsed.annotations,
              items: parsed.items,
            });
            return await finishScoring(answer, {
              run: async () => {
                const scored = await job.score();
                if (job.stopped) throw new Error('The client left before the sample was stored.');
                if (detailed) answer.progress({ type: 'progress', phase: 'saving' });
                const row = await createAgreementSample(db, {
                  projectId: project.id,
                  workspaceId: project.workspaceId,
                  name: name || fileNameToSampleName(part.filename),
                  fileName: part.filename.slice(0, 255) || 'upload',
                  fileBytes: job.bytesReceived,
                  format: parsed.format,
                  columns: parsed.columns,
                  // Kept in the stored report, so the results can say which cells were read as missing.
                  missingSpellings: parsed.missingSpellings,
                  level,
                  categoryOrder: order ?? null,
                  report: scored.report,
                  triples: scored.triples,
                  ...(scored.controls === undefined ? {} : { controls: scored.controls }),
                  ...(scored.control === undefined ? {} : { control: scored.control }),
                  actorId: user.id,
                });
                // A project's first sample becomes its reference: its ceiling caps the tradeoff.
                if (row.isReference) await refreshTradeoffSummary(db, project.id);
                request.log.info(
                  {
                    sampleId: row.id,
                    annotations: row.annotations,
                    parseMs: parsed.parseMs,
                    scoreMs: scored.scoreMs,
                  },
                  'agreement sample stored',
                );
                return {
                  type: 'done',
                  sample: toSampleDto(row),
                  timings: { parseMs: parsed.parseMs, scoreMs: scored.scoreMs },
                };
              },
              onError: (error) => {
                if (job.stopped) request.log.info('client left during scoring; its worker was stopped');
                else request.log.error({ err: error }, 'agreement scoring failed');
              },
            });
          } catch (error) {
            // Once the answer streams, a status can no longer be sent: the error is its last line.
            if (!answer.isOpen) throw error;
            if (!job.stopped) request.log.error({ err: error }, 'agreement upload failed');
            return answer.end({
              type: 'error',
              message: 'The upload failed on the server; nothing was stored.',
            });
          } finally {
            unhook();
            // Every path ends the job: its worker stops and the next queued upload gets the slot.
            await job.dispose();
          }
        }
        return fail(reply, 400, 'Bad Request', 'No file: attach the sample as the form field "file".');
      },
    );
  });
}

/** Ends the NDJSON answer with the outcome of `run`, or with an error line if it throws. */
async function finishScoring(
  answer: UploadAnswer,
  steps: { run: () => Promise<object>; onError: (error: unknown) => void },
): Promise<FastifyReply> {
  try {
    return answer.end(await steps.run());
  } catch (error) {
    steps.onError(error);
    return answer.end({ type: 'error', message: 'Scoring failed on the server; nothing was stored.' });
  }
}
