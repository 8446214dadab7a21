/**
 * Domain error codes raised by query functions. The API maps each to a transport code in one table
 * (packages/api/src/errors.ts), so the words here describe what went wrong, not how to report it.
 */
export const DOMAIN_ERROR_CODES = [
  'WORKSPACE_NOT_FOUND',
  'PROJECT_NOT_FOUND',
  'MEMBER_NOT_FOUND',
  'INVITATION_NOT_FOUND',
  'VERSION_CONFLICT',
  'LAST_OWNER',
  'ALREADY_MEMBER',
  'INVITATION_ALREADY_USED',
  'INVITATION_EMAIL_MISMATCH',
  'INSUFFICIENT_ROLE',
  'AGREEMENT_SAMPLE_NOT_FOUND',
  'INVALID_SAMPLE',
  'INVALID_ANSWER',
  'WORKSHEET_HISTORY_NOT_FOUND',
  'ROADMAP_NOT_FOUND',
  'ROADMAP_INVALID',
  'TRADEOFF_ITEM_NOT_FOUND',
  'TRADEOFF_INVALID',
  'INVALID_PROJECT_FILE',
  'PROJECT_FILE_TOO_LARGE',
  'REPORT_VERSION_NOT_FOUND',
  'SHARE_LINK_NOT_FOUND',
  'SHARE_LINK_CLOSED',
  'FEEDBACK_NOT_ALLOWED',
  'DECISION_NOT_FOUND',
  'REPORT_INVALID',
  'RATE_LIMITED',
  'API_TOKEN_NOT_FOUND',
  'API_TOKEN_INVALID',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: DomainErrorCode;
  /**
   * Facts the client needs to recover, sent with the error (e.g. a CONFLICT's current value and who saved
   * it). Only ever data the caller may read anyway: the API forwards it as is.
   */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: DomainErrorCode, message: string, details?: Readonly<Record<string, unknown>>) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
