import { describe, expect, it } from 'vitest';
import { parseSettingsDraft, type SettingsValues, settingsToDraft } from './settings-values';

const settings: SettingsValues = {
  metricName: 'accuracy',
  maxQuality: 1,
  targetQuality: 0.85,
  ceilingOverride: null,
  value: {
    mode: 'per-quality-point',
    valuePerPoint: 1000,
    costPerError: null,
    volume: null,
    baselineQuality: 0.6,
  },
  teamCost: { amount: 40000, per: 'month' },
  workStartedOn: '2025-01-06',
};

describe('settings form', () => {
  it('round-trips the stored settings', () => {
    expect(parseSettingsDraft(settingsToDraft(settings))).toEqual({ ok: true, value: settings });
  });

  it('shows huge amounts with every digit, not in exponent notation, and reads them back', () => {
    const huge = { ...settings, value: { ...settings.value, valuePerPoint: 1e23 } };
    const draft = settingsToDraft(huge);
    expect(draft.valuePerPoint).toBe('100000000000000000000000');
    expect(parseSettingsDraft(draft)).toEqual({ ok: true, value: huge });
  });

  it('names the bad fields and keeps blanks as "not set"', () => {
    const draft = {
      ...settingsToDraft(settings),
      targetQuality: '1.2',
      ceilingOverride: '0',
      teamCostAmount: '',
    };
    const parsed = parseSettingsDraft(draft);
    expect(parsed.ok ? {} : parsed.errors).toEqual({
      targetQuality: 'Target quality: must lie between 0 and 1',
      ceilingOverride: 'Human ceiling: must lie above 0 and at most 1',
    });
    const blank = parseSettingsDraft({ ...settingsToDraft(settings), targetQuality: '', teamCostAmount: '' });
    expect(blank.ok && blank.value).toMatchObject({ targetQuality: null, teamCost: null });
  });

  it('refuses a metric name over 60 characters, showing the count', () => {
    const parsed = parseSettingsDraft({ ...settingsToDraft(settings), metricName: 'm'.repeat(61) });
    expect(parsed.ok ? undefined : parsed.errors.metricName).toBe('Metric: 61/60 characters, 1 too many.');
  });
});
