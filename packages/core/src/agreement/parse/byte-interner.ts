/**
 * Dictionary encoding of ids straight from UTF-8 bytes: an open-addressing hash table over byte slices, so a
 * million-row file decodes only its distinct ids to strings (decoding every field is what makes generic CSV
 * parsers slow here).
 *
 * Millions of distinct ids in random row order make every lookup a cache miss, so a lookup touches as few
 * cache lines as possible: a slot holds the hash, the id and where its bytes are, and the bytes follow in
 * the pool (two lines per lookup; a separate id → bytes index would add a third). An id of 1 to 8 bytes
 * without a NUL byte (`i1135889`, most ids) is held in its slot itself, packed into two int32s, so its
 * lookup reads one line: on a shuffled file of millions of ids that halves the misses.
 *
 * Files sorted by item (by `sort`, or numbered ids in number order) need no table at all: while every new id
 * sorts after the one before it (bytewise, or shorter first then bytewise), a new id cannot be a repeat, so
 * it is appended without hashing. The first id out of both orders builds the table from the ids so far.
 */

import type { IdNames } from '../item-names';

const EMPTY_POOL = new Uint8Array(0);
const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();
/** As an int32, like every hash stored in the table (the hash of no bytes is this offset itself). */
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const INITIAL_SLOTS = 1024;
/**
 * Int32s per slot: hash, then either id + 1 (> 0), start in the pool and length, or (an inline id) -(id + 1)
 * and its bytes packed little-endian, zero-padded. 0 in the second int32 marks an empty slot.
 */
const SLOT = 4;
/** The short-id cache has 2^SHORT_CACHE_BITS entries. */
const SHORT_CACHE_BITS = 8;
/** Fibonacci hashing: the top bits of the product depend on every byte, so `r1`, `r2`… spread out. */
const GOLDEN = 0x9e3779b1;
/** Ids hashed and looked up together by `internAll`, like the rows of `DelimitedRows.flushLong`. */
const INTERN_ALL_BATCH = 64;

/** Interned ids as bytes: id `i` is `pool[offsets[i] .. offsets[i + 1])`; plain arrays, for `postMessage`. */
export interface InternedNames {
  readonly pool: Uint8Array;
  readonly offsets: Int32Array;
  readonly size: number;
}

/** Bytes of an inline id, set by `packInline`. */
let packedLow = 0;
let packedHigh = 0;

/**
 * Packs `buf[start..end)` into `packedLow`/`packedHigh` when it can be held in a slot: 1 to 8 bytes, none
 * of them 0 (so that the zero padding tells the length, and equal words mean equal ids).
 */
function packInline(buf: Uint8Array, start: number, end: number): boolean {
  const len = end - start;
  if (len === 0 || len > 8) return false;
  let low = 0;
  let high = 0;
  for (let k = 0; k < len; k++) {
    const b = buf[start + k] ?? 0;
    if (b === 0) return false;
    if (k < 4) low |= b << (8 * k);
    else high |= b << (8 * (k - 4));
  }
  packedLow = low;
  packedHigh = high;
  return true;
}

/** FNV-1a (32-bit) of `buf[start..end)`: enough for short ids, which are compared byte by byte behind it. */
export function hashBytes(buf: Uint8Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (buf[i] ?? 0), FNV_PRIME);
  return h;
}

export class ByteInterner {
  /** SLOT int32s per slot; at most half the slots are used. */
  private table: Int32Array = new Int32Array(SLOT * INITIAL_SLOTS);
  private mask = INITIAL_SLOTS - 1;
  private pool: Uint8Array = new Uint8Array(4096);
  private poolLength = 0;
  private scratch: Uint8Array = EMPTY_POOL;
  /** Start of each id's bytes in the pool, by id; the next id's start (or the pool's end) ends it. */
  private offsets: Int32Array = new Int32Array(INITIAL_SLOTS);
  /** Whether the table holds every id; until then ids are known to be new by their order (see above). */
  private hashed = false;
  /** Whether every id so far sorted after the previous one: bytewise, and shorter first then bytewise. */
  private bytewise = true;
  private shortlex = true;
  /** The last id returned and its bytes in the pool: sorted files repeat it row after row. */
  private last = -1;
  private lastStart = 0;
  private lastLength = 0;
  /** Per entry: packed bytes, length (0 = empty: a length-0 id never reaches the cache), id. */
  private readonly shortCache = new Int32Array(3 << SHORT_CACHE_BITS);
  private allAscii = true;
  size = 0;
  /** Keeps the values of the cache-warming loads in `internAll`, so they are not optimized away. */
  sink = 0;

