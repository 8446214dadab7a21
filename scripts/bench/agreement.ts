/**
 * The agreement benchmark: the built `raisin` CLI on seeded synthetic samples (1M and 10M cells, and 1,000
 * annotators with 20 labels each), the CSV fast path against papaparse, and the bootstrap's cost. Prints a
 * compact table with the ratios to the targets and to the Python reference (fast-krippendorff + pandas).
 *
 * Run alone: `node --import tsx scripts/bench/agreement.ts`; `npm run bench` calls `benchAgreement()`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { computeAgreement, parseSample } from '@raisin/core';
import { createRandom, ensureDenseLongCsv, ensureSparseLongCsv } from './generate-samples';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const BENCH_DIR = join(ROOT, '.bench');

interface CliRun {
  readonly seconds: number;
  readonly peakMb: number | null;
  readonly parseMs: number | null;
  readonly computeMs: number | null;
}

/** Wall time of one CLI process, with the peak RSS and phase times it reports on stderr. */
function runCli(bundle: string, file: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [bundle, 'agreement', file, '--json', '--bootstrap', '0'], {
      env: { ...process.env, RAISIN_REPORT_PEAK_RSS: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) {
        reject(new Error(`raisin exited ${code}: ${stderr}`));
        return;
      }
      const line = /raisin-stats (\{.*\})/.exec(stderr)?.[1];
      const stats = line === undefined ? null : (JSON.parse(line) as Record<string, number>);
      resolve({
        seconds,
        peakMb: stats?.peakRssKb === undefined ? null : stats.peakRssKb / 1024,
        parseMs: stats?.parseMs ?? null,
        computeMs: stats?.computeMs ?? null,
      });
    });
  });
}

async function median(runs: number, run: () => Promise<CliRun>): Promise<CliRun> {
  const results: CliRun[] = [];
  for (let i = 0; i < runs; i++) results.push(await run());
  results.sort((a, b) => a.seconds - b.seconds);
  return results[Math.floor(results.length / 2)] ?? (await run());
}

function timeIt(work: () => void): number {
  const started = performance.now();
  work();
  return (performance.now() - started) / 1000;
}

const pad = (text: string, width: number) => text.padEnd(width);
const fmt = (value: number | null, digits = 2) => (value === null ? '—' : value.toFixed(digits));

/** A dense sample of `items` × 5 annotators, as CSV text, for the in-process bootstrap timing. */
function denseCsv(items: number, seed: number): string {
  const random = createRandom(seed);
  const rows = ['item,annotator,label'];
  for (let i = 0; i < items; i++) {
    const truth = Math.floor(random() * 10);
    for (let a = 0; a < 5; a++) {
      if (random() < 0.1) continue;
      rows.push(`i${i},r${a},${random() < 0.7 ? truth : Math.floor(random() * 10)}`);
    }
  }
  return `${rows.join('\n')}\n`;
}

