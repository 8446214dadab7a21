import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join, relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import { appRouter, createContextInner, toUnavailableError } from '@raisin/api';
import {
  checkMigrationsApplied,
  type DbHandle,
  flushApiTokenUses,
  flushShareOpens,
  getOrCreateSecret,
} from '@raisin/db';
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import { registerAgreementUpload } from './agreement/upload-route';
import { createScoringPool } from './agreement/worker-jobs';
import { type Auth, createAuth, getSessionUser, registerAuthRoutes, type SessionUser } from './auth';
import type { Config, TrustProxy } from './config';
import {
  asJsonWithoutStacks,
  createErrorHandler,
  createTrpcErrorHandler,
  pathOf,
  sendError,
} from './http-errors';
import { crossOriginRefusal, expectedOrigin, isSameOriginRequest } from './origin';
import { registerProjectImportRoute } from './project-import-route';
import { REST_API_PREFIX, registerRestApi } from './rest/routes';
import { registerSecurityHeaders } from './security-headers';
import { registerSharePage } from './share-page';
import { registerSharedReportRoute } from './shared-report-route';

type AppRouter = typeof appRouter;

export interface BuildAppOptions {
  /** Replaces the pino logger options (tests pass `false`). */
  readonly logger?: boolean;
  /** Replaces `HTTP_TIMEOUTS` (tests shorten them). */
  readonly timeouts?: Partial<Record<keyof typeof HTTP_TIMEOUTS, number>>;
  /**
   * False leaves `report.shared` to tRPC's handler, as every other call is (`shared-report-route.ts`):
   * tests compare the two answers.
   */
  readonly directSharedReport?: boolean;
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

  registerSecurityHeaders(app, {
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

  const handleError = createErrorHandler();
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
    scope.setErrorHandler<FastifyError>(createTrpcErrorHandler(config.bodyLimit, handleError));
    const contextFor = (req: FastifyRequest, user: SessionUser | null) =>
      createContextInner({
        db,
        user,
        requestId: req.id,
        // Links the server builds (share links) point where the user is, unless RAISIN_PUBLIC_URL says otherwise.
        baseUrl: expectedOrigin(req, config.publicUrl) ?? undefined,
        agreementScorer: scoringPool,
        clientIp: req.ip,
        projectFileLimit: config.importLimit,
      });
    const trpcOptions = {
      router: appRouter,
      createContext: async ({ req }) => {
        const user = await getSessionUser(auth, req.headers).catch((error: unknown) => {
          throw toUnavailableError(error) ?? error;
        });
        return contextFor(req, user);
      },
      onError: ({ error, path, req }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          req.log.error({ err: error.cause ?? error, path }, 'tRPC error');
        else if (error.code === 'SERVICE_UNAVAILABLE') req.log.warn({ path }, 'database unavailable');
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'];
    await scope.register(fastifyTRPCPlugin, { prefix: '/trpc', trpcOptions });
    if (options.directSharedReport !== false)
      registerSharedReportRoute(scope, { trpcOptions, anonymousContext: (req) => contextFor(req, null) });
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

export type App = FastifyInstance;
