import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOverLimit, lengthCounter, showsCounter, tooLongMessage } from './text-limit';

describe('text limits', () => {
  it('counts what is saved, its ends trimmed', () => {
    expect(lengthCounter(`  ${'a'.repeat(80)}  `, 80)).toBe('80/80');
    expect(isOverLimit(`${'a'.repeat(80)} `, 80)).toBe(false);
    expect(isOverLimit('a'.repeat(81), 80)).toBe(true);
  });

  it('names the field and the excess of a value over its limit', () => {
    expect(tooLongMessage('Sample name', 'a'.repeat(121), 120)).toBe(
      'Sample name: 121/120 characters, 1 too many.',
    );
    expect(tooLongMessage('Note for this version (optional)', 'a'.repeat(502), 500)).toBe(
      'Note for this version: 502/500 characters, 2 too many.',
    );
    expect(tooLongMessage('Sample name', 'a'.repeat(120), 120)).toBeUndefined();
  });

  it('shows the counter from 80 % of the limit', () => {
    expect(showsCounter('a'.repeat(63), 80)).toBe(false);
    expect(showsCounter('a'.repeat(64), 80)).toBe(true);
    expect(showsCounter('a'.repeat(81), 80)).toBe(true);
  });
});

describe('the web app', () => {
  it('never cuts what people type: no control has a maxLength, fields take a limit and show the count', () => {
    const root = join(import.meta.dirname, '..');
    const cutting = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((path) => path.endsWith('.tsx'))
      .filter((path) => /\bmaxLength=\{/.test(readFileSync(join(root, path), 'utf8')));
    expect(cutting).toEqual([]);
  });
});
