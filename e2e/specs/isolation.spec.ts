import { createProjectViaApi, createWorkspaceViaApi, expect, signUpViaApi, test } from './fixtures';

test.describe('isolation between accounts', () => {
  test("a second account cannot see or open the first account's workspace or project", async ({
    page,
    account,
  }) => {
    await signUpViaApi(page, account('first'));
    const secret = await createWorkspaceViaApi(page, 'Secret Lab');
    const secretProject = await createProjectViaApi(page, secret.id, 'Hidden project');
    await page.context().clearCookies();

    await signUpViaApi(page, account('second'));
    const own = await createWorkspaceViaApi(page, 'Own Space');

    // The switcher lists only the second account's workspace.
    await page.goto('/');
    await expect(page).toHaveURL(new RegExp(`/w/${own.id}$`));
    await page.getByRole('button', { name: 'Workspace: Own Space' }).click();
    const menu = page.getByRole('menu');
    await expect(menu.getByRole('menuitem', { name: /Own Space/ })).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: /Secret Lab/ })).toHaveCount(0);
    await page.keyboard.press('Escape');

    // Typed URLs show the same "not found" as ids that never existed.
    for (const path of [
      `/w/${secret.id}`,
      `/w/${secret.id}/members`,
      `/w/${secret.id}/p/${secretProject.id}/worksheet`,
      `/w/${own.id}/p/${secretProject.id}/report`,
      '/w/00000000-0000-4000-8000-000000000000',
    ]) {
      await page.goto(path);
      await expect(page.getByRole('heading', { name: "Not found or you don't have access" })).toBeVisible();
      await expect(page.getByText('Hidden project')).toHaveCount(0);
      await expect(page.getByText('Secret Lab')).toHaveCount(0);
    }

    // And the API itself refuses, from the second account's own page.
    const answers = await page.evaluate(
      async ({ projectId, workspaceId }) => {
        const get = (path: string, input: unknown) =>
          fetch(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`).then(
            async (response) => ({
              status: response.status,
              code: ((await response.json()) as { error?: { data?: { code?: string } } }).error?.data?.code,
            }),
          );
        const post = (path: string, input: unknown) =>
          fetch(`/trpc/${path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(input),
          }).then(async (response) => ({
            status: response.status,
            code: ((await response.json()) as { error?: { data?: { code?: string } } }).error?.data?.code,
          }));
        return [
          await get('projects.get', { projectId }),
          await get('workspaces.get', { workspaceId }),
          await get('projects.list', { workspaceId }),
          await get('members.list', { workspaceId }),
          await post('projects.update', { projectId, version: 1, name: 'Taken over' }),
          await post('invitations.create', { workspaceId, email: 'mole@example.com', role: 'owner' }),
        ];
      },
      { projectId: secretProject.id, workspaceId: secret.id },
    );
    for (const answer of answers) expect(answer).toEqual({ status: 404, code: 'NOT_FOUND' });
  });
});
