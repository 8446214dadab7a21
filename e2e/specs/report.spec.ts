import type { Dialog, Page } from '@playwright/test';
import { type Account, apiFor, expect, test } from './fixtures';
import { pdfPageTexts } from './pdf-text';

const XSS = '<script>alert(1)</script>';

/** Fails the test on any alert (the XSS answer must stay text); confirmations are accepted. */
function watchDialogs(page: Page, alerts: string[]): void {
  page.on('dialog', (dialog: Dialog) => {
    if (dialog.type() === 'confirm') return dialog.accept();
    alerts.push(`${dialog.type()}: ${dialog.message()}`);
    return dialog.dismiss();
  });
}

async function seedProject(page: Page, account: Account, projectName = 'Ticket router') {
  const api = apiFor(page);
  const { workspaceId, projectId } = await api.signUpWithProject(account, {
    workspace: 'Support',
    project: projectName,
  });
  await api.saveAnswer(projectId, 'C.entity', XSS);
  await api.saveAnswer(projectId, 'E.target-quality', 0.8);
  // "Use these examples" makes the example attack angles the project's, so the report has a curve to draw.
  await api.mutation('tradeoff.adoptExamples', { projectId });
  return { workspaceId, projectId, reportUrl: `/w/${workspaceId}/p/${projectId}/report` };
}

test('publish a version, read it by link without an account, then revoke the link', async ({
  page,
  otherBrowser,
  account,
}) => {
  const alerts: string[] = [];
  watchDialogs(page, alerts);
  const { reportUrl } = await seedProject(page, account('owner'));

  await page.goto(reportUrl);
  await expect(page.getByRole('heading', { name: 'Executive summary' })).toBeVisible();
  await expect(page.getByText(XSS, { exact: true })).toBeVisible();
  await expect(page.getByRole('img', { name: /quality against effort/ })).toBeVisible();

  await page.getByLabel('Note for this version (optional)').fill('For the steering committee, March');
  await page.getByRole('button', { name: 'Publish version' }).click();
  await expect(page.getByRole('button', { name: /Version 1/, pressed: true })).toBeVisible();
  await expect(page.getByText('This is the first version')).toBeVisible();

  await page.getByLabel('Show the headline numbers in link previews').check();
  await page.getByRole('button', { name: 'Create share link' }).click();
  const link = await page.getByLabel('Share link').inputValue();
  expect(link).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);

  const reader = await otherBrowser();
  watchDialogs(reader, alerts);
  const response = await reader.goto(link);
  expect(response?.headers()['x-robots-tag']).toBe('noindex, nofollow');
  await expect(reader.getByRole('heading', { name: 'Ticket router — report v1' })).toBeVisible();
  await expect(reader.getByRole('heading', { name: 'Executive summary' })).toBeVisible();
  await expect(reader.getByRole('img', { name: /quality against effort/ })).toBeVisible();
  await expect(reader.getByText(XSS, { exact: true })).toBeVisible();
  await expect(reader.locator('meta[property="og:title"]')).toHaveAttribute(
    'content',
    'Ticket router — report v1',
  );
  // The owner allowed the headline numbers in link previews for this link.
  await expect(reader.locator('meta[property="og:description"]')).toHaveAttribute('content', /^Verdict: /);
  // Read-only and outside the app: no navigation, no publishing, no sharing.
  await expect(reader.getByRole('navigation')).toHaveCount(0);
  await expect(reader.getByRole('button', { name: 'Publish version' })).toHaveCount(0);

  await page.reload();
  await page.getByRole('button', { name: /Version 1/ }).click();
  const row = page.getByRole('row', { name: /Active/ });
  await expect(row.getByRole('cell', { name: '1', exact: true })).toBeVisible();
  await expect(row.getByRole('cell', { name: 'With headline numbers' })).toBeVisible();
  await row.getByRole('button', { name: /Revoke/ }).click();
  await expect(page.getByRole('row', { name: /Revoked/ })).toBeVisible();

  await reader.reload();
  await expect(reader.getByRole('heading', { name: 'This link was revoked' })).toBeVisible();
  await expect(reader.getByText('Executive summary')).toHaveCount(0);
  await expect(reader.getByText(XSS)).toHaveCount(0);
  await reader.context().close();
  expect(alerts).toEqual([]);
});

