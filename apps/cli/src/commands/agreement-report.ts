/** The human-readable form of an agreement report: a table of coefficients, the ceiling in words, warnings. */
import {
  type AgreementCiKey,
  type AgreementReport,
  describeMissingSpellings,
  type Interval,
  type SampleFormat,
  type SampleSource,
} from '@raisin/core';

interface Row {
  readonly name: string;
  readonly value: number | null;
  readonly ci: Interval | undefined;
  readonly band: string | undefined;
}

const FORMAT_NAMES: Readonly<Record<SampleFormat, string>> = {
  long: 'long table',
  wide: 'wide table',
  jsonl: 'JSON Lines',
  labelstudio: 'Label Studio export',
  prodigy: 'Prodigy export',
};

const fixed = (value: number) => value.toFixed(3);
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

function rows(report: AgreementReport): Row[] {
  const at = (name: string, value: number | null, key: AgreementCiKey | null): Row => ({
    name,
    value,
    ci: key === null ? undefined : report.ci[key],
    band:
      key === null || key === 'percentAgreement' || key === 'humanCeiling' ? undefined : report.bands[key],
  });
  const alpha = report.krippendorffAlpha;
  const levels = (['nominal', 'ordinal', 'interval', 'ratio'] as const).map((level) =>
    at(`Krippendorff α (${level})`, alpha[level], level === report.level ? 'alpha' : null),
  );
  // The bands of α at other levels are not in the report; derive none rather than guess.
  return [
    ...levels,
    at('Percent agreement', report.percentAgreement, 'percentAgreement'),
    at("Cohen's κ", report.cohenKappa, 'cohenKappa'),
    at('Weighted κ (linear)', report.weightedKappa?.linear ?? null, 'weightedKappaLinear'),
    at('Weighted κ (quadratic)', report.weightedKappa?.quadratic ?? null, 'weightedKappaQuadratic'),
    at("Scott's π", report.scottPi, 'scottPi'),
    at("Light's κ", report.lightKappa, 'lightKappa'),
    at("Fleiss' κ", report.fleissKappa, 'fleissKappa'),
    at("Gwet's AC1", report.gwetAC1, 'gwetAC1'),
    at('Brennan–Prediger', report.brennanPrediger, 'brennanPrediger'),
  ];
}

/** "1 item", "2 items". */
function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

export function formatAgreementReport(
  report: AgreementReport,
  source: SampleSource & { readonly file: string },
): string {
  const out: string[] = [];
  const name = source.file === '-' ? 'stdin' : source.file;
  out.push(
    `${name} (${FORMAT_NAMES[source.format]}): ${countOf(report.items, 'item')}, ${countOf(report.annotators, 'annotator')}, ${countOf(report.annotations, 'annotation')}, ${countOf(report.categories.length, 'category', 'categories')}`,
  );
  if (source.duplicatesResolved > 0) {
    out.push(`${source.duplicatesResolved} conflicting repeated annotation(s) resolved by --duplicates.`);
  }
  const missing = describeMissingSpellings(source.missingSpellings);
  if (missing !== null) out.push(missing);
  out.push('');
  const table = rows(report).map((row) => [
    row.name,
    row.value === null ? '—' : fixed(row.value),
    row.ci === undefined ? '' : `[${fixed(row.ci[0])}, ${fixed(row.ci[1])}]`,
    row.value === null ? 'undefined' : (row.band ?? ''),
  ]);
  const header = ['coefficient', 'value', `${Math.round(report.bootstrap.confidence * 100)}% CI`, 'band'];
  const widths = header.map((title, c) =>
    Math.max(title.length, ...table.map((cells) => (cells[c] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => cell.padEnd(widths[c] ?? 0))
      .join('  ')
      .trimEnd();
  out.push(line(header), line(widths.map((width) => '─'.repeat(width))), ...table.map(line));
  if (report.bootstrap.resamples === 0) out.push('', 'No confidence intervals (--bootstrap 0).');
  out.push('', ceilingInWords(report));
  if (report.warnings.length > 0) {
    out.push('', 'Warnings:', ...report.warnings.map((warning) => `  - ${warning.message}`));
  }
  return `${out.join('\n')}\n`;
}

function ceilingInWords(report: AgreementReport): string {
  const ceiling = report.humanCeiling;
  if (ceiling === null) return 'Human ceiling: undefined for this sample (see the warnings).';
  const ci = ceiling.ci === null ? '' : ` (${percent(ceiling.ci[0])}–${percent(ceiling.ci[1])})`;
  const basis =
    ceiling.basis === 'majority-of-others'
      ? `agreement with the majority of the other labels, over ${countOf(ceiling.items, 'item')} with 3 or more labels`
      : `agreement between the two annotators, over ${countOf(ceiling.items, 'co-labeled item')}`;
  return `Human ceiling: ${percent(ceiling.value)}${ci}. A model as good as the annotators' consensus would score about this against one annotator's labels (${basis}); do not expect to measure a model much above it on these labels.`;
}
