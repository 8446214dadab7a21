import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml, headlineLine } from '@raisin/core/report';
import { type Db, isDomainError, previewSharedReport, type SharedReportPreview } from '@raisin/db';
import type { FastifyInstance } from 'fastify';

const MAX_TOKEN_LENGTH = 128;

/**
 * The head tags of a share page: never indexed, and a link preview naming the project and the version;
 * the headline numbers (verdict, ceiling, P50) only when the link's owner allowed them. Unknown, revoked
 * and expired links get a neutral title.
 */
export function sharePageHead(preview: SharedReportPreview | null): string {
  const title = preview
    ? `${preview.projectName} — report v${preview.versionNumber}`
    : 'Raisin — shared report';
  const description = !preview
    ? 'This link is not available.'
    : preview.summary
      ? `${headlineLine(preview.summary)}. A planning report shared from Raisin.`
      : 'A planning report shared from Raisin.';
  return [
    '<meta name="robots" content="noindex, nofollow">',
    `<meta property="og:title" content="${escapeHtml(title)}">`,
    `<meta property="og:description" content="${escapeHtml(description)}">`,
    '<meta property="og:type" content="article">',
    '<meta property="og:site_name" content="Raisin">',
  ].join('\n    ');
}

/**
 * Serves `/s/<token>` (the web app's share page) with `noindex` and Open Graph tags injected into the
 * app's index.html. A failed lookup counts against the share-token rate limit like the API's, so this
 * route is no side door for guessing; over the limit the page is served without a preview.
 */
export function registerSharePage(app: FastifyInstance, options: { db: Db; webDist: string }): void {
  const indexHtml = readFileSync(join(options.webDist, 'index.html'), 'utf8');
  app.get<{ Params: { token: string } }>('/s/:token', async (request, reply) => {
    const { token } = request.params;
    let preview: SharedReportPreview | null = null;
    if (token.length <= MAX_TOKEN_LENGTH) {
      try {
        preview = await previewSharedReport(options.db, { token, clientIp: request.ip });
      } catch (error) {
        if (!isDomainError(error)) throw error;
      }
    }
    const html = indexHtml.replace('</head>', `  ${sharePageHead(preview)}\n  </head>`);
    return reply
      .header('x-robots-tag', 'noindex, nofollow')
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(html);
  });
}
