// Bundles the `raisin` CLI into one ES module so it starts in milliseconds (no TypeScript loader at run time).
// Runs on `npm install` (the root `prepare` script) and on `npm run build`.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'apps/cli/src/main.ts');
if (!existsSync(entry)) process.exit(0);

const { build } = await import('esbuild');
await build({
  entryPoints: [entry],
  // RAISIN_CLI_OUTFILE lets tests and benchmarks build a private copy without touching the shared bundle.
  outfile: process.env.RAISIN_CLI_OUTFILE ?? join(root, 'apps/cli/dist/raisin.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'bundle',
  // Dynamic imports keep each command lazy; the bundle splits them out only with `splitting`, so keep them in one file.
  banner: {
    js: "import { createRequire as __raisinCreateRequire } from 'node:module'; const require = __raisinCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
