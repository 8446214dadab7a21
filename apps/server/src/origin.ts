/**
 * Which origin a browser request must come from, and the links the server builds. With RAISIN_PUBLIC_URL
 * set, that origin. Unset, the origin the request was made to: its scheme and Host, as the browser saw
 * them (so http://localhost:3000, http://127.0.0.1:3000, http://[::1]:3000 and a LAN address each work
 * on their own). Behind a proxy, X-Forwarded-Proto and X-Forwarded-Host stand for them only when
 * RAISIN_TRUST_PROXY trusts the hop they came from: Fastify's `request.protocol` and `request.host`
 * honour its `trustProxy` setting.
 */
import type { FastifyRequest } from 'fastify';

/** The origin this request was made to (`http://127.0.0.1:3000`), or null when its Host is no host. */
export function requestOrigin(request: FastifyRequest): string | null {
  const protocol = request.protocol;
  if (protocol !== 'http' && protocol !== 'https') return null;
  const host = request.host;
  // A Host with a path, credentials or a query is no host: refuse rather than let URL parsing drop it.
  if (host === '' || /[/\\?#@\s]/.test(host)) return null;
  try {
    const origin = new URL(`${protocol}://${host}`).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/** The origin a browser request must come from and the server's links use; null for an unusable Host. */
export function expectedOrigin(request: FastifyRequest, publicUrl: string | null): string | null {
  return publicUrl ?? requestOrigin(request);
}

/**
 * CSRF defence for cookie sessions: a state-changing request must come from the expected origin, as the
 * browser reports it. SameSite=Lax already stops most cross-site posts; this also covers sibling
 * subdomains and old browsers. Without an Origin header, Fetch metadata must say same-origin.
 */
export function isSameOriginRequest(request: FastifyRequest, publicUrl: string | null): boolean {
  const origin = request.headers.origin;
  if (typeof origin !== 'string') return request.headers['sec-fetch-site'] === 'same-origin';
  const expected = expectedOrigin(request, publicUrl);
  return expected !== null && origin === expected;
}

/** Why a cross-origin request was refused, naming the origin expected and how to change it. */
export function crossOriginRefusal(request: FastifyRequest, publicUrl: string | null): string {
  const origin = request.headers.origin;
  const came = typeof origin === 'string' ? `from ${origin}` : 'without an Origin header';
  if (publicUrl !== null) {
    return `Cross-origin request refused: this server accepts browser requests from ${publicUrl} (RAISIN_PUBLIC_URL), and this one came ${came}.`;
  }
  const expected = requestOrigin(request);
  if (expected === null) {
    return `Cross-origin request refused: the request's Host header names no address, so no origin can match. Set RAISIN_PUBLIC_URL to the address users open.`;
  }
  return `Cross-origin request refused: this request was made to ${expected}, so that is the origin the server expected, and it came ${came}. Open Raisin at one address, or set RAISIN_PUBLIC_URL to the address users open (for example when a proxy changes it).`;
}
