/**
 * Upload to result through a running server, as the Agreement tab does it: a real server process on a
 * throwaway PGlite data folder (and on PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL is set),
 * one account and project, then each seeded benchmark file posted as multipart with NDJSON progress.
 * Prints the time to the first progress line, to the stored result (`done`), and to open the stored
 * result afterwards (`agreement.get`, what the results page loads), beside their targets (10M cells stored
 * in ≤ 6 s with the full 1,000-resample bootstrap, which the stored report must record; opening in ≤ 1 s).
 *
 * Run alone: `npm run bench -- upload`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openAsBlob, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from '../../apps/server/src/config';
import {
  type Client,
  call,
  signUp,
  startServer,
  stop,
  trpcData,
  trpcQuery,
  withThrowawayPostgres,
} from '../../apps/server/test/server-process';
import { ensureDenseLongCsv } from './generate-samples';
import { loadLine, verdict } from './targets';

const BENCH_DIR = join(REPO_ROOT, '.bench');
const OPEN_TARGET_MS = 1000;
/** The stored report keeps the full bootstrap at every size: 1,000 resamples, as the CLI prints them. */
const STORED_RESAMPLES = 1000;

interface UploadTiming {
  readonly firstLineMs: number;
  readonly doneMs: number;
  /** When each phase (reading, scoring, coefficients, bootstrap, saving) was first reported. */
  readonly phases: ReadonlyMap<string, number>;
  readonly sampleId: string;
  readonly items: number;
  /** The server's own timings: parsing and scoring (bootstrap included) in the worker thread. */
  readonly parseMs: number | null;
  readonly scoreMs: number | null;
}

