import type { Page } from '@playwright/test';
import { createProjectViaApi, createWorkspaceViaApi, expect, signUpViaApi, test } from './fixtures';

async function openTradeoffTab(page: Page, account: { name: string; email: string; password: string }) {
  await signUpViaApi(page, account);
  const ws = await createWorkspaceViaApi(page, 'Marketplace ML');
  const project = await createProjectViaApi(page, ws.id, 'Medicines detector for product titles');
  await page.goto(`/w/${ws.id}/p/${project.id}/tradeoff`);
  await expect(page.getByRole('heading', { name: 'Attack angles' })).toBeVisible();
}

async function saveSettings(page: Page, fields: Record<string, string>) {
  const form = page.getByRole('form', { name: 'Tradeoff settings' });
  for (const [label, value] of Object.entries(fields))
    await form.getByLabel(label, { exact: true }).fill(value);
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByRole('button', { name: 'Save settings' })).toBeDisabled();
}

test('a new project starts from the seed example; editing an estimate moves the P50, and it is saved', async ({
  page,
  account,
}) => {
  await openTradeoffTab(page, account('lead'));
  for (const name of ['Keyword rule', 'Baseline model', 'Decent model', 'Awesome model']) {
    await expect(page.getByRole('group', { name })).toBeVisible();
  }
  await expect(page.getByRole('img', { name: /accuracy against effort on a log-time axis/ })).toBeVisible();
  // Until an editor saves a change, the other tabs do not use the example, and the tab says so.
  const exampleNote = page.getByText(/These are example estimates/);
  await expect(exampleNote).toBeVisible();
  await saveSettings(page, { 'Target quality': '0.85', 'Human ceiling': '0.92' });
  await expect(exampleNote).toHaveCount(0);

  const p50 = page.getByTestId('p50');
  await expect(p50).not.toHaveText('not reached');
  const before = await p50.textContent();

  const decent = page.getByRole('group', { name: 'Decent model' });
  await decent.getByLabel('Likely quality').fill('0.75');
  await decent.getByLabel('Low quality').fill('0.7');
  await expect(p50).not.toHaveText(before ?? '');
  const edited = await p50.textContent();

  // A bad value names its field and leaves the answers on the last good estimate.
  await decent.getByLabel('High quality').fill('0.6');
  await expect(decent.getByText('High quality: must not be below the likely quality')).toBeVisible();
  await expect(decent.getByRole('button', { name: 'Save Decent model' })).toBeEnabled();
  await decent.getByLabel('High quality').fill('0.86');

  await decent.getByRole('button', { name: 'Save Decent model' }).click();
  await expect(decent.getByRole('button', { name: 'Save Decent model' })).toBeDisabled();
  await page.reload();
  await expect(page.getByRole('group', { name: 'Decent model' }).getByLabel('Likely quality')).toHaveValue(
    '0.75',
  );
  await expect(page.getByTestId('p50')).toHaveText(edited ?? '');
});

test('a target at or above the ceiling is called unbounded, and a measured point moves the curve', async ({
  page,
  account,
}) => {
  await openTradeoffTab(page, account('lead'));
  await saveSettings(page, { 'Target quality': '0.95', 'Human ceiling': '0.92' });
  await expect(
    page.getByRole('alert').filter({ hasText: 'at or above the human ceiling 0.920' }),
  ).toContainText('unbounded');
  await expect(page.getByTestId('p50')).toHaveText('not reached');

  await saveSettings(page, { 'Target quality': '0.85' });
  await expect(page.getByRole('alert').filter({ hasText: 'human ceiling' })).toHaveCount(0);
  const p50 = page.getByTestId('p50');
  await expect(p50).not.toHaveText('not reached');
  const before = await p50.textContent();
  await page.getByText('Chart data as a table').click();
  const curveTable = page.getByRole('table', { name: 'Fitted curve and its 80% band' });
  const curveBefore = await curveTable.textContent();

  const form = page.getByRole('form', { name: 'Add a measured point' });
  await form.getByLabel('Effort spent', { exact: true }).fill('2');
  await form.getByLabel('Effort spent unit').selectOption('week');
  await form.getByLabel('Quality measured').fill('0.88');
  await form.getByLabel('Label (optional)').fill('first model');
  await form.getByRole('button', { name: 'Add measured point' }).click();

  await expect(page.getByRole('table', { name: 'Quality measured so far' })).toContainText('after 2 weeks');
  await expect(p50).not.toHaveText(before ?? '');
  await expect(curveTable).not.toHaveText(curveBefore ?? '');

  // The chance by a date the user picks.
  await page.getByLabel('Chance of reaching the target by').fill('2999-01-01');
  await expect(page.getByTestId('chance-by-date')).toContainText('% chance of reaching 0.850 by 2999-01-01');
});
