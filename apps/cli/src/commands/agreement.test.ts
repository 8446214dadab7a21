import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgreementJson } from '@raisin/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../../..');
// The published reference samples, with their sources in reference-data/README.md.
const REFERENCE = join(ROOT, 'packages/core/src/agreement/reference-data');
const expected = JSON.parse(readFileSync(join(REFERENCE, 'expected.json'), 'utf8')) as Record<
  string,
  { files: { long: string; wide: string }; expected: Record<string, unknown> }
>;

let dir = '';
let bundle = '';

beforeAll(() => {
  // The same bundle `npm install` builds, written to a private folder so the shared one is left alone.
  dir = mkdtempSync(join(tmpdir(), 'raisin-cli-'));
  bundle = join(dir, 'raisin.mjs');
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs')], {
    env: { ...process.env, RAISIN_CLI_OUTFILE: bundle },
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
});

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

function raisin(args: readonly string[], input?: string): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [bundle, ...args], {
    encoding: 'utf8',
    ...(input === undefined ? {} : { input }),
  });
}

describe('raisin agreement', () => {
  it.each(Object.entries(expected))('prints the published values of %s as one JSON object', (_, set) => {
    for (const file of [set.files.long, set.files.wide]) {
      const run = raisin(['agreement', join(REFERENCE, file), '--json', '--bootstrap', '0']);
      expect(run.status).toBe(0);
      const report = JSON.parse(run.stdout) as Record<string, unknown>;
      for (const [key, value] of Object.entries(set.expected)) {
        if (typeof value === 'number') expect(report[key]).toBeCloseTo(value, 6);
        else if (value !== null && typeof value === 'object') {
          for (const [level, alpha] of Object.entries(value)) {
            const got = (report[key] as Record<string, unknown>)[level];
            if (alpha === null) expect(got).toBeNull();
            else expect(got).toBeCloseTo(alpha as number, 6);
          }
        } else expect(report[key]).toBe(value);
      }
    }
  });

  it('prints a readable table with intervals, bands, the ceiling and warnings', () => {
    const run = raisin(['agreement', join(REFERENCE, 'krippendorff2011.long.csv'), '--bootstrap', '200']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Krippendorff α \(nominal\)\s+0\.743\s+\[0\.\d{3}, [01]\.\d{3}\]\s+tentative/);
    expect(run.stdout).toMatch(/Krippendorff α \(ordinal\)\s+0\.815/);
    expect(run.stdout).toContain('Human ceiling:');
    expect(run.stdout).toContain('Warnings:');
    expect(run.stderr).toBe('');
  });

  it('reads stdin for "-" and gives the same report as the file', () => {
    const file = join(REFERENCE, 'fleiss1971_diagnoses.wide.csv');
    const fromFile = raisin(['agreement', file, '--json', '--bootstrap', '50']);
    const fromStdin = raisin(['agreement', '-', '--json', '--bootstrap', '50'], readFileSync(file, 'utf8'));
    expect(fromStdin.status).toBe(0);
    expect(JSON.parse(fromStdin.stdout)).toEqual(JSON.parse(fromFile.stdout));
  });

  it('exits 1 with the reason on stderr when α is below --min-alpha, 0 when above', () => {
    const file = join(REFERENCE, 'krippendorff2011.long.csv');
    const below = raisin(['agreement', file, '--json', '--bootstrap', '0', '--min-alpha', '0.8']);
    expect(below.status).toBe(1);
    expect(below.stderr).toMatch(/nominal α = 0\.743 is below the required 0\.8/);
    expect(JSON.parse(below.stdout)).toHaveProperty('krippendorffAlpha');
    const ordinal = raisin([
      'agreement',
      file,
      '--bootstrap',
      '0',
      '--level',
      'ordinal',
      '--min-alpha',
      '0.8',
    ]);
    expect(ordinal.status).toBe(0);
  });

  it('exits 1 when α is undefined at the chosen level', () => {
    const run = raisin(
      ['agreement', '-', '--bootstrap', '0', '--min-alpha', '0.5'],
      'item,a,b\n1,x,x\n2,x,x\n',
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'raisin agreement: nominal α is undefined for this sample (nominal α is undefined: every label on items with two or more labels falls in one category, so expected disagreement is 0); required ≥ 0.5\n',
    );
  });

  it('exits 2 on bad input, naming the line on stderr and printing nothing on stdout', () => {
    const run = raisin(['agreement', '-', '--json'], 'item,annotator,label\n1,a,x\n1,b\n');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/stdin:3:3: Line 3 has 2 fields, but the header has 3\. \[ragged_row\]/);
  });

  it('exits 2 on non-numeric labels at the interval level, with line and column', () => {
    const run = raisin(['agreement', '-', '--level', 'interval'], 'item,annotator,label\n1,a,1\n1,b,two\n');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('stdin:3:3:');
  });

  it('reads NA cells as missing and nested JSON Lines keys, named or found', () => {
    const csv = raisin(
      ['agreement', '-', '--json', '--bootstrap', '0'],
      'item,a,b\n1,x,NA\n2,y,y\n3,NaN,x\n4,x,x\n',
    );
    expect(JSON.parse(csv.stdout)).toMatchObject({ items: 4, annotations: 6, categories: ['x', 'y'] });
    const jsonl = [
      '{"meta":{"id":1,"batch":"b1"},"annotation":{"user":"a","value":{"label":"x"}}}',
      '{"meta":{"id":1,"batch":"b1"},"annotation":{"user":"b","value":{"label":"y"}}}',
    ].join('\n');
    const found = raisin(['agreement', '-', '--json', '--bootstrap', '0'], jsonl);
    expect(found.status).toBe(0);
    expect(JSON.parse(found.stdout)).toMatchObject({ items: 1, annotators: 2, percentAgreement: 0 });
    const named = raisin(['agreement', '-', '--item', 'meta.batch', '--bootstrap', '0'], jsonl);
    expect(named.stdout).toContain('stdin (JSON Lines): 1 item, 2 annotators, 2 annotations, 2 categories');
  });

  it('says how many cells each missing-value spelling turned into missing annotations', () => {
    const rows = ['item,a,b,c'];
    for (let i = 0; i < 40; i++) rows.push(`${i},x,${i < 37 ? 'NA' : 'y'},${i < 2 ? 'N/A' : 'x'}`);
    const csv = `${rows.join('\n')}\n`;
    const human = raisin(['agreement', '-', '--bootstrap', '0'], csv);
    expect(human.status).toBe(0);
    expect(human.stdout).toContain(
      '\n37 cells spelled NA and 2 spelled N/A were read as missing annotations (an empty cell is missing too).\n',
    );
    const json = raisin(['agreement', '-', '--json', '--bootstrap', '0'], csv);
    expect(JSON.parse(json.stdout)).toMatchObject({
      annotations: 81,
      source: { format: 'wide', duplicatesResolved: 0, missingSpellings: { NA: 37, 'N/A': 2 } },
    });
    // Nothing to say when no cell was spelled so: no line, and empty counts.
    const plain = 'item,a,b\n1,x,x\n2,y,\n';
    expect(raisin(['agreement', '-', '--bootstrap', '0'], plain).stdout).not.toContain('spelled');
    expect(JSON.parse(raisin(['agreement', '-', '--json', '--bootstrap', '0'], plain).stdout)).toMatchObject({
      source: { missingSpellings: {} },
    });
  });

  it('names a JSON array of plain records as JSON Lines (read as its records are), not a Label Studio export', () => {
    const records = JSON.stringify([
      { id: 1, annotator: 'a', label: 'x' },
      { id: 1, annotator: 'b', label: 'y' },
    ]);
    const human = raisin(['agreement', '-', '--bootstrap', '0'], records);
    expect(human.status).toBe(0);
    expect(human.stdout).toContain('stdin (JSON Lines): 1 item, 2 annotators');
    expect(human.stdout).not.toContain('Label Studio');
    const json = raisin(['agreement', '-', '--json', '--bootstrap', '0'], records);
    expect(JSON.parse(json.stdout)).toMatchObject({ source: { format: 'jsonl' } });
  });

  it('reads a wide file whose annotators have label-like names and whose labels are all identical', () => {
    const degenerate = 'item,gold,model\n1,pos,pos\n2,pos,pos\n3,pos,pos\n';
    const human = raisin(['agreement', '-'], degenerate);
    expect(human.stderr).toBe('');
    expect(human.status).toBe(0);
    expect(human.stdout).toContain('stdin (wide table): 3 items, 2 annotators, 6 annotations, 1 category');
    const json = raisin(['agreement', '-', '--json'], degenerate);
    expect(JSON.parse(json.stdout)).toMatchObject({ source: { format: 'wide' }, percentAgreement: 1 });
  });

  it('exits 2 on bad options and a missing file', () => {
    expect(raisin(['agreement', 'x.csv', '--level', 'fancy']).status).toBe(2);
    expect(raisin(['agreement', 'x.csv', '--nope']).status).toBe(2);
    // α never exceeds 1: a threshold above it could only ever fail.
    const impossible = raisin(['agreement', 'x.csv', '--min-alpha', '1.5']);
    expect(impossible.status).toBe(2);
    expect(impossible.stderr).toContain('--min-alpha must be a number between -1 and 1 (got "1.5")');
    const missing = raisin(['agreement', join(dir, 'missing.csv')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read/);
  });

  it('maps columns, declares an order and resolves duplicates from options', () => {
    const text = 'q,who,grade\n1,a,low\n1,b,high\n1,a,mid\n2,a,mid\n2,b,mid\n';
    const run = raisin(
      [
        'agreement',
        '-',
        '--json',
        '--bootstrap',
        '0',
        '--item',
        'q',
        '--annotator',
        'who',
        '--label',
        'grade',
      ].concat(['--order', 'low,mid,high', '--duplicates', 'last', '--level', 'ordinal']),
      text,
    );
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { categories: string[]; annotations: number };
    expect(report.categories).toEqual(['low', 'mid', 'high']);
    expect(report.annotations).toBe(4);
  });

  it('prints help for raisin and for the command', () => {
    const top = raisin(['--help']);
    expect(top.status).toBe(0);
    expect(top.stdout).toMatch(/agreement\s+Inter-annotator agreement/);
    const command = raisin(['agreement', '--help']);
    expect(command.status).toBe(0);
    expect(command.stdout).toContain('--min-alpha X');
  });

  it('runs from the TypeScript sources through bin/raisin.mjs when asked', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'apps/cli/bin/raisin.mjs'), 'agreement', '--help'], {
      encoding: 'utf8',
      env: { ...process.env, RAISIN_CLI_FROM_SOURCE: '1' },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: raisin agreement FILE');
  });
});

