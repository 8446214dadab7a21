import { expectNoSeriousViolations } from './axe';
import { apiFor, expect, test } from './fixtures';

test.describe('accessibility', () => {
  test('signed-out pages', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { name: 'Sign in to Raisin' })).toBeVisible();
    await expectNoSeriousViolations(page, 'sign-in');

    await page.goto('/sign-up');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByText('Enter your name.')).toBeVisible();
    await expectNoSeriousViolations(page, 'sign-up with errors');
  });

  test('API tokens page, empty and with a new token', async ({ page, api, account }) => {
    await api.signUp(account('axe-tokens'));
    const workspace = await api.createWorkspace('Tokens');
    await page.goto(`/w/${workspace.id}/api-tokens`);
    await expect(page.getByRole('heading', { name: 'No API tokens yet' })).toBeVisible();
    await expectNoSeriousViolations(page, 'API tokens, empty');
    await page.getByLabel('Token name').fill('CI');
    await page.getByRole('button', { name: 'Create token' }).click();
    await expect(page.getByLabel('New API token')).toHaveValue(/^raisin_/);
    await expectNoSeriousViolations(page, 'API tokens, with a new token');
  });

  test('workspace pages, dialogs and menus', async ({ page, api, account }) => {
    await api.signUp(account('axe'));
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Create your first workspace' })).toBeVisible();
    await expectNoSeriousViolations(page, 'first-workspace empty state');

    const workspace = await api.createWorkspace('Accessible ML');
    await page.goto(`/w/${workspace.id}`);
    await expect(page.getByRole('heading', { name: 'No active projects' })).toBeVisible();
    await expectNoSeriousViolations(page, 'projects list (empty)');

    await page.getByRole('button', { name: 'New project' }).click();
    await expect(page.getByRole('dialog', { name: 'New project' })).toBeVisible();
    await expectNoSeriousViolations(page, 'new project dialog');
    await page.keyboard.press('Escape');

    await api.createProject(workspace.id, 'Readable project', 'With a description.');
    await api.createProject(workspace.id, 'Second project');
    await page.reload();
    await expect(page.getByRole('link', { name: 'Readable project' })).toBeVisible();
    await expectNoSeriousViolations(page, 'projects list (filled)');

    await page.getByRole('button', { name: 'Workspace: Accessible ML' }).click();
    await expect(page.getByRole('menu')).toBeVisible();
    await expectNoSeriousViolations(page, 'workspace switcher open');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: /Account menu/ }).click();
    await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeVisible();
    await expectNoSeriousViolations(page, 'account menu open');
    await page.keyboard.press('Escape');
  });

  test('portfolio page with the demo and an empty project', async ({ page, api, account }) => {
    await api.signUp(account('axe-portfolio'));
    const demo = await api.mutation<{ workspaceId: string }>('demo.create', {});
    await api.createProject(demo.workspaceId, 'Empty idea');
    await page.goto(`/w/${demo.workspaceId}/portfolio`);
    await expect(page.getByRole('table', { name: /Projects of this workspace/ })).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByRole('img', { name: /^Chart: net value/ })).toBeVisible();
    await expectNoSeriousViolations(page, 'portfolio');
  });

  test('members and invitation pages', async ({ page, api, account }) => {
    await api.signUp(account('axe-members'));
    const workspace = await api.createWorkspace('Accessible ML');
    await page.goto(`/w/${workspace.id}/members`);
    await page.getByLabel('Email of the person to invite').fill('someone@example.com');
    await page.getByRole('button', { name: 'Create invitation link' }).click();
    await expect(page.getByLabel('Invitation link')).toBeVisible();
    await expectNoSeriousViolations(page, 'members with invitation link');

    const { token } = await api.createInvitation(workspace.id, 'other@example.com', 'editor');
    await page.goto(`/invite/${token}`);
    await expect(page.getByRole('heading', { name: 'Join Accessible ML' })).toBeVisible();
    await expectNoSeriousViolations(page, 'invitation preview');
  });

  test('invitation states, members with a teammate, and the delete-workspace dialog', async ({
    page,
    api,
    otherBrowser,
    account,
  }) => {
    const owner = account('axe-owner');
    await api.signUp(owner);
    const workspace = await api.createWorkspace('Accessible ML');
    const teammate = account('axe-teammate');
    const { token } = await api.createInvitation(workspace.id, teammate.email, 'editor');

    // The teammate joins, so the owner's members table has a role picker and a Remove button per row.
    const teammatePage = await otherBrowser();
    await apiFor(teammatePage).signUpAndAccept(teammate, token);
    // A used link, and a link meant for someone else.
    await teammatePage.goto(`/invite/${token}`);
    await expect(teammatePage.getByRole('heading', { name: 'Invitation not available' })).toBeVisible();
    await expectNoSeriousViolations(teammatePage, 'invitation not available');
    const { token: forSomeoneElse } = await api.createInvitation(workspace.id, 'else@example.com', 'viewer');
    await teammatePage.goto(`/invite/${forSomeoneElse}`);
    await expect(teammatePage.getByRole('button', { name: 'Sign in with another account' })).toBeVisible();
    await expectNoSeriousViolations(teammatePage, 'invitation for another account');
    await teammatePage.context().close();

    await page.goto(`/w/${workspace.id}/members`);
    await expect(page.getByRole('combobox', { name: `Role of ${teammate.name}` })).toBeVisible();
    await expect(page.getByRole('row', { name: /else@example\.com/ })).toBeVisible();
    await expectNoSeriousViolations(page, 'members with a teammate and a pending invitation');

    await page.goto(`/w/${workspace.id}`);
    await page.getByRole('button', { name: 'Delete workspace' }).click();
    await expect(page.getByRole('dialog', { name: 'Delete Accessible ML?' })).toBeVisible();
    await expectNoSeriousViolations(page, 'delete workspace dialog');
  });

  test('every tab of a filled project passes, and fits a tablet', async ({ page, api, account }) => {
    await api.signUp(account('axe-demo'));
    // The demo fills every tab (answers, a scored sample, angles, a roadmap, a published report), so
    // the charts, tables and dashboards later issues added are scanned, not only the empty states.
    const demo = await api.mutation<{ workspaceId: string; projectId: string }>('demo.create', {});
    const ready: Record<string, () => Promise<void>> = {
      worksheet: () => expect(page.getByRole('heading', { name: 'Verdict' })).toBeVisible(),
      agreement: () => expect(page.getByTestId('headline-alpha')).toBeVisible(),
      tradeoff: () =>
        expect(page.getByRole('img', { name: /accuracy against effort on a log-time axis/ })).toBeVisible(),
      roadmap: () => expect(page.getByRole('row', { name: /^1 Heuristic in production/ })).toBeVisible(),
      report: () => expect(page.getByRole('heading', { name: 'Executive summary' })).toBeVisible(),
    };
    for (const [tab, isReady] of Object.entries(ready)) {
      await page.goto(`/w/${demo.workspaceId}/p/${demo.projectId}/${tab}`);
      await isReady();
      await expectNoSeriousViolations(page, `filled ${tab} tab`);
    }

    await page.setViewportSize({ width: 768, height: 1024 });
    for (const [tab, isReady] of Object.entries(ready)) {
      await page.goto(`/w/${demo.workspaceId}/p/${demo.projectId}/${tab}`);
      await isReady();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `filled ${tab} tab at 768 px`).toBeLessThanOrEqual(0);
    }
  });

  test('project tabs, rename dialog and the not-found page', async ({ page, api, account }) => {
    const { workspaceId, projectId } = await api.signUpWithProject(account('axe-project'), {
      workspace: 'Accessible ML',
      project: 'Readable project',
      description: 'With a description.',
    });
    for (const tab of ['worksheet', 'agreement', 'tradeoff', 'roadmap', 'report']) {
      await page.goto(`/w/${workspaceId}/p/${projectId}/${tab}`);
      await expect(page.getByRole('tab', { selected: true })).toHaveText(new RegExp(tab, 'i'));
      await expectNoSeriousViolations(page, `project tab ${tab}`);
    }

    await page.getByRole('button', { name: 'Rename' }).click();
    await expect(page.getByRole('dialog', { name: 'Rename project' })).toBeVisible();
    await expectNoSeriousViolations(page, 'rename dialog');
    await page.keyboard.press('Escape');

    await page.goto(`/w/${workspaceId}/p/00000000-0000-4000-8000-000000000000/worksheet`);
    await expect(page.getByRole('heading', { name: "Not found or you don't have access" })).toBeVisible();
    await expectNoSeriousViolations(page, 'not found');
  });

  test('report tab, what changed and the shared page, by keyboard', async ({
    page,
    api,
    otherBrowser,
    account,
  }) => {
    const { workspaceId, projectId } = await api.signUpWithProject(account('axe-report'), {
      workspace: 'Accessible ML',
      project: 'Readable project',
    });
    const target = (baseVersion: number, value: number) =>
      api.mutation('worksheet.save', { projectId, questionId: 'E.target-quality', baseVersion, value });
    await target(0, 0.8);
    await api.mutation('report.publish', { projectId, note: 'First look' });
    await target(1, 0.85);
    await page.goto(`/w/${workspaceId}/p/${projectId}/report`);
    await expect(page.getByRole('heading', { name: 'Executive summary' })).toBeVisible();
    await expectNoSeriousViolations(page, 'report tab (live preview)');

    // Publish, then share, with the keyboard only.
    await page.getByLabel('Note for this version (optional)').focus();
    await page.keyboard.type('Second look');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Publish version' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: /Version 2/, pressed: true })).toBeVisible();
    const changes = page.getByRole('region', { name: 'What changed since version 1' });
    await expect(changes.getByText(/^Answer changed: .*\(0\.8 → 0\.85\)$/)).toBeVisible();
    await expectNoSeriousViolations(page, 'report version with what changed');

    const numbers = page.getByLabel('Show the headline numbers in link previews');
    await numbers.focus();
    await page.keyboard.press('Space');
    await expect(numbers).toBeChecked();
    await page.keyboard.press('Tab');
    const feedback = page.getByLabel('Allow feedback: readers can record a decision');
    await expect(feedback).toBeFocused();
    await page.keyboard.press('Space');
    await expect(feedback).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Create share link' })).toBeFocused();
    await page.keyboard.press('Enter');
    const link = await page.getByLabel('Share link').inputValue();
    await expectNoSeriousViolations(page, 'share link created');

    await page.getByRole('button', { name: 'Live preview' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Live preview', pressed: true })).toBeVisible();

    const reader = await otherBrowser();
    await reader.goto(link);
    await expect(reader.getByRole('heading', { name: 'Readable project — report v2' })).toBeVisible();
    await expectNoSeriousViolations(reader, 'shared report page');
    // The reader's decision form, sent empty: each refusal is on its field.
    await reader.getByRole('button', { name: 'Record my decision' }).click();
    await expect(reader.getByText('Decision: choose one.')).toBeVisible();
    await expectNoSeriousViolations(reader, 'shared report page, decision form with errors');
    await reader.goto('/s/not-a-real-token');
    await expect(reader.getByRole('heading', { name: 'Link not found' })).toBeVisible();
    await expectNoSeriousViolations(reader, 'shared link not found');
  });

  test('keyboard only: dialogs trap and return focus, tabs follow the arrow keys', async ({
    page,
    api,
    account,
  }) => {
    const { workspaceId, projectId } = await api.signUpWithProject(account('keys'), {
      workspace: 'Keyboard ML',
      project: 'Arrow keys',
    });
    await page.goto(`/w/${workspaceId}`);

    const newProject = page.getByRole('button', { name: 'New project' });
    await newProject.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'New project' });
    await expect(dialog.getByLabel('Project name')).toBeFocused();
    // Tabbing past the last control stays inside the dialog.
    for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(newProject).toBeFocused();

    // A dialog opened from a menu item returns focus to the menu's button, since the item is gone.
    const switcher = page.getByRole('button', { name: 'Workspace: Keyboard ML' });
    await switcher.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menuitem', { name: /Keyboard ML/ })).toBeFocused();
    await page.keyboard.press('End');
    await expect(page.getByRole('menuitem', { name: 'New workspace' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('dialog', { name: 'New workspace' }).getByLabel('Workspace name'),
    ).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(switcher).toBeFocused();

    await page.goto(`/w/${workspaceId}/p/${projectId}/worksheet`);
    await page.getByRole('tab', { name: 'Worksheet' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/\/agreement$/);
    await expect(page.getByRole('tab', { name: 'Agreement' })).toBeFocused();

    // Focus is visible: the focused control draws an outline.
    const outline = await page
      .getByRole('tab', { name: 'Agreement' })
      .evaluate((element) => getComputedStyle(element).outlineStyle);
    expect(outline).not.toBe('none');
  });

  test('the layout fits a 768 px tablet without horizontal scrolling', async ({ page, api, account }) => {
    await page.setViewportSize({ width: 768, height: 1024 });
    const { workspaceId, projectId } = await api.signUpWithProject(account('tablet'), {
      workspace: 'A workspace with a rather long name for a tablet',
      project: 'Tablet project',
    });
    for (const path of [
      `/w/${workspaceId}`,
      `/w/${workspaceId}/members`,
      `/w/${workspaceId}/p/${projectId}/tradeoff`,
    ]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});
