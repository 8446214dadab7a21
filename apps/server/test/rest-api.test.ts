// The REST API v1 through the real app (Fastify inject), on PGlite and, with TEST_DATABASE_URL, on
// PostgreSQL: bearer tokens and their scope, role and expiry, pushes of labeled files as raw bodies, the
// listing and the stored result, every refusal's JSON, the per-token rate limit, and the OpenAPI document
// checked by an OpenAPI 3.1 validator and against real answers.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { computeAgreement, parseSample, toAgreementJson } from '@raisin/core';
import {
  createApiToken,
  type DbHandle,
  listAgreementSamples,
  revokeApiToken,
  schema,
  setAgreementThreshold,
  storedReportOptions,
} from '@raisin/db';
import { Validator } from '@seriousme/openapi-schema-validator';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleListSchema, sampleResultSchema } from '../src/rest/schemas';
import {
  appDatabases,
  appOver,
  type OpenedDatabase,
  ORIGIN,
  type SignedUp,
  signUpWithProject,
} from './helpers';

const REFERENCE = readFileSync(
  fileURLToPath(
    new URL('../../../packages/core/src/agreement/reference-data/krippendorff2011.wide.csv', import.meta.url),
  ),
  'utf8',
);
const UPLOAD_LIMIT = 8 * 1024;

const appOn = (handle: DbHandle, env: Record<string, string> = {}) =>
  appOver(handle, { RAISIN_UPLOAD_LIMIT: String(UPLOAD_LIMIT), ...env });

