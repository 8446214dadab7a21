// Bundles the `raisin` CLI into ES modules so it starts in milliseconds (no TypeScript loader at run time).
// Runs on `npm install` (the root `prepare` script) and on `npm run build`.
import { copyFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'apps/cli/src/main.ts');
if (!existsSync(entry)) process.exit(0);

const { build } = await import('esbuild');
// RAISIN_CLI_OUTFILE lets tests and benchmarks build a private copy without touching the shared bundle.
const outfile = process.env.RAISIN_CLI_OUTFILE ?? join(root, 'apps/cli/dist/raisin.mjs');
await build({
  // The entry is `outfile`; each command (imported dynamically) and the code commands share are chunks
  // beside it, so `raisin agreement` never parses the report exporter's database stack (~2 MB).
  // The helper worker thread (second core) is a second entry, loaded from beside the chunks that start it.
  entryPoints: {
    [basename(outfile, '.mjs')]: entry,
    'raisin-helper-worker': join(root, 'apps/cli/src/helper-worker.ts'),
  },
  outdir: dirname(outfile),
  outExtension: { '.js': '.mjs' },
  splitting: true,
  chunkNames: 'raisin-[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'bundle',
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
