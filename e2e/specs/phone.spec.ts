import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { type Account, callMutation, callQuery, expect, signUpViaApi, test } from './fixtures';

/** A phone held upright (an iPhone 12 to 15 is 390 CSS pixels wide). */
const PHONE = { width: 390, height: 844 };

/**
 * Words the layout broke across lines ("Pil/ot", "0./6/9/9"): each word of the page's text (between
 * spaces, hyphens and dashes) is measured with a Range, and a word whose boxes sit on more than one line
 * is reported. Long unbroken strings (emails, links, ids) may wrap where they must, so only words of up
 * to 24 characters count.
 */
async function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('svg, script, style, option')) continue;
      if (parent.getClientRects().length === 0) continue;
      const text = node.textContent ?? '';
      for (const token of text.matchAll(/\S+/g)) {
        if (token[0].length > 24) continue;
        // Breaking after a hyphen or a dash is how text wraps ("Fine-/tuned"); inside a word it is not.
        for (const word of token[0].matchAll(/[^\-‐–—/]+/g)) {
          const start = token.index + word.index;
          range.setStart(node, start);
          range.setEnd(node, start + word[0].length);
          const lines = new Set(
            Array.from(range.getClientRects())
              .filter((box) => box.width > 0)
              .map((box) => Math.round(box.top)),
          );
          if (lines.size > 1) broken.push(word[0]);
        }
      }
    }
    return broken;
  });
}

/**
 * What makes the page wider than the screen, outermost first: each element whose hiding narrows the page.
 * Found by hiding rather than by measuring, because a clipped or visually hidden element can still widen
 * the page (an absolute one whose containing block lies outside its scroll box).
 */
async function wideningElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pageWidth = () => document.documentElement.scrollWidth;
    const widest = pageWidth();
    const found: string[] = [];
    const walk = (parent: Element): void => {
      for (const child of Array.from(parent.children)) {
        if (!(child instanceof HTMLElement || child instanceof SVGElement)) continue;
        const display = child.style.display;
        child.style.display = 'none';
        const without = pageWidth();
        child.style.display = display;
        if (without < widest) {
          found.push(`<${child.tagName.toLowerCase()} class="${child.getAttribute('class') ?? ''}">`);
          walk(child);
        }
      }
    };
    walk(document.body);
    return found;
  });
}

/** No sideways page scroll, no word broken into pieces, axe clean. */
async function expectFitsPhone(page: Page, what: string): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  const widening = width > PHONE.width ? ` because of ${(await wideningElements(page)).join(' > ')}` : '';
  expect.soft(width, `${what}: the page scrolls sideways${widening}`).toBeLessThanOrEqual(PHONE.width);
  expect.soft(await brokenWords(page), `${what}: words broken across lines`).toEqual([]);
  await expectNoSeriousViolations(page, `${what} at ${PHONE.width} px`);
}

/** The elements' tops, rounded: one value when they sit on one line. */
async function linesOf(locators: Locator[]): Promise<Set<number>> {
  const tops = new Set<number>();
  for (const locator of locators) {
    const box = await locator.boundingBox();
    if (box) tops.add(Math.round(box.y + box.height / 2));
  }
  return tops;
}

type Demo = { workspaceId: string; projectId: string };

/** A new account with the demo project, which fills every tab. */
async function demoProject(page: Page, label: string, account: (label: string) => Account): Promise<Demo> {
  await signUpViaApi(page, account(label));
  return callMutation<Demo>(page, 'demo.create', {});
}

// A loaded machine may take a while to answer the first request of a page.
const visible = { timeout: 30_000 };

const TABS: Record<string, (page: Page) => Promise<void>> = {
  worksheet: (page) => expect(page.getByRole('heading', { name: 'Verdict' })).toBeVisible(visible),
  agreement: (page) => expect(page.getByTestId('headline-alpha')).toBeVisible(visible),
  tradeoff: (page) =>
    expect(page.getByRole('img', { name: /accuracy against effort on a log-time axis/ })).toBeVisible(
      visible,
    ),
  roadmap: (page) =>
    expect(page.getByRole('row', { name: /^1 Heuristic in production/ })).toBeVisible(visible),
  report: (page) => expect(page.getByRole('heading', { name: 'Executive summary' })).toBeVisible(visible),
};

test.describe('on a 390 px phone', () => {
  test.use({ viewport: PHONE });
  // Each page is measured word by word and scanned by axe.
  test.slow();

  for (const [tab, isReady] of Object.entries(TABS)) {
    test(`the demo's ${tab} tab fits, with the header and the tabs on one line`, async ({
      page,
      account,
    }) => {
      const demo = await demoProject(page, `phone-${tab}`, account);
      await page.goto(`/w/${demo.workspaceId}/p/${demo.projectId}/${tab}`);
      await isReady(page);
      await expectFitsPhone(page, `the ${tab} tab`);

      const header = page.getByRole('banner');
      const headerLines = await linesOf([
        header.getByRole('link', { name: 'Raisin' }),
        header.getByRole('button', { name: /^Workspace: / }),
        header.getByRole('button', { name: /^Account menu for / }),
      ]);
      expect(headerLines.size, 'the header wraps').toBe(1);
      const tabs = await page.getByRole('tab').all();
      expect(tabs).toHaveLength(5);
      expect((await linesOf(tabs)).size, 'the tabs wrap').toBe(1);
      // The strip scrolls in its own box, with the selected tab in view.
      await expect(page.getByRole('tab', { selected: true })).toBeInViewport();
    });
  }

  test('sign in, the projects list, members and API tokens fit', async ({ page, account }) => {
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { name: 'Sign in to Raisin' })).toBeVisible(visible);
    await expectFitsPhone(page, 'sign in');

    const demo = await demoProject(page, 'phone-workspace', account);
    for (const [path, heading] of [
      ['', 'Demo — Marketplace ML'],
      ['/members', 'People in this workspace'],
      ['/api-tokens', 'Tokens of this workspace'],
    ] as const) {
      await page.goto(`/w/${demo.workspaceId}${path}`);
      await expect(page.getByRole('heading', { name: heading })).toBeVisible(visible);
      await expectFitsPhone(page, `the workspace page ${path || '/'}`);
    }
  });

  test("the demo's shared report fits", async ({ page, browser, account }) => {
    const demo = await demoProject(page, 'phone-share', account);
    const [version] = await callQuery<{ id: string }[]>(page, 'report.versions', {
      projectId: demo.projectId,
    });
    const link = await callMutation<{ url: string }>(page, 'report.createShareLink', {
      projectId: demo.projectId,
      versionId: version?.id,
    });
    const stakeholder = await browser.newContext({
      viewport: PHONE,
      extraHTTPHeaders: { 'x-forwarded-for': '10.250.0.1' },
    });
    const reader = await stakeholder.newPage();
    await reader.goto(new URL(link.url).pathname);
    await expect(reader.getByRole('heading', { name: 'Executive summary' })).toBeVisible(visible);
    await expectFitsPhone(reader, 'the shared report');
    // Its charts are drawn at the phone's width, not cut off at its edge in a sideways scroll box.
    const charts = reader.getByRole('img', { name: /^(Chart|Line chart): / });
    await expect(charts).toHaveCount(2);
    for (const chart of await charts.all()) {
      const drawn = await chart.locator('.recharts-wrapper > svg').boundingBox();
      expect(drawn?.width).toBeGreaterThan(PHONE.width / 2);
      expect(drawn?.width).toBeLessThanOrEqual(PHONE.width - 2 * 16);
    }
    await stakeholder.close();
  });
});
