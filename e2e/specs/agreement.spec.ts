import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { apiFor, expect, test } from './fixtures';

const agreementDir = new URL('../../packages/core/src/agreement/', import.meta.url);
const read = (path: string) => readFileSync(fileURLToPath(new URL(path, agreementDir)));

async function openAgreementTab(page: Page, account: { name: string; email: string; password: string }) {
  const api = apiFor(page);
  const { workspaceId, projectId } = await api.signUpWithProject(account, {
    workspace: 'Catalogue Quality',
    project: 'Medicines detector',
  });
  await page.goto(`/w/${workspaceId}/p/${projectId}/agreement`);
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
      const bar = document.querySelector('progress');
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
    await expect(page.getByRole('heading', { name: 'Large: headline' })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('progressbar')).toHaveCount(0);

    const states = await seen();
    const stages = ['Uploading', 'Reading the file', 'Computing coefficients', 'Confidence intervals'];
    // Every state the bar took is recorded as the DOM changes, so a fast upload's brief bar is seen too.
    expect(states.every(([name]) => name.startsWith('large.csv: '))).toBe(true);
    const stageOf = (name: string) => stages.findIndex((stage) => name.endsWith(`: ${stage}`));
    const order = states.map(([name]) => stageOf(name)).filter((rank) => rank >= 0);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order.length).toBeGreaterThan(0);
    // Within a stage the bar only moves forward. How many part-way values the browser catches depends on
    // how fast this machine scores (a grouped bootstrap of 20,000 items takes milliseconds), so the
    // part-way bootstrap lines themselves are asserted on the server's stream, in
    // apps/server/test/agreement-upload-progress.test.ts.
    for (const stage of stages) {
      const values = states.filter(([name]) => name.endsWith(`: ${stage}`)).map(([, value]) => Number(value));
      expect(values, stage).toEqual([...values].sort((a, b) => a - b));
    }

    // Cancelling before the server has the file stores nothing. (Scoring a sample this size now takes
    // milliseconds, so the request is held back to give the cancel a moment that cannot cross the answer.)
    await page.route('**/agreement/samples', () => {});
    await pick(page, 'again.csv', largeSample(20_000));
    await page.getByRole('button', { name: 'Upload and score' }).click();
    await expect(page.getByRole('progressbar', { name: /^again\.csv: / })).toBeVisible();
    await page.getByRole('button', { name: 'Cancel upload' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'upload cancelled' })).toContainText(
      'again.csv: upload cancelled; nothing was stored.',
    );
    await expect(page.getByRole('button', { name: 'again', exact: true })).toHaveCount(0);
  });

  test('shows the line of a malformed file and stores nothing', async ({ page, account }) => {
    await openAgreementTab(page, account('broken'));
    await pick(page, 'broken.csv', Buffer.from('item,annotator,label\n1,a,x\n1,b,x\n2,a,y,extra\n2,b,y\n'));
    // The preview finds the ragged line before anything is sent, and the upload waits for a fixed file.
    await expect(page.getByRole('alert')).toContainText('Line 4 has 4 fields, but the header has 3.');
    await expect(page.getByRole('button', { name: 'Upload and score' })).toBeDisabled();
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

/** Drops a file on the upload's drop zone, as a drag from the desktop would. */
async function drop(page: Page, name: string, text: string, type = 'text/plain') {
  const transfer = await page.evaluateHandle(
    ({ name, text, type }) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type }));
      return data;
    },
    { name, text, type },
  );
  const zone = page.getByRole('region', { name: /Drop zone/ });
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}

/** A long TSV whose headers name no role (so it first reads as wide), with ordered text labels. */
const ORDINAL_TSV = [
  'passage\tperson_key\tmark',
  ...[
    ['p1', 'low', 'low', 'mid'],
    ['p2', 'mid', 'mid', 'mid'],
    ['p3', 'high', 'mid', 'high'],
    ['p4', 'low', 'low', 'low'],
    ['p5', 'high', 'high', 'mid'],
    ['p6', 'mid', 'low', 'mid'],
    ['p7', 'high', 'high', 'high'],
    ['p8', 'low', 'mid', 'low'],
  ].flatMap(([item, ...labels]) =>
    labels.map((label, k) => `${item}\t${['ann', 'ben', 'cat'][k]}\t${label}`),
  ),
  '',
].join('\n');

