/**
 * Decisions on a shared report version: a reader of a link that allows feedback decides, the team sees
 * it in the Report tab and on the portfolio; a revoked link takes no more decisions.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Dialog, Page } from '@playwright/test';
import { callMutation, expect, saveAnswerViaApi, signUpWithProjectViaApi, test } from './fixtures';

/** A browser with no session, from its own client address, as a stakeholder's would be. */
async function stakeholderContext(browser: Browser, address: string): Promise<BrowserContext> {
  return browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': address }, locale: 'en-US' });
}

function acceptConfirmations(page: Page): void {
  page.on('dialog', (dialog: Dialog) => (dialog.type() === 'confirm' ? dialog.accept() : dialog.dismiss()));
}

test('a guest approves a shared version with a condition; the team sees it in the Report tab and on the portfolio', async ({
  page,
  browser,
  account,
}) => {
  test.setTimeout(120_000);
  acceptConfirmations(page);
  const owner = account('owner');
  const { workspaceId, projectId } = await signUpWithProjectViaApi(page, owner, {
    workspace: 'Support',
    project: 'Ticket router',
  });
  await saveAnswerViaApi(page, projectId, 'K.sign-off', 'Dana Reyes and legal');
  await callMutation(page, 'report.publish', { projectId, note: 'For the steering committee' });

  const reportUrl = `/w/${workspaceId}/p/${projectId}/report`;
  await page.goto(reportUrl);
  await page.getByRole('button', { name: /Version 1/ }).click();
  const decisions = page.getByRole('region', { name: 'Decisions on version 1' });
  await expect(decisions.getByText('Not decided yet: Dana Reyes, legal.')).toBeVisible();
  await page.getByLabel('Allow feedback: readers can record a decision').check();
  await page.getByRole('button', { name: 'Create share link' }).click();
  const link = await page.getByLabel('Share link').inputValue();
  await expect(
    page.getByRole('row', { name: /Active/ }).getByRole('cell', { name: 'Takes decisions' }),
  ).toBeVisible();

  const stakeholder = await stakeholderContext(browser, '10.251.1.1');
  const reader = await stakeholder.newPage();
  await reader.goto(link);
  await expect(reader.getByRole('heading', { name: 'Ticket router — report v1' })).toBeVisible();
  const form = reader.getByRole('region', { name: 'Your decision on version 1' });
  await form.getByRole('radio', { name: 'Approve with conditions' }).check();
  await form.getByLabel('Your name').fill('Dana Reyes');
  await form.getByLabel('Your e-mail').fill('dana@example.com');
  // Conditions are what "with conditions" means: the form asks for them before sending anything.
  await form.getByRole('button', { name: 'Record my decision' }).click();
  await expect(form.getByText('Comment: say which conditions.')).toBeVisible();
  const comment = form.getByLabel('Comment (conditions, changes or reasons)');
  await comment.fill('x'.repeat(2005));
  await expect(form.getByText('2,005 of 2,000 characters: 5 too many')).toBeVisible();
  await form.getByRole('button', { name: 'Record my decision' }).click();
  await expect(form.getByText('Comment: shorten it by 5 characters (at most 2,000).')).toBeVisible();
  // Nothing was cut to fit: the reader's text is all still there.
  await expect(comment).toHaveValue('x'.repeat(2005));
  await comment.fill('Keep a human review of refunds over 100 euros');
  await expect(form.getByText('45 of 2,000 characters (1,955 left)')).toBeVisible();
  await form.getByRole('button', { name: 'Record my decision' }).click();
  await expect(reader.getByRole('status').filter({ hasText: 'Thank you' })).toHaveText(
    'Thank you: your decision (Approve with conditions) is recorded on version 1. The team sees it in their report.',
  );
  const listed = reader.getByRole('region', { name: 'Decisions on version 1' });
  await expect(listed.getByText('Keep a human review of refunds over 100 euros')).toBeVisible();
  await expect(listed.getByText('Dana Reyes', { exact: true })).toBeVisible();
  // A reader never sees an e-mail, not even their own.
  await expect(reader.getByText('dana@example.com')).toHaveCount(0);
  await stakeholder.close();

  await page.reload();
  await page.getByRole('button', { name: /Version 1/ }).click();
  await expect(decisions.getByText('Keep a human review of refunds over 100 euros')).toBeVisible();
  await expect(decisions.getByText('From dana@example.com (only the team sees it).')).toBeVisible();
  await expect(decisions.getByText('Not decided yet: legal.')).toBeVisible();

  // Legal decided in a meeting; the owner records it, then everyone expected has decided.
  const meeting = decisions.getByRole('form', { name: 'Record a meeting decision' });
  await meeting.getByRole('radio', { name: 'Approve', exact: true }).check();
  await meeting.getByLabel('Who decided').fill('Legal');
  await meeting.getByRole('button', { name: 'Record meeting decision' }).click();
  await expect(meeting.getByRole('status')).toHaveText('Recorded the decision of Legal.');
  await expect(decisions.getByText('Everyone expected has decided.')).toBeVisible();
  await expect(decisions.getByText('(recorded from a meeting)')).toBeVisible();

  // Hidden, the meeting entry no longer counts: legal is expected again.
  await decisions.getByRole('button', { name: 'Hide the decision of Legal' }).click();
  await expect(decisions.getByText('Hidden from readers.')).toBeVisible();
  await expect(decisions.getByText('Not decided yet: legal.')).toBeVisible();

  // The version's Markdown download lists the visible decision as text, without the reader's e-mail.
  const [markdownFile] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download Markdown' }).click(),
  ]);
  const markdown = await readFile(await markdownFile.path(), 'utf8');
  expect(markdown).toContain('## Decisions on version 1');
  expect(markdown).toContain(
    '- Dana Reyes approved v1 with conditions: Keep a human review of refunds over 100 euros (',
  );
  expect(markdown).not.toContain('dana@example.com');
  expect(markdown).not.toContain('Legal approved');

  // The portfolio shows the newest decision not hidden, and its CSV carries it.
  await page.goto(`/w/${workspaceId}/portfolio`);
  await expect(
    page.getByRole('link', {
      name: 'Ticket router: latest decision Approve with conditions on version 1 by Dana Reyes',
    }),
  ).toBeVisible({ timeout: 30_000 });
  const [csvFile] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const csv = await readFile(await csvFile.path(), 'utf8');
  expect(csv.split('\r\n')[0]).toContain('Latest decision,Decided on version,Decided by');
  expect(csv).toContain('Approve with conditions,1,Dana Reyes,');
  expect(csv).toContain('Keep a human review of refunds over 100 euros');

  // The next version's "what changed" carries the decision it answers.
  await callMutation(page, 'report.publish', { projectId });
  await page.goto(reportUrl);
  await page.getByRole('button', { name: /Version 2/ }).click();
  const changed = page.getByRole('region', { name: 'What changed since version 1' });
  await expect(changed.getByRole('heading', { name: 'Decisions on version 1' })).toBeVisible();
  await expect(
    changed.getByText(
      'Dana Reyes approved v1 with conditions: Keep a human review of refunds over 100 euros',
    ),
  ).toBeVisible();
});

