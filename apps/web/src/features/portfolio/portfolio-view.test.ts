import { describe, expect, it } from 'vitest';
import type { PortfolioRowDto } from '../../lib/api-types';
import { viewPortfolio } from './portfolio-view';

function row(name: string, verdict: PortfolioRowDto['verdict'], p50: number | null): PortfolioRowDto {
  return {
    project: { id: name, name },
    verdict,
    reasons: [],
    metricName: 'accuracy',
    maxQuality: 1,
    ceiling: null,
    target: null,
    timeToTarget: p50 === null ? null : { p10Days: p50 / 2, p50Days: p50, p90Days: p50 * 2 },
    timeToTargetNote: null,
    bestAngle: null,
    maturity: null,
    latestVersion: null,
    latestDecision: null,
    gaps: [],
  };
}

const ROWS = [row('Alpha', 'undecided', 30), row('Beta', 'go', null), row('Gamma', 'no-go', 5)];

describe('viewPortfolio', () => {
  it('sorts by time to target either way, with projects lacking it last in both', () => {
    const names = (direction: 'ascending' | 'descending') =>
      viewPortfolio(ROWS, { text: '', verdict: 'all' }, { key: 'p50', direction }).map((r) => r.project.name);
    expect(names('ascending')).toEqual(['Gamma', 'Alpha', 'Beta']);
    expect(names('descending')).toEqual(['Alpha', 'Gamma', 'Beta']);
  });

  it('orders verdicts go, spike first, no-go, undecided, and filters by verdict and by name', () => {
    const byVerdict = viewPortfolio(
      ROWS,
      { text: '', verdict: 'all' },
      { key: 'verdict', direction: 'ascending' },
    );
    expect(byVerdict.map((r) => r.verdict)).toEqual(['go', 'no-go', 'undecided']);
    expect(
      viewPortfolio(ROWS, { text: 'AMM', verdict: 'all' }, { key: 'name', direction: 'ascending' }).map(
        (r) => r.project.name,
      ),
    ).toEqual(['Gamma']);
    expect(viewPortfolio(ROWS, { text: '', verdict: 'go' }, { key: 'name', direction: 'ascending' })).toEqual(
      [ROWS[1]],
    );
  });

  it('sorts by the latest decision from approval to rejection, undecided last, and filters by it', () => {
    const decided = (name: string, decision: NonNullable<PortfolioRowDto['latestDecision']>['decision']) => ({
      ...row(name, 'go', null),
      latestDecision: {
        versionNumber: 1,
        decision,
        name: 'Dana',
        comment: '',
        meeting: false,
        decidedAt: '2026-12-06T15:16:00.000Z',
      },
    });
    const rows = [decided('Rejected', 'reject'), row('Open', 'go', null), decided('Approved', 'approve')];
    const names = (filter: Parameters<typeof viewPortfolio>[1], direction: 'ascending' | 'descending') =>
      viewPortfolio(rows, filter, { key: 'decision', direction }).map((r) => r.project.name);
    const all = { text: '', verdict: 'all' } as const;
    expect(names(all, 'ascending')).toEqual(['Approved', 'Rejected', 'Open']);
    expect(names(all, 'descending')).toEqual(['Rejected', 'Approved', 'Open']);
    expect(names({ ...all, decision: 'reject' }, 'ascending')).toEqual(['Rejected']);
    expect(names({ ...all, decision: 'none' }, 'ascending')).toEqual(['Open']);
    expect(names({ ...all, decision: 'approve-with-conditions' }, 'ascending')).toEqual([]);
  });
});
