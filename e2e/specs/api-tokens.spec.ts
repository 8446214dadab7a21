import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWorkspaceViaApi, expect, signUpViaApi, signUpWithProjectViaApi, test } from './fixtures';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SAMPLE = join(ROOT, 'apps/web/public/samples/medicines-titles.csv');
/** Three annotators who agree on nothing: α far below any threshold. */
const DISPUTED = (() => {
  const file = join(mkdtempSync(join(tmpdir(), 'raisin-e2e-batch-')), 'disputed.csv');
  const rows = ['item,annotator,label'];
  for (let item = 1; item <= 30; item += 1) {
    for (const [i, annotator] of ['a', 'b', 'c'].entries()) {
      rows.push(`${item},${annotator},${(item + i) % 3 === 0 ? 'yes' : 'no'}`);
    }
  }
  writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
})();

/** The `raisin` command from its sources, as a CI job runs it. */
function raisin(args: readonly string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'apps/cli/bin/raisin.mjs'), ...args],
      { env: { PATH: process.env.PATH ?? '', RAISIN_CLI_FROM_SOURCE: '1', ...env }, timeout: 120_000 },
      (error, stdout, stderr) =>
        resolve({
          code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1,
          stdout,
          stderr,
        }),
    );
  });
}

test.describe('API tokens', () => {
  test('an owner creates a token by keyboard, copies it once, sees it listed and revokes it', async ({
    page,
    account,
  }) => {
    await signUpViaApi(page, account('tokens'));
    const workspace = await createWorkspaceViaApi(page, 'Labeling');
    await page.goto(`/w/${workspace.id}`);
    await page
      .getByRole('navigation', { name: 'Workspace' })
      .getByRole('link', { name: 'API tokens' })
      .click();
    await expect(page.getByRole('heading', { name: 'API tokens', level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'No API tokens yet' })).toBeVisible();

    // An empty name is refused beside its field, and nothing is created.
    await page.getByLabel('Token name').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Token name')).toHaveAccessibleDescription(/name the job/);

    await page.getByLabel('Token name').fill('Nightly Label Studio export');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('combobox', { name: 'Role' })).toBeFocused();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: /Viewer/ }).press('Enter');
    await expect(page.getByRole('combobox', { name: 'Role' })).toHaveText(/Viewer/);
    await page.getByLabel('Token name').press('Enter');

    const field = page.getByLabel('New API token');
    await expect(field).toHaveValue(/^raisin_[A-Za-z0-9_-]{43}$/);
    await expect(page.getByText(/it is shown only once/)).toBeVisible();
    const row = page.getByRole('row', { name: /Nightly Label Studio export/ });
    await expect(row).toContainText('Viewer');
    await expect(row).toContainText('Active');
    await expect(row.getByRole('cell').nth(2)).toHaveText('never'); // last used

    // After a reload the token is gone from the page for good; its row stays.
    await page.reload();
    await expect(page.getByLabel('New API token')).toHaveCount(0);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Revoke Nightly Label Studio export' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('row', { name: /Nightly Label Studio export/ })).toContainText('Revoked');
    await expect(page.getByRole('button', { name: 'Revoke Nightly Label Studio export' })).toHaveCount(0);
  });
});

test.describe('batches pushed by a pipeline', () => {
  test('a token made in the browser lets the CLI push batches that show in the trend, marked below the threshold', async ({
    page,
    account,
  }) => {
    const { workspaceId, projectId } = await signUpWithProjectViaApi(page, account('pipeline'), {
      workspace: 'Labeling',
      project: 'Medicines detector',
    });
    await page.goto(`/w/${workspaceId}/api-tokens`);
    await page.getByLabel('Token name').fill('GitHub Actions');
    await page.getByRole('button', { name: 'Create token' }).click();
    const token = await page.getByLabel('New API token').inputValue();
    expect(token).toMatch(/^raisin_/);

    const server = new URL(test.info().project.use.baseURL ?? '').origin;
    for (const [file, name] of [
      [SAMPLE, 'Week 1'],
      [DISPUTED, 'Week 2'],
    ] as const) {
      const run = await raisin(
        [
          'agreement',
          file,
          '--push',
          '--server',
          server,
          '--project',
          projectId,
          '--name',
          name,
          '--bootstrap',
          '0',
        ],
        { RAISIN_TOKEN: token },
      );
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(
        `Recorded as "${name}": ${server}/w/${workspaceId}/p/${projectId}/agreement?sample=`,
      );
    }

    await page.goto(`/w/${workspaceId}/p/${projectId}/agreement`);
    const week2 = page.getByRole('row', { name: /Week 2/ });
    await expect(week2).toContainText('Pushed by GitHub Actions');
    await expect(page.getByRole('heading', { name: 'Trend across samples' })).toBeVisible();
    await expect(week2).not.toContainText('Below threshold');

    await page.getByLabel('Batch threshold (α)').fill('0.5');
    await page.getByRole('button', { name: 'Save threshold' }).click();
    await expect(week2).toContainText('Below threshold');
    await expect(page.getByRole('row', { name: /Week 1/ })).not.toContainText('Below threshold');
    await expect(page.getByText(/Below the threshold α 0.5: Week 2/)).toBeVisible();
  });
});
