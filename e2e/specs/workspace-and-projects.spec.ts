import {
  callMutation,
  callQuery,
  expect,
  signInViaForm,
  signOutViaMenu,
  signUpWithProjectViaApi,
  test,
} from './fixtures';

const WORKSPACE = 'Marketplace ML';
const PROJECT = 'Medicines detector for product titles';

test.describe('workspace and projects', () => {
  test('workspace, invitation link, project create/rename/archive, reloads, sign out and in', async ({
    page,
    context,
    account,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const owner = account('owner');
    const teammate = account('teammate');

    await page.goto('/sign-up');
    await page.getByLabel('Name').fill(owner.name);
    await page.getByLabel('Email').fill(owner.email);
    await page.getByLabel('Password').fill(owner.password);
    // On a fresh instance the demo is offered ticked; this journey starts from an empty account.
    await page.getByLabel('Create a demo project to explore').uncheck();
    await page.getByRole('button', { name: 'Create account' }).click();

    // First workspace from the empty state.
    await expect(page.getByRole('heading', { name: 'Create your first workspace' })).toBeVisible();
    await page.getByLabel('Workspace name').fill(WORKSPACE);
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await expect(page.getByRole('heading', { level: 1, name: WORKSPACE })).toBeVisible();
    await expect(page).toHaveURL(/\/w\/[^/]+$/);
    const workspaceUrl = page.url();
    await expect(page.getByRole('button', { name: `Workspace: ${WORKSPACE}` })).toBeVisible();

    // Invite a teammate: the invitation is a link to copy.
    await page.getByRole('link', { name: 'Members' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
    await expect(page.getByRole('cell', { name: owner.email })).toBeVisible();
    await page.getByLabel('Email of the person to invite').fill(teammate.email);
    await page.getByRole('combobox', { name: 'Role', exact: true }).click();
    await page.getByRole('option', { name: 'Viewer' }).click();
    await page.getByRole('button', { name: 'Create invitation link' }).click();
    const linkField = page.getByLabel('Invitation link');
    await expect(linkField).toHaveValue(
      new RegExp(`^${new URL(page.url()).origin}/invite/[A-Za-z0-9_-]{20,}$`),
    );
    const link = await linkField.inputValue();
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByText('Link copied to the clipboard.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await expect(page.getByRole('row', { name: new RegExp(teammate.email) })).toContainText('Viewer');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(teammate.email) })).toBeVisible();

    // Create a project from the empty state.
    await page.getByRole('link', { name: 'Projects' }).click();
    await expect(page.getByRole('heading', { name: 'No active projects' })).toBeVisible();
    await page.getByRole('button', { name: 'New project' }).click();
    const dialog = page.getByRole('dialog', { name: 'New project' });
    await dialog.getByLabel('Project name').fill(PROJECT);
    await dialog.getByLabel('Description').fill('Flag listings that sell medicines, from the title alone.');
    await dialog.getByRole('button', { name: 'Create project' }).click();
    await expect(page.getByRole('heading', { level: 1, name: PROJECT })).toBeVisible();
    await expect(page).toHaveURL(/\/w\/[^/]+\/p\/[^/]+\/worksheet$/);
    await expect(page.getByRole('tab', { name: 'Worksheet' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('heading', { name: 'Feasibility worksheet' })).toBeVisible();

    // Rename it.
    await page.getByRole('button', { name: 'Rename' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename project' });
    await rename.getByLabel('Project name').fill(`${PROJECT} (EU)`);
    await rename.getByRole('button', { name: 'Save' }).click();
    await expect(rename).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: `${PROJECT} (EU)` })).toBeVisible();

    // The tab is the URL: switching changes it, and a reload lands on the same tab.
    await page.getByRole('tab', { name: 'Roadmap' }).click();
    await expect(page).toHaveURL(/\/roadmap$/);
    const projectRoadmapUrl = page.url();
    await page.reload();
    await expect(page).toHaveURL(projectRoadmapUrl);
    await expect(page.getByRole('tab', { name: 'Roadmap' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('heading', { level: 1, name: `${PROJECT} (EU)` })).toBeVisible();

    // Archive it: it leaves the list unless archived projects are shown.
    await page.getByRole('button', { name: 'Archive' }).click();
    await expect(page.getByRole('button', { name: 'Unarchive' })).toBeVisible();
    await expect(page.getByText('Archived', { exact: true })).toBeVisible();
    await page.getByRole('link', { name: 'Projects' }).click();
    await expect(page.getByRole('link', { name: `${PROJECT} (EU)` })).toBeHidden();
    await page.getByLabel('Show archived projects').check();
    await expect(page.getByRole('link', { name: `${PROJECT} (EU)` })).toBeVisible();

    // Sign out and back in: `/` returns to the last-used workspace.
    await signOutViaMenu(page);
    await signInViaForm(page, owner.email, owner.password);
    await expect(page).toHaveURL(workspaceUrl);
    await expect(page.getByRole('heading', { level: 1, name: WORKSPACE })).toBeVisible();
    await page.goto(projectRoadmapUrl);
    await expect(page.getByRole('heading', { level: 1, name: `${PROJECT} (EU)` })).toBeVisible();
  });

  test('a rename that lost a race says so and keeps what the user typed', async ({ page, account }) => {
    const { workspaceId, projectId } = await signUpWithProjectViaApi(page, account('racer'), {
      workspace: 'Race workspace',
      project: 'Original name',
    });
    await page.goto(`/w/${workspaceId}/p/${projectId}/agreement`);

    await page.getByRole('button', { name: 'Rename' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename project' });
    await rename.getByLabel('Project name').fill('My new name');

    // Meanwhile, someone else renames it.
    const current = await callQuery<{ version: number }>(page, 'projects.get', { projectId });
    await callMutation(page, 'projects.update', {
      projectId,
      version: current.version,
      name: 'Their new name',
    });

    await rename.getByRole('button', { name: 'Save' }).click();
    await expect(rename.getByRole('alert')).toContainText(
      'Someone else changed this project; reload to see their change.',
    );
    await expect(rename.getByLabel('Project name')).toHaveValue('My new name');

    await rename.getByRole('button', { name: 'Load latest version' }).click();
    await expect(rename.getByRole('status')).toContainText('Their new name');
    await expect(rename.getByLabel('Project name')).toHaveValue('My new name');
    await rename.getByRole('button', { name: 'Save' }).click();
    await expect(rename).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: 'My new name' })).toBeVisible();
  });
});
