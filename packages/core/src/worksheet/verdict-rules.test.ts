import { describe, expect, it } from 'vitest';
import { formatTimeToTarget } from '../format';
import type { WorksheetContext } from './answers';
import type { QuestionId } from './question-bank';
import { answersFrom } from './test-support';
import { type FindingDraft, VERDICT_RULES } from './verdict-rules';

type Values = Partial<Record<QuestionId, unknown>>;

function evaluate(ruleId: string, values: Values, context: WorksheetContext = {}): FindingDraft | null {
  const rule = VERDICT_RULES.find((r) => r.id === ruleId);
  if (rule === undefined) throw new Error(`no rule ${ruleId}`);
  return rule.evaluate({ answers: answersFrom(values), context });
}

function pending(ruleId: string, values: Values): readonly QuestionId[] {
  const rule = VERDICT_RULES.find((r) => r.id === ruleId);
  if (rule === undefined) throw new Error(`no rule ${ruleId}`);
  return rule.mayFire?.({ answers: answersFrom(values), context: {} }) === false ? [] : rule.needs;
}

const months = (value: number) => ({ value, unit: 'month' });

describe('target-above-ceiling', () => {
  const ceiling = { humanCeiling: { value: 0.81 } } as const;

  it('is a no-go when the target is above the Agreement ceiling, with both numbers in the reason', () => {
    const finding = evaluate(
      'target-above-ceiling',
      { 'E.target-quality': 0.95, 'E.optimizing-metric': 'accuracy' },
      ceiling,
    );
    expect(finding).toEqual({
      effect: 'no-go',
      reason:
        'the target accuracy 0.95 is above the human ceiling 0.81 (Agreement): not measurable against these labels',
      source: 'agreement',
    });
  });

  it("names a ceiling's metric when it is not an accuracy, so a span F1 is not read as one", () => {
    const finding = evaluate(
      'target-above-ceiling',
      { 'E.target-quality': 0.95, 'E.optimizing-metric': 'span F1' },
      { humanCeiling: { value: 0.727, metric: 'span F1' } },
    );
    expect(finding?.reason).toBe(
      'the target span F1 0.95 is above the human ceiling 0.727 (span F1, Agreement): not measurable against these labels',
    );
  });

  it('is a no-go at exactly the ceiling and silent just below it', () => {
    expect(evaluate('target-above-ceiling', { 'E.target-quality': 0.81 }, ceiling)?.reason).toContain(
      'is at the human ceiling 0.81',
    );
    expect(evaluate('target-above-ceiling', { 'E.target-quality': 0.8 }, ceiling)).toBeNull();
  });

  it('falls back to a ceiling entered by hand, and the live value wins over it', () => {
    const manual = evaluate('target-above-ceiling', { 'E.target-quality': 0.9, 'E.human-ceiling': 0.85 });
    expect(manual).toMatchObject({ effect: 'no-go', source: 'worksheet' });
    expect(manual?.reason).toContain('the human ceiling 0.85 (estimated)');
    expect(
      evaluate(
        'target-above-ceiling',
        { 'E.target-quality': 0.9, 'E.human-ceiling': 0.85 },
        {
          humanCeiling: { value: 0.95 },
        },
      ),
    ).toBeNull();
  });

  it('is silent while the target or the ceiling is unknown', () => {
    expect(evaluate('target-above-ceiling', {}, ceiling)).toBeNull();
    expect(evaluate('target-above-ceiling', { 'E.target-quality': 0.95 })).toBeNull();
  });
});

describe('a target set on the Tradeoff tab', () => {
  const override = { humanCeiling: { value: 0.81 }, targetOverride: { value: 0.65 } } as const;

  it('replaces the worksheet answer in every rule that reads the target, naming both', () => {
    // The worksheet says 0.8 (near the ceiling), Tradeoff works to 0.65: no spike, and the reasons say 0.65.
    expect(evaluate('target-near-ceiling', { 'E.target-quality': 0.8 }, override)).toBeNull();
    const short = evaluate(
      'best-angle-short-of-target',
      { 'E.target-quality': 0.8 },
      {
        ...override,
        bestAngle: { name: 'Rules', expectedQuality: 0.6 },
      },
    );
    expect(short?.reason).toBe(
      'the best attack angle, Rules, is expected to reach 0.6, below the target 0.65 (set on Tradeoff; the worksheet says 0.8) (Tradeoff)',
    );
    expect(
      evaluate(
        'best-angle-short-of-target',
        { 'E.target-quality': 0.8 },
        {
          ...override,
          bestAngle: { name: 'Model', expectedQuality: 0.7 },
        },
      ),
    ).toBeNull();
  });

  it('is named as set on Tradeoff even when the worksheet has no target', () => {
    const finding = evaluate(
      'target-above-ceiling',
      {},
      { humanCeiling: { value: 0.6 }, targetOverride: { value: 0.65 } },
    );
    expect(finding?.reason).toBe(
      'the target quality 0.65 (set on Tradeoff) is above the human ceiling 0.6 (Agreement): not measurable against these labels',
    );
  });
});

