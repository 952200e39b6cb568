import { nearest } from '../../src/core/suggest';

// The nearest-ID search of CL001 before its deletion index (kept verbatim): the reference the index must equal.

const FULL_SCAN_LIMIT = 2000;

const lastSegment = (id: string) =>
  id
    .toLowerCase()
    .split(/\.|::|\//)
    .pop() ?? '';

const byLastSegment = new WeakMap<ReadonlySet<string>, Map<string, string[]>>();

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

export function oneEditAwayReference(id: string, ids: ReadonlySet<string>, byUpper: ReadonlyMap<string, string>): string[] {
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

export function nearestIdReference(id: string, ids: ReadonlySet<string>, byUpper: ReadonlyMap<string, string>): string | undefined {
  const upper = byUpper.get(id.toUpperCase());
  if (upper) return upper;
  if (ids.size <= FULL_SCAN_LIMIT) return nearest(id, ids);
  return nearest(id, [...oneEditAwayReference(id, ids, byUpper), ...sameLastSegment(id, ids)]);
}
