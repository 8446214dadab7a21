import { describe, expect, it } from 'vitest';
import { agreementSamplePath, invitationPath, linkAt, sharedReportPath } from './app-links';

describe('app links', () => {
  it('joins an origin and a path, tolerating a trailing slash, and leaves a path alone without one', () => {
    expect(linkAt('http://localhost:3000', invitationPath('abc_DEF-123'))).toBe(
      'http://localhost:3000/invite/abc_DEF-123',
    );
    expect(linkAt('https://raisin.example/', sharedReportPath('t'))).toBe('https://raisin.example/s/t');
    expect(linkAt(null, sharedReportPath('t'))).toBe('/s/t');
  });

  it('escapes what it puts in a path', () => {
    expect(invitationPath('a/b')).toBe('/invite/a%2Fb');
    expect(agreementSamplePath({ workspaceId: 'w', projectId: 'p', sampleId: 's&x' })).toBe(
      '/w/w/p/p/agreement?sample=s%26x',
    );
  });
});
