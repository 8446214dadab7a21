import { createHash, randomBytes } from 'node:crypto';

/**
 * A bearer secret (invitation link, share link, API token): 32 random bytes (256 bits) from the CSPRNG,
 * base64url, after an optional `prefix` that makes the kind recognisable (e.g. `raisin_` for API tokens,
 * so secret scanners and people can tell what leaked).
 */
export function generateSecretToken(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/**
 * SHA-256 (hex) of a token: only this is stored, so a database leak does not leak usable secrets. A
 * plain hash suffices, unlike for passwords: the token has 256 bits of entropy, so nothing can be guessed
 * from its hash. Lookups go by hash (an index), so no comparison of the secret itself can leak timing.
 */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
