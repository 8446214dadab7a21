import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';
import { pdfPageTexts } from './pdf-text';

const fixture = (name: string) =>
  readFileSync(
    fileURLToPath(new URL(`../../packages/core/src/agreement/parse/fixtures/${name}`, import.meta.url)),
  );
const referenceData = (name: string) =>
  readFileSync(
    fileURLToPath(new URL(`../../packages/core/src/agreement/reference-data/${name}`, import.meta.url)),
  );

test.describe('agreement under other framings', () => {
  test('a Prodigy NER export with a boundary disagreement shows its span F1 ceiling, not 100%', async ({
    page,
    api,
    account,
  }) => {
    const { workspaceId, projectId } = await api.signUpWithProject(account('ner-lead'), {
      workspace: 'Entities',
      project: 'Job roles',
    });
    await page.goto(`/w/${workspaceId}/p/${projectId}/agreement`);
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

    // The boundary disagreement is listed: its document, the pair's span F1 and both versions' text.
    await expect(page.getByRole('heading', { name: 'Documents with the most disagreement' })).toBeVisible();
    const list = page.getByRole('region', { name: 'Documents that agree least' });
    await expect(list.getByRole('listitem')).toHaveCount(3);
    await expect(list.getByText('895552771 — span F1 0.50 (ner-alice vs ner-bob)')).toBeVisible();
    await expect(list.getByText('ner-bob has ‘an actor’ (JOB_ROLE) · ner-alice lacks it')).toBeVisible();
    await expect(list.getByText('ner-alice has ‘actor’ (JOB_ROLE) · ner-bob lacks it')).toBeVisible();
    // The list scrolls from the keyboard, and the search narrows it.
    await list.focus();
    await expect(list).toBeFocused();
    await page.getByLabel('Search the disagreements').fill('no such span');
    await expect(page.getByText('0 of 1 shown (the 1 that agree least)')).toBeVisible();

    // The Tradeoff tab reads this ceiling as a span F1, and says so while its metric is accuracy.
    await page.getByRole('tab', { name: 'Tradeoff' }).click();
    await expect(
      page.getByText(
        'The human ceiling of "NER pilot" is a span F1, not accuracy: estimate the target, the attack angles and the measured points in span F1 too, and name the metric so.',
      ),
    ).toBeVisible();
  });

  test('a Label Studio export with two questions stores both; the tab switches between their framings', async ({
    page,
    api,
    account,
  }) => {
    const { workspaceId, projectId } = await api.signUpWithProject(account('questions-lead'), {
      workspace: 'News',
      project: 'Wire stories',
    });
    await page.goto(`/w/${workspaceId}/p/${projectId}/agreement`);

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

  test('ratings uploaded as numbers read the six ICCs (Shrout & Fleiss) and a correlation ceiling', async ({
    page,
    api,
    account,
  }) => {
    const { workspaceId, projectId } = await api.signUpWithProject(account('icc-lead'), {
      workspace: 'Judges',
      project: 'Essay scores',
    });
    // The worksheet frames it as a ranking: numbers measure something else, and the sample says so.
    await api.saveAnswer(projectId, 'C.framing', 'ranking-retrieval');
    await page.goto(`/w/${workspaceId}/p/${projectId}/agreement`);

    await page.getByLabel('Sample file', { exact: true }).setInputFiles({
      name: 'judges.csv',
      mimeType: 'text/csv',
      buffer: referenceData('shrout_fleiss1979_table2.long.csv'),
    });
    await page.getByLabel('What each annotation is (framing)').selectOption('continuous');
    await page.getByLabel('Level of measurement').selectOption('interval');
    await page.getByRole('button', { name: 'Upload and score' }).click();

    const table = page.getByRole('table', { name: 'Each value with its 95% interval' });
    await expect(
      page.getByRole('heading', { name: 'Intraclass correlations (6 items rated by everyone)' }),
    ).toBeVisible();
    await expect(table.getByRole('row', { name: /ICC\(1,1\) 0\.166/ })).toBeVisible();
    await expect(table.getByRole('row', { name: /ICC\(A,1\) 0\.290 0\.019–0\.761/ })).toBeVisible();
    await expect(table.getByRole('row', { name: /ICC\(C,1\) 0\.715 0\.342–0\.946/ })).toBeVisible();
    await expect(table.getByRole('row', { name: /ICC\(C,k\) 0\.909/ })).toBeVisible();
    await expect(page.getByTestId('headline-ceiling')).toContainText('0.845');
    await expect(
      page.getByText(
        'The worksheet frames this project as ranking / retrieval (C. Framing), but this sample holds numbers',
      ),
    ).toBeVisible();

    // Re-scored at another level, the sample stays numbers: ICCs and the correlation ceiling remain.
    await page.getByLabel('Re-score at level').selectOption('ordinal');
    // Numbers are ordered by their values: no category order is asked for.
    await expect(page.getByLabel('Category order for re-scoring')).toHaveCount(0);
    await page.getByRole('button', { name: 'Re-score' }).click();
    await expect(page.getByRole('table', { name: 'Samples of this project, oldest first' })).toContainText(
      '(ordinal)',
    );
    await expect(table.getByRole('row', { name: /ICC\(C,1\) 0\.715 0\.342–0\.946/ })).toBeVisible();
    await expect(page.getByTestId('headline-ceiling')).toContainText('0.845');
  });

  test('a pairwise table names the line and column of a choice it cannot read', async ({
    page,
    api,
    account,
  }) => {
    const { workspaceId, projectId } = await api.signUpWithProject(account('pairwise-lead'), {
      workspace: 'Answers',
      project: 'Chat answers',
    });
    await page.goto(`/w/${workspaceId}/p/${projectId}/agreement`);

    await page.getByLabel('Sample file', { exact: true }).setInputFiles({
      name: 'answers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'item_a,item_b,annotator,choice\nanswer-1,answer-2,ana,a\nanswer-1,answer-2,ben,maybe\n',
      ),
    });
    // The columns name the framing: it is pre-selected, and the form says why.
    const framing = page.getByLabel('What each annotation is (framing)');
    await expect(framing).toHaveValue('pairwise');
    await expect(framing).toHaveAccessibleDescription(
      'Chosen from the file: Columns "item_a", "item_b", "annotator" and "choice" read as pairwise preferences.',
    );
    // Preferences find their own columns: no item/annotator/label mapping is asked for.
    await expect(page.getByLabel('Item column')).toHaveCount(0);
    await page.getByRole('button', { name: 'Upload and score' }).click();
    await expect(
      page.getByText(
        'answers.csv: Line 3: the choice "maybe" is none of a/left/first, b/right/second or tie (column 4).',
      ),
    ).toBeVisible();
  });

  test('a Label Studio NER export reads its span F1 ceiling; a Prodigy multi-label export its micro F1', async ({
    page,
    api,
    account,
  }) => {
    const { workspaceId, projectId } = await api.signUpWithProject(account('exports-lead'), {
      workspace: 'Exports',
      project: 'Tickets and names',
    });
    await page.goto(`/w/${workspaceId}/p/${projectId}/agreement`);
    const ceiling = page.getByTestId('headline-ceiling');
    const table = page.getByRole('table', { name: 'Each value with its 95% interval' });

    await page.getByLabel('Sample file', { exact: true }).setInputFiles({
      name: 'news-ner.json',
      mimeType: 'application/json',
      buffer: fixture('label-studio-ner.json'),
    });
    // One question: nothing to pick.
    await expect(page.getByLabel('Question to lead with (Label Studio control)')).toHaveCount(0);
    await page.getByRole('button', { name: 'Upload and score' }).click();
    await expect(page.getByRole('heading', { name: 'news-ner: headline' })).toBeVisible();
    await expect(ceiling).toContainText('0.727');
    await expect(ceiling).toContainText("F1 against one annotator's annotations");
    // No level of measurement applies to spans: nothing to re-score.
    await expect(page.getByLabel('Re-score at level')).toHaveCount(0);
    await expect(table.getByRole('row', { name: /Span F1, exact 0\.727/ })).toBeVisible();
    await expect(table.getByRole('row', { name: /Span F1, overlap \(IoU ≥ 0\.5\) 0\.909/ })).toBeVisible();

    await page.getByLabel('Sample file', { exact: true }).setInputFiles({
      name: 'intents.jsonl',
      mimeType: 'application/jsonl',
      buffer: fixture('prodigy-choice-multiple.jsonl'),
    });
    await page.getByRole('button', { name: 'Upload and score' }).click();
    await expect(page.getByRole('heading', { name: 'intents: headline' })).toBeVisible();
    await expect(ceiling).toContainText('0.833');
    await expect(page.getByRole('heading', { name: 'Multi-label agreement' })).toBeVisible();
    await expect(table.getByRole('row', { name: /Micro F1 0\.833/ })).toBeVisible();
    await expect(table.getByRole('row', { name: /α with MASI distance 0\.559/ })).toBeVisible();
    await expect(table.getByRole('row', { name: /BILLING: α \(present or not\) 1\.000/ })).toBeVisible();
    await expect(page.getByTestId('headline-alpha')).toHaveCount(0);
  });

  test("the report names a ranking ceiling's metric in the tab, its PDF and the shared page", async ({
    page,
    api,
    otherBrowser,
    account,
  }) => {
    const { workspaceId, projectId } = await api.signUpWithProject(account('ranking-lead'), {
      workspace: 'Search',
      project: 'Query results',
    });
    await page.goto(`/w/${workspaceId}/p/${projectId}/agreement`);
    await page.getByLabel('Sample file', { exact: true }).setInputFiles({
      name: 'rankings.csv',
      mimeType: 'text/csv',
      buffer: fixture('search-ranking.long.csv'),
    });
    await expect(page.getByLabel('What each annotation is (framing)')).toHaveValue('ranking');
    await page.getByRole('button', { name: 'Upload and score' }).click();
    await expect(page.getByRole('heading', { name: 'rankings: headline' })).toBeVisible();
    // Counted in the framing's own nouns; no α of one label per item, so the samples table shows none.
    await expect(page.getByText(/^\d+ lists, \d+ annotators, \d+ rankings$/)).toBeVisible();
    const samples = page.getByRole('table', { name: 'Samples of this project, oldest first' });
    await expect(
      samples
        .getByRole('row', { name: /rankings/ })
        .getByRole('cell')
        .nth(2),
    ).toHaveText('—');

    // The Tradeoff tab's ceiling hint names the metric, as the notice below it does.
    await page.goto(`/w/${workspaceId}/p/${projectId}/tradeoff`);
    await expect(
      page
        .getByRole('form', { name: 'Tradeoff settings' })
        .getByText(/^Blank: 0\.\d{3} in Kendall's τ from the sample "rankings"/),
    ).toBeVisible();

    await page.goto(`/w/${workspaceId}/p/${projectId}/report`);
    const coefficients = page.getByRole('table', { name: 'Agreement coefficients of rankings' });
    await expect(
      coefficients.getByRole('row', { name: /^Kendall's W \(ties corrected\) 0\.\d{3}/ }),
    ).toBeVisible();
    await expect(coefficients.getByRole('row', { name: /^Mean Kendall's τ-b 0\.\d{3}/ })).toBeVisible();
    // Rankings have no α: the trend draws the ceiling alone and its name claims no α.
    await expect(page.getByRole('img', { name: 'Line chart: the human ceiling for 1 sample' })).toBeVisible();
    const summary = page.getByRole('region', { name: 'Executive summary' });
    await expect(summary).toContainText(/Human ceiling\s*0\.\d{3}.* in Kendall's τ, from rankings/);
    await expect(
      page.getByText(/Human ceiling 0\.\d{3}.* in Kendall's τ from the reference sample/),
    ).toBeVisible();
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdfPageTexts(pdf).join('\n')).toContain("in Kendall's τ, from rankings");

    const version = await api.mutation<{ id: string }>('report.publish', { projectId });
    const link = await api.mutation<{ token: string }>('report.createShareLink', {
      projectId,
      versionId: version.id,
    });
    const reader = await otherBrowser();
    await reader.goto(`/s/${link.token}`);
    await expect(reader.getByRole('region', { name: 'Executive summary' })).toContainText("in Kendall's τ");
    await expect(
      reader
        .getByRole('table', { name: 'Agreement coefficients of rankings' })
        .getByRole('row', { name: /^Kendall's W \(ties corrected\)/ }),
    ).toBeVisible();
  });
});
