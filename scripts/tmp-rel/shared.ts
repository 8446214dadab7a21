import { call, createThrowawayPostgres, signUp, startServer, stop, trpcData, trpcQuery } from '../../apps/server/test/server-process';
const t = await createThrowawayPostgres('postgres://postgres@127.0.0.1:5432/test', 'raisin_probe');
const s = await startServer({ DATABASE_URL: t.url, LOG_LEVEL: 'warn', RAISIN_TRUST_PROXY: 'true' });
try {
  const c = await signUp(s.origin, 'p');
  const w = trpcData<{ id: string }>(await call(s.origin, c, '/trpc/workspaces.create', { name: 'w' }));
  const p = trpcData<{ id: string }>(await call(s.origin, c, '/trpc/projects.create', { workspaceId: w.id, name: 'p' }));
  const v = trpcData<{ id: string }>(await call(s.origin, c, '/trpc/report.publish', { projectId: p.id }));
  const l = trpcData<{ token: string }>(await call(s.origin, c, '/trpc/report.createShareLink', { projectId: p.id, versionId: v.id }));
  for (const path of [`/trpc/report.shared${trpcQuery({ token: l.token })}`, `/s/${l.token}`, `/trpc/projects.list${trpcQuery({ workspaceId: w.id })}`]) {
    const t0 = performance.now(); let size = 0;
    for (let i = 0; i < 50; i++) { const r = await fetch(s.origin + path, { headers: { 'x-forwarded-for': `10.0.${i}.1`, cookie: c.cookie } }); size = (await r.arrayBuffer()).byteLength; }
    console.log(path.slice(0, 30), ((performance.now() - t0) / 50).toFixed(1), 'ms/req', size, 'bytes');
  }
} finally { await stop(s); await t.drop(); }
