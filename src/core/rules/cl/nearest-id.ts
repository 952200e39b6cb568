import { nearest } from '../../suggest';

/** Above this many IDs a full scan per unknown ID is too slow for a lint run. */
const FULL_SCAN_LIMIT = 2000;

/** IDs by the last segment of their qualified name (`pkg.Name` -> `name`), built once per ID set. */
const byLastSegment = new WeakMap<ReadonlySet<string>, Map<string, string[]>>();
const lastSegment = (id: string) => {
  const lower = id.toLowerCase();
  // Most IDs hold no separator character: then the split would give the whole ID, without building an array.
  return /[.:/]/.test(lower) ? (lower.split(/\.|::|\//).pop() ?? '') : lower;
};

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
 * Upper-cased IDs of one length by a hash of themselves and of each of their one-character deletions (symmetric
 * delete): a string one edit away from an ID shares one of these with it. Hashes, not strings, keep the build cheap
 * (20,000 IDs give 300,000 entries); a collision only adds an ID to check.
 */
class DeletionIndex {
  private readonly mask: number;
  private readonly hashes: Int32Array;
  private readonly slots: Int32Array;

  constructor(private readonly keys: readonly string[]) {
    let entries = 0;
    for (const k of keys) entries += k.length + 1;
    let size = 16;
    while (size < entries * 2) size *= 2;
    this.mask = size - 1;
    this.hashes = new Int32Array(size);
    this.slots = new Int32Array(size).fill(-1);
    keys.forEach((k, i) => deletionHashes(k, (h) => this.insert(h, i)));
  }

  private insert(hash: number, key: number) {
    let at = mix(hash) & this.mask;
    while (this.slots[at] !== -1) at = (at + 1) & this.mask;
    this.hashes[at] = hash;
    this.slots[at] = key;
  }

  /** Adds to `out` every ID here that may be one edit from `upper` (and some that are not). */
  near(upper: string, out: Set<string>): void {
    deletionHashes(upper, (hash) => {
      for (let at = mix(hash) & this.mask; this.slots[at] !== -1; at = (at + 1) & this.mask) if (this.hashes[at] === hash) out.add(this.keys[this.slots[at]]);
    });
  }
}

/**
 * The deletion indexes of the upper-cased IDs, one per length, each built when a string of a neighbouring length
 * first asks: one edit changes the length by at most one, so unknown IDs far in length from every ID (or all of
 * one length) build nothing else.
 */
class DeletionIndexes {
  private readonly keysByLength = new Map<number, string[]>();
  private readonly built = new Map<number, DeletionIndex>();

  constructor(byUpper: ReadonlyMap<string, string>) {
    for (const k of byUpper.keys()) {
      const list = this.keysByLength.get(k.length);
      if (list) list.push(k);
      else this.keysByLength.set(k.length, [k]);
    }
  }

  /** Every upper-cased ID that may be one edit from `upper` (and some that are not). */
  near(upper: string): Set<string> {
    const out = new Set<string>();
    for (let length = upper.length - 1; length <= upper.length + 1; length++) {
      const keys = this.keysByLength.get(length);
      if (!keys) continue;
      let index = this.built.get(length);
      if (!index) this.built.set(length, (index = new DeletionIndex(keys)));
      index.near(upper, out);
    }
    return out;
  }
}

const BASE = 0x2545f491;
/** Reused by `deletionHashes` (one allocation, not three per ID). */
let scratch = new Int32Array(256);

/** Polynomial hashes (mod 2^32) of `s` and of `s` without each of its code units, with the length mixed in. */
function deletionHashes(s: string, each: (hash: number) => void) {
  const n = s.length;
  if (scratch.length < 3 * (n + 1)) scratch = new Int32Array(6 * (n + 1));
  // scratch: prefix hashes at [0, n], suffix hashes at [S, S + n], powers of BASE at [W, W + n].
  const h = scratch;
  const S = n + 1;
  const W = 2 * (n + 1);
  h[0] = 0;
  h[S + n] = 0;
  h[W] = 1;
  for (let i = 0; i < n; i++) {
    h[i + 1] = (Math.imul(h[i], BASE) + s.charCodeAt(i)) | 0;
    h[W + i + 1] = Math.imul(h[W + i], BASE);
  }
  for (let i = n - 1; i >= 0; i--) h[S + i] = (Math.imul(s.charCodeAt(i), h[W + n - 1 - i]) + h[S + i + 1]) | 0;
  const withLength = (hash: number, length: number) => (hash + Math.imul(length, 0x9e3779b1)) | 0;
  each(withLength(h[n], n));
  for (let j = 0; j < n; j++) each(withLength((Math.imul(h[j], h[W + n - 1 - j]) + h[S + j + 1]) | 0, n - 1));
}

/** Spreads a hash over the low bits that pick its slot. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Unknown IDs asked about before the deletion index pays for its build (about 0.05 s at 20,000 IDs, the cost of
 * some 80 full typo searches): an editor with one mistyped tag never builds it.
 */
export const INDEX_AFTER = 32;

const byDeletion = new WeakMap<ReadonlyMap<string, string>, { asked: number; index?: DeletionIndexes }>();

function deletionEntry(byUpper: ReadonlyMap<string, string>): { asked: number; index?: DeletionIndexes } {
  let entry = byDeletion.get(byUpper);
  if (!entry) byDeletion.set(byUpper, (entry = { asked: 0 }));
  return entry;
}

function deletionIndex(byUpper: ReadonlyMap<string, string>): DeletionIndexes | undefined {
  const entry = deletionEntry(byUpper);
  if (entry.index || ++entry.asked > INDEX_AFTER) entry.index ??= new DeletionIndexes(byUpper);
  return entry.index;
}

/**
 * Positions at which an edit of `id` can give an upper-cased ID: the edits elsewhere (most of the typo
 * candidates) cannot hit any ID, so they are not tried. Only for ASCII, where upper-casing keeps every position,
 * and once the index is built (else every position).
 */
function editPositions(id: string, byUpper: ReadonlyMap<string, string>): number[] | undefined {
  const index = deletionIndex(byUpper);
  if (!index || !/^[\x00-\x7f]*$/.test(id)) return undefined;
  const upper = id.toUpperCase();
  const n = upper.length;
  const near = index.near(upper);
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

/** The model's IDs as `nearestId` takes them, and the guesses made so far against them. */
export interface IdIndex {
  ids: ReadonlySet<string>;
  byUpper: ReadonlyMap<string, string>;
  guess(id: string): string | undefined;
  /**
   * Says that guesses for these unknown IDs follow: when more than INDEX_AFTER of them are new, the deletion index
   * is built before the first instead of after INDEX_AFTER full searches. Changes no guess, only its cost.
   */
  expect(ids: Iterable<string>): void;
}

let last: (IdIndex & { keys: string[] }) | undefined;

/**
 * The ID index of a graph's IDs (`byId` keys, in order). The last one is kept while the next graph has the same IDs in
 * the same order (an edit that renames nothing), with its derived indexes and guesses: the language server lints after
 * every keystroke, and building them over 60,000 IDs cost more than the rule.
 */
export function idIndexOf(byId: ReadonlyMap<string, unknown>): IdIndex {
  if (last && last.keys.length === byId.size) {
    let i = 0;
    let same = true;
    for (const k of byId.keys())
      if (k !== last.keys[i++]) {
        same = false;
        break;
      }
    if (same) return last;
  }
  const keys = [...byId.keys()];
  const ids = new Set(keys);
  const byUpper = new Map(keys.map((id) => [id.toUpperCase(), id]));
  const guesses = new Map<string, string | undefined>();
  const index = {
    keys,
    ids,
    byUpper,
    guess(id: string) {
      if (!guesses.has(id)) guesses.set(id, nearestId(id, ids, byUpper));
      return guesses.get(id);
    },
    expect(unknown: Iterable<string>) {
      if (ids.size <= FULL_SCAN_LIMIT) return;
      let fresh = 0;
      for (const id of new Set(unknown)) if (!guesses.has(id) && !byUpper.has(id.toUpperCase())) fresh++;
      const entry = deletionEntry(byUpper);
      if (fresh > INDEX_AFTER) entry.asked = Math.max(entry.asked, INDEX_AFTER);
    },
  };
  last = index;
  return index;
}