describe('raisin agreement under every framing', () => {
  const FIXTURES = join(ROOT, 'packages/core/src/agreement/parse/fixtures');
  const json = (run: SpawnSyncReturns<string>) => JSON.parse(run.stdout) as AgreementJson;

  it('scores a Prodigy ner_manual export by span F1, so a boundary disagreement is not a 100% ceiling', () => {
    const run = raisin([
      'agreement',
      join(FIXTURES, 'prodigy-ner-manual.jsonl'),
      '--json',
      '--bootstrap',
      '100',
    ]);
    expect(run.status).toBe(0);
    const report = json(run);
    expect(report.framing).toBe('spans');
    expect(report.humanCeilingMetric).toBe('f1');
    expect(report.humanCeiling?.value).toBeCloseTo(10 / 12, 12);
    expect(report.source.skipped).toEqual({ reject: 1, ignore: 1 });
    const text = raisin(['agreement', join(FIXTURES, 'prodigy-ner-manual.jsonl'), '--bootstrap', '0']);
    expect(text.stdout).toMatch(/Human ceiling: 0\.833 span F1/);
    expect(text.stdout).toContain('Skipped 1 rejected example and 1 ignored example');
  });

  it('scores every question of a Label Studio export, and gates on each', () => {
    const file = join(FIXTURES, 'label-studio-two-controls.json');
    const all = raisin(['agreement', file, '--json', '--bootstrap', '0', '--min-alpha', '0.8']);
    expect(all.status).toBe(1);
    expect(all.stderr).toMatch(/question "sentiment": α = -?0\.\d{3} is below the required 0\.8/);
    const report = json(all);
    expect(Object.keys(report.controls ?? {})).toEqual(['relevance', 'sentiment']);
    expect(report.source.control).toBe('relevance');
    expect(report.krippendorffAlpha.nominal).toBe(1);
    const one = raisin(['agreement', file, '--json', '--bootstrap', '0', '--control', 'sentiment']);
    expect(one.status).toBe(0);
    expect(json(one).controls).toBeUndefined();
    expect(json(one).krippendorffAlpha.nominal).toBe(report.controls?.sentiment?.krippendorffAlpha.nominal);
    const text = raisin(['agreement', file, '--bootstrap', '0']);
    expect(text.stdout).toContain('question "relevance"');
    expect(text.stdout).toContain('question "sentiment"');
  });

  it('reads tables under --framing, and names an unknown framing or control', () => {
    const multilabel = raisin([
      'agreement',
      join(FIXTURES, 'topics-multilabel.csv'),
      '--framing',
      'multilabel',
      '--json',
      '--bootstrap',
      '0',
    ]);
    expect(multilabel.status).toBe(0);
    expect(json(multilabel).multilabel?.labels).toEqual(['Economy', 'Politics', 'Sports']);
    const ranking = raisin([
      'agreement',
      join(FIXTURES, 'search-ranking.long.csv'),
      '--framing',
      'ranking',
      '--bootstrap',
      '0',
    ]);
    expect(ranking.stdout).toMatch(/Kendall's W \(ties corrected\)\s+0\.\d{3}/);
    const pairwise = raisin([
      'agreement',
      join(FIXTURES, 'answers-pairwise.csv'),
      '--framing',
      'pairwise',
      '--json',
      '--bootstrap',
      '0',
    ]);
    expect(json(pairwise).pairwise?.comparisons).toBe(3);
    const unknown = raisin(['agreement', join(FIXTURES, 'topics-multilabel.csv'), '--framing', 'trees']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/--framing must be one of categorical, multilabel/);
    const control = raisin(['agreement', join(FIXTURES, 'label-studio-ner.json'), '--control', 'topic']);
    expect(control.status).toBe(2);
    expect(control.stderr).toMatch(/No control "topic" in the file; it holds "label"/);
  });

  it('names the line and column of a rotated box', () => {
    const run = raisin(['agreement', join(FIXTURES, 'label-studio-rotated-boxes.json')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /label-studio-rotated-boxes\.json:\d+:\d+: Line \d+: task 10959: a "Butterfly" box is rotated/,
    );
  });

  it('prints the ICC table for ratings', () => {
    const run = raisin(['agreement', join(FIXTURES, 'label-studio-number.json'), '--bootstrap', '0']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/ICC\(C,1\)\s+0\.\d{3}\s+\[/);
    expect(run.stdout).toMatch(/Human ceiling: correlation 0\.\d{3}/);
  });
});

describe('raisin agreement on a file large enough to be read on two threads', () => {
  const ITEMS = 1_200_000;
  let large = '';
  let text = '';

  beforeAll(() => {
    // About 66 MB of rows sorted by item (over SPLIT_MIN_BYTES), labels from a fixed recurrence.
    const lines = ['item,annotator,label'];
    let state = 7;
    for (let i = 0; i < ITEMS; i++) {
      const item = `i${String(i).padStart(7, '0')}`;
      for (let a = 0; a < 4; a++) {
        state = (state * 1103515245 + 12345) % 2147483648;
        lines.push(`${item},r${a},${state % 100 < 70 ? i % 5 : state % 5}`);
      }
    }
    text = `${lines.join('\n')}\n`;
    large = join(dir, 'large.csv');
    writeFileSync(large, text);
  });

  const stats = (run: SpawnSyncReturns<string>) =>
    JSON.parse(/raisin-stats (\{.*\})/.exec(run.stderr)?.[1] ?? '{}') as { parseThreads?: number };

  it('reads it in two halves and prints what one thread reading standard input prints', () => {
    const env = { ...process.env, RAISIN_REPORT_PEAK_RSS: '1' };
    const args = ['--json', '--bootstrap', '0'];
    const fromFile = spawnSync(process.execPath, [bundle, 'agreement', large, ...args], {
      encoding: 'utf8',
      env,
    });
    expect(fromFile.status).toBe(0);
    expect(stats(fromFile).parseThreads).toBe(2);
    const fromStdin = spawnSync(process.execPath, [bundle, 'agreement', '-', ...args], {
      encoding: 'utf8',
      env,
      input: text,
      maxBuffer: 1 << 28,
    });
    expect(stats(fromStdin).parseThreads).toBe(1);
    expect(fromFile.stdout).toBe(fromStdin.stdout);
    expect((JSON.parse(fromFile.stdout) as AgreementJson).items).toBe(ITEMS);
  });

  it('names the line of a bad row in the second half, as one thread does', () => {
    const bad = join(dir, 'large-bad.csv');
    writeFileSync(bad, `${text}i9999999,r1\n`);
    const run = raisin(['agreement', bad, '--json', '--bootstrap', '0']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`Line ${ITEMS * 4 + 2} has 2 fields, but the header has 3.`);
    expect(run.stdout).toBe('');
  });
});