describe('target-near-ceiling', () => {
  it('asks for a spike within 0.02 below the ceiling, float noise included', () => {
    const finding = evaluate(
      'target-near-ceiling',
      { 'E.target-quality': 0.79 },
      { humanCeiling: { value: 0.81 } },
    );
    expect(finding).toMatchObject({ effect: 'spike', source: 'agreement' });
    expect(finding?.reason).toBe(
      'the target quality 0.79 is within 0.02 of the human ceiling 0.81 (Agreement): ' +
        'cost grows super-linearly near the ceiling',
    );
  });

  it('is silent further than 0.02 below the ceiling without a CI, and at the ceiling (a no-go instead)', () => {
    expect(
      evaluate('target-near-ceiling', { 'E.target-quality': 0.78 }, { humanCeiling: { value: 0.81 } }),
    ).toBeNull();
    expect(
      evaluate('target-near-ceiling', { 'E.target-quality': 0.81 }, { humanCeiling: { value: 0.81 } }),
    ).toBeNull();
  });

  it('asks for a spike inside the ceiling’s confidence interval, and not below it', () => {
    const context = { humanCeiling: { value: 0.81, ci: [0.75, 0.86] as const } };
    const inside = evaluate('target-near-ceiling', { 'E.target-quality': 0.76 }, context);
    expect(inside?.reason).toContain(
      'inside the 95 % confidence interval [0.75, 0.86] of the human ceiling 0.81',
    );
    expect(evaluate('target-near-ceiling', { 'E.target-quality': 0.74 }, context)).toBeNull();
  });
});

describe('no-labels-no-outcome', () => {
  it('is a no-go without labels when the outcome takes longer than 6 months', () => {
    const finding = evaluate('no-labels-no-outcome', {
      'D.labels-exist': 'no',
      'C.outcome-delay': months(9),
    });
    expect(finding).toEqual({
      effect: 'no-go',
      reason:
        'no labels exist and the true outcome is observed only after 9 months, so none can be observed within 6 months',
      source: 'worksheet',
    });
    expect(
      evaluate('no-labels-no-outcome', {
        'D.labels-exist': 'no',
        'C.outcome-delay': { value: 27, unit: 'week' },
      }),
    ).not.toBeNull();
  });

  it('is silent at 6 months or less, or when labels exist or might', () => {
    expect(
      evaluate('no-labels-no-outcome', { 'D.labels-exist': 'no', 'C.outcome-delay': months(6) }),
    ).toBeNull();
    expect(
      evaluate('no-labels-no-outcome', {
        'D.labels-exist': 'no',
        'C.outcome-delay': { value: 26, unit: 'week' },
      }),
    ).toBeNull();
    expect(
      evaluate('no-labels-no-outcome', { 'D.labels-exist': 'yes', 'C.outcome-delay': months(24) }),
    ).toBeNull();
    expect(
      evaluate('no-labels-no-outcome', { 'D.labels-exist': 'unknown', 'C.outcome-delay': months(24) }),
    ).toBeNull();
  });

  it('needs the outcome delay only while labels are missing or not yet answered', () => {
    expect(pending('no-labels-no-outcome', {})).toEqual(['D.labels-exist', 'C.outcome-delay']);
    expect(pending('no-labels-no-outcome', { 'D.labels-exist': 'no' })).toEqual([
      'D.labels-exist',
      'C.outcome-delay',
    ]);
    expect(pending('no-labels-no-outcome', { 'D.labels-exist': 'yes' })).toEqual([]);
  });
});

