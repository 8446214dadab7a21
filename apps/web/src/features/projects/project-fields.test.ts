import { describe, expect, it } from 'vitest';
import { validateProjectDraft } from './project-fields';

describe('validateProjectDraft', () => {
  it('accepts a name and an empty description', () => {
    expect(validateProjectDraft({ name: 'Medicines detector for product titles', description: '' })).toEqual(
      {},
    );
  });

  it('refuses a blank name', () => {
    expect(validateProjectDraft({ name: '   ', description: '' })).toEqual({
      name: 'Enter a name for the project.',
    });
  });

  it('applies the API length limits (name 120 after trimming, description 2000)', () => {
    expect(validateProjectDraft({ name: ` ${'n'.repeat(120)} `, description: 'd'.repeat(2000) })).toEqual({});
    expect(validateProjectDraft({ name: 'n'.repeat(121), description: 'd'.repeat(2001) })).toEqual({
      name: 'Project name: 121/120 characters, 1 too many.',
      description: 'Description: 2001/2000 characters, 1 too many.',
    });
  });
});
