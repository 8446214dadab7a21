#!/usr/bin/env node
// Runs the bundled CLI (apps/cli/dist/raisin.mjs, built by scripts/build-cli.mjs on install) when present, so it
// starts in milliseconds; otherwise runs the TypeScript sources through tsx. RAISIN_CLI_FROM_SOURCE=1 forces the latter.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/raisin.mjs', import.meta.url);
if (process.env.RAISIN_CLI_FROM_SOURCE !== '1' && existsSync(fileURLToPath(bundle))) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/main.ts', import.meta.url).href);
}
