import { expect, test } from './fixtures';

// A name over its limit is refused with its count in view ("121/120"), never cut to fit.
test.describe('names longer than their limit', () => {
  test('a project name of 121 characters shows 121/120 and is refused until shortened', async ({
    page,
    api,
    account,
  }) => {
    const { workspaceId, projectId } = await api.signUpWithProject(account('limits'), {
      workspace: 'Limits workspace',
      project: 'Original name',
    });
    await page.goto(`/w/${workspaceId}/p/${projectId}/agreement`);

    await page.getByRole('button', { name: 'Rename' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename project' });
    const name = rename.getByLabel('Project name');
    const long = `${'Medicines detector '.repeat(6)}for tit`;
    expect(long).toHaveLength(121);
    await name.fill(long);
    // Nothing was cut: the whole name is in the box, with its count and why it cannot be saved.
    await expect(name).toHaveValue(long);
    await expect(rename.getByText('121/120 characters', { exact: true })).toBeVisible();
    await expect(name).toHaveAccessibleDescription(/121\/120 characters, 1 too many/);

    await rename.getByRole('button', { name: 'Save' }).click();
    await expect(rename).toBeVisible();
    const unchanged = await api.query<{ name: string }>('projects.get', { projectId });
    expect(unchanged.name).toBe('Original name');

    await name.press('End');
    await name.press('Backspace');
    await expect(rename.getByText('120/120 characters', { exact: true })).toBeVisible();
    await rename.getByRole('button', { name: 'Save' }).click();
    await expect(rename).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: long.slice(0, 120) })).toBeVisible();
  });

  test("a sample's new name over 120 characters shows its count and is not saved", async ({
    page,
    api,
    account,
  }) => {
    await api.signUp(account('limits-sample'));
    const demo = await api.mutation<{ workspaceId: string; projectId: string }>('demo.create', {});
    await page.goto(`/w/${demo.workspaceId}/p/${demo.projectId}/agreement`);
    await page
      .getByRole('button', { name: /^Rename / })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: /^Rename / });
    const name = dialog.getByLabel('Sample name');
    const long = 's'.repeat(130);
    await name.fill(long);
    await expect(name).toHaveValue(long);
    await expect(dialog.getByText('130/120 characters', { exact: true })).toBeVisible();
    await expect(dialog.getByText('Sample name: 130/120 characters, 10 too many.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeVisible();
    const samples = await api.query<{ name: string }[]>('agreement.list', {
      projectId: demo.projectId,
    });
    expect(samples.map((sample) => sample.name)).not.toContain(long);
  });
});
