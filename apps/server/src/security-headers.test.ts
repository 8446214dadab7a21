import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import helmet, { type HelmetOptions } from 'helmet';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers';

/** What helmet's own middleware sets on a real response for `options`, by lower-case name. */
function helmetOnARealResponse(options: HelmetOptions): Record<string, string> {
  const request = new IncomingMessage(new Socket());
  const response = new ServerResponse(request);
  helmet(options)(request, response, () => undefined);
  return Object.fromEntries(
    Object.entries(response.getHeaders()).map(([name, value]) => [name, String(value)]),
  );
}

describe('securityHeaders', () => {
  it.each([
    ['the defaults', {}],
    [
      'a strict CSP without HSTS, as over plain http',
      {
        contentSecurityPolicy: {
          useDefaults: false,
          directives: { defaultSrc: ["'self'"], frameAncestors: ["'none'"] },
        },
        frameguard: { action: 'deny' },
        referrerPolicy: { policy: 'no-referrer' },
        strictTransportSecurity: false,
      },
    ],
    [
      'HSTS and upgrade-insecure-requests, as over https',
      {
        contentSecurityPolicy: { directives: { upgradeInsecureRequests: [] } },
        strictTransportSecurity: { maxAge: 15_552_000, includeSubDomains: true },
      },
    ],
  ] satisfies [string, HelmetOptions][])(
    'computes once what helmet sets per response: %s',
    (_name, options) => {
      expect(securityHeaders(options)).toEqual(helmetOnARealResponse(options));
    },
  );

  it('sends no X-Powered-By and names each header in lower case', () => {
    const headers = securityHeaders({});
    expect(headers['x-powered-by']).toBeUndefined();
    expect(headers['x-content-type-options']).toBe('nosniff');
    for (const name of Object.keys(headers)) expect(name).toBe(name.toLowerCase());
  });
});
