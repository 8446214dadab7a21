import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join, relative, sep } from 'node:path';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { appRouter, createContextInner, DATABASE_UNAVAILABLE_MESSAGE, toUnavailableError } from '@raisin/api';
import {
  checkMigrationsApplied,
  type DbHandle,
  flushApiTokenUses,
  flushShareOpens,
  getOrCreateSecret,
  isDatabaseUnavailable,
} from '@raisin/db';
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import { type TRPC_ERROR_CODE_KEY, TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import { registerAgreementUpload } from './agreement/upload-route';
import { createScoringPool } from './agreement/worker-jobs';
import { type Auth, createAuth, getSessionUser, registerAuthRoutes } from './auth';
import type { Config, TrustProxy } from './config';
import { crossOriginRefusal, expectedOrigin, isSameOriginRequest } from './origin';
import { registerProjectImportRoute } from './project-import-route';
import { REST_API_PREFIX, registerRestApi } from './rest/routes';
import { registerSharePage } from './share-page';

type AppRouter = typeof appRouter;

export interface BuildAppOptions {
  /** Replaces the pino logger options (tests pass `false`). */
  readonly logger?: boolean;
  /** Replaces `HTTP_TIMEOUTS` (tests shorten them). */
  readonly timeouts?: Partial<Record<keyof typeof HTTP_TIMEOUTS, number>>;
}

/**
 * Slow or stalled clients (slowloris) must not hold sockets, upload workers or memory forever. A socket
 * idle for `connectionTimeout` is closed, whatever it was doing (an upload that stops sending). A request
 * still arriving after `requestTimeout` is refused with 408: ten minutes carries a 200 MB upload at
 * 350 KB/s. Idle keep-alive sockets live `keepAliveTimeout`, above the 60 s idle timeout of common load
 * balancers so they, not we, close first.
 */
export const HTTP_TIMEOUTS = {
  connectionTimeout: 60_000,
  requestTimeout: 600_000,
  keepAliveTimeout: 72_000,
} as const;

/** The server's version, for the API document. */
const SERVER_VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

const REQUEST_ID_PATTERN = /^[\w.:-]{1,128}$/;
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Vite names built assets `assets/<name>-<hash>.<ext>`, so their content never changes under one URL.
const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

function cacheControlFor(file: string): string {
  if (file === 'index.html') return 'no-cache';
  return file.startsWith(`assets${sep}`) ? IMMUTABLE_CACHE : 'public, max-age=3600';
}

function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

/** Paths the web app routes itself: not the API, and not a file (a missing asset stays a 404). */
function isSpaPath(path: string): boolean {
  if (path === '/api' || path.startsWith('/api/') || path === '/trpc' || path.startsWith('/trpc/'))
    return false;
  const lastSegment = path.slice(path.lastIndexOf('/') + 1);
  return !/\.[A-Za-z0-9]+$/.test(lastSegment);
}

function toFastifyTrustProxy(
  setting: TrustProxy,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  // A hop count: trust that many proxies nearest to us (Fastify's types omit the number form).
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting;
}

function dropStackFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropStackFields);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'stack')
      .map(([key, inner]) => [key, dropStackFields(inner)]),
  );
}

const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side.';

/**
 * An unexpected failure's message may be a whole SQL statement with its parameters. The router hides it
 * only when NODE_ENV is "production", which `npm start` does not set: the server hides it always (the
 * log keeps it). `body` is a tRPC error answer, or a batch of answers.
 */
function hideInternalMessages(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(hideInternalMessages);
  if (typeof body !== 'object' || body === null || !('error' in body)) return body;
  const { error } = body as { error: { message?: unknown; data?: { code?: unknown } } };
  if (error?.data?.code !== 'INTERNAL_SERVER_ERROR') return body;
  return { ...body, error: { ...error, message: INTERNAL_ERROR_MESSAGE } };
}

/**
 * tRPC answers with a Fetch `Response`, which Fastify would pipe as a web stream in chunked encoding:
 * several socket writes per answer, a large share of a small request's cost. Its JSON is read here and
 * sent as one string with a Content-Length instead. tRPC also adds `data.stack` to error shapes
 * whenever NODE_ENV is not "production" (its `isDev` default): error answers lose it here, so no
 * deployment leaks stack traces whatever the router's settings.
 */
async function asJsonWithoutStacks(reply: FastifyReply, payload: unknown): Promise<unknown> {
  if (!(payload instanceof Response)) return payload;
  const json = payload.headers.get('content-type')?.startsWith('application/json') === true;
  // An error answer is JSON whatever its declared type: tRPC answers an unsupported request type (e.g.
  // text/plain) in that same type, stack included.
  if (!json && payload.status === 200) return payload;
  const text = await payload.text();
  reply.code(payload.status);
  payload.headers.forEach((value, name) => {
    if (name !== 'content-length') reply.header(name, value);
  });
  if (payload.status === 200) return text;
  try {
    const body = JSON.stringify(hideInternalMessages(dropStackFields(JSON.parse(text))));
    reply.header('content-type', 'application/json');
    return body;
  } catch {
    return text;
  }
}

