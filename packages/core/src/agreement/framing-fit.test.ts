import { describe, expect, it } from 'vitest';
import { framingMismatch } from './framing-fit';

describe('framingMismatch', () => {
  it("names the worksheet's framing and the sample's when they differ", () => {
    expect(framingMismatch('ranking-retrieval', 'categorical')).toBe(
      "The worksheet frames this project as ranking / retrieval (C. Framing), but this sample holds one label per item: its agreement and ceiling measure one label per item, not ranking / retrieval. Check the worksheet's answer or the file.",
    );
    expect(framingMismatch('classification', 'ranking')).toMatch(/as classification .* holds rankings/);
    expect(framingMismatch('pairwise-comparison', undefined)).toMatch(/holds one label per item/);
  });

  it('is silent when they fit, or the worksheet says nothing that decides', () => {
    expect(framingMismatch('classification', 'spans')).toBeNull();
    expect(framingMismatch('classification', 'multilabel')).toBeNull();
    expect(framingMismatch('regression', 'continuous')).toBeNull();
    expect(framingMismatch('ranking-retrieval', 'ranking')).toBeNull();
    expect(framingMismatch('generation', 'categorical')).toBeNull();
    expect(framingMismatch(null, 'spans')).toBeNull();
    expect(framingMismatch('toString', 'spans')).toBeNull();
  });
});
