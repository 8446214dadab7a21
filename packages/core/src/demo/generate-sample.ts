import Papa from 'papaparse';
import { createRandom, type Random } from '../shared';
import {
  AMBIGUITY,
  CATALOGUE,
  type CatalogueProduct,
  type Clarity,
  DEMO_BRANDS,
  type DemoLabel,
  PRODUCT_KINDS,
  type ProductKind,
} from './catalogue';

/** The seed of the committed sample file (apps/web/public/samples/medicines-titles.csv). */
export const DEMO_SEED = 20_240_611;
export const DEMO_ITEM_COUNT = 300;

export interface DemoAnnotator {
  readonly id: string;
  /** Multiplies the item's ambiguity: above 1 a less careful annotator. */
  readonly noise: number;
  /**
   * Extra chance of calling a health-related product that is not a medicine "medicine": the strict
   * annotator who would rather send too much to review than miss a drug.
   */
  readonly strictness: number;
}

export const DEMO_ANNOTATORS: readonly DemoAnnotator[] = [
  { id: 'amira', noise: 1, strictness: 0 },
  { id: 'bruno', noise: 1.3, strictness: 0 },
  { id: 'chen', noise: 0.8, strictness: 0.2 },
];

/** How the catalogue's kinds are mixed in a day of new listings on the marketplace. */
const KIND_WEIGHTS: Readonly<Record<ProductKind, number>> = {
  medicine: 0.35,
  supplement: 0.2,
  cosmetic: 0.15,
  device: 0.15,
  ordinary: 0.15,
};

/** A slip of the mouse: every annotator mislabels even a clear item now and then. */
const SLIP_RATE = 0.005;

export interface DemoItem {
  readonly title: string;
  readonly kind: ProductKind;
  readonly truth: DemoLabel;
  readonly clarity: Clarity;
}

export interface DemoAnnotation {
  readonly item: string;
  readonly annotator: string;
  readonly label: DemoLabel;
}

export interface DemoSample {
  readonly items: readonly DemoItem[];
  /** Every annotator labels every item, in item order then annotator order. */
  readonly annotations: readonly DemoAnnotation[];
}

const pick = <T>(random: Random, list: readonly T[]): T => {
  const value = list[random.nextInt(list.length)];
  if (value === undefined) throw new Error('pick from an empty list');
  return value;
};

function pickKind(random: Random): ProductKind {
  let u = random.nextFloat();
  for (const kind of PRODUCT_KINDS) {
    u -= KIND_WEIGHTS[kind];
    if (u < 0) return kind;
  }
  return 'ordinary';
}

function titleOf(random: Random, product: CatalogueProduct): string {
  const filled = product.pattern
    .replace('{dose}', pick(random, product.doses))
    .replace('{pack}', pick(random, product.packs));
  return `${pick(random, DEMO_BRANDS)} ${filled}`;
}

function drawItems(random: Random, count: number): DemoItem[] {
  const byKind = new Map(PRODUCT_KINDS.map((kind) => [kind, CATALOGUE.filter((p) => p.kind === kind)]));
  const seen = new Set<string>();
  const items: DemoItem[] = [];
  while (items.length < count) {
    const product = pick(random, byKind.get(pickKind(random)) ?? CATALOGUE);
    const title = titleOf(random, product);
    // A marketplace lists each title once; a repeat draw is simply drawn again.
    if (seen.has(title)) continue;
    seen.add(title);
    items.push({ title, kind: product.kind, truth: product.truth, clarity: product.clarity });
  }
  return items;
}

const other = (label: DemoLabel): DemoLabel => (label === 'medicine' ? 'not medicine' : 'medicine');

/**
 * The chance that `annotator` labels `item` against the guidelines, given the item's own difficulty
 * (drawn once per item, so the three annotators stumble on the same hard titles).
 */
function departureChance(item: DemoItem, difficulty: number, annotator: DemoAnnotator): number {
  const base = difficulty * annotator.noise;
  if (item.truth === 'medicine') return base * (annotator.strictness > 0 ? 0.5 : 1);
  const healthRelated = item.kind !== 'ordinary' || item.clarity !== 'clear';
  if (!healthRelated) return base;
  const lean = annotator.strictness * (item.clarity === 'clear' ? 0.05 : 1);
  return base + (1 - base) * lean;
}

/**
 * Generates the demo's labeled sample: `count` product titles, each labeled medicine / not medicine by
 * three annotators with realistic disagreement: clear products almost always agree, supplements,
 * medicated cosmetics and veterinary products split the annotators, and "chen" flags health-related
 * products more readily than the others. Deterministic: the same seed gives the same sample everywhere.
 *
 * @example
 * generateDemoSample(DEMO_SEED).annotations.length; // 900 (300 titles × 3 annotators)
 */
export function generateDemoSample(seed: number = DEMO_SEED, count: number = DEMO_ITEM_COUNT): DemoSample {
  const random = createRandom(seed);
  const items = drawItems(random, count);
  const annotations: DemoAnnotation[] = [];
  for (const item of items) {
    const difficulty = AMBIGUITY[item.clarity] * (0.5 + random.nextFloat());
    for (const annotator of DEMO_ANNOTATORS) {
      const departs = random.nextFloat() < departureChance(item, difficulty, annotator);
      const slips = random.nextFloat() < SLIP_RATE;
      const label = departs !== slips ? other(item.truth) : item.truth;
      annotations.push({ item: item.title, annotator: annotator.id, label });
    }
  }
  return { items, annotations };
}

/** The sample as a long CSV (`item,annotator,label`, one row per label), the format uploads and the CLI read. */
export function demoSampleToCsv(sample: DemoSample): string {
  return `${Papa.unparse(
    {
      fields: ['item', 'annotator', 'label'],
      data: sample.annotations.map((a) => [a.item, a.annotator, a.label]),
    },
    { newline: '\n' },
  )}\n`;
}
