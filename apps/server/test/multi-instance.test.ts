// Scale-out: two Raisin instances on one database behave as one service. On PostgreSQL (TEST_DATABASE_URL)
// they are two real server processes; on PGlite, which one process owns, two app instances in this
// process share the handle, which still shows that no instance keeps state the other would need.
import { createDb, type DbHandle, migrateDb } from '@raisin/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, loadConfig } from '../src/index';
import {
  type Client,
  call,
  createThrowawayPostgres,
  freePort,
  type HttpResult,
  isRunning,
  type Running,
  signUp,
  startServer,
  stop,
  type ThrowawayPostgres,
  trpcData,
  trpcErrorCode,
  trpcQuery,
} from './server-process';

const ROUNDS = 5;

interface Project {
  id: string;
  name: string;
  version: number;
}

interface Answer {
  value: { kind: string; value: string } | null;
  version: number;
}

/** Signs in again on another instance: a second session of the same user, as a second browser tab would be. */
async function signInOn(origin: string, email: string): Promise<Client> {
  const client: Client = { cookie: '' };
  const result = await call(origin, client, '/api/auth/sign-in/email', {
    email,
    password: 'correct horse battery staple',
  });
  expect(result.status).toBe(200);
  return client;
}

/** The single successful answer of a race (the loser's CONFLICT is checked by the caller). */
function onlySuccess(results: readonly HttpResult[]): HttpResult {
  const successes = results.filter((result) => result.status === 200);
  expect(successes).toHaveLength(1);
  return successes[0] as HttpResult;
}

function scaleOutSuite(instances: () => readonly [string, string]) {
  it('a session made on one instance is valid on the other, and signing out on one ends it on both', async () => {
    const [a, b] = instances();
    const alice = await signUp(a, 'alice');
    const me = trpcData<{ user: { email: string } | null }>(await call(b, alice, '/trpc/session.me'));
    expect(me.user?.email).toBe(alice.email);

    expect((await call(b, alice, '/api/auth/sign-out', {})).status).toBe(200);
    const replayed = { cookie: alice.cookie };
    const after = trpcData<{ user: unknown }>(await call(a, replayed, '/trpc/session.me'));
    expect(after.user).toBeNull();
  });

  it('an edit made through one instance is seen through the other', async () => {
    const [a, b] = instances();
    const alice = await signUp(a, 'alice');
    const workspace = trpcData<{ id: string }>(
      await call(a, alice, '/trpc/workspaces.create', { name: 'Shared' }),
    );
    const created = trpcData<Project>(
      await call(b, alice, '/trpc/projects.create', { workspaceId: workspace.id, name: 'Made on B' }),
    );
    const listed = trpcData<Project[]>(
      await call(a, alice, `/trpc/projects.list${trpcQuery({ workspaceId: workspace.id })}`),
    );
    expect(listed.map((p) => p.name)).toEqual(['Made on B']);

    trpcData(
      await call(a, alice, '/trpc/worksheet.save', {
        projectId: created.id,
        questionId: 'A.end-user',
        baseVersion: 0,
        value: 'Saved through A',
      }),
    );
    const seen = trpcData<{ answers: Array<{ questionId: string } & Answer> }>(
      await call(b, alice, `/trpc/worksheet.get${trpcQuery({ projectId: created.id })}`),
    );
    expect(seen.answers).toEqual([
      expect.objectContaining({
        questionId: 'A.end-user',
        version: 1,
        value: expect.objectContaining({ value: 'Saved through A' }),
      }),
    ]);
  });

  it('an API token made on one instance works on the other, and revoking it on one refuses it on both at once', async () => {
    const [a, b] = instances();
    const owner = await signUp(a, 'tokens');
    const workspace = trpcData<{ id: string }>(
      await call(a, owner, '/trpc/workspaces.create', { name: 'CI' }),
    );
    const project = trpcData<{ id: string }>(
      await call(a, owner, '/trpc/projects.create', { workspaceId: workspace.id, name: 'Batches' }),
    );
    const created = trpcData<{ id: string; token: string }>(
      await call(a, owner, '/trpc/apiTokens.create', {
        workspaceId: workspace.id,
        name: 'Nightly',
        role: 'viewer',
      }),
    );
    const list = (origin: string) =>
      fetch(`${origin}/api/v1/projects/${project.id}/samples`, {
        headers: { authorization: `Bearer ${created.token}` },
      });
    expect((await list(b)).status).toBe(200);
    expect((await list(a)).status).toBe(200);

    trpcData(
      await call(b, owner, '/trpc/apiTokens.revoke', { workspaceId: workspace.id, tokenId: created.id }),
    );
    // The very next request on either instance is refused: no instance kept the token.
    for (const origin of [a, b]) {
      const refused = await list(origin);
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as { message: string }).message).toMatch(/revoked/);
    }
  });

  it('concurrent conflicting edits through both instances: one wins, the other gets CONFLICT, nothing is lost', async () => {
    const [a, b] = instances();
    const onA = await signUp(a, 'editor');
    const onB = await signInOn(b, onA.email);
    const workspace = trpcData<{ id: string }>(
      await call(a, onA, '/trpc/workspaces.create', { name: 'Race' }),
    );
    let project = trpcData<Project>(
      await call(a, onA, '/trpc/projects.create', { workspaceId: workspace.id, name: 'Round 0' }),
    );
    let answerVersion = 0;

    for (let round = 1; round <= ROUNDS; round += 1) {
      const base = project.version;
      const renames = await Promise.all([
        call(a, onA, '/trpc/projects.update', {
          projectId: project.id,
          version: base,
          name: `A wins ${round}`,
        }),
        call(b, onB, '/trpc/projects.update', {
          projectId: project.id,
          version: base,
          name: `B wins ${round}`,
        }),
      ]);
      const renameCodes = renames.map(trpcErrorCode).sort();
      expect(renameCodes).toEqual(['CONFLICT', null].sort());
      const winner = trpcData<Project>(onlySuccess(renames));
      expect(renames.find((r) => r.status !== 200)?.status).toBe(409);
      // Both instances now read the winner's name at the next version: the loser overwrote nothing.
      for (const [origin, client] of [
        [a, onA],
        [b, onB],
      ] as const) {
        project = trpcData<Project>(
          await call(origin, client, `/trpc/projects.get${trpcQuery({ projectId: project.id })}`),
        );
        expect(project).toMatchObject({ name: winner.name, version: base + 1 });
      }

      const saves = await Promise.all([
        call(a, onA, '/trpc/worksheet.save', {
          projectId: project.id,
          questionId: 'A.decision-owner',
          baseVersion: answerVersion,
          value: `A answered in round ${round}`,
        }),
        call(b, onB, '/trpc/worksheet.save', {
          projectId: project.id,
          questionId: 'A.decision-owner',
          baseVersion: answerVersion,
          value: `B answered in round ${round}`,
        }),
      ]);
      expect(saves.map(trpcErrorCode).sort()).toEqual(['CONFLICT', null].sort());
      const saved = trpcData<Answer>(onlySuccess(saves));
      expect(saved.version).toBe(answerVersion + 1);
      answerVersion = saved.version;
      const history = trpcData<Array<{ version: number; newValue: Answer['value'] }>>(
        await call(
          b,
          onB,
          `/trpc/worksheet.history${trpcQuery({ projectId: project.id, questionId: 'A.decision-owner' })}`,
        ),
      );
      // One history entry per accepted save: the rejected one left no trace.
      expect(history.map((h) => h.version).sort((x, y) => y - x)).toEqual(
        Array.from({ length: round }, (_, i) => round - i),
      );
      expect(history.find((h) => h.version === answerVersion)?.newValue).toEqual(saved.value);
    }
  });
}