  /** True until an id arrives out of order: until then lookups need no hashing (see above). */
  get ordered(): boolean {
    return !this.hashed;
  }

  /** Sizes the table and the pool once for about `ids` distinct ids as long on average as those so far. */
  reserve(ids: number): void {
    const bytesEach = this.size > 0 ? this.poolLength / this.size + 1 : 16;
    const wanted = Math.ceil(ids);
    if (wanted + 1 > this.offsets.length) this.offsets = resized(this.offsets, wanted + 1);
    if (this.hashed && wanted * 2 > this.mask + 1) {
      let slots = this.mask + 1;
      while (slots < wanted * 2) slots *= 2;
      this.rehash(slots);
    }
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
    if (len > 4 || len === 0) return this.lookup(buf, start, end);
    // Short ids (annotator codes, labels like `0` or `pos`) change every row, so the last-id check misses;
    // packed into one int, they hit a small direct-mapped cache instead of being hashed and compared.
    let packed = 0;
    for (let k = 0; k < len; k++) packed |= (buf[start + k] ?? 0) << (8 * k);
    const cache = this.shortCache;
    const at = 3 * (Math.imul(packed ^ len, GOLDEN) >>> (32 - SHORT_CACHE_BITS));
    if (cache[at] === packed && cache[at + 1] === len) return cache[at + 2] ?? 0;
    const id = this.lookup(buf, start, end);
    cache[at] = packed;
    cache[at + 1] = len;
    cache[at + 2] = id;
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
    return this.names().all();
  }

  /** The ids' names, decoded when asked for; holds only the bytes and their offsets, not the table. */
  names(): IdNames {
    const size = this.size;
    this.offsets[size] = this.poolLength;
    return new PooledNames(this.pool.subarray(0, this.poolLength), this.offsets, size, this.allAscii);
  }

  /** The ids' bytes and offsets as plain arrays, to send to another thread (see `internAll`). */
  exportNames(): InternedNames {
    const size = this.size;
    const offsets = this.offsets.slice(0, size + 1);
    offsets[size] = this.poolLength;
    return { pool: this.pool.slice(0, this.poolLength), offsets, size };
  }

  /**
   * Interns every id of `names` in their order, as if their bytes had been met here one after the other;
   * returns each one's id here. Hashed ones go by batches whose table slots are read first (`flushLong`).
   */
  internAll(names: InternedNames): Int32Array {
    const { pool, offsets, size } = names;
    const ids = new Int32Array(size);
    const hashes = new Int32Array(INTERN_ALL_BATCH);
    let touched = 0;
    for (let from = 0; from < size; from += INTERN_ALL_BATCH) {
      const to = Math.min(size, from + INTERN_ALL_BATCH);
      // Read once per batch: an id out of order may build the table halfway through it.
      const hashed = this.hashed;
      if (hashed) {
        for (let id = from; id < to; id++) {
          hashes[id - from] = hashBytes(pool, offsets[id] ?? 0, offsets[id + 1] ?? 0);
        }
        for (let id = from; id < to; id++) touched += this.touchSlot(hashes[id - from] ?? 0);
      }
      for (let id = from; id < to; id++) {
        const start = offsets[id] ?? 0;
        const end = offsets[id + 1] ?? 0;
        ids[id] = hashed
          ? this.internHashed(pool, start, end, hashes[id - from] ?? 0)
          : this.intern(pool, start, end);
      }
    }
    this.sink = touched;
    return ids;
  }

  /**
   * Reads the slot a hash starts probing at, so that its cache line is loaded before `internHashed` needs it.
   * Called for a batch of rows in a row, the misses overlap instead of each stalling a lookup in turn (JS has
   * no prefetch instruction; a plain load whose value is used does the same). Returns a value to keep.
   */
  touchSlot(h: number): number {
    return this.table[SLOT * (h & this.mask) + 2] ?? 0;
  }

  /** The same for the bytes of the id in that slot (if any), the second line a lookup reads. */
  touchBytes(h: number): number {
    const at = SLOT * (h & this.mask);
    const entry = this.table[at + 1] ?? 0;
    return entry > 0 ? (this.pool[this.table[at + 2] ?? 0] ?? 0) : entry;
  }

