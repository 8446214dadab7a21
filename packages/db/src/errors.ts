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
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: DomainErrorCode;

  constructor(code: DomainErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
