import { describe, expect, it } from 'vitest';
import { computeVerdict } from './compute-verdict';
import { answersFrom } from './test-support';
import type { VerdictRule } from './verdict-rules';

const months = (value: number) => ({ value, unit: 'month' });

/** Every essential question answered, and no rule fires. */
const sound = {
  'E.target-quality': 0.85,
  'E.single-metric': 'yes',
  'B.heuristic-quality': 0.6,
  'D.labels-exist': 'yes',
  'G.serving-mode': 'precomputed',
  'H.months-to-production': { low: 3, likely: 5, high: 6 },
  'K.horizon': months(9),
} as const;
const ceiling = { humanCeiling: { value: 0.95 } } as const;

describe('computeVerdict', () => {
  it('is undecided on a blank worksheet and lists every question the rules need, in bank order', () => {
    const result = computeVerdict({ answers: {} });
    expect(result.verdict).toBe('undecided');
    expect(result.findings).toEqual([]);
    expect(result.toAnswer).toEqual([
      'A.cost-of-errors',
      'B.heuristic-quality',
      'B.complex-rules',
      'B.people-agree',
      'B.archetype',
      'C.outcome-delay',
      'D.inputs-at-prediction',
      'D.labels-exist',
      'E.single-metric',
      'E.target-quality',
      'E.min-launch-quality',
      'E.human-ceiling',
      'F.attack-angles',
      'F.time-to-target',
      'G.serving-mode',
      'G.latency-p99',
      'H.months-to-production',
      'H.retraining-cadence',
      'J.current-maturity',
      'K.horizon',
    ]);
  });

  it('is go once the essential questions are answered and nothing argues against it', () => {
    const result = computeVerdict({ answers: answersFrom(sound), context: ceiling });
    expect(result.verdict).toBe('go');
    expect(result.findings).toEqual([]);
    // Labels exist, so the outcome delay no longer matters; pre-computed serving drops latency and inputs.
    expect(result.toAnswer).toEqual([
      'A.cost-of-errors',
      'B.complex-rules',
      'B.people-agree',
      'B.archetype',
      'E.min-launch-quality',
      'F.attack-angles',
      'F.time-to-target',
      'H.retraining-cadence',
      'J.current-maturity',
    ]);
  });

  it('stays undecided while one essential question is open, and lists it', () => {
    const { 'K.horizon': _horizon, ...withoutHorizon } = sound;
    const result = computeVerdict({ answers: answersFrom(withoutHorizon), context: ceiling });
    expect(result.verdict).toBe('undecided');
    expect(result.toAnswer).toContain('K.horizon');
  });

  it('needs the ceiling from the Agreement tab or by hand', () => {
    const withoutCeiling = computeVerdict({ answers: answersFrom(sound) });
    expect(withoutCeiling.verdict).toBe('undecided');
    expect(withoutCeiling.toAnswer).toContain('E.human-ceiling');
    const byHand = computeVerdict({ answers: answersFrom({ ...sound, 'E.human-ceiling': 0.95 }) });
    expect(byHand.verdict).toBe('go');
    expect(byHand.toAnswer).not.toContain('E.human-ceiling');
  });

  it('is no-go when any rule says no-go, whatever else fires, most severe finding first', () => {
    const result = computeVerdict({
      answers: answersFrom({
        ...sound,
        'E.target-quality': 0.95,
        'E.optimizing-metric': 'accuracy',
        'G.serving-mode': 'online',
        'G.latency-p99': 5,
        'B.complex-rules': 'yes',
        'B.people-agree': 'no',
      }),
      context: { humanCeiling: { value: 0.81 } },
    });
    expect(result.verdict).toBe('no-go');
    expect(result.findings.map((f) => [f.ruleId, f.effect])).toEqual([
      ['target-above-ceiling', 'no-go'],
      ['tight-latency-online', 'spike'],
      ['complex-rules', 'go'],
      ['people-disagree', 'info'],
    ]);
    expect(result.findings[0]?.reason).toBe(
      'the target accuracy 0.95 is above the human ceiling 0.81 (Agreement): not measurable against these labels',
    );
  });

  it('is spike first when a spike fires without a no-go, even with essentials open', () => {
    const result = computeVerdict({ answers: answersFrom({ 'E.single-metric': 'no' }) });
    expect(result.verdict).toBe('spike-first');
    expect(result.findings.map((f) => f.ruleId)).toEqual(['no-single-metric']);
    expect(result.toAnswer).not.toContain('E.single-metric');
  });

  it('does not say go on go signals alone while essentials are open', () => {
    const result = computeVerdict({
      answers: answersFrom({ 'B.heuristic-quality': 0.9, 'E.target-quality': 0.85 }),
    });
    expect(result.findings.map((f) => f.effect)).toEqual(['go']);
    expect(result.verdict).toBe('undecided');
  });

  it('says go with "ship the rule first" when the heuristic meets the target and all else is sound', () => {
    const result = computeVerdict({
      answers: answersFrom({ ...sound, 'B.heuristic-quality': 0.9 }),
      context: ceiling,
    });
    expect(result.verdict).toBe('go');
    expect(result.findings.map((f) => f.ruleId)).toEqual(['heuristic-meets-target']);
    expect(result.findings[0]?.reason).toContain('ship the rule first');
  });

  it('turns to spike first when the Tradeoff tab’s P90 passes the horizon', () => {
    const result = computeVerdict({
      answers: answersFrom(sound),
      context: { ...ceiling, timeToTarget: { p50Days: 200, p90Days: 400 } },
    });
    expect(result.verdict).toBe('spike-first');
    expect(result.findings[0]).toMatchObject({ ruleId: 'time-to-target-after-horizon', source: 'tradeoff' });
    expect(result.toAnswer).not.toContain('F.time-to-target');
  });

  it('evaluates rules passed in, stamping each finding with its rule id and its needs', () => {
    const alwaysSpike: VerdictRule = {
      id: 'always-spike',
      title: 'Always asks for a spike',
      needs: ['A.end-user'],
      evaluate: () => ({ effect: 'spike', reason: 'test' }),
    };
    const silent: VerdictRule = {
      id: 'silent',
      title: 'Never fires',
      needs: ['K.readers'],
      evaluate: () => null,
    };
    const result = computeVerdict({ answers: {} }, { rules: [alwaysSpike, silent], essentials: [] });
    expect(result).toEqual({
      verdict: 'spike-first',
      findings: [{ ruleId: 'always-spike', effect: 'spike', reason: 'test', questionIds: ['A.end-user'] }],
      toAnswer: ['K.readers'],
    });
  });
});
