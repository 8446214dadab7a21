import { callMutation, expect, signUpViaApi, test } from './fixtures';

// A setting saved by its own button says so quietly, as the worksheet does: "Saved 4:16 PM".
const SAVED = /^Saved \d{1,2}:\d{2}( [AP]M)?$/;

test.describe('settings confirm their save quietly', () => {
  test('the batch threshold and the MLOps level override say when they were saved', async ({
    page,
    account,
  }) => {
    await signUpViaApi(page, account('quiet'));
    const demo = await callMutation<{ workspaceId: string; projectId: string }>(page, 'demo.create', {});

    await page.goto(`/w/${demo.workspaceId}/p/${demo.projectId}/agreement`);
    const threshold = page.locator('form').filter({ has: page.getByLabel('Batch threshold (α)') });
    await threshold.getByLabel('Batch threshold (α)').fill('0.5');
    await threshold.getByRole('button', { name: 'Save threshold' }).click();
    await expect(threshold.getByRole('status').filter({ hasText: /^Saved/ })).toHaveText(SAVED);

    await page.goto(`/w/${demo.workspaceId}/p/${demo.projectId}/roadmap`);
    const targetLevel = page.getByRole('region', { name: 'Target level' });
    await targetLevel
      .getByLabel('Plan for level')
      .selectOption({ label: 'Level 2: CI/CD pipeline automation' });
    await targetLevel.getByLabel('Reason for the override').fill('Weekly releases are planned');
    await targetLevel.getByRole('button', { name: 'Save override' }).click();
    await expect(targetLevel).toContainText('Overridden to level 2: Weekly releases are planned');
    await expect(targetLevel.getByRole('status').filter({ hasText: /^Saved/ })).toHaveText(SAVED);
  });
});
