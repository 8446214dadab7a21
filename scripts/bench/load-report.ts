// The shared-report part of `npm run bench:load`: a published version with a share link, then the public
// share page and its API under load, as many viewers (one address each) opening the link would.
import type { Client } from '../../apps/server/test/server-process';
import { call, trpcData, trpcQuery } from '../../apps/server/test/server-process';
import type { Scenario } from '../bench-load';

export interface SharedReport {
  readonly token: string;
}

/** Publishes the project's report and shares it; null while the report feature is not in this build. */
export async function seedSharedReport(
  origin: string,
  client: Client,
  projectId: string,
): Promise<SharedReport | null> {
  const published = await call(origin, client, '/trpc/report.publish', { projectId, note: 'Load test' });
  if (published.status === 404) return null;
  const version = trpcData<{ id: string }>(published);
  const link = trpcData<{ token: string }>(
    await call(origin, client, '/trpc/report.createShareLink', { projectId, versionId: version.id }),
  );
  return { token: link.token };
}

let viewer = 0;
/**
 * A different client address per request (the server runs with RAISIN_TRUST_PROXY=true in this bench),
 * so the per-address share-lookup limit sees many viewers, not one scanner.
 */
function asNextViewer(request: { headers?: Record<string, string> }) {
  viewer += 1;
  const address = `10.${(viewer >> 16) & 255}.${(viewer >> 8) & 255}.${viewer & 255}`;
  return { ...request, headers: { ...request.headers, 'x-forwarded-for': address } };
}

export function sharedReportScenarios(shared: SharedReport): Scenario[] {
  const target = { requestsPerSecond: 1500, p99Ms: 50 };
  return [
    {
      name: 'shared report API (report.shared)',
      target,
      options: {
        requests: [
          {
            method: 'GET',
            path: `/trpc/report.shared${trpcQuery({ token: shared.token })}`,
            setupRequest: asNextViewer,
          },
        ],
      },
    },
    {
      name: 'shared report page (/s/<token>)',
      target,
      options: { requests: [{ method: 'GET', path: `/s/${shared.token}`, setupRequest: asNextViewer }] },
    },
  ];
}
