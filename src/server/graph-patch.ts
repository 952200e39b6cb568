// @spdf implements SPDF-LSP-INCR
import { cachedReferences, type ReferenceCache } from '../core/model/build-graph';
import type { Graph, LoadProblem, ModelItem, Reference } from '../core/model/graph';
import type { LoadedFile } from '../core/model/load-file';

/**
 * `buildGraph(loaded, problems, cache)` computed from the previous graph when one model file changed without changing
 * its items' kinds and IDs, the IDs its references name, or zone membership (typing a title, a text, a score): the
 * new file's items and references take the old ones' places, references from other files to them get the new targets,
 * and everything else is shared. Undefined for any other change (the caller builds the graph in full). A patch
 * consumes `prev`: its ID, reference and referrer maps become the new graph's.
 */
export function patchGraph(prev: Graph, prevLoaded: readonly LoadedFile[], loaded: readonly LoadedFile[], problems: readonly LoadProblem[], cache: ReferenceCache): Graph | undefined {
  if (prevLoaded.length !== loaded.length) return undefined;
  let at = -1;
  for (let i = 0; i < loaded.length; i++) {
    if (prevLoaded[i] === loaded[i]) continue;
    if (at >= 0 || prevLoaded[i].file.path !== loaded[i].file.path) return undefined;
    at = i;
  }
  if (at < 0) return undefined;
  const before = prevLoaded[at];
  const after = loaded[at];
  const n = after.items.length;
  if (before.items.length !== n || before.sbom || after.sbom) return undefined;
  for (let j = 0; j < n; j++) {
    const o = before.items[j];
    const a = after.items[j];
    if (o.kind !== a.kind || o.id !== a.id || zoneKey(o) !== zoneKey(a)) return undefined;
  }

  // The previous graph's maps are taken over (copying them is most of an edit's cost at 20k items); `prev` is
  // consumed by a patch, and left as it was when the patch is not taken.
  const { byId, refsOf, refsTo } = prev;
  const firstOld = new Map<string, ModelItem>();
  const newOf = new Map<ModelItem, ModelItem>();
  for (let j = 0; j < n; j++) {
    newOf.set(before.items[j], after.items[j]);
    if (byId.get(before.items[j].id) === before.items[j]) firstOld.set(before.items[j].id, before.items[j]);
  }
  for (let j = 0; j < n; j++) if (firstOld.get(after.items[j].id) === before.items[j]) byId.set(after.items[j].id, after.items[j]);
  const refsOfItem = new Map<ModelItem, Reference[]>();
  const replaced = new Map<Reference, Reference>();
  /** Each changed item's references before and after: the edited file's items first, in order. */
  const runs: [Reference[], Reference[]][] = [];
  for (let j = 0; j < n; j++) {
    const old = refsOf.get(before.items[j]) ?? [];
    const now = cachedReferences(after.items[j], byId, cache);
    if (old.length !== now.length || old.some((r, k) => r.field !== now[k].field || r.id !== now[k].id)) {
      for (const [id, o] of firstOld) byId.set(id, o);
      return undefined;
    }
    refsOfItem.set(after.items[j], now);
    runs.push([old, now]);
    old.forEach((r, k) => replaced.set(r, now[k]));
  }
  // References from other files to the old items: the same references, with the new items as targets.
  for (const o of before.items) {
    if (firstOld.get(o.id) !== o) continue;
    for (const r of refsTo.get(o.id) ?? []) {
      if (r.target !== o || newOf.has(r.from) || refsOfItem.has(r.from)) continue;
      const old = refsOf.get(r.from) ?? [];
      const now = cachedReferences(r.from, byId, cache);
      refsOfItem.set(r.from, now);
      runs.push([old, now]);
      old.forEach((x, k) => x !== now[k] && replaced.set(x, now[k]));
    }
  }

  let offset = 0;
  for (let i = 0; i < at; i++) offset += prevLoaded[i].items.length;
  const items = prev.items.slice();
  for (let j = 0; j < n; j++) items[offset + j] = after.items[j];
  const byKind = { ...prev.byKind };
  for (const kind of new Set(before.items.map((o) => o.kind))) {
    const list = (byKind[kind] as ModelItem[]).slice();
    for (let p = list.indexOf(before.items.find((o) => o.kind === kind)!); p < list.length && newOf.has(list[p]); p++) list[p] = newOf.get(list[p])!;
    (byKind as Record<string, ModelItem[]>)[kind] = list;
  }
  for (const o of before.items) refsOf.delete(o);
  for (const [item, refs] of refsOfItem) refsOf.set(item, refs);
  const swap = (r: Reference) => replaced.get(r) ?? r;
  const lists = new Map<string, Reference[]>();
  for (const r of replaced.keys()) if (!lists.has(r.id)) lists.set(r.id, refsTo.get(r.id)!.map(swap));
  for (const [id, list] of lists) refsTo.set(id, list);
  const refs = prev.refs;
  if (replaced.size && !replaceRuns(refs, runs, n)) for (let i = 0; i < refs.length; i++) refs[i] = swap(refs[i]);
  const files = loaded.map((l) => l.file);
  return {
    files,
    fileByPath: new Map(files.map((f) => [f.path, f])),
    items,
    byId,
    byKind,
    duplicates: prev.duplicates.map((g) => (g.some((x) => newOf.has(x)) ? g.map((x) => newOf.get(x) ?? x) : g)),
    refs,
    refsTo,
    refsOf,
    zonesOfAsset: prev.zonesOfAsset,
    problems: [...problems, ...loaded.flatMap((l) => l.problems)],
    sboms: loaded.flatMap((l) => (l.sbom ? [{ path: l.file.path, document: l.sbom }] : [])),
  };
}

/**
 * Replaces each changed item's references in `refs` where they stand: `buildGraph` lists every item's references
 * together, in item order, so the edited file's `count` items' references are one run found with one search, and
 * each other item's one run. False when a run is not where it should be (the caller swaps the whole list instead).
 */
function replaceRuns(refs: Reference[], runs: readonly [Reference[], Reference[]][], count: number): boolean {
  let at = -1;
  for (let i = 0; i < runs.length; i++) {
    const [old, now] = runs[i];
    if (!old.length) continue;
    if (i >= count || at < 0) at = refs.indexOf(old[0]);
    if (at < 0 || at + old.length > refs.length) return false;
    for (let k = 0; k < old.length; k++, at++) {
      if (refs[at] !== old[k]) return false;
      refs[at] = now[k];
    }
  }
  return true;
}

/** What `zonesOfAsset` reads of an item: an asset's `zone`, a zone's `assets`. */
function zoneKey(item: ModelItem): string {
  if (item.kind === 'asset') return typeof item.data.zone === 'string' ? item.data.zone : '';
  if (item.kind === 'zone') return Array.isArray(item.data.assets) ? JSON.stringify((item.data.assets as unknown[]).filter((a) => typeof a === 'string')) : '';
  return '';
}
