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

const TYPO_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.';

/**
 * The upper-cased IDs by themselves and by each of their one-character deletions (symmetric delete), built once
 * per ID map: a string one edit away from another shares one of these with it.
 */
const byDeletion = new WeakMap<ReadonlyMap<string, string>, Map<string, string[]>>();

function deletionIndex(byUpper: ReadonlyMap<string, string>): Map<string, string[]> {
  const known = byDeletion.get(byUpper);
  if (known) return known;
  const index = new Map<string, string[]>();
  const add = (key: string, upper: string) => {
    const list = index.get(key);
    if (!list) index.set(key, [upper]);
    else if (list[list.length - 1] !== upper) list.push(upper);
  };
  for (const upper of byUpper.keys()) {
    add(upper, upper);
    for (let j = 0; j < upper.length; j++) add(upper.slice(0, j) + upper.slice(j + 1), upper);
  }
  byDeletion.set(byUpper, index);
  return index;
}

/**
 * Positions at which an edit of `id` can give an upper-cased ID: the edits elsewhere (most of the typo
 * candidates) cannot hit any ID, so they are not tried. Only for ASCII, where upper-casing keeps every position.
 */
function editPositions(id: string, byUpper: ReadonlyMap<string, string>): number[] | undefined {
  if (!/^[\x00-\x7f]*$/.test(id)) return undefined;
  const upper = id.toUpperCase();
  const n = upper.length;
  const index = deletionIndex(byUpper);
  const near = new Set(index.get(upper));
  for (let j = 0; j < n; j++) for (const k of index.get(upper.slice(0, j) + upper.slice(j + 1)) ?? []) near.add(k);
  const at = new Set<number>();
  for (const k of near) {
    let prefix = 0;
    while (prefix < n && prefix < k.length && upper[prefix] === k[prefix]) prefix++;
    let suffix = 0;
    while (suffix < n && suffix < k.length && upper[n - 1 - suffix] === k[k.length - 1 - suffix]) suffix++;
    // An edit at i keeps id[0, i) and at least id[i + 2, n): both must be in the hit ID.
    for (let i = Math.max(0, n - 2 - suffix); i <= prefix; i++) at.add(i);
  }
  return [...at].sort((a, b) => a - b);
}

/** IDs one edit away (substitution, insertion, deletion, swap of neighbours: typical typos), found by lookup. */
export function oneEditAway(id: string, ids: ReadonlySet<string>, byUpper: ReadonlyMap<string, string>): string[] {
  const alphabet = new Set(TYPO_ALPHABET);
  for (const ch of id) alphabet.add(ch);
  const found = new Set<string>();
  const hit = (candidate: string) => {
    const f = ids.has(candidate) ? candidate : byUpper.get(candidate.toUpperCase());
    if (f) found.add(f);
  };
  const positions = editPositions(id, byUpper) ?? Array.from({ length: id.length + 1 }, (_, i) => i);
  for (const i of positions) {
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
