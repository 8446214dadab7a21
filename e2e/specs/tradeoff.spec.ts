import type { Page } from '@playwright/test';
import { type Api, test as base, expect } from './fixtures';

/**
 * `tradeoffTab`: a new project's Tradeoff tab, open on the test's page for the project's owner (a fresh
 * account). `demoTradeoff`: the Tradeoff tab's address in the demo project of a fresh account (a reference
 * sample, a target and angles), signed in on the test's page.
 */
const test = base.extend<{ tradeoffTab: { page: Page; projectId: string }; demoTradeoff: string }>({
  demoTradeoff: async ({ api, account }, use) => {
    await api.signUp(account('lead'));
    const demo = await api.mutation<{ workspaceId: string; projectId: string }>('demo.create', {});
    await use(`/w/${demo.workspaceId}/p/${demo.projectId}/tradeoff`);
  },
  tradeoffTab: async ({ page, api, account }, use) => {
    const { workspaceId, projectId } = await api.signUpWithProject(account('lead'), {
      workspace: 'Marketplace ML',
      project: 'Medicines detector for product titles',
    });
    await page.goto(`/w/${workspaceId}/p/${projectId}/tradeoff`);
    await expect(page.getByRole('heading', { name: 'Attack angles' })).toBeVisible();
    await use({ page, projectId });
  },
});

async function saveSettings(page: Page, fields: Record<string, string>) {
  const form = page.getByRole('form', { name: 'Tradeoff settings' });
  for (const [label, value] of Object.entries(fields))
    await form.getByLabel(label, { exact: true }).fill(value);
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByRole('button', { name: 'Save settings' })).toBeDisabled();
}

const EXAMPLES = ['Keyword rule', 'Baseline model', 'Decent model', 'Awesome model'];

test('a new project shows the examples as examples; saving an edited one stores that one only', async ({
  tradeoffTab: { page, projectId },
  api,
}) => {
  for (const name of EXAMPLES)
    await expect(page.getByRole('row', { name: `Example: ${name}` })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Example chart: accuracy against effort/ })).toBeVisible();
  const exampleNote = page.getByText(/These are examples, not your estimates/);
  await expect(exampleNote).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Answers from the examples' })).toBeVisible();
  await saveSettings(page, { 'Target quality': '0.85', 'Human ceiling': '0.92' });
  // Settings are not angles: the examples stay examples.
  await expect(exampleNote).toBeVisible();

  const p50 = page.getByTestId('p50');
  await expect(p50).not.toHaveText('not reached');
  const before = await p50.textContent();

  const decent = page.getByRole('row', { name: 'Example: Decent model' });
  await decent.getByLabel('Example: Decent model: likely quality').fill('0.75');
  await decent.getByLabel('Example: Decent model: low quality').fill('0.7');
  await expect(p50).not.toHaveText(before ?? '');

  // A bad value names its field and leaves the answers on the last good estimate.
  await decent.getByLabel('Example: Decent model: high quality').fill('0.6');
  await expect(decent.getByText('High quality: must not be below the likely quality')).toBeVisible();
  await expect(decent.getByLabel('Example: Decent model: high quality')).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await decent.getByLabel('Example: Decent model: high quality').fill('0.86');

  await decent.getByRole('button', { name: 'Save as mine: Example: Decent model' }).click();
  // Only the edited angle is stored, named without the example marker; the other examples are gone.
  const mine = page.getByRole('row', { name: 'Decent model', exact: true });
  await expect(mine).toBeVisible();
  await expect(page.getByRole('row', { name: /^Example: / })).toHaveCount(0);
  await expect(exampleNote).toHaveCount(0);
  await page.reload();
  await expect(mine.getByLabel('Decent model: likely quality')).toHaveValue('0.75');
  const state = await api.query<{ angles: Array<{ name: string }> }>('tradeoff.get', { projectId });
  expect(state.angles.map((angle) => angle.name)).toEqual(['Decent model']);

  // The report lists that angle and none of the examples.
  await page.goto(page.url().replace(/\/tradeoff$/, '/report'));
  const report = page.getByRole('region', { name: 'Time–quality tradeoff' });
  await expect(report.getByRole('rowheader', { name: 'Decent model', exact: true })).toBeVisible();
  for (const name of ['Keyword rule', 'Baseline model', 'Awesome model'])
    await expect(page.locator('main')).not.toContainText(name);
});

