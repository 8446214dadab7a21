import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { callMutation, callQuery, createWorkspaceViaApi, expect, signUpViaApi, test } from './fixtures';

const repoFile = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

interface CliAgreement {
  percentAgreement: number;
  krippendorffAlpha: { nominal: number };
  humanCeiling: { value: number };
}

/** `raisin agreement --json` on the committed demo sample, with the built CLI. */
function cliAgreement(): CliAgreement {
  const output = execFileSync(
    process.execPath,
    [
      repoFile('apps/cli/dist/raisin.mjs'),
      'agreement',
      repoFile('apps/web/public/samples/medicines-titles.csv'),
      '--json',
    ],
    { encoding: 'utf8' },
  );
  return JSON.parse(output) as CliAgreement;
}

/** Console errors of the page (failed requests, React warnings logged as errors, …). */
function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${name.toLowerCase()}$`));
}

test.describe('demo', () => {
  test('a brand-new account explores the demo: every tab is filled', async ({ page, account }) => {
    const consoleErrors = collectConsoleErrors(page);
    const dana = account('dana');
    await page.goto('/sign-up');
    await page.getByLabel('Name').fill(dana.name);
    await page.getByLabel('Email').fill(dana.email);
    await page.getByLabel('Password').fill(dana.password);
    await page.getByLabel('Create a demo project to explore').check();
    await page.getByRole('button', { name: 'Create account' }).click();

    await expect(page).toHaveURL(/\/w\/[^/]+\/p\/[^/]+\/worksheet$/, { timeout: 30_000 });
    await expect(
      page.getByRole('heading', { level: 1, name: 'Medicines detector for product titles' }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Workspace: Demo — Marketplace ML' })).toBeVisible();
    await expect(page.getByLabel('What would a 1-minute heuristic be?')).toHaveValue(
      "if 'antibiotic' in title: return 'meds'",
    );
    await expect(page.getByRole('heading', { name: 'Verdict' })).toBeVisible();

    await openTab(page, 'Agreement');
    const cli = cliAgreement();
    await expect(page.getByTestId('headline-alpha')).toContainText(cli.krippendorffAlpha.nominal.toFixed(3));
    await expect(page.getByTestId('headline-alpha')).toContainText('tentative');
    await expect(page.getByRole('row', { name: /^Percent agreement/ })).toContainText(
      cli.percentAgreement.toFixed(3),
    );
    await expect(page.getByTestId('headline-ceiling')).toContainText(cli.humanCeiling.value.toFixed(3));
    await expect(page.getByRole('cell', { name: 'Reference' })).toBeVisible();

    await openTab(page, 'Tradeoff');
    await expect(page.getByRole('img', { name: /accuracy against effort on a log-time axis/ })).toBeVisible();
    await expect(
      page.getByRole('row', { name: "Keyword rule: 'antibiotic' in title" }).first(),
    ).toBeVisible();
    await expect(
      page.getByRole('row', { name: 'Custom model with catalogue features and active learning' }).first(),
    ).toBeVisible();
    // The demo's angles are its own, not examples.
    await expect(page.getByRole('row', { name: /^Example: / })).toHaveCount(0);

    await openTab(page, 'Roadmap');
    await expect(page.getByRole('heading', { name: 'MLOps maturity' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Phases' })).toBeVisible();
    await expect(page.getByRole('row', { name: /^1 Heuristic in production/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /^4 Pipeline automation/ })).toBeVisible();

    await openTab(page, 'Report');
    await expect(page.getByRole('heading', { name: 'Versions' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Executive summary' })).toBeVisible();
    // The report prints the ceiling as the Agreement tab and the exports do: three decimals.
    await expect(
      page.getByRole('region', { name: 'Human-agreement ceiling' }).getByRole('strong'),
    ).toHaveText(cli.humanCeiling.value.toFixed(3));

    // The published version opens by link without an account.
    const projectId = /\/p\/([^/]+)\//.exec(page.url())?.[1] ?? '';
    const [version] = await callQuery<{ id: string }[]>(page, 'report.versions', { projectId });
    const link = await callMutation<{ url: string }>(page, 'report.createShareLink', {
      projectId,
      versionId: version?.id,
    });
    const stakeholder = await page.context().browser()?.newPage();
    if (!stakeholder) throw new Error('no browser');
    await stakeholder.goto(new URL(link.url).pathname);
    await expect(stakeholder.getByRole('heading', { name: 'Executive summary' })).toBeVisible();
    await expect(stakeholder.getByText('Medicines detector for product titles').first()).toBeVisible();
    await stakeholder.close();

    expect(consoleErrors).toEqual([]);
  });

  test('the projects page recreates the demo, and the demo workspace deletes like any other', async ({
    page,
    account,
  }) => {
    const consoleErrors = collectConsoleErrors(page);
    await signUpViaApi(page, account('returning'));
    const team = await createWorkspaceViaApi(page, 'Catalogue Quality');
    await page.goto(`/w/${team.id}`);
    await page.getByRole('button', { name: 'Create the demo project' }).click();
    await expect(page).toHaveURL(/\/p\/[^/]+\/worksheet$/, { timeout: 30_000 });
    await expect(page.getByRole('button', { name: 'Workspace: Demo — Marketplace ML' })).toBeVisible();

    await page.getByRole('link', { name: 'Projects' }).click();
    await page.getByRole('button', { name: 'Delete workspace' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Demo — Marketplace ML?' });
    await expect(dialog.getByRole('button', { name: 'Delete workspace' })).toBeDisabled();
    await dialog.getByLabel('Type the workspace name to confirm').fill('Demo — Marketplace ML');
    await dialog.getByRole('button', { name: 'Delete workspace' }).click();

    // Back home, which opens the remaining workspace; the demo is gone from the switcher.
    await expect(page.getByRole('heading', { level: 1, name: 'Catalogue Quality' })).toBeVisible();
    await page.getByRole('button', { name: 'Workspace: Catalogue Quality' }).click();
    await expect(page.getByRole('menuitem', { name: /Demo — Marketplace ML/ })).toHaveCount(0);
    expect(consoleErrors).toEqual([]);
  });
});