test('an expired link shows only that it expired', async ({ page, api, otherBrowser, account }) => {
  const { projectId } = await seedProject(page, account('owner'));
  const version = await api.mutation<{ id: string }>('report.publish', { projectId });
  const expiresAt = new Date(Date.now() + 1500);
  const created = await api.mutation<{ token: string }>('report.createShareLink', {
    projectId,
    versionId: version.id,
    expiresAt: expiresAt.toISOString(),
  });
  // Wait out the expiry: this is the state under test, not a performance assertion.
  await page.waitForTimeout(Math.max(0, expiresAt.getTime() - Date.now()) + 250);

  const reader = await otherBrowser();
  await reader.goto(`/s/${created.token}`);
  await expect(reader.getByRole('heading', { name: 'This link has expired' })).toBeVisible();
  await expect(reader.getByText('Executive summary')).toHaveCount(0);
  await expect(reader.locator('meta[property="og:title"]')).toHaveAttribute(
    'content',
    'Raisin — shared report',
  );
  await reader.goto('/s/not-a-real-token');
  await expect(reader.getByRole('heading', { name: 'Link not found' })).toBeVisible();
});

test('an expiry date in the past is refused on its field, and no link is made', async ({
  page,
  api,
  account,
}) => {
  const { projectId, reportUrl } = await seedProject(page, account('owner'));
  await api.mutation('report.publish', { projectId });
  await page.goto(reportUrl);
  await page.getByRole('button', { name: /Version 1/ }).click();
  const expires = page.getByLabel('Expires on (optional)');
  await expires.fill('2020-01-01');
  await page.getByRole('button', { name: 'Create share link' }).click();
  await expect(page.getByText('Expires on: choose today or a later day')).toBeVisible();
  await expect(expires).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('No link to this version yet.')).toBeVisible();
  await expect(page.getByLabel('Share link')).toHaveCount(0);
});

test('prints without the navigation, with the project and version on every page of the PDF', async ({
  page,
  account,
}) => {
  // Quotes, a backslash and a closing style tag in the name: the header is written into a CSS string.
  const name = 'Ticket "router" \\ </style>';
  const { reportUrl } = await seedProject(page, account('owner'), name);
  await page.goto(reportUrl);
  await expect(page.getByRole('heading', { name: 'Executive summary' })).toBeVisible();
  await expect(page.getByRole('tablist')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print / save as PDF' })).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('tablist')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print / save as PDF' })).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Executive summary' })).toBeVisible();

  const pdf = await page.pdf({ preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pages = pdfPageTexts(pdf);
  // One section per page: the summary, five tab sections and the assumptions.
  expect(pages.length).toBeGreaterThanOrEqual(7);
  for (const [index, text] of pages.entries()) {
    expect(text, `page ${index + 1}`).toContain(`${name} — report preview (not published)`);
    expect(text, `page ${index + 1}`).toContain(`Page ${index + 1} of ${pages.length}`);
  }
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('tablist')).toBeVisible();
});

test('a viewer reads versions, their decisions and downloads them, without publishing, sharing or deciding; empty sections link to their tab', async ({
  page,
  api,
  account,
}) => {
  const { workspaceId, projectId, reportUrl } = await seedProject(page, account('owner'));
  const version = await api.mutation<{ id: string }>('report.publish', {
    projectId,
    note: 'First look',
  });
  await api.mutation('report.createShareLink', { projectId, versionId: version.id });
  await api.mutation('report.recordMeetingDecision', {
    projectId,
    versionId: version.id,
    decision: 'approve',
    name: 'Steering committee',
  });
  const viewer = account('viewer');
  const { token } = await api.createInvitation(workspaceId, viewer.email, 'viewer');
  await page.context().clearCookies();
  await api.signUpAndAccept(viewer, token);

  await page.goto(reportUrl);
  await expect(page.getByRole('heading', { name: 'Executive summary' })).toBeVisible();
  await expect(page.getByLabel('Note for this version (optional)')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Publish version' })).toHaveCount(0);

  await page.getByRole('button', { name: /Version 1/ }).click();
  await expect(page.getByText('This is the first version')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Links to version 1' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create share link' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Revoke/ })).toHaveCount(0);
  // A viewer reads the decisions; only owners hide one or record a meeting's.
  const decisions = page.getByRole('region', { name: 'Decisions on version 1' });
  await expect(decisions.getByText('Steering committee', { exact: true })).toBeVisible();
  await expect(decisions.getByRole('button', { name: /Hide/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Record meeting decision' })).toHaveCount(0);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download Markdown' }).click();
  expect((await download).suggestedFilename()).toBe('ticket-router-report-v1.md');

  // No sample yet: the agreement section says what to do and links to the tab that does it.
  const agreement = page.getByRole('region', { name: 'Human-agreement ceiling' });
  await expect(agreement).toContainText('No data yet.');
  await agreement.getByRole('link', { name: 'Open the Agreement tab' }).click();
  await expect(page).toHaveURL(/\/agreement$/);
});
