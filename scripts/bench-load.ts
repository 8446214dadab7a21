// `npm run bench:load`: HTTP load on a real server process over loopback (autocannon), on PGlite and, when
// BENCH_DATABASE_URL or TEST_DATABASE_URL names a PostgreSQL server, on a fresh database there (dropped
// after). Prints requests/s, p50/p99 latency and errors per scenario beside its target, and the server's
// resident memory before and after a soak. Bounded in time: `--duration` seconds per scenario (default
// 15), `--soak` seconds for the memory run (default 60). `--only pglite|postgres` picks one database.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import autocannon, { type Request, type Result } from 'autocannon';
import { REPO_ROOT } from '../apps/server/src/config';
import {
  call,
  cpuSeconds,
  createThrowawayPostgres,
  type Running,
  residentBytes,
  signUp,
  startServer,
  stop,
  trpcData,
  trpcQuery,
} from '../apps/server/test/server-process';
import { QUESTION_BANK } from '../packages/core/src/worksheet';
import { seedSharedReport, sharedReportScenarios } from './bench/load-report';
import { restScenarios, seedRest } from './bench/load-rest';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '15' },
    soak: { type: 'string', default: '60' },
    connections: { type: 'string', default: '10' },
    only: { type: 'string' },
  },
});
const DURATION_S = Number(args.duration);
const SOAK_S = Number(args.soak);
const CONNECTIONS = Number(args.connections);
const WARMUP_S = 2;
const SETTLE_MS = 1000;

export interface Target {
  readonly requestsPerSecond: number;
  readonly p99Ms: number;
}

export interface Scenario {
  readonly name: string;
  readonly target?: Target;
  /** How many of each connection's requests count for the rate (e.g. the saves of a save/read mix). */
  readonly countedShare?: number;
  /**
   * Always a `requests` list: autocannon ignores a top-level `path` when given an origin URL and would
   * load `/` instead (an early version of this bench measured the web app's index.html that way).
   */
  readonly options: { readonly requests: Request[] };
  /** Runs before each autocannon run of this scenario. */
  readonly before?: () => Promise<void>;
}

const TEXT_QUESTIONS = QUESTION_BANK.filter((q) => q.kind === 'short-text' || q.kind === 'long-text').map(
  (q) => q.id,
);

