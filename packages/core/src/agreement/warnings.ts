import { itemCountOf } from './item-names';
import type { ItemTable } from './item-table';
import type { PairTable } from './pair-table';
import type { AgreementCiKey, AgreementWarning, EncodedSample, MeasurementLevel } from './types';

export const LEVELS: readonly MeasurementLevel[] = ['nominal', 'ordinal', 'interval', 'ratio'];

export const COEFFICIENT_NAMES: Record<AgreementCiKey, string> = {
  alpha: "Krippendorff's α",
  percentAgreement: 'Percent agreement',
  cohenKappa: "Cohen's κ",
  scottPi: "Scott's π",
  lightKappa: "Light's κ",
  fleissKappa: "Fleiss' κ",
  gwetAC1: "Gwet's AC1",
  brennanPrediger: 'Brennan–Prediger',
  weightedKappaLinear: 'Linear weighted κ',
  weightedKappaQuadratic: 'Quadratic weighted κ',
  humanCeiling: 'The human ceiling',
};

const quote = (label: string | undefined): string => `'${label ?? ''}'`;

/** Why Krippendorff's α at `level` cannot be computed from these labels at all, or `null` if it can. */
export function alphaInapplicable(sample: EncodedSample, level: MeasurementLevel): string | null {
  if (level === 'ordinal' && !sample.ordered) {
    return 'ordinal α needs ordered labels (numbers, or a declared category order).';
  }
  if ((level === 'interval' || level === 'ratio') && sample.categoryValues === null) {
    return `${level} α needs numeric labels.`;
  }
  if (level === 'ratio' && sample.categoryValues?.some((value) => value < 0)) {
    return 'ratio α needs non-negative values; some labels are negative (use interval α).';
  }
  return null;
}

/** The single label of a pair's shared items when both annotators used only it, for warnings. */
function onlyLabelOfPair(sample: EncodedSample, pairs: PairTable, p: number): string | undefined {
  const C = pairs.categoryCount;
  const n = pairs.items[p] ?? 0;
  for (let k = 0; k < C; k++) if ((pairs.rowTotals[p * C + k] ?? 0) === n) return sample.categories[k];
  return undefined;
}

/** The fewest labels any item carries (0 or 1 for items that cannot be paired). */
function fewestLabels(table: ItemTable): number {
  let fewest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < table.itemCount; i++) {
    fewest = Math.min(fewest, (table.itemStart[i + 1] ?? 0) - (table.itemStart[i] ?? 0));
  }
  return Number.isFinite(fewest) ? fewest : 0;
}

export interface UndefinedContext {
  readonly sample: EncodedSample;
  readonly table: ItemTable;
  readonly pairs: PairTable;
  readonly level: MeasurementLevel;
  /** The levels whose α the labels allow. */
  readonly alphaLevels: readonly MeasurementLevel[];
  readonly estimates: Readonly<Record<AgreementCiKey, number | null>>;
  readonly alphaOf: (level: MeasurementLevel) => number | null;
  /** Light's κ and how many pairs it averages; `null` with fewer than 3 annotators. */
  readonly light: { readonly value: number; readonly definedPairs: number } | null;
  readonly fleissApplies: boolean;
}

/**
 * The reasons, in plain words, for every coefficient the sample could have had but that is `null` (or
 * that rests on part of the data). Coefficients that do not apply to the sample's shape by definition
 * (Cohen's κ with 3 annotators, ordinal α of unordered labels) get none, except the chosen level's α.
 */
