// scripts/ensure-chromium.mjs, which `npm test` runs before the browser tests (kept here, with the other
// tests that spawn processes, since vitest collects no tests from scripts/). The branch that installs
// Debian's package is not run: it would change the machine.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/config';

function ensureChromium(chromiumPath: string) {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'ensure-chromium.mjs')], {
    env: { ...process.env, CHROMIUM_PATH: chromiumPath },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('ensure-chromium', () => {
  it('accepts an executable CHROMIUM_PATH quietly', () => {
    // Any executable stands in for Chromium: the script checks only that it can run it.
    expect(ensureChromium(process.execPath)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('refuses a CHROMIUM_PATH that is not an executable, naming it, and installs nothing', () => {
    const missing = join(REPO_ROOT, 'no-such-dir', 'chromium');
    const result = ensureChromium(missing);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`CHROMIUM_PATH=${missing} is not an executable file`);
    expect(result.stdout).not.toContain('apt-get');
    // A file that exists but cannot be run is refused the same way.
    expect(ensureChromium(join(REPO_ROOT, 'package.json')).code).toBe(1);
  });
});
