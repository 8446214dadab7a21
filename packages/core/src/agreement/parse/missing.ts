/** Words and counts for the cells read as missing because of how they were spelled (`NA`, `N/A`, `null`…). */
import { MISSING_SPELLINGS, missingSpellingIndex, trimAscii } from './text';

/** Most frequent first; ties in the order of `MISSING_SPELLINGS` (stored JSON does not keep key order). */
function orderedCounts(counts: Readonly<Record<string, number>>): [string, number][] {
  const rank = (spelling: string) => {
    const i = MISSING_SPELLINGS.indexOf(spelling);
    return i < 0 ? MISSING_SPELLINGS.length : i;
  };
  return Object.entries(counts)
    .filter(([, n]) => Number.isInteger(n) && n > 0)
    .sort(([a, m], [b, n]) => n - m || rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * The sentence that tells a user which non-empty cells were dropped as missing, e.g. "37 cells spelled NA
 * and 2 spelled N/A were read as missing annotations (an empty cell is missing too)."; `null` when none.
 * Said, not silent: "N/A" can be a real category ("not applicable"), and dropping it changes α.
 */
export function describeMissingSpellings(
  counts: Readonly<Record<string, number>>,
  /** `future` for a preview, before the file is read: "will be read as". */
  tense: 'past' | 'future' = 'past',
): string | null {
  const entries = orderedCounts(counts);
  const [first, ...rest] = entries;
  if (first === undefined) return null;
  const parts = [
    `${first[1]} ${first[1] === 1 ? 'cell' : 'cells'} spelled ${first[0]}`,
    ...rest.map(([spelling, n]) => `${n} spelled ${spelling}`),
  ];
  const listed = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  const verb = tense === 'future' ? 'will be' : total === 1 ? 'was' : 'were';
  const read = `${verb} read as ${total === 1 ? 'a missing annotation' : 'missing annotations'}`;
  return `${listed} ${read} (an empty cell is missing too).`;
}

/**
 * Counts the cells (as a CSV/TSV cell reads, trimmed) that the parser would read as missing because of
 * their spelling, e.g. over a preview's label cells; empty cells are not counted.
 */
export function countMissingSpellings(cells: Iterable<string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const cell of cells) {
    const text = trimAscii(cell);
    if (missingSpellingIndex(text) >= 0) counts[text] = (counts[text] ?? 0) + 1;
  }
  return counts;
}
