import {
  type BrowserContext,
  type BrowserContextOptions,
  test as base,
  expect,
  type Page,
  type TestInfo,
} from '@playwright/test';

export { expect };

export const PASSWORD = 'correct horse battery staple';

export interface Account {
  name: string;
  email: string;
  password: string;
}

export type Role = 'viewer' | 'editor' | 'owner';

/**
 * A client address unique to this test (and to `person` in it): the server trusts X-Forwarded-For in e2e
 * (playwright.config.ts).
 */
function clientAddressFor(testInfo: TestInfo, person = ''): string {
  let hash = 0;
  for (const char of `${testInfo.testId}-${testInfo.repeatEachIndex}-${person}-${Date.now()}`) {
    hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  }
  return `10.${(hash >>> 16) & 255}.${(hash >>> 8) & 255}.${(hash & 254) + 1}`;
}

interface Fixtures {
  account: (label: string) => Account;
  failOnPageErrors: undefined;
  api: Api;
  otherBrowser: (options?: BrowserContextOptions) => Promise<Page>;
  teammate: (person: Account, workspaceId: string, role: Role) => Promise<Page>;
}

export const test = base.extend<Fixtures>({
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
  /** The API as the test page's user: what a test sets up without clicking through it. */
  api: async ({ page }, use) => {
    await use(apiFor(page));
  },
  /**
   * A page in a browser of its own: no session and its own client address, as another person's browser
   * would be (`options` add to the project's context options). Closed after the test.
   */
  otherBrowser: async ({ browser }, use, testInfo) => {
    const contexts: BrowserContext[] = [];
    await use(async (options = {}) => {
      const context = await browser.newContext({
        ...options,
        extraHTTPHeaders: { 'x-forwarded-for': clientAddressFor(testInfo, `other-${contexts.length}`) },
      });
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
  /**
   * `person` in a browser of their own (otherBrowser), signed up and a member of `workspaceId` with `role`:
   * the test page's user invites them, and they accept through the API.
   */
  teammate: async ({ page, otherBrowser }, use) => {
    await use(async (person, workspaceId, role) => {
      const { token } = await apiFor(page).createInvitation(workspaceId, person.email, role);
      const teammatePage = await otherBrowser();
      await signUpAndAcceptViaApi(teammatePage, person, token);
      return teammatePage;
    });
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
  role: Role,
): Promise<{ token: string }> {
  return callMutation<{ token: string }>(page, 'invitations.create', { workspaceId, email, role });
}

/** Registers `person` on `page` and accepts the invitation `token` for them, through the API. */
export async function signUpAndAcceptViaApi(page: Page, person: Account, token: string): Promise<void> {
  await signUpViaApi(page, person);
  await callMutation(page, 'invitations.accept', { token });
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

/** The API as one page's user (the page's cookies): the helpers above, bound to that page. */
export interface Api {
  signUp(account: Account): Promise<void>;
  signUpWithProject(
    account: Account,
    names: { workspace: string; project: string; description?: string },
  ): Promise<{ workspaceId: string; projectId: string }>;
  createWorkspace(name: string): Promise<{ id: string }>;
  createProject(workspaceId: string, name: string, description?: string): Promise<{ id: string }>;
  createInvitation(workspaceId: string, email: string, role: Role): Promise<{ token: string }>;
  signUpAndAccept(person: Account, token: string): Promise<void>;
  createAngle(projectId: string, angle: Parameters<typeof createAngleViaApi>[2]): Promise<void>;
  saveAnswer(projectId: string, questionId: string, value: unknown, baseVersion?: number): Promise<void>;
  mutation<T = unknown>(path: string, input: unknown): Promise<T>;
  query<T = unknown>(path: string, input: unknown): Promise<T>;
}

export function apiFor(page: Page): Api {
  return {
    signUp: (account) => signUpViaApi(page, account),
    signUpWithProject: (account, names) => signUpWithProjectViaApi(page, account, names),
    createWorkspace: (name) => createWorkspaceViaApi(page, name),
    createProject: (workspaceId, name, description) =>
      createProjectViaApi(page, workspaceId, name, description),
    createInvitation: (workspaceId, email, role) => createInvitationViaApi(page, workspaceId, email, role),
    signUpAndAccept: (person, token) => signUpAndAcceptViaApi(page, person, token),
    createAngle: (projectId, angle) => createAngleViaApi(page, projectId, angle),
    saveAnswer: (projectId, questionId, value, baseVersion) =>
      saveAnswerViaApi(page, projectId, questionId, value, baseVersion),
    mutation: (path, input) => callMutation(page, path, input),
    query: (path, input) => callQuery(page, path, input),
  };
}
