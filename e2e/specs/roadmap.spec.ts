import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { apiFor, expect, test } from './fixtures';

const CODE_VERSIONED =
  'Training and serving code live in version control, and every model records the commit it came from.';

/** RFC 4180 CSV: quoted fields may hold commas, line breaks and doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

interface ICalComponent {
  name: string;
  properties: Array<{ name: string; params: string; value: string }>;
  children: ICalComponent[];
}

/**
 * A minimal RFC 5545 reader: unfolds continuation lines (§3.1: CRLF followed by a space or tab),
 * splits each content line into name, parameters and value, and nests BEGIN/END components. Throws on
 * bare LF line ends, unbalanced BEGIN/END or a line without a colon, so a malformed file fails the test.
 */
function parseICalendar(text: string): ICalComponent {
  expect(text.replace(/\r\n/g, '').includes('\n'), 'lines end with CRLF').toBe(false);
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line) => line !== '');
  const root: ICalComponent = { name: '', properties: [], children: [] };
  const stack: ICalComponent[] = [root];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon < 0) throw new Error(`Not a content line: ${line}`);
    const [name = '', ...params] = line.slice(0, colon).split(';');
    const value = line.slice(colon + 1);
    const top = stack[stack.length - 1];
    if (!top) throw new Error('component stack underflow');
    if (name === 'BEGIN') {
      const child: ICalComponent = { name: value, properties: [], children: [] };
      top.children.push(child);
      stack.push(child);
    } else if (name === 'END') {
      if (top.name !== value) throw new Error(`END:${value} closes ${top.name}`);
      stack.pop();
    } else top.properties.push({ name, params: params.join(';'), value });
  }
  if (stack.length !== 1) throw new Error('unclosed component');
  const [calendar] = root.children;
  if (!calendar || root.children.length !== 1) throw new Error('expected exactly one VCALENDAR');
  return calendar;
}

const prop = (component: ICalComponent, name: string) =>
  component.properties.find((property) => property.name === name);

async function downloadText(page: Page, buttonName: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: buttonName }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