describe('heuristic-meets-target', () => {
  it('says go, ship the rule first, when the heuristic reaches the target', () => {
    const finding = evaluate('heuristic-meets-target', {
      'B.heuristic-quality': 0.9,
      'E.target-quality': 0.9,
    });
    expect(finding?.effect).toBe('go');
    expect(finding?.reason).toBe(
      'a 1-minute heuristic already meets the target (quality 0.9 ≥ 0.9): ship the rule first',
    );
  });

  it('is silent when the heuristic falls short', () => {
    expect(
      evaluate('heuristic-meets-target', { 'B.heuristic-quality': 0.89, 'E.target-quality': 0.9 }),
    ).toBeNull();
  });
});

describe('heuristic-meets-launch', () => {
  const base = { 'E.min-launch-quality': 0.7, 'E.target-quality': 0.9 } as const;

  it('advises launching the heuristic first when it meets the minimum but not the target', () => {
    const finding = evaluate('heuristic-meets-launch', { ...base, 'B.heuristic-quality': 0.7 });
    expect(finding?.effect).toBe('info');
    expect(finding?.reason).toBe(
      "the heuristic's quality 0.7 meets the minimum launch quality 0.7 but not the target 0.9: " +
        'launch the heuristic first, then ML',
    );
  });

  it('is silent below the minimum and at the target', () => {
    expect(evaluate('heuristic-meets-launch', { ...base, 'B.heuristic-quality': 0.69 })).toBeNull();
    expect(evaluate('heuristic-meets-launch', { ...base, 'B.heuristic-quality': 0.9 })).toBeNull();
  });
});

describe('tight-latency-online', () => {
  it('asks for a spike at a budget of 10 ms or less with online serving', () => {
    const finding = evaluate('tight-latency-online', { 'G.serving-mode': 'online', 'G.latency-p99': 5 });
    expect(finding).toMatchObject({
      effect: 'spike',
      reason: 'latency budget 5 ms with online serving: check feasibility of the model class',
    });
    expect(
      evaluate('tight-latency-online', { 'G.serving-mode': 'online', 'G.latency-p99': 10 }),
    ).not.toBeNull();
  });

  it('is silent above 10 ms, or when predictions are pre-computed', () => {
    expect(evaluate('tight-latency-online', { 'G.serving-mode': 'online', 'G.latency-p99': 11 })).toBeNull();
    expect(
      evaluate('tight-latency-online', { 'G.serving-mode': 'precomputed', 'G.latency-p99': 5 }),
    ).toBeNull();
  });

  it('no longer needs the latency budget once serving is pre-computed', () => {
    expect(pending('tight-latency-online', { 'G.serving-mode': 'precomputed' })).toEqual([]);
    expect(pending('tight-latency-online', { 'G.serving-mode': 'online' })).toEqual([
      'G.serving-mode',
      'G.latency-p99',
    ]);
  });
});

describe('inputs-missing-online', () => {
  it('is a no-go when some inputs are missing at prediction time with online serving', () => {
    const finding = evaluate('inputs-missing-online', {
      'G.serving-mode': 'online',
      'D.inputs-at-prediction': 'no',
    });
    expect(finding?.effect).toBe('no-go');
    expect(finding?.reason).toContain('online serving needs every input at prediction time');
  });

  it('asks for a spike when availability is unknown', () => {
    expect(
      evaluate('inputs-missing-online', { 'G.serving-mode': 'online', 'D.inputs-at-prediction': 'unknown' })
        ?.effect,
    ).toBe('spike');
  });

  it('is silent when every input is available, or when serving is pre-computed', () => {
    expect(
      evaluate('inputs-missing-online', { 'G.serving-mode': 'online', 'D.inputs-at-prediction': 'yes' }),
    ).toBeNull();
    expect(
      evaluate('inputs-missing-online', { 'G.serving-mode': 'precomputed', 'D.inputs-at-prediction': 'no' }),
    ).toBeNull();
  });
});

