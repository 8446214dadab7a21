// Entry point: `node --import tsx apps/server/src/main.ts` (run directly, not via `npm run -w`, so signals reach it).
import { performance } from 'node:perf_hooks';
import { backfillTradeoffSummaries, createDb, type DbHandle, migrateDb } from '@raisin/db';
import { type App, buildApp } from './app';
import { type Config, ConfigError, DEFAULT_HOST, loadConfig } from './config';

// A request still running after this long is abandoned so an orchestrator's restart is not blocked.
const SHUTDOWN_TIMEOUT_MS = 10_000;

/** Milliseconds since the previous call (or creation), for the startup log line. */
function stopwatch(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const elapsed = Math.round(now - last);
    last = now;
    return elapsed;
  };
}

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * Listens on HOST; the default (every IPv6 address, and IPv4 through dual-stack sockets) falls back to
 * every IPv4 address on a machine without IPv6.
 */
async function listen(app: App, config: Config): Promise<string> {
  try {
    return await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const noIpv6 = code === 'EAFNOSUPPORT' || code === 'EADDRNOTAVAIL';
    if (!noIpv6 || config.host !== DEFAULT_HOST || process.env.HOST) throw error;
    return app.listen({ port: config.port, host: '0.0.0.0' });
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  let handle: DbHandle | undefined;
  try {
    const since = stopwatch();
    handle = await createDb(
      config.databaseUrl === undefined ? { dataDir: config.dataDir } : { url: config.databaseUrl },
    );
    const openMs = since();
    await migrateDb(handle.db, handle.driver);
    const migrateMs = since();
    const app = await buildApp(config, handle);
    const address = await listen(app, config);
    const appMs = since();
    // process.uptime() counts from process start, so module loading and the WASM compile are included.
    const startupMs = Math.round(process.uptime() * 1000);
    app.log.info(
      { address, publicUrl: config.publicUrl, driver: handle.driver, startupMs, openMs, migrateMs, appMs },
      `Raisin listening on ${address} (${config.publicUrl === null ? 'links and the CSRF check follow the address each request was made to' : `public URL ${config.publicUrl}`}), ready in ${startupMs} ms`,
    );

    // After an upgrade, projects' stored tradeoff summaries may be missing or stale: storing them now, one
    // workspace at a time between requests, spares the first portfolio load from simulating each project.
    const backfill = new AbortController();
    const backfillStart = performance.now();
    backfillTradeoffSummaries(handle.db, { signal: backfill.signal }).then(
      (workspaces) =>
        app.log.info(
          { workspaces, ms: Math.round(performance.now() - backfillStart) },
          'tradeoff summaries checked',
        ),
      (error: unknown) => {
        if (!backfill.signal.aborted) app.log.error({ err: error }, 'tradeoff summary backfill failed');
      },
    );

    const db = handle;
    let closing = false;
    const shutdown = async (signal: NodeJS.Signals) => {
      if (closing) return;
      closing = true;
      backfill.abort();
      app.log.info({ signal }, 'shutting down: finishing in-flight requests');
      setTimeout(() => {
        app.log.error('shutdown timed out; exiting');
        process.exit(1);
      }, SHUTDOWN_TIMEOUT_MS).unref();
      try {
        // Stops accepting connections and waits for in-flight requests (new ones get 503 meanwhile).
        await app.close();
        await db.close();
        process.exit(0);
      } catch (error) {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      }
    };
    process.once('SIGTERM', (signal) => void shutdown(signal));
    process.once('SIGINT', (signal) => void shutdown(signal));
  } catch (error) {
    console.error('Raisin failed to start:', error);
    await handle?.close().catch(() => undefined);
    process.exit(1);
  }
}

await main();
