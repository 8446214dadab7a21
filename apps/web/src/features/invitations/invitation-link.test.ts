import { describe, expect, it } from 'vitest';
import { invitationLink } from './invitation-link';

describe('invitationLink', () => {
  it('joins the origin and the token under /invite/', () => {
    expect(invitationLink('http://localhost:3000', 'abc_DEF-123')).toBe(
      'http://localhost:3000/invite/abc_DEF-123',
    );
  });

  it('tolerates a trailing slash on the origin and escapes the token', () => {
    expect(invitationLink('https://raisin.example/', 'a/b')).toBe('https://raisin.example/invite/a%2Fb');
  });
});
