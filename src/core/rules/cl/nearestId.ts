import { nearest } from '../../suggest';

/** Above this many IDs a full edit-distance scan per unknown ID is too slow for a lint run. */
const FULL_SCAN_LIMIT = 2000;

/**
 * The existing ID closest to `id`: a case-insensitive match, else an ID one edit away (substitution,
 * insertion, deletion, swap of neighbours: typical typos), found by generating those variants and looking
 * them up, so the cost does not grow with the model. Small models also get the general nearest match.
 */
export function nearestId(id: string, ids: ReadonlySet<string>, byUpper: ReadonlyMap<string, string>): string | undefined {
  const upper = byUpper.get(id.toUpperCase());
  if (upper) return upper;
  const alphabet = new Set('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.');
  for (const ch of id) alphabet.add(ch);
  const hit = (candidate: string) => (ids.has(candidate) ? candidate : byUpper.get(candidate.toUpperCase()));
  for (let i = 0; i <= id.length; i++) {
    if (i < id.length) {
      const found = hit(id.slice(0, i) + id.slice(i + 1));
      if (found) return found;
    }
    if (i + 1 < id.length) {
      const found = hit(id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2));
      if (found) return found;
    }
    for (const ch of alphabet) {
      if (i < id.length && ch !== id[i]) {
        const found = hit(id.slice(0, i) + ch + id.slice(i + 1));
        if (found) return found;
      }
      const found = hit(id.slice(0, i) + ch + id.slice(i));
      if (found) return found;
    }
  }
  return ids.size <= FULL_SCAN_LIMIT ? nearest(id, ids) : undefined;
}