test('"Use these examples" adopts all four as the team\'s angles, and the report shows exactly those', async ({
  tradeoffTab: { page },
}) => {
  await page.getByRole('button', { name: 'Use these examples' }).click();
  for (const name of EXAMPLES) await expect(page.getByRole('row', { name, exact: true })).toBeVisible();
  await expect(page.getByRole('row', { name: /^Example: / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Use these examples' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Answers', exact: true })).toBeVisible();

  await page.goto(page.url().replace(/\/tradeoff$/, '/report'));
  const report = page.getByRole('region', { name: 'Time–quality tradeoff' });
  for (const name of EXAMPLES)
    await expect(report.getByRole('rowheader', { name, exact: true })).toBeVisible();
  await expect(page.locator('main')).not.toContainText('Example:');
});

test('a target set on Tradeoff is named as such on Tradeoff, the worksheet, the roadmap and the report', async ({
  tradeoffTab: { page, projectId },
  api,
}) => {
  const url = page.url();
  await api.saveAnswer(projectId, 'E.target-quality', 0.8);
  // A heuristic at 0.7 meets 0.65 but not the worksheet's 0.8: the verdict shows which target it used.
  await api.saveAnswer(projectId, 'B.heuristic-quality', 0.7);
  await api.mutation('tradeoff.adoptExamples', { projectId });
  await page.reload();
  await saveSettings(page, { 'Target quality': '0.65', 'Human ceiling': '0.92' });
  const named = '0.650, set on Tradeoff; the worksheet says 0.800';
  await expect(page.getByTestId('target-source')).toHaveText(`Target ${named}`);
  await expect(page.getByRole('heading', { name: 'Time to reach 0.650', exact: true })).toBeVisible();

  await page.goto(url.replace(/\/tradeoff$/, '/worksheet'));
  // The worksheet's own target field says which target is in use.
  await expect(page.getByTestId('target-override')).toContainText(`Target in use: ${named}.`);
  await expect(
    page
      .getByText(
        'a 1-minute heuristic already meets the target (quality 0.7 ≥ 0.65 (set on Tradeoff; the worksheet says 0.8)): ship the rule first',
        { exact: false },
      )
      .first(),
  ).toBeVisible();

  await api.mutation('roadmap.generate', { projectId, version: 0, startDate: '2030-01-07' });
  await page.goto(url.replace(/\/tradeoff$/, '/roadmap'));
  await expect(
    page.getByText(`Target quality (${named}) expected by`, { exact: false }).first(),
  ).toBeVisible();

  await page.goto(url.replace(/\/tradeoff$/, '/report'));
  await expect(page.getByTestId('report-target')).toHaveText(named);
  await expect(page.getByTestId('report-tradeoff-target')).toHaveText(`Target ${named}, ceiling 0.920.`);
  await expect(page.getByRole('region', { name: 'Executive summary' })).toContainText(
    '0.65 (set on Tradeoff; the worksheet says 0.8)',
  );
});

