import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from './config';

// The README's configuration table is the documentation users read; it must name every variable the server reads.
const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

describe('README configuration table', () => {
  it.each(CONFIG_VARIABLES.map((variable) => variable.name))('documents %s', (name) => {
    expect(readme).toContain(`| \`${name}\` |`);
  });
});
