// Faults under a real server process: SIGKILL in the middle of an upload and of worksheet saves, on
// each database, and a PostgreSQL outage (a TCP proxy cut) under a running server.
import { request } from 'node:http';
import { DATABASE_UNAVAILABLE_MESSAGE } from '@raisin/api';
import { QUESTION_BANK } from '@raisin/core/worksheet';
import type { DbHandle } from '@raisin/db';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  type Client,
  call,
  crash,
  type HttpResult,
  isRunning,
  type Running,
  type ServerDatabase,
  serverDatabaseKinds,
  signUp,
  startServer,
  stop,
  trpcData,
  trpcErrorCode,
  trpcQuery,
  withThrowawayPostgres,
} from './server-process';
import { startTcpProxy } from './tcp-proxy';

interface Seeded {
  readonly client: Client;
  readonly projectId: string;
}

async function seedProject(origin: string): Promise<Seeded> {
  const client = await signUp(origin, 'faults');
  const workspace = trpcData<{ id: string }>(
    await call(origin, client, '/trpc/workspaces.create', { name: 'Faults' }),
  );
  const project = trpcData<{ id: string }>(
    await call(origin, client, '/trpc/projects.create', { workspaceId: workspace.id, name: 'Under fire' }),
  );
  return { client, projectId: project.id };
}

