/** `raisin agreement FILE`: parse a labeled sample, compute its agreement report, print it or gate on α. */
import { parseArgs } from 'node:util';
import {
  type AgreementReport,
  computeAgreement,
  computeFramedAgreement,
  FRAMINGS,
  type MeasurementLevel,
  type ParseOptions,
  parseFramedSample,
  parseSample,
  SAMPLE_FORMATS,
  type SampleIssue,
  type SampleSource,
  toAgreementJson,
} from '@raisin/core';
import { startHelperThread } from '../helper-thread';
import type { CommandIo } from '../main';
import { formatAgreementReport } from './agreement-report';
import { type PushBody, type PushTarget, pushBatch } from './push-batch';
import { looksLikeJson, type ReadSample, readSample, readStdin, readWhole } from './read-sample';

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
  --framing NAME    categorical (default for tables), multilabel, ranking, pairwise, continuous; for
                    Label Studio and Prodigy exports it is read from the results (spans, boxes…)
                    and NAME must fit them
  --control NAME    score one question of a Label Studio export (its from_name); without it every
                    question is scored (all printed; "controls" in --json, the top level the first)

  A CSV/TSV cell that is empty or NA, N/A, #N/A, NaN or null is a missing label, not a category;
  the output says how many cells were read so, per spelling ("source.missingSpellings" in --json).
  Tables per framing: multilabel item,annotator,labels with labels joined by | (an empty cell is the
  empty set); ranking list,object,annotator,rank or objects × annotators; pairwise
  item_a,item_b,annotator,choice (a/left/first, b/right/second or tie).

Statistics:
  --bootstrap N     bootstrap resamples for the intervals (default 1000; 0 for none)
  --seed N          bootstrap seed (default 1)

Output:
  --json            print the report as one JSON object on stdout
  --min-alpha X     exit 1 when α at the chosen level (multi-label: α with MASI) is below X or
                    undefined, for any question
  -h, --help        show this help

Recording the batch in a Raisin project (its REST API):
  --push            after scoring locally, store the batch in the project and print its link
  --server URL      the Raisin server, e.g. https://raisin.example.com
  --project ID      the project's id (in its address in the app: /p/<id>)
  --name NAME       the batch's name in the app (default: the file name without its extension)
  The token is read from the RAISIN_TOKEN environment variable only, never from an argument (command
  lines end up in shell histories and process lists): an API token of the project's workspace with the
  editor role, created on its "API tokens" page. The batch is stored whatever its α, so the trend shows
  failed batches too; --min-alpha still decides the exit code.

Exit codes: 0 success, 1 α below --min-alpha, 2 unreadable input or bad options, 3 the push failed
(3 wins over 1: the batch was not recorded). Messages go to stderr.
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

/** What --push needs, checked before any work: the server, the project and the token from RAISIN_TOKEN. */
function pushTargetOf(values: ReturnType<typeof parse>['values']): PushTarget | null {
  if (values.push !== true) {
    for (const option of ['server', 'project', 'name'] as const) {
      if (values[option] !== undefined) throw new UsageError(`--${option} needs --push`);
    }
    return null;
  }
  if (values.server === undefined) throw new UsageError('--push needs --server URL (the Raisin server)');
  if (values.project === undefined) throw new UsageError("--push needs --project ID (the project's id)");
  let server: URL;
  try {
    server = new URL(values.server);
  } catch {
    throw new UsageError(
      `--server must be a URL such as https://raisin.example.com (got "${values.server}")`,
    );
  }
  if (server.protocol !== 'http:' && server.protocol !== 'https:') {
    throw new UsageError(`--server must use http or https (got "${values.server}")`);
  }
  const token = process.env.RAISIN_TOKEN?.trim() ?? '';
  if (token === '') {
    throw new UsageError(
      "--push needs an API token in the RAISIN_TOKEN environment variable (create one on the workspace's API tokens page)",
    );
  }
  return { server: server.origin, projectId: values.project, token };
}

/** The batch name a file gives: its name without folder or extension. */
function batchNameOf(file: string): string | undefined {
  if (file === '-') return undefined;
  const base = file
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]+$/, '')
    .trim();
  return base === '' ? undefined : base.slice(0, 120);
}

/**
 * `--push`: records the batch, read as the command read it, and says where (on stderr with --json, so
 * stdout stays one JSON object). False, having said why, when the server did not record it.
 */
