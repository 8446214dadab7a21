import { type DomainError, type DomainErrorCode, isDatabaseUnavailable, isDomainError } from '@raisin/db';
import { TRPCError } from '@trpc/server';

type TRPCErrorCode = TRPCError['code'];

/**
 * The one table from domain error codes to tRPC codes (model: documenso `app-error.ts`). Query
 * functions say what went wrong; only this table decides how the API reports it. Missing things
 * and things the caller may not see share NOT_FOUND, so ids never reveal that a workspace exists.
 */
export const DOMAIN_TO_TRPC_CODE = {
  WORKSPACE_NOT_FOUND: 'NOT_FOUND',
  PROJECT_NOT_FOUND: 'NOT_FOUND',
  MEMBER_NOT_FOUND: 'NOT_FOUND',
  INVITATION_NOT_FOUND: 'NOT_FOUND',
  VERSION_CONFLICT: 'CONFLICT',
  LAST_OWNER: 'CONFLICT',
  ALREADY_MEMBER: 'CONFLICT',
  INVITATION_ALREADY_USED: 'CONFLICT',
  INVITATION_EMAIL_MISMATCH: 'FORBIDDEN',
  INSUFFICIENT_ROLE: 'FORBIDDEN',
  AGREEMENT_SAMPLE_NOT_FOUND: 'NOT_FOUND',
  INVALID_SAMPLE: 'BAD_REQUEST',
  INVALID_ANSWER: 'BAD_REQUEST',
  WORKSHEET_HISTORY_NOT_FOUND: 'NOT_FOUND',
  ROADMAP_NOT_FOUND: 'NOT_FOUND',
  ROADMAP_INVALID: 'BAD_REQUEST',
  TRADEOFF_ITEM_NOT_FOUND: 'NOT_FOUND',
  TRADEOFF_INVALID: 'BAD_REQUEST',
  REPORT_VERSION_NOT_FOUND: 'NOT_FOUND',
  SHARE_LINK_NOT_FOUND: 'NOT_FOUND',
  SHARE_LINK_CLOSED: 'FORBIDDEN',
  FEEDBACK_NOT_ALLOWED: 'FORBIDDEN',
  DECISION_NOT_FOUND: 'NOT_FOUND',
  REPORT_INVALID: 'BAD_REQUEST',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  INVALID_PROJECT_FILE: 'BAD_REQUEST',
  PROJECT_FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  API_TOKEN_NOT_FOUND: 'NOT_FOUND',
  API_TOKEN_INVALID: 'BAD_REQUEST',
} as const satisfies Record<DomainErrorCode, TRPCErrorCode>;

export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: DOMAIN_TO_TRPC_CODE[error.code], message: error.message, cause: error });
}

export const DATABASE_UNAVAILABLE_MESSAGE =
  'The database is unavailable right now; please try again shortly.';

/**
 * A lost database connection is an outage, not a bug: HTTP 503 with a plain message the client can
 * show and retry on, instead of a 500 with driver details. Null when `error` is something else.
 */
export function toUnavailableError(error: unknown): TRPCError | null {
  if (!isDatabaseUnavailable(error)) return null;
  return new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE, cause: error });
}

/** The details a domain error carries for the client (e.g. a conflict's current value), if any. */
export function domainDetailsOf(error: TRPCError): Readonly<Record<string, unknown>> | null {
  return isDomainError(error.cause) ? (error.cause.details ?? null) : null;
}

/** The domain code behind a tRPC error, if any (the error formatter sends it to clients). */
export function domainCodeOf(error: TRPCError): DomainErrorCode | null {
  return isDomainError(error.cause) ? error.cause.code : null;
}
