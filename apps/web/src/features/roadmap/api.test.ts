import { describe, expect, it } from 'vitest';
import { roadmapErrorText } from './api';

function apiError(message: string, data: Record<string, unknown>): Error {
  return Object.assign(new Error(message), { data });
}

describe('roadmapErrorText', () => {
  it('shows the domain message, else the first validation message, else the generic text', () => {
    expect(
      roadmapErrorText(
        apiError('A roadmap needs at least one phase: add another first.', {
          code: 'BAD_REQUEST',
          domainCode: 'ROADMAP_INVALID',
        }),
      ),
    ).toBe('A roadmap needs at least one phase: add another first.');
    expect(
      roadmapErrorText(
        apiError('[{"code":"custom"}]', {
          code: 'BAD_REQUEST',
          domainCode: null,
          zodError: { formErrors: [], fieldErrors: { edit: ['Low must not exceed likely'] } },
        }),
      ),
    ).toBe('Low must not exceed likely');
    expect(roadmapErrorText(apiError('x', { code: 'FORBIDDEN', domainCode: null }))).toBe(
      'You do not have permission to do this.',
    );
  });
});
