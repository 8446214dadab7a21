import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { coefficientRows, computeAgreement, parseSample } from '@raisin/core/agreement';
import { ESSENTIAL_QUESTION_IDS, QUESTION_BANK, VERDICT_RULES } from '@raisin/core/worksheet';
import { describe, expect, it } from 'vitest';

// docs/product.md is the contract the code is held to: what the code decides must be written there, so a
// rule or a report key cannot ship undocumented (CONTRIBUTING.md, "Add an agreement coefficient", step 9).

const ROOT = join(import.meta.dirname, '..');
const contract = readFileSync(join(ROOT, 'docs/product.md'), 'utf8');
/** Everything the contract writes as code: `key`, `rule-id`, `E.target-quality`. */
const codeSpans = new Set([...contract.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? ''));

describe('docs/product.md', () => {
  it('names every verdict rule', () => {
    const missing = VERDICT_RULES.map((rule) => rule.id).filter((id) => !codeSpans.has(id));
    expect(missing).toEqual([]);
  });

  it('lists the essential questions of a "go"', () => {
    const missing = ESSENTIAL_QUESTION_IDS.filter((id) => !codeSpans.has(id));
    expect(missing).toEqual([]);
  });

  it('states how many questions the bank holds', () => {
    expect(contract).toContain(`${QUESTION_BANK.length} questions in groups A–K`);
  });

  it('defines every top-level key of the agreement report', () => {
    const sample = parseSample(readFileSync(join(ROOT, 'apps/web/public/samples/medicines-titles.csv')));
    if (!sample.ok) throw new Error(sample.error.message);
    const report = computeAgreement(sample.value.sample, { bootstrap: 0 });
    const documented = (key: string) =>
      codeSpans.has(key) || [...codeSpans].some((span) => span.split(/[^A-Za-z0-9_]+/).includes(key));
    expect(Object.keys(report).filter((key) => !documented(key))).toEqual([]);
    const rowRoots = coefficientRows(report).map((row) => row.key.split('.')[0] ?? row.key);
    expect(rowRoots.filter((key) => !documented(key))).toEqual([]);
  });
});
