// `npm run licenses`: the licence of every production dependency (the packages npm installs without
// devDependencies, as package-lock.json marks them), read from its package.json in node_modules. Fails
// (exit 1) on a strong or weak copyleft licence (GPL, AGPL, LGPL, SSPL, …) or none at all, unless the
// package is in ALLOWED with the reason it is acceptable for a permissively licensed project.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Package name → why its licence is acceptable here. */
const ALLOWED = {
  lightningcss:
    'MPL-2.0 is file-level copyleft: it binds only changes to its own files, and Vite runs it unmodified at build time; none of it ships in the served app.',
};
for (const platform of [
  'linux-x64-gnu',
  'linux-x64-musl',
  'linux-arm64-gnu',
  'linux-arm64-musl',
  'darwin-arm64',
  'darwin-x64',
  'win32-x64-msvc',
  'win32-arm64-msvc',
  'linux-arm-gnueabihf',
  'freebsd-x64',
  'android-arm64',
]) {
  ALLOWED[`lightningcss-${platform}`] = ALLOWED.lightningcss;
}

const COPYLEFT = /^(A?GPL|LGPL|SSPL|EUPL|OSL|RPL|CPAL|CC-BY-SA|CC-BY-NC|MPL|Sleepycat|Commons-Clause)/i;

function licenceOf(pkg) {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license && typeof pkg.license.type === 'string') return pkg.license.type;
  if (Array.isArray(pkg.licenses)) {
    const types = pkg.licenses.map((l) => (typeof l === 'string' ? l : l?.type)).filter(Boolean);
    if (types.length > 0) return types.length === 1 ? types[0] : `(${types.join(' OR ')})`;
  }
  return null;
}

/** Whether an SPDX expression can be used without copyleft: some OR branch whose AND terms all are permissive. */
function isPermissive(expression) {
  const text = expression.replace(/[()]/g, ' ').trim();
  return text.split(/\s+OR\s+/i).some((branch) =>
    branch
      .split(/\s+AND\s+/i)
      .map((term) => term.trim().replace(/\s+WITH\s+.*$/i, ''))
      .every((term) => term !== '' && !COPYLEFT.test(term) && !/^(UNLICENSED|SEE LICENSE)/i.test(term)),
  );
}

const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
const production = Object.entries(lock.packages)
  .filter(([path, entry]) => path.includes('node_modules/') && !entry.dev && !entry.link)
  .map(([path]) => path);

const counts = new Map();
const problems = [];
for (const path of production) {
  const file = join(root, path, 'package.json');
  // Optional platform packages (other CPUs/OSes) are in the lock but not installed here.
  if (!existsSync(file)) continue;
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  const licence = licenceOf(pkg) ?? lock.packages[path].license ?? null;
  const name = pkg.name ?? path.slice(path.lastIndexOf('node_modules/') + 13);
  counts.set(licence ?? 'none', (counts.get(licence ?? 'none') ?? 0) + 1);
  if (licence !== null && isPermissive(licence)) continue;
  const reason = ALLOWED[name];
  if (reason === undefined)
    problems.push(`${name}@${pkg.version}: ${licence ?? 'no licence field'} (${path})`);
  else console.log(`allowed: ${name}@${pkg.version} (${licence}): ${reason}`);
}

console.log(`${production.length} production packages in package-lock.json; licences found:`);
for (const [licence, n] of [...counts].sort((a, b) => b[1] - a[1]))
  console.log(`  ${String(n).padStart(4)}  ${licence}`);
if (problems.length > 0) {
  console.error(
    `\n${problems.length} package(s) with a copyleft or missing licence (add to ALLOWED with a reason if acceptable):`,
  );
  for (const problem of problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log('\nNo copyleft licence among production dependencies.');
