import { describe, expect, it } from 'vitest';
import { recommendTargetLevel, type TargetLevelInputs, type TargetLevelOverride } from './target-level';

function recommend(inputs: TargetLevelInputs, override?: TargetLevelOverride) {
  const result = recommendTargetLevel(inputs, override);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('recommendTargetLevel', () => {
  it('maps the retraining cadence to a level', () => {
    expect(recommend({ retrainingCadence: 'never' }).level).toBe(0);
    expect(recommend({ retrainingCadence: 'quarterly' }).level).toBe(0);
    expect(recommend({ retrainingCadence: 'monthly' }).level).toBe(1);
    expect(recommend({ retrainingCadence: 'weekly' }).level).toBe(2);
    expect(recommend({ retrainingCadence: 'daily' }).level).toBe(2);
  });

  it('maps the number of models to a level', () => {
    expect(recommend({ numberOfModels: 1 }).level).toBe(0);
    expect(recommend({ numberOfModels: 3 }).level).toBe(1);
    expect(recommend({ numberOfModels: 12 }).level).toBe(2);
  });

  it('raises one rarely retrained model to level 1 for drift, cost of errors or audits, with a reason each', () => {
    const base = { retrainingCadence: 'yearly', numberOfModels: 1 } as const;
    expect(recommend(base).level).toBe(0);
    expect(recommend({ ...base, dataDrift: 'fast' }).level).toBe(1);
    expect(recommend({ ...base, dataDrift: 'slow' }).level).toBe(0);
    expect(recommend({ ...base, costOfErrors: 'high' }).level).toBe(1);
    expect(recommend({ ...base, costOfErrors: 'medium' }).level).toBe(0);
    const all = recommend({ ...base, dataDrift: 'fast', costOfErrors: 'high', auditRequired: true });
    expect(all.level).toBe(1);
    expect(all.reasons).toHaveLength(4);
  });

  it('takes the highest proposal and explains every rule that fired', () => {
    const result = recommend({ retrainingCadence: 'monthly', numberOfModels: 15, costOfErrors: 'high' });
    expect(result.level).toBe(2);
    expect(result.reasons).toHaveLength(3);
    expect(result.reasons.some((reason) => reason.includes('15 models'))).toBe(true);
  });

  it('gives a reason even when nothing is known', () => {
    const result = recommend({});
    expect(result.level).toBe(0);
    expect(result.reasons).toHaveLength(1);
  });

  it('applies an override with its reason, keeping the recommendation', () => {
    const result = recommend(
      { retrainingCadence: 'weekly' },
      { level: 1, reason: '  Platform team not staffed yet ' },
    );
    expect(result).toMatchObject({ level: 1, recommendedLevel: 2, overridden: true });
    expect(result.reasons.at(-1)).toBe('Overridden to level 1: Platform team not staffed yet');
  });

  it('refuses an override without a reason and a bad number of models', () => {
    expect(recommendTargetLevel({}, { level: 2, reason: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'override_reason_required' },
    });
    expect(recommendTargetLevel({ numberOfModels: 2.5 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_number_of_models' },
    });
  });
});
