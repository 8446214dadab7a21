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

const product = (
  kind: ProductKind,
  truth: DemoLabel,
  clarity: Clarity,
  pattern: string,
  doses: readonly string[] = [''],
  packs: readonly string[] = [''],
): CatalogueProduct => ({ kind, truth, clarity, pattern, doses, packs });

const TABLET_PACKS = ['16 tablets', '24 tablets', '32 tablets', '100 tablets'];
const CAPSULE_PACKS = ['21 capsules', '28 capsules', '30 capsules', '56 capsules'];
const SUPPLEMENT_PACKS = ['60 count', '90 count', '120 count', '180 count'];
const MED = 'medicine';
const NOT = 'not medicine';

export const CATALOGUE: readonly CatalogueProduct[] = [
  // Medicines the guidelines name: clear, except where the title hides the active ingredient.
  product('medicine', MED, 'clear', 'Ibuprofen {dose} mg tablets, {pack}', ['200', '400'], TABLET_PACKS),
  product('medicine', MED, 'clear', 'Paracetamol {dose} mg caplets, {pack}', ['500'], TABLET_PACKS),
  product('medicine', MED, 'clear', 'Amoxicillin {dose} mg capsules, {pack}', ['250', '500'], CAPSULE_PACKS),
  product(
    'medicine',
    MED,
    'clear',
    'Azithromycin {dose} mg antibiotic tablets, {pack}',
    ['250', '500'],
    ['3 tablets', '6 tablets'],
  ),
  product('medicine', MED, 'clear', 'Doxycycline {dose} mg capsules, {pack}', ['100'], CAPSULE_PACKS),
  product(
    'medicine',
    MED,
    'clear',
    'Cetirizine {dose} mg allergy relief tablets, {pack}',
    ['10'],
    TABLET_PACKS,
  ),
  product(
    'medicine',
    MED,
    'clear',
    'Omeprazole {dose} mg gastro-resistant capsules, {pack}',
    ['20'],
    CAPSULE_PACKS,
  ),
  product('medicine', MED, 'clear', 'Loratadine {dose} mg hay fever tablets, {pack}', ['10'], TABLET_PACKS),
  product('medicine', MED, 'clear', 'Naproxen {dose} mg period pain tablets, {pack}', ['250'], TABLET_PACKS),
  product(
    'medicine',
    MED,
    'unclear',
    'Hydrocortisone {dose} cream, {pack}',
    ['0.5%', '1%'],
    ['15 g', '30 g'],
  ),
  product(
    'medicine',
    MED,
    'unclear',
    'Chloramphenicol {dose} antibiotic eye drops, {pack}',
    ['0.5%'],
    ['10 ml'],
  ),
  product('medicine', MED, 'unclear', 'Aciclovir {dose} cold sore cream, {pack}', ['5%'], ['2 g', '10 g']),
  product('medicine', MED, 'unclear', 'Clotrimazole {dose} athlete’s foot cream, {pack}', ['1%'], ['20 g']),
  product(
    'medicine',
    MED,
    'ambiguous',
    'Nicotine patches {dose} mg/24 h, {pack}',
    ['7', '14', '21'],
    ['7 patches', '28 patches'],
  ),
  product(
    'medicine',
    MED,
    'ambiguous',
    'Ketoconazole {dose} anti-dandruff shampoo, {pack}',
    ['2%'],
    ['60 ml', '120 ml'],
  ),
  product(
    'medicine',
    MED,
    'ambiguous',
    'Flea and tick spot-on for dogs, {dose} kg, {pack}',
    ['10–20', '20–40'],
    ['3 pipettes', '6 pipettes'],
  ),
  product(
    'medicine',
    MED,
    'ambiguous',
    'Strong cough syrup with codeine, {pack}',
    [''],
    ['100 ml', '200 ml'],
  ),

  // Food supplements: not medicines under the guidelines, but they look like ones.
  product(
    'supplement',
    NOT,
    'clear',
    'Vitamin D3 {dose} IU softgels, {pack}',
    ['1000', '4000'],
    SUPPLEMENT_PACKS,
  ),
  product(
    'supplement',
    NOT,
    'clear',
    'Omega-3 fish oil {dose} mg capsules, {pack}',
    ['1000'],
    SUPPLEMENT_PACKS,
  ),
  product(
    'supplement',
    NOT,
    'unclear',
    'Magnesium glycinate {dose} mg, {pack}',
    ['200', '400'],
    SUPPLEMENT_PACKS,
  ),
  product(
    'supplement',
    NOT,
    'unclear',
    'Iron bisglycinate {dose} mg tablets, {pack}',
    ['14', '25'],
    SUPPLEMENT_PACKS,
  ),
  product(
    'supplement',
    NOT,
    'unclear',
    'Probiotic {dose} billion CFU capsules, {pack}',
    ['20', '50'],
    SUPPLEMENT_PACKS,
  ),
  product(
    'supplement',
    NOT,
    'ambiguous',
    'Melatonin {dose} mg sleep gummies, {pack}',
    ['1', '3'],
    SUPPLEMENT_PACKS,
  ),
  product(
    'supplement',
    NOT,
    'ambiguous',
    'Echinacea cold and flu relief drops, {pack}',
    [''],
    ['30 ml', '50 ml'],
  ),
  product(
    'supplement',
    NOT,
    'ambiguous',
    'CBD oil {dose} full spectrum drops, {pack}',
    ['5%', '10%'],
    ['10 ml', '30 ml'],
  ),

  // Cosmetics: not medicines, except that some active ingredients blur the line.
  product('cosmetic', NOT, 'clear', 'Hyaluronic acid face serum, {pack}', [''], ['30 ml', '50 ml']),
  product(
    'cosmetic',
    NOT,
    'clear',
    'SPF {dose} sunscreen lotion, {pack}',
    ['30', '50'],
    ['100 ml', '200 ml'],
  ),
  product('cosmetic', NOT, 'clear', 'Shea butter lip balm, {pack}', [''], ['1 stick', '3 sticks']),
  product(
    'cosmetic',
    NOT,
    'unclear',
    'Retinol {dose} night cream, {pack}',
    ['0.3%', '0.5%'],
    ['30 ml', '50 ml'],
  ),
  product('cosmetic', NOT, 'unclear', 'Salicylic acid {dose} acne cleanser, {pack}', ['2%'], ['150 ml']),
  product('cosmetic', NOT, 'ambiguous', 'Benzoyl peroxide {dose} spot gel, {pack}', ['5%'], ['25 g']),

  // Medical devices: not medicines, though health-related.
  product('device', NOT, 'clear', 'Digital ear thermometer with {pack}', [''], ['20 probe covers', 'case']),
  product('device', NOT, 'clear', 'Upper arm blood pressure monitor, {pack}', [''], ['M cuff', 'L cuff']),
  product(
    'device',
    NOT,
    'clear',
    'Nitrile examination gloves, size {dose}, {pack}',
    ['S', 'M', 'L'],
    ['100 pack', '200 pack'],
  ),
  product(
    'device',
    NOT,
    'clear',
    'Fingertip pulse oximeter, {pack}',
    [''],
    ['with lanyard', 'with batteries'],
  ),
  product('device', NOT, 'unclear', 'Saline nasal spray, {pack}', [''], ['20 ml', '100 ml']),
  product('device', NOT, 'unclear', 'Pregnancy test, {pack}', [''], ['1 test', '2 tests']),
  product(
    'device',
    NOT,
    'ambiguous',
    'Sterile wound dressing with antiseptic, {pack}',
    [''],
    ['10 pack', '25 pack'],
  ),

  // Ordinary goods, including keyword traps for a rule that looks for drug words.
  product('ordinary', NOT, 'clear', 'Stainless steel water bottle, {pack}', [''], ['500 ml', '750 ml']),
  product('ordinary', NOT, 'clear', 'USB-C charging cable, {pack}', [''], ['1 m', '2 m']),
  product('ordinary', NOT, 'clear', 'Cotton tote bag, {pack}', [''], ['natural', 'black']),
  product('ordinary', NOT, 'clear', 'Chamomile herbal tea, {pack}', [''], ['20 bags', '40 bags']),
  product('ordinary', NOT, 'clear', 'Wireless computer mouse, {pack}', [''], ['grey', 'black']),
  product('ordinary', NOT, 'unclear', 'Weekly pill organiser, {pack}', [''], ['7 day', '7 day AM/PM']),
  product(
    'ordinary',
    NOT,
    'unclear',
    'Book: The Antibiotic Era, a history of penicillin, {pack}',
    [''],
    ['paperback', 'hardcover'],
  ),
  product('ordinary', NOT, 'ambiguous', 'First aid kit, {pack}', [''], ['42 pieces', '100 pieces']),
];
