import { test as base, expect, type Page, type TestInfo } from '@playwright/test';

export { expect };

export const PASSWORD = 'correct horse battery staple';

export interface Account {
  name: string;
  email: string;
  password: string;
}

/** A client address unique to this test: the server trusts X-Forwarded-For in e2e (playwright.config.ts). */
function clientAddressFor(testInfo: TestInfo): string {
  let hash = 0;
  for (const char of `${testInfo.testId}-${testInfo.repeatEachIndex}-${Date.now()}`) {
    hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  }
  return `10.${(hash >>> 16) & 255}.${(hash >>> 8) & 255}.${(hash & 254) + 1}`;
}

export const test = base.extend<{ account: (label: string) => Account; failOnPageErrors: undefined }>({
  /** Any uncaught exception in the page fails the test, even when the UI happened to look right. */
  failOnPageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.stack ?? error.message));
      await use(undefined);
      expect(errors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern.
  extraHTTPHeaders: async ({}, use, testInfo) => {
    await use({ 'x-forwarded-for': clientAddressFor(testInfo) });
  },
  /** A fresh, unique account description (not yet registered). */
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern.
  account: async ({}, use, testInfo) => {
    const stamp = `${testInfo.testId}-${Date.now()}`.toLowerCase().replace(/[^a-z0-9-]/g, '');
    await use((label: string) => ({
      name: `${label[0]?.toUpperCase() ?? ''}${label.slice(1)} Tester`,
      email: `${label}-${stamp}@example.com`,
      password: PASSWORD,
    }));
  },
});

function baseOrigin(): string {
  const baseURL = test.info().project.use.baseURL;
  if (!baseURL) throw new Error('baseURL is not configured');
  return new URL(baseURL).origin;
}

/** Registers and signs in through the API (faster than the form); the page's context gets the cookie. */
export async function signUpViaApi(page: Page, account: Account): Promise<void> {
  const response = await page.request.post('/api/auth/sign-up/email', {
    data: { name: account.name, email: account.email, password: account.password },
    // The server refuses state-changing requests without our Origin (CSRF defence).
    headers: { origin: baseOrigin() },
  });
  expect(response.status(), await response.text()).toBe(200);
}

/** Calls a tRPC mutation as the page's signed-in user; returns `result.data`. */
export async function callMutation<T>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.post(`/trpc/${path}`, {
    data: input,
    headers: { origin: baseOrigin(), 'content-type': 'application/json' },
  });
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  if (!response.ok() || !body.result) throw new Error(`${path} failed: ${JSON.stringify(body)}`);
  return body.result.data;
}

export async function createWorkspaceViaApi(page: Page, name: string): Promise<{ id: string }> {
  return callMutation<{ id: string }>(page, 'workspaces.create', { name });
}

export async function createProjectViaApi(
  page: Page,
  workspaceId: string,
  name: string,
  description?: string,
): Promise<{ id: string }> {
  return callMutation<{ id: string }>(page, 'projects.create', {
    workspaceId,
    name,
    ...(description ? { description } : {}),
  });
}

/** Registers `account`, then creates a workspace and a project in it through the API, as their owner. */
export async function signUpWithProjectViaApi(
  page: Page,
  account: Account,
  names: { workspace: string; project: string; description?: string },
): Promise<{ workspaceId: string; projectId: string }> {
  await signUpViaApi(page, account);
  const workspace = await createWorkspaceViaApi(page, names.workspace);
  const project = await createProjectViaApi(page, workspace.id, names.project, names.description);
  return { workspaceId: workspace.id, projectId: project.id };
}

/**
 * Stores an attack angle through the API: 1 to 4 weeks of effort for a quality of 0.6 to 0.75 unless
 * `angle` says otherwise.
 */
export async function createAngleViaApi(
  page: Page,
  projectId: string,
  angle: { name: string; riskNotes?: string; quality?: { low: number; likely: number; high: number } },
): Promise<void> {
  const week = (value: number) => ({ value, unit: 'week' });
  await callMutation(page, 'tradeoff.createAngle', {
    projectId,
    angle: {
      effort: { low: week(1), likely: week(2), high: week(4) },
      quality: { low: 0.6, likely: 0.7, high: 0.75 },
      costRate: null,
      riskNotes: '',
      ...angle,
    },
  });
}

/** Saves one worksheet answer through the API; `baseVersion` is the version it replaces (0: none yet). */
export async function saveAnswerViaApi(
  page: Page,
  projectId: string,
  questionId: string,
  value: unknown,
  baseVersion = 0,
): Promise<void> {
  await callMutation(page, 'worksheet.save', { projectId, questionId, baseVersion, value });
}

export async function createInvitationViaApi(
  page: Page,
  workspaceId: string,
  email: string,
  role: 'viewer' | 'editor' | 'owner',
): Promise<{ token: string }> {
  return callMutation<{ token: string }>(page, 'invitations.create', { workspaceId, email, role });
}

/** Signs out through the account menu, as a user would. */
export async function signOutViaMenu(page: Page): Promise<void> {
  await page.getByRole('button', { name: /account menu/i }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** Fills and submits the sign-in form on the current page. */
export async function signInViaForm(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Calls a tRPC query as the page's signed-in user; returns `result.data`. */
export async function callQuery<T>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.get(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  if (!response.ok() || !body.result) throw new Error(`${path} failed: ${JSON.stringify(body)}`);
  return body.result.data;
}
