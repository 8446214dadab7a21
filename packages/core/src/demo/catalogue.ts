/**
 * The product catalogue the demo's titles are drawn from: a marketplace that must flag listings selling
 * medicines. Each product carries the label the compliance guidelines give it and how ambiguous it is,
 * so that annotators disagree where real ones do (supplements, medicated cosmetics, veterinary products,
 * titles that mention a drug without selling one) and hardly ever on the clear cases.
 */

export const DEMO_LABELS = ['medicine', 'not medicine'] as const;
export type DemoLabel = (typeof DEMO_LABELS)[number];

export const PRODUCT_KINDS = ['medicine', 'supplement', 'cosmetic', 'device', 'ordinary'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

/** How often an unbiased annotator departs from the guidelines' label on a product of this clarity. */
export const AMBIGUITY = { clear: 0.01, unclear: 0.05, ambiguous: 0.18 } as const;
export type Clarity = keyof typeof AMBIGUITY;

export interface CatalogueProduct {
  readonly kind: ProductKind;
  /** The title with `{dose}` and `{pack}` placeholders filled from the lists below. */
  readonly pattern: string;
  readonly doses: readonly string[];
  readonly packs: readonly string[];
  /** The label the written guidelines give. */
  readonly truth: DemoLabel;
  readonly clarity: Clarity;
}

/** Fictional brands, so no title names a real company. */
export const DEMO_BRANDS = [
  'Medora',
  'Vitaleaf',
  'Puravia',
  'Northwell',
  'Calmera',
  'Brightskin',
  'HomeBasics',
  'Orchid Lane',
  'Kestrel',
  'Solano',
] as const;

/** A product of a section: its clarity, title pattern, and the doses and packs its titles take. */
type ProductRow = readonly [
  clarity: Clarity,
  pattern: string,
  doses: readonly string[],
  packs: readonly string[],
];

/** The products of one kind, which the guidelines all give the same label. */
const productsOf = (kind: ProductKind, truth: DemoLabel, rows: readonly ProductRow[]): CatalogueProduct[] =>
  rows.map(([clarity, pattern, doses, packs]) => ({ kind, truth, clarity, pattern, doses, packs }));

const TABLET_PACKS = ['16 tablets', '24 tablets', '32 tablets', '100 tablets'];
const CAPSULE_PACKS = ['21 capsules', '28 capsules', '30 capsules', '56 capsules'];
const SUPPLEMENT_PACKS = ['60 count', '90 count', '120 count', '180 count'];

export const CATALOGUE: readonly CatalogueProduct[] = [
  // Medicines the guidelines name: clear, except where the title hides the active ingredient.
  ...productsOf('medicine', 'medicine', [
    ['clear', 'Ibuprofen {dose} mg tablets, {pack}', ['200', '400'], TABLET_PACKS],
    ['clear', 'Paracetamol {dose} mg caplets, {pack}', ['500'], TABLET_PACKS],
    ['clear', 'Amoxicillin {dose} mg capsules, {pack}', ['250', '500'], CAPSULE_PACKS],
    [
      'clear',
      'Azithromycin {dose} mg antibiotic tablets, {pack}',
      ['250', '500'],
      ['3 tablets', '6 tablets'],
    ],
    ['clear', 'Doxycycline {dose} mg capsules, {pack}', ['100'], CAPSULE_PACKS],
    ['clear', 'Cetirizine {dose} mg allergy relief tablets, {pack}', ['10'], TABLET_PACKS],
    ['clear', 'Omeprazole {dose} mg gastro-resistant capsules, {pack}', ['20'], CAPSULE_PACKS],
    ['clear', 'Loratadine {dose} mg hay fever tablets, {pack}', ['10'], TABLET_PACKS],
    ['clear', 'Naproxen {dose} mg period pain tablets, {pack}', ['250'], TABLET_PACKS],
    ['unclear', 'Hydrocortisone {dose} cream, {pack}', ['0.5%', '1%'], ['15 g', '30 g']],
    ['unclear', 'Chloramphenicol {dose} antibiotic eye drops, {pack}', ['0.5%'], ['10 ml']],
    ['unclear', 'Aciclovir {dose} cold sore cream, {pack}', ['5%'], ['2 g', '10 g']],
    ['unclear', 'Clotrimazole {dose} athlete’s foot cream, {pack}', ['1%'], ['20 g']],
    ['ambiguous', 'Nicotine patches {dose} mg/24 h, {pack}', ['7', '14', '21'], ['7 patches', '28 patches']],
    ['ambiguous', 'Ketoconazole {dose} anti-dandruff shampoo, {pack}', ['2%'], ['60 ml', '120 ml']],
    [
      'ambiguous',
      'Flea and tick spot-on for dogs, {dose} kg, {pack}',
      ['10–20', '20–40'],
      ['3 pipettes', '6 pipettes'],
    ],
    ['ambiguous', 'Strong cough syrup with codeine, {pack}', [''], ['100 ml', '200 ml']],
  ]),

  // Food supplements: not medicines under the guidelines, but they look like ones.
  ...productsOf('supplement', 'not medicine', [
    ['clear', 'Vitamin D3 {dose} IU softgels, {pack}', ['1000', '4000'], SUPPLEMENT_PACKS],
    ['clear', 'Omega-3 fish oil {dose} mg capsules, {pack}', ['1000'], SUPPLEMENT_PACKS],
    ['unclear', 'Magnesium glycinate {dose} mg, {pack}', ['200', '400'], SUPPLEMENT_PACKS],
    ['unclear', 'Iron bisglycinate {dose} mg tablets, {pack}', ['14', '25'], SUPPLEMENT_PACKS],
    ['unclear', 'Probiotic {dose} billion CFU capsules, {pack}', ['20', '50'], SUPPLEMENT_PACKS],
    ['ambiguous', 'Melatonin {dose} mg sleep gummies, {pack}', ['1', '3'], SUPPLEMENT_PACKS],
    ['ambiguous', 'Echinacea cold and flu relief drops, {pack}', [''], ['30 ml', '50 ml']],
    ['ambiguous', 'CBD oil {dose} full spectrum drops, {pack}', ['5%', '10%'], ['10 ml', '30 ml']],
  ]),

  // Cosmetics: not medicines, except that some active ingredients blur the line.
  ...productsOf('cosmetic', 'not medicine', [
    ['clear', 'Hyaluronic acid face serum, {pack}', [''], ['30 ml', '50 ml']],
    ['clear', 'SPF {dose} sunscreen lotion, {pack}', ['30', '50'], ['100 ml', '200 ml']],
    ['clear', 'Shea butter lip balm, {pack}', [''], ['1 stick', '3 sticks']],
    ['unclear', 'Retinol {dose} night cream, {pack}', ['0.3%', '0.5%'], ['30 ml', '50 ml']],
    ['unclear', 'Salicylic acid {dose} acne cleanser, {pack}', ['2%'], ['150 ml']],
    ['ambiguous', 'Benzoyl peroxide {dose} spot gel, {pack}', ['5%'], ['25 g']],
  ]),

  // Medical devices: not medicines, though health-related.
  ...productsOf('device', 'not medicine', [
    ['clear', 'Digital ear thermometer with {pack}', [''], ['20 probe covers', 'case']],
    ['clear', 'Upper arm blood pressure monitor, {pack}', [''], ['M cuff', 'L cuff']],
    ['clear', 'Nitrile examination gloves, size {dose}, {pack}', ['S', 'M', 'L'], ['100 pack', '200 pack']],
    ['clear', 'Fingertip pulse oximeter, {pack}', [''], ['with lanyard', 'with batteries']],
    ['unclear', 'Saline nasal spray, {pack}', [''], ['20 ml', '100 ml']],
    ['unclear', 'Pregnancy test, {pack}', [''], ['1 test', '2 tests']],
    ['ambiguous', 'Sterile wound dressing with antiseptic, {pack}', [''], ['10 pack', '25 pack']],
  ]),

  // Ordinary goods, including keyword traps for a rule that looks for drug words.
  ...productsOf('ordinary', 'not medicine', [
    ['clear', 'Stainless steel water bottle, {pack}', [''], ['500 ml', '750 ml']],
    ['clear', 'USB-C charging cable, {pack}', [''], ['1 m', '2 m']],
    ['clear', 'Cotton tote bag, {pack}', [''], ['natural', 'black']],
    ['clear', 'Chamomile herbal tea, {pack}', [''], ['20 bags', '40 bags']],
    ['clear', 'Wireless computer mouse, {pack}', [''], ['grey', 'black']],
    ['unclear', 'Weekly pill organiser, {pack}', [''], ['7 day', '7 day AM/PM']],
    [
      'unclear',
      'Book: The Antibiotic Era, a history of penicillin, {pack}',
      [''],
      ['paperback', 'hardcover'],
    ],
    ['ambiguous', 'First aid kit, {pack}', [''], ['42 pieces', '100 pieces']],
  ]),
];
