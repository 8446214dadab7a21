// `raisin agreement FILE --push` against a real server process (main.ts on a fresh PGlite folder): the
// token from RAISIN_TOKEN only, the batch stored and linked, --min-alpha still deciding exit 1, bad input
// exit 2, a refused or failed push exit 3 with the server's sentence.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Client,
  call,
  freePort,
  type Running,
  signUp,
  startServer,
  stop,
  trpcData,
} from '@raisin/server/test/server-process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../../..');
const FILE = join(ROOT, 'packages/core/src/agreement/reference-data/krippendorff2011.long.csv');
const BIN = join(ROOT, 'apps/cli/bin/raisin.mjs');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI from its sources (no bundle to rebuild), with `env` on top of a clean environment. */
function raisin(args: readonly string[], env: Record<string, string>, input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { env: { PATH: process.env.PATH ?? '', RAISIN_CLI_FROM_SOURCE: '1', ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
    if (input !== undefined) child.stdin?.end(input);
    else child.stdin?.end();
  });
}

interface Sample {
  id: string;
  name: string;
  pushedBy: string | null;
  url: string;
}

let dir = '';
let server: Running | undefined;
let owner: Client;
let projectId = '';
let editorToken = '';
let viewerToken = '';

async function listSamples(): Promise<Sample[]> {
  const response = await fetch(`${server?.origin}/api/v1/projects/${projectId}/samples`, {
    headers: { authorization: `Bearer ${viewerToken}` },
  });
  return ((await response.json()) as { samples: Sample[] }).samples;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'raisin-push-'));
  server = await startServer({ RAISIN_DATA_DIR: join(dir, 'db'), LOG_LEVEL: 'warn' });
  owner = await signUp(server.origin, 'pusher');
  const workspace = trpcData<{ id: string }>(
    await call(server.origin, owner, '/trpc/workspaces.create', { name: 'CI' }),
  );
  projectId = trpcData<{ id: string }>(
    await call(server.origin, owner, '/trpc/projects.create', { workspaceId: workspace.id, name: 'Batches' }),
  ).id;
  const token = async (role: string, name: string) =>
    trpcData<{ token: string }>(
      await call(server?.origin ?? '', owner, '/trpc/apiTokens.create', {
        workspaceId: workspace.id,
        name,
        role,
      }),
    ).token;
  editorToken = await token('editor', 'GitHub Actions');
  viewerToken = await token('viewer', 'Dashboard');
}, 120_000);

afterAll(async () => {
  if (server) await stop(server);
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

/** The arguments that push to the test server's project. */
const pushArgs = () => ['--push', '--server', server?.origin ?? '', '--project', projectId];

describe('raisin agreement --push', () => {
  it('scores locally, stores the batch under its file name with the token name, and prints its link', async () => {
    const run = await raisin(['agreement', FILE, ...pushArgs(), '--min-alpha', '0.5'], {
      RAISIN_TOKEN: editorToken,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Krippendorff α (nominal)');
    const link = /Recorded as "krippendorff2011\.long": (\S+)/.exec(run.stdout)?.[1];
    expect(link).toBeDefined();
    const samples = await listSamples();
    expect(samples.at(-1)).toMatchObject({
      name: 'krippendorff2011.long',
      pushedBy: 'GitHub Actions',
      url: link,
    });
  });

  it('still exits 1 below --min-alpha after recording the batch; with --json stdout stays one object', async () => {
    const before = (await listSamples()).length;
    const run = await raisin(
      ['agreement', FILE, '--json', ...pushArgs(), '--name', 'Week 12', '--min-alpha', '0.99'],
      { RAISIN_TOKEN: editorToken },
    );
    expect(run.code).toBe(1);
    const printed = JSON.parse(run.stdout) as {
      krippendorffAlpha: { nominal: number };
      source: { format: string };
    };
    expect(printed.source.format).toBe('long');
    expect(run.stderr).toMatch(/Recorded as "Week 12": http/);
    expect(run.stderr).toMatch(/below the required 0.99/);
    const samples = await listSamples();
    expect(samples).toHaveLength(before + 1);
    // The stored batch reads the same α the CLI printed.
    const stored = await fetch(
      `${server?.origin}/api/v1/projects/${projectId}/samples/${samples.at(-1)?.id}`,
      {
        headers: { authorization: `Bearer ${viewerToken}` },
      },
    );
    const result = (await stored.json()) as { agreement: { krippendorffAlpha: { nominal: number } } };
    expect(result.agreement.krippendorffAlpha.nominal).toBeCloseTo(printed.krippendorffAlpha.nominal, 12);
  });

  it('pushes standard input too', async () => {
    const run = await raisin(
      ['agreement', '-', ...pushArgs(), '--name', 'From stdin'],
      { RAISIN_TOKEN: editorToken },
      readFileSync(FILE, 'utf8'),
    );
    expect(run.code).toBe(0);
    expect((await listSamples()).at(-1)?.name).toBe('From stdin');
  });

  it('refuses a token argument and a missing RAISIN_TOKEN or --server with exit 2, before any work', async () => {
    const withArgument = await raisin(['agreement', FILE, ...pushArgs(), '--token', editorToken], {});
    expect(withArgument.code).toBe(2);
    expect(withArgument.stderr).toMatch(/--token is not accepted.*RAISIN_TOKEN/);
    const noToken = await raisin(['agreement', FILE, ...pushArgs()], {});
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toMatch(/RAISIN_TOKEN/);
    const noServer = await raisin(['agreement', FILE, '--push', '--project', projectId], {
      RAISIN_TOKEN: editorToken,
    });
    expect(noServer.code).toBe(2);
    expect(noServer.stderr).toMatch(/--server/);
  });

  it("exits 3 with the server's sentence when the push is refused or the server cannot be reached", async () => {
    const before = (await listSamples()).length;
    const viewer = await raisin(['agreement', FILE, ...pushArgs()], { RAISIN_TOKEN: viewerToken });
    expect(viewer.code).toBe(3);
    expect(viewer.stderr).toMatch(/not recorded: HTTP 403: .*editor token/);
    const unknown = await raisin(['agreement', FILE, ...pushArgs()], { RAISIN_TOKEN: 'raisin_nonsense' });
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toMatch(/HTTP 401: This API token is not valid/);
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    const offline = await raisin(['agreement', FILE, '--push', '--server', nowhere, '--project', projectId], {
      RAISIN_TOKEN: editorToken,
    });
    expect(offline.code).toBe(3);
    expect(offline.stderr).toMatch(/cannot reach/);
    expect((await listSamples()).length).toBe(before);
  });

  it('keeps exit 2 for a file it cannot read, and pushes nothing', async () => {
    const before = (await listSamples()).length;
    const run = await raisin(
      ['agreement', '-', '--format', 'long', ...pushArgs()],
      { RAISIN_TOKEN: editorToken },
      'item,annotator,label\n1,a,x\n1,b,y,extra\n',
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/stdin:3/);
    expect((await listSamples()).length).toBe(before);
  });
});
