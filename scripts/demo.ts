/**
 * `npm run demo`: creates the demo project in a running Raisin over HTTP, as a browser would: signs up
 * the demo account (or signs in when it exists), calls `demo.create`, and prints where to look.
 *
 *   npm run demo -- --url http://localhost:3000 --email demo@example.com --password '…'
 *
 * Flags override the environment: RAISIN_URL (default http://localhost:3000), RAISIN_DEMO_EMAIL
 * (default demo@example.com), RAISIN_DEMO_PASSWORD (default "raisin demo password"), RAISIN_DEMO_NAME.
 */
import { parseArgs } from 'node:util';
import type { AppRouter } from '@raisin/api';
import { createTRPCClient, httpBatchLink } from '@trpc/client';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    email: { type: 'string' },
    password: { type: 'string' },
    name: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log('Usage: npm run demo -- [--url URL] [--email EMAIL] [--password PASSWORD] [--name NAME]');
  process.exit(0);
}

const origin = new URL(values.url ?? process.env.RAISIN_URL ?? 'http://localhost:3000').origin;
const account = {
  email: values.email ?? process.env.RAISIN_DEMO_EMAIL ?? 'demo@example.com',
  password: values.password ?? process.env.RAISIN_DEMO_PASSWORD ?? 'raisin demo password',
  name: values.name ?? process.env.RAISIN_DEMO_NAME ?? 'Demo User',
};

/** Posts to better-auth; returns the session cookie, or null with the server's answer. */
async function authenticate(path: string, body: object): Promise<{ cookie: string | null; answer: string }> {
  // The server refuses state-changing requests without its own Origin (CSRF defence).
  const response = await fetch(`${origin}/api/auth/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify(body),
  });
  const cookies = response.headers.getSetCookie().map((header) => header.split(';')[0] ?? '');
  const answer = `${response.status} ${await response.text()}`;
  return { cookie: response.ok && cookies.length > 0 ? cookies.join('; ') : null, answer };
}

async function signUpOrIn(): Promise<string> {
  const signedUp = await authenticate('sign-up/email', account);
  if (signedUp.cookie) return signedUp.cookie;
  const signedIn = await authenticate('sign-in/email', { email: account.email, password: account.password });
  if (signedIn.cookie) return signedIn.cookie;
  throw new Error(
    `Could not sign up (${signedUp.answer}) or sign in (${signedIn.answer}) as ${account.email}`,
  );
}

try {
  const health = await fetch(`${origin}/readyz`).catch(() => null);
  if (!health?.ok) throw new Error(`No Raisin answers at ${origin}: start it with \`npm start\` first`);
  const cookie = await signUpOrIn();
  const client = createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${origin}/trpc`, headers: { cookie, origin } })],
  });
  const demo = await client.demo.create.mutate();
  console.log(`Demo created. Open ${origin}/w/${demo.workspaceId}/p/${demo.projectId}/worksheet`);
  console.log(`Sign in as ${account.email} with the password "${account.password}".`);
  console.log(`Its published report opens without an account: ${new URL(demo.shareUrl, origin).href}`);
} catch (error) {
  console.error(`npm run demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
