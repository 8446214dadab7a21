import autocannon from 'autocannon';
import { call, createThrowawayPostgres, signUp, startServer, stop, trpcData, trpcQuery } from '../../apps/server/test/server-process';
const t = await createThrowawayPostgres('postgres://postgres@127.0.0.1:5432/test', 'raisin_probe');
const s = await startServer({ DATABASE_URL: t.url, LOG_LEVEL: 'warn', RAISIN_TRUST_PROXY: 'true', NODE_OPTIONS: '--cpu-prof --cpu-prof-dir=/tmp/rel/prof' });
try {
  const c = await signUp(s.origin, 'p');
  const w = trpcData<{ id: string }>(await call(s.origin, c, '/trpc/workspaces.create', { name: 'w' }));
  const p = trpcData<{ id: string }>(await call(s.origin, c, '/trpc/projects.create', { workspaceId: w.id, name: 'p' }));
  const v = trpcData<{ id: string }>(await call(s.origin, c, '/trpc/report.publish', { projectId: p.id }));
  const l = trpcData<{ token: string }>(await call(s.origin, c, '/trpc/report.createShareLink', { projectId: p.id, versionId: v.id }));
  let n = 0;
  const r = await autocannon({ url: s.origin, connections: 10, duration: 8, requests: [{ method: 'GET', path: `/trpc/report.shared${trpcQuery({ token: l.token })}`, setupRequest: (req) => ({ ...req, headers: { 'x-forwarded-for': `10.1.${(n >> 8) & 255}.${n++ & 255}` } }) }] });
  console.log(r.requests.average, r.latency.p50, r.latency.p99, r.non2xx);
} finally { await stop(s); await t.drop(); }
