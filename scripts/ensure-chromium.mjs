// Finds the Chromium that Playwright drives (CHROMIUM_PATH, else Debian's /usr/bin/chromium).
// Never downloads a browser build: when Chromium is missing and we are root with apt-get, installs
// Debian's package and says so; otherwise fails with the command that installs it.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

if (isExecutable(chromiumPath)) process.exit(0);

if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH=${chromiumPath} is not an executable file. Point it at a Chromium binary.`);
  process.exit(1);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && hasCommand('apt-get')) {
  console.log("Chromium is missing: installing Debian's `chromium` package with apt-get (about a minute)…");
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    console.error('apt-get could not install chromium. Install it yourself: apt-get install -y chromium');
    process.exit(1);
  }
  if (isExecutable(chromiumPath)) {
    console.log(`Installed Chromium at ${chromiumPath}.`);
    process.exit(0);
  }
}

console.error(
  [
    `Chromium was not found at ${chromiumPath}; the end-to-end tests need it.`,
    'Install it from your distribution (Debian/Ubuntu: sudo apt-get install -y chromium),',
    'or set CHROMIUM_PATH to an existing Chromium binary. Raisin never downloads a browser.',
  ].join('\n'),
);
process.exit(1);