export function explainUndefined(context: UndefinedContext): AgreementWarning[] {
  const { sample, table, pairs, level, alphaLevels, estimates, alphaOf, light, fleissApplies } = context;
  const warnings: AgreementWarning[] = [];
  const warn = (key: string, message: string): void => {
    warnings.push({ key, message });
  };
  const annotatorCount = sample.annotators.length;
  const pairable = table.pairableItems > 0;

  if (sample.categoryOf.length === 0) {
    warn('sample', 'The sample has no annotations.');
    return warnings;
  }
  if (annotatorCount < 2) {
    warn('sample', 'Only one annotator labeled this sample; agreement needs at least two.');
    return warnings;
  }

  if (!pairable) {
    warn('sample', 'No item was labeled by two or more annotators, so no two labels can be compared.');
    const noPairs = (key: string, name: string) =>
      warn(key, `${name} is undefined: no item has labels from two or more annotators.`);
    noPairs('percentAgreement', 'Percent agreement');
    noPairs('fleissKappa', "Fleiss' κ");
    noPairs('gwetAC1', "Gwet's AC1");
    noPairs('brennanPrediger', 'Brennan–Prediger');
    noPairs('humanCeiling', 'The human ceiling');
    for (const l of alphaLevels) noPairs(`krippendorffAlpha.${l}`, `${l} α`);
  } else {
    if (!fleissApplies) {
      // Items with a single label count too: Fleiss' κ needs the same number on every item.
      const unpairable = itemCountOf(sample) - table.pairableItems;
      const fewest = unpairable > 0 ? fewestLabels(table) : table.minPairableLabels;
      warn(
        'fleissKappa',
        `Fleiss' κ needs the same number of labels on every item; items here have between ${fewest} and ${table.maxPairableLabels} (Krippendorff's α allows missing labels).`,
      );
    } else if (estimates.fleissKappa === null) {
      warn(
        'fleissKappa',
        "Fleiss' κ is undefined: every label falls in one category, so chance agreement is 1.",
      );
    }
    if (table.observedCategories === 1) {
      const only = quote(sample.categories[table.categoryTotals.findIndex((count) => count > 0)]);
      for (const key of ['gwetAC1', 'brennanPrediger'] as const) {
        warn(
          key,
          `${COEFFICIENT_NAMES[key]} is undefined: every label is ${only}, so chance agreement is 1 (the labels agree, but nothing shows they could have disagreed).`,
        );
      }
    }
    for (const l of alphaLevels) {
      if (alphaOf(l) !== null) continue;
      const same = l === 'nominal' || l === 'ordinal' ? 'falls in one category' : 'has the same value';
      warn(
        `krippendorffAlpha.${l}`,
        `${l} α is undefined: every label on items with two or more labels ${same}, so expected disagreement is 0.`,
      );
    }
  }
  if (sample.categoryValues?.some((value) => value < 0)) {
    warn('krippendorffAlpha.ratio', alphaInapplicable(sample, 'ratio') ?? '');
  }
  const chosenInapplicable = alphaInapplicable(sample, level);
  if (chosenInapplicable !== null) warn('alpha', `No α at the chosen level: ${chosenInapplicable}`);

  if (annotatorCount === 2) {
    if (pairs.pairCount === 0) {
      for (const key of ['cohenKappa', 'scottPi'] as const) {
        warn(key, `${COEFFICIENT_NAMES[key]} is undefined: the two annotators labeled no item in common.`);
      }
      if (sample.ordered)
        warn('weightedKappa', 'Weighted κ is undefined: the two annotators labeled no item in common.');
    } else if (estimates.cohenKappa === null) {
      const label = quote(onlyLabelOfPair(sample, pairs, 0));
      for (const key of ['cohenKappa', 'scottPi'] as const) {
        warn(
          key,
          `${COEFFICIENT_NAMES[key]} is undefined: both annotators gave every shared item the label ${label}, so chance agreement is 1.`,
        );
      }
    }
    if (sample.ordered && pairs.pairCount > 0 && estimates.weightedKappaLinear === null) {
      warn(
        'weightedKappa',
        'Weighted κ is undefined: both annotators gave every shared item the same single label, so expected disagreement is 0.',
      );
    }
  }
  if (light !== null) {
    const left = pairs.pairCount - light.definedPairs;
    if (pairs.pairCount === 0) {
      warn('lightKappa', "Light's κ is undefined: no two annotators labeled an item in common.");
    } else if (light.definedPairs === 0) {
      warn(
        'lightKappa',
        "Light's κ is undefined: every annotator pair gave all its shared items one and the same label, so each pair's chance agreement is 1.",
      );
    } else if (left > 0) {
      warn(
        'lightKappa',
        `${left} of ${pairs.pairCount} annotator pairs were left out of Light's κ: each gave all its shared items one and the same label, so its κ is undefined.`,
      );
    }
  }
  return warnings;
}
