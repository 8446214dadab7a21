import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createProjectViaApi, createWorkspaceViaApi, expect, signUpViaApi, test } from './fixtures';

const fixture = (name: string) =>
  readFileSync(
    fileURLToPath(new URL(`../../packages/core/src/agreement/parse/fixtures/${name}`, import.meta.url)),
  );

test.describe('agreement under other framings', () => {
  test('a Prodigy NER export with a boundary disagreement shows its span F1 ceiling, not 100%', async ({
    page,
    account,
  }) => {
    await signUpViaApi(page, account('ner-lead'));
    const workspace = await createWorkspaceViaApi(page, 'Entities');
    const project = await createProjectViaApi(page, workspace.id, 'Job roles');
    await page.goto(`/w/${workspace.id}/p/${project.id}/agreement`);
    await expect(page.getByRole('heading', { level: 2, name: 'Agreement' })).toBeVisible();

    await page.getByLabel('Sample file', { exact: true }).setInputFiles({
      name: 'ner-manual.jsonl',
      mimeType: 'application/jsonl',
      buffer: fixture('prodigy-ner-manual.jsonl'),
    });
    await page.getByLabel('Sample name').fill('NER pilot');
    await page.getByRole('button', { name: 'Upload and score' }).click();

    const ceiling = page.getByTestId('headline-ceiling');
    await expect(ceiling).toContainText('0.833');
    await expect(ceiling).toContainText("F1 against one annotator's annotations");
    await expect(
      page.getByText(/would reach about 0\.83 ± 0\.\d\d span F1 against one annotator's spans/),
    ).toBeVisible();
    const table = page.getByRole('table', { name: 'Each value with its 95% interval' });
    await expect(table.getByRole('row', { name: /Span F1, exact 0\.833/ })).toBeVisible();
    await expect(table.getByRole('row', { name: /JOB_ROLE: exact F1 0\.500/ })).toBeVisible();
    // No one-label-per-item α or charts for spans: the span table and its ceiling are the result.
    await expect(page.getByTestId('headline-alpha')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Every coefficient' })).toHaveCount(0);
  });

  test('a Label Studio export with two questions stores both; the tab switches between their framings', async ({
    page,
    account,
  }) => {
    await signUpViaApi(page, account('questions-lead'));
    const workspace = await createWorkspaceViaApi(page, 'News');
    const project = await createProjectViaApi(page, workspace.id, 'Wire stories');
    await page.goto(`/w/${workspace.id}/p/${project.id}/agreement`);

    await page.getByLabel('Sample file', { exact: true }).setInputFiles({
      name: 'news.json',
      mimeType: 'application/json',
      buffer: fixture('label-studio-ner-with-topic.json'),
    });
    const lead = page.getByLabel('Question to lead with (Label Studio control)');
    await expect(lead.getByRole('option')).toHaveText(['label (spans)', 'topic (one label per item)']);
    await lead.selectOption('label');
    await page.getByRole('button', { name: 'Upload and score' }).click();

    const ceiling = page.getByTestId('headline-ceiling');
    await expect(ceiling).toContainText('0.727');
    await expect(page.getByRole('heading', { name: 'news, question "label": headline' })).toBeVisible();
    const question = page.getByLabel('Question (Label Studio control)');
    await expect(question).toHaveValue('label');
    await question.selectOption('topic');
    // The other question, under its own framing: α and a ceiling in accuracy.
    await expect(page.getByRole('heading', { name: 'news, question "topic": headline' })).toBeVisible();
    await expect(ceiling).toContainText('0.500');
    await expect(page.getByTestId('headline-alpha')).toContainText('0.400');
    await expect(page.getByRole('heading', { name: 'Every coefficient' })).toBeVisible();
  });
});
