/**
 * Hostile input: markup typed into every free-text field stays text on every page that shows it
 * (each project tab, the report preview, a published version, what changed, the share page, a reader's
 * decision) and in every export. Any dialog, or an `<img src=x>` element, means the markup ran.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { QUESTION_BANK, type Question } from '../../packages/core/src/worksheet/question-bank';
import { apiFor, expect, test } from './fixtures';

const XSS = '<img src=x onerror=alert(1)><script>alert(1)</script>';
/** The same text as Markdown and HTML exports must carry it: entities, so no renderer makes it a tag. */
const XSS_ESCAPED = '&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(1)&lt;/script&gt;';

/** Each field gets its own suffix, so a page showing one field's text cannot pass for another's. */
const TEXT = {
  workspace: `${XSS} workspace`,
  project: `${XSS} project`,
  description: `${XSS} description`,
  sample: `${XSS} sample`,
  angle: `${XSS} angle`,
  risk: `${XSS} risk`,
  point: `${XSS} point`,
  phase: `${XSS} phase`,
  milestone: `${XSS} milestone`,
  phaseDescription: `${XSS} phase description`,
  reason: `${XSS} reason`,
  note: `${XSS} note`,
  changed: `${XSS} changed`,
  decision: `${XSS} decision`,
  decider: `${XSS} decider`,
} as const;

/** The worksheet's own text questions (a derived one shows another tab's live value instead). */
const TEXT_QUESTIONS = (QUESTION_BANK as readonly Question[]).filter(
  (q) => (q.kind === 'short-text' || q.kind === 'long-text') && q.derivedFrom === undefined,
);
const answerFor = (questionId: string) => `${XSS} ${questionId}`;

