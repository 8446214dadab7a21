/**
 * Dictionary encoding of ids straight from UTF-8 bytes: an open-addressing hash table over byte slices, so a
 * million-row file decodes only its distinct ids to strings (decoding every field is what makes generic CSV
 * parsers slow here).
 */

const EMPTY_POOL = new Uint8Array(0);
const utf8 = new TextEncoder();

export class ByteInterner {
  /** Per slot: hash, then id + 1 (0 = empty). Kept at most half full. */
  private table: Int32Array = new Int32Array(2048);
  private mask = 1023;
  private hashes: Int32Array = new Int32Array(256);
  private starts: Int32Array = new Int32Array(256);
  private ends: Int32Array = new Int32Array(256);
  private pool: Uint8Array = new Uint8Array(4096);
  private poolLength = 0;
  private scratch: Uint8Array = EMPTY_POOL;
  private last = -1;
  private allAscii = true;
  size = 0;

  /** The id of the bytes `buf[start..end)`, adding them when new. */
  intern(buf: Uint8Array, start: number, end: number): number {
    const len = end - start;
    const pool = this.pool;
    // Sorted files repeat the previous id (long rows of one item): check it before hashing.
    const last = this.last;
    if (last >= 0) {
      const s = this.starts[last] ?? 0;
      if ((this.ends[last] ?? 0) - s === len) {
        let k = 0;
        while (k < len && pool[s + k] === buf[start + k]) k++;
        if (k === len) return last;
      }
    }
    // FNV-1a: 32-bit, enough for short ids behind the byte comparison.
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ (buf[i] ?? 0), 0x01000193);
    // The table interleaves (hash, id + 1) per slot, so a probe reads one cache line.
    const table = this.table;
    const mask = this.mask;
    let slot = h & mask;
    for (;;) {
      const entry = table[2 * slot + 1] ?? 0;
      if (entry === 0) break;
      if (table[2 * slot] === h) {
        const id = entry - 1;
        const s = this.starts[id] ?? 0;
        if ((this.ends[id] ?? 0) - s === len) {
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
    const id = this.add(buf, start, end, h);
    table[2 * slot] = h;
    table[2 * slot + 1] = id + 1;
    if (this.size * 2 > mask) this.rehash();
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
    if (this.allAscii) {
      // One decode of the whole pool, then slices: byte offsets are character offsets in ASCII.
      const whole = decoder.decode(this.pool.subarray(0, this.poolLength));
      for (let id = 0; id < this.size; id++) out[id] = whole.slice(this.starts[id], this.ends[id]);
    } else {
      for (let id = 0; id < this.size; id++) {
        out[id] = decoder.decode(this.pool.subarray(this.starts[id] ?? 0, this.ends[id] ?? 0));
      }
    }
    return out;
  }

  private add(buf: Uint8Array, start: number, end: number, h: number): number {
    const id = this.size;
    if (id === this.hashes.length) {
      this.hashes = grow(this.hashes);
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
    }
    const len = end - start;
    if (this.poolLength + len > this.pool.length) {
      const next = new Uint8Array(Math.max(this.pool.length * 2, this.poolLength + len));
      next.set(this.pool.subarray(0, this.poolLength));
      this.pool = next;
    }
    for (let k = 0; k < len; k++) {
      const b = buf[start + k] ?? 0;
      if (b >= 0x80) this.allAscii = false;
      this.pool[this.poolLength + k] = b;
    }
    this.hashes[id] = h;
    this.starts[id] = this.poolLength;
    this.ends[id] = this.poolLength + len;
    this.poolLength += len;
    this.size = id + 1;
    return id;
  }

  private rehash(): void {
    const capacity = (this.mask + 1) * 2;
    const table = new Int32Array(capacity * 2);
    const mask = capacity - 1;
    for (let id = 0; id < this.size; id++) {
      const h = this.hashes[id] ?? 0;
      let slot = h & mask;
      while ((table[2 * slot + 1] ?? 0) !== 0) slot = (slot + 1) & mask;
      table[2 * slot] = h;
      table[2 * slot + 1] = id + 1;
    }
    this.table = table;
    this.mask = mask;
  }
}

function grow(a: Int32Array): Int32Array {
  const next = new Int32Array(a.length * 2);
  next.set(a);
  return next;
}
