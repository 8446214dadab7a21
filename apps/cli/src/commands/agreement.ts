/** `raisin agreement FILE`: parse a labeled sample, compute its agreement report, print it or gate on α. */
import { parseArgs } from 'node:util';
import {
  type AgreementReport,
  computeAgreement,
  type MeasurementLevel,
  type ParseOptions,
  SAMPLE_FORMATS,
  type SampleIssue,
  type SampleSource,
} from '@raisin/core';
import type { CommandIo } from '../main';
import { formatAgreementReport } from './agreement-report';
import { readSample } from './read-sample';

export const AGREEMENT_HELP = `Usage: raisin agreement FILE [options]

Inter-annotator agreement of a labeled sample: every coefficient with its 95% bootstrap interval,
its interpretation band, and the human ceiling. FILE "-" reads standard input.

Input:
  --format F        auto (default), long, wide, jsonl, labelstudio, prodigy
  --item COL        column (or JSON key; meta.id for a nested one) of the item ids
  --annotator COL   column of the annotator ids
  --label COL       column of the labels
  --level L         nominal (default), ordinal, interval, ratio: the level of "the" α
  --order a,b,c     ordinal order of string labels (a label outside it is an error)
  --duplicates D    a repeated (item, annotator) pair with a different label: error (default), first, last
  --max-bytes N     refuse input larger than N bytes

  A CSV/TSV cell that is empty or NA, N/A, #N/A, NaN or null is a missing label, not a category;
  the output says how many cells were read so, per spelling ("source.missingSpellings" in --json).

Statistics:
  --bootstrap N     bootstrap resamples for the intervals (default 1000; 0 for none)
  --seed N          bootstrap seed (default 1)

Output:
  --json            print the report as one JSON object on stdout
  --min-alpha X     exit 1 when α at the chosen level is below X (or undefined)
  -h, --help        show this help

Exit codes: 0 success, 1 α below --min-alpha, 2 unreadable input or bad options (message on stderr).
`;

const LEVELS = ['nominal', 'ordinal', 'interval', 'ratio'] as const satisfies readonly MeasurementLevel[];
const DUPLICATES = ['error', 'first', 'last'] as const;

class UsageError extends Error {}

function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  const found = allowed.find((option) => option === value);
  if (found === undefined)
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  return found;
}

function numberOption(
  name: string,
  value: string | undefined,
  integer: boolean,
  min: number,
  max = Number.POSITIVE_INFINITY,
): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (
    value.trim() === '' ||
    !Number.isFinite(parsed) ||
    (integer && !Number.isInteger(parsed)) ||
    parsed < min ||
    parsed > max
  ) {
    const range = max === Number.POSITIVE_INFINITY ? `≥ ${min}` : `between ${min} and ${max}`;
    throw new UsageError(
      `--${name} must be ${integer ? 'an integer' : 'a number'} ${range} (got "${value}")`,
    );
  }
  return parsed;
}

function describeIssue(file: string, issue: SampleIssue): string {
  const where =
    issue.line === undefined ? '' : `:${issue.line}${issue.column === undefined ? '' : `:${issue.column}`}`;
  return `raisin agreement: ${file === '-' ? 'stdin' : file}${where}: ${issue.message} [${issue.code}]\n`;
}

