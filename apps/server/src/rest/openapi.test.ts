import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './openapi';
import { API_ERROR_CODES } from './schemas';

// docs/api.md is the readable form of the generated document: it must name everything the document does.
const page = readFileSync(new URL('../../../../docs/api.md', import.meta.url), 'utf8');
const document = buildOpenApiDocument('0.0.0');

describe('docs/api.md', () => {
  it('names every operation of the OpenAPI document', () => {
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      for (const method of Object.keys(item ?? {})) {
        expect(page, `${method} ${path}`).toContain(`${method.toUpperCase()} ${path}`);
      }
    }
  });

  it('names every query parameter and every error code', () => {
    const operation = document.paths?.['/api/v1/projects/{projectId}/samples']?.post;
    const parameters = (operation?.parameters ?? []) as { name: string; in: string }[];
    const query = parameters
      .filter((parameter) => parameter.in === 'query')
      .map((parameter) => parameter.name);
    expect(query.length).toBeGreaterThan(5);
    for (const name of query) expect(page, name).toContain(`\`${name}\``);
    for (const code of API_ERROR_CODES) expect(page, code).toContain(`\`${code}\``);
  });
});