async function pushAndSay(
  target: PushTarget,
  body: PushBody,
  file: string,
  values: ReturnType<typeof parse>['values'],
  read: { format: string; level: MeasurementLevel; options: ParseOptions },
  io: CommandIo,
): Promise<boolean> {
  const pushed = await pushBatch(target, body, {
    name: values.name ?? batchNameOf(file),
    format: read.format,
    level: read.level,
    order: read.options.order,
    columns: read.options.columns ?? {},
    duplicates: values.duplicates,
  });
  if (!pushed.ok) {
    io.stderr(`raisin agreement: the batch was not recorded: ${pushed.message}\n`);
    return false;
  }
  const recorded = `Recorded as "${pushed.name}": ${pushed.url}\n`;
  if (values.json === true) io.stderr(recorded);
  else io.stdout(recorded);
  return true;
}

export async function runAgreement(args: readonly string[], io: CommandIo): Promise<number> {
  // Refused by name before parsing: a token typed on a command line is already in the shell's history.
  if (args.some((arg) => arg === '--token' || arg.startsWith('--token='))) {
    io.stderr(
      'raisin agreement: --token is not accepted: a token on the command line ends up in shell histories and process lists. Set RAISIN_TOKEN instead.\n',
    );
    return 2;
  }
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
  let target: PushTarget | null;
  try {
    target = pushTargetOf(values);
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
  const framing = oneOfOrExit(values.framing, io);
  if (framing === null) return 2;
  const framed =
    framing !== undefined ||
    values.control !== undefined ||
    options.format === 'labelstudio' ||
    options.format === 'prodigy' ||
    ((options.format === undefined || options.format === 'auto') && file !== '-' && looksLikeJson(file));
  if (framed)
    return runFramed(file, framing, values, options, level, { bootstrap, seed, minAlpha, target }, io);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const worker = target !== null && file === '-' ? undefined : startHelperThread(file, bootstrap);
  let parsed: ReadSample['parsed'];
  let parseThreads: ReadSample['threads'] = 1;
  // Standard input can be read once: kept in memory when it is to be pushed after scoring.
  let stdinBytes: Uint8Array | null = null;
  try {
    if (target !== null && file === '-') {
      stdinBytes = await readStdin();
      parsed = parseSample(stdinBytes, options);
    } else ({ parsed, threads: parseThreads } = await readSample(file, options, worker?.readTail));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr(`raisin agreement: cannot read ${file}: ${reason}\n`);
    worker?.stop();
    return 2;
  }
  if (!parsed.ok) {
    io.stderr(describeIssue(file, parsed.error));
    worker?.stop();
    return 2;
  }
  const read = performance.now();
  const cpuRead = process.cpuUsage();
  let report: AgreementReport;
  try {
    report = computeAgreement(parsed.value.sample, {
      level,
      ...(worker?.threads === undefined ? {} : { bootstrapThreads: worker.threads }),
      ...(bootstrap === undefined ? {} : { bootstrap }),
      ...(seed === undefined ? {} : { seed }),
    });
  } finally {
    worker?.stop();
  }
  const computed = performance.now();
  const cpuComputed = process.cpuUsage();
  const { format, duplicatesResolved, missingSpellings } = parsed.value;
  const source: SampleSource = { format, duplicatesResolved, missingSpellings };
  io.stdout(
    values.json === true
      ? // How the file was read rides along as `source`; it names no path, so stdin and the file agree.
        `${JSON.stringify(toAgreementJson(report, source))}\n`
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
      parseThreads,
      // Whether a worker thread worked beside this one (it read the file's tail or drew resamples).
      helperThread: parseThreads === 2 || worker?.threads !== undefined,
      computeCpuMs: cpuMs(cpuComputed, cpuRead),
      // The whole process so far, start-up and output included.
      cpuMs: cpuMs(process.cpuUsage(), { user: 0, system: 0 }),
    };
    io.stderr(`raisin-stats ${JSON.stringify(stats)}\n`);
  }
  if (target !== null) {
    const body = stdinBytes === null ? { path: file } : { bytes: stdinBytes };
    if (!(await pushAndSay(target, body, file, values, { format, level, options }, io))) return 3;
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
      framing: { type: 'string' },
      control: { type: 'string' },
      push: { type: 'boolean' },
      server: { type: 'string' },
      project: { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/** The --framing value, undefined when absent, null (after printing why) when unknown. */
function oneOfOrExit(value: string | undefined, io: CommandIo): string | undefined | null {
  if (value === undefined || (FRAMINGS as readonly string[]).includes(value)) return value;
  io.stderr(`raisin agreement: --framing must be one of ${FRAMINGS.join(', ')} (got "${value}")\n`);
  return null;
}

/** The α a gate reads: at the chosen level, or with MASI for multi-label; null when undefined. */
function gatedAlpha(report: AgreementReport, level: MeasurementLevel): number | null {
  return report.multilabel ? report.multilabel.alphaMasi : report.krippendorffAlpha[level];
}

interface Settings {
  readonly bootstrap: number | undefined;
  readonly seed: number | undefined;
  readonly minAlpha: number | undefined;
  readonly target: PushTarget | null;
}

/**
 * Exports and framed tables: every question (Label Studio control) scored under its framing. The text
 * output prints each question; --json holds the first (or the chosen one) at the top level and all of
 * them under `controls` when there are several.
 */
async function runFramed(
  file: string,
  framing: string | undefined,
  values: ReturnType<typeof parse>['values'],
  options: ParseOptions,
  level: MeasurementLevel,
  { bootstrap, seed, minAlpha, target }: Settings,
  io: CommandIo,
): Promise<number> {
  let bytes: Uint8Array;
  try {
    bytes = await readWhole(file, options.maxBytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr(`raisin agreement: cannot read ${file}: ${reason}\n`);
    return 2;
  }
  const parsed = parseFramedSample(bytes, {
    ...options,
    ...(framing === undefined ? {} : { framing }),
    ...(values.control === undefined ? {} : { control: values.control }),
  });
  if (!parsed.ok) {
    io.stderr(describeIssue(file, parsed.error));
    return 2;
  }
  const { controls, format, skipped, missingSpellings } = parsed.value;
  if (
    target !== null &&
    (controls.length > 1 || controls.some((c) => c.framing !== 'categorical' && c.framing !== 'continuous'))
  ) {
    io.stderr(
      'raisin agreement: --push records one-label-per-item samples only (one question, categorical or numeric); score this file without --push.\n',
    );
    return 2;
  }
  const reports = new Map<string, AgreementReport>();
  for (const control of controls) {
    reports.set(
      control.name,
      computeFramedAgreement(control.sample, {
        level,
        ...(bootstrap === undefined ? {} : { bootstrap }),
        ...(seed === undefined ? {} : { seed }),
      }),
    );
  }
  const [first] = controls;
  const top = first === undefined ? undefined : reports.get(first.name);
  if (first === undefined || top === undefined) {
    io.stderr(`raisin agreement: ${file}: the file holds no annotation Raisin can score [empty_file]\n`);
    return 2;
  }
  const named = controls.length > 1 || values.control !== undefined;
  const sourceOf = (name: string, duplicatesResolved: number): SampleSource => ({
    format,
    duplicatesResolved,
    missingSpellings,
    skipped,
    ...(named ? { control: name } : {}),
  });
  if (values.json === true) {
    io.stdout(
      `${JSON.stringify(toAgreementJson(top, sourceOf(first.name, first.duplicatesResolved), reports))}\n`,
    );
  } else {
    io.stdout(
      controls
        .map((control) =>
          formatAgreementReport(reports.get(control.name) ?? top, {
            file,
            ...sourceOf(control.name, control.duplicatesResolved),
          }),
        )
        .join('\n'),
    );
  }
  if (target !== null) {
    if (!(await pushAndSay(target, { path: file }, file, values, { format, level, options }, io))) return 3;
  }
  if (minAlpha === undefined) return 0;
  let failed = false;
  for (const control of controls) {
    const report = reports.get(control.name);
    if (report === undefined) continue;
    const alpha = gatedAlpha(report, level);
    const question = named ? `question "${control.name}": ` : '';
    if (alpha === null) {
      io.stderr(`raisin agreement: ${question}α is undefined for this sample; required ≥ ${minAlpha}\n`);
      failed = true;
    } else if (alpha < minAlpha) {
      io.stderr(`raisin agreement: ${question}α = ${alpha.toFixed(3)} is below the required ${minAlpha}\n`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}