/** `1 MB`, `512 KB` or `2000 bytes`: a byte limit as configured (RAISIN_BODY_LIMIT), for messages. */
export function formatByteLimit(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}

const TRPC_CODE_BY_STATUS: Readonly<Record<number, TRPC_ERROR_CODE_KEY>> = {
  400: 'BAD_REQUEST',
  408: 'TIMEOUT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/** The procedure paths a tRPC URL names: `/trpc/a.b,c.d?batch=1` gives `a.b` and `c.d`. */
function trpcPathsOf(url: string): string[] {
  const encoded = pathOf(url).slice('/trpc/'.length);
  try {
    return decodeURIComponent(encoded).split(',');
  } catch {
    return [encoded];
  }
}

/**
 * A request Fastify refuses before tRPC reads it (a body over RAISIN_BODY_LIMIT, no content type) gets
 * tRPC's error shape, one entry per procedure of a batch, so the client reads `data.code` like any
 * other refusal instead of failing to parse an unknown shape. Null when tRPC's codes have no match.
 */
function trpcShapedRefusal(request: FastifyRequest, status: number, message: string): unknown {
  const code = TRPC_CODE_BY_STATUS[status];
  if (code === undefined) return null;
  const paths = trpcPathsOf(request.url);
  const shapes = paths.map((path) => ({
    error: {
      message,
      code: TRPC_ERROR_CODES_BY_KEY[code],
      data: { code, httpStatus: status, path, domainCode: null, domainDetails: null, zodError: null },
    },
  }));
  return (request.query as Record<string, unknown>).batch === '1' ? shapes : shapes[0];
}

/** The HTTP status an error asks for, or 500 when it names none (a bug, not a refusal). */
function statusOf(error: FastifyError): number {
  return typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 600
    ? error.statusCode
    : 500;
}

function sendError(reply: FastifyReply, status: number, error: string, message: string) {
  return reply.code(status).send({ error, message, requestId: reply.request.id });
}

/**
 * Composes the HTTP server: security headers, CSRF check, better-auth at /api/auth, tRPC at /trpc,
 * health probes and the built web app with SPA fallback. The caller owns the database handle.
 */
export async function buildApp(config: Config, handle: DbHandle, options: BuildAppOptions = {}) {
  const { db } = handle;
  // Unset, the public URL is each request's own origin: plain http unless RAISIN_PUBLIC_URL says https.
  const https = config.publicUrl?.startsWith('https:') === true;

  const logger: FastifyServerOptions['logger'] =
    options.logger ??
    (config.logLevel === 'silent'
      ? false
      : {
          level: config.logLevel,
          serializers: {
            // Paths only: tRPC GET inputs (invitation tokens) travel in the query string.
            req: (req: FastifyRequest) => ({
              method: req.method,
              path: pathOf(req.url),
              remoteAddress: req.ip,
            }),
          },
        });

  const app = Fastify({
    logger,
    genReqId: (req: IncomingMessage) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    },
    bodyLimit: config.bodyLimit,
    ...HTTP_TIMEOUTS,
    ...options.timeouts,
    trustProxy: toFastifyTrustProxy(config.trustProxy),
    routerOptions: { maxParamLength: 5000 },
  });

  const secret = config.authSecret ?? (await getOrCreateSecret(db, 'auth'));
  const auth: Auth = createAuth(db, { publicUrl: config.publicUrl, secret, logger: app.log });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // React sets style props through the CSSOM (allowed), but Radix's scroll lock injects <style>.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // The legacy header agrees with frame-ancestors 'none' for browsers that predate CSP 2.
    frameguard: { action: 'deny' },
    // Invitation and share links carry tokens in the path; never leak them to other sites.
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS over plain http is ignored by browsers and would pin localhost dev setups to https.
    strictTransportSecurity: https ? { maxAge: 15_552_000, includeSubDomains: true } : false,
  });

  app.addHook('onRequest', async (request, reply) => {
    if (!UNSAFE_METHODS.has(request.method) || isSameOriginRequest(request, config.publicUrl)) return;
    // The REST API reads no cookie, only a bearer token a cross-site page cannot send: nothing to forge.
    if (request.url.startsWith(REST_API_PREFIX)) return;
    request.log.warn({ origin: request.headers.origin ?? null }, 'cross-origin request refused');
    return sendError(reply, 403, 'Forbidden', crossOriginRefusal(request, config.publicUrl));
  });

  const handleError = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const status = statusOf(error);
    if (status === 500 && isDatabaseUnavailable(error)) {
      request.log.warn({ err: { code: error.code, message: error.message } }, 'database unavailable');
      return sendError(reply, 503, 'Service Unavailable', DATABASE_UNAVAILABLE_MESSAGE);
    }
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return sendError(reply, status, 'Internal Server Error', INTERNAL_ERROR_MESSAGE);
    }
    request.log.info({ err: { code: error.code, message: error.message } }, 'request rejected');
    // Client errors raised by Fastify itself (body too large, bad JSON) carry safe, useful messages.
    return sendError(reply, status, httpName(status), error.message);
  };
  app.setErrorHandler<FastifyError>(handleError);

  await registerAuthRoutes(app, auth, config.publicUrl);

  // One scoring job at a time: on two cores the other one keeps serving requests.
  const scoringPool = createScoringPool(1);
  app.addHook('onClose', () => scoringPool.close());
  // Share-link opens and API-token uses wait up to a second in memory; a graceful shutdown writes them first.
  app.addHook('onClose', () => flushShareOpens(db).catch(() => undefined));
  app.addHook('onClose', () => flushApiTokenUses(db).catch(() => undefined));
  await registerAgreementUpload(app, { db, auth, pool: scoringPool, uploadLimit: config.uploadLimit });
  await registerRestApi(app, {
    db,
    pool: scoringPool,
    uploadLimit: config.uploadLimit,
    publicUrl: config.publicUrl,
    ratePerMinute: config.apiRateLimit,
    version: SERVER_VERSION,
  });

  await app.register(async (scope) => {
    scope.addHook('onSend', async (_request, reply, payload) => asJsonWithoutStacks(reply, payload));
    scope.setErrorHandler<FastifyError>((error, request, reply) => {
      const status = statusOf(error);
      const message =
        status === 413
          ? `The request is larger than the server accepts (${formatByteLimit(config.bodyLimit)}).`
          : error.message;
      const refusal = status < 500 ? trpcShapedRefusal(request, status, message) : null;
      if (refusal === null) return handleError(error, request, reply);
      request.log.info({ err: { code: error.code, message: error.message } }, 'request rejected');
      return reply.code(status).send(refusal);
    });
    const trpcOptions = {
      router: appRouter,
      createContext: async ({ req }) => {
        const user = await getSessionUser(auth, req.headers).catch((error: unknown) => {
          throw toUnavailableError(error) ?? error;
        });
        return createContextInner({
          db,
          user,
          requestId: req.id,
          // Links the server builds (share links) point where the user is, unless RAISIN_PUBLIC_URL says otherwise.
          baseUrl: expectedOrigin(req, config.publicUrl) ?? undefined,
          agreementScorer: scoringPool,
          clientIp: req.ip,
          projectFileLimit: config.importLimit,
        });
      },
      onError: ({ error, path, req }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          req.log.error({ err: error.cause ?? error, path }, 'tRPC error');
        else if (error.code === 'SERVICE_UNAVAILABLE') req.log.warn({ path }, 'database unavailable');
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'];
    await scope.register(fastifyTRPCPlugin, { prefix: '/trpc', trpcOptions });
    await registerProjectImportRoute(scope, { trpcOptions, fileLimitBytes: config.importLimit });
  });

  app.get('/healthz', { logLevel: 'warn' }, async () => ({ status: 'ok' }));

  app.get('/readyz', { logLevel: 'warn' }, async (request, reply) => {
    try {
      await handle.ping();
    } catch (error) {
      request.log.error({ err: error }, 'readiness: database unreachable');
      return reply.code(503).send({ status: 'unavailable', reason: 'database unreachable' });
    }
    const migrations = await checkMigrationsApplied(db).catch(() => null);
    if (migrations === null) {
      return reply.code(503).send({ status: 'unavailable', reason: 'database unreachable' });
    }
    if (!migrations.applied) {
      return reply.code(503).send({
        status: 'unavailable',
        reason: `${migrations.missing} of ${migrations.expected} migrations not applied`,
      });
    }
    return { status: 'ready' };
  });

  const hasWebApp = existsSync(join(config.webDist, 'index.html'));
  if (hasWebApp) {
    await app.register(fastifyStatic, {
      root: config.webDist,
      wildcard: true,
      index: ['index.html'],
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        reply.header('cache-control', cacheControlFor(relative(config.webDist, filePath)));
      },
    });
    registerSharePage(app, { db, webDist: config.webDist });
  } else {
    app.log.warn({ webDist: config.webDist }, 'web app not built: run `npm run build` to serve the UI');
  }

  app.setNotFoundHandler((request, reply) => {
    const path = pathOf(request.url);
    if (hasWebApp && (request.method === 'GET' || request.method === 'HEAD') && isSpaPath(path)) {
      // Deep links (e.g. /projects/abc) survive a reload: the web app's router takes over.
      return reply.sendFile('index.html');
    }
    return sendError(reply, 404, 'Not Found', 'No such route.');
  });

  return app;
}

const HTTP_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
};

function httpName(status: number): string {
  return HTTP_NAMES[status] ?? 'Error';
}

export type App = FastifyInstance;
