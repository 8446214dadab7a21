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

/** `items` items × 3 annotators as a long CSV, big enough that scoring takes visible time (seeded). */
function largeSample(items: number): Buffer {
  let state = 7;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const rows = ['item,annotator,label'];
  for (let i = 0; i < items; i++) {
    const truth = Math.floor(next() * 3);
    for (const annotator of ['ann', 'ben', 'cat'])
      rows.push(`item-${i},${annotator},${next() < 0.8 ? truth : Math.floor(next() * 3)}`);
  }
  return Buffer.from(`${rows.join('\n')}\n`);
}

/** Records every (name, aria-valuenow) the upload's progressbar takes, as the DOM changes. */
async function recordProgressbar(page: Page): Promise<() => Promise<[string, string | null][]>> {
  await page.evaluate(() => {
    const seen: [string, string | null][] = [];
    (window as unknown as { progressSeen: typeof seen }).progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('.upload-progress progress');
      if (bar === null) return;
      const name = document.querySelector(`label[for="${bar.id}"]`)?.textContent ?? '';
      const entry: [string, string | null] = [name, bar.getAttribute('aria-valuenow')];
      const last = seen.at(-1);
      if (last?.[0] !== entry[0] || last[1] !== entry[1]) seen.push(entry);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  return () =>
    page.evaluate(() => (window as unknown as { progressSeen: [string, string | null][] }).progressSeen);
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

  test('shows the stage and percentage while a large sample is read and scored, and can cancel', async ({
    page,
    account,
  }) => {
    await openAgreementTab(page, account('progress'));
    const seen = await recordProgressbar(page);
    await pick(page, 'large.csv', largeSample(20_000));
    await page.getByLabel('Sample name').fill('Large');
    await page.getByRole('button', { name: 'Upload and score' }).click();
    await expect(
      page.getByRole('progressbar', { name: /large\.csv: (Uploading|Reading|Computing|Confidence)/ }),
    ).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Large: headline' })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('progressbar')).toHaveCount(0);

    const states = await seen();
    const stages = ['Uploading', 'Reading the file', 'Computing coefficients', 'Confidence intervals'];
    const stageOf = (name: string) => stages.findIndex((stage) => name.endsWith(`: ${stage}`));
    const order = states.map(([name]) => stageOf(name)).filter((rank) => rank >= 0);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // The bootstrap is shown part way, with a value, before the result.
    const bootstrap = states.filter(([name]) => name.endsWith(': Confidence intervals'));
    expect(bootstrap.some(([, value]) => Number(value) > 0 && Number(value) < 100)).toBe(true);
    const values = bootstrap.map(([, value]) => Number(value));
    expect(values).toEqual([...values].sort((a, b) => a - b));

    // Cancelling during scoring stores nothing: the trend still counts one sample.
    await pick(page, 'again.csv', largeSample(20_000));
    await page.getByRole('button', { name: 'Upload and score' }).click();
    await expect(page.getByRole('progressbar', { name: /again\.csv: Confidence intervals/ })).toBeVisible({
      timeout: 60_000,
    });
    await page.getByRole('button', { name: 'Cancel upload' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'upload cancelled' })).toContainText(
      'again.csv: upload cancelled; nothing was stored.',
    );
    await expect(page.getByRole('button', { name: 'again', exact: true })).toHaveCount(0);
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
