// The only module that imports better-auth (STACK gotcha 8: npm may nest it under apps/server).

import type { IncomingHttpHeaders } from 'node:http';
import { hash, verify } from '@node-rs/argon2';
import {
  clearFailedSignIns,
  countRecentFailedSignIns,
  type Db,
  recordFailedSignIn,
  schema,
} from '@raisin/db';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware, isAPIError } from 'better-auth/api';
// The minimal entry leaves out the Kysely adapter we do not use: about a second less to start.
import { getSessionCookie } from 'better-auth/cookies';
import { betterAuth } from 'better-auth/minimal';
import { fromNodeHeaders } from 'better-auth/node';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';

/** Failed sign-ins on one account, within the window, after which that account is locked for the window. */
export const ACCOUNT_LOCKOUT = { maxFailures: 5, windowMs: 15 * 60 * 1000 } as const;

/**
 * Request header through which the server hands better-auth the client address Fastify resolved
 * (honouring RAISIN_TRUST_PROXY); the server overwrites any client-sent value.
 */
export const CLIENT_IP_HEADER = 'x-raisin-client-ip';

export interface AuthSettings {
  readonly publicUrl: string;
  readonly secret: string;
  readonly logger: FastifyBaseLogger;
}

const SIGN_IN_PATH = '/sign-in/email';

function emailFromBody(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || !('email' in body)) return null;
  const { email } = body;
  // better-auth lowercases emails before lookup; do the same so "A@x" and "a@x" share one counter.
  return typeof email === 'string' && email.length <= 320 ? email.trim().toLowerCase() : null;
}

/** Builds the better-auth instance: email + password, argon2id hashes, database-backed rate limits. */
export function createAuth(db: Db, settings: AuthSettings) {
  const secure = new URL(settings.publicUrl).protocol === 'https:';
  const log = settings.logger.child({ component: 'better-auth' });

  return betterAuth({
    appName: 'Raisin',
    baseURL: settings.publicUrl,
    basePath: '/api/auth',
    secret: settings.secret,
    trustedOrigins: [settings.publicUrl],
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: {
        user: schema.user,
        session: schema.session,
        account: schema.account,
        verification: schema.verification,
        rateLimit: schema.rateLimit,
      },
    }),
    emailAndPassword: {
      enabled: true,
      autoSignIn: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      // @node-rs/argon2 defaults to argon2id with OWASP's parameters (19 MiB, t=2, p=1).
      password: {
        hash: (password) => hash(password),
        verify: ({ hash: stored, password }) => verify(stored, password),
      },
    },
    session: {
      // No cookie cache: every request reads the session row, so sign-out takes effect at once on every instance.
      cookieCache: { enabled: false },
    },
    rateLimit: {
      enabled: true,
      // Counters live in the database so every server instance enforces the same limits.
      storage: 'database',
      window: 60,
      max: 100,
      customRules: {
        [SIGN_IN_PATH]: { window: 60, max: 10 },
        '/sign-up/email': { window: 60, max: 10 },
      },
    },
    advanced: {
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    telemetry: { enabled: false },
    logger: {
      level: 'warn',
      log: (level, message, ...args) => {
        const fields = args.length > 0 ? { args } : {};
        if (level === 'error') log.error(fields, message);
        else if (level === 'warn') log.warn(fields, message);
        else log.debug(fields, message);
      },
    },
    // Without this, better-auth prints every refused request (wrong password, lockout) to the console.
    onAPIError: {
      onError: (error) => {
        if (isAPIError(error) && error.statusCode < 500)
          log.debug({ status: error.statusCode }, error.message);
        else log.error({ err: error }, 'better-auth request failed');
      },
    },
    hooks: {
      // Per-account throttling complements the per-IP limiter: a botnet spreading guesses over many
      // addresses still hits one counter per targeted account.
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN_PATH) return;
        const email = emailFromBody(ctx.body);
        if (email === null) return;
        const failures = await countRecentFailedSignIns(db, email, Date.now() - ACCOUNT_LOCKOUT.windowMs);
        if (failures >= ACCOUNT_LOCKOUT.maxFailures) {
          throw new APIError(
            'TOO_MANY_REQUESTS',
            {
              code: 'ACCOUNT_TEMPORARILY_LOCKED',
              message: `Too many failed sign-in attempts for this account. Try again in ${ACCOUNT_LOCKOUT.windowMs / 60_000} minutes.`,
            },
            { 'Retry-After': String(ACCOUNT_LOCKOUT.windowMs / 1000) },
          );
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN_PATH) return;
        const email = emailFromBody(ctx.body);
        if (email === null) return;
        const returned = ctx.context.returned;
        if (isAPIError(returned)) {
          if (returned.statusCode === 401) await recordFailedSignIn(db, email);
        } else {
          await clearFailedSignIns(db, email);
        }
      }),
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

export interface SessionUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
}

/** The signed-in user for these request headers (the session cookie), or null. */
export async function getSessionUser(auth: Auth, headers: IncomingHttpHeaders): Promise<SessionUser | null> {
  // Without a session cookie better-auth answers null too, after building a whole endpoint call: anonymous
  // requests (share-link viewers) skip that.
  if (headers.cookie === undefined || getSessionCookie(new Headers({ cookie: headers.cookie })) === null)
    return null;
  const result = await auth.api.getSession({ headers: fromNodeHeaders(headers) });
  if (result === null) return null;
  return { id: result.user.id, email: result.user.email, name: result.user.name };
}

// Hop-by-hop or length headers that no longer describe the re-built request or response.
const DROPPED_REQUEST_HEADERS = ['content-length', 'transfer-encoding', 'connection'] as const;
const DROPPED_RESPONSE_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'set-cookie']);

/**
 * Mounts better-auth on `/api/auth/*`, converting Fastify's request to a Fetch `Request` as the
 * better-auth Fastify guide does, so Fastify's body limit and hooks (CSRF, helmet) apply first.
 */
export async function registerAuthRoutes(app: FastifyInstance, auth: Auth, publicUrl: string): Promise<void> {
  await app.register(async (scope) => {
    // Hand better-auth the body bytes verbatim; only JSON is accepted (forms get 415).
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
      done(null, body);
    });
    scope.route({
      method: ['GET', 'POST'],
      url: '/api/auth/*',
      handler: async (request, reply) => {
        // The URL comes from the configured origin, never the client's Host header.
        const url = new URL(request.url, publicUrl);
        const headers = fromNodeHeaders(request.headers);
        for (const name of DROPPED_REQUEST_HEADERS) headers.delete(name);
        headers.set(CLIENT_IP_HEADER, request.ip);
        const body = typeof request.body === 'string' && request.body !== '' ? request.body : undefined;
        const response = await auth.handler(
          new Request(url, { method: request.method, headers, ...(body === undefined ? {} : { body }) }),
        );
        reply.code(response.status);
        response.headers.forEach((value, name) => {
          if (!DROPPED_RESPONSE_HEADERS.has(name)) reply.header(name, value);
        });
        const cookies = response.headers.getSetCookie();
        if (cookies.length > 0) reply.header('set-cookie', cookies);
        return reply.send(response.body === null ? null : Buffer.from(await response.arrayBuffer()));
      },
    });
  });
}
