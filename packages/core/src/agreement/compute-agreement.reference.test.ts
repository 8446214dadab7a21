/**
 * Published agreement values (reference-data/README.md): every key of expected.json, computed by several
 * independent implementations (R irr and irrCAC, statsmodels, scikit-learn, NLTK, fast-krippendorff),
 * must be reproduced to 1e-6, and each published figure to the digits it was published with.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeAgreement } from './compute-agreement';
import { parseSample } from './parse';
import { loadLongCsv, REFERENCE_DATA_DIR } from './test-support';
import type { EncodedSample } from './types';

interface ReferenceSet {
  readonly files: { readonly long: string; readonly wide: string };
  readonly expected: Record<string, number | null | Record<string, number | null>>;
  readonly published: readonly { readonly key: string; readonly value: number; readonly source: string }[];
}

const reference = JSON.parse(readFileSync(`${REFERENCE_DATA_DIR}expected.json`, 'utf8')) as Record<
  string,
  ReferenceSet
>;

function valueAt(report: object, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | null)?.[key], report);
}

function expectClose(actual: unknown, expected: unknown, tolerance: number, key: string): void {
  if (expected === null) {
    expect(actual, key).toBeNull();
  } else if (typeof expected === 'number') {
    expect(typeof actual, key).toBe('number');
    expect(
      Math.abs((actual as number) - expected),
      `${key}: ${String(actual)} vs ${expected}`,
    ).toBeLessThanOrEqual(tolerance);
  } else {
    for (const [sub, value] of Object.entries(expected as Record<string, unknown>)) {
      expectClose((actual as Record<string, unknown> | null)?.[sub], value, tolerance, `${key}.${sub}`);
    }
  }
}

describe('computeAgreement reproduces the reference data', () => {
  for (const [name, set] of Object.entries(reference)) {
    const sources = [...new Set(set.published.map((p) => p.source.split(';')[0]))].join('; ');
    describe(`${name} (${sources})`, () => {
      const report = computeAgreement(loadLongCsv(`${REFERENCE_DATA_DIR}${set.files.long}`), {
        bootstrap: 0,
      });

      it('matches every key of expected.json to 1e-6', () => {
        for (const [key, expected] of Object.entries(set.expected)) {
          expectClose(valueAt(report, key), expected, 1e-6, key);
        }
      });

      for (const form of ['long', 'wide'] as const) {
        it(`matches expected.json when the ${form} file goes through parseSample`, () => {
          const parsed = parseSample(readFileSync(`${REFERENCE_DATA_DIR}${set.files[form]}`));
          expect(parsed.ok).toBe(true);
          const sample: EncodedSample | undefined = parsed.ok ? parsed.value.sample : undefined;
          if (sample === undefined) return;
          const viaParser = computeAgreement(sample, { bootstrap: 0 });
          for (const [key, expected] of Object.entries(set.expected)) {
            expectClose(valueAt(viaParser, key), expected, 1e-6, key);
          }
        });
      }

      for (const published of set.published) {
        it(`reproduces ${published.key} = ${published.value} (${published.source})`, () => {
          const digits = String(published.value).split('.')[1]?.length ?? 0;
          expectClose(
            valueAt(report, published.key),
            published.value,
            0.5 * 10 ** -digits + 1e-12,
            published.key,
          );
        });
      }

      it('leaves nothing NaN and explains every null it could have had', () => {
        expect(JSON.stringify(report)).not.toContain('NaN');
        if (report.fleissKappa === null) expect(report.warnings.map((w) => w.key)).toContain('fleissKappa');
      });
    });
  }
});
