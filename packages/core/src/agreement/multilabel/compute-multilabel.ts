import { computeAgreement } from '../compute-agreement';
import type { UnitSample } from '../framing';
import { type FramingOptions, type FramingResult, finiteOrNull } from '../framing-result';
import {
  annotationsByUnit,
  collectPairCounts,
  meanPairF1,
  PairLabelCounts,
  pairF1Intervals,
} from '../matching/pair-counts';
import type { AgreementWarning, EncodedSample, LabelPresenceAgreement, MultilabelAgreement } from '../types';
import {
  exactSetDistance,
  jaccardDistance,
  krippendorffAlphaWithDistance,
  masiDistance,
  type SetDistance,
} from './set-distances';

/** Above this many distinct label sets, α with MASI or Jaccard (quadratic in them) is not computed. */
const MAX_DISTINCT_SETS = 3000;

/** Ascending label indices of each annotation, and the sorted label list. */
function encodeSets(sample: UnitSample<readonly string[]>): {
  labels: string[];
  sets: (readonly number[])[];
} {
  const labels = [...new Set(sample.annotations.flatMap((a) => a.value))].sort();
  const index = new Map(labels.map((label, i) => [label, i]));
  const sets = sample.annotations.map((a) =>
    [...new Set(a.value.map((label) => index.get(label) ?? 0))].sort((x, y) => x - y),
  );
  return { labels, sets };
}

/** "Label present" as a yes/no triple sample over the same units and annotators. */
function presenceSample(
  sample: UnitSample<readonly string[]>,
  sets: readonly (readonly number[])[],
  label: number,
): EncodedSample {
  const n = sample.annotations.length;
  const itemOf = new Int32Array(n);
  const annotatorOf = new Int32Array(n);
  const categoryOf = new Int32Array(n);
  sample.annotations.forEach((a, i) => {
    itemOf[i] = a.unit;
    annotatorOf[i] = a.annotator;
    categoryOf[i] = (sets[i] ?? []).includes(label) ? 1 : 0;
  });
  return {
    items: sample.units,
    annotators: sample.annotators,
    categories: ['absent', 'present'],
    categoryValues: null,
    ordered: false,
    itemOf,
    annotatorOf,
    categoryOf,
  };
}

/**
 * The multi-label block (docs/product.md, "Framings beyond one label per item"): Krippendorff's α with
 * MASI, Jaccard and exact-set distances; per annotator pair micro F1 (TP/FP/FN summed over shared items)
 * and macro F1 (mean over the labels either used), then the mean over pairs; each label's presence as a
 * yes/no variable. Ceiling: `f1.micro`, with its bootstrap interval over items.
 *
 * @example
 * // crowd-kit's toy sample: X {dog},{dog}; Y {cat},{cat}; Z {cat},{cat, mouse}
 * computeMultilabel(sample, options).block.alphaMasi; // 0.6673336668334168
 */
export function computeMultilabel(
  sample: UnitSample<readonly string[]>,
  options: FramingOptions,
): FramingResult<MultilabelAgreement> {
  const warnings: AgreementWarning[] = [];
  const { labels, sets } = encodeSets(sample);

  // Distinct sets, and each pairable unit's values as indices into them.
  const setIndex = new Map<string, number>();
  const distinct: (readonly number[])[] = [];
  const distinctOf = sets.map((set) => {
    const key = set.join(',');
    let v = setIndex.get(key);
    if (v === undefined) {
      v = distinct.length;
      setIndex.set(key, v);
      distinct.push(set);
    }
    return v;
  });
  const unitValues: number[][] = sample.units.map(() => []);
  sample.annotations.forEach((a, i) => {
    unitValues[a.unit]?.push(distinctOf[i] ?? 0);
  });
  const alphaWith = (distance: SetDistance, key: string): number | null => {
    if (distance !== exactSetDistance && distinct.length > MAX_DISTINCT_SETS) {
      warnings.push({
        key,
        message: `Not computed: ${distinct.length} distinct label sets (over ${MAX_DISTINCT_SETS}).`,
      });
      return null;
    }
    const value = finiteOrNull(krippendorffAlphaWithDistance(unitValues, distinct, distance));
    if (value === null) {
      warnings.push({
        key,
        message: 'Undefined: no item has two annotations, or every annotation is the same set.',
      });
    }
    return value;
  };

  // Micro F1 per pair from (TP, FP, FN) per shared item; per-label counts for macro F1.
  const setOfAnnotation = new Map<object, readonly number[]>();
  sample.annotations.forEach((a, i) => {
    setOfAnnotation.set(a.value, sets[i] ?? []);
  });
  const counts = collectPairCounts(sample, 1, (first, second, out) => {
    const x = setOfAnnotation.get(first) ?? [];
    const y = setOfAnnotation.get(second) ?? [];
    const common = x.filter((label) => y.includes(label)).length;
    out[0] = common;
    out[1] = x.length - common;
    out[2] = y.length - common;
  });
  const perPairLabel = new PairLabelCounts();
  annotationsByUnit(sample).forEach((list) => {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const x = setOfAnnotation.get(list[i]?.value ?? []) ?? [];
        const y = setOfAnnotation.get(list[j]?.value ?? []) ?? [];
        const pair = (list[i]?.annotator ?? 0) * sample.annotators.length + (list[j]?.annotator ?? 0);
        for (const label of new Set([...x, ...y])) {
          const inX = x.includes(label);
          const inY = y.includes(label);
          perPairLabel.add(
            pair,
            labels[label] ?? '',
            inX && inY ? 1 : 0,
            inX && !inY ? 1 : 0,
            !inX && inY ? 1 : 0,
          );
        }
      }
    }
  });
  const micro = finiteOrNull(meanPairF1(counts)[0]);
  const macro = finiteOrNull(perPairLabel.macro());
  if (micro === null) {
    warnings.push({
      key: 'multilabel.f1',
      message: 'Undefined: no two annotators share an item on which either chose a label.',
    });
  }
  const [microInterval] = pairF1Intervals(counts, options);

  const perLabel: Record<string, LabelPresenceAgreement> = {};
  labels.forEach((label, l) => {
    const presence = presenceSample(sample, sets, l);
    const report = computeAgreement(presence, { bootstrap: 0, topDisagreements: 0 });
    let positives = 0;
    for (const category of presence.categoryOf) positives += category;
    perLabel[label] = {
      positives,
      percentAgreement: report.percentAgreement,
      krippendorffAlpha: report.krippendorffAlpha.nominal,
      gwetAC1: report.gwetAC1,
    };
  });

  const block: MultilabelAgreement = {
    labels,
    alphaMasi: alphaWith(masiDistance, 'multilabel.alphaMasi'),
    alphaJaccard: alphaWith(jaccardDistance, 'multilabel.alphaJaccard'),
    alphaExact: alphaWith(exactSetDistance, 'multilabel.alphaExact'),
    f1: { micro, macro },
    perLabel,
    ci: microInterval === null || microInterval === undefined ? {} : { micro: microInterval },
  };
  return {
    block,
    ceiling:
      micro === null
        ? null
        : { value: micro, ci: microInterval ?? null, items: counts.units, basis: 'multilabel.f1.micro' },
    metric: 'f1',
    warnings,
  };
}