async function uploadWithProgress(
  origin: string,
  client: Client,
  projectId: string,
  path: string,
): Promise<UploadTiming> {
  const form = new FormData();
  form.set('name', path.replace(/^.*\//, ''));
  form.set('file', await openAsBlob(path), 'sample.csv');
  const started = performance.now();
  const response = await fetch(`${origin}/api/projects/${projectId}/agreement/samples`, {
    method: 'POST',
    headers: { origin, cookie: client.cookie, accept: 'application/x-ndjson' },
    body: form,
  });
  if (!response.ok || !response.body)
    throw new Error(`upload failed: ${response.status} ${await response.text()}`);
  let firstLineMs: number | null = null;
  const phases = new Map<string, number>();
  let buffered = '';
  const decoder = new TextDecoder();
  for await (const chunk of response.body) {
    buffered += decoder.decode(chunk as Uint8Array, { stream: true });
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = JSON.parse(buffered.slice(0, newline)) as {
        type: string;
        phase?: string;
        message?: string;
        sample?: { id: string; items?: number };
        timings?: { parseMs?: number; scoreMs?: number };
      };
      buffered = buffered.slice(newline + 1);
      firstLineMs ??= performance.now() - started;
      if (line.phase !== undefined && !phases.has(line.phase))
        phases.set(line.phase, performance.now() - started);
      if (line.type === 'error') throw new Error(`upload refused: ${line.message}`);
      if (line.type === 'done' && line.sample) {
        return {
          firstLineMs,
          doneMs: performance.now() - started,
          phases,
          sampleId: line.sample.id,
          items: line.sample.items ?? Number.NaN,
          parseMs: line.timings?.parseMs ?? null,
          scoreMs: line.timings?.scoreMs ?? null,
        };
      }
      newline = buffered.indexOf('\n');
    }
  }
  throw new Error('the upload answer ended without a result');
}

/** Clock ticks per second of /proc's CPU times. */
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/**
 * CPU seconds the server process has used so far, all its threads (the scoring worker included), from
 * /proc (Linux): on a shared machine the wall clock also counts other processes, this does not.
 */
function serverCpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

async function openResult(origin: string, client: Client, projectId: string, sampleId: string) {
  const started = performance.now();
  const result = await call(origin, client, `/trpc/agreement.get${trpcQuery({ projectId, sampleId })}`);
  const sample = trpcData<{ report: { bootstrap?: { resamples?: number } } }>(result);
  return {
    ms: performance.now() - started,
    bytes: JSON.stringify(result.json).length,
    resamples: sample.report.bootstrap?.resamples ?? null,
  };
}

async function benchOn(
  label: string,
  env: Record<string, string>,
  files: { name: string; path: string; bytes: number; targetSeconds: number | null }[],
) {
  const server = await startServer({ ...env, LOG_LEVEL: 'warn' });
  try {
    const client = await signUp(server.origin, 'upload-bench');
    const workspace = trpcData<{ id: string }>(
      await call(server.origin, client, '/trpc/workspaces.create', { name: 'Upload bench' }),
    );
    const project = trpcData<{ id: string }>(
      await call(server.origin, client, '/trpc/projects.create', {
        workspaceId: workspace.id,
        name: 'Bench',
      }),
    );
    console.log(
      `\nupload (${label}): multipart upload with NDJSON progress → stored result → results page query`,
    );
    console.log(
      [
        'file',
        'MB',
        'first progress',
        'upload → result',
        'server CPU',
        'target',
        'vs target',
        'resamples stored',
        'open result',
        'result JSON',
        'vs 1 s open target',
      ]
        .map((cell, i) => cell.padEnd(i === 0 ? 22 : 17))
        .join(''),
    );
    for (const file of files) {
      const cpuBefore = serverCpuSeconds(server.process.pid);
      const upload = await uploadWithProgress(server.origin, client, project.id, file.path);
      const cpuAfter = serverCpuSeconds(server.process.pid);
      const cpu = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
      // The first open pays for the query plan; a user's later opens look like the second.
      await openResult(server.origin, client, project.id, upload.sampleId);
      const opened = await openResult(server.origin, client, project.id, upload.sampleId);
      console.log(
        [
          file.name,
          (file.bytes / 1e6).toFixed(0),
          `${(upload.firstLineMs / 1000).toFixed(2)} s`,
          `${(upload.doneMs / 1000).toFixed(1)} s`,
          cpu === null ? '—' : `${cpu.toFixed(1)} s`,
          file.targetSeconds === null ? '—' : `≤ ${file.targetSeconds} s`,
          file.targetSeconds === null
            ? '—'
            : `${verdict(upload.doneMs / 1000, file.targetSeconds)}${cpu === null ? '' : ` (CPU ${verdict(cpu, file.targetSeconds)})`}`,
          `${opened.resamples ?? '—'} ${opened.resamples === STORED_RESAMPLES ? 'met' : 'MISSED'}`,
          `${opened.ms.toFixed(0)} ms`,
          `${(opened.bytes / 1024).toFixed(0)} KB`,
          verdict(opened.ms, OPEN_TARGET_MS),
        ]
          .map((cell, i) => cell.padEnd(i === 0 ? 22 : 17))
          .join(''),
      );
      const phaseStarts = [...upload.phases].map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(1)} s`);
      console.log(`${''.padEnd(22)}phases start at: ${phaseStarts.join(' · ')}`);
      const seconds = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`);
      console.log(
        `${''.padEnd(22)}worker: parse ${seconds(upload.parseMs)}, score ${seconds(upload.scoreMs)} (wall)`,
      );
    }
  } finally {
    await stop(server);
  }
}

export async function benchUpload(): Promise<void> {
  console.log('upload: generating seeded samples in .bench/ (reused when present)…');
  console.log(`${loadLine()} (upload times are wall clock, which other processes lengthen)`);
  const files = [
    {
      name: '1M cells (200k items)',
      targetSeconds: null,
      ...ensureDenseLongCsv(BENCH_DIR, 'agreement-1m.csv', {
        items: 200_000,
        annotators: 5,
        categories: 10,
        missing: 0.1,
        seed: 1,
      }),
    },
    {
      name: '10M cells (2M items)',
      // Upload → stored result with the full 1,000-resample bootstrap, wall time through a running server.
      targetSeconds: 6,
      ...ensureDenseLongCsv(BENCH_DIR, 'agreement-10m.csv', {
        items: 2_000_000,
        annotators: 5,
        categories: 10,
        missing: 0.1,
        seed: 2,
      }),
    },
  ];
  const dataDir = mkdtempSync(join(tmpdir(), 'raisin-bench-upload-'));
  try {
    await benchOn('PGlite', { RAISIN_DATA_DIR: dataDir }, files);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (postgresUrl) {
    await withThrowawayPostgres(postgresUrl, 'raisin_bench_upload', (url) =>
      benchOn('PostgreSQL', { DATABASE_URL: url }, files),
    );
  }
}