describe.each(appDatabases('raisin_rest'))('REST API v1 [$label]', ({ open }) => {
  let opened: OpenedDatabase;
  let app: FastifyInstance;
  let owner: SignedUp;
  let workspaceId: string;
  let projectId: string;
  let editorToken: string;
  let viewerToken: string;

  async function token(role: 'editor' | 'viewer', name: string, expiresAt: Date | null = null) {
    return createApiToken(opened.handle.db, {
      workspaceId,
      name,
      role,
      expiresAt,
      actorId: owner.userId,
      actorRole: 'owner',
    });
  }

  function call(
    method: 'GET' | 'POST',
    url: string,
    options: { token?: string | null; body?: string | Buffer; headers?: Record<string, string> } = {},
  ) {
    return app.inject({
      method,
      url,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body === undefined ? {} : { 'content-type': 'text/csv' }),
        ...options.headers,
      },
      ...(options.body === undefined ? {} : { payload: options.body }),
    });
  }

  const samplesUrl = (project = projectId) => `/api/v1/projects/${project}/samples`;

  beforeAll(async () => {
    opened = await open();
    app = await appOn(opened.handle);
    ({ owner, workspaceId, projectId } = await signUpWithProject(app, 'rest-owner', {
      workspace: 'Pipelines',
      project: 'Batches',
    }));
    editorToken = (await token('editor', 'Nightly labels')).token;
    viewerToken = (await token('viewer', 'Dashboard')).token;
  });

  afterAll(async () => {
    await app?.close();
    await opened?.dispose();
  });

  it('serves an OpenAPI 3.1 document that a validator accepts, without a token', async () => {
    const response = await call('GET', '/api/v1/openapi.json');
    expect(response.statusCode).toBe(200);
    const document = response.json<Record<string, unknown>>();
    expect(document.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(Object.keys(document.paths as object).sort()).toEqual([
      '/api/v1/projects/{projectId}/samples',
      '/api/v1/projects/{projectId}/samples/{sampleId}',
    ]);
  });

  it('pushes a file as the raw body: 201 with the sample, its link and the JSON the CLI prints', async () => {
    const pushed = await call('POST', `${samplesUrl()}?name=Week%201&format=wide`, {
      token: editorToken,
      body: REFERENCE,
    });
    expect(pushed.statusCode).toBe(201);
    const body = sampleResultSchema.parse(pushed.json());
    expect(body).toMatchObject({
      name: 'Week 1',
      pushedBy: 'Nightly labels',
      format: 'wide',
      url: `${ORIGIN}/w/${workspaceId}/p/${projectId}/agreement?sample=${body.id}`,
    });
    // The same object as `raisin agreement --json`, built by the same function from the same report.
    const parsed = parseSample(REFERENCE, { format: 'wide' });
    if (!parsed.ok) throw new Error(parsed.error.message);
    const { sample, format, duplicatesResolved, missingSpellings } = parsed.value;
    const report = computeAgreement(sample, storedReportOptions());
    expect(pushed.json().agreement).toEqual(
      JSON.parse(JSON.stringify(toAgreementJson(report, { format, duplicatesResolved, missingSpellings }))),
    );

    // Listed with the browser's samples, oldest first, marked with the token's name; and readable whole.
    const listed = await call('GET', samplesUrl(), { token: viewerToken });
    expect(listed.statusCode).toBe(200);
    const list = sampleListSchema.parse(listed.json());
    expect(list.samples.map((s) => [s.id, s.pushedBy])).toContainEqual([body.id, 'Nightly labels']);
    const one = await call('GET', `${samplesUrl()}/${body.id}`, { token: viewerToken });
    expect(one.statusCode).toBe(200);
    expect(sampleResultSchema.parse(one.json()).agreement).toEqual(pushed.json().agreement);
    // The app's own listing marks it too.
    const rows = await listAgreementSamples(opened.handle.db, { projectId });
    expect(rows.find((row) => row.id === body.id)?.pushedByToken).toBe('Nightly labels');

    // The project's batch threshold marks the batches below it.
    expect(list.threshold).toBeNull();
    expect(list.samples.every((s) => s.belowThreshold === null)).toBe(true);
    await setAgreementThreshold(opened.handle.db, {
      projectId,
      version: 1,
      threshold: 0.99,
      actorId: owner.userId,
    });
    const marked = sampleListSchema.parse((await call('GET', samplesUrl(), { token: viewerToken })).json());
    expect(marked.threshold).toBe(0.99);
    expect(marked.samples.find((s) => s.id === body.id)?.belowThreshold).toBe(true);
  });

  it('refuses without a token, with an unknown, revoked or expired one, and never reads cookies', async () => {
    const none = await call('GET', samplesUrl(), { headers: { cookie: owner.cookie } });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringMatching(/Bearer/) });
    const unknown = await call('GET', samplesUrl(), { token: 'raisin_not-a-real-token' });
    expect(unknown.statusCode).toBe(401);
    const revoked = await token('viewer', 'Old job');
    await revokeApiToken(opened.handle.db, { workspaceId, tokenId: revoked.id, actorId: owner.userId });
    const refused = await call('GET', samplesUrl(), { token: revoked.token });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().message).toMatch(/revoked/);
    const expiring = await token('viewer', 'Short-lived', new Date(Date.now() + 60_000));
    await opened.handle.db
      .update(schema.apiToken)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(schema.apiToken.id, expiring.id));
    const expired = await call('GET', samplesUrl(), { token: expiring.token });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().message).toMatch(/expired/);
  });

  it('keeps a token to its workspace and role: 403 for a viewer push or another workspace, 404 for nothing', async () => {
    const viewerPush = await call('POST', samplesUrl(), { token: viewerToken, body: REFERENCE });
    expect(viewerPush.statusCode).toBe(403);
    expect(viewerPush.json()).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/editor token/),
    });

    const theirs = await signUpWithProject(app, 'rest-stranger', {
      workspace: 'Theirs',
      project: 'Not yours',
    });
    const crossed = await call('GET', samplesUrl(theirs.projectId), { token: editorToken });
    expect(crossed.statusCode).toBe(403);
    expect(crossed.json().message).toMatch(/another workspace/);

    for (const url of [
      samplesUrl('00000000-0000-4000-8000-000000000000'),
      samplesUrl('not-a-uuid'),
      `${samplesUrl()}/00000000-0000-4000-8000-000000000000`,
    ]) {
      const missing = await call('GET', url, { token: viewerToken });
      expect(missing.statusCode, url).toBe(404);
      expect(missing.json().code).toBe('NOT_FOUND');
    }
  });

  it('answers 422 naming the line and column of a bad file, 400 for a bad option, 413 over the limit; stores nothing', async () => {
    const before = (await listAgreementSamples(opened.handle.db, { projectId })).length;
    const ragged = await call('POST', `${samplesUrl()}?format=long`, {
      token: editorToken,
      body: 'item,annotator,label\n1,a,x\n1,b,y,extra\n',
    });
    expect(ragged.statusCode).toBe(422);
    expect(ragged.json()).toMatchObject({
      code: 'INVALID_SAMPLE',
      message: expect.stringMatching(/line 3/i),
      issue: { line: 3, column: expect.any(Number) },
    });
    const badOption = await call('POST', `${samplesUrl()}?level=loud`, {
      token: editorToken,
      body: REFERENCE,
    });
    expect(badOption.statusCode).toBe(400);
    expect(badOption.json().message).toMatch(/^level:/);
    const huge = await call('POST', samplesUrl(), {
      token: editorToken,
      body: `item,annotator,label\n${'1,a,x\n'.repeat(UPLOAD_LIMIT / 4)}`,
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('PAYLOAD_TOO_LARGE');
    expect((await listAgreementSamples(opened.handle.db, { projectId })).length).toBe(before);
  });

  it('is not subject to the CSRF Origin check: a bearer token from any origin works', async () => {
    const pushed = await call('POST', `${samplesUrl()}?format=wide`, {
      token: editorToken,
      body: REFERENCE,
      headers: { origin: 'https://ci.example.com' },
    });
    expect(pushed.statusCode).toBe(201);
  });

  it('limits requests per token, across instances, with Retry-After', async () => {
    const limited = await appOn(opened.handle, { RAISIN_API_RATE_LIMIT: '3' });
    const other = await appOn(opened.handle, { RAISIN_API_RATE_LIMIT: '3' });
    try {
      const { token: busy } = await token('viewer', 'Busy job');
      const get = (instance: FastifyInstance) =>
        instance.inject({ method: 'GET', url: samplesUrl(), headers: { authorization: `Bearer ${busy}` } });
      const statuses = [
        (await get(limited)).statusCode,
        (await get(other)).statusCode,
        (await get(limited)).statusCode,
      ];
      expect(statuses).toEqual([200, 200, 200]);
      const over = await get(other);
      expect(over.statusCode).toBe(429);
      expect(over.json().code).toBe('TOO_MANY_REQUESTS');
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
      // Another token has its own count.
      const { token: calm } = await token('viewer', 'Calm job');
      const separate = await limited.inject({
        method: 'GET',
        url: samplesUrl(),
        headers: { authorization: `Bearer ${calm}` },
      });
      expect(separate.statusCode).toBe(200);
    } finally {
      await limited.close();
      await other.close();
    }
  });
});
