import { nearest } from '../../suggest';

/** Above this many IDs a full scan per unknown ID is too slow for a lint run. */
const FULL_SCAN_LIMIT = 2000;

/** IDs by the last segment of their qualified name (`pkg.Name` -> `name`), built once per ID set. */
const byLastSegment = new WeakMap<ReadonlySet<string>, Map<string, string[]>>();
const lastSegment = (id: string) =>
  id
    .toLowerCase()
    .split(/\.|::|\//)
    .pop() ?? '';

function sameLastSegment(id: string, ids: ReadonlySet<string>): string[] {
  let index = byLastSegment.get(ids);
  if (!index) {
    index = new Map();
    for (const i of ids) {
      const key = lastSegment(i);
      const list = index.get(key);
      if (list) list.push(i);
      else index.set(key, [i]);
    }
    byLastSegment.set(ids, index);
  }
  return index.get(lastSegment(id)) ?? [];
}

/** IDs one edit away (substitution, insertion, deletion, swap of neighbours: typical typos), found by lookup. */
function oneEditAway(id: string, ids: ReadonlySet<string>, byUpper: ReadonlyMap<string, string>): string[] {
  const alphabet = new Set('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.');
  for (const ch of id) alphabet.add(ch);
  const found = new Set<string>();
  const hit = (candidate: string) => {
    const f = ids.has(candidate) ? candidate : byUpper.get(candidate.toUpperCase());
    if (f) found.add(f);
  };
  for (let i = 0; i <= id.length; i++) {
    if (i < id.length) hit(id.slice(0, i) + id.slice(i + 1));
    if (i + 1 < id.length) hit(id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2));
    for (const ch of alphabet) {
      if (i < id.length && ch !== id[i]) hit(id.slice(0, i) + ch + id.slice(i + 1));
      hit(id.slice(0, i) + ch + id.slice(i));
    }
  }
  return [...found];
}

/**
 * The existing ID `id` was clearly meant to be (see `nearest`): a case-insensitive match, else the one clearly
 * closest by qualified-name suffix, edits or shared tokens. Small models are scanned in full; large ones are
 * asked only for IDs one edit away and IDs with the same last name segment, so the cost does not grow with the model.
 */
export function nearestId(id: string, ids: ReadonlySet<string>, byUpper: ReadonlyMap<string, string>): string | undefined {
  const upper = byUpper.get(id.toUpperCase());
  if (upper) return upper;
  if (ids.size <= FULL_SCAN_LIMIT) return nearest(id, ids);
  return nearest(id, [...oneEditAway(id, ids, byUpper), ...sameLastSegment(id, ids)]);
}