  /** `intern` when the caller has already hashed the bytes with `hashBytes`. */
  internHashed(buf: Uint8Array, start: number, end: number, h: number): number {
    if (this.isLast(buf, start, end)) return this.last;
    if (!this.hashed && this.followsOrder(buf, start, end)) return this.newId(buf, start, end);
    return this.probe(buf, start, end, h);
  }

  private lookup(buf: Uint8Array, start: number, end: number): number {
    if (this.isLast(buf, start, end)) return this.last;
    if (!this.hashed && this.followsOrder(buf, start, end)) return this.newId(buf, start, end);
    return this.probe(buf, start, end, hashBytes(buf, start, end));
  }

  /**
   * Before the table exists: whether `buf[start..end)` sorts after the newest id in one of the orders that
   * every id so far kept (so it is new); otherwise builds the table, as the bytes may be any earlier id.
   */
  private followsOrder(buf: Uint8Array, start: number, end: number): boolean {
    const size = this.size;
    if (size === 0) return true;
    const pool = this.pool;
    const newest = this.offsets[size - 1] ?? 0;
    const newestLength = this.poolLength - newest;
    const len = end - start;
    const common = Math.min(len, newestLength);
    let k = 0;
    while (k < common && pool[newest + k] === buf[start + k]) k++;
    const bytewise = k < common ? (buf[start + k] ?? 0) - (pool[newest + k] ?? 0) : len - newestLength;
    const shortlex = len === newestLength ? bytewise : len - newestLength;
    this.bytewise = this.bytewise && bytewise > 0;
    this.shortlex = this.shortlex && shortlex > 0;
    if (this.bytewise || this.shortlex) return true;
    this.hashAll();
    return false;
  }

  /** A new id for `buf[start..end)`, known not to be one already (the caller puts it in the table, if any). */
  private newId(buf: Uint8Array, start: number, end: number): number {
    const id = this.size;
    if (id + 1 >= this.offsets.length) this.offsets = resized(this.offsets, 2 * (id + 1));
    const s = this.append(buf, start, end);
    this.offsets[id] = s;
    this.size = id + 1;
    this.last = id;
    this.lastStart = s;
    this.lastLength = end - start;
    return id;
  }

  /** Puts every id so far in the table; from then on every lookup goes through it. */
  private hashAll(): void {
    this.hashed = true;
    let slots = this.mask + 1;
    while (slots < this.size * 2 + 2) slots *= 2;
    this.table = new Int32Array(slots * SLOT);
    this.mask = slots - 1;
    const offsets = this.offsets;
    const pool = this.pool;
    offsets[this.size] = this.poolLength;
    for (let id = 0; id < this.size; id++) {
      const s = offsets[id] ?? 0;
      const e = offsets[id + 1] ?? 0;
      this.place(hashBytes(pool, s, e), id, s, e - s);
    }
  }

  private isLast(buf: Uint8Array, start: number, end: number): boolean {
    const len = end - start;
    if (this.last < 0 || this.lastLength !== len) return false;
    const pool = this.pool;
    const s = this.lastStart;
    let k = 0;
    while (k < len && pool[s + k] === buf[start + k]) k++;
    return k === len;
  }

  private probe(buf: Uint8Array, start: number, end: number, h: number): number {
    if (packInline(buf, start, end)) return this.probeInline(buf, start, end, h, packedLow, packedHigh);
    const len = end - start;
    const pool = this.pool;
    const table = this.table;
    const mask = this.mask;
    let at = SLOT * (h & mask);
    for (;;) {
      const entry = table[at + 1] ?? 0;
      if (entry === 0) break;
      if (entry > 0 && table[at] === h && table[at + 3] === len) {
        const s = table[at + 2] ?? 0;
        let k = 0;
        while (k < len && pool[s + k] === buf[start + k]) k++;
        if (k === len) {
          this.last = entry - 1;
          this.lastStart = s;
          this.lastLength = len;
          return entry - 1;
        }
      }
      at = (at + SLOT) & (SLOT * mask + SLOT - 1);
    }
    const id = this.newId(buf, start, end);
    table[at] = h;
    table[at + 1] = id + 1;
    table[at + 2] = this.lastStart;
    table[at + 3] = len;
    if (this.size * 2 > mask) this.rehash(2 * (mask + 1));
    return id;
  }

