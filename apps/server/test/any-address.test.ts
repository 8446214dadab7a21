// A server started without RAISIN_PUBLIC_URL works at whatever address a browser opens it by: each request
// must come from the origin it was made to (its scheme and Host). With RAISIN_PUBLIC_URL set, that origin
// alone is accepted. Links the server builds follow the same rule.
import type { DbHandle } from '@raisin/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieHeader, nextEmail, nextIp, startTestApp } from './helpers';

const PASSWORD = 'correct horse battery staple';

interface At {
  /** The Host header, as a browser sends it for the address in its bar. */
  readonly host: string;
  readonly origin: string | null;
  readonly cookie?: string;
  readonly headers?: Record<string, string>;
  readonly remoteAddress?: string;
}

function post(app: FastifyInstance, url: string, body: unknown, at: At) {
  return app.inject({
    method: 'POST',
    url,
    headers: {
      host: at.host,
      'content-type': 'application/json',
      ...(at.origin === null ? {} : { origin: at.origin }),
      ...(at.cookie === undefined ? {} : { cookie: at.cookie }),
      ...at.headers,
    },
    payload: JSON.stringify(body),
    remoteAddress: at.remoteAddress ?? nextIp(),
  });
}

function signUpAt(app: FastifyInstance, at: At, email = nextEmail('anywhere')) {
  return post(app, '/api/auth/sign-up/email', { email, password: PASSWORD, name: 'Anywhere' }, at);
}

/** Signs up at `at`, creates a workspace there and invites a viewer to it: the answer carries the link. */
async function inviteAt(app: FastifyInstance, at: At) {
  const cookie = cookieHeader(await signUpAt(app, at));
  const workspace = await post(app, '/trpc/workspaces.create', { name: 'Links' }, { ...at, cookie });
  const workspaceId = workspace.json<{ result: { data: { id: string } } }>().result.data.id;
  return post(
    app,
    '/trpc/invitations.create',
    { workspaceId, email: nextEmail('invitee'), role: 'viewer' },
    { ...at, cookie },
  );
}

async function appWith(env: Record<string, string>) {
  // startTestApp sets RAISIN_PUBLIC_URL; an empty value is unset (as deployment tools export it).
  return startTestApp({ RAISIN_PUBLIC_URL: '', ...env });
}

