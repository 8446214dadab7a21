// The REST part of `npm run bench:load`: what a labeling pipeline does with an API token. A read of the
// project's samples (the trend a dashboard or a gate polls) and a batch push (a small labeled file as the
// request body, scored and stored). The bench server runs with a per-token limit high enough that the
// rate limiter counts every request but refuses none, so the figures include its cost.
import type { Request } from 'autocannon';
import type { Client } from '../../apps/server/test/server-process';
import { call, trpcData } from '../../apps/server/test/server-process';
import type { Scenario } from '../bench-load';

export interface RestSeed {
  readonly token: string;
  readonly projectId: string;
}

/** A small batch as a job would push it: 40 items, 3 annotators, 120 labels. */
function batchCsv(): string {
  const lines = ['item,annotator,label'];
  for (let item = 1; item <= 40; item += 1) {
    for (const annotator of ['ann', 'ben', 'cat']) {
      const label = (item * 7 + annotator.length + (annotator === 'cat' && item % 5 === 0 ? 1 : 0)) % 3;
      lines.push(`doc-${item},${annotator},class-${label}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** An editor token for the workspace, and one pushed batch so the list has a sample to return. */
export async function seedRest(
  origin: string,
  client: Client,
  workspaceId: string,
  projectId: string,
): Promise<RestSeed> {
  const { token } = trpcData<{ token: string }>(
    await call(origin, client, '/trpc/apiTokens.create', {
      workspaceId,
      name: 'Load pipeline',
      role: 'editor',
    }),
  );
  const pushed = await fetch(`${origin}/api/v1/projects/${projectId}/samples?name=seed`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: batchCsv(),
  });
  if (pushed.status !== 201)
    throw new Error(`seeding a batch failed: ${pushed.status} ${await pushed.text()}`);
  return { token, projectId };
}

export function restScenarios(seed: RestSeed): Scenario[] {
  const headers = { authorization: `Bearer ${seed.token}` };
  const list: Request = { method: 'GET', path: `/api/v1/projects/${seed.projectId}/samples`, headers };
  let batch = 0;
  const push: Request = {
    method: 'POST',
    path: `/api/v1/projects/${seed.projectId}/samples`,
    headers: { ...headers, 'content-type': 'text/csv' },
    body: batchCsv(),
    setupRequest: (request) => {
      batch += 1;
      return { ...request, path: `${request.path}?name=batch-${batch}` };
    },
  };
  return [
    {
      name: 'REST samples list (token)',
      target: { requestsPerSecond: 1000, p99Ms: 50 },
      options: { requests: [list] },
    },
    {
      name: 'REST batch push (token, 120 labels)',
      // One scoring slot: ten pipelines pushing at once queue behind each other, each batch scored in
      // milliseconds (1,000 resamples) and stored in one transaction.
      target: { requestsPerSecond: 30, p99Ms: 1000 },
      options: { requests: [push] },
    },
  ];
}
