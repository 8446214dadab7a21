import { bandTone } from './format';

/** A band's name on its colour (good, fair, poor; agreement.css), or `fallback` when there is none. */
export function BandChip({ band, fallback = '—' }: { band: string | null | undefined; fallback?: string }) {
  const tone = bandTone(band);
  if (!band) return <span className="muted">{fallback}</span>;
  return <span className={tone ? `band band--${tone}` : 'band'}>{band}</span>;
}
