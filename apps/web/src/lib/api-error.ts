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
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A refused or failed API call as the UI reads it: what the server's error formatter sends
 * (`packages/api/src/trpc.ts`), typed once here so no feature digs into `error.data` by hand.
 */
export interface ApiError {
  /** The tRPC code; undefined when the server did not answer (offline, network failure). */
  readonly code: ApiErrorCode | undefined;
  /** The server's sentence: a domain refusal's own words, or one sentence per invalid field. */
  readonly message: string;
  /** The domain's code (`VERSION_CONFLICT`, `ROADMAP_INVALID`…) when the refusal came from the domain. */
  readonly domainCode: string | null;
  /** What a client needs to recover, e.g. a conflict's `current` value and `currentVersion`. */
  readonly details: Readonly<Record<string, unknown>>;
  /** Input validation's messages per field (`name` → ["…"]); empty when the input was valid. */
  readonly fieldErrors: Readonly<Record<string, readonly string[]>>;
}

function fieldErrorsOf(zodError: unknown): Record<string, readonly string[]> {
  if (!isRecord(zodError) || !isRecord(zodError.fieldErrors)) return {};
  const entries = Object.entries(zodError.fieldErrors).map(
    ([field, messages]) =>
      [
        field,
        Array.isArray(messages) ? messages.filter((m): m is string => typeof m === 'string') : [],
      ] as const,
  );
  return Object.fromEntries(entries.filter(([, messages]) => messages.length > 0));
}

/** Reads any error the tRPC client throws (duck-typed: it works on every shape the client produces). */
export function readApiError(error: unknown): ApiError {
  const data = isRecord(error) && isRecord(error.data) ? error.data : {};
  return {
    code: API_ERROR_CODES.find((known) => known === data.code),
    message: error instanceof Error ? error.message : '',
    domainCode: typeof data.domainCode === 'string' ? data.domainCode : null,
    details: isRecord(data.domainDetails) ? data.domainDetails : {},
    fieldErrors: fieldErrorsOf(data.zodError),
  };
}

/**
 * Reads the tRPC error code from a TRPCClientError (`error.data.code`), or `undefined` for network
 * failures and non-tRPC errors.
 */
export function getApiErrorCode(error: unknown): ApiErrorCode | undefined {
  return readApiError(error).code;
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

/**
 * A sentence for the user; never a stack trace. The server's own sentence where it was written for a
 * person: a domain refusal (which names its cause), a validation error (which names the field), a
 * conflict and a size limit; the generic wording for the rest.
 */
export function describeApiError(error: unknown): string {
  const { code, message, domainCode, fieldErrors } = readApiError(error);
  const fromServer = message !== '' && (domainCode !== null || Object.keys(fieldErrors).length > 0);
  switch (code) {
    case 'CONFLICT':
      return message || 'This conflicts with a newer change.';
    case 'PAYLOAD_TOO_LARGE':
      // The server's sentence names the limit.
      return message || 'This is too large to send.';
    case 'FORBIDDEN':
      return fromServer ? message : 'You do not have permission to do this.';
    case 'NOT_FOUND':
      return 'Not found, or you do not have access.';
    case 'UNAUTHORIZED':
      return 'Your session has ended. Sign in again.';
    case 'TOO_MANY_REQUESTS':
      return 'Too many attempts. Wait a minute and try again.';
    case 'BAD_REQUEST':
      return fromServer ? message : 'Some of the values are not valid.';
    default:
      return 'Something went wrong. Check your connection and try again.';
  }
}
