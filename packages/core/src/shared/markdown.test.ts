import { describe, expect, it } from 'vitest';
import { escapeMarkdownHtml } from './markdown';

describe('escapeMarkdownHtml', () => {
  it('turns markup into entities and escapes an ampersand first, so entities typed by users stay text', () => {
    expect(escapeMarkdownHtml('<img src=x onerror=alert(1)><script>alert(1)</script>')).toBe(
      '&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(1)&lt;/script&gt;',
    );
    expect(escapeMarkdownHtml('R&D &lt; 3')).toBe('R&amp;D &amp;lt; 3');
    expect(escapeMarkdownHtml('plain *text*')).toBe('plain *text*');
  });
});
