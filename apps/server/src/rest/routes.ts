/**
 * REST API v1 for jobs (CI, labeling pipelines), authenticated by `Authorization: Bearer <API token>`
 * only: no cookie is read here, so the CSRF Origin check does not apply (app.ts exempts /api/v1/). Every
 * request checks its token in the database (revocation is immediate everywhere) and counts against the
 * token's rate limit in the same statement. Requests and answers follow schemas.ts, from which
 * openapi.ts generates the document served at /api/v1/openapi.json.
 */
import {
  type AgreementJson,
  agreementSamplePath,
  describeSampleIssue,
  isBelowThreshold,
  linkAt,
  toAgreementJson,
} from '@raisin/core';
import {
  type AgreementSampleSummary,
  type AgreementSampleWithReport,
  type ApiCaller,
  checkApiToken,
  createAgreementSample,
  type Db,
  getAgreementSample,
  getProject,
  isDatabaseUnavailable,
  isDomainError,
  listAgreementSamples,
  type ProjectRow,
  refreshTradeoffSummary,
  roleAtLeast,
} from '@raisin/db';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { stopWhenClientLeaves } from '../agreement/upload-route';
import type { ScoringPool } from '../agreement/worker-jobs';
import { expectedOrigin } from '../origin';
import { buildOpenApiDocument } from './openapi';
import {
  type ApiErrorCode,
  projectParamsSchema,
  pushQuerySchema,
  sampleParamsSchema,
  type sampleSummarySchema,
} from './schemas';

export const REST_API_PREFIX = '/api/v1/';

export interface RestApiOptions {
  readonly db: Db;
  readonly pool: ScoringPool;
  /** Largest pushed file, in bytes (RAISIN_UPLOAD_LIMIT, as for uploads in the browser). */
  readonly uploadLimit: number;
  /** RAISIN_PUBLIC_URL, or null: links use the address the request was made to. */
  readonly publicUrl: string | null;
  /** Requests per minute per token (RAISIN_API_RATE_LIMIT). */
  readonly ratePerMinute: number;
  /** Version of the API document (the server's package version). */
  readonly version: string;
}

const STATUS_OF: Readonly<Record<ApiErrorCode, number>> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_REQUEST: 400,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  INVALID_SAMPLE: 422,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

function refuse(reply: FastifyReply, code: ApiErrorCode, message: string, extra: object = {}) {
  return reply.code(STATUS_OF[code]).send({ code, message, requestId: reply.request.id, ...extra });
}

