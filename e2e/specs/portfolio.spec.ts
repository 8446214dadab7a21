import { readFileSync } from 'node:fs';
import {
  callMutation,
  callQuery,
  createProjectViaApi,
  expect,
  saveAnswerViaApi,
  signUpViaApi,
  test,
} from './fixtures';

test.describe('portfolio', () => {
  test('a workspace with the demo and two more projects shows all three with their verdicts and the chart', async ({
    page,
    account,
  }) => {
    await signUpViaApi(page, account('portfolio'));
    const demo = await callMutation<{ workspaceId: string; projectId: string }>(page, 'demo.create', {});
    const { summary } = await callQuery<{ summary: { verdict: string } }>(page, 'report.preview', {
      projectId: demo.projectId,
    });
    const demoVerdict = { go: 'Go', 'spike-first': 'Spike first', 'no-go': 'No-go', undecided: 'Undecided' }[
      summary.verdict
    ];
    // A target above the team's estimate of human performance is a no-go; a new project is undecided.
    const stretch = await createProjectViaApi(page, demo.workspaceId, 'Stretch goal');
    await saveAnswerViaApi(page, stretch.id, 'E.target-quality', 0.99);
    await saveAnswerViaApi(page, stretch.id, 'E.human-ceiling', 0.9);
    await createProjectViaApi(page, demo.workspaceId, 'Blank idea');

    await page.goto(`/w/${demo.workspaceId}`);
    await page
      .getByRole('navigation', { name: 'Workspace' })
      .getByRole('link', { name: 'Portfolio' })
      .click();
    await expect(page.getByRole('heading', { name: 'Portfolio', level: 1 })).toBeVisible({ timeout: 30_000 });

    const table = page.getByRole('table', { name: /Projects of this workspace/ });
    await expect(table.getByRole('row')).toHaveCount(4, { timeout: 30_000 });
    await expect(
      page.getByRole('link', { name: `Medicines detector for product titles: verdict ${demoVerdict}` }),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'Stretch goal: verdict No-go' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Blank idea: verdict Undecided' })).toBeVisible();
    // What a project lacks is said, and leads to the tab where it is given.
    const blank = table.getByRole('row').filter({ hasText: 'Blank idea' });
    await expect(blank.getByRole('link', { name: 'no target yet' })).toBeVisible();
    await expect(blank.getByRole('link', { name: 'no published report yet' })).toHaveAttribute(
      'href',
      /\/report$/,
    );

    // The chart marks the demo (the one project with a time to target and a net value) and names the others.
    const chart = page.getByRole('img', {
      name: /^Chart: net value against P50 time to target for 1 project/,
    });
    await expect(chart).toBeVisible();
    await expect(chart.locator('.recharts-scatter-symbol')).toHaveCount(1);
    await expect(page.getByText(/Not on the chart: .*Blank idea/)).toBeVisible();
    await page.getByText('Chart data as a table').click();
    await expect(
      page.getByRole('table', { name: "Each project's mark on the chart" }).getByRole('row'),
    ).toHaveCount(2);

    // Sorting by verdict puts the no-go before the undecided; filtering by name keeps one project.
    await page.getByRole('button', { name: 'Verdict' }).click();
    await expect(table.getByRole('columnheader', { name: /Verdict/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    const names = await table.getByRole('rowheader').allTextContents();
    expect(names.indexOf('Stretch goal')).toBeLessThan(names.indexOf('Blank idea'));
    await page.getByLabel('Filter by name').fill('stretch');
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(page.getByText('Showing 1 of 3 projects.')).toBeVisible();
    await page.getByLabel('Filter by name').fill('');

    // The demo comes with a decision from a meeting: filtering by decision and sorting by it find it.
    await expect(
      table.getByRole('link', {
        name: 'Medicines detector for product titles: latest decision Approve with conditions on version 1 by Marketplace product director (meeting)',
      }),
    ).toBeVisible();
    const decisionFilter = page.getByRole('combobox', { name: 'Latest decision' });
    await decisionFilter.click();
    await page.getByRole('option', { name: 'No decision yet' }).click();
    await expect(page.getByText('Showing 2 of 3 projects.')).toBeVisible();
    expect(await table.getByRole('rowheader').allTextContents()).not.toContain(
      'Medicines detector for product titles',
    );
    await decisionFilter.click();
    await page.getByRole('option', { name: 'Approve with conditions' }).click();
    await expect(page.getByText('Showing 1 of 3 projects.')).toBeVisible();
    await decisionFilter.click();
    await page.getByRole('option', { name: 'Any decision' }).click();
    await page.getByRole('button', { name: 'Latest decision' }).click();
    await expect(table.getByRole('columnheader', { name: /Latest decision/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await expect(table.getByRole('rowheader').first()).toHaveText('Medicines detector for product titles');

    // The CSV holds the three projects, the demo's decision with them.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const download = await downloading;
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^Project,Verdict,Reasons/);
    for (const name of ['Medicines detector for product titles', 'Stretch goal', 'Blank idea'])
      expect(csv).toContain(name);
    expect(csv).toContain('Approve with conditions,1,Marketplace product director (meeting)');

    // A number leads to the tab it comes from.
    await page
      .getByRole('link', { name: /^Medicines detector for product titles: time to target P50/ })
      .click();
    await expect(page).toHaveURL(new RegExp(`/p/${demo.projectId}/tradeoff$`));
  });

  test('at 390 px the page does not scroll sideways', async ({ page, account }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signUpViaApi(page, account('portfolio-phone'));
    const demo = await callMutation<{ workspaceId: string }>(page, 'demo.create', {});
    await page.goto(`/w/${demo.workspaceId}/portfolio`);
    await expect(page.getByRole('table', { name: /Projects of this workspace/ })).toBeVisible({
      timeout: 30_000,
    });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