test('a target at or above the ceiling is called unbounded, and a measured point moves the curve', async ({
  tradeoffTab: { page },
}) => {
  await saveSettings(page, { 'Target quality': '0.95', 'Human ceiling': '0.92' });
  await expect(
    page.getByRole('alert').filter({ hasText: 'at or above the human ceiling 0.920' }),
  ).toContainText('unbounded');
  await expect(page.getByTestId('p50')).toHaveText('not reached');

  await saveSettings(page, { 'Target quality': '0.85' });
  await expect(page.getByRole('alert').filter({ hasText: 'human ceiling' })).toHaveCount(0);
  // The chart: a log-time axis labelled in units, the ceiling and target lines, the shaded region above.
  const chart = page.getByRole('img', { name: /accuracy against effort on a log-time axis/ });
  await expect(chart).toHaveAccessibleName(/human ceiling 0\.920, target 0\.850/);
  for (const tick of ['minute', 'hour', 'day', 'week', 'month', 'year'])
    await expect(chart.getByText(tick, { exact: true })).toBeVisible();
  await expect(chart.getByText('Not measurable against these labels')).toBeVisible();
  await expect(chart.getByText('Human ceiling 0.920')).toBeVisible();
  await expect(chart.getByText('Target 0.850')).toBeVisible();
  const p50 = page.getByTestId('p50');
  await expect(p50).not.toHaveText('not reached');
  const before = await p50.textContent();
  await page.getByText('Chart data as a table').click();
  const curveTable = page.getByRole('table', { name: 'Fitted curve and its 80% band' });
  const curveBefore = await curveTable.textContent();

  const form = page.getByRole('form', { name: 'Add a measured point' });
  await form.getByLabel('Effort spent', { exact: true }).fill('2');
  await form.getByLabel('Effort spent unit').selectOption('week');
  await form.getByLabel('Quality measured').fill('0.88');
  await form.getByLabel('Label (optional)').fill('first model');
  await form.getByRole('button', { name: 'Add measured point' }).click();

  await expect(page.getByRole('table', { name: 'Quality measured so far' })).toContainText('after 2 weeks');
  await expect(p50).not.toHaveText(before ?? '');
  await expect(curveTable).not.toHaveText(curveBefore ?? '');

  // The chance by a date the user picks.
  await page.getByLabel('Chance of reaching the target by').fill('2999-01-01');
  await expect(page.getByTestId('chance-by-date')).toContainText('% chance of reaching 0.850 by Jan 1, 2999');
  await expect(page.getByTestId('chance-by-date')).toHaveText(/^(9\d|100)% chance/);
  // A date before the work started leaves no time at all.
  await page.getByLabel('Chance of reaching the target by').fill('2000-01-01');
  await expect(page.getByTestId('chance-by-date')).toHaveText(/^0% chance of reaching 0\.850 by Jan 1, 2000/);
});

test('the ROI table ranks the angles by either value model, and non-monotone estimates are called out', async ({
  tradeoffTab: { page },
}) => {
  const roi = page.getByRole('region', { name: 'Return on investment' });
  await expect(roi).toContainText('Set a value per quality point');

  // 1,000 per percentage point, 10,000 a month: the decent model's 82 points in a week win.
  await saveSettings(page, { 'Value per quality point': '1000', 'Team cost': '10000' });
  const table = roi.getByRole('table', { name: /Angles ranked by net value/ });
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(table.getByRole('row').nth(1)).toContainText('Decent model');
  await expect(table.getByRole('row').nth(1)).toContainText('Best');
  await expect(table.getByRole('row', { name: /Awesome model/ })).toContainText('-30,000');
  await expect(table.getByRole('columnheader', { name: 'Net with ±20% estimates' })).toBeVisible();
  await expect(roi).toContainText(/±20% change in one estimate/);

  // 5 per error over a million predictions: a year's work for 8 more points now pays, so it ranks first.
  const form = page.getByRole('form', { name: 'Tradeoff settings' });
  await form.getByLabel('Value of quality').selectOption('per-error-avoided');
  await saveSettings(page, { 'Cost per error': '5', Predictions: '1000000' });
  await expect(table.getByRole('row').nth(1)).toContainText('Awesome model');
  await expect(table.getByRole('row').nth(1)).toContainText('Best');
  await expect(table.getByRole('row').filter({ hasText: 'Best' })).toHaveCount(1);

  // More effort for less quality contradicts the model: the page says which estimates disagree.
  const decent = page.getByRole('row', { name: 'Example: Decent model' });
  await decent.getByLabel('Example: Decent model: low quality').fill('0.6');
  await decent.getByLabel('Example: Decent model: likely quality').fill('0.65');
  await expect(page.getByRole('alert').filter({ hasText: 'not monotone' })).toContainText(
    '0.720 after 1 day → 0.650 after 7 days',
  );
});

