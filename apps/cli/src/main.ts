/**
 * The `raisin` command: dispatches to `commands/<name>.ts`, each imported only when run, so `raisin --help`
 * never loads the agreement engine (after vite's packages/vite/src/node/cli.ts).
 */

export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** A command takes its arguments and returns the process exit code. */
export type CommandRun = (args: readonly string[], io: CommandIo) => Promise<number>;

const COMMANDS: Readonly<
  Record<string, { readonly summary: string; readonly load: () => Promise<CommandRun> }>
> = {
  agreement: {
    summary: 'Inter-annotator agreement of a labeled sample (CSV, TSV, JSONL, Label Studio, Prodigy)',
    load: async () => (await import('./commands/agreement')).runAgreement,
  },
  report: {
    summary: 'Export a published report version as Markdown, HTML or PDF (raisin report export --help)',
    load: async () => (await import('./commands/report-export')).runReportExport,
  },
};

const USAGE = `Usage: raisin <command> [options]

Plan ML projects before building them.

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(12)}${command.summary}`)
  .join('\n')}

Run "raisin <command> --help" for a command's options.
`;

export async function runCli(argv: readonly string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    io.stderr(`raisin: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  const run = await command.load();
  return run(rest, io);
}

const io: CommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};
// exitCode rather than exit(): a piped stdout is written asynchronously and must drain first.
process.exitCode = await runCli(process.argv.slice(2), io);
