import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type DbHandle, migrateDb, schema } from '@raisin/db';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_LOCKOUT, buildApp, loadConfig } from '../src/index';
import { nextEmail, nextIp, ORIGIN, postJson, signIn, signUp, startTestApp, trpcQuery } from './helpers';

const INDEX_HTML =
  '<!doctype html><html><head><script type="module" src="/assets/app-3f9a1c.js"></script></head><body><div id="root"></div></body></html>';

let handle: DbHandle;
let app: FastifyInstance;
let webDist: string;

beforeAll(async () => {
  webDist = mkdtempSync(join(tmpdir(), 'raisin-web-'));
  mkdirSync(join(webDist, 'assets'));
  writeFileSync(join(webDist, 'index.html'), INDEX_HTML);
  writeFileSync(join(webDist, 'assets', 'app-3f9a1c.js'), 'console.log("raisin");');
  writeFileSync(join(webDist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

  handle = await createDb();
  await migrateDb(handle.db, handle.driver);
  const config = loadConfig({ RAISIN_PUBLIC_URL: ORIGIN, RAISIN_WEB_DIST: webDist, LOG_LEVEL: 'silent' });
  app = await buildApp(config, handle);
  // A route that fails the way a bug would, to check what a 500 reveals.
  app.get('/test-only/boom', async () => {
    throw new Error('secret internals: connection string postgres://admin:hunter2@db');
  });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await handle?.close();
  rmSync(webDist, { recursive: true, force: true });
});

describe('sessions', () => {
  it('signs up, sets an HTTP-only SameSite=Lax cookie, and session.me returns the user', async () => {
    const ip = nextIp();
    const email = nextEmail('ada');
    const response = await postJson(
      app,
      '/api/auth/sign-up/email',
      { email, password: 'correct horse battery staple', name: 'Ada' },
      { ip },
    );
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name.endsWith('session_token'));
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite?.toLowerCase()).toBe('lax');
    // The public URL is http here, so the cookie must not be Secure (the browser would drop it).
    expect(cookie?.secure).toBeFalsy();

    const me = await trpcQuery(app, 'session.me', undefined, { cookie: `${cookie?.name}=${cookie?.value}` });
    expect(me.statusCode).toBe(200);
    expect(me.json().result.data.user).toEqual({ id: response.json().user.id, email, name: 'Ada' });
  });

  it('returns no user without a session', async () => {
    const me = await trpcQuery(app, 'session.me', undefined);
    expect(me.statusCode).toBe(200);
    expect(me.json().result.data.user).toBeNull();
  });

  it('stores passwords as argon2id hashes', async () => {
    const { userId, password } = await signUp(app, 'hash');
    const rows = await handle.db.select().from(schema.account);
    const row = rows.find((r) => r.userId === userId);
    expect(row?.password).toMatch(/^\$argon2id\$/);
    expect(row?.password).not.toContain(password);
  });

  it('sign-out invalidates the session server-side: the old cookie stops working', async () => {
    const { cookie } = await signUp(app, 'leaver');
    const out = await postJson(app, '/api/auth/sign-out', {}, { cookie });
    expect(out.statusCode).toBe(200);
    // Replaying the cookie captured before sign-out, as an attacker holding it would.
    const me = await trpcQuery(app, 'session.me', undefined, { cookie });
    expect(me.json().result.data.user).toBeNull();
  });

  it('issues a new session token on every sign-in', async () => {
    const { email, password, token } = await signUp(app, 'rotator');
    const first = await signIn(app, email, password);
    const second = await signIn(app, email, password);
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    const tokens = [token, first.cookies.find((c) => c.name.endsWith('session_token'))?.value];
    tokens.push(second.cookies.find((c) => c.name.endsWith('session_token'))?.value);
    expect(tokens.every((t) => typeof t === 'string' && t.length > 0)).toBe(true);
    expect(new Set(tokens).size).toBe(3);
  });

  it('refuses a blank or overlong name at sign-up, naming the field, and creates no account', async () => {
    for (const name of ['', '   ', 'x'.repeat(81)]) {
      const email = nextEmail('noname');
      const response = await postJson(
        app,
        '/api/auth/sign-up/email',
        { email, password: 'correct horse battery staple', name },
        { ip: nextIp() },
      );
      expect(response.statusCode, JSON.stringify(name)).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'INVALID_NAME',
        message: expect.stringMatching(/^name: /),
      });
      const signIn = await postJson(
        app,
        '/api/auth/sign-in/email',
        { email, password: 'correct horse battery staple' },
        { ip: nextIp() },
      );
      expect(signIn.statusCode).toBe(401);
    }
    const { cookie } = await signUp(app, 'renamer');
    const blank = await postJson(app, '/api/auth/update-user', { name: ' ' }, { cookie });
    expect(blank.statusCode).toBe(400);
  });

  it('refuses a wrong password with 401', async () => {
    const { email } = await signUp(app, 'typo');
    const response = await signIn(app, email, 'wrong password entirely');
    expect(response.statusCode).toBe(401);
    expect(response.cookies.find((c) => c.name.endsWith('session_token'))).toBeUndefined();
  });
});

