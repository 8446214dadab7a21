/**
 * Seeded synthetic labeled samples for the agreement benchmark, written to `.bench/` (gitignored) and reused
 * when already there. Each item has a true category; an annotator gives it with probability 0.7, else a
 * uniformly random category; a cell is missing with probability `missing`.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a tiny seeded PRNG, enough for reproducible synthetic data. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DenseSpec {
  readonly items: number;
  readonly annotators: number;
  readonly categories: number;
  readonly missing: number;
  readonly seed: number;
}

/** Writes through a buffer in big blocks: far faster than one write per row. */
class BlockWriter {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly fd: number) {}
  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}

function writeAtomically(path: string, fill: (out: BlockWriter) => void): void {
  const temporary = `${path}.tmp`;
  const fd = openSync(temporary, 'w');
  const out = new BlockWriter(fd);
  fill(out);
  out.flush();
  closeSync(fd);
  renameSync(temporary, path);
}

/** A long CSV (`item,annotator,label`), generated once. Returns its path and size in bytes. */
export function ensureDenseLongCsv(
  dir: string,
  name: string,
  spec: DenseSpec,
): { path: string; bytes: number } {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  if (!existsSync(path)) {
    const random = createRandom(spec.seed);
    writeAtomically(path, (out) => {
      out.write('item,annotator,label\n');
      for (let i = 0; i < spec.items; i++) {
        const truth = Math.floor(random() * spec.categories);
        let rows = '';
        for (let a = 0; a < spec.annotators; a++) {
          if (random() < spec.missing) continue;
          const label = random() < 0.7 ? truth : Math.floor(random() * spec.categories);
          rows += `i${i},r${a},${label}\n`;
        }
        out.write(rows);
      }
    });
  }
  return { path, bytes: statSync(path).size };
}

/**
 * The same cells as `ensureDenseLongCsv(spec)` (same seed, same labels), written in a seeded random row
 * order, so that item ids no longer come grouped: the parser and the statistics must then regroup them.
 */
export function ensureShuffledLongCsv(
  dir: string,
  name: string,
  spec: DenseSpec,
  shuffleSeed = 11,
): { path: string; bytes: number } {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  if (!existsSync(path)) {
    const random = createRandom(spec.seed);
    const capacity = spec.items * spec.annotators;
    // One cell as item · annotators · categories + annotator · categories + label: one int per row.
    const cells = new Float64Array(capacity);
    let count = 0;
    for (let i = 0; i < spec.items; i++) {
      const truth = Math.floor(random() * spec.categories);
      for (let a = 0; a < spec.annotators; a++) {
        if (random() < spec.missing) continue;
        const label = random() < 0.7 ? truth : Math.floor(random() * spec.categories);
        cells[count++] = (i * spec.annotators + a) * spec.categories + label;
      }
    }
    const shuffle = createRandom(shuffleSeed);
    for (let k = count - 1; k > 0; k--) {
      const j = Math.floor(shuffle() * (k + 1));
      const t = cells[k] ?? 0;
      cells[k] = cells[j] ?? 0;
      cells[j] = t;
    }
    writeAtomically(path, (out) => {
      out.write('item,annotator,label\n');
      let rows = '';
      for (let k = 0; k < count; k++) {
        const cell = cells[k] ?? 0;
        const label = cell % spec.categories;
        const slot = (cell - label) / spec.categories;
        const a = slot % spec.annotators;
        rows += `i${(slot - a) / spec.annotators},r${a},${label}\n`;
        if (rows.length > 1 << 16) {
          out.write(rows);
          rows = '';
        }
      }
      out.write(rows);
    });
  }
  return { path, bytes: statSync(path).size };
}

/**
 * Many annotators with few labels each (1,000 × 20 by default): 10,000 items with 2 labels from distinct
 * annotators, so the pairwise statistics see about 10,000 distinct annotator pairs.
 */
export function ensureSparseLongCsv(
  dir: string,
  name: string,
  annotators = 1000,
  labelsEach = 20,
  seed = 7,
): { path: string; bytes: number } {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  if (!existsSync(path)) {
    const random = createRandom(seed);
    const slots: number[] = [];
    for (let a = 0; a < annotators; a++) for (let k = 0; k < labelsEach; k++) slots.push(a);
    for (let i = slots.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = slots[i] ?? 0;
      slots[i] = slots[j] ?? 0;
      slots[j] = t;
    }
    writeAtomically(path, (out) => {
      out.write('item,annotator,label\n');
      for (let s = 0; s + 1 < slots.length; s += 2) {
        const first = slots[s] ?? 0;
        let second = slots[s + 1] ?? 0;
        if (second === first) second = (first + 1) % annotators;
        const truth = Math.floor(random() * 5);
        const other = random() < 0.7 ? truth : Math.floor(random() * 5);
        out.write(`i${s / 2},annotator${first},${truth}\ni${s / 2},annotator${second},${other}\n`);
      }
    });
  }
  return { path, bytes: statSync(path).size };
}
