/**
 * Hostile HTTP clients: an upload that stalls mid-body (slowloris), a zip bomb renamed .csv, cross-site
 * posts to every mutation and to the upload route, and session fixation.
 */
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { appRouter } from '@raisin/api';
import { type DbHandle, listAgreementSamples } from '@raisin/db';
import { databaseFingerprint } from '@raisin/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cookieHeader,
  ORIGIN,
  postJson,
  type SignedUp,
  signIn,
  signUp,
  startTestApp,
  trpcMutationData,
  trpcQuery,
} from './helpers';

const UPLOAD_LIMIT = 1024 * 1024;
const CSV = 'item,annotator,label\n1,a,x\n1,b,x\n2,a,y\n2,b,y\n3,a,x\n3,b,y\n';

let handle: DbHandle;
let app: FastifyInstance;
let port: number;
let owner: SignedUp;
let projectId: string;

function multipart(name: string, content: Buffer) {
  const boundary = `----raisin${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    head,
    body: Buffer.concat([head, content, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

function uploadUrl(): string {
  return `/api/projects/${projectId}/agreement/samples`;
}

function upload(name: string, content: Buffer, headers: Record<string, string> = {}) {
  const form = multipart(name, content);
  return app.inject({
    method: 'POST',
    url: uploadUrl(),
    headers: { 'content-type': form.contentType, origin: ORIGIN, cookie: owner.cookie, ...headers },
    payload: form.body,
  });
}

const mutation = <T>(path: string, input: unknown) => trpcMutationData<T>(app, owner, path, input);

beforeAll(async () => {
  // Short enough for a test to watch a stalled upload being cut off.
  ({ handle, app } = await startTestApp(
    { RAISIN_UPLOAD_LIMIT: String(UPLOAD_LIMIT) },
    { timeouts: { connectionTimeout: 500, requestTimeout: 5_000 } },
  ));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  port = address.port;
  owner = await signUp(app, 'owner');
  const ws = await mutation<{ id: string }>('workspaces.create', { name: 'Hostile' });
  projectId = (await mutation<{ id: string }>('projects.create', { workspaceId: ws.id, name: 'P' })).id;
}, 60_000);

afterAll(async () => {
  await app?.close();
  await handle?.close();
});

describe('slowloris', () => {
  it('closes an upload that stops sending, frees its worker, and stores nothing', async () => {
    const before = (await listAgreementSamples(handle.db, { projectId })).length;
    const form = multipart('stalled.csv', Buffer.from(CSV));
    const socket = connect(port, '127.0.0.1');
    const closed = new Promise<string>((resolve) => {
      let received = '';
      socket.on('data', (chunk) => {
        received += chunk.toString();
      });
      socket.on('close', () => resolve(received));
      socket.on('error', () => undefined);
    });
    // Announces a 1 MB body, sends the headers and the start of the file, then nothing more.
    socket.write(
      [
        `POST ${uploadUrl()} HTTP/1.1`,
        `Host: 127.0.0.1:${port}`,
        `Origin: ${ORIGIN}`,
        `Cookie: ${owner.cookie}`,
        `Content-Type: ${form.contentType}`,
        `Content-Length: ${UPLOAD_LIMIT - 1024}`,
        '',
        '',
      ].join('\r\n'),
    );
    socket.write(Buffer.concat([form.head, Buffer.from('item,annotator,label\n1,a,x\n')]));
    await closed;
    expect(socket.destroyed).toBe(true);
    // The scoring pool has one slot: had the stalled upload kept it, this upload would wait forever.
    const next = await upload('after.csv', Buffer.from(CSV));
    expect(next.statusCode).toBe(200);
    expect(next.body).toContain('"type":"done"');
    expect((await listAgreementSamples(handle.db, { projectId })).length).toBe(before + 1);
  });
});

describe('binary uploads', () => {
  it('refuses a gzip bomb renamed .csv as not a text file, without inflating it, and stores nothing', async () => {
    const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024, 'a,b\n'), { level: 9 });
    expect(bomb.length).toBeLessThan(UPLOAD_LIMIT);
    const before = await databaseFingerprint(handle.db);
    const response = await upload('labels.csv', bomb);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'INVALID_SAMPLE', issue: { code: 'not_text' } });
    expect(response.json().message).toMatch(/not a text file/i);
    expect(await databaseFingerprint(handle.db)).toBe(before);
  });

  it('answers 413 to an upload over the limit', async () => {
    const response = await upload('big.csv', Buffer.alloc(UPLOAD_LIMIT + 1, 'a,b\n'));
    expect(response.statusCode).toBe(413);
  });
});

const MUTATIONS = Object.entries(appRouter._def.procedures)
  .filter(([, procedure]) => (procedure as unknown as { _def: { type: string } })._def.type === 'mutation')
  .map(([path]) => path);

/** Cross-site requests a browser can send with the victim's cookie: fetch from another origin, and plain HTML form posts. */
const FORGED: readonly { what: string; headers: Record<string, string>; payload: string }[] = [
  {
    what: 'JSON from https://evil.example',
    headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
    payload: '{}',
  },
  {
    what: 'an urlencoded form without Origin',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
    payload: 'name=Pwned',
  },
  {
    what: 'a text/plain form without Origin',
    headers: { 'content-type': 'text/plain' },
    payload: '{"name":"Pwned"}',
  },
  {
    what: 'a form with Origin null (sandboxed frame)',
    headers: { origin: 'null', 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'name=Pwned',
  },
];

describe('CSRF', () => {
  it('finds the mutations to forge', () => {
    expect(MUTATIONS.length).toBeGreaterThan(20);
  });

  it.for(MUTATIONS)('refuses every cross-site post to %s and changes nothing', async (path) => {
    const before = await databaseFingerprint(handle.db);
    for (const forged of FORGED) {
      const response = await app.inject({
        method: 'POST',
        url: `/trpc/${path}`,
        headers: { cookie: owner.cookie, ...forged.headers },
        payload: forged.payload,
      });
      expect(response.statusCode, forged.what).toBe(403);
    }
    expect(await databaseFingerprint(handle.db)).toBe(before);
  });

  it('refuses cross-site uploads and stores nothing', async () => {
    const before = await databaseFingerprint(handle.db);
    for (const forged of FORGED) {
      const form = multipart('forged.csv', Buffer.from(CSV));
      const headers: Record<string, string> = { ...forged.headers, 'content-type': form.contentType };
      if (forged.headers['content-type'] !== 'application/json') delete headers.origin;
      const response = await app.inject({
        method: 'POST',
        url: uploadUrl(),
        headers: { cookie: owner.cookie, ...headers },
        payload: form.body,
      });
      expect(response.statusCode, forged.what).toBe(403);
    }
    expect(await databaseFingerprint(handle.db)).toBe(before);
  });
});

describe('session fixation', () => {
  it('issues a fresh session on sign-in whatever cookie the browser carried, and never adopts a planted one', async () => {
    const victim = await signUp(app, 'victim');
    const attacker = await signUp(app, 'attacker');
    const planted = [attacker.cookie, 'better-auth.session_token=attacker-chosen-value.forged-signature'];
    for (const cookie of planted) {
      const response = await postJson(
        app,
        '/api/auth/sign-in/email',
        { email: victim.email, password: victim.password },
        { cookie },
      );
      expect(response.statusCode).toBe(200);
      const issued = cookieHeader(response);
      expect(issued).not.toBe('');
      expect(issued).not.toBe(cookie);
      // The cookie the attacker knows still names the attacker (or no one), never the victim.
      const me = await trpcQuery(app, 'session.me', undefined, { cookie });
      expect(me.json().result.data.user?.email ?? null).not.toBe(victim.email);
      const mine = await trpcQuery(app, 'session.me', undefined, { cookie: issued });
      expect(mine.json().result.data.user?.email).toBe(victim.email);
    }
    expect((await signIn(app, victim.email, victim.password)).statusCode).toBe(200);
  });
});
