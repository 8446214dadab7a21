import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { type Api, apiFor, test as base, expect } from './fixtures';

interface Setup {
  workspaceId: string;
  projectId: string;
  url: string;
}

/** A new project of a fresh account (the owner), signed in on the test's page; `url` is its worksheet. */
const test = base.extend<{ setup: Setup }>({
  setup: async ({ api, account }, use) => {
    const { workspaceId, projectId } = await api.signUpWithProject(account('owner'), {
      workspace: 'Marketplace ML',
      project: 'Medicines detector',
    });
    await use({ workspaceId, projectId, url: `/w/${workspaceId}/p/${projectId}/worksheet` });
  },
});

const status = (page: Page) =>
  page.getByRole('status').filter({ hasText: /saved|Saved|Saving|Offline|attention/ });
/** Nothing unsaved: "Saved 16:16" after a save in this visit, else "All changes saved". */
const SAVED = /^(All changes saved|Saved \d{1,2}:\d{2}( [AP]M)?)$/;

/** Types `value` into the field `label` with `page`'s network down: the worksheet keeps it on the device. */
async function fillOffline(page: Page, label: string, value: string): Promise<void> {
  await page.context().setOffline(true);
  await page.getByLabel(label).fill(value);
  await expect(status(page)).toHaveText('Offline — changes kept on this device');
}

/** The answer to `questionId` as the server stores it (undefined: never answered). */
async function storedAnswer(
  api: Api,
  projectId: string,
  questionId: string,
): Promise<{ kind: string; value: unknown } | null | undefined> {
  const { answers } = await api.query<{
    answers: { questionId: string; value: { kind: string; value: unknown } | null }[];
  }>('worksheet.get', { projectId });
  return answers.find((answer) => answer.questionId === questionId)?.value;
}