/** Uploads through the HTTP route (as the page's user), for tests about what comes after an upload. */
async function uploadViaApi(page: Page, projectId: string, name: string, buffer: Buffer): Promise<void> {
  const response = await page.request.post(`/api/projects/${projectId}/agreement/samples`, {
    headers: { origin: new URL(page.url()).origin },
    multipart: { name, level: 'nominal', file: { name: `${name}.csv`, mimeType: 'text/csv', buffer } },
  });
  expect(response.status(), await response.text()).toBe(200);
}

test.describe('agreement journeys', () => {
  test('drops a TSV, maps unrecognised columns as a long table, and scores text labels as ordinal', async ({
    page,
    account,
  }) => {
    await openAgreementTab(page, account('ordinal'));
    await drop(page, 'ratings.tsv', ORDINAL_TSV, 'text/tab-separated-values');
    // Headers naming no role read as wide at first; the user says it is one row per label.
    await expect(page.getByText('Detected format:')).toContainText('wide');
    await page.getByLabel('Layout').selectOption('long');
    await expect(page.getByText('Some columns were not recognised.')).toBeVisible();
    const upload = page.getByRole('button', { name: 'Upload and score' });
    await expect(upload).toBeDisabled();
    await page.getByLabel('Item column').selectOption('passage');
    await page.getByLabel('Annotator column').selectOption('passage');
    await page.getByLabel('Label column').selectOption('mark');
    await expect(page.getByRole('alert')).toContainText('must be three different columns');
    await expect(upload).toBeDisabled();
    await page.getByLabel('Annotator column').selectOption('person_key');
    await page.getByLabel('Level of measurement').selectOption('ordinal');
    await page.getByLabel('Category order (ordinal labels)').fill('low, mid, high');
    await upload.click();

    await expect(page.getByRole('heading', { name: 'ratings: headline' })).toBeVisible();
    await expect(page.getByText('8 items, 3 annotators, 24 labels, 3 categories')).toBeVisible();
    await expect(page.getByTestId('headline-alpha')).toContainText('0.676');
    await expect(page.getByRole('row', { name: /Krippendorff's α \(nominal\) 0\.398/ })).toBeVisible();

    // Re-score at nominal, then back at ordinal with the order typed again.
    await page.getByLabel('Re-score at level').selectOption('nominal');
    await page.getByRole('button', { name: 'Re-score' }).click();
    await expect(page.getByTestId('headline-alpha')).toContainText('0.398');
    await page.getByLabel('Re-score at level').selectOption('ordinal');
    const order = page.getByLabel('Category order for re-scoring');
    await expect(order).toHaveAccessibleDescription(/Labels in this sample: .*low/);
    await order.fill('low, mid, high');
    await page.getByRole('button', { name: 'Re-score' }).click();
    await expect(page.getByTestId('headline-alpha')).toContainText('0.676');
    await expect(page.getByRole('term').filter({ hasText: "Krippendorff's α (ordinal)" })).toBeVisible();
  });

  test('reads JSON Lines, Prodigy and semicolon CSV files picked in the browser', async ({
    page,
    account,
  }) => {
    await openAgreementTab(page, account('formats'));
    const files = [
      ['records.jsonl', 'jsonl', 'application/x-ndjson', '2 items, 2 annotators, 4 labels, 2 categories'],
      [
        'prodigy-textcat-choice.jsonl',
        'prodigy',
        'application/x-ndjson',
        '3 items, 2 annotators, 6 label sets',
      ],
      ['excel-semicolon.csv', 'long', 'text/csv', '3 items, 2 annotators, 6 labels, 4 categories'],
    ] as const;
    for (const [file, format, type, counts] of files) {
      await pick(page, file, read(`parse/fixtures/${file}`), type);
      await expect(page.getByText('Detected format:')).toContainText(format);
      await page.getByRole('button', { name: 'Upload and score' }).click();
      const name = file.replace(/\.[^.]+$/, '');
      await expect(page.getByRole('heading', { name: `${name}: headline` })).toBeVisible();
      await expect(page.getByText(counts)).toBeVisible();
    }
  });

  test('reads files as exported by R, pandas, Excel and nested JSON tools, and places a broken line', async ({
    page,
    account,
  }) => {
    await openAgreementTab(page, account('exports'));
    // file, detected format, MIME type, content, counts, the cells read as missing (if any).
    const files: readonly (readonly [string, string, string, string, string, string?])[] = [
      // R's NA and pandas' NaN are missing labels, not a category that agrees with itself.
      [
        'r-export.csv',
        'wide',
        'text/csv',
        'item,a,b,c\n1,x,NA,x\n2,y,NaN,y\n3,x,y,NA\n',
        '3 items, 3 annotators, 6 labels, 2 categories',
        // Said, not silent: "N/A" or "NA" could have been a real category.
        '2 cells spelled NA and 1 spelled NaN',
      ],
      [
        'excel.csv',
        'wide',
        'text/csv',
        'sep=;\r\nitem;a;b\r\n1;x;x\r\n2;y;x\r\n',
        '2 items, 2 annotators, 4 labels, 2 categories',
      ],
      [
        'nested.jsonl',
        'jsonl',
        'application/x-ndjson',
        '{"meta":{"id":1},"annotation":{"user":"a","value":{"label":"x"}}}\n{"meta":{"id":1},"annotation":{"user":"b","value":{"label":"x"}}}\n',
        '1 item, 2 annotators, 2 labels, 1 category',
      ],
      [
        'records.json',
        'jsonl',
        'application/json',
        '[{"id":1,"annotator":"a","label":"x"},{"id":1,"annotator":"b","label":"y"}]',
        '1 item, 2 annotators, 2 labels, 2 categories',
      ],
    ];
    for (const [file, format, type, content, counts, missing] of files) {
      await pick(page, file, Buffer.from(content), type);
      await expect(page.getByText('Detected format:')).toContainText(format);
      const previewNote = page.getByRole('status').filter({ hasText: 'will be read as missing' });
      if (missing === undefined) await expect(previewNote).toHaveCount(0);
      else
        await expect(previewNote).toHaveText(
          `In the first 3 rows, ${missing} will be read as missing annotations (an empty cell is missing too).`,
        );
      await page.getByRole('button', { name: 'Upload and score' }).click();
      const name = file.replace(/\.[^.]+$/, '');
      await expect(page.getByRole('heading', { name: `${name}: headline` })).toBeVisible();
      await expect(page.getByText(counts)).toBeVisible();
      const notes = page.getByRole('region', { name: 'Notes on this sample' });
      const note = notes.getByRole('listitem').filter({ hasText: 'read as missing' });
      if (missing === undefined) await expect(note).toHaveCount(0);
      else
        await expect(note).toHaveText(
          `${missing} were read as missing annotations (an empty cell is missing too).`,
        );
    }
    // The browser's own preview names the line and the column of a broken JSON Lines record.
    await pick(
      page,
      'broken.jsonl',
      Buffer.from('{"item":1,"annotator":"a","label":"x"}\n{"item":1 "annotator":"b"}\n'),
    );
    await expect(page.getByRole('alert')).toHaveText(
      /This file cannot be read: Line 2: invalid JSON \(.+\) \(column 11\)\./,
    );
  });

  test('keeps several samples: pair confusion, warnings, rename, reference and delete', async ({
    page,
    account,
  }) => {
    await openAgreementTab(page, account('samples'));
    await pick(page, 'krippendorff2011.wide.csv', read('reference-data/krippendorff2011.wide.csv'));
    await page.getByLabel('Sample name').fill('Pilot');
    await page.getByRole('button', { name: 'Upload and score' }).click();
    await expect(page.getByRole('heading', { name: 'Pilot: headline' })).toBeVisible();

    // The confusion matrix follows the chosen pair.
    const pair = page.getByLabel('Annotator pair');
    const options = await pair.locator('option').allTextContents();
    expect(options.length).toBeGreaterThan(1);
    const last = options.at(-1) ?? '';
    const [a, b] = last.replace(/ \(.*$/, '').split(' × ');
    await pair.selectOption({ label: last });
    await expect(
      page.getByRole('table', { name: `Confusion matrix: rows ${a}, columns ${b}` }),
    ).toBeVisible();

    // A sample where every label is the same: α is undefined and the notes say why.
    const same = 'item,annotator,label\n1,a,yes\n1,b,yes\n2,a,yes\n2,b,yes\n3,a,yes\n3,b,yes\n';
    await pick(page, 'same.csv', Buffer.from(same));
    await page.getByLabel('Sample name').fill('Batch 2');
    await page.getByRole('button', { name: 'Upload and score' }).click();
    await expect(page.getByRole('heading', { name: 'Batch 2: headline' })).toBeVisible();
    await expect(page.getByTestId('headline-alpha')).toContainText('no band (undefined)');
    const notes = page.getByRole('region', { name: 'Notes on this sample' });
    await expect(notes.getByRole('listitem').filter({ hasText: /nominal α is undefined/ })).toBeVisible();
    await expect(page.getByRole('img', { name: /human ceiling for 2 samples/ })).toBeVisible();

    // The first sample is the reference until another is marked.
    const samples = page.getByRole('table', { name: /Samples of this project/ });
    await expect(samples.getByRole('row', { name: /^Pilot .*Reference$/ })).toBeVisible();
    await page.getByRole('button', { name: 'Mark as reference' }).click();
    await expect(samples.getByRole('row', { name: /^Batch 2 .*Reference$/ })).toBeVisible();
    await expect(samples.getByRole('row', { name: /^Pilot .*Reference$/ })).toHaveCount(0);

    await page.getByRole('button', { name: 'Rename Batch 2' }).click();
    await page.getByRole('dialog').getByLabel('Sample name').fill('Batch 2 after new guidelines');
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { name: 'Batch 2 after new guidelines: headline' })).toBeVisible();

    // Deleting the reference says what happens, and hands the reference to the remaining sample.
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(page.getByRole('dialog')).toContainText('the newest remaining sample becomes the reference');
    await page.getByRole('dialog').getByRole('button', { name: 'Delete sample' }).click();
    await expect(page.getByRole('button', { name: 'Batch 2 after new guidelines' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Pilot: headline' })).toBeVisible();
    await expect(samples.getByRole('row', { name: /^Pilot .*Reference$/ })).toBeVisible();
    await expect(page.getByRole('img', { name: /human ceiling for/ })).toHaveCount(0);
  });

  test('queues a second upload while the first runs, and stores both', async ({ page, account }) => {
    await openAgreementTab(page, account('queue'));
    // Holds the first upload's request until the second file is queued, so the order is certain.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let first = true;
    await page.route('**/agreement/samples', async (route) => {
      if (first) {
        first = false;
        await held;
      }
      await route.continue();
    });
    await pick(page, 'first.csv', read('reference-data/krippendorff2011.wide.csv'));
    await page.getByRole('button', { name: 'Upload and score' }).click();
    await expect(page.getByRole('progressbar', { name: /first\.csv/ })).toBeVisible();
    await pick(page, 'second.csv', Buffer.from('item,annotator,label\n1,a,x\n1,b,x\n2,a,y\n2,b,x\n'));
    await page.getByRole('button', { name: 'Queue upload' }).click();
    await expect(page.getByText('1 more waiting.')).toBeVisible();
    release();
    await expect(page.getByRole('heading', { name: 'second: headline' })).toBeVisible();
    const samples = page.getByRole('table', { name: /Samples of this project/ });
    await expect(samples.getByRole('button', { name: 'first', exact: true })).toBeVisible();
    await expect(samples.getByRole('button', { name: 'second', exact: true })).toBeVisible();
    await expect(page.getByRole('progressbar')).toHaveCount(0);
  });

  test('a viewer reads the results but cannot upload or change samples', async ({ page, api, account }) => {
    const owner = account('agreement-owner');
    const viewer = account('agreement-viewer');
    const { workspaceId, projectId } = await api.signUpWithProject(owner, {
      workspace: 'Read only',
      project: 'Looker',
    });
    await page.goto(`/w/${workspaceId}/p/${projectId}/agreement`);
    await uploadViaApi(page, projectId, 'Pilot', read('reference-data/krippendorff2011.wide.csv'));
    const { token } = await api.createInvitation(workspaceId, viewer.email, 'viewer');
    await page.context().clearCookies();
    await api.signUpAndAccept(viewer, token);

    await page.goto(`/w/${workspaceId}/p/${projectId}/agreement`);
    await expect(page.getByTestId('headline-alpha')).toContainText('0.743');
    await expect(page.getByRole('table', { name: /With its 95% bootstrap interval/ })).toBeVisible();
    await expect(page.getByLabel('Search items and labels')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Upload a labeled sample' })).toHaveCount(0);
    await expect(page.getByLabel('Sample file')).toHaveCount(0);
    for (const name of [/^Rename/, 'Mark as reference', 'Re-score', 'Delete']) {
      await expect(page.getByRole('button', { name })).toHaveCount(0);
    }
  });
});
