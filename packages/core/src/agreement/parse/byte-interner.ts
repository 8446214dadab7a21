/**
 * Dictionary encoding of ids straight from UTF-8 bytes: an open-addressing hash table over byte slices, so a
 * million-row file decodes only its distinct ids to strings (decoding every field is what makes generic CSV
 * parsers slow here).
 */

const EMPTY_POOL = new Uint8Array(0);
const utf8 = new TextEncoder();
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const INITIAL_SLOTS = 1024;
const SHORT_CACHE_MASK = 255;

/** FNV-1a (32-bit) of `buf[start..end)`: enough for short ids, which are compared byte by byte behind it. */
export function hashBytes(buf: Uint8Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (buf[i] ?? 0), FNV_PRIME);
  return h;
}

export class ByteInterner {
  /** Per slot: hash, then id + 1 (0 = empty), interleaved so a probe reads one cache line. At most half full. */
  private table: Int32Array = new Int32Array(2 * INITIAL_SLOTS);
  private mask = INITIAL_SLOTS - 1;
  /** Per id: start and end of its bytes in `pool`, side by side so a lookup reads one cache line. */
  private spans: Int32Array = new Int32Array(512);
  private pool: Uint8Array = new Uint8Array(4096);
  private poolLength = 0;
  private scratch: Uint8Array = EMPTY_POOL;
  private last = -1;
  /** Per entry: packed bytes, length (0 = empty: a length-0 id never reaches the cache), id. */
  private readonly shortCache = new Int32Array(3 * (SHORT_CACHE_MASK + 1));
  private allAscii = true;
  size = 0;

  /** Sizes the table and arrays once for about `ids` distinct ids of `bytesEach` bytes (an estimate). */
  reserve(ids: number, bytesEach: number): void {
    const wanted = Math.ceil(ids);
    if (wanted * 2 > this.mask + 1) {
      let slots = this.mask + 1;
      while (slots < wanted * 2) slots *= 2;
      this.rehash(slots);
    }
    if (wanted * 2 > this.spans.length) this.spans = resized(this.spans, wanted * 2);
    const bytes = Math.ceil(wanted * bytesEach);
    if (bytes > this.pool.length) {
      const next = new Uint8Array(bytes);
      next.set(this.pool.subarray(0, this.poolLength));
      this.pool = next;
    }
  }

  /** The id of the bytes `buf[start..end)`, adding them when new. */
  intern(buf: Uint8Array, start: number, end: number): number {
    const len = end - start;
    if (len > 4) return this.internLong(buf, start, end);
    // Short ids (annotator codes, labels like `0` or `pos`) change every row, so the last-id check misses;
    // packed into one int, they hit a small direct-mapped cache instead of being hashed and compared.
    let packed = 0;
    for (let k = 0; k < len; k++) packed |= (buf[start + k] ?? 0) << (8 * k);
    const cache = this.shortCache;
    const at = 3 * ((packed ^ (packed >>> 13) ^ (len << 5)) & SHORT_CACHE_MASK);
    if (cache[at] === packed && cache[at + 1] === len) return cache[at + 2] ?? 0;
    const id = this.internLong(buf, start, end);
    cache[at] = packed;
    cache[at + 1] = len;
    cache[at + 2] = id;
    return id;
  }

  private internLong(buf: Uint8Array, start: number, end: number): number {
    const len = end - start;
    const pool = this.pool;
    const spans = this.spans;
    // Sorted files repeat the previous id (long rows of one item): check it before hashing.
    const last = this.last;
    if (last >= 0) {
      const s = spans[2 * last] ?? 0;
      if ((spans[2 * last + 1] ?? 0) - s === len) {
        let k = 0;
        while (k < len && pool[s + k] === buf[start + k]) k++;
        if (k === len) return last;
      }
    }
    const h = hashBytes(buf, start, end);
    const table = this.table;
    const mask = this.mask;
    let slot = h & mask;
    for (;;) {
      const entry = table[2 * slot + 1] ?? 0;
      if (entry === 0) break;
      if (table[2 * slot] === h) {
        const id = entry - 1;
        const s = spans[2 * id] ?? 0;
        if ((spans[2 * id + 1] ?? 0) - s === len) {
          let k = 0;
          while (k < len && pool[s + k] === buf[start + k]) k++;
          if (k === len) {
            this.last = id;
            return id;
          }
        }
      }
      slot = (slot + 1) & mask;
    }
    const id = this.add(buf, start, end);
    table[2 * slot] = h;
    table[2 * slot + 1] = id + 1;
    if (this.size * 2 > mask) this.rehash(2 * (mask + 1));
    this.last = id;
    return id;
  }

  /** The id of a string (encoded to UTF-8 first, so it shares ids with byte-sliced fields). */
  internString(value: string): number {
    const needed = value.length * 3;
    if (this.scratch.length < needed) this.scratch = new Uint8Array(Math.max(needed, 256));
    const { written } = utf8.encodeInto(value, this.scratch);
    return this.intern(this.scratch, 0, written);
  }

  /** All ids as strings, by id. */
  strings(): string[] {
    const out = new Array<string>(this.size);
    const decoder = new TextDecoder();
    const spans = this.spans;
    if (this.allAscii) {
      // One decode of the whole pool, then slices: byte offsets are character offsets in ASCII.
      const whole = decoder.decode(this.pool.subarray(0, this.poolLength));
      for (let id = 0; id < this.size; id++) out[id] = whole.slice(spans[2 * id], spans[2 * id + 1]);
    } else {
      for (let id = 0; id < this.size; id++) {
        out[id] = decoder.decode(this.pool.subarray(spans[2 * id] ?? 0, spans[2 * id + 1] ?? 0));
      }
    }
    return out;
  }

  private add(buf: Uint8Array, start: number, end: number): number {
    const id = this.size;
    if (2 * id === this.spans.length) this.spans = resized(this.spans, this.spans.length * 2);
    const len = end - start;
    if (this.poolLength + len > this.pool.length) {
      const next = new Uint8Array(Math.max(this.pool.length * 2, this.poolLength + len));
      next.set(this.pool.subarray(0, this.poolLength));
      this.pool = next;
    }
    const pool = this.pool;
    const at = this.poolLength;
    let high = 0;
    for (let k = 0; k < len; k++) {
      const b = buf[start + k] ?? 0;
      high |= b;
      pool[at + k] = b;
    }
    if (high >= 0x80) this.allAscii = false;
    this.spans[2 * id] = at;
    this.spans[2 * id + 1] = at + len;
    this.poolLength = at + len;
    this.size = id + 1;
    return id;
  }

  /** Moves every entry to a table of `slots` slots (a power of two), reading the hashes from the old table. */
  private rehash(slots: number): void {
    const old = this.table;
    const table = new Int32Array(slots * 2);
    const mask = slots - 1;
    for (let from = 0; from < old.length; from += 2) {
      const entry = old[from + 1] ?? 0;
      if (entry === 0) continue;
      const h = old[from] ?? 0;
      let slot = h & mask;
      while ((table[2 * slot + 1] ?? 0) !== 0) slot = (slot + 1) & mask;
      table[2 * slot] = h;
      table[2 * slot + 1] = entry;
    }
    this.table = table;
    this.mask = mask;
  }
}

function resized(a: Int32Array, length: number): Int32Array {
  const next = new Int32Array(length);
  next.set(a.subarray(0, Math.min(a.length, length)));
  return next;
}
