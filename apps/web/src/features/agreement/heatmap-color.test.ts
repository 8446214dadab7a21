import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { heatmapCellStyle } from './heatmap-color';

// The body text colour as the design tokens define it, so the test follows a change of token.
const tokens = readFileSync(new URL('../../styles/tokens.css', import.meta.url), 'utf8');
const TEXT_COLOR = /--color-text:\s*(#[0-9a-f]{6})/i.exec(tokens)?.[1] ?? '';

type Rgb = readonly [number, number, number];

function fromHex(hex: string): Rgb {
  return [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255) as unknown as Rgb;
}

/** CSS `hsl(h s% l%)` to sRGB in [0, 1] (the CSS Color 4 formula). */
function fromHsl(css: string): Rgb {
  const match = /^hsl\(([\d.]+) ([\d.]+)% ([\d.]+)%\)$/.exec(css);
  if (!match) throw new Error(`not an hsl() colour: ${css}`);
  const [h, s, l] = [Number(match[1]), Number(match[2]) / 100, Number(match[3]) / 100];
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
  };
  return [f(0), f(8), f(4)];
}

function luminance([r, g, b]: Rgb): number {
  const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function contrast(x: Rgb, y: Rgb): number {
  const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('heatmapCellStyle', () => {
  it('keeps every cell text at 4.5:1 or more, whatever the value', () => {
    expect(TEXT_COLOR).toMatch(/^#/);
    for (let i = 0; i <= 1000; i += 1) {
      const style = heatmapCellStyle(i / 1000);
      const text = style.color === 'var(--color-text)' ? fromHex(TEXT_COLOR) : fromHex(style.color);
      expect(contrast(fromHsl(style.background), text), `value ${i / 1000}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('still orders cells: a higher value is never lighter', () => {
    const lightness = (v: number) => Number(/ ([\d.]+)%\)$/.exec(heatmapCellStyle(v).background)?.[1]);
    for (let i = 1; i <= 100; i += 1)
      expect(lightness(i / 100)).toBeLessThanOrEqual(lightness((i - 1) / 100));
    expect(heatmapCellStyle(null).color).toBe('var(--color-text-muted)');
  });
});
