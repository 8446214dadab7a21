/**
 * Text as a quoted CSS string (for `content:`), safe for any user text: quotes, backslashes, line
 * breaks and control characters become hex escapes, and so do `<` and `>`, so the text can never close
 * the `<style>` element it is written into.
 */
export function cssString(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this escapes.
  const escaped = text.replace(/["\\<>\u0000-\u001f\u007f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
  return `"${escaped}"`;
}