function formatMb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(0)} MB`;
}

function row(cells: readonly string[]): string {
  const widths = [34, 10, 9, 9, 8, 15, 26];
  return cells.map((cell, i) => cell.padEnd(widths[i] ?? 10)).join(' ');
}

/** The first error answer of each run, so a row with errors says what they were. */
let firstError: string | null = null;

function report(scenario: Scenario, result: Result, cpuPerRequestMs: number): boolean {
  const errors = result.errors + result.timeouts + result.non2xx;
  const rate = result.requests.average * (scenario.countedShare ?? 1);
  const { target } = scenario;
  const met =
    target === undefined ||
    (rate >= target.requestsPerSecond && result.latency.p99 <= target.p99Ms && errors === 0);
  const goal = target ? `≥ ${target.requestsPerSecond}/s, p99 ≤ ${target.p99Ms} ms, 0 errors` : '';
  console.log(
    row([
      scenario.name,
      rate.toFixed(0),
      `${result.latency.p50} ms`,
      `${result.latency.p99} ms`,
      String(errors),
      `${cpuPerRequestMs.toFixed(2)} ms`,
      target ? `${goal} ${met ? 'met' : 'MISSED'}` : '',
    ]),
  );
  if (errors > 0 && firstError !== null) console.log(`  first error: ${firstError}`);
  return met;
}

async function run(origin: string, scenario: Scenario, seconds: number): Promise<Result> {
  await scenario.before?.();
  firstError = null;
  const requests = scenario.options.requests.map(
    (request): Request => ({
      ...request,
      onResponse: (status, body, context) => {
        if (status >= 400 && firstError === null) firstError = `${status} ${body.slice(0, 200)}`;
        request.onResponse?.(status, body, context);
      },
    }),
  );
  return autocannon({ url: origin, connections: CONNECTIONS, duration: seconds, requests });
}

/** A user with one project and a few answers, and the cookie to act as them. */
async function seed(origin: string) {
  const client = await signUp(origin, 'load');
  const workspace = trpcData<{ id: string }>(
    await call(origin, client, '/trpc/workspaces.create', { name: 'Load' }),
  );
  const projects: string[] = [];
  for (const name of ['Spam filter', 'Churn model', 'Search ranking']) {
    const project = trpcData<{ id: string }>(
      await call(origin, client, '/trpc/projects.create', { workspaceId: workspace.id, name }),
    );
    projects.push(project.id);
  }
  const projectId = projects[0] ?? '';
  return { client, workspaceId: workspace.id, projectId };
}

/**
 * Worksheet saves as the tab sends them: each save takes a question no other save in flight holds and
 * sends the version last seen for it, so a correct server never answers CONFLICT and every error is real.
 * Questions are leased from a shared pool, not kept per connection (autocannon resets a connection's
 * context after each round of requests). Mixed: each save is followed by a read of the whole
 * worksheet, the tab's poll of teammates' saves.
 */
function worksheetLoad(origin: string, cookie: string, projectId: string) {
  const versions = new Map<string, number>();
  let free: string[] = [...TEXT_QUESTIONS];
  let count = 0;
  const headers = { cookie, origin, 'content-type': 'application/json' };
  const save: Request = {
    method: 'POST',
    path: '/trpc/worksheet.save',
    headers,
    setupRequest: (request) => {
      const questionId = free.pop();
      if (questionId === undefined) throw new Error('more connections than text questions');
      count += 1;
      const body = JSON.stringify({
        projectId,
        questionId,
        baseVersion: versions.get(questionId) ?? 0,
        value: `answer ${count} from a load connection`,
      });
      return { ...request, body };
    },
    onResponse: (_status, body) => onAnswer(body),
  };
  // The answer names its question: autocannon may build a connection's next request, or pass a response
  // to the other request's handler, before handing over the previous one, so neither context nor the
  // handler's request can be trusted. Both requests share this handler; reads name no question.
  const onAnswer = (body: string) => {
    const answer = JSON.parse(body) as {
      result?: { data: { questionId: string; version: number } };
      error?: { data?: { domainDetails?: { questionId?: string; current?: { version: number } } } };
    };
    const details = answer.error?.data?.domainDetails;
    const questionId = answer.result?.data.questionId ?? details?.questionId;
    if (questionId === undefined) return;
    // After a CONFLICT, go on from the version the server holds, as the tab does.
    const version = answer.result?.data.version ?? details?.current?.version;
    if (version !== undefined) versions.set(questionId, version);
    free.unshift(questionId);
  };
  const read: Request = {
    method: 'GET',
    path: `/trpc/worksheet.get${trpcQuery({ projectId })}`,
    headers: { cookie },
    onResponse: (_status, body) => onAnswer(body),
  };
  // A run's end abandons requests in flight, whose saves may still commit: let them land, then start the
  // next run from what the server holds.
  const syncVersions = async () => {
    await setTimeout(SETTLE_MS);
    const stored = trpcData<{ answers: Array<{ questionId: string; version: number }> }>(
      await call(origin, { cookie }, `/trpc/worksheet.get${trpcQuery({ projectId })}`),
    );
    for (const answer of stored.answers) versions.set(answer.questionId, answer.version);
    free = [...TEXT_QUESTIONS];
  };
  return (mixed: boolean): Scenario => ({
    name: mixed ? 'worksheet: 1 save + 1 read (saves/s)' : 'worksheet.save',
    before: syncVersions,
    ...(mixed ? { countedShare: 0.5 } : { target: { requestsPerSecond: 300, p99Ms: 100 } }),
    options: { requests: mixed ? [save, read] : [save] },
  });
}

async function benchOne(label: string, env: Record<string, string>): Promise<boolean> {
  const webDist = join(REPO_ROOT, 'apps', 'web', 'dist');
  const server: Running = await startServer({
    ...env,
    LOG_LEVEL: 'warn',
    RAISIN_WEB_DIST: webDist,
    // The shared-report scenarios play many viewers through X-Forwarded-For (see bench/load-report.ts).
    RAISIN_TRUST_PROXY: 'true',
    // One token carries every REST request of the bench: counted by the limiter, never refused by it.
    RAISIN_API_RATE_LIMIT: '100000000',
  });
  let allMet = true;
  try {
    const pid = server.process.pid ?? 0;
    const { client, workspaceId, projectId } = await seed(server.origin);
    const worksheet = worksheetLoad(server.origin, client.cookie, projectId);
    const scenarios: Scenario[] = [
      {
        name: 'projects.list (tRPC GET)',
        options: {
          requests: [
            {
              method: 'GET',
              path: `/trpc/projects.list${trpcQuery({ workspaceId })}`,
              headers: { cookie: client.cookie },
            },
          ],
        },
      },
      worksheet(false),
      worksheet(true),
    ];
    scenarios.push(...restScenarios(await seedRest(server.origin, client, workspaceId, projectId)));
    const shared = await seedSharedReport(server.origin, client, projectId);
    if (shared) scenarios.unshift(...sharedReportScenarios(shared));
    else console.log('(shared report: not built yet, skipped)');

    console.log(
      `\n## ${label} — ${CONNECTIONS} connections, ${DURATION_S} s each, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(row(['scenario', 'req/s', 'p50', 'p99', 'errors', 'server CPU/req', 'target']));
    for (const scenario of scenarios) {
      await run(server.origin, scenario, WARMUP_S);
      const cpuBefore = cpuSeconds(pid);
      const result = await run(server.origin, scenario, DURATION_S);
      // Per request sent (each save of the mix counts with its read), whatever share the rate counts.
      const cpuPerRequestMs = ((cpuSeconds(pid) - cpuBefore) * 1000) / Math.max(1, result.requests.total);
      allMet = report(scenario, result, cpuPerRequestMs) && allMet;
    }

    const soak = worksheet(true);
    const before = residentBytes(pid);
    const result = await run(server.origin, soak, SOAK_S);
    const after = residentBytes(pid);
    console.log(
      row([
        `soak ${SOAK_S} s: ${soak.name}`,
        (result.requests.average / 2).toFixed(0),
        `${result.latency.p50} ms`,
        `${result.latency.p99} ms`,
        String(result.errors + result.timeouts + result.non2xx),
        '',
        '',
      ]),
    );
    console.log(
      `server RSS: ${formatMb(before)} before, ${formatMb(after)} after the soak (${after >= before ? '+' : ''}${formatMb(after - before)})`,
    );
    console.log(
      `load average after: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    await stop(server);
  }
  return allMet;
}

const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
let met = true;
if (args.only === undefined || args.only === 'pglite') {
  const dir = mkdtempSync(join(tmpdir(), 'raisin-load-'));
  try {
    met = (await benchOne('PGlite (embedded)', { RAISIN_DATA_DIR: join(dir, 'db') })) && met;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (postgresUrl && (args.only === undefined || args.only === 'postgres')) {
  const database = await createThrowawayPostgres(postgresUrl, 'raisin_load');
  try {
    met = (await benchOne('PostgreSQL', { DATABASE_URL: database.url })) && met;
  } finally {
    await database.drop();
  }
} else if (!postgresUrl) {
  console.log('\n(PostgreSQL: set BENCH_DATABASE_URL or TEST_DATABASE_URL to bench it too)');
}
console.log(
  met ? '\nEvery target met.' : '\nSome targets missed (the targets are for PostgreSQL; see above).',
);
