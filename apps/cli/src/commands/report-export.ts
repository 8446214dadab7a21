/**
 * `raisin report export --project ID --version N --format md|html|pdf [--out FILE]`: a published report
 * version from the database the server uses (same environment variables), rendered by the same core
 * renderers as the web app. PDF is the HTML printed by headless Chromium.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  type ReportDecisionLine,
  type ReportSnapshot,
  renderReportHtml,
  renderReportMarkdown,
} from '@raisin/core/report';
import {
  createDb,
  type DbHandle,
  getProject,
  getReportVersion,
  isDomainError,
  listSharedDecisions,
} from '@raisin/db';
// The server's own reader, so the CLI finds the database exactly as `npm start` does.
import { ConfigError, loadConfig } from '@raisin/server/config';
import type { CommandIo } from '../main';

export const REPORT_EXPORT_HELP = `Usage: raisin report export --project ID --version N --format md|html|pdf [--out FILE]

Writes a published report version as Markdown, a self-contained HTML file, or a PDF (printed by
headless Chromium: CHROMIUM_PATH, else /usr/bin/chromium). Reads the database the server uses:
DATABASE_URL when set, else the embedded database in RAISIN_DATA_DIR (default ./data), which only one
process may open at a time: stop the server first, or use DATABASE_URL.

Options:
  --project ID      the project's id (from its address in the browser)
  --version N       the published version number
  --format F        md, html or pdf
  --out FILE        where to write (default: standard output for md and html; report-vN.pdf for pdf)
  -h, --help        show this help

Exit codes: 0 written, 1 project or version not found, 2 bad options, database or Chromium unavailable.
`;

const FORMATS = ['md', 'html', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

class ExportError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function readOptions(args: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      project: { type: 'string' },
      version: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) return null;
  if (positionals[0] !== 'export' || positionals.length !== 1) {
    throw new ExportError('expected "raisin report export"', 2);
  }
  const project = values.project ?? '';
  if (!UUID.test(project)) throw new ExportError('--project must be a project id (a UUID)', 2);
  const version = Number(values.version);
  if (!Number.isInteger(version) || version < 1) {
    throw new ExportError('--version must be a version number ≥ 1', 2);
  }
  const format = FORMATS.find((f) => f === values.format);
  if (format === undefined) throw new ExportError(`--format must be one of ${FORMATS.join(', ')}`, 2);
  return { project, version, format, out: values.out };
}

/** Opens the configured database; an embedded one held by a running server is named as such. */
async function openDatabase(env: NodeJS.ProcessEnv): Promise<DbHandle> {
  let config: ReturnType<typeof loadConfig>;
  try {
    // Relative paths resolve against the folder the command runs in (npm sets INIT_CWD to that too).
    config = loadConfig({ INIT_CWD: process.cwd(), ...env });
  } catch (error) {
    if (error instanceof ConfigError) throw new ExportError(error.message, 2);
    throw error;
  }
  if (config.databaseUrl !== undefined) return createDb({ url: config.databaseUrl, maxConnections: 1 });
  // PGlite keeps postmaster.pid while a process has the folder open; two writers would corrupt it.
  if (existsSync(join(config.dataDir, 'postmaster.pid'))) {
    throw new ExportError(
      `the database in ${config.dataDir} is in use by a running server: stop the server or use DATABASE_URL ` +
        '(if no server runs, a crash left postmaster.pid behind there: delete that file)',
      2,
    );
  }
  if (!existsSync(join(config.dataDir, 'PG_VERSION'))) {
    throw new ExportError(`no database in ${config.dataDir} (set RAISIN_DATA_DIR or DATABASE_URL)`, 2);
  }
  return createDb({ dataDir: config.dataDir });
}

/**
 * The published snapshot with its decisions that an owner did not hide (as its readers see them, without
 * e-mails), or an ExportError naming what is missing (project, version, or the tables).
 */
async function readSnapshot(
  handle: DbHandle,
  projectId: string,
  number: number,
): Promise<{ snapshot: ReportSnapshot; decisions: ReportDecisionLine[] }> {
  try {
    const project = await getProject(handle.db, { projectId });
    if (!project) throw new ExportError(`no project ${projectId}`, 1);
    const version = await getReportVersion(handle.db, { projectId, number }).catch((error: unknown) => {
      if (!isDomainError(error)) throw error;
      throw new ExportError(`project "${project.name}" has no published version ${number}`, 1);
    });
    const decisions = await listSharedDecisions(handle.db, version.id);
    return {
      snapshot: version.snapshot,
      decisions: decisions.map(({ createdAt, id: _, ...d }) => ({
        ...d,
        decidedAt: createdAt.toISOString(),
      })),
    };
  } catch (error) {
    // 42P01 undefined_table: a database the server never migrated (or migrated by an older version).
    if (error instanceof Error && (error.cause as { code?: unknown } | undefined)?.code === '42P01') {
      throw new ExportError('the database has no Raisin tables yet: start the server once to set it up', 2);
    }
    throw error;
  }
}

function chromiumPath(env: NodeJS.ProcessEnv): string {
  const path = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new ExportError(
      `PDF needs Chromium, not found at ${path}: install it (Debian: apt-get install chromium), set CHROMIUM_PATH, or use --format html and print that`,
      2,
    );
  }
  return path;
}

/** Prints `html` to a PDF with headless Chromium and returns its bytes. */
async function printPdf(html: string, chromium: string): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'raisin-report-'));
  try {
    const page = join(dir, 'report.html');
    const pdf = join(dir, 'report.pdf');
    await writeFile(page, html);
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--no-pdf-header-footer',
      `--user-data-dir=${join(dir, 'profile')}`,
      `--print-to-pdf=${pdf}`,
      pathToFileURL(page).href,
    ];
    const stderr: Buffer[] = [];
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      child.on('error', reject);
      child.on('close', resolve);
    });
    if (code !== 0 || !existsSync(pdf)) {
      throw new ExportError(
        `Chromium could not print the PDF:\n${Buffer.concat(stderr).toString().slice(-2000)}`,
        2,
      );
    }
    return new Uint8Array(await readFile(pdf));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function render(format: Format, html: () => string, md: () => string, env: NodeJS.ProcessEnv) {
  if (format === 'md') return md();
  if (format === 'html') return html();
  return printPdf(html(), chromiumPath(env));
}

export async function runReportExport(
  args: readonly string[],
  io: CommandIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let options: ReturnType<typeof readOptions>;
  try {
    options = readOptions(args);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`raisin report: ${message}\n\n${REPORT_EXPORT_HELP}`);
    return 2;
  }
  if (options === null) {
    io.stdout(REPORT_EXPORT_HELP);
    return 0;
  }
  let handle: DbHandle | undefined;
  try {
    // Find Chromium before opening the database: a missing browser should not cost a PGlite start.
    if (options.format === 'pdf') chromiumPath(env);
    handle = await openDatabase(env);
    const { snapshot, decisions } = await readSnapshot(handle, options.project, options.version);
    await handle.close();
    handle = undefined;
    const output = await render(
      options.format,
      () => renderReportHtml(snapshot, { decisions }),
      () => renderReportMarkdown(snapshot, { decisions }),
      env,
    );
    const out = options.out ?? (options.format === 'pdf' ? `report-v${options.version}.pdf` : undefined);
    if (out === undefined && typeof output === 'string') {
      io.stdout(output);
    } else if (out !== undefined) {
      await writeFile(out, output);
      io.stderr(`raisin report: wrote ${out}\n`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof ExportError)) throw error;
    io.stderr(`raisin report: ${error.message}\n`);
    return error.exitCode;
  } finally {
    await handle?.close();
  }
}
