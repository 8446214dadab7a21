import { describe, expect, it } from 'vitest';
import { ceilingMetricMismatch } from './ceiling-metric';

describe('ceilingMetricMismatch', () => {
  it('says when a span F1 ceiling sits under an accuracy metric', () => {
    expect(ceilingMetricMismatch('spans.f1.exact', 'Accuracy', 'NER pilot')).toBe(
      'The human ceiling of "NER pilot" is a span F1, not Accuracy: estimate the target, the attack angles and the measured points in span F1 too, and name the metric so.',
    );
  });

  it('is silent when the metric names the ceiling, or the ceiling is an accuracy', () => {
    expect(ceilingMetricMismatch('spans.f1.exact', 'Span F1 (exact)', 'NER pilot')).toBeNull();
    expect(ceilingMetricMismatch('ranking.meanKendallTau', "Kendall's τ", 'Search')).toBeNull();
    expect(ceilingMetricMismatch('sqrt-icc-c1', 'Correlation with raters', 'Scores')).toBeNull();
    expect(ceilingMetricMismatch('percent-agreement', 'F1', 'Pilot')).toBeNull();
    expect(ceilingMetricMismatch(null, 'Accuracy', 'Pilot')).toBeNull();
  });
});