test('a revoked link refuses a decision, and a read-only link has no form', async ({
  page,
  browser,
  account,
}) => {
  const { projectId } = await signUpWithProjectViaApi(page, account('owner'), {
    workspace: 'Support',
    project: 'Ticket router',
  });
  const version = await callMutation<{ id: string }>(page, 'report.publish', { projectId });
  const open = await callMutation<{ id: string; token: string }>(page, 'report.createShareLink', {
    projectId,
    versionId: version.id,
    allowFeedback: true,
  });
  const readOnly = await callMutation<{ token: string }>(page, 'report.createShareLink', {
    projectId,
    versionId: version.id,
  });

  const stakeholder = await stakeholderContext(browser, '10.251.2.1');
  const reader = await stakeholder.newPage();
  await reader.goto(`/s/${readOnly.token}`);
  await expect(reader.getByRole('heading', { name: 'Ticket router — report v1' })).toBeVisible();
  await expect(reader.getByRole('button', { name: 'Record my decision' })).toHaveCount(0);

  await reader.goto(`/s/${open.token}`);
  const form = reader.getByRole('region', { name: 'Your decision on version 1' });
  await form.getByRole('radio', { name: 'Reject' }).check();
  await form.getByLabel('Your name').fill('Sam Late');
  await form.getByLabel('Your e-mail').fill('sam@example.com');
  // The owner revokes the link while the reader is still filling in the form.
  await callMutation(page, 'report.revokeShareLink', { projectId, linkId: open.id });
  await form.getByRole('button', { name: 'Record my decision' }).click();
  await expect(form.getByRole('alert')).toHaveText('This link was revoked: it takes no more decisions');
  await reader.reload();
  await expect(reader.getByRole('heading', { name: 'This link was revoked' })).toBeVisible();
  await stakeholder.close();
});
