// The only module that imports better-auth (npm may install it under apps/server/node_modules only).

import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { hash, verify } from '@node-rs/argon2';
import {
  clearFailedSignIns,
  type Db,
  findSessionWithUser,
  releaseSignInAttempt,
  reserveSignInAttempt,
  schema,
} from '@raisin/db';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware, isAPIError } from 'better-auth/api';
// The minimal entry leaves out the Kysely adapter we do not use: about a second less to start.
import { parseCookies } from 'better-auth/cookies';
import { betterAuth } from 'better-auth/minimal';
import { fromNodeHeaders } from 'better-auth/node';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { expectedOrigin } from './origin';

/** Failed sign-ins on one account, within the window, after which that account is locked for the window. */
export const ACCOUNT_LOCKOUT = { maxFailures: 5, windowMs: 15 * 60 * 1000 } as const;

/**
 * Request header through which the server hands better-auth the client address Fastify resolved
 * (honouring RAISIN_TRUST_PROXY); the server overwrites any client-sent value.
 */
export const CLIENT_IP_HEADER = 'x-raisin-client-ip';

export interface AuthSettings {
  /** RAISIN_PUBLIC_URL; null: better-auth takes each request's own origin (the URL the server builds for it). */
  readonly publicUrl: string | null;
  readonly secret: string;
  readonly logger: FastifyBaseLogger;
}

const SIGN_IN_PATH = '/sign-in/email';
// Where better-auth takes a display name: it accepts any string there, blank or a megabyte long.
const NAME_PATHS = new Set(['/sign-up/email', '/update-user']);
/** As the sign-up form allows; names show in member lists, invitations and the audit trail. */
export const NAME_MAX_LENGTH = 80;

/** Why a display name is refused, or null when it is fine or absent where optional (update-user). */
function nameProblem(path: string, body: unknown): string | null {
  const name = typeof body === 'object' && body !== null && 'name' in body ? body.name : undefined;
  if (name === undefined && path !== '/sign-up/email') return null;
  if (typeof name !== 'string' || name.trim() === '') return 'name: enter a name';
  if (name.trim().length > NAME_MAX_LENGTH) return `name: use at most ${NAME_MAX_LENGTH} characters`;
  return null;
}

function emailFromBody(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || !('email' in body)) return null;
  const { email } = body;
  // better-auth lowercases emails before lookup; do the same so "A@x" and "a@x" share one counter.
  return typeof email === 'string' && email.length <= 320 ? email.trim().toLowerCase() : null;
}

/** Builds the better-auth instance: email + password, argon2id hashes, database-backed rate limits. */
export function createAuth(db: Db, settings: AuthSettings) {
  const { publicUrl } = settings;
  const secure = publicUrl?.startsWith('https:') === true;
  const log = settings.logger.child({ component: 'better-auth' });

  const auth = betterAuth({
    appName: 'Raisin',
    // Without a base URL better-auth reads the request's URL, which registerAuthRoutes builds from the
    // origin the request was made to: that origin is then its trusted one, as it is the server's.
    ...(publicUrl === null ? {} : { baseURL: publicUrl, trustedOrigins: [publicUrl] }),
    basePath: '/api/auth',
    secret: settings.secret,
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
        // Its start-up advice to set a base URL: leaving it unset is Raisin's any-address mode.
        if (publicUrl === null && message.includes('Base URL is not set')) return;
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
      // addresses still hits one counter per targeted account. Each attempt is counted as a failure
      // before its password is checked (a reservation), so a burst of simultaneous guesses cannot all
      // slip past the check; the after hook releases it when the attempt was not a wrong password.
      before: createAuthMiddleware(async (ctx) => {
        if (NAME_PATHS.has(ctx.path)) {
          const problem = nameProblem(ctx.path, ctx.body);
          if (problem !== null) throw new APIError('BAD_REQUEST', { code: 'INVALID_NAME', message: problem });
          return;
        }
        if (ctx.path !== SIGN_IN_PATH) return;
        const email = emailFromBody(ctx.body);
        if (email === null) return;
        const reserved = await reserveSignInAttempt(db, email, Date.now() - ACCOUNT_LOCKOUT.windowMs);
        if (reserved.recentFailures > ACCOUNT_LOCKOUT.maxFailures) {
          // A refused attempt checks no password, so it is no guess: the lockout does not grow with it.
          await releaseSignInAttempt(db, { id: reserved.id });
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
        if (!isAPIError(returned)) await clearFailedSignIns(db, email);
        // 401 is a wrong email or password: the reservation stands as the failure. Anything else
        // (malformed input, a server error) was no guess and gives its reservation back.
        else if (returned.statusCode !== 401) await releaseSignInAttempt(db, { email });
      }),
    },
  });
  authSessions.set(auth, { db, secret: settings.secret });
  return auth;
}

