import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type DbHandle, listAgreementSamples } from '@raisin/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, type SignedUp, signUp, startTestApp, trpcMutationData, trpcQuery } from './helpers';

const REFERENCE = fileURLToPath(
  new URL('../../../packages/core/src/agreement/reference-data/krippendorff2011.wide.csv', import.meta.url),
);
const UPLOAD_LIMIT = 64 * 1024;

let handle: DbHandle;
let app: FastifyInstance;
let owner: SignedUp;
let viewer: SignedUp;
let projectId: string;

function multipart(fields: Record<string, string>, file: { name: string; content: string | Buffer } | null) {
  const boundary = `----raisin${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

function upload(
  who: SignedUp | null,
  fields: Record<string, string>,
  file: { name: string; content: string | Buffer } | null,
  options: { origin?: string; project?: string } = {},
) {
  const body = multipart(fields, file);
  return app.inject({
    method: 'POST',
    url: `/api/projects/${options.project ?? projectId}/agreement/samples`,
    headers: {
      'content-type': body.contentType,
      origin: options.origin ?? ORIGIN,
      ...(who ? { cookie: who.cookie } : {}),
    },
    payload: body.payload,
  });
}

/** A file of core's parse fixtures (real export shapes). */
const fixture = (name: string) =>
  readFileSync(new URL(`../../../packages/core/src/agreement/parse/fixtures/${name}`, import.meta.url));

/** Uploads a file as the owner, expects it stored, and returns the stored sample with its report. */
async function uploadStored(fields: Record<string, string>, file: { name: string; content: Buffer }) {
  const response = await upload(owner, fields, file);
  expect(response.statusCode).toBe(200);
  const done = lines(response.body).at(-1) as { type: string; sample: { id: string; ceiling: number } };
  expect(done.type).toBe('done');
  const got = await trpcQuery(
    app,
    'agreement.get',
    { projectId, sampleId: done.sample.id },
    { cookie: owner.cookie },
  );
  return { sample: done.sample, report: got.json().result.data.report };
}

function lines(body: string): Record<string, unknown>[] {
  return body
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const mutation = <T>(who: SignedUp, path: string, input: unknown) =>
  trpcMutationData<T>(app, who, path, input);

beforeAll(async () => {
  ({ handle, app } = await startTestApp({ RAISIN_UPLOAD_LIMIT: String(UPLOAD_LIMIT) }));
  owner = await signUp(app, 'owner');
  viewer = await signUp(app, 'viewer');
  const ws = await mutation<{ id: string }>(owner, 'workspaces.create', { name: 'Uploads' });
  const invitation = await mutation<{ token: string }>(owner, 'invitations.create', {
    workspaceId: ws.id,
    email: viewer.email,
    role: 'viewer',
  });
  await mutation(viewer, 'invitations.accept', { token: invitation.token });
  projectId = (await mutation<{ id: string }>(owner, 'projects.create', { workspaceId: ws.id, name: 'Meds' }))
    .id;
}, 60_000);

afterAll(async () => {
  await app?.close();
  await handle?.close();
});

describe('agreement upload route', () => {
  it('parses and scores a file in a worker, stores it, and streams progress then the sample', async () => {
    const response = await upload(
      owner,
      { name: 'Krippendorff C', level: 'nominal' },
      {
        name: 'krippendorff2011.wide.csv',
        content: readFileSync(REFERENCE),
      },
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const [progress, done] = lines(response.body);
    expect(progress).toMatchObject({ type: 'progress', phase: 'scoring', annotations: 41, items: 12 });
    expect(done).toMatchObject({
      type: 'done',
      sample: { name: 'Krippendorff C', format: 'wide', isReference: true },
    });
    const sample = (done as { sample: { id: string; alpha: number } }).sample;
    expect(sample.alpha).toBeCloseTo(0.743, 3);

    const got = await trpcQuery(
      app,
      'agreement.get',
      { projectId, sampleId: sample.id },
      { cookie: viewer.cookie },
    );
    expect(got.json().result.data.report.krippendorffAlpha.interval).toBeCloseTo(0.849, 3);

    // Re-scoring through tRPC runs in the server's worker pool too.
    const rescored = await mutation<{ alpha: number; level: string }>(owner, 'agreement.rescore', {
      projectId,
      sampleId: sample.id,
      version: 1,
      level: 'ordinal',
    });
    expect(rescored.level).toBe('ordinal');
    expect(rescored.alpha).toBeCloseTo(0.815, 3);
  }, 30_000);

  it('stores a Prodigy ner_manual export under its framing, its ceiling the span F1, and refuses to re-score it', async () => {
    const { sample, report } = await uploadStored(
      { name: 'NER', level: 'nominal' },
      { name: 'ner.jsonl', content: fixture('prodigy-ner-manual.jsonl') },
    );
    expect(sample.ceiling).toBeCloseTo(10 / 12, 12);
    expect(report).toMatchObject({ framing: 'spans', humanCeilingMetric: 'f1', spans: { documents: 3 } });
    await expect(
      mutation(owner, 'agreement.rescore', {
        projectId,
        sampleId: sample.id,
        version: 1,
        level: 'ordinal',
      }),
    ).rejects.toThrow(/scored as spans.*cannot be re-scored/);
  }, 30_000);

  it('stores every question of a Label Studio export under its framing, the chosen one as the headline', async () => {
    const file = fixture('label-studio-ner-with-topic.json');
    const { sample, report } = await uploadStored(
      { name: 'News', control: 'label' },
      { name: 'news.json', content: file },
    );
    expect(sample.ceiling).toBeCloseTo(8 / 11, 12);
    expect(report).toMatchObject({ framing: 'spans', source: { control: 'label' } });
    expect(report.controls.topic).toMatchObject({ framing: 'categorical', humanCeiling: { value: 0.5 } });
    expect(report.controls.label.spans.f1.exact).toBeCloseTo(8 / 11, 12);
    // Nothing is left to a warning: no question goes unscored.
    expect(report.warnings.map((w: { key: string }) => w.key)).not.toContain('controls');

    const unknown = await upload(owner, { control: 'sentiment' }, { name: 'news.json', content: file });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toMatch(/No question "sentiment" in the file; it holds "label", "topic"/);
  }, 30_000);

  it('reads a table under the framing the form names, and names the line and column of a bad cell', async () => {
    const sets = await upload(
      owner,
      { framing: 'multilabel' },
      { name: 'topics.csv', content: fixture('topics-multilabel.csv') },
    );
    expect(sets.statusCode).toBe(200);
    const stored = lines(sets.body).at(-1) as { sample: { id: string; ceiling: number } };
    expect(stored.sample.ceiling).toBeCloseTo(0.75, 12);
    const got = await trpcQuery(
      app,
      'agreement.get',
      { projectId, sampleId: stored.sample.id },
      { cookie: owner.cookie },
    );
    expect(got.json().result.data.report).toMatchObject({
      framing: 'multilabel',
      humanCeilingMetric: 'f1',
      multilabel: { f1: { micro: 0.75 } },
    });

    const ratings = await upload(
      owner,
      { framing: 'continuous', level: 'interval' },
      { name: 'ratings.tsv', content: fixture('ratings.tsv') },
    );
    const rated = lines(ratings.body).at(-1) as { type: string; sample: { id: string } };
    expect(rated.type).toBe('done');
    const ratedReport = (
      await trpcQuery(
        app,
        'agreement.get',
        { projectId, sampleId: rated.sample.id },
        { cookie: owner.cookie },
      )
    ).json().result.data.report;
    expect(ratedReport).toMatchObject({ framing: 'continuous', humanCeilingMetric: 'correlation' });

    const bad = await upload(
      owner,
      { framing: 'pairwise' },
      {
        name: 'answers.csv',
        content: 'item_a,item_b,annotator,choice\nanswer-1,answer-2,ana,a\nanswer-1,answer-2,ben,maybe\n',
      },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ issue: { line: 3, column: 4 } });
    expect(bad.json().message).toBe(
      'Line 3: the choice "maybe" is none of a/left/first, b/right/second or tie (column 4).',
    );

    const unknown = await upload(owner, { framing: 'sentiment' }, { name: 'a.csv', content: 'a,b,c\n' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toMatch(/^Invalid framing/);
  }, 60_000);

  it('uses mapped columns for unusual headers', async () => {
    const csv = 'doc,who,verdict\nd1,ann,spam\nd1,ben,spam\nd2,ann,ham\nd2,ben,spam\n';
    const response = await upload(
      owner,
      { columns: JSON.stringify({ item: 'doc', annotator: 'who', label: 'verdict' }) },
      {
        name: 'odd headers.csv',
        content: csv,
      },
    );
    expect(response.statusCode).toBe(200);
    const done = lines(response.body).at(-1);
    expect(done).toMatchObject({
      type: 'done',
      sample: {
        name: 'odd headers',
        columns: { item: 'doc', annotator: 'who', label: 'verdict' },
        annotations: 4,
      },
    });
  }, 30_000);

  it("stores which cells were read as missing by their spelling, in the report's source, across a re-score", async () => {
    const rows = ['item,a,b,c'];
    for (let i = 0; i < 40; i++) rows.push(`${i},1,${i < 37 ? 'NA' : '2'},${i < 2 ? 'N/A' : '1'}`);
    const response = await upload(owner, { name: 'R export' }, { name: 'r.csv', content: rows.join('\n') });
    expect(response.statusCode).toBe(200);
    const done = lines(response.body).at(-1) as { sample: { id: string; annotations: number } };
    expect(done.sample.annotations).toBe(81);
    const read = async () =>
      (
        await trpcQuery(
          app,
          'agreement.get',
          { projectId, sampleId: done.sample.id },
          { cookie: viewer.cookie },
        )
      ).json().result.data.report;
    expect((await read()).source).toEqual({ missingSpellings: { NA: 37, 'N/A': 2 } });
    await mutation(owner, 'agreement.rescore', {
      projectId,
      sampleId: done.sample.id,
      version: 1,
      level: 'ordinal',
    });
    const rescored = await read();
    expect(rescored.level).toBe('ordinal');
    expect(rescored.source).toEqual({ missingSpellings: { NA: 37, 'N/A': 2 } });
  }, 30_000);

  it('stores a JSON array of plain records as JSON records (jsonl), not a Label Studio export', async () => {
    const records = JSON.stringify([
      { id: 1, annotator: 'a', label: 'x' },
      { id: 1, annotator: 'b', label: 'NA' },
    ]);
    const response = await upload(owner, {}, { name: 'records.json', content: records });
    expect(response.statusCode).toBe(200);
    expect(lines(response.body).at(-1)).toMatchObject({
      type: 'done',
      // In JSON, "NA" is a label (JSON has null for a missing one), so nothing is counted as missing.
      sample: {
        format: 'jsonl',
        annotations: 2,
        columns: { item: 'id', annotator: 'annotator', label: 'label' },
      },
    });
    const sampleId = (lines(response.body).at(-1) as { sample: { id: string } }).sample.id;
    const got = await trpcQuery(app, 'agreement.get', { projectId, sampleId }, { cookie: viewer.cookie });
    expect(got.json().result.data.report.source).toEqual({ missingSpellings: {} });
  }, 30_000);

  it('answers a malformed file with the line of the problem and stores nothing', async () => {
    const before = (await listAgreementSamples(handle.db, { projectId })).length;
    const response = await upload(
      owner,
      {},
      { name: 'broken.csv', content: 'item,annotator,label\n1,a,x\n1,b,x,extra\n2,a,y\n' },
    );
    expect(response.statusCode).toBe(400);
    const body = response.json<{ code: string; message: string; issue: { code: string; line: number } }>();
    expect(body.code).toBe('INVALID_SAMPLE');
    expect(body.issue).toMatchObject({ code: 'ragged_row', line: 3, column: 4 });
    expect(body.message).toMatch(/line 3/i);
    expect(body.message).toMatch(/column 4/i);
    expect((await listAgreementSamples(handle.db, { projectId })).length).toBe(before);
  }, 30_000);

  it('names the line and column of invalid JSON Lines in the message the browser shows', async () => {
    const before = (await listAgreementSamples(handle.db, { projectId })).length;
    const jsonl = '{"item":"1","annotator":"a","label":"x"}\n{"item":"1","annotator":"b",label:"x"}\n';
    const response = await upload(owner, {}, { name: 'broken.jsonl', content: jsonl });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ message: string; issue: { line: number; column: number } }>();
    expect(body.issue).toMatchObject({ line: 2, column: expect.any(Number) });
    expect(body.message).toMatch(new RegExp(`line 2\\b.*column ${body.issue.column}\\b`, 'i'));
    expect((await listAgreementSamples(handle.db, { projectId })).length).toBe(before);
  }, 30_000);

  it('answers 413 with a message to a file over the limit and stores nothing', async () => {
    const before = (await listAgreementSamples(handle.db, { projectId })).length;
    const row = 'item-000000,annotator-a,label-x\n';
    const big = `item,annotator,label\n${row.repeat(Math.ceil((UPLOAD_LIMIT * 1.5) / row.length))}`;
    const response = await upload(owner, {}, { name: 'big.csv', content: big });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringMatching(/upload limit/),
    });
    expect((await listAgreementSamples(handle.db, { projectId })).length).toBe(before);
  }, 30_000);

  it('refuses viewers (403), strangers (401), cross-origin posts (403) and unknown projects (404)', async () => {
    const file = { name: 'k.csv', content: readFileSync(REFERENCE) };
    const before = (await listAgreementSamples(handle.db, { projectId })).length;
    const asViewer = await upload(viewer, {}, file);
    expect(asViewer.statusCode).toBe(403);
    expect(asViewer.json().message).toMatch(/editor role/);
    expect((await upload(null, {}, file)).statusCode).toBe(401);
    const crossSite = await upload(owner, {}, file, { origin: 'https://evil.example' });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().message).toMatch(/Cross-origin/);
    expect((await upload(owner, {}, file, { project: crypto.randomUUID() })).statusCode).toBe(404);
    expect((await listAgreementSamples(handle.db, { projectId })).length).toBe(before);
  }, 30_000);

  it('names a bad form field', async () => {
    const response = await upload(
      owner,
      { level: 'cardinal' },
      { name: 'k.csv', content: readFileSync(REFERENCE) },
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/^Invalid level/);
  });
});