describe('behind https', () => {
  it('marks session cookies Secure and sends HSTS when the public URL is https', async () => {
    const origin = 'https://raisin.example.com';
    const config = loadConfig({ RAISIN_PUBLIC_URL: origin, RAISIN_WEB_DIST: webDist, LOG_LEVEL: 'silent' });
    const secureApp = await buildApp(config, handle);
    try {
      const response = await postJson(
        secureApp,
        '/api/auth/sign-up/email',
        { email: nextEmail('tls'), password: 'correct horse battery staple', name: 'TLS' },
        { origin, ip: nextIp() },
      );
      expect(response.statusCode).toBe(200);
      const cookie = response.cookies.find((c) => c.name.endsWith('session_token'));
      expect(cookie?.name.startsWith('__Secure-')).toBe(true);
      expect(cookie?.secure).toBe(true);
      expect(cookie?.httpOnly).toBe(true);
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(String(response.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
      // The plain-http origin is now foreign.
      const foreign = await postJson(secureApp, '/api/auth/sign-out', {}, { origin: ORIGIN });
      expect(foreign.statusCode).toBe(403);
    } finally {
      await secureApp.close();
    }
  });
});

describe('sign-in throttling', () => {
  it(`locks an account after ${ACCOUNT_LOCKOUT.maxFailures} failures, whatever the client address`, async () => {
    const victim = await signUp(app, 'victim');
    const bystander = await signUp(app, 'bystander');
    // Each guess from a different address: the per-IP limiter alone would never trigger.
    for (let i = 0; i < ACCOUNT_LOCKOUT.maxFailures; i += 1) {
      expect((await signIn(app, victim.email, `guess-${i}-wrong`)).statusCode).toBe(401);
    }
    const locked = await signIn(app, victim.email, victim.password);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().message).toMatch(/too many failed sign-in attempts/i);
    expect(locked.cookies.find((c) => c.name.endsWith('session_token'))).toBeUndefined();
    // The counter is keyed case-insensitively, as better-auth matches emails.
    expect((await signIn(app, victim.email.toUpperCase(), victim.password)).statusCode).toBe(429);
    // Another account is unaffected.
    expect((await signIn(app, bystander.email, bystander.password)).statusCode).toBe(200);
  });

  it('lets no more than the allowed failures through when guesses arrive all at once', async () => {
    const victim = await signUp(app, 'burst');
    // A botnet's burst: every guess in flight together, each from its own address. Checking the
    // count before verifying and recording after would let every one of them through.
    const burst = 4 * ACCOUNT_LOCKOUT.maxFailures;
    const statuses = await Promise.all(
      Array.from({ length: burst }, (_, i) => signIn(app, victim.email, `burst-guess-${i}`)),
    );
    const checked = statuses.filter((r) => r.statusCode === 401).length;
    expect(checked).toBeLessThanOrEqual(ACCOUNT_LOCKOUT.maxFailures);
    expect(statuses.filter((r) => r.statusCode === 429).length).toBe(burst - checked);
    // How the burst interleaved decides how many of it were checked; in total, exactly the allowed
    // number of wrong passwords is ever checked, and then even the right one is refused.
    for (let i = checked; i < ACCOUNT_LOCKOUT.maxFailures; i += 1) {
      expect((await signIn(app, victim.email, `late-guess-${i}`)).statusCode).toBe(401);
    }
    expect((await signIn(app, victim.email, victim.password)).statusCode).toBe(429);
  });

  it('does not count a malformed sign-in request as a failed guess', async () => {
    const user = await signUp(app, 'malformed');
    // Refused before any password check (400: password longer than the maximum).
    for (let i = 0; i < ACCOUNT_LOCKOUT.maxFailures + 1; i += 1) {
      expect((await signIn(app, user.email, 'x'.repeat(200))).statusCode).toBe(400);
    }
    expect((await signIn(app, user.email, user.password)).statusCode).toBe(200);
  });

  it('clears the failure count after a successful sign-in', async () => {
    const user = await signUp(app, 'forgetful');
    const failures = ACCOUNT_LOCKOUT.maxFailures - 1;
    for (let i = 0; i < failures; i += 1) await signIn(app, user.email, 'nope-nope-nope');
    expect((await signIn(app, user.email, user.password)).statusCode).toBe(200);
    for (let i = 0; i < failures; i += 1) await signIn(app, user.email, 'nope-nope-nope');
    // Without the reset this would be failure number 2 × (max − 1) ≥ max, and refused.
    expect((await signIn(app, user.email, user.password)).statusCode).toBe(200);
  });

  it('limits sign-in attempts per client address across accounts', async () => {
    const ip = nextIp();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      statuses.push((await signIn(app, nextEmail('spray'), 'password-spray', ip)).statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    // A different address is not affected.
    expect((await signIn(app, nextEmail('spray'), 'password-spray', nextIp())).statusCode).toBe(401);
  });
});

describe('security headers', () => {
  it.each(['/', '/healthz', '/trpc/session.me'])(
    'sends a strict CSP and hardening headers on %s',
    async (url) => {
      const response = await app.inject({ method: 'GET', url });
      const csp = String(response.headers['content-security-policy']);
      const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src'));
      expect(scriptSrc?.trim()).toBe("script-src 'self'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
    },
  );

  it('echoes a well-formed x-request-id and replaces a malformed one', async () => {
    const kept = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'bad id <script>' },
    });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps stack traces out of tRPC errors', async () => {
    const { cookie } = await signUp(app, 'stack');
    const bad = await postJson(app, '/trpc/workspaces.create', { name: '' }, { cookie });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.data.code).toBe('BAD_REQUEST');
    expect(bad.body).not.toContain('"stack"');
    expect(bad.body).not.toMatch(/\bat .+:\d+:\d+/);
  });

  it('keeps stack traces out of tRPC errors sent with a non-JSON content type', async () => {
    const { cookie } = await signUp(app, 'stack-type');
    // tRPC answers an unsupported body type in that same type: the answer must still lose its stack.
    const response = await postJson(app, '/trpc/workspaces.create', JSON.stringify({ name: 'x' }), {
      cookie,
      headers: { 'content-type': 'text/plain' },
    });
    expect(response.statusCode).toBe(415);
    expect(response.body).not.toContain('"stack"');
    expect(response.body).not.toMatch(/\bat .+:\d+:\d+/);
    expect(response.json().error.data.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('names the field and the problem in the message of a refused input', async () => {
    const { cookie } = await signUp(app, 'field');
    const wrongType = await postJson(app, '/trpc/workspaces.create', { name: 5 }, { cookie });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.data.code).toBe('BAD_REQUEST');
    expect(wrongType.json().error.message).toBe('name: Invalid input: expected string, received number');
    const nested = await postJson(
      app,
      '/trpc/projects.update',
      { projectId: 'not-an-id', version: 'one' },
      { cookie },
    );
    expect(nested.json().error.message).toMatch(/^projectId: .+/);
  });

  it('hides the message of an unexpected tRPC failure, whatever NODE_ENV says', async () => {
    const broken = await startTestApp();
    try {
      const { cookie } = await signUp(broken.app, 'broken');
      // A bug's failure: the query's SQL error names tables and columns.
      await broken.handle.db.execute(sql`drop table membership cascade`);
      const response = await trpcQuery(broken.app, 'workspaces.list', undefined, { cookie });
      expect(response.statusCode).toBe(500);
      expect(response.json().error.data.code).toBe('INTERNAL_SERVER_ERROR');
      expect(response.body).not.toMatch(/membership|relation|select/i);
      expect(response.json().error.message).toBe('Something went wrong on our side.');
    } finally {
      await broken.app.close();
      await broken.handle.close();
    }
  });

  it('never leaks error details or stack traces', async () => {
    const response = await app.inject({ method: 'GET', url: '/test-only/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('hunter2');
    expect(response.body).not.toContain('secret internals');
    expect(response.body).not.toMatch(/\bat .+:\d+:\d+/);
    expect(response.json()).toMatchObject({ error: 'Internal Server Error' });
  });
});

describe('CSRF: state-changing requests must come from the public origin', () => {
  it('refuses a cross-origin tRPC mutation and performs nothing', async () => {
    const { cookie } = await signUp(app, 'csrf');
    const evil = await postJson(
      app,
      '/trpc/workspaces.create',
      { name: 'Pwned' },
      { cookie, origin: 'https://evil.example' },
    );
    expect(evil.statusCode).toBe(403);
    const noOrigin = await postJson(
      app,
      '/trpc/workspaces.create',
      { name: 'Pwned' },
      { cookie, origin: null },
    );
    expect(noOrigin.statusCode).toBe(403);
    const list = await trpcQuery(app, 'workspaces.list', undefined, { cookie });
    expect(list.json().result.data).toEqual([]);

    const ours = await postJson(app, '/trpc/workspaces.create', { name: 'Legit' }, { cookie });
    expect(ours.statusCode).toBe(200);
    // Browsers that omit Origin still send Fetch metadata.
    const fetchMeta = await postJson(
      app,
      '/trpc/workspaces.create',
      { name: 'Also legit' },
      { cookie, origin: null, headers: { 'sec-fetch-site': 'same-origin' } },
    );
    expect(fetchMeta.statusCode).toBe(200);
    const after = await trpcQuery(app, 'workspaces.list', undefined, { cookie });
    expect(
      after
        .json()
        .result.data.map((w: { name: string }) => w.name)
        .sort(),
    ).toEqual(['Also legit', 'Legit']);
  });

  it('refuses cross-origin sign-in and a cross-site form post', async () => {
    const user = await signUp(app, 'formpost');
    const json = await postJson(
      app,
      '/api/auth/sign-in/email',
      { email: user.email, password: user.password },
      { origin: 'https://evil.example' },
    );
    expect(json.statusCode).toBe(403);
    const form = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
        cookie: user.cookie,
      },
      payload: 'x=1',
    });
    expect(form.statusCode).toBe(403);
    // The session survived the forged sign-out.
    const me = await trpcQuery(app, 'session.me', undefined, { cookie: user.cookie });
    expect(me.json().result.data.user?.email).toBe(user.email);
  });
});