/** Records every dialog (and dismisses it, so the page goes on): the test fails on any. */
function watchDialogs(page: Page, dialogs: string[]): void {
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()} on ${page.url()}`);
    void dialog.dismiss();
  });
}

/** The markup is on the page as text, and no element was made from it. */
async function expectShownAsText(page: Page, texts: readonly string[]): Promise<void> {
  for (const text of texts)
    await expect(page.getByText(text).filter({ visible: true }).first()).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('script', { hasText: 'alert(1)' })).toHaveCount(0);
}

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  return readFile(await file.path(), 'utf8');
}

/** An exported Markdown or HTML file: the markup only as entities. */
function expectEscaped(file: string, expected: readonly string[]): void {
  for (const suffix of expected) expect(file).toContain(`${XSS_ESCAPED} ${suffix}`);
  expect(file).not.toContain('<img');
  expect(file).not.toContain('<script>alert');
}

function origin(page: Page): string {
  return new URL(page.url()).origin;
}

/** A labeled sample whose annotator and category names are markup too. */
const SAMPLE_CSV = [
  'item,annotator,label',
  ...[1, 2, 3, 4, 5, 6].flatMap((item) => [
    `${item},ann-a,${item % 2 ? XSS : 'plain'}`,
    `${item},${XSS},${item % 3 ? XSS : 'plain'}`,
    `${item},ann-c,${item % 2 ? XSS : 'plain'}`,
  ]),
].join('\n');

async function seedHostileProject(page: Page) {
  const api = apiFor(page);
  const workspace = await api.createWorkspace(TEXT.workspace);
  const project = await api.createProject(workspace.id, TEXT.project, TEXT.description);
  const projectId = project.id;
  for (const question of TEXT_QUESTIONS) {
    await api.saveAnswer(projectId, question.id, answerFor(question.id));
  }
  await api.saveAnswer(projectId, 'E.target-quality', 0.8);

  await page.goto('/');
  const upload = await page.request.post(`/api/projects/${projectId}/agreement/samples`, {
    headers: { origin: origin(page) },
    multipart: {
      name: TEXT.sample,
      level: 'nominal',
      file: { name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(SAMPLE_CSV) },
    },
  });
  expect(upload.status(), await upload.text()).toBe(200);
  expect(await upload.text()).not.toContain('"type":"error"');

  const tradeoff = await api.query<{ version: number; settings: Record<string, unknown> }>('tradeoff.get', {
    projectId,
  });
  await api.createAngle(projectId, { name: TEXT.angle, riskNotes: TEXT.risk });
  await api.mutation('tradeoff.createMeasured', {
    projectId,
    point: { effort: { value: 3, unit: 'day' }, measuredOn: null, quality: 0.65, label: TEXT.point },
  });
  await api.mutation('tradeoff.updateSettings', {
    projectId,
    version: tradeoff.version,
    settings: { ...tradeoff.settings, metricName: XSS },
  });

  const assessment = await api.query<{ version: number }>('roadmap.assessment', { projectId });
  await api.mutation('roadmap.setTargetOverride', {
    projectId,
    version: assessment.version,
    override: { level: 2, reason: TEXT.reason },
  });
  const generated = await api.mutation<{ version: number; roadmap: { phases: { id: string }[] } }>(
    'roadmap.generate',
    { projectId, version: 0, startDate: '2025-03-03' },
  );
  const phaseId = generated.roadmap.phases[0]?.id;
  if (!phaseId) throw new Error('the generated roadmap has no phase');
  let version = generated.version;
  for (const edit of [
    { type: 'renamePhase', phaseId, name: TEXT.phase },
    { type: 'addMilestone', phaseId, name: TEXT.milestone },
    { type: 'setPhaseDescription', phaseId, description: TEXT.phaseDescription },
  ]) {
    version = (await api.mutation<{ version: number }>('roadmap.edit', { projectId, version, edit })).version;
  }
  return {
    workspaceId: workspace.id,
    projectId,
    tab: (name: string) => `/w/${workspace.id}/p/${projectId}/${name}`,
  };
}

test('markup in every free-text field is shown as text on every page and in every export', async ({
  page,
  api,
  otherBrowser,
  account,
}) => {
  test.setTimeout(180_000);
  const dialogs: string[] = [];
  watchDialogs(page, dialogs);
  await api.signUp(account('owner'));
  const { workspaceId, projectId, tab } = await seedHostileProject(page);

  // An email address cannot carry markup: the invitation form refuses it instead of storing it.
  const invitation = await page.request.post('/trpc/invitations.create', {
    headers: { origin: origin(page), 'content-type': 'application/json' },
    data: { workspaceId, email: `"${XSS}"@example.com`, role: 'viewer' },
  });
  expect(invitation.status()).toBe(400);

  await page.goto('/');
  await expectShownAsText(page, [TEXT.workspace]);
  await page.goto(`/w/${workspaceId}`);
  await expectShownAsText(page, [TEXT.project, TEXT.description]);
  await page.goto(`/w/${workspaceId}/members`);
  await expectShownAsText(page, [TEXT.workspace]);

  await page.goto(tab('worksheet'));
  for (const question of TEXT_QUESTIONS) {
    await expect(page.getByLabel(question.prompt, { exact: true })).toHaveValue(answerFor(question.id));
  }
  await expectShownAsText(page, [TEXT.project]);
  const worksheetMarkdown = await download(page, 'Export Markdown');
  expectEscaped(worksheetMarkdown, [
    'project: feasibility worksheet',
    ...TEXT_QUESTIONS.map((question) => question.id),
  ]);

  await page.goto(tab('agreement'));
  await expectShownAsText(page, [TEXT.sample, XSS]);

  await page.goto(tab('tradeoff'));
  await expectShownAsText(page, [TEXT.angle, TEXT.point, XSS]);

  await page.goto(tab('roadmap'));
  await expectShownAsText(page, [TEXT.phase, TEXT.milestone, TEXT.reason]);
  const csv = await download(page, 'Download CSV (issue trackers)');
  // CSV and iCalendar are not markup: the text is there as typed, for the tools that read them.
  expect(csv).toContain(TEXT.phase);
  expect(csv).toContain(TEXT.milestone);
  const ics = await download(page, 'Download iCalendar (.ics)');
  expect(ics).toContain(`SUMMARY:${TEXT.milestone}`);
  expectEscaped(await download(page, 'Download Markdown'), ['phase', 'milestone']);

  // The note goes in through the form, as a person would type it.
  await page.goto(tab('report'));
  await expect(page.getByRole('heading', { name: 'Executive summary' })).toBeVisible();
  await expectShownAsText(page, [TEXT.project, answerFor('C.entity'), TEXT.angle, TEXT.milestone]);
  await page.getByLabel('Note for this version (optional)').fill(TEXT.note);
  await page.getByRole('button', { name: 'Publish version' }).click();
  await expect(page.getByRole('button', { name: /Version 1/, pressed: true })).toBeVisible();
  await expectShownAsText(page, [TEXT.project, answerFor('C.entity'), TEXT.angle]);

  await api.saveAnswer(projectId, 'C.entity', TEXT.changed, 1);
  const second = await api.mutation<{ id: string }>('report.publish', { projectId, note: TEXT.note });
  await page.reload();
  await page.getByRole('button', { name: /Version 2/ }).click();
  await expect(page.getByRole('heading', { name: 'What changed since version 1' })).toBeVisible();
  await expectShownAsText(page, [TEXT.changed]);
  const reportMarkdown = await download(page, 'Download Markdown');
  expectEscaped(reportMarkdown, ['project', 'changed', 'angle', 'milestone']);
  const reportHtml = await download(page, 'Download HTML');
  expectEscaped(reportHtml, ['project', 'changed', 'angle', 'milestone']);

  // The downloaded HTML opened on its own, as a stakeholder would open the file.
  const htmlPage = await page.context().newPage();
  watchDialogs(htmlPage, dialogs);
  await htmlPage.setContent(reportHtml);
  await expectShownAsText(htmlPage, [TEXT.project, TEXT.changed, TEXT.angle]);
  await htmlPage.close();

  const link = await api.mutation<{ url: string }>('report.createShareLink', {
    projectId,
    versionId: second.id,
    allowFeedback: true,
  });
  const reader = await otherBrowser();
  watchDialogs(reader, dialogs);
  await reader.goto(new URL(link.url).pathname);
  await expect(reader.getByRole('heading', { name: 'Executive summary' })).toBeVisible();
  await expectShownAsText(reader, [TEXT.project, TEXT.changed, TEXT.angle, TEXT.milestone]);
  // A reader's decision, typed into the form with markup in its comment and name, stays text for every
  // other reader and for the team.
  const form = reader.getByRole('region', { name: 'Your decision on version 2' });
  await form.getByRole('radio', { name: 'Request changes' }).check();
  await form.getByLabel('Comment (conditions, changes or reasons)').fill(TEXT.decision);
  await form.getByLabel('Your name').fill(TEXT.decider);
  await form.getByLabel('Your e-mail').fill('reader@example.com');
  await form.getByRole('button', { name: 'Record my decision' }).click();
  await expect(reader.getByText('Thank you: your decision (Request changes)')).toBeVisible();
  await expectShownAsText(reader, [TEXT.decision, TEXT.decider]);
  await reader.context().close();
  await page.goto(tab('report'));
  await page.getByRole('button', { name: /Version 2/ }).click();
  await expect(page.getByRole('heading', { name: 'Decisions on version 2' })).toBeVisible();
  await expectShownAsText(page, [TEXT.decision, TEXT.decider]);

  expect(dialogs).toEqual([]);
});
