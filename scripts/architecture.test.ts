import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layers of ARCHITECTURE.md, "Layers": dependencies flow one way, core ← db ← api ← server, and the web
// app takes only the AppRouter *type* from the API. A package importing against the table fails here.

const ROOT = join(import.meta.dirname, '..');

interface Layer {
  readonly folder: string;
  /** Workspace packages it may import at run time. */
  readonly imports: readonly string[];
  /** Workspace packages it may import with `import type` only. */
  readonly typeImports?: readonly string[];
}

const LAYERS: Readonly<Record<string, Layer>> = {
  '@raisin/core': { folder: 'packages/core', imports: [] },
  '@raisin/db': { folder: 'packages/db', imports: ['@raisin/core'] },
  '@raisin/api': { folder: 'packages/api', imports: ['@raisin/core', '@raisin/db'] },
  '@raisin/server': { folder: 'apps/server', imports: ['@raisin/core', '@raisin/db', '@raisin/api'] },
  '@raisin/web': { folder: 'apps/web', imports: ['@raisin/core'], typeImports: ['@raisin/api'] },
  '@raisin/cli': { folder: 'apps/cli', imports: ['@raisin/core', '@raisin/db', '@raisin/server'] },
};

function sourceFiles(folder: string): string[] {
  const output = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', folder], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return output.split('\n').filter((path) => /\.(?:ts|tsx|mts|mjs)$/.test(path));
}

interface Import {
  readonly specifier: string;
  readonly typeOnly: boolean;
}

/** Static `import`/`export … from` and dynamic `import()` specifiers of a module's text. */
function importsOf(text: string): Import[] {
  const found: Import[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?[^'";]*?from\s*['"]([^'"]+)['"]/gm;
  for (const match of text.matchAll(statement)) {
    found.push({ specifier: match[3] ?? '', typeOnly: match[2] !== undefined });
  }
  for (const match of text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm)) {
    found.push({ specifier: match[1] ?? '', typeOnly: false });
  }
  for (const match of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push({ specifier: match[1] ?? '', typeOnly: false });
  }
  return found;
}

const NODE_BUILTINS = new Set(builtinModules);

const workspacePackage = (specifier: string) => /^@raisin\/[a-z-]+/.exec(specifier)?.[0];

describe('layers', () => {
  it('reads static, type-only, side-effect and dynamic imports', () => {
    const text = [
      "import { a } from '@raisin/core';",
      "import type { AppRouter } from '@raisin/api';",
      "export { b } from '@raisin/db/agreement-codec';",
      "import './styles.css';",
      "const lazy = () => import('@raisin/server/config');",
    ].join('\n');
    expect(importsOf(text)).toEqual([
      { specifier: '@raisin/core', typeOnly: false },
      { specifier: '@raisin/api', typeOnly: true },
      { specifier: '@raisin/db/agreement-codec', typeOnly: false },
      { specifier: './styles.css', typeOnly: false },
      { specifier: '@raisin/server/config', typeOnly: false },
    ]);
  });

  it.each(Object.entries(LAYERS))('%s imports only the layers below it', (name, layer) => {
    const wrong: string[] = [];
    for (const path of sourceFiles(layer.folder)) {
      const text = readFileSync(join(ROOT, path), 'utf8');
      for (const { specifier, typeOnly } of importsOf(text)) {
        // A relative import must stay inside its package: layers meet through package names only.
        if (specifier.startsWith('.')) {
          const target = posix.normalize(posix.join(posix.dirname(path), specifier));
          if (!target.startsWith(`${layer.folder}/`)) wrong.push(`${path}: ${specifier}`);
          continue;
        }
        const target = workspacePackage(specifier);
        if (target === undefined || target === name || layer.imports.includes(target)) continue;
        if (typeOnly && layer.typeImports?.includes(target)) continue;
        wrong.push(`${path}: ${specifier}${typeOnly ? ' (type)' : ''}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

// Core runs in the browser, the server and the CLI alike, so its sources (not its tests) use no Node module
// and no Node-only global. A type check without Node's types cannot hold this: @types/papaparse, which core
// needs, references them and brings them back, so the rule is read from the sources here.
describe('core purity', () => {
  const NODE_GLOBALS =
    /(?<![.\w$])(?:process|Buffer|__dirname|__filename|require|global)(?:\.[A-Za-z_$]|\(|\[)/;

  it('finds a Node module or global in a line of code, not in a comment or a property', () => {
    expect(NODE_GLOBALS.test('const env = process.env;')).toBe(true);
    expect(NODE_GLOBALS.test('Buffer.from(text)')).toBe(true);
    expect(NODE_GLOBALS.test('job.process(rows)')).toBe(false);
    expect(NODE_GLOBALS.test('const processed = 1;')).toBe(false);
    expect(NODE_GLOBALS.test("'a manual process (level 0)'")).toBe(false);
  });

  it('@raisin/core sources use no Node module and no Node-only global', () => {
    const impure: string[] = [];
    for (const path of sourceFiles('packages/core/src')) {
      if (/\.test\.ts$|test-support\.ts$/.test(path)) continue;
      const text = readFileSync(join(ROOT, path), 'utf8');
      for (const { specifier } of importsOf(text)) {
        if (specifier.startsWith('node:') || NODE_BUILTINS.has(specifier))
          impure.push(`${path}: ${specifier}`);
      }
      text.split('\n').forEach((line, index) => {
        const code = line.replace(/\/\/.*$/, '');
        if (/^\s*(?:\/\*|\*)/.test(code)) return;
        if (NODE_GLOBALS.test(code)) impure.push(`${path}:${index + 1}: ${line.trim()}`);
      });
    }
    expect(impure).toEqual([]);
  });
});