describe('production-after-horizon', () => {
  it('asks for a spike when the pessimistic months to production exceed the horizon', () => {
    const finding = evaluate('production-after-horizon', {
      'H.months-to-production': { low: 3, likely: 5, high: 7 },
      'K.horizon': months(6),
    });
    expect(finding).toMatchObject({
      effect: 'spike',
      reason: "pessimistically 7 months to production, beyond the stakeholders' horizon of 6 months",
    });
  });

  it('is silent when the pessimistic estimate is within the horizon, in any unit', () => {
    const range = { low: 3, likely: 5, high: 6 };
    expect(
      evaluate('production-after-horizon', { 'H.months-to-production': range, 'K.horizon': months(6) }),
    ).toBeNull();
    expect(
      evaluate('production-after-horizon', {
        'H.months-to-production': { low: 3, likely: 5, high: 12 },
        'K.horizon': { value: 1, unit: 'year' },
      }),
    ).toBeNull();
  });
});

describe('people-disagree', () => {
  it('advises augmenting, not automating, when people disagree', () => {
    expect(evaluate('people-disagree', { 'B.people-agree': 'no' })).toMatchObject({
      effect: 'info',
      reason: "people do not agree on the right answer: augment, don't automate",
    });
  });

  it('is silent when people agree or it is unknown', () => {
    expect(evaluate('people-disagree', { 'B.people-agree': 'yes' })).toBeNull();
    expect(evaluate('people-disagree', { 'B.people-agree': 'unknown' })).toBeNull();
  });
});

describe('complex-rules', () => {
  it('is a go signal when today’s logic is a complex, brittle rule set', () => {
    expect(evaluate('complex-rules', { 'B.complex-rules': 'yes' })).toMatchObject({
      effect: 'go',
      reason: "today's logic is a complex, brittle rule set: prefer ML over a complex heuristic",
    });
  });

  it('is silent for a simple rule set', () => {
    expect(evaluate('complex-rules', { 'B.complex-rules': 'no' })).toBeNull();
  });
});

describe('no-single-metric', () => {
  it('asks for a spike without an agreed optimizing metric', () => {
    expect(evaluate('no-single-metric', { 'E.single-metric': 'no' })?.effect).toBe('spike');
    expect(evaluate('no-single-metric', { 'E.single-metric': 'unknown' })?.effect).toBe('spike');
  });

  it('is silent with an agreed metric or before the question is answered', () => {
    expect(evaluate('no-single-metric', { 'E.single-metric': 'yes' })).toBeNull();
    expect(evaluate('no-single-metric', {})).toBeNull();
  });
});

describe('time-to-target-after-horizon', () => {
  it('asks for a spike when the Tradeoff P90 is beyond the horizon', () => {
    const finding = evaluate(
      'time-to-target-after-horizon',
      { 'K.horizon': months(6) },
      { timeToTarget: { p50Days: 120, p90Days: 426.125 } },
    );
    expect(finding).toMatchObject({
      effect: 'spike',
      reason:
        "the time to reach the target is 14 months at P90 (Tradeoff), beyond the stakeholders' horizon of 6 months",
      source: 'tradeoff',
    });
  });

  it('quotes the P90 in the unit the Tradeoff tab reads P10, P50 and P90 in', () => {
    const timeToTarget = { p10Days: 21, p50Days: 150, p90Days: 296 };
    const finding = evaluate('time-to-target-after-horizon', { 'K.horizon': months(6) }, { timeToTarget });
    // Alone, 296 days reads "9.7 months"; beside a P10 of 3 weeks the tab reads all three in weeks.
    expect(formatTimeToTarget(timeToTarget).p90).toBe('42.3 weeks');
    expect(finding?.reason).toContain('is 42.3 weeks at P90 (Tradeoff)');
  });

  it('is silent when the P90 is within the horizon', () => {
    expect(
      evaluate(
        'time-to-target-after-horizon',
        { 'K.horizon': months(6) },
        { timeToTarget: { p50Days: 90, p90Days: 182.625 } },
      ),
    ).toBeNull();
  });

  it('reads a never-reached target as beyond any horizon, and uses a hand estimate without Tradeoff data', () => {
    const never = evaluate(
      'time-to-target-after-horizon',
      { 'K.horizon': months(6) },
      { timeToTarget: { p50Days: 300, p90Days: Number.POSITIVE_INFINITY } },
    );
    expect(never?.reason).toContain('is never at P90');
    const manual = evaluate('time-to-target-after-horizon', {
      'K.horizon': months(6),
      'F.time-to-target': months(8),
    });
    expect(manual).toMatchObject({ effect: 'spike', source: 'worksheet' });
    expect(
      evaluate('time-to-target-after-horizon', { 'K.horizon': months(6), 'F.time-to-target': months(5) }),
    ).toBeNull();
  });
});

