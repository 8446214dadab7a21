// Node's socket errors when the database host refuses, drops or never answers a connection.
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// SQLSTATEs meaning "the server is there but will not serve us now": admin/crash shutdown, starting up,
// too many connections. Class 08 (connection exceptions) is matched by prefix.
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

// node-postgres raises these as plain Errors without a code (pg-pool and pg/lib/client.js).
const PG_CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'is not queryable',
  'Cannot use a pool after calling end',
];

function isUnavailableError(error: object): boolean {
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  if (SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  const message = 'message' in error && typeof error.message === 'string' ? error.message : '';
  return PG_CONNECTION_MESSAGES.some((fragment) => message.includes(fragment));
}

/**
 * Whether an error (or any error in its `cause` chain: drizzle and tRPC wrap the driver's) means the
 * database could not be reached, as opposed to a bad query: the server answers those with 503.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && typeof current === 'object' && current !== null; depth += 1) {
    if (isUnavailableError(current)) return true;
    current = 'cause' in current ? current.cause : undefined;
  }
  return false;
}
