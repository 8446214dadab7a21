/**
 * Text limits, refused rather than cut: a field over its limit shows its count ("81/80") and its form
 * refuses to send it, so nobody's name is ever shortened without them seeing it. The count is what is
 * saved: the server trims names before it checks their length.
 */

/** The characters a value counts towards its limit: its ends trimmed, as the server saves it. */
export function countedLength(value: string): number {
  return value.trim().length;
}

export function isOverLimit(value: string, limit: number): boolean {
  return countedLength(value) > limit;
}

/** "81/80": the count against the limit, as the field shows it. */
export function lengthCounter(value: string, limit: number): string {
  return `${countedLength(value)}/${limit}`;
}

/** The counter appears once a value nears its limit (from 80 % of it), so short limits do not clutter. */
export function showsCounter(value: string, limit: number): boolean {
  return countedLength(value) >= limit * 0.8;
}

/** "Sample name: 121/120 characters, 1 too many." for a value over its limit, else undefined. */
export function tooLongMessage(label: string, value: string, limit: number): string | undefined {
  const over = countedLength(value) - limit;
  if (over <= 0) return undefined;
  const name = label.replace(/\s*\(optional\)$/, '');
  return `${name}: ${lengthCounter(value, limit)} characters, ${over} too many.`;
}
