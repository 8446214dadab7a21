import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { apiFor, expect, test } from './fixtures';

const SAMPLE = fileURLToPath(
  new URL('../../packages/core/src/agreement/reference-data/krippendorff2011.wide.csv', import.meta.url),
);
const ENTITY = 'A support ticket <b>as sent</b>';
const ANGLE = 'Regex triage';

/** A project with a worksheet answer, a scored sample, an attack angle of its own and a published report. */
async function seedSourceProject(page: Page): Promise<{ workspaceId: string; projectId: string }> {
  const api = apiFor(page);
  const workspace = await api.createWorkspace('Support');
  const { id: projectId } = await api.createProject(workspace.id, 'Ticket router');
  await api.saveAnswer(projectId, 'C.entity', ENTITY);
  // A new project stores no angles (it shows examples): this one is the project's only angle.
  await api.createAngle(projectId, { name: ANGLE, quality: { low: 0.5, likely: 0.6, high: 0.65 } });

  const base = `/w/${workspace.id}/p/${projectId}`;
  await page.goto(`${base}/agreement`);
  await page
    .getByLabel('Sample file', { exact: true })
    .setInputFiles({ name: 'pilot.csv', mimeType: 'text/csv', buffer: readFileSync(SAMPLE) });
  await page.getByLabel('Sample name').fill('Pilot');
  await page.getByRole('button', { name: 'Upload and score' }).click();
  await expect(page.getByTestId('headline-alpha')).toContainText('0.743');

  await page.goto(`${base}/report`);
  await page.getByLabel('Note for this version (optional)').fill('For the steering committee');
  await page.getByRole('button', { name: 'Publish version' }).click();
  await expect(page.getByRole('button', { name: /Version 1/, pressed: true })).toBeVisible();
  return { workspaceId: workspace.id, projectId };
}

/** Clicks "Export project" on the project page and returns the downloaded file's text. */
async function exportProject(page: Page, projectUrl: string): Promise<{ name: string; text: string }> {
  await page.goto(projectUrl);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export project' }).click();
  const file = await download;
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

async function importProject(page: Page, name: string, text: string): Promise<void> {
  await page
    .getByLabel('Project file to import')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('export a project and import it into another workspace, data and report included', async ({
  page,
  api,
  account,
}) => {
  await api.signUp(account('owner'));
  const source = await seedSourceProject(page);
  const exported = await exportProject(page, `/w/${source.workspaceId}/p/${source.projectId}/worksheet`);
  expect(exported.name).toBe('Ticket-router.raisin.json');

  const target = await api.createWorkspace('Elsewhere');
  await page.goto(`/w/${target.id}`);
  await importProject(page, exported.name, exported.text);
  // The import opens the new project, in the target workspace.
  await expect(page).toHaveURL(new RegExp(`/w/${target.id}/p/(?!${source.projectId})[0-9a-f-]+/worksheet$`));
  await expect(page.getByRole('heading', { name: 'Ticket router', level: 1 })).toBeVisible();
  await expect(page.getByLabel('What is one prediction about (the entity)?')).toHaveValue(ENTITY);

  await page.getByRole('tab', { name: 'Agreement' }).click();
  await expect(page.getByTestId('headline-alpha')).toContainText('0.743');

  await page.getByRole('tab', { name: 'Tradeoff' }).click();
  await expect(page.getByRole('row', { name: ANGLE })).toBeVisible();
  await expect(page.getByRole('row', { name: ANGLE }).getByLabel(`${ANGLE}: likely quality`)).toHaveValue(
    '0.6',
  );

  await page.getByRole('tab', { name: 'Report' }).click();
  const version = page.getByRole('button', { name: /Version 1/ });
  await expect(version).toContainText('For the steering committee');
  await version.click();
  await expect(page.getByText(ENTITY, { exact: true })).toBeVisible();
});

test('a bad project file shows the field at fault and creates nothing', async ({ page, api, account }) => {
  const { workspaceId, projectId } = await api.signUpWithProject(account('owner'), {
    workspace: 'Support',
    project: 'Ticket router',
  });
  await api.saveAnswer(projectId, 'E.target-quality', 0.8);
  const exported = await exportProject(page, `/w/${workspaceId}/p/${projectId}/worksheet`);
  const file = JSON.parse(exported.text) as { worksheet: { answers: Array<{ value: { value: unknown } }> } };
  const [answer] = file.worksheet.answers;
  if (!answer) throw new Error('the export has no answer');
  answer.value.value = 7;

  const target = await api.createWorkspace('Elsewhere');
  await page.goto(`/w/${target.id}`);
  await importProject(page, 'edited.raisin.json', JSON.stringify(file));
  await expect(page.getByRole('alert')).toContainText(
    /not a valid Raisin project file: worksheet\.answers\.0\.value\.value: /,
  );
  await importProject(page, 'notes.txt', 'these are my notes');
  await expect(page.getByRole('alert')).toContainText('(file): not a JSON document');
  await expect(page).toHaveURL(new RegExp(`/w/${target.id}$`));
  expect(await api.query('projects.list', { workspaceId: target.id, includeArchived: true })).toEqual([]);
});
