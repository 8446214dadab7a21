import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createShareLink, type DbHandle, revokeShareLink } from '@raisin/db';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextIp, publishedExampleReport, startTestApp } from './helpers';

const INDEX_HTML =
  '<!doctype html><html><head><title>Raisin</title></head><body><div id="root"></div></body></html>';

let handle: DbHandle;
let app: FastifyInstance;
let webDist: string;

beforeAll(async () => {
  webDist = mkdtempSync(join(tmpdir(), 'raisin-web-'));
  writeFileSync(join(webDist, 'index.html'), INDEX_HTML);
  ({ handle, app } = await startTestApp({ RAISIN_WEB_DIST: webDist }));
});

afterAll(async () => {
  await app?.close();
  await handle?.close();
  rmSync(webDist, { recursive: true, force: true });
});

async function sharedVersion(projectName: string, options: { previewNumbers?: boolean } = {}) {
  const { owner, workspaceId, projectId, versionId } = await publishedExampleReport(
    app,
    handle.db,
    projectName,
  );
  const link = await createShareLink(handle.db, {
    projectId,
    workspaceId,
    versionId,
    expiresAt: null,
    ...options,
    actorId: owner.userId,
  });
  return { ...link, projectId, workspaceId, actorId: owner.userId };
}

const open = (token: string) => app.inject({ method: 'GET', url: `/s/${token}`, remoteAddress: nextIp() });

describe('share page /s/<token>', () => {
  it('serves the app with noindex, the security headers and an escaped Open Graph title without numbers', async () => {
    const link = await sharedVersion('Routing <b>"tickets"</b> & more');
    const response = await open(link.token);
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.body).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(response.body).toContain(
      '<meta property="og:title" content="Routing &lt;b&gt;&quot;tickets&quot;&lt;/b&gt; &amp; more — report v1">',
    );
    expect(response.body).not.toContain('<b>');
    // The snapshot's numbers stay out of the preview (the ceiling 0.81, the P50 of 41 days).
    expect(response.body).not.toMatch(/0\.81|41|5\.9|Spike first/);
    expect(response.body).toContain(
      '<meta property="og:description" content="A planning report shared from Raisin.">',
    );
  });

  it('puts the verdict, ceiling and P50 in the preview only when the link allows it', async () => {
    const link = await sharedVersion('Ticket router', { previewNumbers: true });
    const response = await open(link.token);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(
      '<meta property="og:description" content="Verdict: Spike first · human ceiling 0.810 · time to target P50 5.9 weeks. A planning report shared from Raisin.">',
    );
    // A revoked link shows nothing, whatever it allowed before.
    await revokeShareLink(handle.db, { ...link, linkId: link.id });
    const revoked = await open(link.token);
    expect(revoked.body).not.toMatch(/Spike first|0\.810/);
  });

  it('gives unknown and revoked links a neutral preview', async () => {
    const link = await sharedVersion('Secret project');
    await revokeShareLink(handle.db, { ...link, linkId: link.id });
    for (const token of [link.token, 'no-such-token']) {
      const response = await open(token);
      expect(response.statusCode).toBe(200);
      expect(response.headers['x-robots-tag']).toBe('noindex, nofollow');
      expect(response.body).toContain('content="Raisin — shared report"');
      expect(response.body).not.toContain('Secret project');
    }
  });
});