export async function benchAgreement(): Promise<void> {
  const bundle = join(BENCH_DIR, 'raisin.mjs');
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], {
    env: { ...process.env, RAISIN_CLI_OUTFILE: bundle },
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`building the CLI failed: ${built.stderr}`);

  console.log('agreement: generating seeded samples in .bench/ (reused when present)…');
  const dense1m = ensureDenseLongCsv(BENCH_DIR, 'agreement-1m.csv', {
    items: 200_000,
    annotators: 5,
    categories: 10,
    missing: 0.1,
    seed: 1,
  });
  const dense10m = ensureDenseLongCsv(BENCH_DIR, 'agreement-10m.csv', {
    items: 2_000_000,
    annotators: 5,
    categories: 10,
    missing: 0.1,
    seed: 2,
  });
  const sparse = ensureSparseLongCsv(BENCH_DIR, 'agreement-sparse-1000x20.csv');

  // Python reference on this machine kind (fast-krippendorff + pandas): load seconds + α seconds, peak GB.
  const cases = [
    {
      name: '1M cells',
      file: dense1m,
      runs: 3,
      target: 0.4,
      targetMb: null,
      python: '0.5 + 0.4–2 s, 0.6 GB',
      py: 0.9,
    },
    {
      name: '10M cells',
      file: dense10m,
      runs: 1,
      target: 2.5,
      targetMb: 600,
      python: '6–7 + 8–24 s, 5.2 GB',
      py: 14,
    },
    {
      name: '1000 annotators × 20',
      file: sparse,
      runs: 3,
      target: null,
      targetMb: null,
      python: '—',
      py: null,
    },
  ];
  const table: string[][] = [
    ['case', 'MB', 'wall s', 'parse ms', 'stats ms', 'MB/s', 'peak MB', 'vs target', 'vs Python (fastest)'],
  ];
  for (const c of cases) {
    const run = await median(c.runs, () => runCli(bundle, c.file.path));
    const mb = c.file.bytes / 1e6;
    const verdicts = [
      c.target === null ? null : `${(run.seconds / c.target).toFixed(2)}× of ${c.target} s`,
      c.targetMb === null || run.peakMb === null
        ? null
        : `${(run.peakMb / c.targetMb).toFixed(2)}× of ${c.targetMb} MB`,
    ].filter((text): text is string => text !== null);
    table.push([
      c.name,
      fmt(mb, 1),
      fmt(run.seconds),
      fmt(run.parseMs, 0),
      fmt(run.computeMs, 0),
      fmt(mb / run.seconds, 0),
      fmt(run.peakMb, 0),
      verdicts.join(', ') || '—',
      c.py === null ? '—' : `${(c.py / run.seconds).toFixed(1)}× faster (${c.python})`,
    ]);
  }

  // The CSV reader alone, in process, on the 1M-cell file: the byte-level fast path vs papaparse.
  const bytes = readFileSync(dense1m.path);
  const engines = (['auto', 'papaparse'] as const).map((engine) => {
    parseSample(bytes.subarray(0, 1 << 20), { csvEngine: engine, duplicates: 'last' }); // warm up the JIT
    const seconds = timeIt(() => {
      const parsed = parseSample(bytes, { csvEngine: engine });
      if (!parsed.ok) throw new Error(parsed.error.message);
    });
    return { engine, seconds, mbps: bytes.length / 1e6 / seconds };
  });

  // Bootstrap: 1,000 resamples over 10,000 items, in process.
  const sample = parseSample(denseCsv(10_000, 3));
  if (!sample.ok) throw new Error(sample.error.message);
  computeAgreement(sample.value.sample, { bootstrap: 50 }); // warm up
  const without = timeIt(() => computeAgreement(sample.value.sample, { bootstrap: 0 }));
  const withBootstrap = timeIt(() => computeAgreement(sample.value.sample, { bootstrap: 1000, seed: 1 }));

  const widths = (table[0] ?? []).map((_, c) => Math.max(...table.map((row) => (row[c] ?? '').length)));
  console.log('\nraisin agreement FILE --json --bootstrap 0 (child process, median of runs)');
  for (const row of table) console.log(row.map((cell, c) => pad(cell, widths[c] ?? 0)).join('  '));
  console.log('\nCSV reader, 1M cells in process');
  for (const e of engines) {
    console.log(
      `  ${pad(e.engine === 'auto' ? 'fast path' : 'papaparse', 10)} ${fmt(e.seconds, 3)} s  ${fmt(e.mbps, 0)} MB/s`,
    );
  }
  const first = engines[0];
  const second = engines[1];
  if (first !== undefined && second !== undefined) {
    console.log(`  fast path / papaparse speed: ${(second.seconds / first.seconds).toFixed(1)}×`);
  }
  console.log('\nBootstrap, 10,000 items × 5 annotators, in process');
  console.log(
    `  without: ${fmt(without, 3)} s; 1,000 resamples: ${fmt(withBootstrap, 3)} s (target ≤ 1 s: ${(withBootstrap / 1).toFixed(2)}×)`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchAgreement();
}
