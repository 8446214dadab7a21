import { type BandScale, bandScaleOf } from './bands';
import type { AgreementBandKey, AgreementCiKey, AgreementReport, Interval } from './types';

/** One coefficient of a report, as the Agreement tab and the report list them. */
export interface CoefficientRow {
  key: string;
  name: string;
  value: number | null;
  ci: Interval | null;
  band: string | null;
  /** The scale the band is read on (Krippendorff's for α, Landis–Koch's for the κ family); null without a band. */
  bandScale: BandScale | null;
}

type Row = readonly [
  key: string,
  name: string,
  value: (r: AgreementReport) => number | null,
  ci?: AgreementCiKey,
  band?: AgreementBandKey,
];

const ROWS: readonly Row[] = [
  ['percentAgreement', 'Percent agreement', (r) => r.percentAgreement, 'percentAgreement'],
  ['krippendorffAlpha.nominal', "Krippendorff's α (nominal)", (r) => r.krippendorffAlpha.nominal],
  ['krippendorffAlpha.ordinal', "Krippendorff's α (ordinal)", (r) => r.krippendorffAlpha.ordinal],
  ['krippendorffAlpha.interval', "Krippendorff's α (interval)", (r) => r.krippendorffAlpha.interval],
  ['krippendorffAlpha.ratio', "Krippendorff's α (ratio)", (r) => r.krippendorffAlpha.ratio],
  ['cohenKappa', "Cohen's κ", (r) => r.cohenKappa, 'cohenKappa', 'cohenKappa'],
  [
    'weightedKappa.linear',
    'Weighted κ (linear)',
    (r) => r.weightedKappa?.linear ?? null,
    'weightedKappaLinear',
    'weightedKappaLinear',
  ],
  [
    'weightedKappa.quadratic',
    'Weighted κ (quadratic)',
    (r) => r.weightedKappa?.quadratic ?? null,
    'weightedKappaQuadratic',
    'weightedKappaQuadratic',
  ],
  ['scottPi', "Scott's π", (r) => r.scottPi, 'scottPi', 'scottPi'],
  ['lightKappa', "Light's κ", (r) => r.lightKappa, 'lightKappa', 'lightKappa'],
  ['fleissKappa', "Fleiss' κ", (r) => r.fleissKappa, 'fleissKappa', 'fleissKappa'],
  ['gwetAC1', "Gwet's AC1", (r) => r.gwetAC1, 'gwetAC1', 'gwetAC1'],
  ['brennanPrediger', 'Brennan–Prediger', (r) => r.brennanPrediger, 'brennanPrediger', 'brennanPrediger'],
  ['humanCeiling', 'Human ceiling', (r) => r.humanCeiling?.value ?? null, 'humanCeiling'],
];

/** Every coefficient of the report with its interval and band; the chosen level's α carries `ci.alpha`. */
export function coefficientRows(report: AgreementReport): CoefficientRow[] {
  const alphaKey = `krippendorffAlpha.${report.level}`;
  return ROWS.map(([key, name, read, ciKey, bandKey]) => {
    const isChosenAlpha = key === alphaKey;
    const band = (isChosenAlpha ? report.bands.alpha : bandKey ? report.bands[bandKey] : undefined) ?? null;
    return {
      key,
      name,
      value: read(report),
      ci: (isChosenAlpha ? report.ci.alpha : ciKey ? report.ci[ciKey] : undefined) ?? null,
      band,
      bandScale: band === null ? null : bandScaleOf(key),
    };
  });
}
