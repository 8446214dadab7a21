// Bundles the `raisin` CLI into one ES module so it starts in milliseconds (no TypeScript loader at run time).
// Runs on `npm install` (the root `prepare` script) and on `npm run build`.
import { copyFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'apps/cli/src/main.ts');
if (!existsSync(entry)) process.exit(0);

const { build } = await import('esbuild');
// RAISIN_CLI_OUTFILE lets tests and benchmarks build a private copy without touching the shared bundle.
const outfile = process.env.RAISIN_CLI_OUTFILE ?? join(root, 'apps/cli/dist/raisin.mjs');
await build({
  entryPoints: [entry],
  outfile,
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

// PGlite (used by `raisin report export`) loads its WebAssembly and data files from beside its module,
// which in the bundle is beside the outfile.
const pgliteDist = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
for (const file of ['pglite.wasm', 'pglite.data', 'initdb.wasm']) {
  copyFileSync(join(pgliteDist, file), join(dirname(outfile), file));
}