describe('body limit', () => {
  it('answers 413 to a JSON body over the limit, on tRPC and on auth routes', async () => {
    const { cookie } = await signUp(app, 'big');
    const huge = { name: 'x'.repeat(1024 * 1024 + 10) };
    const tooLarge = await postJson(app, '/trpc/workspaces.create', huge, { cookie });
    expect(tooLarge.statusCode).toBe(413);
    // In tRPC's shape, so the web client reads the code and shows the message naming the limit.
    expect(tooLarge.json().error.data).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 });
    expect(tooLarge.json().error.message).toBe('The request is larger than the server accepts (1 MB).');
    const batched = await postJson(
      app,
      '/trpc/workspaces.create,workspaces.create?batch=1',
      { 0: huge, 1: { name: 'x' } },
      { cookie },
    );
    expect(batched.statusCode).toBe(413);
    expect(batched.json().map((item: { error: { data: { code: string } } }) => item.error.data.code)).toEqual(
      ['PAYLOAD_TOO_LARGE', 'PAYLOAD_TOO_LARGE'],
    );
    const noType = await app.inject({
      method: 'POST',
      url: '/trpc/workspaces.create',
      headers: { origin: ORIGIN, cookie },
      payload: '{"name":"x"}',
    });
    expect(noType.statusCode).toBe(415);
    expect(noType.json().error.data.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const signUpHuge = {
      email: nextEmail('huge'),
      password: 'long enough password',
      name: 'x'.repeat(1024 * 1024),
    };
    expect((await postJson(app, '/api/auth/sign-up/email', signUpHuge, { ip: nextIp() })).statusCode).toBe(
      413,
    );
  });
});

