/**
 * Background and text colour of a heatmap cell: a white-to-purple scale for a value in [0, 1], with
 * white text on dark cells and the body text colour on light ones, each at least 4.5:1 (WCAG AA).
 */

/** At or below this lightness of the scale's purple, white text reaches 4.8:1. */
const WHITE_TEXT_MAX_LIGHTNESS = 56;
/** At or above this lightness, the body text colour (--color-text) reaches 4.7:1. */
const DARK_TEXT_MIN_LIGHTNESS = 63;

export function heatmapCellStyle(value: number | null): { background: string; color: string } {
  if (value === null) return { background: 'var(--color-surface)', color: 'var(--color-text-muted)' };
  const v = Math.max(0, Math.min(1, value));
  let lightness = 96 - v * 66;
  // Between the two bounds neither white nor dark text is readable enough on this hue (near 60% both
  // fall to about 4.1:1): such cells snap to the nearer bound, a shade no reader can tell apart.
  if (lightness > WHITE_TEXT_MAX_LIGHTNESS && lightness < DARK_TEXT_MIN_LIGHTNESS) {
    const middle = (WHITE_TEXT_MAX_LIGHTNESS + DARK_TEXT_MIN_LIGHTNESS) / 2;
    lightness = lightness < middle ? WHITE_TEXT_MAX_LIGHTNESS : DARK_TEXT_MIN_LIGHTNESS;
  }
  return {
    background: `hsl(272 52% ${lightness}%)`,
    color: lightness <= WHITE_TEXT_MAX_LIGHTNESS ? '#ffffff' : 'var(--color-text)',
  };
}
