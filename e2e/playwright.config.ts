import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
// A fresh database per run: specs never see a previous run's accounts.
const dataDir = mkdtempSync(join(tmpdir(), 'raisin-e2e-'));

export default defineConfig({
  testDir: './specs',
  // Two cores: one worker for the browser, one left for the server.
  workers: 1,
  retries: 0,
  reporter: 'list',
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    // Dates follow the reader's locale: pinned so that the specs read the same dates on every machine.
    locale: 'en-US',
    trace: 'retain-on-failure',
    // Debian's Chromium (scripts/ensure-chromium.mjs): Playwright's own browser downloads are not available here.
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'node --import tsx apps/server/src/main.ts',
    cwd: repoRoot,
    url: `${baseURL}/readyz`,
    timeout: 120_000,
    // E2E_REUSE_SERVER=1 runs the specs against a server already listening on E2E_PORT (development only).
    reuseExistingServer: process.env.E2E_REUSE_SERVER === '1',
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      RAISIN_DATA_DIR: dataDir,
      // No RAISIN_PUBLIC_URL, as after `npm start`: the server accepts each address it is opened at
      // (any-address.spec.ts opens it at localhost and at 127.0.0.1).
      LOG_LEVEL: 'warn',
      // Each test presents its own client address (fixtures.ts), so the per-IP sign-in/sign-up limits
      // apply per test as they would per person, instead of the whole suite sharing 127.0.0.1's quota.
      RAISIN_TRUST_PROXY: 'true',
    },
  },
});
