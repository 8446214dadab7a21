/** The tRPC error codes the UI reacts to; anything else is shown as a generic failure. */
export const API_ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'TOO_MANY_REQUESTS',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Reads the tRPC error code from a TRPCClientError (`error.data.code`), or `undefined` for network
 * failures and non-tRPC errors. Duck-typed so it works on any error shape the client produces.
 */
export function getApiErrorCode(error: unknown): ApiErrorCode | undefined {
  if (!isRecord(error) || !isRecord(error.data)) return undefined;
  const code = error.data.code;
  return API_ERROR_CODES.find((known) => known === code);
}

/**
 * True when the API answered "this does not exist for you": unknown ids, other people's workspaces,
 * and malformed ids typed into the address bar all look the same to the user.
 */
export function isNotFoundOrForbidden(error: unknown): boolean {
  const code = getApiErrorCode(error);
  return code === 'NOT_FOUND' || code === 'FORBIDDEN' || code === 'BAD_REQUEST';
}

/** Errors that a retry cannot fix. */
export function isExpectedApiError(error: unknown): boolean {
  const code = getApiErrorCode(error);
  return code !== undefined && code !== 'INTERNAL_SERVER_ERROR';
}

/** A sentence for the user; never a stack trace. */
export function describeApiError(error: unknown): string {
  switch (getApiErrorCode(error)) {
    case 'CONFLICT':
      return error instanceof Error && error.message ? error.message : 'This conflicts with a newer change.';
    case 'PAYLOAD_TOO_LARGE':
      // The server's sentence names the limit.
      return error instanceof Error && error.message ? error.message : 'This is too large to send.';
    case 'FORBIDDEN':
      return 'You do not have permission to do this.';
    case 'NOT_FOUND':
      return 'Not found, or you do not have access.';
    case 'UNAUTHORIZED':
      return 'Your session has ended. Sign in again.';
    case 'TOO_MANY_REQUESTS':
      return 'Too many attempts. Wait a minute and try again.';
    case 'BAD_REQUEST':
      return 'Some of the values are not valid.';
    default:
      return 'Something went wrong. Check your connection and try again.';
  }
}
