import autocannon from 'autocannon';
import { createDb, migrateDb } from '../../packages/db/src/index';
import { buildApp, loadConfig } from '../../apps/server/src/index';
import { call, createThrowawayPostgres, signUp, trpcData, trpcQuery } from '../../apps/server/test/server-process';
const t = await createThrowawayPostgres('postgres://postgres@127.0.0.1:5432/test', 'raisin_probe');
const h = await createDb({ url: t.url });
await migrateDb(h.db, h.driver);
const origin = 'http://127.0.0.1:3377';
const app = await buildApp(loadConfig({ PORT: '3377', HOST: '127.0.0.1', RAISIN_PUBLIC_URL: origin, LOG_LEVEL: 'silent', RAISIN_TRUST_PROXY: 'true' }), h);
await app.listen({ port: 3377, host: '127.0.0.1' });
try {
  const c = await signUp(origin, 'p');
  const w = trpcData<{ id: string }>(await call(origin, c, '/trpc/workspaces.create', { name: 'w' }));
  const p = trpcData<{ id: string }>(await call(origin, c, '/trpc/projects.create', { workspaceId: w.id, name: 'p' }));
  const v = trpcData<{ id: string }>(await call(origin, c, '/trpc/report.publish', { projectId: p.id }));
  const l = trpcData<{ token: string }>(await call(origin, c, '/trpc/report.createShareLink', { projectId: p.id, versionId: v.id }));
  let n = 0;
  const path = process.argv[2] === 'list' ? `/trpc/projects.list${trpcQuery({ workspaceId: w.id })}` : `/trpc/report.shared${trpcQuery({ token: l.token })}`;
  const r = await autocannon({ url: origin, connections: 10, duration: 8, requests: [{ method: 'GET', path, setupRequest: (req) => ({ ...req, headers: { cookie: c.cookie, 'x-forwarded-for': `10.1.${(n >> 8) & 255}.${n++ & 255}` } }) }] });
  console.log(r.requests.average, r.latency.p50, r.latency.p99, r.non2xx);
} finally { await app.close(); await h.close(); await t.drop(); }
