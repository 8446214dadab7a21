import { describe, expect, it } from 'vitest';
import { authPathWithNext, toSafeNextPath } from './safe-next';

describe('toSafeNextPath', () => {
  it.each(['/', '/w/123', '/w/123/p/456/roadmap?x=1#top', '/invite/abc-DEF_1'])(
    'keeps the local path %j',
    (next) => {
      expect(toSafeNextPath(next)).toBe(next);
    },
  );

  it.each([
    null,
    undefined,
    '',
    'w/123',
    'https://evil.example/',
    '//evil.example',
    '/\\evil.example',
    '/\t/evil.example',
    'javascript:alert(1)',
  ])('refuses %j and returns the fallback', (next) => {
    expect(toSafeNextPath(next, '/home')).toBe('/home');
  });
});

describe('authPathWithNext', () => {
  it('encodes the return path', () => {
    expect(authPathWithNext('/sign-in', '/w/1/p/2/report?x=1')).toBe(
      '/sign-in?next=%2Fw%2F1%2Fp%2F2%2Freport%3Fx%3D1',
    );
  });

  it('omits ?next= for the home page and for unsafe paths', () => {
    expect(authPathWithNext('/sign-up', '/')).toBe('/sign-up');
    expect(authPathWithNext('/sign-in', '//evil.example')).toBe('/sign-in');
  });
});
