import { describe, expect, it } from 'vitest';
import { countMissingSpellings, describeMissingSpellings } from './missing';

describe('describeMissingSpellings', () => {
  it('names each spelling with its count, most frequent first', () => {
    expect(describeMissingSpellings({ 'N/A': 2, NA: 37 })).toBe(
      '37 cells spelled NA and 2 spelled N/A were read as missing annotations (an empty cell is missing too).',
    );
    expect(describeMissingSpellings({ null: 1, NA: 4, NaN: 1 })).toBe(
      '4 cells spelled NA, 1 spelled NaN and 1 spelled null were read as missing annotations (an empty cell is missing too).',
    );
  });

  it('agrees in number, and says nothing when no cell was spelled so', () => {
    expect(describeMissingSpellings({ NA: 1 })).toBe(
      '1 cell spelled NA was read as a missing annotation (an empty cell is missing too).',
    );
    expect(describeMissingSpellings({ '#N/A': 1, NA: 1 })).toBe(
      '1 cell spelled NA and 1 spelled #N/A were read as missing annotations (an empty cell is missing too).',
    );
    expect(describeMissingSpellings({ NA: 1 }, 'future')).toBe(
      '1 cell spelled NA will be read as a missing annotation (an empty cell is missing too).',
    );
    expect(describeMissingSpellings({ NA: 2, null: 1 }, 'future')).toBe(
      '2 cells spelled NA and 1 spelled null will be read as missing annotations (an empty cell is missing too).',
    );
    expect(describeMissingSpellings({})).toBeNull();
    // Stored JSON read back: zero or junk counts are not shown.
    expect(describeMissingSpellings({ NA: 0, null: Number.NaN })).toBeNull();
  });
});

describe('countMissingSpellings', () => {
  it('counts trimmed missing spellings, not empty cells or labels that only look alike', () => {
    expect(countMissingSpellings(['NA', ' NA ', '', 'N/A', 'None', 'NAB', 'x', 'NULL'])).toEqual({
      NA: 2,
      'N/A': 1,
      NULL: 1,
    });
  });
});
