// Gzipped JavaScript each entry page of the web app loads: the app entry's static imports plus the
// lazily loaded route chunk, from Vite's build manifest. Target: the sign-in page ≤ 200 KB.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'apps/web/dist');
const SIGN_IN_TARGET_BYTES = 200 * 1024;

function staticClosure(manifest: Manifest, key: string, seen: Set<string>): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) staticClosure(manifest, imported, seen);
  return seen;
}

function gzippedBytes(manifest: Manifest, keys: Iterable<string>): number {
  let total = 0;
  for (const key of keys) {
    const chunk = manifest[key];
    if (chunk?.file.endsWith('.js')) total += gzipSync(readFileSync(join(dist, chunk.file))).length;
  }
  return total;
}

export async function benchBundle(): Promise<void> {
  execFileSync('npm', ['run', '--silent', 'build', '-w', '@raisin/web'], { cwd: root, stdio: 'ignore' });
  const manifestPath = join(dist, '.vite/manifest.json');
  if (!existsSync(manifestPath))
    throw new Error(`No Vite manifest at ${manifestPath} (build.manifest must be on)`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error('The Vite manifest has no entry chunk');
  const entry = staticClosure(manifest, entryKey, new Set());

  const rows = Object.keys(manifest)
    .filter((key) => manifest[key]?.isDynamicEntry)
    .map((key) => {
      const page = staticClosure(manifest, key, new Set(entry));
      return { route: key.replace(/^src\//, ''), bytes: gzippedBytes(manifest, page) };
    })
    .sort((a, b) => a.bytes - b.bytes);

  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`app entry (every page): ${kb(gzippedBytes(manifest, entry))} gzipped JS`);
  console.log('route chunk'.padEnd(60), 'page total (gzip)');
  for (const row of rows) console.log(row.route.padEnd(60), kb(row.bytes));
  // The sign-in and sign-up pages ship in the app entry (they are the first page most visitors load);
  // if they ever move to a lazy chunk, that chunk's page total is the figure to watch.
  const signInBytes = rows.find((row) => /sign-in/i.test(row.route))?.bytes ?? gzippedBytes(manifest, entry);
  const ratio = signInBytes / SIGN_IN_TARGET_BYTES;
  console.log(
    `sign-in page: ${kb(signInBytes)} vs target ${kb(SIGN_IN_TARGET_BYTES)} (ratio ${ratio.toFixed(2)})`,
  );
}
