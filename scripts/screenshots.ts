/**
 * `npm run screenshots`: the pictures of README.md and docs/guide.md, taken from the demo so they stay
 * current. Starts a server on a throwaway data folder (like e2e/playwright.config.ts), signs up with
 * "Create a demo project to explore" ticked, and saves 1280×800 PNGs of each tab to docs/screenshots/.
 * Not part of `npm test`. SCREENSHOTS_PORT (default 3290) picks the port; CHROMIUM_PATH the browser.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Locator, type Page } from '@playwright/test';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'docs/screenshots');
const port = Number(process.env.SCREENSHOTS_PORT ?? 3290);
const baseURL = `http://localhost:${port}`;
const VIEWPORT = { width: 1280, height: 800 };

async function waitForReady(server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    const ready = await fetch(`${baseURL}/readyz`).catch(() => null);
    if (ready?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server did not answer on ${baseURL}/readyz within two minutes`);
}

/** Waits for `ready`, lets charts finish their entry animation, and saves the page as `name`.png. */
async function shoot(page: Page, name: string, ready: Locator, scrollTo?: Locator): Promise<void> {
  await ready.first().waitFor({ state: 'visible', timeout: 30_000 });
  // Scroll the part worth showing to the top of the picture, with a little margin above it.
  await scrollTo?.first().evaluate((element) => {
    element.scrollIntoView({ block: 'start' });
    element.ownerDocument.defaultView?.scrollBy(0, -24);
  });
  await page.waitForTimeout(1500);
  const path = join(outDir, `${name}.png`);
  await page.screenshot({ path });
  console.log(`docs/screenshots/${name}.png`);
}

async function takeScreenshots(page: Page): Promise<void> {
  await page.goto('/sign-up');
  const demoBox = page.getByLabel('Create a demo project to explore');
  await demoBox.waitFor();
  await page.getByLabel('Name').fill('Dana Reviewer');
  await page.getByLabel('Email').fill('dana@example.com');
  await page.getByLabel('Password').fill('correct horse battery staple');
  await demoBox.check();
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/p\/[^/]+\/worksheet$/, { timeout: 60_000 });
  const projectUrl = page.url().replace(/\/worksheet$/, '');

  await shoot(page, 'worksheet', page.getByRole('heading', { name: 'Feasibility worksheet' }));
  await page.goto(`${projectUrl}/agreement`);
  await shoot(
    page,
    'agreement',
    page.getByTestId('headline-alpha'),
    page.getByRole('heading', { name: /: headline$/ }),
  );
  await page.goto(`${projectUrl}/tradeoff`);
  const chart = page.getByRole('img', { name: /against effort on a log-time axis/ });
  await shoot(page, 'tradeoff', chart, chart);
  await page.goto(`${projectUrl}/roadmap`);
  const gantt = page.locator('figure.gantt');
  await shoot(page, 'roadmap', gantt, gantt);
  await page.goto(projectUrl.replace(/\/p\/[^/]+$/, '/portfolio'));
  await shoot(
    page,
    'portfolio',
    page.getByRole('table', { name: /Projects of this workspace/ }),
    page.getByRole('heading', { name: 'Projects', level: 2 }),
  );
  await shootSharedReport(page, projectUrl);
}

/** Opens the demo's published report by a share link, signed out, as a stakeholder would. */
async function shootSharedReport(page: Page, projectUrl: string): Promise<void> {
  const projectId = projectUrl.split('/p/')[1] ?? '';
  const versions = await page.request.get(
    `/trpc/report.versions?input=${encodeURIComponent(JSON.stringify({ projectId }))}`,
  );
  const versionId = ((await versions.json()) as { result: { data: { id: string }[] } }).result.data[0]?.id;
  const created = await page.request.post('/trpc/report.createShareLink', {
    data: { projectId, versionId },
    headers: { origin: baseURL, 'content-type': 'application/json' },
  });
  const { url } = ((await created.json()) as { result: { data: { url: string } } }).result.data;
  const context = await page
    .context()
    .browser()
    ?.newContext({ baseURL, viewport: VIEWPORT, reducedMotion: 'reduce' });
  if (!context) throw new Error('no browser');
  const stakeholder = await context.newPage();
  await stakeholder.goto(url);
  await shoot(stakeholder, 'shared-report', stakeholder.getByRole('heading', { name: 'Executive summary' }));
  await context.close();
}

mkdirSync(outDir, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), 'raisin-screenshots-'));
const server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    PORT: String(port),
    RAISIN_DATA_DIR: dataDir,
    RAISIN_PUBLIC_URL: baseURL,
    LOG_LEVEL: 'warn',
  },
});
let failed = false;
try {
  await waitForReady(server);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  try {
    const context = await browser.newContext({ baseURL, viewport: VIEWPORT, reducedMotion: 'reduce' });
    await takeScreenshots(await context.newPage());
  } finally {
    await browser.close();
  }
} catch (error) {
  failed = true;
  console.error(`npm run screenshots: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  if (server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
