import { describe, expect, it } from 'vitest';
import { cssString } from './css-string';

describe('cssString', () => {
  it('quotes plain text as it is', () => {
    expect(cssString('Ticket router — report v2')).toBe('"Ticket router — report v2"');
  });

  it('escapes quotes, backslashes, line breaks and the characters that could close a style element', () => {
    expect(cssString('a "b" \\ c\nd </style><script>')).toBe(
      '"a \\22 b\\22  \\5c  c\\a d \\3c /style\\3e \\3c script\\3e "',
    );
  });

  it('round-trips through the browser CSS parser rules: every escape is hex followed by one space', () => {
    const decoded = cssString('x"\\y\u0000')
      .slice(1, -1)
      .replace(/\\([0-9a-f]{1,6}) /g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    expect(decoded).toBe('x"\\y\u0000');
  });
});
