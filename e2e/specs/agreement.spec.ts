import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { createProjectViaApi, createWorkspaceViaApi, expect, signUpViaApi, test } from './fixtures';

const agreementDir = new URL('../../packages/core/src/agreement/', import.meta.url);
const read = (path: string) => readFileSync(fileURLToPath(new URL(path, agreementDir)));

async function openAgreementTab(page: Page, account: { name: string; email: string; password: string }) {
  await signUpViaApi(page, account);
  const workspace = await createWorkspaceViaApi(page, 'Catalogue Quality');
  const project = await createProjectViaApi(page, workspace.id, 'Medicines detector');
  await page.goto(`/w/${workspace.id}/p/${project.id}/agreement`);
  await expect(page.getByRole('heading', { level: 2, name: 'Agreement' })).toBeVisible();
}

async function pick(page: Page, name: string, buffer: Buffer, mimeType = 'text/csv') {
  await page.getByLabel('Sample file', { exact: true }).setInputFiles({ name, mimeType, buffer });
}

test.describe('agreement', () => {
  test('uploads the Krippendorff example and a Label Studio export, and follows the trend', async ({
    page,
    account,
  }) => {
    await openAgreementTab(page, account('annotation-lead'));
    await expect(page.getByRole('heading', { name: 'No labeled sample yet' })).toBeVisible();

    await pick(page, 'krippendorff2011.wide.csv', read('reference-data/krippendorff2011.wide.csv'));
    await expect(page.getByText('Detected format:')).toContainText('wide');
    await page.getByLabel('Sample name').fill('Pilot');
    await page.getByRole('button', { name: 'Upload and score' }).click();

    await expect(page.getByTestId('headline-alpha')).toContainText('0.743');
    await expect(page.getByTestId('headline-alpha')).toContainText('tentative');
    await expect(
      page.getByText(/would score about 0\.\d\d ± 0\.\d\d accuracy against one annotator's labels/),
    ).toBeVisible();
    await expect(page.getByRole('row', { name: /Krippendorff's α \(nominal\) 0\.743/ })).toBeVisible();
    await expect(page.getByRole('table', { name: /Annotator × annotator agreement heatmap/ })).toBeVisible();
    await expect(
      page.getByRole('img', { name: /each annotator's agreement with the majority/ }),
    ).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Reference' })).toBeVisible();

    // The disagreement list is searchable and exports CSV.
    await page.getByLabel('Search items and labels').fill('6');
    await expect(page.getByRole('rowheader', { name: '6', exact: true })).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    expect((await download).suggestedFilename()).toBe('Pilot-disagreements.csv');

    await pick(
      page,
      'label-studio-sentiment.json',
      read('parse/fixtures/label-studio-sentiment.json'),
      'application/json',
    );
    await expect(page.getByText('Detected format:')).toContainText('labelstudio');
    await page.getByLabel('Sample name').fill('Batch 2');
    await page.getByRole('button', { name: 'Upload and score' }).click();
    await expect(page.getByRole('heading', { name: 'Batch 2: headline' })).toBeVisible();
    await expect(page.getByRole('img', { name: /human ceiling for 2 samples/ })).toBeVisible();
    await expect(page.locator('.recharts-line')).toHaveCount(2);
    await expect(page.locator('.recharts-line-dots circle, .recharts-line-dot').first()).toBeVisible();

    // Re-score the pilot at the interval level from the stored labels.
    await page.getByRole('button', { name: 'Pilot', exact: true }).click();
    await page.getByLabel('Re-score at level').selectOption('interval');
    await page.getByRole('button', { name: 'Re-score' }).click();
    await expect(page.getByTestId('headline-alpha')).toContainText('0.849');
  });

  test('shows the line of a malformed file and stores nothing', async ({ page, account }) => {
    await openAgreementTab(page, account('broken'));
    await pick(page, 'broken.csv', Buffer.from('item,annotator,label\n1,a,x\n1,b,x\n2,a,y,extra\n2,b,y\n'));
    await page.getByRole('button', { name: 'Upload and score' }).click();
    await expect(page.getByRole('alert')).toContainText(/broken\.csv: .*line 4/i);
    await expect(page.getByRole('heading', { name: 'No labeled sample yet' })).toBeVisible();
  });

  test('maps the columns of a file with unusual headers', async ({ page, account }) => {
    await openAgreementTab(page, account('mapper'));
    const csv =
      'passage,annotator,label\np1,ann,spam\np1,ben,spam\np2,ann,ham\np2,ben,spam\np3,ann,ham\np3,ben,ham\n';
    await pick(page, 'odd.csv', Buffer.from(csv));
    await expect(page.getByText('Some columns were not recognised.')).toBeVisible();
    const upload = page.getByRole('button', { name: 'Upload and score' });
    await expect(upload).toBeDisabled();
    await page.getByLabel('Item column').selectOption('passage');
    await upload.click();
    await expect(page.getByRole('heading', { name: 'odd: headline' })).toBeVisible();
    await expect(page.getByText('3 items, 2 annotators, 6 labels')).toBeVisible();
  });
});