test.describe('feasibility worksheet', () => {
  test('an answer that fails its check is "not saved" in the header, after a reload too, and never sent', async ({
    page,
    api,
    setup,
  }) => {
    await page.goto(setup.url);
    const quality = page.getByRole('region', { name: 'E. Quality target and ceiling' });
    const target = quality.getByLabel('What is the quality target on the optimizing metric?');
    await target.fill('0.8');
    // A save confirms quietly, with its time.
    await expect(status(page)).toHaveText(/^Saved \d{1,2}:\d{2}( [AP]M)?$/);

    await target.fill('150');
    await expect(quality.getByText('value must be ≤ 1')).toBeVisible();
    await expect(status(page)).toHaveText('Not saved: fix the error');
    await page.reload();
    await expect(target).toHaveValue('150');
    await expect(quality.getByText('value must be ≤ 1')).toBeVisible();
    await expect(status(page)).toHaveText('Not saved: fix the error');
    // The server still holds the last valid answer: 150 was never sent.
    expect(await storedAnswer(api, setup.projectId, 'E.target-quality')).toEqual({
      kind: 'number',
      value: 0.8,
    });

    await target.fill('0.85');
    await expect(status(page)).toHaveText(/^Saved \d/);
  });

  test('fill a section, reload, answers kept; the verdict gives its reasons', async ({ page, setup }) => {
    await page.goto(setup.url);
    await expect(page.getByRole('heading', { name: 'Feasibility worksheet' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Start the worksheet' })).toBeVisible();

    const framing = page.getByRole('region', { name: 'C. Framing' });
    await expect(framing.getByText('0 of 5 answered')).toBeVisible();
    await framing
      .getByRole('group', { name: 'How is the problem framed?' })
      .getByLabel('Classification')
      .check();
    await framing.getByRole('group', { name: 'What is the output?' }).getByLabel('A single answer').check();
    await framing.getByLabel('What is one prediction about (the entity)?').fill('A product listing');
    await framing.getByLabel('What outcome is predicted?').fill('Whether it is a medicine');
    await framing.getByLabel('How long until the true outcome is observed?', { exact: true }).fill('2');
    await framing.getByLabel('Unit for: How long until the true outcome is observed?').selectOption('week');
    await expect(framing.getByText('5 of 5 answered')).toBeVisible();
    await expect(status(page)).toHaveText(SAVED);

    // A bad value is named and never sent.
    const quality = page.getByRole('region', { name: 'E. Quality target and ceiling' });
    await quality.getByLabel('What is the quality target on the optimizing metric?').fill('1.5');
    await expect(quality.getByText('value must be ≤ 1')).toBeVisible();
    await quality.getByLabel('What is the quality target on the optimizing metric?').fill('0.95');
    await quality.getByLabel('What is human-level performance (the human ceiling)?').fill('0.81');
    await expect(quality.getByText(/Not measured yet — go to the Agreement tab/)).toBeVisible();

    const verdict = page.getByRole('region', { name: 'Verdict' });
    await expect(verdict.getByText('Verdict: No-go')).toBeVisible();
    const reasons = verdict.getByRole('list', { name: 'Reasons' });
    await expect(reasons).toContainText('the target quality 0.95 is above the human ceiling 0.81');
    // Each reason leads to its question.
    await reasons.getByRole('link', { name: 'What is the quality target on the optimizing metric?' }).click();
    await expect(quality.getByLabel('What is the quality target on the optimizing metric?')).toBeFocused();
    await expect(verdict.getByRole('list', { name: 'To answer' })).toBeVisible();
    await expect(status(page)).toHaveText(SAVED);

    await page.reload();
    await expect(framing.getByLabel('What is one prediction about (the entity)?')).toHaveValue(
      'A product listing',
    );
    await expect(
      framing.getByRole('group', { name: 'How is the problem framed?' }).getByLabel('Classification'),
    ).toBeChecked();
    await expect(
      framing.getByLabel('How long until the true outcome is observed?', { exact: true }),
    ).toHaveValue('2');
    await expect(framing.getByLabel('Unit for: How long until the true outcome is observed?')).toHaveValue(
      'week',
    );
    await expect(quality.getByLabel('What is the quality target on the optimizing metric?')).toHaveValue(
      '0.95',
    );
    await expect(framing.getByText('5 of 5 answered')).toBeVisible();
    await expect(verdict.getByText('Verdict: No-go')).toBeVisible();

    // History: who changed what; an earlier value can be restored.
    await page.getByRole('button', { name: 'Show history' }).click();
    const history = page.getByRole('table');
    await expect(history.getByRole('row', { name: /What is the quality target.*0\.95/ })).toBeVisible();
    await expectNoSeriousViolations(page, 'worksheet with answers, verdict and history');
    await quality.getByLabel('What is the quality target on the optimizing metric?').fill('0.7');
    await expect(status(page)).toHaveText(SAVED);
    await history
      .getByRole('button', {
        name: 'Restore “0.95” for: What is the quality target on the optimizing metric?',
      })
      .click();
    await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toBeVisible();
    await expect(quality.getByLabel('What is the quality target on the optimizing metric?')).toHaveValue(
      '0.95',
    );

    // Export as Markdown.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export Markdown' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('medicines-detector-worksheet.md');
    const markdown = readFileSync(await file.path(), 'utf8');
    expect(markdown).toContain('**Verdict: No-go**');
    expect(markdown).toContain('> A product listing');

    // And as JSON: the typed answers and the verdict with its reasons, as the page shows them.
    const jsonDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export JSON' }).click();
    const jsonFile = await jsonDownload;
    expect(jsonFile.suggestedFilename()).toBe('medicines-detector-worksheet.json');
    const exported = JSON.parse(readFileSync(await jsonFile.path(), 'utf8')) as {
      answers: { id: string; answer: { value: unknown } }[];
      verdict: { verdict: string; findings: { reason: string }[] };
    };
    expect(exported.answers.find((a) => a.id === 'C.entity')?.answer.value).toBe('A product listing');
    expect(exported.verdict.verdict).toBe('no-go');
    expect(exported.verdict.findings.map((f) => f.reason).join('\n')).toContain(
      'the target quality 0.95 is above the human ceiling 0.81',
    );

    // Tablet width: one column, nothing wider than the screen.
    await page.setViewportSize({ width: 768, height: 1024 });
    await expect(verdict).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('two people change the same answer: the second sees both values and chooses', async ({
    page,
    teammate,
    account,
    setup,
  }) => {
    const editor = await teammate(account('editor'), setup.workspaceId, 'editor');
    await page.goto(setup.url);
    await editor.goto(setup.url);
    const prompt = 'Who is the end user, and what is their goal?';
    await expect(editor.getByLabel(prompt)).toBeVisible();

    // The editor types while their network is down, so their edit is based on the empty answer.
    await fillOffline(editor, prompt, 'Category managers');

    await page.getByLabel(prompt).fill('Pharmacy buyers');
    await expect(status(page)).toHaveText(SAVED);

    await editor.context().setOffline(false);
    const conflict = editor.getByRole('alert').filter({ hasText: 'saved a different answer' });
    await expect(conflict).toContainText('Owner Tester saved a different answer while you were editing');
    await expect(conflict).toContainText('Category managers');
    await expect(conflict).toContainText('Pharmacy buyers');
    await expectNoSeriousViolations(editor, 'worksheet with a conflict');
    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    await expect(conflict).toHaveCount(0);
    await expect(status(editor)).toHaveText(SAVED);

    // The owner sees the editor's choice within seconds, without reloading.
    await expect(page.getByLabel(prompt)).toHaveValue('Category managers');
    await expect(page.getByText('Last changed by Editor Tester')).toBeVisible();

    // The other choice: take theirs.
    const readers = 'Who reads the feasibility report?';
    await editor.context().setOffline(true);
    await editor.getByLabel(readers).fill('The board');
    await page.getByLabel(readers).fill('The director');
    await expect(status(page)).toHaveText(SAVED);
    await editor.context().setOffline(false);
    const second = editor.getByRole('alert').filter({ hasText: 'saved a different answer' });
    await second.getByRole('button', { name: 'Take theirs' }).click();
    await expect(editor.getByLabel(readers)).toHaveValue('The director');
    await expect(status(editor)).toHaveText(SAVED);
  });

  test('offline edits are kept on the device and saved when back online', async ({ page, api, setup }) => {
    await page.goto(setup.url);
    const prompt = 'Who signs off on launch?';
    await expect(page.getByLabel(prompt)).toBeVisible();
    await fillOffline(page, prompt, 'The head of category');
    const stored = await page.evaluate(() => localStorage.getItem('raisin.worksheet-drafts') ?? '');
    expect(stored).toContain('The head of category');

    await page.context().setOffline(false);
    await expect(status(page)).toHaveText(SAVED);
    expect((await storedAnswer(api, setup.projectId, 'K.sign-off'))?.value).toBe('The head of category');
    await page.reload();
    await expect(page.getByLabel(prompt)).toHaveValue('The head of category');

    // Leaving the page with an unsent edit: it waits on the device and is sent when the page opens again.
    const readers = 'Who reads the feasibility report?';
    await fillOffline(page, readers, 'The category director');
    const context = page.context();
    await page.close();
    await context.setOffline(false);
    const back = await context.newPage();
    await back.goto(setup.url);
    await expect(back.getByLabel(readers)).toHaveValue('The category director');
    await expect(status(back)).toHaveText(SAVED);
    expect((await storedAnswer(apiFor(back), setup.projectId, 'K.readers'))?.value).toBe(
      'The category director',
    );
  });

  test('answers other tabs know show their live value with a link to the tab', async ({
    page,
    api,
    setup,
  }) => {
    // A double-labeled sample (Agreement), an attack angle (Tradeoff) and a self-assessment (Roadmap).
    const csv = [
      'item,annotator,label',
      ...[1, 2, 3, 4, 5, 6, 7, 8].flatMap((item) => [
        `${item},ann-a,${item % 2 ? 'meds' : 'other'}`,
        `${item},ann-b,${item % 3 ? 'meds' : 'other'}`,
        `${item},ann-c,${item % 2 ? 'meds' : 'other'}`,
      ]),
    ].join('\n');
    const { baseURL } = test.info().project.use;
    const upload = await page.request.post(`/api/projects/${setup.projectId}/agreement/samples`, {
      headers: { origin: new URL(baseURL ?? '').origin },
      multipart: {
        name: 'Pilot batch',
        level: 'nominal',
        file: { name: 'pilot.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) },
      },
    });
    expect(upload.status(), await upload.text()).toBe(200);
    await api.createAngle(setup.projectId, { name: 'Fine-tuned small model' });
    await api.mutation('roadmap.saveAnswers', {
      projectId: setup.projectId,
      version: 0,
      answers: { 'code.review': 'yes' },
    });

    await page.goto(setup.url);
    const data = page.getByRole('region', { name: 'D. Data and labels' });
    await expect(data.getByText(/^Yes: human ceiling [\d.]+ \(from Agreement\)$/)).toBeVisible();
    const quality = page.getByRole('region', { name: 'E. Quality target and ceiling' });
    // Not asked twice: the ceiling is shown, not a field to fill.
    await expect(quality.getByText(/^[\d.]+ \(95 % CI [\d.]+–[\d.]+\) from Agreement$/)).toBeVisible();
    await expect(quality.getByLabel('What is human-level performance (the human ceiling)?')).toHaveCount(0);
    // Which angle ranks first is the Tradeoff tab's business (it adds example angles of its own).
    const angles = page.getByRole('region', { name: 'F. Attack angles and ROI' });
    await expect(angles.getByText(/^best: .+, expected [\d.]+ \(from Tradeoff\)$/)).toBeVisible();
    const operations = page.getByRole('region', { name: 'J. Operations' });
    await expect(operations.getByText(/^level [012] \(from Roadmap\)$/)).toBeVisible();

    // The verdict reads the live ceiling and says where it came from.
    await quality.getByLabel('What is the quality target on the optimizing metric?').fill('1');
    const reasons = page.getByRole('region', { name: 'Verdict' }).getByRole('list', { name: 'Reasons' });
    await expect(reasons).toContainText(
      /the target quality 1 is (above|at) the human ceiling [\d.]+ \(Agreement\)/,
    );

    await quality.getByRole('link', { name: 'Open the Agreement tab' }).click();
    await expect(page).toHaveURL(new RegExp(`/p/${setup.projectId}/agreement$`));
  });

  test('history pages back to the oldest change, which can be restored', async ({ page, setup }) => {
    // 101 saves of one answer: the first value falls off the first page of 100 changes.
    await page.goto(setup.url);
    await page.evaluate(async (projectId) => {
      for (let version = 0; version <= 100; version++) {
        const response = await fetch('/trpc/worksheet.save', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            projectId,
            questionId: 'K.readers',
            baseVersion: version,
            value: `Draft ${version}`,
          }),
        });
        if (!response.ok) throw new Error(`save ${version}: ${response.status}`);
      }
    }, setup.projectId);
    await page.reload();
    const prompt = 'Who reads the feasibility report?';
    const field = page.getByRole('textbox', { name: prompt, exact: true });
    await expect(field).toHaveValue('Draft 100');
    await page.getByRole('button', { name: 'Show history' }).click();
    const history = page.getByRole('table');
    const oldest = history.getByRole('button', { name: `Restore “Draft 0” for: ${prompt}` });
    await expect(history.getByRole('button', { name: `Restore “Draft 1” for: ${prompt}` })).toBeVisible();
    await expect(oldest).toHaveCount(0);
    await page.getByRole('button', { name: 'Show older changes' }).click();
    await oldest.click();
    await expect(field).toHaveValue('Draft 0');
    await expect(page.getByRole('button', { name: 'Show older changes' })).toHaveCount(0);
  });

  test('typing saves once the typing pauses; keystrokes made while a save is in flight follow it', async ({
    page,
    api,
    setup,
  }) => {
    await page.goto(setup.url);
    const field = page.getByLabel('Who is the end user, and what is their goal?');
    await expect(field).toBeVisible();
    // The first save waits here until released, so "a save is in flight" lasts as long as the test needs.
    const sent: unknown[] = [];
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const firstSent = new Promise<void>((resolve) => {
      void page.route(
        (url) => url.pathname.endsWith('/worksheet.save'),
        async (route) => {
          const body = route.request().postDataJSON() as { value?: unknown; 0?: { value?: unknown } };
          sent.push(body.value ?? body[0]?.value);
          resolve();
          if (sent.length === 1) await released;
          await route.continue();
        },
      );
    });

    await field.pressSequentially('Pharmacy buyers');
    await firstSent;
    // Debounced: the first request carries the whole phrase, not its first keystroke.
    expect(sent).toEqual(['Pharmacy buyers']);
    await field.pressSequentially(' who restock weekly');
    await expect(status(page)).toHaveText('Saving…');
    release();

    await expect(status(page)).toHaveText(SAVED);
    await expect(field).toHaveValue('Pharmacy buyers who restock weekly');
    await expect(page.getByRole('alert')).toHaveCount(0);
    const history = await api.query<{ version: number; newValue: { value: unknown } | null }[]>(
      'worksheet.history',
      { projectId: setup.projectId, questionId: 'A.end-user' },
    );
    // Two saves in all, the second on the version the first created (no conflict with oneself).
    expect(history.map((entry) => [entry.version, entry.newValue?.value])).toEqual([
      [2, 'Pharmacy buyers who restock weekly'],
      [1, 'Pharmacy buyers'],
    ]);
  });

  test('a restore chosen from a table that misses a teammate’s change is refused, not applied', async ({
    page,
    api,
    teammate,
    account,
    setup,
  }) => {
    await api.mutation('worksheet.save', {
      projectId: setup.projectId,
      questionId: 'K.readers',
      baseVersion: 0,
      value: 'The board',
    });
    await api.mutation('worksheet.save', {
      projectId: setup.projectId,
      questionId: 'K.readers',
      baseVersion: 1,
      value: 'The director',
    });
    const editor = await teammate(account('editor'), setup.workspaceId, 'editor');
    await page.goto(setup.url);
    const prompt = 'Who reads the feasibility report?';
    await page.getByRole('button', { name: 'Show history' }).click();
    const restoreBoard = page.getByRole('button', { name: `Restore “The board” for: ${prompt}` });
    await expect(restoreBoard).toBeVisible();

    // From now on the history table cannot reload: it keeps showing "The director" as the latest value.
    const stalled: (() => Promise<void>)[] = [];
    const isHistoryOnly = (url: URL) =>
      url.pathname.includes('worksheet.history') && !url.pathname.includes('worksheet.get');
    await page.route(isHistoryOnly, (route) => {
      stalled.push(() => route.continue().catch(() => undefined));
    });
    await apiFor(editor).mutation('worksheet.save', {
      projectId: setup.projectId,
      questionId: 'K.readers',
      baseVersion: 2,
      value: 'The category team',
    });
    // The field above shows the teammate's change, the table does not list it.
    const field = page.getByRole('textbox', { name: prompt, exact: true });
    await expect(field).toHaveValue('The category team');
    await restoreBoard.click();
    await expect(page.getByRole('alert').filter({ hasText: 'That answer changed meanwhile' })).toBeVisible();
    expect((await storedAnswer(api, setup.projectId, 'K.readers'))?.value).toBe('The category team');

    // Once the table lists the change, restoring is a choice made knowingly, and goes through.
    await page.unroute(isHistoryOnly);
    for (const release of stalled) await release();
    await expect(page.getByRole('row', { name: /The director.*The category team/ })).toBeVisible();
    await restoreBoard.click();
    await expect(page.getByRole('status').filter({ hasText: 'Restored' })).toBeVisible();
    await expect(field).toHaveValue('The board');
  });

  test('a template pre-fills the framing answers; a viewer reads but cannot edit', async ({
    page,
    teammate,
    account,
    setup,
  }) => {
    await page.goto(setup.url);
    await page.getByLabel('What is one prediction about (the entity)?').fill('A SKU');
    await expect(status(page)).toHaveText(SAVED);
    await page
      .getByLabel('Template', { exact: true })
      .selectOption({ label: 'Text classification of product listings' });
    await page.getByRole('button', { name: 'Apply template' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Filled \d+ empty answers/ })).toBeVisible();
    // Only empty answers were filled.
    await expect(page.getByLabel('What is one prediction about (the entity)?')).toHaveValue('A SKU');
    await expect(page.getByLabel('What outcome is predicted?')).toHaveValue('The listing’s product category');

    const viewer = await teammate(account('viewer'), setup.workspaceId, 'viewer');
    await viewer.goto(setup.url);
    await expect(viewer.getByRole('heading', { name: 'Feasibility worksheet' })).toBeVisible();
    await expect(viewer.getByText('Read only')).toBeVisible();
    await expect(viewer.getByText('A SKU')).toBeVisible();
    await expect(viewer.getByRole('textbox')).toHaveCount(0);
    await expect(viewer.getByRole('radio')).toHaveCount(0);
    await expect(viewer.getByRole('button', { name: 'Apply template' })).toHaveCount(0);
    await viewer.getByRole('button', { name: 'Show history' }).click();
    await expect(viewer.getByRole('table')).toBeVisible();
    await expect(viewer.getByRole('button', { name: /^Restore/ })).toHaveCount(0);
    // The API refuses a viewer's save, whatever the UI shows.
    const refused = await viewer.evaluate(async (projectId) => {
      const response = await fetch('/trpc/worksheet.save', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ projectId, questionId: 'C.entity', baseVersion: 1, value: 'Viewer was here' }),
      });
      const body = (await response.json()) as { error?: { data?: { code?: string } } };
      return { status: response.status, code: body.error?.data?.code };
    }, setup.projectId);
    expect(refused).toEqual({ status: 403, code: 'FORBIDDEN' });
  });
});
