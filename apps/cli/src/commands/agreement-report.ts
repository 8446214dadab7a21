/** The human-readable form of an agreement report: a table of coefficients, the ceiling in words, warnings. */
import {
  type AgreementCiKey,
  type AgreementReport,
  describeMissingSpellings,
  ICC_FORMS,
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

/** The rows of a framing scored outside the one-label-per-item table (docs/product.md, "Framings"). */
function framingRows(report: AgreementReport): Row[] | null {
  const row = (name: string, value: number | null | undefined, ci?: Interval): Row => ({
    name,
    value: value ?? null,
    ci,
    band: undefined,
  });
  const perLabel = (values: Readonly<Record<string, number>>, what: string) =>
    Object.entries(values).map(([label, value]) => row(`  ${label} (${what})`, value));
  const { multilabel, spans, boxes, ranking } = report;
  if (multilabel) {
    return [
      row('α (MASI distance)', multilabel.alphaMasi),
      row('α (Jaccard distance)', multilabel.alphaJaccard),
      row('α (exact sets)', multilabel.alphaExact),
      row('Micro F1 (mean over pairs)', multilabel.f1.micro, multilabel.ci.micro),
      row('Macro F1 (mean over pairs)', multilabel.f1.macro),
      ...Object.entries(multilabel.perLabel).map(([label, value]) =>
        row(`  ${label} (α, present or not)`, value.krippendorffAlpha),
      ),
    ];
  }
  if (spans) {
    return [
      row('Span F1, exact', spans.f1.exact, spans.ci.exact),
      row('Span F1, unlabeled', spans.f1.unlabeled, spans.ci.unlabeled),
      row('Span F1, overlap (IoU ≥ 0.5)', spans.f1.overlap, spans.ci.overlap),
      ...perLabel(spans.perLabel, 'exact F1'),
    ];
  }
  if (boxes) {
    return [
      row('Box F1 at IoU 0.5', boxes.f1.iou50, boxes.ci.iou50),
      row('Box F1 at IoU 0.75', boxes.f1.iou75, boxes.ci.iou75),
      row('Mean IoU of matched boxes', boxes.meanIoU),
      ...perLabel(boxes.perLabel, 'F1 at 0.5'),
    ];
  }
  if (ranking) {
    return [
      row("Kendall's W (ties corrected)", ranking.kendallW, ranking.ci.kendallW),
      row("Kendall's W (uncorrected)", ranking.kendallWUncorrected),
      row("Mean Kendall's τ-b", ranking.meanKendallTau, ranking.ci.meanKendallTau),
    ];
  }
  return null;
}

/** The six ICCs, when every label is numeric. */
function iccRows(report: AgreementReport): Row[] {
  const icc = report.icc;
  if (icc === null || icc === undefined) return [];
  return ICC_FORMS.map((form) => ({
    name: form,
    value: icc[form],
    ci: report.ci.icc?.[form],
    band: undefined,
  }));
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
  const question = source.control === undefined ? '' : `, question "${source.control}"`;
  const framing = report.framing ?? 'categorical';
  out.push(
    `${name} (${FORMAT_NAMES[source.format]}${question}${framing === 'categorical' ? '' : `, ${framing}`}): ${countOf(report.items, 'item')}, ${countOf(report.annotators, 'annotator')}, ${countOf(report.annotations, 'annotation')}${framing === 'categorical' || framing === 'continuous' || framing === 'pairwise' ? `, ${countOf(report.categories.length, 'category', 'categories')}` : ''}`,
  );
  if (source.skipped !== undefined && source.skipped.reject + source.skipped.ignore > 0) {
    out.push(
      `Skipped ${countOf(source.skipped.reject, 'rejected example')} and ${countOf(source.skipped.ignore, 'ignored example')} (not annotations).`,
    );
  }
  if (source.duplicatesResolved > 0) {
    out.push(`${source.duplicatesResolved} conflicting repeated annotation(s) resolved by --duplicates.`);
  }
  const missing = describeMissingSpellings(source.missingSpellings);
  if (missing !== null) out.push(missing);
  out.push('');
  const table = [...(framingRows(report) ?? rows(report)), ...iccRows(report)].map((row) => [
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
  if (report.pairwise) {
    const { comparisons, tieShare, agreementWithoutTies } = report.pairwise;
    out.push(
      '',
      `${countOf(comparisons, 'comparison')}; ${percent(tieShare)} of the answers are ties; agreement without ties ${agreementWithoutTies === null ? 'undefined' : percent(agreementWithoutTies)}.`,
    );
  }
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
  const metric = report.humanCeilingMetric ?? 'accuracy';
  const show = metric === 'accuracy' ? percent : fixed;
  const ci = ceiling.ci === null ? '' : ` (${show(ceiling.ci[0])}–${show(ceiling.ci[1])})`;
  const value = `${show(ceiling.value)}${ci}`;
  switch (ceiling.basis) {
    case 'spans.f1.exact':
      return `Human ceiling: ${value} span F1. A model as good as your annotators would reach about this exact-match F1 against one annotator's spans (${countOf(ceiling.items, 'document')} annotated twice or more).`;
    case 'boxes.f1.iou50':
      return `Human ceiling: ${value} box F1 at IoU 0.5. A model as good as your annotators would reach about this against one annotator's boxes (${countOf(ceiling.items, 'image')} annotated twice or more).`;
    case 'multilabel.f1.micro':
      return `Human ceiling: ${value} micro F1. A model as good as your annotators would reach about this against one annotator's label sets (${countOf(ceiling.items, 'item')} annotated twice or more).`;
    case 'ranking.meanKendallTau':
      return `Human ceiling: Kendall's τ ${value}. A model as good as your annotators would order the objects about this close to one annotator's ranking (${countOf(ceiling.items, 'list')}).`;
    case 'sqrt-icc-c1':
      return `Human ceiling: correlation ${value} (√ICC(C,1)). A model as good as the true score would correlate about this well with one annotator's ratings (${countOf(ceiling.items, 'item')} rated by everyone).`;
    default: {
      const basis =
        ceiling.basis === 'majority-of-others'
          ? `agreement with the majority of the other labels, over ${countOf(ceiling.items, 'item')} with 3 or more labels`
          : `agreement between the two annotators, over ${countOf(ceiling.items, 'co-labeled item')}`;
      return `Human ceiling: ${value}. A model as good as the annotators' consensus would score about this against one annotator's labels (${basis}); do not expect to measure a model much above it on these labels.`;
    }
  }
}
