// `report.shared` answered directly (shared-report-route.ts) must answer exactly as tRPC's own handler
// does: the same status, headers and bytes, and the same side effects (one failed lookup counted per
// unknown token, one open per view), for every kind of request a client or a scanner may send. On PGlite
// and, with TEST_DATABASE_URL, on PostgreSQL.
import {
  createShareLink,
  type DbHandle,
  hitRateLimit,
  listShareLinks,
  recordSharedDecision,
  revokeShareLink,
  SHARE_LOOKUP_LIMIT,
  schema,
} from '@raisin/db';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appDatabases,
  appOver,
  nextIp,
  type OpenedDatabase,
  ORIGIN,
  publishedExampleReport,
} from './helpers';

interface Sent {
  method?: 'GET' | 'HEAD' | 'POST';
  url: string;
  headers?: Record<string, string>;
  ip?: string;
}

/** What a client can see of an answer: status, headers (but the per-request id and date) and body. */
function visible(response: LightMyRequestResponse) {
  const { 'x-request-id': _id, date: _date, ...headers } = response.headers;
  return { status: response.statusCode, headers, body: response.body };
}

const input = (value: unknown) => `/trpc/report.shared?input=${encodeURIComponent(JSON.stringify(value))}`;
/** As tRPC's batch link (the web app's) asks for one call. */
const batchOfOne = (value: unknown) =>
  `/trpc/report.shared?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: value }))}`;

const DATABASES = appDatabases('raisin_shared');
const SECRET = { RAISIN_AUTH_SECRET: 'a-test-secret-of-at-least-thirty-two-characters' };

