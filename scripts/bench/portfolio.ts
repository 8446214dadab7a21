// The workspace portfolio (`portfolio.list`) with 200 projects, each with answers, a reference ceiling,
// a saved tradeoff of four angles, a maturity assessment and a published version, on an in-memory
// PGlite. Figures: the statements issued (one per table, whatever the number of projects: counted for 20
// and for 200), the first call (every project's time-to-target simulation computed, nothing cached) and
// later calls (the simulations cached by their inputs, as the Worksheet tab already caches them).
// Targets: warm ≤ 300 ms for 200 projects (a page load), cold ≤ 200 × the simulation's 50 ms target.
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import {
  DEFAULT_TRADEOFF_SETTINGS,
  emptyReportSnapshot,
  MATURITY_ITEMS,
  seedAttackAngles,
} from '../../packages/core/src';
import type { Db } from '../../packages/db/src/client';
import { MIGRATIONS_FOLDER } from '../../packages/db/src/client';
import { getWorkspacePortfolio } from '../../packages/db/src/queries/portfolio';
import * as schema from '../../packages/db/src/schema';

const PROJECTS = 200;
const WARM_TARGET_MS = 300;
const SIMULATION_TARGET_MS = 50;

async function seedWorkspace(db: Db, projects: number, tag: string): Promise<string> {
  const [ws] = await db
    .insert(schema.workspace)
    .values({ name: `Bench ${tag}` })
    .returning();
  if (!ws) throw new Error('no workspace');
  const rows = await db
    .insert(schema.project)
    .values(Array.from({ length: projects }, (_, i) => ({ workspaceId: ws.id, name: `Project ${tag} ${i}` })))
    .returning({ id: schema.project.id });
  // Each project's estimates differ a little, so no two share a cached simulation.
  await db.insert(schema.worksheetAnswer).values(
    rows.flatMap(
      (p, i) =>
        [
          {
            projectId: p.id,
            questionId: 'E.target-quality',
            value: { kind: 'number', value: 0.8 + (i % 50) / 1000 },
            version: 1,
          },
          {
            projectId: p.id,
            questionId: 'G.serving-mode',
            value: { kind: 'single', value: 'precomputed' },
            version: 1,
          },
          {
            projectId: p.id,
            questionId: 'H.retraining-cadence',
            value: { kind: 'single', value: 'monthly' },
            version: 1,
          },
        ] as const,
    ),
  );
  await db.insert(schema.agreementSample).values(
    rows.map((p, i) => ({
      projectId: p.id,
      name: 'pilot',
      fileName: 'pilot.csv',
      fileBytes: 1000,
      format: 'long' as const,
      level: 'nominal' as const,
      items: 300,
      annotators: 3,
      annotations: 900,
      alpha: 0.7,
      ceiling: 0.9 + (i % 7) / 100,
      ceilingLow: 0.88,
      ceilingHigh: 0.97,
      ceilingItems: 300,
      report: {} as never,
      isReference: true,
    })),
  );
  await db.insert(schema.tradeoffSettings).values(
    rows.map((p) => ({
      projectId: p.id,
      settings: {
        ...DEFAULT_TRADEOFF_SETTINGS,
        value: { ...DEFAULT_TRADEOFF_SETTINGS.value, valuePerPoint: 2000, baselineQuality: 0.5 },
        teamCost: { amount: 800, per: 'day' as const },
      },
    })),
  );
  await db.insert(schema.attackAngle).values(
    rows.flatMap((p, i) =>
      seedAttackAngles().map((angle, position) => ({
        projectId: p.id,
        position,
        name: angle.name,
        effort: angle.effort,
        quality: {
          low: angle.quality.low,
          likely: angle.quality.likely + (i % 40) / 2000,
          high: angle.quality.high + (i % 40) / 2000,
        },
        costRate: angle.costRate ?? null,
      })),
    ),
  );
  await db.insert(schema.maturityAssessment).values(
    rows.map((p) => ({
      projectId: p.id,
      itemsVersion: 1,
      answers: Object.fromEntries(MATURITY_ITEMS.slice(0, 5).map((item) => [item.id, 'yes' as const])),
    })),
  );
  await db
    .insert(schema.reportVersion)
    .values(
      rows.flatMap((p) =>
        [1, 2].map((number) => ({ projectId: p.id, number, snapshot: emptyReportSnapshot() })),
      ),
    );
  return ws.id;
}

function median(values: number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export async function benchPortfolio(): Promise<void> {
  const client = new PGlite();
  await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  let statements = 0;
  const db = drizzle(client, {
    schema,
    logger: {
      logQuery: () => {
        statements++;
      },
    },
  }) as unknown as Db;
  try {
    const small = await seedWorkspace(db, 20, 'small');
    const large = await seedWorkspace(db, PROJECTS, 'large');

    statements = 0;
    await getWorkspacePortfolio(db, { workspaceId: small });
    const smallStatements = statements;

    statements = 0;
    const coldStart = performance.now();
    const rows = await getWorkspacePortfolio(db, { workspaceId: large });
    const cold = performance.now() - coldStart;
    const largeStatements = statements;
    if (rows.length !== PROJECTS || rows.some((row) => row.timeToTarget === null)) {
      throw new Error('the bench workspace should give 200 projects, each with a time to target');
    }

    const warm: number[] = [];
    for (let run = 0; run < 7; run++) {
      const start = performance.now();
      await getWorkspacePortfolio(db, { workspaceId: large });
      warm.push(performance.now() - start);
    }
    console.log(
      `statements per call: ${smallStatements} for 20 projects, ${largeStatements} for ${PROJECTS} (one per table)`,
    );
    console.log(
      `${PROJECTS} projects, first call (every simulation computed): ${cold.toFixed(0)} ms ` +
        `(${(cold / PROJECTS).toFixed(1)} ms per project; vs ${PROJECTS} × ${SIMULATION_TARGET_MS} ms, ratio ${(cold / (PROJECTS * SIMULATION_TARGET_MS)).toFixed(2)})`,
    );
    console.log(
      `${PROJECTS} projects, later calls (simulations cached): median ${median(warm).toFixed(0)} ms, ` +
        `min ${Math.min(...warm).toFixed(0)} ms; vs target ${WARM_TARGET_MS} ms (ratio ${(median(warm) / WARM_TARGET_MS).toFixed(2)})`,
    );
  } finally {
    await client.close();
  }
}
