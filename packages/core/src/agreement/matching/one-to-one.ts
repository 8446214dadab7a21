/**
 * One-to-one matching of two annotators' objects (spans, boxes) by overlap, as object-detection
 * evaluation does (Everingham et al. 2010, "The PASCAL Visual Object Classes (VOC) Challenge", §4.2,
 * with the roles of prediction and ground truth made symmetric): candidate pairs with IoU ≥ the threshold
 * are taken greedily by descending IoU, each object in at most one pair.
 */

export interface OneToOneMatch {
  readonly matched: number;
  /** Σ IoU over the matched pairs. */
  readonly iouSum: number;
}

interface Candidate {
  readonly iou: number;
  readonly first: number;
  readonly second: number;
  /** Orders candidates of equal IoU by their unordered geometry, so swapping the annotators changes nothing. */
  readonly tie: readonly number[];
}

function compareTuples(x: readonly number[], y: readonly number[]): number {
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/**
 * Matches `first` and `second` one to one; `iou(x, y)` is their overlap (0 for objects that may not
 * match, e.g. different labels), `geometry(x)` a tuple that identifies an object's place (for ties).
 */
export function matchOneToOne<T>(
  first: readonly T[],
  second: readonly T[],
  threshold: number,
  iou: (x: T, y: T) => number,
  geometry: (x: T) => readonly number[],
  matchedOut?: { readonly first: Uint8Array; readonly second: Uint8Array },
): OneToOneMatch {
  const candidates: Candidate[] = [];
  for (let i = 0; i < first.length; i++) {
    for (let j = 0; j < second.length; j++) {
      const x = first[i] as T;
      const y = second[j] as T;
      const overlap = iou(x, y);
      if (overlap >= threshold && overlap > 0) {
        const gx = geometry(x);
        const gy = geometry(y);
        const tie = compareTuples(gx, gy) <= 0 ? [...gx, ...gy] : [...gy, ...gx];
        candidates.push({ iou: overlap, first: i, second: j, tie });
      }
    }
  }
  if (candidates.length === 0) return { matched: 0, iouSum: 0 };
  candidates.sort((x, y) => y.iou - x.iou || compareTuples(x.tie, y.tie));
  const usedFirst = matchedOut?.first ?? new Uint8Array(first.length);
  const usedSecond = matchedOut?.second ?? new Uint8Array(second.length);
  let matched = 0;
  let iouSum = 0;
  for (const candidate of candidates) {
    if (usedFirst[candidate.first] === 1 || usedSecond[candidate.second] === 1) continue;
    usedFirst[candidate.first] = 1;
    usedSecond[candidate.second] = 1;
    matched++;
    iouSum += candidate.iou;
  }
  return { matched, iouSum };
}

/** Multiset intersection size of two lists of keys. */
export function countCommon(first: readonly string[], second: readonly string[]): number {
  if (first.length === 0 || second.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const key of first) counts.set(key, (counts.get(key) ?? 0) + 1);
  let common = 0;
  for (const key of second) {
    const left = counts.get(key) ?? 0;
    if (left > 0) {
      common++;
      counts.set(key, left - 1);
    }
  }
  return common;
}
