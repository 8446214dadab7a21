import type { Box, UnitSample } from '../framing';
import { matchOneToOne } from '../matching/one-to-one';
import type { UnitDifference, UnitDisagreement } from '../types';
import { compareText, type NamedValue, unitDisagreements } from '../unit-disagreements';
import { boxGeometry, boxIoU } from './compute-boxes';

type BoxDifference = Extract<UnitDifference, { kind: 'box' }>;

/** Which boxes of `x` and of `y` are matched one to one at IoU ≥ 0.5 (`boxes.f1.iou50`'s matching). */
function matchAt50(x: readonly Box[], y: readonly Box[]) {
  const matched = { first: new Uint8Array(x.length), second: new Uint8Array(y.length) };
  const { matched: count } = matchOneToOne(x, y, 0.5, boxIoU, boxGeometry, matched);
  return { count, matched };
}

/** Box F1 at IoU 0.5 of one pair on one image, 2TP / (|x| + |y|); NaN when neither drew a box. */
export function boxF1At50(x: readonly Box[], y: readonly Box[]): number {
  const total = x.length + y.length;
  return total === 0 ? Number.NaN : (2 * matchAt50(x, y).count) / total;
}

/**
 * The boxes disagreement list: the `limit` images whose worst annotator pair has the lowest box F1 at
 * IoU 0.5, each with the boxes one of the pair drew and the other has no match for (label and
 * coordinates, in the export's unit), top to bottom, left to right.
 */
export function boxDisagreements(sample: UnitSample<readonly Box[]>, limit: number): UnitDisagreement[] {
  return unitDisagreements(
    sample,
    {
      score: boxF1At50,
      perfect: 1,
      differences: (a: NamedValue<readonly Box[]>, b: NamedValue<readonly Box[]>) => {
        const { matched } = matchAt50(a.value, b.value);
        const unmatched = (
          has: NamedValue<readonly Box[]>,
          lacks: NamedValue<readonly Box[]>,
          flags: Uint8Array,
        ) =>
          has.value
            .filter((_, i) => flags[i] !== 1)
            .map(
              (box): BoxDifference => ({
                kind: 'box',
                has: has.name,
                lacks: lacks.name,
                label: box.label,
                x: box.x,
                y: box.y,
                width: box.width,
                height: box.height,
              }),
            );
        return [...unmatched(a, b, matched.first), ...unmatched(b, a, matched.second)].sort(
          (x, y) => x.y - y.y || x.x - y.x || compareText(x.label, y.label) || compareText(x.has, y.has),
        );
      },
    },
    limit,
  );
}