/** A long CSV of three annotators per item, labels from a fixed formula (deterministic, partly agreeing). */
function labeledCsv(items: number): Buffer {
  const lines = ['item,annotator,label'];
  for (let i = 0; i < items; i += 1) {
    for (let a = 0; a < 3; a += 1) lines.push(`item-${i},ann-${a},${(i * 7 + (i % 5 === 0 ? a : 0)) % 4}`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

function multipart(name: string) {
  const boundary = '----raisin-faults-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\n${name}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="labels.csv"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { head, tail, contentType: `multipart/form-data; boundary=${boundary}` };
}

type Interruption = 'mid-body' | 'while-scoring';

/**
 * Sends an upload and SIGKILLs the server mid-way: with half the file sent, or right after the server
 * announced it is scoring (the sample is then being scored and stored).
 */
function uploadAndCrash(server: Running, seeded: Seeded, csv: Buffer, when: Interruption): Promise<void> {
  const { head, tail, contentType } = multipart(`interrupted ${when}`);
  const url = new URL(`/api/projects/${seeded.projectId}/agreement/samples`, server.origin);
  return new Promise<void>((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: {
        origin: server.origin,
        cookie: seeded.client.cookie,
        'content-type': contentType,
        'content-length': head.length + csv.length + tail.length,
      },
    });
    // The connection dies with the server: that is the point.
    req.on('error', () => undefined);
    req.on('response', (response) => {
      response.on('error', () => undefined);
      response.once('data', () => {
        if (when === 'while-scoring') void crash(server).then(() => resolve(), reject);
      });
    });
    req.write(head);
    const half = csv.subarray(0, csv.length / 2);
    req.write(half, () => {
      if (when === 'mid-body') void crash(server).then(() => resolve(), reject);
      else req.end(Buffer.concat([csv.subarray(half.length), tail]));
    });
  });
}

async function upload(server: Running, seeded: Seeded, csv: Buffer, name: string) {
  const { head, tail, contentType } = multipart(name);
  const response = await fetch(`${server.origin}/api/projects/${seeded.projectId}/agreement/samples`, {
    method: 'POST',
    headers: { origin: server.origin, cookie: seeded.client.cookie, 'content-type': contentType },
    body: Buffer.concat([head, csv, tail]),
  });
  const lines = (await response.text()).trim().split('\n');
  return { status: response.status, last: JSON.parse(lines.at(-1) ?? 'null') as { type: string } };
}

async function countRows(handle: DbHandle, query: ReturnType<typeof sql>): Promise<number> {
  const result = (await handle.db.execute(query)) as unknown as { rows: Array<{ n: number | string }> };
  return Number(result.rows[0]?.n);
}

/** Nothing half-written, checked in the database itself once no server holds it. */
async function expectNothingHalfWritten(database: ServerDatabase): Promise<void> {
  const handle = await database.open();
  try {
    const samplesWithoutData = await countRows(
      handle,
      sql`select count(*) as n from agreement_sample s
          where not exists (select 1 from agreement_sample_data d where d.sample_id = s.id)`,
    );
    const versionsWithoutSnapshot = await countRows(
      handle,
      sql`select count(*) as n from report_version
          where snapshot is null or (snapshot->'version'->>'number')::int is distinct from number`,
    );
    const answersWithoutHistory = await countRows(
      handle,
      sql`select count(*) as n from worksheet_answer a
          where not exists (select 1 from worksheet_answer_history h
            where h.project_id = a.project_id and h.question_id = a.question_id and h.version = a.version)`,
    );
    expect({ samplesWithoutData, answersWithoutHistory, versionsWithoutSnapshot }).toEqual({
      samplesWithoutData: 0,
      answersWithoutHistory: 0,
      versionsWithoutSnapshot: 0,
    });
  } finally {
    await handle.close();
  }
}

interface Answer {
  questionId: string;
  value: { kind: string; value: string } | null;
  version: number;
}

const TEXT_QUESTIONS = QUESTION_BANK.filter((q) => q.kind === 'short-text').map((q) => q.id);

async function crashDuringUploads(database: ServerDatabase): Promise<void> {
  const csv = labeledCsv(5_000);
  let server = await startServer(database.env);
  try {
    const seeded = await seedProject(server.origin);
    const acknowledged = await upload(server, seeded, csv, 'acknowledged');
    expect(acknowledged).toMatchObject({ status: 200, last: { type: 'done' } });

    for (const when of ['mid-body', 'while-scoring'] as const) {
      await uploadAndCrash(server, seeded, csv, when);
      expect(isRunning(server)).toBe(false);
      server = await startServer(database.env);
      const samples = trpcData<Array<{ name: string }>>(
        await call(
          server.origin,
          seeded.client,
          `/trpc/agreement.list${trpcQuery({ projectId: seeded.projectId })}`,
        ),
      );
      // The acknowledged sample is there; a half-sent file never is (a fully sent one may have committed).
      expect(samples.map((s) => s.name)).toContain('acknowledged');
      if (when === 'mid-body') expect(samples.map((s) => s.name)).not.toContain('interrupted mid-body');
      // The interrupted upload can simply be sent again.
      const retried = await upload(server, seeded, csv, `retried ${when}`);
      expect(retried).toMatchObject({ status: 200, last: { type: 'done' } });
    }
    expect(await stop(server)).toEqual({ code: 0, signal: null });
  } finally {
    if (isRunning(server)) await crash(server);
  }
  await expectNothingHalfWritten(database);
}

/**
 * Sends every request at once and SIGKILLs the server as soon as `stopAfter` were acknowledged; resolves
 * with every acknowledged answer (those already on the wire when the kill landed included).
 */
async function crashAfterAcknowledged<T>(
  server: Running,
  requests: ReadonlyArray<() => Promise<HttpResult>>,
  stopAfter: number,
): Promise<T[]> {
  const acknowledged: T[] = [];
  let crashed: Promise<void> | undefined;
  await Promise.allSettled(
    requests.map(async (send) => {
      const result = await send();
      if (result.status !== 200) return;
      acknowledged.push(trpcData<T>(result));
      if (acknowledged.length === stopAfter) crashed = crash(server);
    }),
  );
  await crashed;
  expect(isRunning(server)).toBe(false);
  expect(acknowledged.length).toBeGreaterThanOrEqual(stopAfter);
  return acknowledged;
}

async function crashDuringSaves(database: ServerDatabase): Promise<void> {
  let server = await startServer(database.env);
  try {
    const seeded = await seedProject(server.origin);
    const first = server;
    const acknowledged = await crashAfterAcknowledged<Answer>(
      first,
      TEXT_QUESTIONS.map(
        (questionId) => () =>
          call(first.origin, seeded.client, '/trpc/worksheet.save', {
            projectId: seeded.projectId,
            questionId,
            baseVersion: 0,
            value: `saved before the crash: ${questionId}`,
          }),
      ),
      Math.floor(TEXT_QUESTIONS.length / 3),
    );

    server = await startServer(database.env);
    const stored = trpcData<{ answers: Answer[] }>(
      await call(
        server.origin,
        seeded.client,
        `/trpc/worksheet.get${trpcQuery({ projectId: seeded.projectId })}`,
      ),
    ).answers;
    const byQuestion = new Map(stored.map((answer) => [answer.questionId, answer]));
    for (const answer of acknowledged) {
      expect(byQuestion.get(answer.questionId)).toEqual(answer);
    }
    // Every interrupted save can be retried from what the server now holds.
    for (const questionId of TEXT_QUESTIONS) {
      const retried = await call(server.origin, seeded.client, '/trpc/worksheet.save', {
        projectId: seeded.projectId,
        questionId,
        baseVersion: byQuestion.get(questionId)?.version ?? 0,
        value: `retried after the crash: ${questionId}`,
      });
      expect(trpcData<Answer>(retried).value?.value).toBe(`retried after the crash: ${questionId}`);
    }
    expect(await stop(server)).toEqual({ code: 0, signal: null });
  } finally {
    if (isRunning(server)) await crash(server);
  }
  await expectNothingHalfWritten(database);
}

interface PublishedVersion {
  id: string;
  number: number;
}

async function crashDuringPublishes(database: ServerDatabase): Promise<void> {
  let server = await startServer(database.env);
  try {
    const seeded = await seedProject(server.origin);
    const first = server;
    const acknowledged = await crashAfterAcknowledged<PublishedVersion>(
      first,
      Array.from(
        { length: 12 },
        (_, i) => () =>
          call(first.origin, seeded.client, '/trpc/report.publish', {
            projectId: seeded.projectId,
            note: `publish ${i}`,
          }),
      ),
      3,
    );

    server = await startServer(database.env);
    const versionsPath = `/trpc/report.versions${trpcQuery({ projectId: seeded.projectId })}`;
    const stored = trpcData<PublishedVersion[]>(await call(server.origin, seeded.client, versionsPath));
    for (const version of acknowledged) {
      expect(stored).toContainEqual(expect.objectContaining({ id: version.id, number: version.number }));
    }
    // Numbers stay dense (each publish took the next one under the project's lock), and publishing again works.
    const numbers = stored.map((v) => v.number).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    const retried = trpcData<PublishedVersion>(
      await call(server.origin, seeded.client, '/trpc/report.publish', {
        projectId: seeded.projectId,
        note: 'retried',
      }),
    );
    expect(retried.number).toBe(numbers.length + 1);
    expect(await stop(server)).toEqual({ code: 0, signal: null });
  } finally {
    if (isRunning(server)) await crash(server);
  }
  await expectNothingHalfWritten(database);
}

describe('faults', () => {
  for (const kind of serverDatabaseKinds()) {
    it(
      `[${kind.label}] SIGKILL during uploads: nothing half-written, the upload can be retried`,
      { timeout: 240_000 },
      () => kind.use(crashDuringUploads),
    );
    it(
      `[${kind.label}] SIGKILL during worksheet saves: every acknowledged save is kept`,
      { timeout: 180_000 },
      () => kind.use(crashDuringSaves),
    );
    it(
      `[${kind.label}] SIGKILL during report publishes: every acknowledged version is kept, with its snapshot`,
      { timeout: 180_000 },
      () => kind.use(crashDuringPublishes),
    );
  }

  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    it('[postgres] a database outage gives 503s and /readyz says so; the server recovers without a restart', {
      timeout: 120_000,
    }, async () => {
      await withThrowawayPostgres(adminUrl, 'raisin_outage', async (url) => {
        const direct = new URL(url);
        const proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
        const proxied = new URL(url);
        proxied.host = `127.0.0.1:${proxy.port}`;
        const server = await startServer({ DATABASE_URL: proxied.toString() });
        try {
          const seeded = await seedProject(server.origin);
          const listPath = `/trpc/projects.get${trpcQuery({ projectId: seeded.projectId })}`;
          expect((await call(server.origin, seeded.client, listPath)).status).toBe(200);

          proxy.cut();
          const during = await call(server.origin, seeded.client, listPath);
          expect(during.status).toBe(503);
          expect(trpcErrorCode(during)).toBe('SERVICE_UNAVAILABLE');
          expect(JSON.stringify(during.json)).toContain(DATABASE_UNAVAILABLE_MESSAGE);
          expect(JSON.stringify(during.json)).not.toMatch(/stack|at .*\.ts:\d+/);
          const save = await call(server.origin, seeded.client, '/trpc/worksheet.save', {
            projectId: seeded.projectId,
            questionId: 'A.end-user',
            baseVersion: 0,
            value: 'sent during the outage',
          });
          expect(save.status).toBe(503);
          // The process itself is fine: liveness stays green, so an orchestrator does not restart it.
          expect((await call(server.origin, { cookie: '' }, '/healthz')).status).toBe(200);
          const ready = await call(server.origin, { cookie: '' }, '/readyz');
          expect(ready).toEqual({
            status: 503,
            json: { status: 'unavailable', reason: 'database unreachable' },
          });

          proxy.restore();
          // The pool replaces the connections it lost: no restart, and the refused save can be retried.
          expect((await call(server.origin, { cookie: '' }, '/readyz')).status).toBe(200);
          expect((await call(server.origin, seeded.client, listPath)).status).toBe(200);
          const retried = await call(server.origin, seeded.client, '/trpc/worksheet.save', {
            projectId: seeded.projectId,
            questionId: 'A.end-user',
            baseVersion: 0,
            value: 'sent after the outage',
          });
          expect(trpcData<Answer>(retried).version).toBe(1);
          expect(await stop(server)).toEqual({ code: 0, signal: null });
        } finally {
          if (isRunning(server)) await crash(server);
          await proxy.close();
        }
      });
    });
  }
});
