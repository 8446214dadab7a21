import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleReportSnapshot } from '@raisin/core/report';
import {
  createDb,
  createProject,
  createWorkspace,
  hideDecision,
  migrateDb,
  publishReportVersion,
  recordMeetingDecision,
} from '@raisin/db';
import { seedUser } from '@raisin/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReportExport } from './report-export';

let dir = '';
let dataDir = '';
let projectId = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'raisin-report-cli-'));
  dataDir = join(dir, 'data');
  // A data folder as the server leaves it: migrated, with one project and one published version.
  const handle = await createDb({ dataDir });
  try {
    await migrateDb(handle.db, handle.driver);
    const user = await seedUser(handle.db, { name: 'Ada' });
    const workspace = await createWorkspace(handle.db, { name: 'ML', actorId: user.id });
    const project = await createProject(handle.db, {
      workspaceId: workspace.id,
      name: 'Ticket router',
      actorId: user.id,
    });
    projectId = project.id;
    const version = await publishReportVersion(handle.db, {
      projectId,
      workspaceId: workspace.id,
      note: 'steering',
      actorId: user.id,
      actorName: user.name,
      snapshot: exampleReportSnapshot(),
    });
    const decide = (name: string, comment: string) =>
      recordMeetingDecision(handle.db, {
        projectId,
        workspaceId: workspace.id,
        versionId: version.id,
        actorId: user.id,
        decision: 'approve-with-conditions',
        name,
        comment,
      });
    await decide('Steering committee', 'keep a human review of refunds');
    const hidden = await decide('Spam', 'hidden by an owner');
    await hideDecision(handle.db, {
      projectId,
      workspaceId: workspace.id,
      decisionId: hidden.id,
      actorId: user.id,
    });
  } finally {
    await handle.close();
  }
}, 60_000);

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

/** Runs the command with the server's variables pointing at the seeded folder; returns code and output. */
async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runReportExport(
    args,
    { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
    { RAISIN_DATA_DIR: dataDir, ...env },
  );
  return { code, stdout, stderr };
}

const exportArgs = (format: string, version = '1') => [
  'export',
  '--project',
  projectId,
  '--version',
  version,
  '--format',
  format,
];

describe('raisin report export', () => {
  it('prints Markdown of the published version', async () => {
    const { code, stdout } = await run(exportArgs('md'));
    expect(code).toBe(0);
    expect(stdout.startsWith('# Ticket router: planning report\n')).toBe(true);
    expect(stdout).toContain('Version 1, published');
    expect(stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // The version's decisions, as its readers see them: the hidden one is left out.
    expect(stdout).toContain('## Decisions on version 1');
    expect(stdout).toContain(
      '- Steering committee approved v1 with conditions (in a meeting): keep a human review of refunds',
    );
    expect(stdout).not.toContain('hidden by an owner');
  });

  it('writes a self-contained HTML file with --out', async () => {
    const out = join(dir, 'report.html');
    const { code, stderr } = await run([...exportArgs('html'), '--out', out]);
    expect(code).toBe(0);
    expect(stderr).toContain(`wrote ${out}`);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<svg ');
    expect(html).not.toContain('<script>');
  });

  // Chromium is a prerequisite of `npm test` (scripts/ensure-chromium.mjs), so this runs everywhere.
  it('prints a PDF with Chromium', async () => {
    const out = join(dir, 'report.pdf');
    const { code, stderr } = await run([...exportArgs('pdf'), '--out', out]);
    expect(code, stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);

  it('says Chromium is missing and exits 2', async () => {
    const { code, stderr } = await run(exportArgs('pdf'), { CHROMIUM_PATH: join(dir, 'no-chromium') });
    expect(code).toBe(2);
    expect(stderr).toContain('PDF needs Chromium, not found at');
  });

  it('names an unknown project or version and exits 1', async () => {
    const unknownProject = await run([
      'export',
      '--project',
      '00000000-0000-4000-8000-000000000000',
      '--version',
      '1',
      '--format',
      'md',
    ]);
    expect(unknownProject).toMatchObject({ code: 1, stdout: '' });
    expect(unknownProject.stderr).toContain('no project 00000000-0000-4000-8000-000000000000');
    const unknownVersion = await run(exportArgs('md', '7'));
    expect(unknownVersion.code).toBe(1);
    expect(unknownVersion.stderr).toContain('project "Ticket router" has no published version 7');
  });

  it('refuses bad options with exit 2 and the usage', async () => {
    for (const args of [
      exportArgs('docx'),
      exportArgs('md', 'first'),
      ['export', '--project', 'nope', '--version', '1', '--format', 'md'],
      ['publish'],
    ]) {
      const { code, stderr } = await run(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toContain('Usage: raisin report export');
    }
  });

  it('tells to stop the server when the embedded database is in use', async () => {
    const server = await createDb({ dataDir });
    try {
      const { code, stderr } = await run(exportArgs('md'));
      expect(code).toBe(2);
      expect(stderr).toContain('in use by a running server: stop the server or use DATABASE_URL');
    } finally {
      await server.close();
    }
  });

  it('says when the folder holds no database', async () => {
    const { code, stderr } = await run(exportArgs('md'), { RAISIN_DATA_DIR: join(dir, 'empty') });
    expect(code).toBe(2);
    expect(stderr).toContain('no database in');
  });
});
