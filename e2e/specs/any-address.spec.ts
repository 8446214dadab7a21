import { expect, test } from './fixtures';

/** The e2e server runs without RAISIN_PUBLIC_URL (playwright.config.ts), as `npm start` does. */
function atHost(host: string): string {
  const base = test.info().project.use.baseURL;
  if (!base) throw new Error('baseURL is not configured');
  const url = new URL(base);
  url.hostname = host;
  return url.origin;
}

test.describe('any address', () => {
  for (const host of ['127.0.0.1', 'localhost']) {
    test(`signs up in the browser at http://${host}`, async ({ page, account }) => {
      const person = account(`at-${host.replace(/\W/g, '')}`);
      const origin = atHost(host);
      await page.goto(`${origin}/sign-up`);
      await page.getByLabel('Name').fill(person.name);
      await page.getByLabel('Email').fill(person.email);
      await page.getByLabel('Password').fill(person.password);
      await page.getByLabel('Create a demo project to explore').uncheck();
      await page.getByRole('button', { name: 'Create account' }).click();
      await expect(page.getByRole('heading', { name: 'Create your first workspace' })).toBeVisible();
      expect(new URL(page.url()).origin).toBe(origin);

      // A form that posts through tRPC works at this address too.
      await page.getByLabel('Workspace name').fill(`Made at ${host}`);
      await page.getByRole('button', { name: 'Create workspace' }).click();
      await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible();
    });
  }

  test('a page of another origin is refused, with the origin the server expected', async ({ page }) => {
    const localhost = atHost('localhost');
    const numeric = atHost('127.0.0.1');
    // What a page of http://localhost:PORT posting to http://127.0.0.1:PORT sends: its own Origin.
    const refused = await page.request.post(`${numeric}/api/auth/sign-in/email`, {
      data: { email: 'nobody@example.com', password: 'whatever it is' },
      headers: { origin: localhost },
    });
    expect(refused.status()).toBe(403);
    const body = (await refused.json()) as { message: string };
    expect(body.message).toContain(numeric);
    expect(body.message).toContain('RAISIN_PUBLIC_URL');
  });
});