export type Auth = ReturnType<typeof createAuth>;

export interface SessionUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
}

/** The signed-in user for these request headers (the session cookie), or null. */
export async function getSessionUser(auth: Auth, headers: IncomingHttpHeaders): Promise<SessionUser | null> {
  // Without a cookie better-auth answers null too, after building a whole endpoint call: anonymous
  // requests (share-link viewers) skip that.
  if (headers.cookie === undefined) return null;
  const fast = await currentSessionUser(auth, headers.cookie);
  if (fast !== null) return fast;
  const result = await auth.api.getSession({ headers: fromNodeHeaders(headers) });
  if (result === null) return null;
  return { id: result.user.id, email: result.user.email, name: result.user.name };
}

/** The database and secret of each auth instance, for `currentSessionUser`. */
const authSessions = new WeakMap<Auth, { db: Db; secret: string }>();

/** The HMAC-SHA-256 signature better-auth (better-call's signed cookies) appends: `<token>.<base64>`. */
function verifiedToken(signed: string, secret: string): string | null {
  const dot = signed.lastIndexOf('.');
  if (dot < 1) return null;
  const token = signed.slice(0, dot);
  const given = Buffer.from(signed.slice(dot + 1), 'base64');
  const expected = createHmac('sha256', secret).update(token).digest();
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

/**
 * better-auth's `getSession` costs about a millisecond of CPU per call in endpoint machinery (context
 * objects, an async WebCrypto key import and verify per cookie), most of an API request's cost. This is
 * its common case done directly: a session cookie signed with our secret, whose session row (read with
 * its user in one query) is unexpired and not yet due for better-auth's sliding refresh. Null for
 * anything else, which then goes to `getSession` itself to be answered, cleaned up or refreshed as
 * always. The row is still read on every request, so a sign-out ends the session at once everywhere.
 */
async function currentSessionUser(auth: Auth, cookieHeader: string): Promise<SessionUser | null> {
  const settings = authSessions.get(auth);
  if (!settings) return null;
  const context = await auth.$context;
  const raw = parseCookies(cookieHeader).get(context.authCookies.sessionToken.name);
  if (raw === undefined) return null;
  let signed: string;
  try {
    signed = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const token = verifiedToken(signed, settings.secret);
  if (token === null) return null;
  const found = await findSessionWithUser(settings.db, token);
  if (found === null) return null;
  const now = Date.now();
  const { expiresIn, updateAge } = context.sessionConfig;
  const refreshDueAt = found.expiresAt.getTime() - expiresIn * 1000 + updateAge * 1000;
  if (found.expiresAt.getTime() <= now || refreshDueAt <= now) return null;
  return found.user;
}

// Hop-by-hop or length headers that no longer describe the re-built request or response.
const DROPPED_REQUEST_HEADERS = ['content-length', 'transfer-encoding', 'connection'] as const;
const DROPPED_RESPONSE_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'set-cookie']);

/**
 * Mounts better-auth on `/api/auth/*`, converting Fastify's request to a Fetch `Request` as the
 * better-auth Fastify guide does, so Fastify's body limit and hooks (CSRF, helmet) apply first.
 */
export async function registerAuthRoutes(
  app: FastifyInstance,
  auth: Auth,
  publicUrl: string | null,
): Promise<void> {
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
        // The configured origin, else the one the request was made to (Host, or a trusted proxy's
        // X-Forwarded-Host), which the CSRF check has already matched against the browser's Origin.
        const origin = expectedOrigin(request, publicUrl);
        if (origin === null) {
          return reply.code(400).send({
            error: 'Bad Request',
            message: 'The Host header names no address.',
            requestId: request.id,
          });
        }
        const url = new URL(request.url, origin);
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