export async function runAgreement(args: readonly string[], io: CommandIo): Promise<number> {
  let values: ReturnType<typeof parse>['values'];
  let positionals: string[];
  try {
    ({ values, positionals } = parse(args));
  } catch (error) {
    io.stderr(
      `raisin agreement: ${error instanceof Error ? error.message : String(error)}\n\n${AGREEMENT_HELP}`,
    );
    return 2;
  }
  if (values.help === true) {
    io.stdout(AGREEMENT_HELP);
    return 0;
  }
  let options: ParseOptions;
  let bootstrap: number | undefined;
  let seed: number | undefined;
  let minAlpha: number | undefined;
  let level: MeasurementLevel;
  try {
    if (positionals.length !== 1) throw new UsageError('expected exactly one FILE (or "-" for stdin)');
    level = oneOf('level', values.level, LEVELS) ?? 'nominal';
    const format = oneOf('format', values.format, ['auto', ...SAMPLE_FORMATS]);
    const duplicates = oneOf('duplicates', values.duplicates, DUPLICATES);
    const maxBytes = numberOption('max-bytes', values['max-bytes'], true, 1);
    bootstrap = numberOption('bootstrap', values.bootstrap, true, 0);
    seed = numberOption('seed', values.seed, true, 0);
    minAlpha = numberOption('min-alpha', values['min-alpha'], false, -1, 1);
    const columns = {
      ...(values.item === undefined ? {} : { item: values.item }),
      ...(values.annotator === undefined ? {} : { annotator: values.annotator }),
      ...(values.label === undefined ? {} : { label: values.label }),
    };
    options = {
      level,
      columns,
      ...(format === undefined ? {} : { format }),
      ...(duplicates === undefined ? {} : { duplicates }),
      ...(maxBytes === undefined ? {} : { maxBytes }),
      ...(values.order === undefined ? {} : { order: values.order.split(',').map((label) => label.trim()) }),
    };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`raisin agreement: ${error.message}\n\n${AGREEMENT_HELP}`);
    return 2;
  }
  const file = positionals[0] ?? '-';
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  let parsed: Awaited<ReturnType<typeof readSample>>;
  try {
    parsed = await readSample(file, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr(`raisin agreement: cannot read ${file}: ${reason}\n`);
    return 2;
  }
  if (!parsed.ok) {
    io.stderr(describeIssue(file, parsed.error));
    return 2;
  }
  const read = performance.now();
  const cpuRead = process.cpuUsage();
  const report: AgreementReport = computeAgreement(parsed.value.sample, {
    level,
    ...(bootstrap === undefined ? {} : { bootstrap }),
    ...(seed === undefined ? {} : { seed }),
  });
  const computed = performance.now();
  const cpuComputed = process.cpuUsage();
  const { format, duplicatesResolved, missingSpellings } = parsed.value;
  const source: SampleSource = { format, duplicatesResolved, missingSpellings };
  io.stdout(
    values.json === true
      ? // How the file was read rides along as `source`; it names no path, so stdin and the file agree.
        `${JSON.stringify({ ...report, source })}\n`
      : formatAgreementReport(report, { file, ...source }),
  );
  if (process.env.RAISIN_REPORT_PEAK_RSS === '1') {
    // For the benchmark: peak memory and phase times of this process, on stderr so stdout stays one JSON object.
    // CPU times as well as wall times: on a shared machine the wall clock mostly measures the neighbours.
    const cpuMs = (to: NodeJS.CpuUsage, from: NodeJS.CpuUsage) =>
      Math.round((to.user - from.user + to.system - from.system) / 1000);
    const stats = {
      peakRssKb: process.resourceUsage().maxRSS,
      parseMs: Math.round(read - started),
      computeMs: Math.round(computed - read),
      parseCpuMs: cpuMs(cpuRead, cpuStarted),
      computeCpuMs: cpuMs(cpuComputed, cpuRead),
      // The whole process so far, start-up and output included.
      cpuMs: cpuMs(process.cpuUsage(), { user: 0, system: 0 }),
    };
    io.stderr(`raisin-stats ${JSON.stringify(stats)}\n`);
  }
  if (minAlpha !== undefined) {
    const alpha = report.krippendorffAlpha[level];
    if (alpha === null || alpha < minAlpha) {
      const why = report.warnings
        .find((warning) => warning.key === `krippendorffAlpha.${level}`)
        ?.message.replace(/\.$/, '');
      io.stderr(
        alpha === null
          ? `raisin agreement: ${level} α is undefined for this sample${why === undefined ? '' : ` (${why})`}; required ≥ ${minAlpha}\n`
          : `raisin agreement: ${level} α = ${alpha.toFixed(3)} is below the required ${minAlpha}\n`,
      );
      return 1;
    }
  }
  return 0;
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string' },
      item: { type: 'string' },
      annotator: { type: 'string' },
      label: { type: 'string' },
      level: { type: 'string' },
      order: { type: 'string' },
      duplicates: { type: 'string' },
      bootstrap: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean' },
      'min-alpha': { type: 'string' },
      'max-bytes': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
