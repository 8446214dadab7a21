import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, signUpWithProjectViaApi, test } from './fixtures';

/**
 * Users are everywhere: the dates a person sees and exports are the calendar days they chose, whatever
 * their zone. The clock is fixed at an instant that is Friday 31 Dec 2027 in Kiritimati (UTC+14) but still
 * Thursday 30 Dec in UTC and Los Angeles, where `new Date('YYYY-MM-DD')` or `toISOString().slice(0, 10)`
 * would put days off by one.
 */
const NOW = new Date('2027-12-30T12:00:00Z');

async function downloadText(page: Page, buttonName: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: buttonName }).click(),
  ]);
  return readFile(await download.path(), 'utf8');
}

test.describe('roadmap dates in Kiritimati (UTC+14)', () => {
  test.use({ timezoneId: 'Pacific/Kiritimati' });

  test('a Friday 31 Dec start: page, Gantt "today", CSV and .ics show the same days', async ({
    page,
    account,
  }) => {
    await page.clock.setFixedTime(NOW);
    const { workspaceId, projectId } = await signUpWithProjectViaApi(page, account('kiritimati'), {
      workspace: 'Line Islands ML',
      project: 'Spam filter',
    });
    await page.goto(`/w/${workspaceId}/p/${projectId}/roadmap`);

    // The default start is the next Monday after the person's own today (Fri 31 Dec 2027).
    const startDate = page.getByLabel('Start date');
    await expect(startDate).toHaveValue('2028-01-03');
    await startDate.fill('2027-12-31');
    await page.getByRole('button', { name: 'Generate roadmap' }).click();

    const table = page.getByRole('table', { name: 'Roadmap phases with P50 and P90 dates' });
    const heuristic = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: /^Heuristic in production/ }) });
    // Six working days from Friday 31 Dec: Fri, then Mon 3 to Fri 7 Jan.
    await expect(heuristic).toContainText('Fri, Dec 31, 2027');
    await expect(heuristic).toContainText('Fri, Jan 7, 2028');
    await expect(page.getByText('Starts Fri, Dec 31, 2027.')).toBeVisible();
    // Today in Kiritimati is the start day (UTC's Thursday would be before the chart and not drawn).
    await expect(page.getByRole('img', { name: /Gantt chart of the roadmap/ })).toHaveAccessibleName(
      /Today is Fri, Dec 31, 2027\./,
    );

    const csv = await downloadText(page, 'Download CSV (issue trackers)');
    expect(csv).toMatch(/,2027-12-31,2028-01-07,\r\n/);
    expect(csv).toMatch(/,2028-01-07,2028-01-07,heuristic\r\n/);

    const ics = (await downloadText(page, 'Download iCalendar (.ics)')).replace(/\r\n[ \t]/g, '');
    const heuristicLive = ics.split('BEGIN:VEVENT').find((event) => event.includes('SUMMARY:Heuristic live'));
    // An all-day event on the milestone's day; DTEND is exclusive, the next day.
    expect(heuristicLive).toContain('DTSTART;VALUE=DATE:20280107\r\n');
    expect(heuristicLive).toContain('DTEND;VALUE=DATE:20280108\r\n');
    expect(ics).not.toMatch(/DTSTART:\d{8}T/);
  });
});

test.describe('roadmap dates in Los Angeles (UTC−8)', () => {
  test.use({ timezoneId: 'America/Los_Angeles' });

  test('the Gantt "today" line is the local day, a day behind UTC in the evening', async ({
    page,
    account,
  }) => {
    // Friday 31 Dec 2027, 21:00 in Los Angeles: already Saturday 1 Jan 2028 in UTC.
    await page.clock.setFixedTime(new Date('2028-01-01T05:00:00Z'));
    const { workspaceId, projectId } = await signUpWithProjectViaApi(page, account('losangeles'), {
      workspace: 'Pacific ML',
      project: 'Spam filter',
    });
    await page.goto(`/w/${workspaceId}/p/${projectId}/roadmap`);
    await expect(page.getByLabel('Start date')).toHaveValue('2028-01-03');
    await page.getByLabel('Start date').fill('2027-12-31');
    await page.getByRole('button', { name: 'Generate roadmap' }).click();
    await expect(page.getByRole('img', { name: /Gantt chart of the roadmap/ })).toHaveAccessibleName(
      /Today is Fri, Dec 31, 2027\./,
    );
    const markdown = await downloadText(page, 'Download Markdown');
    expect(markdown).toContain('starting 31 Dec 2027');
    expect(markdown).toContain('| 1 | Heuristic in production |  | 6 / 8 | 31 Dec 2027 | 7 Jan 2028 |');
  });
});
