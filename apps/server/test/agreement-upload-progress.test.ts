// The upload's progress stream, over a real socket (the body arrives in pieces, the client can leave),
// on PGlite and, with TEST_DATABASE_URL, on PostgreSQL, since the route stores the sample.
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRandom } from '@raisin/core/shared';
import { listAgreementSamples } from '@raisin/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appDatabases, appOver, type OpenedDatabase, ORIGIN, signUpWithProject } from './helpers';

const UPLOAD_LIMIT = 8 * 1024 * 1024;
const PHASES = ['reading', 'scoring', 'coefficients', 'bootstrap', 'saving'];

type Line = Record<string, unknown> & { type: string; phase?: string; done?: number; total?: number | null };

/** `items` items labeled by 3 annotators who mostly agree, as a long CSV (seeded). */
function sampleCsv(
  items: number,
  seed: number,
  annotators: readonly string[] = ['ann', 'ben', 'cat'],
  categories = 3,
): string {
  const random = createRandom(seed);
  const rows = ['item,annotator,label'];
  for (let i = 0; i < items; i++) {
    const truth = random.nextInt(categories);
    for (const annotator of annotators) {
      const label = random.nextFloat() < 0.8 ? truth : random.nextInt(categories);
      rows.push(`item-${i},${annotator},label-${label}`);
    }
  }
  return `${rows.join('\n')}\n`;
}

function multipartBody(fileName: string, content: string) {
  const boundary = `----raisin-progress-${fileName.length}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="level"\r\n\r\nnominal\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

interface Streamed {
  status: number;
  lines: Line[];
}

/**
 * Posts a file asking for NDJSON, in 16 KB writes, and collects the answer's lines. `leaveWhen` is
 * asked about every line; when it says so, the client closes the connection.
 */
function postStreaming(
  origin: string,
  path: string,
  cookie: string,
  file: { name: string; content: string },
  leaveWhen: (line: Line) => boolean = () => false,
): Promise<Streamed> {
  const { payload, contentType } = multipartBody(file.name, file.content);
  return new Promise((resolve, reject) => {
    const lines: Line[] = [];
    const req = httpRequest(`${origin}${path}`, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'content-length': String(payload.length),
        accept: 'application/x-ndjson',
        origin: ORIGIN,
        cookie,
      },
    });
    req.on('error', reject);
    req.on('response', (response) => {
      let pending = '';
      response.setEncoding('utf8');
      response.on('data', (text: string) => {
        pending += text;
        let end = pending.indexOf('\n');
        while (end >= 0) {
          const line = JSON.parse(pending.slice(0, end)) as Line;
          pending = pending.slice(end + 1);
          lines.push(line);
          if (leaveWhen(line)) {
            req.destroy();
            resolve({ status: response.statusCode ?? 0, lines });
            return;
          }
          end = pending.indexOf('\n');
        }
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, lines }));
    });
    for (let at = 0; at < payload.length; at += 16 * 1024) req.write(payload.subarray(at, at + 16 * 1024));
    req.end();
  });
}

for (const database of appDatabases('raisin_progress')) {
  describe(`agreement upload progress [${database.label}]`, () => {
    let opened: OpenedDatabase;
    let app: FastifyInstance;
    let origin: string;
    /** The owner's session: every upload here is theirs. */
    let cookie: string;
    let projectId: string;
    let path: string;
    const stored = () => listAgreementSamples(opened.handle.db, { projectId });

    beforeAll(async () => {
      opened = await database.open();
      app = await appOver(opened.handle, { RAISIN_UPLOAD_LIMIT: String(UPLOAD_LIMIT) });
      await app.listen({ host: '127.0.0.1', port: 0 });
      origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      ({
        owner: { cookie },
        projectId,
      } = await signUpWithProject(app, 'progress', {
        workspace: 'Progress',
        project: 'Meds',
      }));
      path = `/api/projects/${projectId}/agreement/samples`;
    }, 60_000);

    afterAll(async () => {
      await app?.close();
      await opened?.dispose();
    });

    it('streams reading and scoring progress in order, then the stored sample', async () => {
      const content = sampleCsv(4000, 1);
      const { status, lines } = await postStreaming(origin, path, cookie, {
        name: 'batch.csv',
        content,
      });
      expect(status).toBe(200);
      const progress = lines.slice(0, -1);
      expect(progress.every((line) => line.type === 'progress')).toBe(true);
      const ranks = progress.map((line) => PHASES.indexOf(line.phase ?? ''));
      expect(ranks.every((rank) => rank >= 0)).toBe(true);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(new Set(progress.map((line) => line.phase))).toEqual(new Set(PHASES));

      const reading = progress.filter((line) => line.phase === 'reading');
      expect(reading.length).toBeGreaterThan(1);
      for (const line of reading) expect(line.done).toBeLessThanOrEqual(line.total ?? 0);
      for (const phase of ['reading', 'coefficients', 'bootstrap']) {
        const done = progress.filter((line) => line.phase === phase).map((line) => line.done ?? -1);
        expect(done).toEqual([...done].sort((a, b) => a - b));
      }
      const bootstrap = progress.filter((line) => line.phase === 'bootstrap');
      expect(bootstrap.at(-1)?.done).toBe(bootstrap.at(-1)?.total);
      expect(bootstrap.length).toBeLessThanOrEqual(102);
      expect(progress.find((line) => line.phase === 'scoring')).toMatchObject({
        annotations: 12_000,
        items: 4000,
      });

      const done = lines.at(-1) as { type: string; sample: { id: string; annotations: number } };
      expect(done.type).toBe('done');
      const rows = await stored();
      expect(rows.map((row) => row.id)).toContain(done.sample.id);
      expect(done.sample.annotations).toBe(12_000);
    }, 60_000);

    it('ends the stream with the line and column of a malformed file, storing nothing', async () => {
      const before = (await stored()).length;
      const { status, lines } = await postStreaming(origin, path, cookie, {
        name: 'broken.csv',
        content: 'item,annotator,label\n1,a,x\n1,b,x,extra\n2,a,y\n',
      });
      expect(status).toBe(200);
      expect(lines.at(-1)).toMatchObject({
        type: 'error',
        status: 400,
        code: 'INVALID_SAMPLE',
        issue: { code: 'ragged_row', line: 3, column: 4 },
        message: expect.stringMatching(/line 3.*column 4/i),
      });
      expect((await stored()).length).toBe(before);
    }, 60_000);

    it('stops scoring when the client leaves, stores nothing, and frees the slot for the next upload', async () => {
      const before = (await stored()).length;
      const left = await postStreaming(
        origin,
        path,
        cookie,
        // Many annotators and categories: items barely group, so the bootstrap lasts long enough to leave
        // during it (items that group into a few patterns resample in milliseconds).
        {
          name: 'abandoned.csv',
          content: sampleCsv(
            20_000,
            2,
            Array.from({ length: 10 }, (_, a) => `annotator-${a}`),
            20,
          ),
        },
        (line) => line.phase === 'bootstrap' && (line.done ?? 0) > 0,
      );
      expect(left.lines.at(-1)).toMatchObject({ phase: 'bootstrap' });
      // One scoring slot: this upload runs only once the abandoned one has let go of it.
      const next = await postStreaming(origin, path, cookie, {
        name: 'next.csv',
        content: sampleCsv(50, 3),
      });
      expect(next.lines.at(-1)).toMatchObject({ type: 'done', sample: { name: 'next' } });
      const names = (await stored()).map((row) => row.name);
      expect(names).toHaveLength(before + 1);
      expect(names).not.toContain('abandoned');
    }, 120_000);
  });
}
