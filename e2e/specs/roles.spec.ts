import { apiFor, expect, test } from './fixtures';

test.describe('roles', () => {
  test('an invited viewer accepts the link and sees the project read-only', async ({
    page,
    api,
    account,
  }) => {
    const owner = account('owner');
    const viewer = account('viewer');
    const { workspaceId, projectId } = await api.signUpWithProject(owner, {
      workspace: 'Catalogue Quality',
      project: 'Duplicate listings',
      description: 'Find near-duplicates.',
    });
    const { token } = await api.createInvitation(workspaceId, viewer.email, 'viewer');
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

    await expect(page).toHaveURL(new RegExp(`/w/${workspaceId}$`));
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
    }, projectId);
    expect(status).toEqual({ status: 403, code: 'FORBIDDEN' });
  });

  test("an owner changes a member's role and removes them, by keyboard; each change binds that member at once", async ({
    page,
    api,
    teammate,
    account,
  }) => {
    const owner = account('owner');
    const member = account('member');
    const { workspaceId, projectId } = await api.signUpWithProject(owner, {
      workspace: 'Search Relevance',
      project: 'Query intent',
    });
    const memberPage = await teammate(member, workspaceId, 'editor');
    // What the member's own API answers to an edit, as status and tRPC code.
    const renameAsMember = (name: string) =>
      memberPage.evaluate(
        async ({ projectId, name }) => {
          const current = await fetch(
            `/trpc/projects.get?input=${encodeURIComponent(JSON.stringify({ projectId }))}`,
          );
          const version = ((await current.json()) as { result?: { data?: { version?: number } } }).result
            ?.data?.version;
          const response = await fetch('/trpc/projects.update', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ projectId, version: version ?? 1, name }),
          });
          const body = (await response.json()) as { error?: { data?: { code?: string } } };
          return { status: response.status, code: body.error?.data?.code ?? null };
        },
        { projectId, name },
      );
    await memberPage.goto('/');
    expect(await renameAsMember('Renamed by the editor')).toEqual({ status: 200, code: null });

    // Editor → Viewer with the keyboard alone.
    await page.goto(`/w/${workspaceId}/members`);
    const role = page.getByRole('combobox', { name: `Role of ${member.name}` });
    await expect(role).toHaveText(/Editor/);
    await role.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('option', { name: 'Editor' })).toBeFocused();
    // Typeahead: the first letter moves to the option, wherever the list puts it.
    await page.keyboard.press('v');
    await expect(page.getByRole('option', { name: 'Viewer' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(role).toHaveText(/Viewer/);
    await page.reload();
    await expect(page.getByRole('combobox', { name: `Role of ${member.name}` })).toHaveText(/Viewer/);

    // The member is a viewer from their very next request: the UI offers no edits, the API refuses one.
    expect(await renameAsMember('Renamed by the viewer')).toEqual({ status: 403, code: 'FORBIDDEN' });
    await memberPage.goto(`/w/${workspaceId}/p/${projectId}/worksheet`);
    await expect(memberPage.getByText('You can view this project.')).toBeVisible();
    await expect(memberPage.getByRole('button', { name: 'Rename' })).toHaveCount(0);

    // Remove, confirmed in the browser's dialog; the Remove button is reached with Tab from the role.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('combobox', { name: `Role of ${member.name}` }).focus();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: `Remove ${member.name}` })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('row', { name: new RegExp(member.email) })).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('row', { name: new RegExp(owner.email) })).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(member.email) })).toHaveCount(0);

    // A removed member is an outsider: the workspace is "not found" by URL and by API.
    await memberPage.goto(`/w/${workspaceId}/p/${projectId}/worksheet`);
    await expect(
      memberPage.getByRole('heading', { name: "Not found or you don't have access" }),
    ).toBeVisible();
    expect(await renameAsMember('Renamed by an outsider')).toEqual({ status: 404, code: 'NOT_FOUND' });
  });
  test('a member leaves a workspace; its last owner can neither leave nor step down', async ({
    page,
    api,
    otherBrowser,
    account,
  }) => {
    const owner = account('owner');
    const member = account('member');
    await api.signUp(owner);
    const workspace = await api.createWorkspace('Fraud Signals');
    const { token } = await api.createInvitation(workspace.id, member.email, 'editor');

    const memberPage = await otherBrowser();
    await apiFor(memberPage).signUp(member);
    await memberPage.goto(`/invite/${token}`);
    await memberPage.getByRole('button', { name: 'Accept invitation' }).click();
    await expect(memberPage).toHaveURL(new RegExp(`/w/${workspace.id}$`));
    // The used link is not in the history: Back does not offer an "Accept" that can only fail.
    await memberPage.goBack();
    await expect(memberPage).not.toHaveURL(/\/invite\//);

    await memberPage.goto(`/w/${workspace.id}/members`);
    await memberPage.getByRole('button', { name: 'Leave workspace' }).click();
    const confirm = memberPage.getByRole('dialog', { name: 'Leave Fraud Signals?' });
    await confirm.getByRole('button', { name: 'Leave workspace' }).click();
    await expect(memberPage).toHaveURL(/\/$/);
    await memberPage.goto(`/w/${workspace.id}`);
    await expect(
      memberPage.getByRole('heading', { name: "Not found or you don't have access" }),
    ).toBeVisible();
    await memberPage.context().close();

    await page.goto(`/w/${workspace.id}/members`);
    await expect(page.getByRole('row', { name: new RegExp(member.email) })).toHaveCount(0);
    await page.getByRole('button', { name: 'Leave workspace' }).click();
    const ownerConfirm = page.getByRole('dialog', { name: 'Leave Fraud Signals?' });
    await ownerConfirm.getByRole('button', { name: 'Leave workspace' }).click();
    await expect(ownerConfirm.getByRole('alert')).toHaveText(/last owner cannot leave/);
    await ownerConfirm.getByRole('button', { name: 'Cancel' }).click();

    const ownRole = page.getByRole('combobox', { name: `Role of ${owner.name}` });
    await ownRole.click();
    await page.getByRole('option', { name: 'Editor' }).click();
    await expect(page.getByRole('alert')).toHaveText(/at least one owner/);
    await page.reload();
    await expect(page.getByRole('combobox', { name: `Role of ${owner.name}` })).toHaveText(/Owner/);
  });
  test('pending invitations stay readable at tablet width, whatever the length of an address', async ({
    page,
    api,
    account,
  }) => {
    await page.setViewportSize({ width: 768, height: 1000 });
    await api.signUp(account('owner'));
    const workspace = await api.createWorkspace('Listing Moderation');
    const long = 'a.very.long.address.for.the.pending.list@a-long-subdomain.of-some-company.example.com';
    await api.createInvitation(workspace.id, long, 'viewer');
    await page.goto(`/w/${workspace.id}/members`);
    const row = page.getByRole('row', { name: new RegExp(long.replaceAll('.', '\\.')) });
    await expect(row).toBeVisible();
    // Words such as "Viewer" and "Revoke" are never split across lines: each stays one line high.
    const revoke = row.getByRole('button', { name: `Revoke invitation for ${long}` });
    const role = row.getByRole('cell', { name: 'Viewer', exact: true });
    const lineHeight = await role.evaluate((cell) => Number.parseFloat(getComputedStyle(cell).lineHeight));
    const textHeight = (locator: typeof role) =>
      locator.evaluate((element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        return range.getBoundingClientRect().height;
      });
    expect(await textHeight(role)).toBeLessThan(lineHeight * 1.5);
    expect(await textHeight(revoke)).toBeLessThan(lineHeight * 1.5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
  });
});
