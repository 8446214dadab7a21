import { describe, expect, it } from 'vitest';
import { PROJECT_TABS, parseProjectTab, projectTabPath } from './project-tabs';

describe('parseProjectTab', () => {
  it('recognises every tab by its URL segment', () => {
    for (const tab of PROJECT_TABS) expect(parseProjectTab(tab.value)).toBe(tab.value);
  });

  it.each([undefined, '', 'Worksheet', 'settings', 'worksheet/'])('refuses %j', (segment) => {
    expect(parseProjectTab(segment)).toBeUndefined();
  });
});

describe('projectTabPath', () => {
  it('round-trips through parseProjectTab', () => {
    const path = projectTabPath('ws-1', 'p-2', 'roadmap');
    expect(path).toBe('/w/ws-1/p/p-2/roadmap');
    expect(parseProjectTab(path.split('/').at(-1))).toBe('roadmap');
  });

  it('escapes ids so they cannot add path segments', () => {
    expect(projectTabPath('a/b', 'c?d', 'report')).toBe('/w/a%2Fb/p/c%3Fd/report');
  });
});
