import { describe, expect, it } from 'vitest';
import {
  describeApiError,
  getApiErrorCode,
  isExpectedApiError,
  isNotFoundOrForbidden,
  readApiError,
} from './api-error';

// The shape TRPCClientError carries: `data.code` from the server's default error formatter.
function trpcError(code: string, message = 'boom'): Error & { data: { code: string; httpStatus: number } } {
  return Object.assign(new Error(message), { data: { code, httpStatus: 400 } });
}

describe('getApiErrorCode', () => {
  it('reads the tRPC code', () => {
    expect(getApiErrorCode(trpcError('CONFLICT'))).toBe('CONFLICT');
  });

  it('is undefined for network errors, unknown codes and non-errors', () => {
    expect(getApiErrorCode(new TypeError('Failed to fetch'))).toBeUndefined();
    expect(getApiErrorCode(trpcError('TEAPOT'))).toBeUndefined();
    expect(getApiErrorCode(null)).toBeUndefined();
    expect(getApiErrorCode({ data: null })).toBeUndefined();
  });
});

describe('isNotFoundOrForbidden', () => {
  it('treats NOT_FOUND, FORBIDDEN and a malformed id alike, so existence is not revealed', () => {
    expect(
      ['NOT_FOUND', 'FORBIDDEN', 'BAD_REQUEST'].map((code) => isNotFoundOrForbidden(trpcError(code))),
    ).toEqual([true, true, true]);
    expect(isNotFoundOrForbidden(trpcError('INTERNAL_SERVER_ERROR'))).toBe(false);
    expect(isNotFoundOrForbidden(new Error('offline'))).toBe(false);
  });
});

describe('isExpectedApiError', () => {
  it('does not retry answers, only failures', () => {
    expect(isExpectedApiError(trpcError('NOT_FOUND'))).toBe(true);
    expect(isExpectedApiError(trpcError('INTERNAL_SERVER_ERROR'))).toBe(false);
    expect(isExpectedApiError(new TypeError('Failed to fetch'))).toBe(false);
  });
});

describe('describeApiError', () => {
  it('passes the server sentence through for conflicts (e.g. "cannot remove the last owner")', () => {
    expect(describeApiError(trpcError('CONFLICT', 'A workspace needs at least one owner.'))).toBe(
      'A workspace needs at least one owner.',
    );
  });

  it('passes the server sentence through for a refused size, since it names the limit', () => {
    expect(describeApiError(trpcError('PAYLOAD_TOO_LARGE', 'A project file may be at most 20 MB'))).toBe(
      'A project file may be at most 20 MB',
    );
    expect(describeApiError(trpcError('PAYLOAD_TOO_LARGE', ''))).toBe('This is too large to send.');
  });

  it('never shows raw messages for other codes', () => {
    expect(describeApiError(trpcError('FORBIDDEN', 'role check failed at line 42'))).toBe(
      'You do not have permission to do this.',
    );
    expect(describeApiError(new Error('stack…'))).toMatch(/connection/);
  });
});

describe('readApiError', () => {
  it("reads the formatter's domain code, details and per-field messages", () => {
    const error = Object.assign(new Error('name: too long'), {
      data: {
        code: 'BAD_REQUEST',
        domainCode: null,
        domainDetails: null,
        zodError: { formErrors: [], fieldErrors: { name: ['too long'], note: [] } },
      },
    });
    expect(readApiError(error)).toEqual({
      code: 'BAD_REQUEST',
      message: 'name: too long',
      domainCode: null,
      details: {},
      fieldErrors: { name: ['too long'] },
    });
    const conflict = Object.assign(new Error('changed'), {
      data: { code: 'CONFLICT', domainCode: 'VERSION_CONFLICT', domainDetails: { currentVersion: 3 } },
    });
    expect(readApiError(conflict)).toMatchObject({
      domainCode: 'VERSION_CONFLICT',
      details: { currentVersion: 3 },
    });
    expect(readApiError(new TypeError('Failed to fetch'))).toMatchObject({ code: undefined, details: {} });
  });
});

describe("describeApiError keeps the server's sentence where it was written for a person", () => {
  it('a validation error names the field; a domain refusal names its cause', () => {
    const invalid = Object.assign(new Error('name: give the angle a name'), {
      data: {
        code: 'BAD_REQUEST',
        domainCode: null,
        zodError: { fieldErrors: { name: ['give the angle a name'] } },
      },
    });
    expect(describeApiError(invalid)).toBe('name: give the angle a name');
    const refused = Object.assign(new Error('A token cannot have a role above yours'), {
      data: { code: 'FORBIDDEN', domainCode: 'ROLE_TOO_HIGH' },
    });
    expect(describeApiError(refused)).toBe('A token cannot have a role above yours');
    const roadmap = Object.assign(new Error('A roadmap needs at least one phase: add another first.'), {
      data: { code: 'BAD_REQUEST', domainCode: 'ROADMAP_INVALID' },
    });
    expect(describeApiError(roadmap)).toBe('A roadmap needs at least one phase: add another first.');
    expect(describeApiError(trpcError('BAD_REQUEST', 'Unexpected token < in JSON'))).toBe(
      'Some of the values are not valid.',
    );
  });
});
