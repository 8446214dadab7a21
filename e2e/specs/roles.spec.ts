import {
  createInvitationViaApi,
  createProjectViaApi,
  createWorkspaceViaApi,
  expect,
  signUpViaApi,
  test,
} from './fixtures';

test.describe('roles', () => {
  test('an invited viewer accepts the link and sees the project read-only', async ({ page, account }) => {
    const owner = account('owner');
    const viewer = account('viewer');
    await signUpViaApi(page, owner);
    const workspace = await createWorkspaceViaApi(page, 'Catalogue Quality');
    const project = await createProjectViaApi(
      page,
      workspace.id,
      'Duplicate listings',
      'Find near-duplicates.',
    );
    const { token } = await createInvitationViaApi(page, workspace.id, viewer.email, 'viewer');
    await page.context().clearCookies();

    // Following the link signed out goes through sign-up and comes back to the invitation.
    await page.goto(`/invite/${token}`);
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await expect(page).toHaveURL(/\/sign-up\?next=/);
    await page.getByLabel('Name').fill(viewer.name);
    await page.getByLabel('Email').fill(viewer.email);
    await page.getByLabel('Password').fill(viewer.password);
    await page.getByRole('button', { name: 'Create account' }).click();

    await expect(page).toHaveURL(new RegExp(`/invite/${token}$`));
    await expect(page.getByRole('heading', { name: 'Join Catalogue Quality' })).toBeVisible();
    const facts = page.getByRole('definition');
    await expect(facts.filter({ hasText: /^Viewer$/ })).toHaveCount(1);
    await expect(facts.filter({ hasText: owner.name })).toHaveCount(1);
    await page.getByRole('button', { name: 'Accept invitation' }).click();

    await expect(page).toHaveURL(new RegExp(`/w/${workspace.id}$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Catalogue Quality' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Duplicate listings' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'New project' })).toHaveCount(0);

    await page.getByRole('link', { name: 'Duplicate listings' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Duplicate listings' })).toBeVisible();
    await expect(page.getByText('You can view this project.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Rename' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /archive/i })).toHaveCount(0);
    // Tabs stay usable for reading.
    await page.getByRole('tab', { name: 'Report' }).click();
    await expect(page).toHaveURL(/\/report$/);

    await page.getByRole('link', { name: 'Members' }).click();
    await expect(page.getByText('Only owners can invite people or change roles.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create invitation link' })).toHaveCount(0);
    await expect(page.getByRole('combobox')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^Remove / })).toHaveCount(0);

    // The link is single-use.
    await page.goto(`/invite/${token}`);
    await expect(page.getByRole('heading', { name: 'Invitation not available' })).toBeVisible();

    // The API refuses a viewer's edits, whatever the UI shows.
    const status = await page.evaluate(async (projectId) => {
      const response = await fetch('/trpc/projects.update', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ projectId, version: 1, name: 'Viewer was here' }),
      });
      const body = (await response.json()) as { error?: { data?: { code?: string } } };
      return { status: response.status, code: body.error?.data?.code };
    }, project.id);
    expect(status).toEqual({ status: 403, code: 'FORBIDDEN' });
  });
});
