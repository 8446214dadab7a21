import { inflateSync } from 'node:zlib';

/** Every stream of a PDF, inflated when it is Flate-compressed (Chromium compresses them all). */
function streams(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  // `\b` keeps "endstream" from counting as the start of a stream.
  const start = /\bstream\r?\n/g;
  for (let match = start.exec(raw); match !== null; match = start.exec(raw)) {
    const from = match.index + match[0].length;
    const to = raw.indexOf('endstream', from);
    if (to < 0) break;
    const bytes = pdf.subarray(from, to);
    try {
      out.push(inflateSync(bytes).toString('latin1'));
    } catch {
      out.push(bytes.toString('latin1'));
    }
    start.lastIndex = to;
  }
  return out;
}

/** Glyph id → text, from the fonts' ToUnicode CMaps (`bfchar` pairs and `bfrange` runs). */
function glyphMap(all: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  const blocks = (cmap: string, kind: string) =>
    [...cmap.matchAll(new RegExp(`begin${kind}([\\s\\S]*?)end${kind}`, 'g'))].map((m) => m[1] ?? '');
  const hexes = (line: string) => [...line.matchAll(/<([0-9A-Fa-f]+)>/g)].map((m) => m[1] ?? '');
  for (const cmap of all.filter((s) => s.includes('begincmap'))) {
    for (const block of blocks(cmap, 'bfchar')) {
      for (const line of block.split('\n')) {
        const [gid, text] = hexes(line);
        if (gid && text) map.set(gid.toUpperCase(), String.fromCodePoint(Number.parseInt(text, 16)));
      }
    }
    for (const block of blocks(cmap, 'bfrange')) {
      for (const line of block.split('\n')) {
        const [lo, hi, first] = hexes(line);
        if (!lo || !hi || !first) continue;
        for (let gid = Number.parseInt(lo, 16); gid <= Number.parseInt(hi, 16); gid += 1) {
          const text = Number.parseInt(first, 16) + gid - Number.parseInt(lo, 16);
          map.set(gid.toString(16).toUpperCase().padStart(lo.length, '0'), String.fromCodePoint(text));
        }
      }
    }
  }
  return map;
}

/**
 * The text of each page of a PDF printed by Chromium, crudely: the hex glyph strings of each page's
 * content stream decoded through the ToUnicode maps, without spacing or layout. Enough to ask "does
 * page 2 carry the header?"; not a general PDF reader (Chromium writes 2-byte glyph ids, one stream
 * per page, in page order).
 */
export function pdfPageTexts(pdf: Buffer): string[] {
  const all = streams(pdf);
  const glyphs = glyphMap(all);
  return all
    .filter((s) => /\bBT\b[\s\S]*\bET\b/.test(s) && !s.includes('begincmap'))
    .map((content) =>
      [...content.matchAll(/<([0-9A-Fa-f]+)>\s*Tj|\[([^\]]*)\]\s*TJ/g)]
        .flatMap((m) => (m[1] ?? m[2] ?? '').match(/[0-9A-Fa-f]{4}/g) ?? [])
        .map((gid) => glyphs.get(gid.toUpperCase()) ?? '')
        .join(''),
    );
}
