import { SYNONYMS } from './vocab/synonyms';

/** Levenshtein distance with an early cut-off; used for "did you mean" hints. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** The closest candidate within a distance proportional to the word's length, if any. */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.min(2, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestD = limit + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase(), bestD - 1);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

/** "Did you mean" for a vocabulary value: a known synonym first (bluetooth: ble), else the nearest value. */
export function suggestValue(word: string, values: readonly string[]): string | undefined {
  const key = word.trim().toLowerCase();
  const synonym = (Object.hasOwn(SYNONYMS, key) ? SYNONYMS[key] : []).find((v) => values.includes(v));
  return synonym ?? nearest(word, values);
}