describe('with RAISIN_PUBLIC_URL unset', () => {
  let handle: DbHandle;
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ handle, app } = await appWith({}));
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it.each([
    ['localhost', 'localhost:3000', 'http://localhost:3000'],
    ['127.0.0.1', '127.0.0.1:3000', 'http://127.0.0.1:3000'],
    ['[::1]', '[::1]:3000', 'http://[::1]:3000'],
    ['a LAN address', '192.168.1.20:3000', 'http://192.168.1.20:3000'],
    ['a default port', 'raisin.lan', 'http://raisin.lan'],
  ])('signs up and works at %s', async (_label, host, origin) => {
    const signedUp = await signUpAt(app, { host, origin });
    expect(signedUp.statusCode).toBe(200);
    const cookie = cookieHeader(signedUp);
    const created = await post(app, '/trpc/workspaces.create', { name: 'Here' }, { host, origin, cookie });
    expect(created.statusCode).toBe(200);
  });

  it('one account signs up at 127.0.0.1 and signs in at localhost on the same server', async () => {
    const email = nextEmail('both');
    expect(
      (await signUpAt(app, { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }, email)).statusCode,
    ).toBe(200);
    const signedIn = await post(
      app,
      '/api/auth/sign-in/email',
      { email, password: PASSWORD },
      { host: 'localhost:3000', origin: 'http://localhost:3000' },
    );
    expect(signedIn.statusCode).toBe(200);
  });

  it('refuses a page of another origin, naming the origin it expected and RAISIN_PUBLIC_URL', async () => {
    const refused = await signUpAt(app, { host: '127.0.0.1:3000', origin: 'http://localhost:3000' });
    expect(refused.statusCode).toBe(403);
    const { message } = refused.json<{ message: string }>();
    expect(message).toContain('http://127.0.0.1:3000');
    expect(message).toContain('http://localhost:3000');
    expect(message).toContain('RAISIN_PUBLIC_URL');
    // Another port or scheme is another origin.
    expect(
      (await signUpAt(app, { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3001' })).statusCode,
    ).toBe(403);
    expect(
      (await signUpAt(app, { host: '127.0.0.1:3000', origin: 'https://127.0.0.1:3000' })).statusCode,
    ).toBe(403);
    const evil = await signUpAt(app, { host: 'localhost:3000', origin: 'https://evil.example' });
    expect(evil.statusCode).toBe(403);
    expect(evil.json<{ message: string }>().message).toContain('https://evil.example');
  });

  it('refuses a Host header that names no address', async () => {
    for (const host of ['evil.example/path', 'user@localhost:3000']) {
      const refused = await signUpAt(app, { host, origin: 'http://evil.example' });
      expect(refused.statusCode).toBe(403);
      expect(refused.json<{ message: string }>().message).toContain('RAISIN_PUBLIC_URL');
    }
  });

  it('ignores X-Forwarded-Host and -Proto from an untrusted client', async () => {
    const forged = await signUpAt(app, {
      host: '127.0.0.1:3000',
      origin: 'https://raisin.example.com',
      headers: { 'x-forwarded-host': 'raisin.example.com', 'x-forwarded-proto': 'https' },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json<{ message: string }>().message).toContain('http://127.0.0.1:3000');
  });

  it('builds invitation and share links at the address the user is on', async () => {
    const at = { host: '192.168.1.20:3000', origin: 'http://192.168.1.20:3000' };
    const invited = await inviteAt(app, at);
    expect(invited.statusCode).toBe(200);
    const { url, token } = invited.json<{ result: { data: { url: string; token: string } } }>().result.data;
    expect(url).toBe(`http://192.168.1.20:3000/invite/${token}`);
  });
});

describe('behind a trusted proxy, with RAISIN_PUBLIC_URL unset', () => {
  let handle: DbHandle;
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ handle, app } = await appWith({ RAISIN_TRUST_PROXY: '10.0.0.1' }));
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  const forwarded = {
    host: '10.0.0.2:3000',
    origin: 'https://raisin.example.com',
    headers: { 'x-forwarded-host': 'raisin.example.com', 'x-forwarded-proto': 'https' },
  };

  it('takes the origin from X-Forwarded-Host and -Proto sent by the trusted proxy', async () => {
    expect((await signUpAt(app, { ...forwarded, remoteAddress: '10.0.0.1' })).statusCode).toBe(200);
  });

  it('ignores them from any other address', async () => {
    expect((await signUpAt(app, { ...forwarded, remoteAddress: '10.0.0.9' })).statusCode).toBe(403);
  });

  it('refuses a forwarded scheme that is neither http nor https', async () => {
    const odd = await signUpAt(app, {
      ...forwarded,
      origin: 'javascript://raisin.example.com',
      headers: { ...forwarded.headers, 'x-forwarded-proto': 'javascript' },
      remoteAddress: '10.0.0.1',
    });
    expect(odd.statusCode).toBe(403);
  });
});

describe('with RAISIN_PUBLIC_URL set', () => {
  const PUBLIC = 'http://raisin.internal:8080';
  let handle: DbHandle;
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ handle, app } = await appWith({ RAISIN_PUBLIC_URL: PUBLIC }));
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('accepts that origin whatever the Host, and only it', async () => {
    const signedUp = await signUpAt(app, { host: '127.0.0.1:8080', origin: PUBLIC });
    expect(signedUp.statusCode).toBe(200);
    const refused = await signUpAt(app, { host: '127.0.0.1:8080', origin: 'http://127.0.0.1:8080' });
    expect(refused.statusCode).toBe(403);
    const { message } = refused.json<{ message: string }>();
    expect(message).toContain(`${PUBLIC} (RAISIN_PUBLIC_URL)`);
    expect(message).toContain('http://127.0.0.1:8080');
  });

  it('builds links at the public URL, not the address of the request', async () => {
    const at = { host: '127.0.0.1:8080', origin: PUBLIC };
    const invited = await inviteAt(app, at);
    expect(invited.json<{ result: { data: { url: string } } }>().result.data.url).toMatch(
      new RegExp(`^${PUBLIC}/invite/`),
    );
  });
});
