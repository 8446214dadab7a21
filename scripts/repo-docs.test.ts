import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The repository explains itself: every comment, test name and document points to a file in the repository
// (docs/product.md, ARCHITECTURE.md, docs/decisions/…) or states its reason, never to a planning document or
// a tracker a newcomer cannot open. And every file path the contributor documents cite exists.

const ROOT = join(import.meta.dirname, '..');
const THIS_FILE = 'scripts/repo-docs.test.ts';

/** Tracked files plus new ones not yet added (ignored files such as node_modules and builds excluded). */
function repositoryFiles(): string[] {
  const output = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return output.split('\0').filter((path) => path !== '' && existsSync(join(ROOT, path)));
}

const files = repositoryFiles();

/** Text files only: a NUL byte in the first 8 KB marks a binary (the screenshots). */
function readText(path: string): string | undefined {
  const bytes = readFileSync(join(ROOT, path));
  return bytes.subarray(0, 8192).includes(0) ? undefined : bytes.toString('utf8');
}

/**
 * Names of documents that live outside the repository, and issue-tracker numbers. `CODE_STYLE.md`-like
 * names of the repository's own files are not caught (the look-behind).
 */
const OUTSIDE_NAMES = [
  /(?<![\w-])(?:PRODUCT|STACK|STYLE)\.md\b/,
  /\b(?:PRODUCT|STACK|STYLE)(?:\s+gotcha|:\s)/,
  /(?<![\w-])ux-review\.md\b/,
  /\/work\/(?:shared|wt|main)\b/,
  /\bissues?\s*#\s*\d+/i,
];
/** A relative `../shared/` path is the outside folder unless it resolves to a folder of the repository. */
const RELATIVE_SHARED = /(?:\.\.\/)+shared\//g;

/** Files that must quote an outside name, with the reason. */
const QUOTING_ALLOWED: Readonly<Record<string, string>> = {
  [THIS_FILE]: 'it names the patterns it forbids',
  'package-lock.json': 'integrity hashes are random text',
};

function outsideReferences(path: string, text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, index) => {
    const where = `${path}:${index + 1}: ${line.trim().slice(0, 120)}`;
    if (OUTSIDE_NAMES.some((pattern) => pattern.test(line))) found.push(where);
    for (const match of line.matchAll(RELATIVE_SHARED)) {
      const folder = join(ROOT, dirname(path), match[0]);
      const inside = !relative(ROOT, folder).startsWith('..');
      if (!inside || !existsSync(folder) || !statSync(folder).isDirectory()) found.push(where);
    }
  });
  return found;
}

describe('the repository points only inside itself', () => {
  it('has no comment, test name or document naming an outside document or an issue number', () => {
    const found = files
      .filter((path) => !(path in QUOTING_ALLOWED))
      .flatMap((path) => {
        const text = readText(path);
        return text === undefined ? [] : outsideReferences(path, text);
      });
    expect(found).toEqual([]);
  });

  it('catches each outside name it forbids, and allows the repository’s own shared folders', () => {
    const samples = [
      '// as PRODUCT.md defines it',
      '/* STACK.md gotcha 6 */',
      'see ../STYLE.md',
      '// (STACK gotcha 8: npm may nest it)',
      '// UI draft state (STYLE: zustand holds drafts)',
      '(issue #12)',
      'Issue #9, hostile input',
      'copied from /work/shared/reference-data',
    ];
    for (const sample of samples) expect(outsideReferences('x.ts', sample), sample).toHaveLength(1);
    expect(outsideReferences('apps/cli/src/commands/x.ts', 'from ../shared/reference-data')).toHaveLength(1);
    expect(outsideReferences('packages/core/src/report/x.ts', "from '../shared/number-format'")).toEqual([]);
    expect(outsideReferences('x.md', 'docs/product.md and CODE_STYLE.md')).toEqual([]);
  });
});

// --- Paths cited by the contributor documents --------------------------------------------------------

/** Documents whose cited paths must exist: every Markdown file. */
const CITING_DOCUMENTS = files.filter((path) => path.endsWith('.md'));
/** Generated or local paths that documents name but git does not hold. */
const GENERATED = new Set(['apps/web/dist', 'data', 'test-results']);
const TOP_LEVEL = /^(?:apps|packages|scripts|e2e|docs|\.ci)\//;

const known = new Set<string>();
for (const path of files) {
  known.add(path);
  for (let folder = posix.dirname(path); folder !== '.'; folder = posix.dirname(folder)) known.add(folder);
}

/** Repository paths a Markdown document cites: `code spans` that look like paths, and relative links. */
function citedPaths(markdown: string, documentPath: string): string[] {
  const cited = new Set<string>();
  for (const [, span = ''] of markdown.matchAll(/`([^`\s]+)`/g)) {
    // `path:line`, `path#anchor` and a trailing slash name the same file or folder.
    const path = span.replace(/[:#].*$/, '').replace(/\/$/, '');
    if (/[<>*{}…$]/.test(path)) continue; // a pattern such as `routers/<feature>.ts`
    if (TOP_LEVEL.test(path)) cited.add(path);
  }
  for (const [, target = ''] of markdown.matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^[a-z]+:/i.test(target) || target.startsWith('#')) continue;
    const path = posix.normalize(posix.join(posix.dirname(documentPath), target.replace(/#.*$/, '')));
    cited.add(path.replace(/\/$/, ''));
  }
  return [...cited];
}

describe('paths cited by the documents exist', () => {
  it('reads code spans and relative links as paths, and skips patterns and web addresses', () => {
    const markdown =
      'See `packages/core/src/index.ts:12`, `apps/server/`, `routers/<feature>.ts`, `npm test`, ' +
      '[the guide](guide.md#start), [ADR](decisions/) and [site](https://example.com).';
    expect(citedPaths(markdown, 'docs/x.md').toSorted()).toEqual(
      ['apps/server', 'docs/decisions', 'docs/guide.md', 'packages/core/src/index.ts'].toSorted(),
    );
  });

  it.each(CITING_DOCUMENTS)('%s', (document) => {
    const markdown = readFileSync(join(ROOT, document), 'utf8');
    const missing = citedPaths(markdown, document).filter((path) => !known.has(path) && !GENERATED.has(path));
    expect(missing).toEqual([]);
  });
});
