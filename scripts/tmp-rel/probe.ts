import { sql } from 'drizzle-orm';
import { createDb, migrateDb, saveWorksheetAnswer, createWorkspace, createProject } from '../../packages/db/src/index';
import { seedUser } from '../../packages/db/src/testing';
import { createThrowawayPostgres } from '../../apps/server/test/server-process';
import { QUESTION_BANK } from '../../packages/core/src/worksheet';
const qs = QUESTION_BANK.filter((q) => q.kind === 'short-text' || q.kind === 'long-text').map((q) => q.id);
const t = await createThrowawayPostgres('postgres://postgres@127.0.0.1:5432/test', 'raisin_probe');
let h = await createDb({ url: t.url });
try {
  await migrateDb(h.db, h.driver);
  if (process.argv[3] === 'async') { const nm = new URL(t.url).pathname.slice(1); await h.db.execute(sql.raw(`alter database ${nm} set synchronous_commit = off`)); await h.close(); h = await createDb({ url: t.url }); }
  const u = await seedUser(h.db);
  const ws: any = await (createWorkspace as any)(h.db, { name: 'w', actorId: u.id, ownerId: u.id, userId: u.id });
  const p: any = await (createProject as any)(h.db, { workspaceId: ws.id, name: 'p', description: '', actorId: u.id });
  const versions = new Map<string, number>();
  const conc = Number(process.argv[2] ?? 10);
  const dur = 5000;
  let n = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: conc }, async (_, i) => {
    const q = qs[i]!;
    while (performance.now() - start < dur) {
      const r = await saveWorksheetAnswer(h.db, { projectId: p.id, questionId: q, baseVersion: versions.get(q) ?? 0, value: `v${n}`, actorId: u.id });
      versions.set(q, r.version); n++;
    }
  }));
  console.log('saves/s', (n / ((performance.now() - start) / 1000)).toFixed(0));
} finally { await h.close(); await t.drop(); }
