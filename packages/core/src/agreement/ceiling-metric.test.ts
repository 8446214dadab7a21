import { describe, expect, it } from 'vitest';
import { ceilingMetricName, isAccuracyCeiling } from './ceiling-metric';

describe('ceilingMetricName', () => {
  it('names each framing ceiling in its own metric', () => {
    expect(ceilingMetricName('spans.f1.exact')).toBe('span F1');
    expect(ceilingMetricName('boxes.f1.iou50')).toBe('box F1 at IoU 0.5');
    expect(ceilingMetricName('multilabel.f1.micro')).toBe('micro F1');
    expect(ceilingMetricName('ranking.meanKendallTau')).toBe("Kendall's τ");
    expect(ceilingMetricName('sqrt-icc-c1')).toBe('correlation (√ICC(C,1))');
    expect(ceilingMetricName('majority-of-others')).toBe('accuracy');
    expect(ceilingMetricName('percent-agreement')).toBe('accuracy');
  });

  it('reads an unknown or missing basis as accuracy, the categorical ceiling', () => {
    expect(ceilingMetricName(null)).toBe('accuracy');
    expect(ceilingMetricName('toString')).toBe('accuracy');
    expect(isAccuracyCeiling(undefined)).toBe(true);
    expect(isAccuracyCeiling('spans.f1.exact')).toBe(false);
  });
});
