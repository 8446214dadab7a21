import { createWorkspaceViaApi, expect, signUpViaApi, test } from './fixtures';

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
