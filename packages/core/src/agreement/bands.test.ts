import { describe, expect, it } from 'vitest';
import { bandScaleOf, describeBand } from './bands';
import { coefficientRows } from './coefficient-rows';
import { computeAgreement } from './compute-agreement';
import { encodeTriples } from './test-support';

describe('band scales', () => {
  it("reads α on Krippendorff's scale and the κ family on Landis–Koch's", () => {
    expect(bandScaleOf('krippendorffAlpha.ordinal')).toBe("Krippendorff's");
    expect(bandScaleOf('alpha')).toBe("Krippendorff's");
    for (const key of ['cohenKappa', 'fleissKappa', 'scottPi', 'gwetAC1', 'brennanPrediger']) {
      expect(bandScaleOf(key)).toBe("Landis–Koch's");
    }
    expect(describeBand('tentative', "Krippendorff's")).toBe("tentative (Krippendorff's scale)");
  });

  it("gives every coefficient row with a band the band's scale, and none without", () => {
    const report = computeAgreement(
      encodeTriples([
        ['1', 'a', 'x'],
        ['1', 'b', 'x'],
        ['2', 'a', 'y'],
        ['2', 'b', 'y'],
        ['3', 'a', 'x'],
        ['3', 'b', 'y'],
      ]),
    );
    for (const row of coefficientRows(report)) {
      expect(row.bandScale).toBe(row.band === null ? null : bandScaleOf(row.key));
    }
    expect(coefficientRows(report).some((row) => row.bandScale === "Krippendorff's")).toBe(true);
  });
});
