/** A preference between two items, put in canonical order (docs/product.md, "pairwise"). */
export interface CanonicalComparison {
  /** `<smaller id> vs <larger id>`. */
  readonly item: string;
  readonly label: PairwiseAnswer;
}

export type PairwiseAnswer = 'first' | 'second' | 'tie';

const FIRST = new Set(['a', 'left', 'first', '1']);
const SECOND = new Set(['b', 'right', 'second', '2']);
const TIE = new Set(['tie', 'equal', 'same', 'draw', 'both', 'neither']);

/** What an answer says: the item shown first (A, left), the second (B, right), a tie, or unreadable. */
export function readPairwiseChoice(choice: string): 'a' | 'b' | 'tie' | null {
  const text = choice.trim().toLowerCase();
  if (FIRST.has(text)) return 'a';
  if (SECOND.has(text)) return 'b';
  if (TIE.has(text)) return 'tie';
  return null;
}

/**
 * Puts a comparison in canonical order, the smaller item id first (code-unit order), and maps the answer
 * to `first` / `second` / `tie` in that order, so that "A over B" shown as (A, B) and as (B, A) are the
 * same item and the same label. `null` when the answer is unreadable.
 *
 * @example
 * canonicalComparison('doc-2', 'doc-1', 'left'); // { item: 'doc-1 vs doc-2', label: 'second' }
 */
export function canonicalComparison(
  itemA: string,
  itemB: string,
  choice: string,
): CanonicalComparison | null {
  const answer = readPairwiseChoice(choice);
  if (answer === null) return null;
  const swapped = itemB < itemA;
  const item = swapped ? `${itemB} vs ${itemA}` : `${itemA} vs ${itemB}`;
  if (answer === 'tie') return { item, label: 'tie' };
  const preferredFirst = (answer === 'a') !== swapped;
  return { item, label: preferredFirst ? 'first' : 'second' };
}
