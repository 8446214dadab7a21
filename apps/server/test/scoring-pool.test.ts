// The scoring pool keeps its worker threads between jobs (a start costs about a second of CPU), and
// stops only the worker of a job that did not end cleanly. No database: the pool alone.

import { afterEach, describe, expect, it } from 'vitest';
import type { UploadJobData } from '../src/agreement/protocol';
import { createScoringPool, type ScoringPool } from '../src/agreement/worker-jobs';

const LEVEL = 'nominal' as const;
const JOB: UploadJobData = {
  kind: 'upload',
  level: LEVEL,
  expectedBytes: null,
  parse: { level: LEVEL, maxBytes: 1024 * 1024 },
};

/** Items 1..n, labelled by three annotators; the third disagrees on every fifth item. */
function csv(items: number): string {
  const lines = ['item,annotator,label'];
  for (let item = 1; item <= items; item += 1) {
    for (const annotator of ['ann', 'ben', 'cat']) {
      const label = annotator === 'cat' && item % 5 === 0 ? 'other' : `class-${item % 3}`;
      lines.push(`doc-${item},${annotator},${label}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

async function upload(pool: ScoringPool, content: string) {
  const job = await pool.startUpload(JOB);
  try {
    job.push(Buffer.from(content));
    const parsed = await job.finishParse();
    if (!parsed.ok) return { parsed, scored: null };
    return { parsed, scored: await job.score() };
  } finally {
    await job.dispose();
  }
}

let pool: ScoringPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('scoring pool', () => {
  it('scores job after job on the worker it started first', async () => {
    pool = createScoringPool(1);
    const results = [];
    for (const items of [20, 30, 40, 50]) results.push(await upload(pool, csv(items)));
    expect(results.map((result) => result.parsed.ok && result.parsed.items)).toEqual([20, 30, 40, 50]);
    for (const result of results) expect(result.scored?.report.fleissKappa).toBeGreaterThan(0);
    // The worker loaded at start did every job: none is started while the only slot is busy (its loading
    // would compete for the cores with the job), and each job handed it back.
    expect(pool.workersStarted).toBe(1);
  }, 60_000);

  it('gives a reused worker a clean start after a malformed file', async () => {
    pool = createScoringPool(1);
    const broken = await upload(pool, 'item,annotator,label\n1,a,x\n1,b,x,extra\n');
    expect(broken.parsed).toMatchObject({ ok: false, issue: { code: 'ragged_row', line: 3 } });
    const good = await upload(pool, csv(25));
    expect(good.parsed).toMatchObject({ ok: true, items: 25, annotations: 75 });
    // The same report as a fresh pool's: nothing of the failed file leaks into the next job.
    const fresh = createScoringPool(1);
    try {
      const alone = await upload(fresh, csv(25));
      expect(good.scored?.report).toEqual(alone.scored?.report);
    } finally {
      await fresh.close();
    }
    expect(pool.workersStarted).toBeLessThanOrEqual(2);
  }, 60_000);

  it('stops the worker of a job left mid-way, and the next job still scores', async () => {
    pool = createScoringPool(1);
    const left = await pool.startUpload(JOB);
    left.push(Buffer.from(csv(10)));
    // The client leaves before the end of its file: the worker is stopped, not handed on half-read.
    await left.dispose();
    expect(left.stopped).toBe(true);
    await expect(left.finishParse()).rejects.toThrow();
    const next = await upload(pool, csv(12));
    expect(next.parsed).toMatchObject({ ok: true, items: 12 });
    expect(next.scored?.report.fleissKappa).toBeGreaterThan(0);
    // The stopped worker was replaced once, for the next job.
    expect(pool.workersStarted).toBe(2);
  }, 60_000);

  it('re-scores on a worker that scored an upload before', async () => {
    pool = createScoringPool(1);
    const first = await upload(pool, csv(30));
    const triples = first.scored?.triples;
    if (!triples) throw new Error('no triples');
    const rescored = await pool.rescore({ triples, framing: 'categorical', level: LEVEL, order: null });
    expect(rescored).toMatchObject({ ok: true });
    if (rescored.ok)
      expect(rescored.report.fleissKappa).toBeCloseTo(first.scored?.report.fleissKappa ?? Number.NaN, 12);
    expect(pool.workersStarted).toBeLessThanOrEqual(2);
  }, 60_000);
});