describe.each(DATABASES)('report.shared answered directly [$label]', ({ open: openDatabase }) => {
  let opened: OpenedDatabase | undefined;
  let handle: DbHandle;
  /** Answers `report.shared` directly, as the server does. */
  let direct: FastifyInstance;
  /** Leaves it to tRPC's handler: the reference. */
  let viaTrpc: FastifyInstance;
  let links: { open: string; revoked: string; expired: string; linkId: string; projectId: string };

  beforeAll(async () => {
    opened = await openDatabase();
    handle = opened.handle;
    direct = await appOver(handle, SECRET, { directSharedReport: true });
    viaTrpc = await appOver(handle, SECRET, { directSharedReport: false });
    const { owner, workspaceId, projectId, versionId } = await publishedExampleReport(
      direct,
      handle.db,
      'Routing "tickets"',
    );
    const share = (options: { expiresAt?: Date; now?: Date } = {}) =>
      createShareLink(handle.db, {
        projectId,
        workspaceId,
        versionId,
        expiresAt: options.expiresAt ?? null,
        allowFeedback: true,
        actorId: owner.userId,
        ...(options.now ? { now: options.now } : {}),
      });
    const open = await share();
    // A decision puts a date into the answer (serialized by JSON.stringify on both paths).
    await recordSharedDecision(handle.db, {
      token: open.token,
      email: 'reader@example.com',
      name: 'Reader <b>',
      decision: 'approve-with-conditions',
      comment: 'If the ceiling holds',
      clientIp: null,
    });
    const revoked = await share();
    await revokeShareLink(handle.db, {
      projectId,
      workspaceId,
      linkId: revoked.id,
      actorId: owner.userId,
    });
    const now = Date.now();
    const expired = await share({ now: new Date(now - 3_600_000), expiresAt: new Date(now - 60_000) });
    links = {
      open: open.token,
      revoked: revoked.token,
      expired: expired.token,
      linkId: open.id,
      projectId,
    };
  });

  afterAll(async () => {
    await direct?.close();
    await viaTrpc?.close();
    await opened?.dispose();
  });

  /** The same request to both apps, each from a fresh client address unless one is given. */
  async function both(sent: Sent) {
    const send = (app: FastifyInstance) =>
      app.inject({
        method: sent.method ?? 'GET',
        url: sent.url,
        headers: sent.headers ?? {},
        remoteAddress: sent.ip ?? nextIp(),
      });
    return { direct: visible(await send(direct)), viaTrpc: visible(await send(viaTrpc)) };
  }

  it('answers a link, a revoked and an expired one exactly as tRPC does', async () => {
    for (const token of [links.open, links.revoked, links.expired]) {
      for (const url of [input({ token }), batchOfOne({ token })]) {
        const answers = await both({ url });
        expect(answers.direct.status).toBe(200);
        expect(answers.direct).toEqual(answers.viaTrpc);
      }
    }
    const batched = await both({ url: batchOfOne({ token: links.open }) });
    expect(JSON.parse(batched.direct.body)).toEqual([expect.objectContaining({ result: expect.anything() })]);
    const ok = await both({ url: input({ token: links.open }) });
    const data = JSON.parse(ok.direct.body).result.data;
    expect(data).toMatchObject({ status: 'ok', projectName: 'Routing "tickets"', versionNumber: 1 });
    expect(data.decisions).toEqual([
      expect.objectContaining({ decision: 'approve-with-conditions', name: 'Reader <b>', meeting: false }),
    ]);
    expect(ok.direct.headers).toMatchObject({
      'content-type': 'application/json',
      vary: 'trpc-accept, accept',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
    });
    const revoked = await both({ url: input({ token: links.revoked }) });
    expect(JSON.parse(revoked.direct.body)).toEqual({ result: { data: { status: 'revoked' } } });
  });

  it('refuses every malformed or unknown request with tRPC’s own status, headers and error shape', async () => {
    const requests: Sent[] = [
      { url: input({ token: 'no-such-token' }) },
      { url: batchOfOne({ token: 'no-such-token' }) },
      { url: batchOfOne({ token: '' }) },
      { url: batchOfOne('token') },
      {
        url: `/trpc/report.shared?batch=1&input=${encodeURIComponent(JSON.stringify([{ token: links.open }]))}`,
      },
      {
        url: `/trpc/report.shared?batch=1&input=${encodeURIComponent(JSON.stringify({ 1: { token: links.open } }))}`,
      },
      {
        url: `/trpc/report.shared?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { token: links.open }, 1: {} }))}`,
      },
      {
        url: `/trpc/report.shared?batch=2&input=${encodeURIComponent(JSON.stringify({ 0: { token: links.open } }))}`,
      },
      {
        url: `/trpc/report.shared?input=${encodeURIComponent(JSON.stringify({ 0: { token: links.open } }))}&batch=1`,
      },
      { url: '/trpc/report.shared?batch=1' },
      { url: input({ token: '' }) },
      { url: input({ token: 'x'.repeat(129) }) },
      { url: input({ token: 42 }) },
      { url: input({}) },
      { url: input({ token: 'nul\u0000' }) },
      { url: input({ token: '\ud800' }) },
      {
        url: `/trpc/report.shared?input=${encodeURIComponent(`{"token":"${links.open}","__proto__":{"x":1}}`)}`,
      },
      { url: input([links.open]) },
      { url: input('token') },
      { url: input(null) },
      { url: '/trpc/report.shared' },
      { url: '/trpc/report.shared?input=' },
      { url: '/trpc/report.shared?input=%7B' },
      { url: '/trpc/report.shared?input=%E0%A4%A' },
      {
        url: `/trpc/report.shared?input=${encodeURIComponent(JSON.stringify({ token: links.open })).replaceAll('%20', '+')}`,
      },
      { url: `${input({ token: links.open })}&batch=1` },
      {
        url: `/trpc/report.shared?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { token: links.open } }))}`,
      },
      { url: `${input({ token: links.open })}&input=%7B%7D` },
      { url: input({ token: links.open }), headers: { 'trpc-accept': 'application/jsonl' } },
      { url: input({ token: links.open }), headers: { accept: 'application/jsonl' } },
      { url: input({ token: links.open }), headers: { 'content-type': 'text/plain' } },
      { url: input({ token: links.open }), headers: { cookie: 'better-auth.session_token=forged.c2ln' } },
      { method: 'HEAD', url: input({ token: links.open }) },
      {
        method: 'POST',
        url: '/trpc/report.shared',
        headers: { origin: ORIGIN, 'content-type': 'application/json' },
      },
    ];
    for (const sent of requests) {
      const answers = await both(sent);
      expect({ sent, ...answers.direct }).toEqual({ sent, ...answers.viaTrpc });
    }
    const unknown = await both({ url: input({ token: 'no-such-token' }) });
    expect(unknown.direct.status).toBe(404);
    expect(JSON.parse(unknown.direct.body).error.data).toMatchObject({
      code: 'NOT_FOUND',
      domainCode: 'SHARE_LINK_NOT_FOUND',
      path: 'report.shared',
    });
  });

  it('refuses a client past the failed-lookup limit, even for a real link, as tRPC does', async () => {
    const ip = nextIp();
    for (let i = 0; i < SHARE_LOOKUP_LIMIT.max; i += 1) {
      // The window started half a second ago, so both answers name the same seconds to wait.
      await hitRateLimit(handle.db, {
        key: `report-share:${ip}`,
        ...SHARE_LOOKUP_LIMIT,
        now: Date.now() - 500,
      });
    }
    for (const url of [input({ token: links.open }), batchOfOne({ token: 'no-such-token' })]) {
      const answers = await both({ url, ip });
      expect(answers.direct.status).toBe(429);
      expect(answers.direct).toEqual(answers.viaTrpc);
    }
  });

  it('counts one failed lookup per unknown token and one open per view', async () => {
    const ip = nextIp();
    for (let i = 0; i < 3; i += 1) {
      await direct.inject({ method: 'GET', url: input({ token: `unknown-${i}` }), remoteAddress: ip });
    }
    const [counted] = await handle.db
      .select({ count: schema.rateLimit.count })
      .from(schema.rateLimit)
      .where(sql`${schema.rateLimit.key} = ${`report-share:${ip}`}`);
    expect(counted?.count).toBe(3);

    const opened = async () =>
      (await listShareLinks(handle.db, { projectId: links.projectId })).find((l) => l.id === links.linkId)
        ?.openCount ?? 0;
    const before = await opened();
    for (let i = 0; i < 4; i += 1) {
      await direct.inject({ method: 'GET', url: input({ token: links.open }), remoteAddress: nextIp() });
    }
    expect(await opened()).toBe(before + 4);
  });

  it('hides an unexpected failure as tRPC does (last: it breaks the database)', async () => {
    await handle.db.execute(sql`drop table report_decision cascade`);
    const answers = await both({ url: input({ token: links.open }) });
    expect(answers.direct.status).toBe(500);
    expect(answers.direct).toEqual(answers.viaTrpc);
    expect(JSON.parse(answers.direct.body).error.message).toBe('Something went wrong on our side.');
  });
});