/** "name: Too big…": the first problem of a refused input, naming its field. */
function describeInvalid(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'query'}: ${issue?.message ?? 'invalid value'}`;
}

const TOKEN_REFUSALS = {
  unknown: 'This API token is not valid. Create one on the workspace\'s "API tokens" page in Raisin.',
  revoked: 'This API token was revoked. Create a new one on the workspace\'s "API tokens" page.',
  expired: 'This API token has expired. Create a new one on the workspace\'s "API tokens" page.',
  'creator-gone':
    'The person who created this API token is no longer a member of its workspace, so the token no longer works.',
} as const;

/** The caller a request's bearer token stands for, or null once a refusal has been sent. */
async function authenticate(
  request: FastifyRequest,
  reply: FastifyReply,
  options: RestApiOptions,
): Promise<ApiCaller | null> {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S{1,512})\s*$/i.exec(header) : null;
  const token = match?.[1];
  if (token === undefined) {
    refuse(
      reply,
      'UNAUTHORIZED',
      'Send an API token as "Authorization: Bearer <token>"; create one on the workspace\'s "API tokens" page in Raisin.',
    );
    return null;
  }
  const check = await checkApiToken(options.db, {
    token,
    clientIp: request.ip,
    limit: { windowMs: 60_000, max: options.ratePerMinute },
  });
  if (check.status === 'ok') return check.caller;
  if (check.status === 'rate-limited' || check.retryAfterSeconds !== null) {
    const seconds = check.retryAfterSeconds ?? 60;
    void reply.header('retry-after', String(seconds));
    refuse(
      reply,
      'TOO_MANY_REQUESTS',
      check.status === 'rate-limited'
        ? `This token made more than ${options.ratePerMinute} requests in a minute; try again in ${seconds} s.`
        : `Too many requests with invalid tokens from this address; try again in ${seconds} s.`,
    );
    return null;
  }
  refuse(reply, 'UNAUTHORIZED', TOKEN_REFUSALS[check.status]);
  return null;
}

/** The project a request names, if the caller's token may act on it with `minimum`; else null, refused. */
async function projectFor(
  request: FastifyRequest,
  reply: FastifyReply,
  caller: ApiCaller,
  options: RestApiOptions & { readonly minimum: 'viewer' | 'editor'; readonly projectId: string },
): Promise<ProjectRow | null> {
  const project = await getProject(options.db, { projectId: options.projectId });
  if (project === null) {
    refuse(reply, 'NOT_FOUND', 'No project has this id.');
    return null;
  }
  if (project.workspaceId !== caller.workspaceId) {
    refuse(
      reply,
      'FORBIDDEN',
      `The token "${caller.tokenName}" belongs to another workspace than this project's; create a token in the project's workspace.`,
    );
    return null;
  }
  if (!roleAtLeast(caller.role, options.minimum)) {
    refuse(
      reply,
      'FORBIDDEN',
      `The token "${caller.tokenName}" has the ${caller.role} role; pushing batches needs an editor token.`,
    );
    return null;
  }
  void request;
  return project;
}

/**
 * A read route's project: the token, then the ids in the path (`unknownIds` answers ids that cannot
 * exist), then the project the token may read. Each refusal is sent here; null means it was.
 */
async function readableProject<Params extends { projectId: string }>(
  request: FastifyRequest,
  reply: FastifyReply,
  options: RestApiOptions,
  paramsSchema: z.ZodType<Params>,
  unknownIds: string,
): Promise<{ project: ProjectRow; params: Params } | null> {
  const caller = await authenticate(request, reply, options);
  if (caller === null) return null;
  const params = paramsSchema.safeParse(request.params);
  if (!params.success) {
    refuse(reply, 'NOT_FOUND', unknownIds);
    return null;
  }
  const { projectId } = params.data;
  const project = await projectFor(request, reply, caller, { ...options, minimum: 'viewer', projectId });
  return project === null ? null : { project, params: params.data };
}

type SampleSummaryDto = z.input<typeof sampleSummarySchema>;
/** `sampleResultSchema`'s shape; the agreement object as core types it (its schema lists the main keys). */
type SampleResultDto = SampleSummaryDto & { readonly agreement: AgreementJson };

function summaryDto(
  row: AgreementSampleSummary,
  project: ProjectRow,
  origin: string | null,
): SampleSummaryDto {
  return {
    id: row.id,
    name: row.name,
    url: linkAt(
      origin,
      agreementSamplePath({ workspaceId: project.workspaceId, projectId: project.id, sampleId: row.id }),
    ),
    createdAt: row.createdAt.toISOString(),
    pushedBy: row.pushedByToken,
    fileName: row.fileName,
    format: row.format,
    level: row.level,
    items: row.items,
    annotators: row.annotators,
    annotations: row.annotations,
    alpha: row.alpha,
    alphaCi: row.alphaCi,
    ceiling: row.ceiling,
    ceilingCi: row.ceilingCi,
    isReference: row.isReference,
    belowThreshold: isBelowThreshold(row.alpha, project.agreementThreshold),
  };
}

/** The stored result as `raisin agreement --json` prints it (one builder: `toAgreementJson`). */
function storedResultDto(
  row: AgreementSampleWithReport,
  project: ProjectRow,
  origin: string | null,
): SampleResultDto {
  const { source, ...report } = row.report;
  return {
    ...summaryDto(row, project, origin),
    agreement: toAgreementJson(report, {
      format: row.format,
      duplicatesResolved: source?.duplicatesResolved ?? 0,
      missingSpellings: source?.missingSpellings ?? {},
    }),
  };
}

function tooLarge(reply: FastifyReply, limit: number) {
  const mb = Math.round((limit / (1024 * 1024)) * 10) / 10;
  // The rest of the body is not wanted: close the connection rather than read it.
  void reply.header('connection', 'close');
  return refuse(
    reply,
    'PAYLOAD_TOO_LARGE',
    `The file is larger than the upload limit of ${mb} MB; nothing was stored.`,
  );
}

export async function registerRestApi(app: FastifyInstance, options: RestApiOptions): Promise<void> {
  const { db, pool, uploadLimit, publicUrl } = options;
  // Generated once: the schemas do not change while the server runs.
  const document = JSON.stringify(buildOpenApiDocument(options.version));

  await app.register(async (scope) => {
    // The pushed file is read as a stream by its handler; no body is parsed up front.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
    scope.setErrorHandler<FastifyError>((error, request, reply) => {
      if (isDatabaseUnavailable(error)) {
        request.log.warn({ err: { code: error.code, message: error.message } }, 'database unavailable');
        return refuse(
          reply,
          'SERVICE_UNAVAILABLE',
          'The database is unavailable right now; please try again shortly.',
        );
      }
      const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
      if (status >= 500) {
        request.log.error({ err: error }, 'REST request failed');
        return refuse(reply, 'INTERNAL_SERVER_ERROR', 'Something went wrong on our side.');
      }
      return refuse(reply, status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', error.message);
    });

    scope.get('/api/v1/openapi.json', { logLevel: 'warn' }, async (_request, reply) =>
      reply.type('application/json; charset=utf-8').header('cache-control', 'no-cache').send(document),
    );

    scope.get<{ Params: { projectId: string } }>(
      '/api/v1/projects/:projectId/samples',
      async (request, reply) => {
        const found = await readableProject(
          request,
          reply,
          options,
          projectParamsSchema,
          'No project has this id.',
        );
        if (found === null) return reply;
        const { project } = found;
        const origin = expectedOrigin(request, publicUrl);
        const rows = await listAgreementSamples(db, { projectId: project.id });
        return {
          threshold: project.agreementThreshold,
          samples: rows.map((row) => summaryDto(row, project, origin)),
        };
      },
    );

    scope.get<{ Params: { projectId: string; sampleId: string } }>(
      '/api/v1/projects/:projectId/samples/:sampleId',
      async (request, reply) => {
        const found = await readableProject(
          request,
          reply,
          options,
          sampleParamsSchema,
          'No project or sample has this id.',
        );
        if (found === null) return reply;
        const { project, params } = found;
        try {
          const row = await getAgreementSample(db, { projectId: project.id, sampleId: params.sampleId });
          return storedResultDto(row, project, expectedOrigin(request, publicUrl));
        } catch (error) {
          if (isDomainError(error) && error.code === 'AGREEMENT_SAMPLE_NOT_FOUND') {
            return refuse(reply, 'NOT_FOUND', 'This project has no sample with this id.');
          }
          throw error;
        }
      },
    );

    scope.post<{ Params: { projectId: string } }>(
      '/api/v1/projects/:projectId/samples',
      async (request, reply) => {
        const caller = await authenticate(request, reply, options);
        if (caller === null) return reply;
        const params = projectParamsSchema.safeParse(request.params);
        if (!params.success) return refuse(reply, 'NOT_FOUND', 'No project has this id.');
        const query = pushQuerySchema.safeParse(request.query);
        if (!query.success) return refuse(reply, 'BAD_REQUEST', describeInvalid(query.error));
        const project = await projectFor(request, reply, caller, {
          ...options,
          minimum: 'editor',
          projectId: params.data.projectId,
        });
        if (project === null) return reply;
        if (project.archived) {
          return refuse(
            reply,
            'CONFLICT',
            'The project is archived; unarchive it in Raisin to push batches to it.',
          );
        }
        const announced = Number(request.headers['content-length'] ?? Number.NaN);
        if (Number.isFinite(announced) && announced > uploadLimit) return tooLarge(reply, uploadLimit);
        if (announced === 0) {
          return refuse(
            reply,
            'INVALID_SAMPLE',
            'The request has no body: send the labeled file as the body.',
            {
              issue: { code: 'empty_file', message: 'The file is empty.' },
            },
          );
        }

        const { name, format, level, order, item, annotator, label, duplicates } = query.data;
        const columns = {
          ...(item === undefined ? {} : { item }),
          ...(annotator === undefined ? {} : { annotator }),
          ...(label === undefined ? {} : { label }),
        };
        const job = await pool.startUpload({
          kind: 'upload',
          level,
          expectedBytes: Number.isFinite(announced) ? announced : null,
          parse: {
            format,
            level,
            maxBytes: uploadLimit,
            duplicates,
            ...(order === undefined ? {} : { order }),
            ...(Object.keys(columns).length === 0 ? {} : { columns }),
          },
        });
        const unhook = stopWhenClientLeaves(reply, job);
        try {
          for await (const chunk of request.raw) {
            if (job.bytesReceived + (chunk as Buffer).length > uploadLimit)
              return tooLarge(reply, uploadLimit);
            // After a parse error the rest is read only to finish the request, not parsed.
            if (job.earlyFailure === null) job.push(chunk as Buffer);
          }
          const parsed = await job.finishParse();
          if (!parsed.ok) {
            request.log.info({ issue: parsed.issue }, 'pushed batch refused');
            return refuse(reply, 'INVALID_SAMPLE', describeSampleIssue(parsed.issue), {
              issue: parsed.issue,
            });
          }
          const scored = await job.score();
          if (job.stopped) throw new Error('The client left before the batch was stored.');
          const arrived = new Date();
          const row = await createAgreementSample(db, {
            projectId: project.id,
            workspaceId: project.workspaceId,
            name: name ?? `Batch ${arrived.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
            fileName: 'pushed',
            fileBytes: job.bytesReceived,
            format: parsed.format,
            columns: parsed.columns,
            missingSpellings: parsed.missingSpellings,
            duplicatesResolved: parsed.duplicatesResolved,
            level,
            categoryOrder: order ?? null,
            report: scored.report,
            triples: scored.triples,
            actorId: caller.actorId,
            apiToken: { id: caller.tokenId, name: caller.tokenName },
          });
          if (row.isReference) await refreshTradeoffSummary(db, project.id);
          request.log.info(
            {
              sampleId: row.id,
              tokenId: caller.tokenId,
              annotations: row.annotations,
              scoreMs: scored.scoreMs,
            },
            'pushed batch stored',
          );
          const body: SampleResultDto = {
            ...summaryDto(row, project, expectedOrigin(request, publicUrl)),
            agreement: toAgreementJson(scored.report, {
              format: parsed.format,
              duplicatesResolved: parsed.duplicatesResolved,
              missingSpellings: parsed.missingSpellings,
            }),
          };
          return reply.code(201).send(body);
        } finally {
          unhook();
          await job.dispose();
        }
      },
    );
  });
}
