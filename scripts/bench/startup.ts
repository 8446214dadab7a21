/**
 * Server cold start: spawn of `main.ts` to its "listening" line (migrations applied, ready to serve), on a
 * fresh PGlite data folder (initdb and every migration), on that folder again, and on PostgreSQL (fresh
 * database, then the same one) when BENCH_DATABASE_URL or TEST_DATABASE_URL is set. Median of 3 runs each.
 *
 * Run alone: `npm run bench -- startup`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, stop, withThrowawayPostgres } from '../../apps/server/test/server-process';

const RUNS = 3;

async function startupMs(env: Record<string, string>): Promise<number> {
  const server = await startServer(env);
  await stop(server);
  return server.startupMs;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function line(label: string, values: number[]): void {
  const runs = values.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ');
  console.log(`${label.padEnd(34)} median ${(median(values) / 1000).toFixed(2)} s   (runs: ${runs})`);
}

export async function benchStartup(): Promise<void> {
  console.log('startup: spawn → "listening" (migrations applied), median of 3');
  const fresh: number[] = [];
  const existing: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'raisin-bench-startup-'));
    try {
      fresh.push(await startupMs({ RAISIN_DATA_DIR: dataDir }));
      existing.push(await startupMs({ RAISIN_DATA_DIR: dataDir }));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  line('PGlite, fresh data folder', fresh);
  line('PGlite, existing data folder', existing);

  const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!postgresUrl) return;
  const pgFresh: number[] = [];
  const pgExisting: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await withThrowawayPostgres(postgresUrl, 'raisin_bench_startup', async (url) => {
      pgFresh.push(await startupMs({ DATABASE_URL: url }));
      pgExisting.push(await startupMs({ DATABASE_URL: url }));
    });
  }
  line('PostgreSQL, fresh database', pgFresh);
  line('PostgreSQL, existing database', pgExisting);
}