describe('two instances on one PGlite database [pglite]', () => {
  let handle: DbHandle | undefined;
  const apps: Awaited<ReturnType<typeof buildApp>>[] = [];
  const origins: string[] = [];
  beforeAll(async () => {
    handle = await createDb();
    await migrateDb(handle.db, handle.driver);
    for (let i = 0; i < 2; i += 1) {
      const port = await freePort();
      const origin = `http://127.0.0.1:${port}`;
      const config = loadConfig({
        PORT: String(port),
        HOST: '127.0.0.1',
        RAISIN_PUBLIC_URL: origin,
        LOG_LEVEL: 'silent',
      });
      const app = await buildApp(config, handle);
      await app.listen({ port, host: '127.0.0.1' });
      apps.push(app);
      origins.push(origin);
    }
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await handle?.close();
  });
  scaleOutSuite(() => [origins[0] ?? '', origins[1] ?? '']);
});

const adminUrl = process.env.TEST_DATABASE_URL;
// Only when a PostgreSQL server is offered (as describeOnEachDatabase does); a database of its own, dropped after.
if (adminUrl) {
  describe('two server processes on one PostgreSQL database [postgres]', () => {
    const servers: Running[] = [];
    let database: ThrowawayPostgres | undefined;
    beforeAll(async () => {
      database = await createThrowawayPostgres(adminUrl, 'raisin_multi');
      const env = { DATABASE_URL: database.url };
      // Started together, as an orchestrator would: their migrations take turns on the advisory lock.
      servers.push(...(await Promise.all([startServer(env), startServer(env)])));
    }, 120_000);
    afterAll(async () => {
      for (const server of servers) {
        if (isRunning(server)) expect(await stop(server)).toEqual({ code: 0, signal: null });
      }
      await database?.drop();
    }, 60_000);
    scaleOutSuite(() => [servers[0]?.origin ?? '', servers[1]?.origin ?? '']);
  });
}