  /** `probe` for an id held in its slot (`packInline`): one cache line, no bytes in the pool to compare. */
  private probeInline(
    buf: Uint8Array,
    start: number,
    end: number,
    h: number,
    low: number,
    high: number,
  ): number {
    const table = this.table;
    const mask = this.mask;
    let at = SLOT * (h & mask);
    for (;;) {
      const entry = table[at + 1] ?? 0;
      if (entry === 0) break;
      if (entry < 0 && table[at + 2] === low && table[at + 3] === high) {
        // Where its bytes are in the pool is not at hand (reading it would cost the miss saved), so the
        // last-id shortcut starts again from the next new id.
        this.last = -1;
        return -entry - 1;
      }
      at = (at + SLOT) & (SLOT * mask + SLOT - 1);
    }
    const id = this.newId(buf, start, end);
    table[at] = h;
    table[at + 1] = -(id + 1);
    table[at + 2] = low;
    table[at + 3] = high;
    if (this.size * 2 > mask) this.rehash(2 * (mask + 1));
    return id;
  }

  /** Writes the entry in the first free slot from the hash's (the id must not be in the table). */
  private place(h: number, id: number, start: number, len: number): void {
    const table = this.table;
    const wrap = SLOT * this.mask + SLOT - 1;
    let at = SLOT * (h & this.mask);
    while ((table[at + 1] ?? 0) !== 0) at = (at + SLOT) & wrap;
    table[at] = h;
    if (packInline(this.pool, start, start + len)) {
      table[at + 1] = -(id + 1);
      table[at + 2] = packedLow;
      table[at + 3] = packedHigh;
      return;
    }
    table[at + 1] = id + 1;
    table[at + 2] = start;
    table[at + 3] = len;
  }

  /** Copies the bytes to the end of the pool; returns where they start. */
  private append(buf: Uint8Array, start: number, end: number): number {
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
    this.poolLength = at + len;
    return at;
  }

  /** Moves every entry to a table of `slots` slots (a power of two), reading the hashes from the old table. */
  private rehash(slots: number): void {
    const old = this.table;
    const table = new Int32Array(slots * SLOT);
    const mask = slots - 1;
    for (let from = 0; from < old.length; from += SLOT) {
      if ((old[from + 1] ?? 0) === 0) continue;
      let at = SLOT * ((old[from] ?? 0) & mask);
      while ((table[at + 1] ?? 0) !== 0) at = (at + SLOT) & (SLOT * slots - 1);
      // Four plain copies: a subarray per entry would allocate millions of views.
      table[at] = old[from] ?? 0;
      table[at + 1] = old[from + 1] ?? 0;
      table[at + 2] = old[from + 2] ?? 0;
      table[at + 3] = old[from + 3] ?? 0;
    }
    this.table = table;
    this.mask = mask;
  }
}

class PooledNames implements IdNames {
  constructor(
    private readonly pool: Uint8Array,
    /** `size + 1` offsets: id `i` is `pool[offsets[i] .. offsets[i + 1])`. */
    private readonly offsets: Int32Array,
    readonly size: number,
    private readonly ascii: boolean,
  ) {}

  at(id: number): string {
    if (id < 0 || id >= this.size) return '';
    return utf8Decoder.decode(this.pool.subarray(this.offsets[id] ?? 0, this.offsets[id + 1] ?? 0));
  }

  all(): string[] {
    const { size, offsets, pool } = this;
    const out = new Array<string>(size);
    if (this.ascii) {
      // One decode of the whole pool, then slices: byte offsets are character offsets in ASCII.
      const whole = utf8Decoder.decode(pool);
      for (let id = 0; id < size; id++) out[id] = whole.slice(offsets[id], offsets[id + 1]);
    } else {
      for (let id = 0; id < size; id++)
        out[id] = utf8Decoder.decode(pool.subarray(offsets[id] ?? 0, offsets[id + 1] ?? 0));
    }
    return out;
  }
}

/** A copy of `a` in a new array of `capacity` elements (zero-filled past the copied ones). */
export function resized(a: Int32Array, capacity: number): Int32Array {
  const next = new Int32Array(capacity);
  next.set(a.subarray(0, Math.min(a.length, capacity)));
  return next;
}