test("the reference sample's ceiling is drawn with its confidence interval, on the metric's scale", async ({
  page,
  demoTradeoff,
}) => {
  await page.goto(demoTradeoff);
  const chart = page.getByRole('img', { name: /against effort on a log-time axis/ });
  await expect(chart).toHaveAccessibleName(/human ceiling 0\.\d{3} \(95% CI 0\.\d{3}–0\.\d{3}\)/);
  const ceilingIn = async (pattern: RegExp) =>
    Number(pattern.exec((await chart.getAttribute('aria-label')) ?? '')?.[1]);
  const ceiling = await ceilingIn(/human ceiling (\d\.\d{3})/);
  await expect(chart.getByText(/^Human ceiling 0\.\d{3} \(95% CI/)).toBeVisible();

  // On a percentage metric the sample's ceiling (a share) reads as a percentage.
  const form = page.getByRole('form', { name: 'Tradeoff settings' });
  await form.getByLabel('Maximum of the metric').fill('100');
  // With the precision of its scale: one decimal on 0–100, as three on 0–1.
  await expect(form.getByText(/^Blank: \d{2}\.\d from the sample/)).toBeVisible();
  await expect(chart).toHaveAccessibleName(/human ceiling \d{2}\.\d \(95% CI \d{2}\.\d–\d{2}\.\d\)/);
  expect(Math.abs((await ceilingIn(/human ceiling (\d{2}\.\d)\b/)) - ceiling * 100)).toBeLessThanOrEqual(
    0.05,
  );
});

test("the chart's line names and legend never print over each other, on a desktop or a phone", async ({
  page,
  demoTradeoff,
}) => {
  // The demo's target (0.820) sits just under its ceiling (0.856): two close lines, each with its name.
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto(demoTradeoff);
    const chart = page.getByRole('img', { name: /against effort on a log-time axis/ });
    const names = [
      chart.getByText(/^Human ceiling 0\.\d{3}/),
      chart.getByText(/^Target 0\.820$/),
      chart.getByText('Not measurable against these labels'),
      chart.locator('.recharts-legend-wrapper'),
    ];
    const boxes: { x: number; y: number; width: number; height: number }[] = [];
    for (const name of names) {
      await expect(name).toBeVisible();
      const box = await name.boundingBox();
      if (box === null) throw new Error('a name of the chart has no box');
      boxes.push(box);
    }
    boxes.forEach((a, i) => {
      for (const b of boxes.slice(i + 1)) {
        const apart =
          a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `at ${viewport.width} px: ${JSON.stringify(a)} overlaps ${JSON.stringify(b)}`).toBe(
          true,
        );
      }
    });
  }
});

test("on a percentage metric the worksheet's target, a score in [0, 1], is read on the metric's scale", async ({
  tradeoffTab: { page, projectId },
  api,
}) => {
  await api.saveAnswer(projectId, 'E.target-quality', 0.85);
  await page.reload();
  const settings = page.getByRole('form', { name: 'Tradeoff settings' });
  await expect(settings.getByText("Blank: the worksheet's target, 0.850")).toBeVisible();

  await saveSettings(page, { 'Maximum of the metric': '100' });
  // 0.85 of the worksheet is 85 on a 0–100 scale: not 0.85, which every estimate would pass at once.
  await expect(settings.getByText("Blank: the worksheet's target, 85.0")).toBeVisible();
  // One decimal on a 0–100 scale, everywhere on the tab: the answers, the chart and its table.
  await expect(page.getByRole('heading', { name: 'Time to reach 85.0', exact: true })).toBeVisible();
  const chart = page.getByRole('img', { name: /against effort on a log-time axis/ });
  await expect(chart).toHaveAccessibleName(/, target 85\.0$/);
  await expect(chart.getByText('Target 85.0', { exact: true })).toBeVisible();
  await page.getByText('Chart data as a table').click();
  const curveTable = page.getByRole('table', { name: 'Fitted curve and its 80% band' });
  const firstRow = curveTable.getByRole('row').nth(1);
  await expect(firstRow.getByRole('cell').nth(1)).toHaveText(/^\d+\.\d$/);
  await expect(firstRow.getByRole('cell').nth(2)).toHaveText(/^\d+\.\d – \d+\.\d$/);
});

/** Replaces the project's attack angles with `angles` through the API. */
async function replaceAngles(api: Api, projectId: string, angles: readonly unknown[]) {
  const state = await api.query<{ angles: Array<{ id: string; version: number }> }>('tradeoff.get', {
    projectId,
  });
  for (const angle of state.angles)
    await api.mutation('tradeoff.deleteAngle', {
      projectId,
      angleId: angle.id,
      version: angle.version,
    });
  for (const angle of angles) await api.mutation('tradeoff.createAngle', { projectId, angle });
}

