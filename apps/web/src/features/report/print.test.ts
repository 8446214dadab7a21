import { describe, expect, it } from 'vitest';
import { printHeaderText } from './print';

describe('printHeaderText', () => {
  // Published on Saturday 28 Nov 2026 at 09:30 in Kiritimati (UTC+14), still Friday 27 Nov in UTC.
  const version = { number: 3, note: null, publishedByName: 'Ada', publishedAt: '2026-11-27T19:30:00.000Z' };

  it('prints the publication day on the reader’s clock, as "Published …" on the page shows it', () => {
    expect(printHeaderText('Spam filter', version, { locale: 'en-GB', timeZone: 'Pacific/Kiritimati' })).toBe(
      'Spam filter — report v3 · published 28 Nov 2026',
    );
    expect(
      printHeaderText('Spam filter', version, { locale: 'en-US', timeZone: 'America/Los_Angeles' }),
    ).toBe('Spam filter — report v3 · published Nov 27, 2026');
  });

  it('says "preview" for a report not published', () => {
    expect(printHeaderText('Spam filter', null)).toBe('Spam filter — report preview (not published)');
  });
});
