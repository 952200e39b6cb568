import type { Graph, ModelItem, ItemOf, LoadProblem, ModelFile, Reference } from './graph';
import { ITEM_KINDS, type ItemKind } from './kinds';
import type { LoadedFile } from './load-file';
import { referenceFields, type RefField } from './schema-def';
import { deref, pairOf, type YNode, type YScalar } from '../yaml/ynode';

const REF_FIELDS = Object.fromEntries(ITEM_KINDS.map((k) => [k, referenceFields(k)])) as Record<ItemKind, RefField[]>;

/**
 * The resolved references of each item from an earlier build, for a host that rebuilds the graph after each edit
 * (the language server): an unchanged item's references are not collected from its YAML tree again, and one whose
 * target is still the same item is reused as it is. Items are never mutated, so an entry stays valid while its item lives.
 */
export type ReferenceCache = WeakMap<ModelItem, Reference[]>;

/**
 * Merges loaded files into one graph: IDs, duplicates, resolved references, zone membership. Linear in model size.
 * With a `cache`, the result is the same (equal references; reused objects only where they are equal).
 */
export function buildGraph(loaded: LoadedFile[], extraProblems: LoadProblem[] = [], cache?: ReferenceCache): Graph {
  const files: ModelFile[] = [];
  const items: ModelItem[] = [];
  const problems: LoadProblem[] = [...extraProblems];
  for (const l of loaded) {
    files.push(l.file);
    items.push(...l.items);
    problems.push(...l.problems);
  }
  const byKind = Object.fromEntries(ITEM_KINDS.map((k) => [k, []])) as unknown as Graph['byKind'];
  const byId = new Map<string, ModelItem>();
  const groups = new Map<string, ModelItem[]>();
  for (const item of items) {
    (byKind[item.kind] as ItemOf<typeof item.kind>[]).push(item);
    const prev = byId.get(item.id);
    if (!prev) byId.set(item.id, item);
    else {
      const g = groups.get(item.id) ?? [prev];
      g.push(item);
      groups.set(item.id, g);
    }
  }
  const refs: Reference[] = [];
  const refsTo = new Map<string, Reference[]>();
  const refsOf = new Map<ModelItem, Reference[]>();
  for (const item of items) {
    const own = cache ? cachedReferences(item, byId, cache) : references(item, byId);
    for (const r of own) {
      refs.push(r);
      let list = refsTo.get(r.id);
      if (!list) refsTo.set(r.id, (list = []));
      list.push(r);
    }
    refsOf.set(item, own);
  }
  const zonesOfAsset = new Map<string, Set<string>>();
  const addZone = (asset: string, zone: string) => {
    let s = zonesOfAsset.get(asset);
    if (!s) zonesOfAsset.set(asset, (s = new Set()));
    s.add(zone);
  };
  for (const a of byKind.asset) if (typeof a.data.zone === 'string') addZone(a.id, a.data.zone);
  for (const z of byKind.zone) if (Array.isArray(z.data.assets)) for (const a of z.data.assets) if (typeof a === 'string') addZone(a, z.id);
  return {
    files,
    fileByPath: new Map(files.map((f) => [f.path, f])),
    items,
    byId,
    byKind,
    duplicates: [...groups.values()],
    refs,
    refsTo,
    refsOf,
    zonesOfAsset,
    problems,
    sboms: loaded.flatMap((l) => (l.sbom ? [{ path: l.file.path, document: l.sbom }] : [])),
  };
}

function references(item: ModelItem, byId: Map<string, ModelItem>): Reference[] {
  const own: Reference[] = [];
  for (const f of REF_FIELDS[item.kind]) collect(item, item.node, f.path, 0, f, '', own, byId);
  return own;
}

export function cachedReferences(item: ModelItem, byId: Map<string, ModelItem>, cache: ReferenceCache): Reference[] {
  const before = cache.get(item);
  if (!before) {
    const own = references(item, byId);
    cache.set(item, own);
    return own;
  }
  let own = before;
  before.forEach((r, i) => {
    const target = byId.get(r.id);
    if (target === r.target) return;
    if (own === before) own = [...before];
    own[i] = { ...r, target };
  });
  if (own !== before) cache.set(item, own);
  return own;
}

/** `field`: the dotted path of the steps taken so far (`components.2.threat`), built as it goes. */
function collect(item: ModelItem, node: YNode | null | undefined, path: string[], at: number, f: RefField, field: string, out: Reference[], byId: Map<string, ModelItem>): void {
  const n = deref(node);
  if (!n) return;
  if (at === path.length) {
    if (f.many) {
      if (n.kind !== 'seq') return;
      for (const el of n.items) {
        const s = deref(el);
        if (s?.kind === 'scalar') push(item, s, field, f, out, byId);
      }
    } else if (n.kind === 'scalar') push(item, n, field, f, out, byId);
    return;
  }
  const step = path[at];
  if (step === '[]') {
    if (n.kind !== 'seq') return;
    n.items.forEach((el, i) => collect(item, el, path, at + 1, f, at === 0 ? String(i) : `${field}.${i}`, out, byId));
  } else if (n.kind === 'map') {
    // Most items leave most reference fields out: look the key up before building the field path.
    const p = pairOf(n, step);
    if (p) collect(item, p.value, path, at + 1, f, at === 0 ? step : `${field}.${step}`, out, byId);
  }
}

/** A reference made whole at once (its target included): an object given a property later is copied to grow. */
function push(item: ModelItem, node: YScalar, field: string, f: RefField, out: Reference[], byId: Map<string, ModelItem>): void {
  if (node.value === null || node.value === '') return;
  const id = String(node.value);
  out.push({ from: item, field, id, kinds: f.kinds, node, target: byId.get(id) });
}