test('a P90 that is not reached says why: the share of paths that take longer than 100 years', async ({
  tradeoffTab: { page, projectId },
  api,
}) => {
  const range = <T>(low: T, likely: T, high: T) => ({ low, likely, high });
  const years = (value: number) => ({ value, unit: 'year' });
  const days = (value: number) => ({ value, unit: 'day' });
  // A rule in two days, and a 20-year effort (5 to 80 years) to reach 0.6: some paths need centuries.
  await replaceAngles(api, projectId, [
    {
      name: 'Rule',
      effort: range(days(1), days(2), days(4)),
      quality: range(0.25, 0.3, 0.35),
      costRate: null,
      riskNotes: '',
    },
    {
      name: 'Research programme',
      effort: range(years(5), years(20), years(80)),
      quality: range(0.55, 0.6, 0.65),
      costRate: null,
      riskNotes: '',
    },
  ]);
  await page.reload();
  await saveSettings(page, { 'Target quality': '0.6', 'Human ceiling': '0.9' });
  await expect(page.getByTestId('p50')).not.toHaveText('not reached');
  await expect(page.getByTestId('p90')).toHaveText('not reached');
  const reason = page.getByTestId('not-reached-reason');
  await expect(reason).toHaveText(
    /^P90 is not reached: \d+(\.\d)?% of simulated paths do not reach the target within 100 years/,
  );
  const share = Number(/: (\d+(?:\.\d)?)%/.exec((await reason.textContent()) ?? '')?.[1]);
  expect(share).toBeGreaterThan(10);
  // The reason is tied to the percentiles for screen readers.
  await expect(page.getByRole('definition').filter({ hasText: 'not reached' })).toHaveCount(1);
  await expect(page.getByLabel('Time to target')).toHaveAccessibleDescription(/P90 is not reached/);
});

test('a measured point dated in the future is refused on its field, and nothing is added', async ({
  tradeoffTab: { page },
}) => {
  const form = page.getByRole('form', { name: 'Add a measured point' });
  await form.getByRole('radio', { name: 'on a date' }).check();
  const date = form.getByLabel('Measured on');
  // The date picker offers no day after today (this device's calendar).
  const today = await page.evaluate(() => {
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  });
  await expect(date).toHaveAttribute('max', today);

  await date.fill('2999-01-01');
  await form.getByLabel('Quality measured').fill('0.7');
  await form.getByRole('button', { name: 'Add measured point' }).click();
  await expect(date).toHaveAccessibleDescription(/Measured on: 2999-01-01 is in the future/);
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('table', { name: 'Quality measured so far' })).toHaveCount(0);

  // Today is a measurement that happened: it is added.
  await date.fill(today);
  await form.getByRole('button', { name: 'Add measured point' }).click();
  const todayInWords = new Date(`${today}T12:00:00`).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  });
  await expect(page.getByRole('table', { name: 'Quality measured so far' })).toContainText(
    `on ${todayInWords}`,
  );
});

test('huge numbers never show in exponent notation: the ROI table, the worksheet and the report', async ({
  tradeoffTab: { page, projectId },
  api,
}) => {
  // The largest value per point the settings take: net values in the tens of thousands of trillions.
  await saveSettings(page, { 'Value per quality point': '1000000000000000', 'Team cost': '10000' });
  const table = page
    .getByRole('region', { name: 'Return on investment' })
    .getByRole('table', { name: /Angles ranked by net value/ });
  await expect(table).toContainText('trillion');
  await expect(table).not.toContainText(/\de[+-]?\d/i);

  // A label cost of 1e23 (JavaScript writes it "1e+23"): written out in the worksheet and the report.
  await api.saveAnswer(projectId, 'D.label-cost', 1e23);
  await page.goto(page.url().replace(/\/tradeoff$/, '/worksheet'));
  await expect(page.getByLabel('What does one label cost?')).toHaveValue('100000000000000000000000');
  await page.goto(page.url().replace(/\/worksheet$/, '/report'));
  await expect(page.getByRole('cell', { name: '100,000,000,000 trillion currency per label' })).toBeVisible();
  await expect(page.locator('main')).not.toContainText(/\de[+-]\d/i);
});
