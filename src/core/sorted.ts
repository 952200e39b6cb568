/**
 * How many leading entries of a sorted sequence of `length` entries satisfy `below`, which must hold for a prefix
 * and fail for the rest (a lower bound by binary search): `countBelow(xs.length, (i) => xs[i] < x)`.
 */
export function countBelow(length: number, below: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (below(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
