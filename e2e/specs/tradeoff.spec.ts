import type { Page } from '@playwright/test';
import {
  callMutation,
  createProjectViaApi,
  createWorkspaceViaApi,
  expect,
  saveAnswerViaApi,
  signUpViaApi,
  test,
} from './fixtures';

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
  // The chart: a log-time axis labelled in units, the ceiling and target lines, the shaded region above.
  const chart = page.getByRole('img', { name: /accuracy against effort on a log-time axis/ });
  await expect(chart).toHaveAccessibleName(/human ceiling 0\.920, target 0\.850/);
  for (const tick of ['minute', 'hour', 'day', 'week', 'month', 'year'])
    await expect(chart.getByText(tick, { exact: true })).toBeVisible();
  await expect(chart.getByText('Not measurable against these labels')).toBeVisible();
  await expect(chart.getByText('Human ceiling 0.920')).toBeVisible();
  await expect(chart.getByText('Target 0.850')).toBeVisible();
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
  await expect(page.getByTestId('chance-by-date')).toHaveText(/^(9\d|100)% chance/);
  // A date before the work started leaves no time at all.
  await page.getByLabel('Chance of reaching the target by').fill('2000-01-01');
  await expect(page.getByTestId('chance-by-date')).toHaveText(/^0% chance of reaching 0\.850 by 2000-01-01/);
});

test('the ROI table ranks the angles by either value model, and non-monotone estimates are called out', async ({
  page,
  account,
}) => {
  await openTradeoffTab(page, account('lead'));
  const roi = page.getByRole('region', { name: 'Return on investment' });
  await expect(roi).toContainText('Set a value per quality point');

  // 1,000 per percentage point, 10,000 a month: the decent model's 82 points in a week win.
  await saveSettings(page, { 'Value per quality point': '1000', 'Team cost': '10000' });
  const table = roi.getByRole('table', { name: /Angles ranked by net value/ });
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(table.getByRole('row').nth(1)).toContainText('Decent model');
  await expect(table.getByRole('row').nth(1)).toContainText('Best');
  await expect(table.getByRole('row', { name: /Awesome model/ })).toContainText('-30,000');
  await expect(table.getByRole('columnheader', { name: 'Net with ±20% estimates' })).toBeVisible();
  await expect(roi).toContainText(/±20% change in one estimate/);

  // 5 per error over a million predictions: a year's work for 8 more points now pays, so it ranks first.
  const form = page.getByRole('form', { name: 'Tradeoff settings' });
  await form.getByLabel('Value of quality').selectOption('per-error-avoided');
  await saveSettings(page, { 'Cost per error': '5', Predictions: '1000000' });
  await expect(table.getByRole('row').nth(1)).toContainText('Awesome model');
  await expect(table.getByRole('row').nth(1)).toContainText('Best');
  await expect(table.getByRole('row').filter({ hasText: 'Best' })).toHaveCount(1);

  // More effort for less quality contradicts the model: the page says which estimates disagree.
  const decent = page.getByRole('group', { name: 'Decent model' });
  await decent.getByLabel('Low quality').fill('0.6');
  await decent.getByLabel('Likely quality').fill('0.65');
  await expect(page.getByRole('alert').filter({ hasText: 'not monotone' })).toContainText(
    '0.720 after 1 day → 0.650 after 1 week',
  );
});

test("the reference sample's ceiling is drawn with its confidence interval, on the metric's scale", async ({
  page,
  account,
}) => {
  await signUpViaApi(page, account('lead'));
  const demo = await callMutation<{ workspaceId: string; projectId: string }>(page, 'demo.create', {});
  await page.goto(`/w/${demo.workspaceId}/p/${demo.projectId}/tradeoff`);
  const chart = page.getByRole('img', { name: /against effort on a log-time axis/ });
  await expect(chart).toHaveAccessibleName(/human ceiling 0\.\d{3} \(95% CI 0\.\d{3}–0\.\d{3}\)/);
  const ceilingIn = async (pattern: RegExp) =>
    Number(pattern.exec((await chart.getAttribute('aria-label')) ?? '')?.[1]);
  const ceiling = await ceilingIn(/human ceiling (\d\.\d{3})/);
  await expect(chart.getByText(/^Human ceiling 0\.\d{3} \(95% CI/)).toBeVisible();

  // On a percentage metric the sample's ceiling (a share) reads as a percentage.
  const form = page.getByRole('form', { name: 'Tradeoff settings' });
  await form.getByLabel('Maximum of the metric').fill('100');
  await expect(form.getByText(/^Blank: \d{2}\.\d{3} from the sample/)).toBeVisible();
  await expect(chart).toHaveAccessibleName(/human ceiling \d{2}\.\d{3} \(95% CI \d{2}\.\d{3}–\d{2}\.\d{3}\)/);
  expect(Math.abs((await ceilingIn(/human ceiling (\d{2}\.\d{3})/)) - ceiling * 100)).toBeLessThan(0.1);
});

test("on a percentage metric the worksheet's target, a score in [0, 1], is read on the metric's scale", async ({
  page,
  account,
}) => {
  await openTradeoffTab(page, account('lead'));
  const projectId = page.url().split('/p/')[1]?.split('/')[0] ?? '';
  await saveAnswerViaApi(page, projectId, 'E.target-quality', 0.85);
  await page.reload();
  const settings = page.getByRole('form', { name: 'Tradeoff settings' });
  await expect(settings.getByText("Blank: the worksheet's target, 0.85")).toBeVisible();

  await saveSettings(page, { 'Maximum of the metric': '100' });
  // 0.85 of the worksheet is 85 on a 0–100 scale: not 0.85, which every estimate would pass at once.
  await expect(settings.getByText("Blank: the worksheet's target, 85")).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Time to reach 85.000' })).toBeVisible();
});