test.describe('roadmap and MLOps maturity', () => {
  test('assess maturity, generate, edit, regenerate keeping the edit, export CSV and .ics', async ({
    page,
    api,
    account,
  }) => {
    test.setTimeout(120_000);
    const { workspaceId, projectId } = await api.signUpWithProject(account('planner'), {
      workspace: 'Marketplace ML',
      project: 'Medicines detector for product titles',
    });
    await page.goto(`/w/${workspaceId}/p/${projectId}/roadmap`);

    // 1. The self-assessment: every answer autosaves and the level follows.
    await expect(page.getByRole('heading', { level: 2, name: 'MLOps maturity' })).toBeVisible();
    const currentLevel = page.getByRole('region', { name: 'Current level' });
    await expect(currentLevel).toContainText('Level 0: Manual process');
    await expect(page.getByRole('heading', { name: 'No roadmap yet' })).toBeVisible();
    const yesAnswers = page.getByRole('radio', { name: 'Yes' });
    const count = await yesAnswers.count();
    expect(count).toBeGreaterThan(20);
    for (let i = 0; i < count; i++) await yesAnswers.nth(i).check();
    await expect(currentLevel).toContainText('Level 2: CI/CD pipeline automation');
    await page
      .getByRole('group', { name: CODE_VERSIONED })
      .getByRole('radio', { name: 'No', exact: true })
      .check();
    await expect(currentLevel).toContainText('Level 0: Manual process');
    await expect(currentLevel.getByText('1 item holds back level 1')).toBeVisible();
    await expect(page.getByText('All answers saved.')).toBeVisible();
    await page.reload();
    await expect(currentLevel).toContainText('Level 0: Manual process');
    // Fully answered sections start closed after a reload; open it to see the saved answer.
    await page.locator('summary', { hasText: 'Traceability and reproducibility' }).click();
    await expect(
      page.getByRole('group', { name: CODE_VERSIONED }).getByRole('radio', { name: 'No', exact: true }),
    ).toBeChecked();

    // The target level: recommended from the worksheet (nothing answered: level 0), overridden with a reason.
    const targetLevel = page.getByRole('region', { name: 'Target level' });
    await expect(targetLevel).toContainText('Level 0: Manual process');
    await targetLevel.getByLabel('Plan for level').selectOption({ label: 'Level 1: ML pipeline automation' });
    await targetLevel.getByRole('button', { name: 'Save override' }).click();
    await expect(targetLevel.getByText('Give a reason for planning another level')).toBeVisible();
    await targetLevel.getByLabel('Reason for the override').fill('Monthly retraining is planned');
    await targetLevel.getByRole('button', { name: 'Save override' }).click();
    await expect(targetLevel).toContainText('Overridden to level 1: Monthly retraining is planned');

    // 2. Generate a roadmap from a chosen start date.
    await page.getByLabel('Start date').fill('2030-01-07');
    await page.getByRole('button', { name: 'Generate roadmap' }).click();
    const chart = page.getByRole('img', { name: /Gantt chart of the roadmap/ });
    await expect(chart).toBeVisible();
    const table = page.getByRole('table', { name: 'Roadmap phases with P50 and P90 dates' });
    await expect(table.getByRole('row')).toHaveCount(5);
    // A phase's row is the one whose row header starts with its name (other rows name it as a dependency).
    const phaseRow = (name: string) =>
      table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
    const heuristicRow = phaseRow('Heuristic in production');
    await expect(heuristicRow).toContainText('Mon, Jan 7, 2030');
    await expect(phaseRow('Pipeline automation and continuous training')).toBeVisible();

    // 3. Edit a phase, then regenerate from a later date: the edit survives.
    await page.getByRole('button', { name: 'Edit “ML baseline”' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit phase “ML baseline”' });
    await dialog.getByLabel('Phase name').fill('');
    await dialog.getByRole('button', { name: 'Save phase' }).click();
    await expect(dialog.getByText('Enter a name for the phase.')).toBeVisible();
    await dialog.getByLabel('Phase name').fill('Logistic regression baseline');
    await dialog.getByLabel('Likely').fill('8');
    await dialog.getByRole('button', { name: 'Save phase' }).click();
    await expect(dialog).toBeHidden();
    const baselineRow = phaseRow('Logistic regression baseline');
    await expect(baselineRow).toContainText('Edited');

    await page.getByLabel('Start date').fill('2030-01-14');
    await page.getByRole('button', { name: 'Regenerate roadmap' }).click();
    await expect(heuristicRow).toContainText('Mon, Jan 14, 2030');
    await expect(baselineRow).toBeVisible();
    await expect(phaseRow('ML baseline')).toHaveCount(0);
    await expect(page.getByRole('region', { name: /Regeneration changed/ })).toHaveCount(0);

    // A phase edited by hand that the generator drops is asked about, not discarded.
    await page
      .getByRole('button', { name: 'Edit “Pipeline automation and continuous training (level 1)”' })
      .click();
    const pipelineDialog = page.getByRole('dialog');
    await pipelineDialog.getByLabel('Likely').fill('30');
    await pipelineDialog.getByRole('button', { name: 'Save phase' }).click();
    await expect(pipelineDialog).toBeHidden();
    await targetLevel.getByLabel('Plan for level').selectOption({ label: 'Level 0: Manual process' });
    await targetLevel.getByLabel('Reason for the override').fill('Pilot runs by hand');
    await targetLevel.getByRole('button', { name: 'Save override' }).click();
    await expect(targetLevel).toContainText('Overridden to level 0: Pilot runs by hand');
    await page.getByRole('button', { name: 'Regenerate roadmap' }).click();
    const conflicts = page.getByRole('region', { name: /Regeneration changed/ });
    await expect(conflicts).toContainText('no longer has this phase');
    await expect(phaseRow('Pipeline automation')).toBeVisible();
    await expectNoSeriousViolations(page, 'the roadmap with regeneration conflicts');
    await conflicts.getByRole('button', { name: 'Keep the phase with your edits' }).click();
    await expect(conflicts).toHaveCount(0);
    await expect(phaseRow('Pipeline automation')).toBeVisible();
    await expect(baselineRow).toBeVisible();

    // 4. Exports: CSV for issue trackers and iCalendar, checked by parsing them.
    const csv = await downloadText(page, 'Download CSV (issue trackers)');
    expect(csv.name).toBe('medicines-detector-for-product-titles-roadmap.csv');
    const [header, ...rows] = parseCsv(csv.text);
    expect(header).toEqual(['ID', 'Summary', 'Description', 'Start date', 'Due date', 'Parent']);
    const byId = new Map(rows.map((row) => [row[0], row]));
    expect(byId.get('heuristic')?.slice(1, 2)).toEqual(['Heuristic in production']);
    expect(byId.get('heuristic')?.[3]).toBe('2030-01-14');
    expect(byId.get('ml-baseline')?.[1]).toBe('Logistic regression baseline');
    expect(byId.get('ml-baseline')?.[2]).toContain('P90 end:');
    const milestoneRows = rows.filter((row) => row[5] !== '');
    expect(milestoneRows.length).toBeGreaterThanOrEqual(4);
    for (const row of milestoneRows) expect(byId.has(row[5])).toBe(true);

    const ics = await downloadText(page, 'Download iCalendar (.ics)');
    expect(ics.name).toBe('medicines-detector-for-product-titles-roadmap.ics');
    const calendar = parseICalendar(ics.text);
    expect(calendar.name).toBe('VCALENDAR');
    expect(prop(calendar, 'VERSION')?.value).toBe('2.0');
    expect(prop(calendar, 'PRODID')?.value).toBeTruthy();
    const events = calendar.children.filter((child) => child.name === 'VEVENT');
    expect(events).toHaveLength(milestoneRows.length);
    const uids = new Set<string>();
    for (const event of events) {
      const summary = prop(event, 'SUMMARY')?.value ?? '';
      const start = prop(event, 'DTSTART');
      expect(start?.params).toBe('VALUE=DATE');
      expect(start?.value).toMatch(/^\d{8}$/);
      expect(prop(event, 'DTSTAMP')?.value).toMatch(/^\d{8}T\d{6}Z$/);
      uids.add(prop(event, 'UID')?.value ?? '');
      // Each event is the milestone of the same name in the CSV, on its due date.
      const row = milestoneRows.find((candidate) => candidate[1] === summary);
      expect(row, `a CSV row for ${summary}`).toBeDefined();
      expect(start?.value).toBe(row?.[4]?.replace(/-/g, ''));
    }
    expect(uids.size).toBe(events.length);
    const summaries = events.map((event) => prop(event, 'SUMMARY')?.value);
    expect(summaries).toEqual(
      expect.arrayContaining(['Heuristic live', 'Baseline measured', 'First model in production']),
    );
    expect(prop(events[0] ?? calendar, 'DTSTART')?.value).toBe(byId.get('heuristic')?.[4]?.replace(/-/g, ''));
  });

  test('at tablet width: reorder, add and remove phases and milestones; dates never wrap; nothing to do is refused', async ({
    page,
    api,
    account,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 768, height: 1024 });
    const { workspaceId, projectId } = await api.signUpWithProject(account('tablet'), {
      workspace: 'Marketplace ML',
      project: 'Spam filter',
    });
    await page.goto(`/w/${workspaceId}/p/${projectId}/roadmap`);
    await page.getByLabel('Start date').fill('2030-12-23');
    await page.getByRole('button', { name: 'Generate roadmap' }).click();
    const table = page.getByRole('table', { name: 'Roadmap phases with P50 and P90 dates' });
    await expect(table.getByRole('row')).toHaveCount(4);
    const phaseRow = (name: string) =>
      table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
    const rowHeaders = table.getByRole('rowheader');

    // Each date reads on one line (a wrapped "Mon, Dec 23, / 2030" was the leftover), and the page itself
    // never scrolls sideways: a wide table scrolls inside its own box.
    const expectDatesOnOneLine = async () => {
      const lines = await table.getByRole('cell').evaluateAll((cells) =>
        cells
          .filter((cell) =>
            /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [A-Z][a-z]{2} \d{1,2}, \d{4}$/.test(cell.textContent ?? ''),
          )
          .map((cell) => {
            const range = document.createRange();
            range.selectNodeContents(cell);
            const tops = new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top)));
            return { text: cell.textContent, lines: tops.size };
          }),
      );
      expect(lines.length).toBeGreaterThanOrEqual(9);
      expect(lines.filter((line) => line.lines !== 1)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    };
    await expectDatesOnOneLine();
    await expect(phaseRow('Heuristic in production')).toContainText('Mon, Dec 23, 2030');
    await expectNoSeriousViolations(page, 'the roadmap at tablet width');

    // Reorder: the baseline goes first.
    await page.getByRole('button', { name: 'Move “ML baseline” up' }).click();
    await expect(rowHeaders.first()).toContainText('ML baseline');

    // Milestones: add one, remove a generated one.
    await page.getByRole('button', { name: 'Edit “Heuristic in production”' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit phase “Heuristic in production”' });
    await dialog.getByRole('button', { name: 'Add milestone' }).click();
    await expect(dialog.getByText('Enter a name for the milestone.')).toBeVisible();
    await dialog.getByLabel('New milestone').fill('Rule reviewed by the pharmacists');
    await dialog.getByRole('button', { name: 'Add milestone' }).click();
    await expect(dialog.getByLabel('Milestone 2')).toHaveValue('Rule reviewed by the pharmacists');
    await dialog.getByRole('button', { name: 'Remove milestone “Heuristic live”' }).click();
    await expect(dialog.getByLabel('Milestone 1')).toHaveValue('Rule reviewed by the pharmacists');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    const heuristicRow = phaseRow('Heuristic in production');
    await expect(heuristicRow).toContainText('Rule reviewed by the pharmacists');
    await expect(heuristicRow).not.toContainText('Heuristic live');

    // Add a phase by hand (bad input names the field), then remove it.
    const addForm = page.getByRole('form', { name: 'Add a phase' });
    await addForm.getByLabel('New phase name').fill('Labeling guidelines');
    await addForm.getByLabel('Low').fill('3');
    await addForm.getByLabel('Likely').fill('2');
    await addForm.getByLabel('High').fill('5');
    await addForm.getByRole('button', { name: 'Add phase' }).click();
    await expect(addForm.getByText('Likely must be at least the low estimate.')).toBeVisible();
    await addForm.getByLabel('Low').fill('1');
    await addForm.getByRole('button', { name: 'Add phase' }).click();
    await expect(table.getByRole('row')).toHaveCount(5);
    await expect(rowHeaders.last()).toContainText('Labeling guidelines');
    await expect(phaseRow('Labeling guidelines')).toContainText('First production model (level 0)');
    await expectDatesOnOneLine();
    await page.getByRole('button', { name: 'Remove “Labeling guidelines”' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove phase' }).click();
    await expect(table.getByRole('row')).toHaveCount(4);

    // Regeneration keeps the order and the milestone edits.
    await page.getByRole('button', { name: 'Regenerate roadmap' }).click();
    await expect(rowHeaders.first()).toContainText('ML baseline');
    await expect(heuristicRow).toContainText('Rule reviewed by the pharmacists');
    await expect(page.getByRole('region', { name: /Regeneration changed/ })).toHaveCount(0);

    // With every phase up to the target already done there is nothing to plan: refused, roadmap unchanged.
    const regenerate = page.getByRole('form', { name: 'Regenerate the roadmap' });
    for (const label of [
      'A heuristic is already in production',
      'An ML baseline is already measured',
      'A first model is already in production',
    ]) {
      await regenerate.getByLabel(label).check();
    }
    await regenerate.getByRole('button', { name: 'Regenerate roadmap' }).click();
    await expect(
      page.getByText(
        'Every phase up to the target level is already done: there is nothing to put on a roadmap.',
      ),
    ).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(4);

    // Mark only the heuristic done: the generator drops it, and since it was edited by hand it asks first.
    await regenerate.getByLabel('An ML baseline is already measured').uncheck();
    await regenerate.getByLabel('A first model is already in production').uncheck();
    await regenerate.getByRole('button', { name: 'Regenerate roadmap' }).click();
    const conflicts = page.getByRole('region', { name: /Regeneration changed/ });
    await expect(conflicts).toContainText('no longer has this phase');
    await conflicts.getByRole('button', { name: 'Remove the phase' }).click();
    await expect(conflicts).toHaveCount(0);
    await expect(table.getByRole('row')).toHaveCount(3);
    // After a reload the form still says the heuristic is done, so regenerating does not bring it back.
    await page.reload();
    await expect(page.getByLabel('A heuristic is already in production')).toBeChecked();
    await expect(page.getByLabel('An ML baseline is already measured')).not.toBeChecked();
    await page.getByLabel('Start date').fill('2031-01-06');
    await page.getByRole('button', { name: 'Regenerate roadmap' }).click();
    await expect(rowHeaders.first()).toContainText('ML baseline');
    await expect(table.getByRole('row').nth(1)).toContainText('Mon, Jan 6, 2031');
    await expect(table.getByRole('row')).toHaveCount(3);
    await expect(phaseRow('Heuristic in production')).toHaveCount(0);
  });

  test('a viewer reads the roadmap and exports it but sees no edit controls', async ({
    api,
    teammate,
    account,
  }) => {
    const owner = account('owner');
    const viewer = account('viewer');
    const { workspaceId, projectId } = await api.signUpWithProject(owner, {
      workspace: 'Marketplace ML',
      project: 'Spam filter',
    });
    await api.mutation('roadmap.saveAnswers', {
      projectId,
      version: 0,
      answers: { 'code.review': 'yes' },
    });
    await api.mutation('roadmap.generate', {
      projectId,
      version: 0,
      startDate: '2030-01-07',
    });
    const viewerPage = await teammate(viewer, workspaceId, 'viewer');
    await viewerPage.goto(`/w/${workspaceId}/p/${projectId}/roadmap`);
    await expect(viewerPage.getByRole('img', { name: /Gantt chart of the roadmap/ })).toBeVisible();
    await expect(
      viewerPage.getByRole('table', { name: 'Roadmap phases with P50 and P90 dates' }),
    ).toContainText('Heuristic in production');
    await expect(viewerPage.getByRole('region', { name: 'Current level' })).toContainText('Level 0');
    await expect(viewerPage.getByRole('radio')).toHaveCount(0);
    await expect(viewerPage.getByRole('button', { name: /Generate roadmap|Regenerate roadmap/ })).toHaveCount(
      0,
    );
    await expect(viewerPage.getByRole('button', { name: /^Edit/ })).toHaveCount(0);
    await expect(viewerPage.getByRole('button', { name: 'Save override' })).toHaveCount(0);
    await expectNoSeriousViolations(viewerPage, 'the roadmap, read by a viewer');
    const markdown = await downloadText(viewerPage, 'Download Markdown');
    expect(markdown.text).toContain('| 1 | Heuristic in production |');
    // The API refuses what the page hides.
    await expect(
      apiFor(viewerPage).mutation('roadmap.edit', {
        projectId,
        version: 1,
        edit: { type: 'removePhase', phaseId: 'heuristic' },
      }),
    ).rejects.toThrow(/FORBIDDEN/);
  });

  test("a roadmap whose target date predates the tradeoff's time to target says so, until regenerated", async ({
    page,
    api,
    account,
  }) => {
    const { workspaceId, projectId } = await api.signUpWithProject(account('lead'), {
      workspace: 'Marketplace ML',
      project: 'Spam filter',
    });
    const setTarget = async (targetQuality: number) => {
      const tradeoff = await api.query<{ version: number; settings: Record<string, unknown> }>(
        'tradeoff.get',
        { projectId },
      );
      await api.mutation('tradeoff.updateSettings', {
        projectId,
        version: tradeoff.version,
        settings: { ...tradeoff.settings, targetQuality, ceilingOverride: 0.95 },
      });
    };
    await api.mutation('tradeoff.adoptExamples', { projectId });
    await setTarget(0.75);
    await api.mutation('roadmap.generate', { projectId, version: 0, startDate: '2030-01-07' });
    await page.goto(`/w/${workspaceId}/p/${projectId}/roadmap`);
    await expect(
      page.getByText(/Target quality \(0\.750, set on Tradeoff\) expected by/).first(),
    ).toBeVisible();
    await expect(page.getByTestId('target-date-stale')).toHaveCount(0);

    // A higher target moves the time to target: the stored date no longer matches it.
    await setTarget(0.85);
    await page.reload();
    await expect(page.getByTestId('target-date-stale')).toContainText('Regenerate the roadmap');
    await page.getByRole('button', { name: 'Regenerate roadmap' }).click();
    await expect(page.getByTestId('target-date-stale')).toHaveCount(0);
  });

  test('each assessment section is a named group, and clearing an answer keeps keyboard focus on it', async ({
    page,
    api,
    account,
  }) => {
    const { workspaceId, projectId } = await api.signUpWithProject(account('planner'), {
      workspace: 'Marketplace ML',
      project: 'Spam filter',
    });
    await page.goto(`/w/${workspaceId}/p/${projectId}/roadmap`);
    for (const section of ['Documentation', 'Traceability and reproducibility', 'Monitoring'])
      await expect(page.getByRole('group', { name: section, exact: true })).toBeVisible();

    const documentation = page.getByRole('group', { name: 'Documentation', exact: true });
    const question = documentation.getByRole('group').first();
    await question.getByRole('radio', { name: 'Yes' }).check();
    const clear = question.getByRole('button', { name: /^Clear the answer to/ });
    await expect(clear).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'All answers saved.' })).toBeVisible();

    // By keyboard: the Clear button goes away with the answer, focus stays in the question.
    await clear.focus();
    await page.keyboard.press('Enter');
    await expect(clear).toHaveCount(0);
    await expect(question.getByRole('radio', { name: 'Yes' })).not.toBeChecked();
    await expect(question.getByRole('radio', { name: 'Yes' })).toBeFocused();
    // And from there the keyboard answers again.
    await page.keyboard.press('Space');
    await expect(question.getByRole('radio', { name: 'Yes' })).toBeChecked();
  });
});