describe('health probes', () => {
  it('answers /healthz and /readyz', async () => {
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
  });

  it('reports 503 with a reason when the database is unreachable', async () => {
    const config = loadConfig({ RAISIN_PUBLIC_URL: ORIGIN, RAISIN_WEB_DIST: webDist, LOG_LEVEL: 'silent' });
    const broken: DbHandle = {
      ...handle,
      ping: async () => {
        throw new Error('connection refused');
      },
    };
    const brokenApp = await buildApp(config, broken);
    try {
      const ready = await brokenApp.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: 'unavailable', reason: 'database unreachable' });
      expect((await brokenApp.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await brokenApp.close();
    }
  });

  it('reports 503 until migrations are applied', async () => {
    const fresh = await createDb();
    const config = loadConfig({
      RAISIN_PUBLIC_URL: ORIGIN,
      RAISIN_WEB_DIST: webDist,
      LOG_LEVEL: 'silent',
      RAISIN_AUTH_SECRET: 'a-test-secret-that-is-long-enough-0123456789',
    });
    const freshApp = await buildApp(config, fresh);
    try {
      const before = await freshApp.inject({ method: 'GET', url: '/readyz' });
      expect(before.statusCode).toBe(503);
      expect(before.json().reason).toMatch(/migrations not applied/);
    } finally {
      await freshApp.close();
      await fresh.close();
    }
  });
});

describe('web app', () => {
  it('serves index.html without caching at /', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(INDEX_HTML);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('falls back to index.html for deep links so a reload keeps the route', async () => {
    for (const url of ['/projects/p_123', '/invite/abc_DEF-123', '/w/ws_1/settings?tab=members']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toBe(INDEX_HTML);
    }
  });

  it('serves hashed assets with long-lived cache headers', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/app-3f9a1c.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.body).toContain('raisin');
  });

  it('does not answer missing files or API paths with the web app', async () => {
    for (const url of ['/assets/missing-123.js', '/api/nothing-here', '/favicon-missing.ico']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).not.toContain('<div id="root">');
    }
    const unknownProcedure = await trpcQuery(app, 'no.such.procedure', undefined);
    expect(unknownProcedure.statusCode).toBe(404);
    expect(unknownProcedure.body).not.toContain('<div id="root">');
  });
});