describe('best-angle-short-of-target', () => {
  it('asks for a spike when the best attack angle is expected below the target', () => {
    const finding = evaluate(
      'best-angle-short-of-target',
      { 'E.target-quality': 0.9 },
      { bestAngle: { name: 'fine-tuned model', expectedQuality: 0.85 } },
    );
    expect(finding).toMatchObject({
      effect: 'spike',
      reason:
        'the best attack angle, fine-tuned model, is expected to reach 0.85, below the target 0.9 (Tradeoff)',
    });
  });

  it('is silent when the best angle reaches the target', () => {
    expect(
      evaluate(
        'best-angle-short-of-target',
        { 'E.target-quality': 0.9 },
        { bestAngle: { name: 'custom model', expectedQuality: 0.9 } },
      ),
    ).toBeNull();
  });
});

describe('autonomous-high-stakes', () => {
  it('asks for a spike when an autonomous product has high or severe error costs', () => {
    expect(
      evaluate('autonomous-high-stakes', { 'B.archetype': 'autonomous', 'A.cost-of-errors': 'severe' }),
    ).toMatchObject({
      effect: 'spike',
      reason: 'an autonomous product where the cost of errors is severe: start with a human in the loop',
    });
    expect(
      evaluate('autonomous-high-stakes', { 'B.archetype': 'autonomous', 'A.cost-of-errors': 'high' }),
    ).not.toBeNull();
  });

  it('is silent for moderate costs or with a human in the loop', () => {
    expect(
      evaluate('autonomous-high-stakes', { 'B.archetype': 'autonomous', 'A.cost-of-errors': 'moderate' }),
    ).toBeNull();
    expect(
      evaluate('autonomous-high-stakes', {
        'B.archetype': 'human-in-the-loop',
        'A.cost-of-errors': 'severe',
      }),
    ).toBeNull();
    expect(pending('autonomous-high-stakes', { 'B.archetype': 'software-2.0' })).toEqual([]);
  });
});

describe('frequent-retraining-manual-ops', () => {
  it('advises pipeline automation when retraining weekly at level 0 (from the Roadmap)', () => {
    const finding = evaluate(
      'frequent-retraining-manual-ops',
      { 'H.retraining-cadence': 'weekly' },
      { maturityLevel: 0 },
    );
    expect(finding).toMatchObject({
      effect: 'info',
      reason:
        'retraining weekly at MLOps level 0 (Roadmap): plan pipeline automation (level 1) in the roadmap',
      source: 'roadmap',
    });
    expect(
      evaluate('frequent-retraining-manual-ops', {
        'H.retraining-cadence': 'daily',
        'J.current-maturity': '0',
      }),
    ).toMatchObject({ source: 'worksheet' });
  });

  it('is silent for monthly retraining or at level 1', () => {
    expect(
      evaluate('frequent-retraining-manual-ops', { 'H.retraining-cadence': 'monthly' }, { maturityLevel: 0 }),
    ).toBeNull();
    expect(
      evaluate('frequent-retraining-manual-ops', { 'H.retraining-cadence': 'weekly' }, { maturityLevel: 1 }),
    ).toBeNull();
  });
});

describe('target-below-launch', () => {
  it('flags a target below the minimum launch quality', () => {
    expect(
      evaluate('target-below-launch', { 'E.target-quality': 0.7, 'E.min-launch-quality': 0.8 })?.effect,
    ).toBe('info');
  });

  it('is silent when the target is at or above the minimum', () => {
    expect(
      evaluate('target-below-launch', { 'E.target-quality': 0.8, 'E.min-launch-quality': 0.8 }),
    ).toBeNull();
  });
});

describe('every rule', () => {
  it('has a test block above', async () => {
    const { readFile } = await import('node:fs/promises');
    const source = await readFile(new URL(import.meta.url), 'utf8');
    for (const rule of VERDICT_RULES) expect(source, rule.id).toContain(`describe('${rule.id}'`);
  });

  it('keeps pending needs within its needs', () => {
    for (const rule of VERDICT_RULES) {
      for (const values of [{}, { 'G.serving-mode': 'online', 'D.labels-exist': 'no' }] as const) {
        for (const id of pending(rule.id, values)) expect(rule.needs, rule.id).toContain(id);
      }
    }
  });
});
