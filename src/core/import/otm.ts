import { PROTOCOLS } from '../vocab/protocols';
import { toData, type YMap, type YNode } from '../yaml/ynode';
import { OTM_SPDF_ATTRIBUTE } from './otm-names';
import type { ModelDocument, ModelItem, ModelRef, ModelSection } from './model-types';
import { bool, entries, get, map, num, readTree, str, strings } from './tree';
import type { SourcePos } from './types';

const STRIDE: Record<string, string> = { spoofing: 'S', tampering: 'T', repudiation: 'R', 'information disclosure': 'I', 'denial of service': 'D', 'elevation of privilege': 'E' };
const KNOWN_KEYS = new Set(['otmVersion', 'project', 'representations', 'assets', 'components', 'dataflows', 'trustZones', 'threats', 'mitigations']);
/** The fields of each OTM 0.x element; any other is reported (one that holds a structure may carry links, so the import fails). */
const ELEMENT_FIELDS: Record<string, ReadonlySet<string>> = {
  'data asset': new Set(['id', 'name', 'description', 'risk', 'attributes']),
  'trust zone': new Set(['id', 'name', 'type', 'description', 'risk', 'parent', 'representations', 'attributes']),
  component: new Set(['id', 'name', 'type', 'description', 'parent', 'representations', 'assets', 'threats', 'tags', 'attributes']),
  dataflow: new Set(['id', 'name', 'description', 'bidirectional', 'source', 'destination', 'assets', 'threats', 'tags', 'attributes']),
  threat: new Set(['id', 'name', 'description', 'categories', 'cwes', 'risk', 'tags', 'attributes']),
  mitigation: new Set(['id', 'name', 'description', 'riskReduction', 'attributes']),
};
/** OTM has no zone role: a class is read from the zone's type or name, and the report says it was guessed. */
const ZONE_CLASS: [RegExp, string][] = [
  [/internet|public|external|untrusted/i, 'external'],
  [/dmz/i, 'dmz'],
  [/cloud|aws|azure|gcp/i, 'cloud'],
  [/device|embedded|ot\b|plant/i, 'device'],
];
const ASSET_KIND: [RegExp, string][] = [
  [/database|db|store|storage|bucket|s3/i, 'datastore'],
  [/client|user|browser|actor|person/i, 'external-entity'],
  [/service|server|api|lambda|function/i, 'service'],
];
/** An OTM dataflow tag naming a protocol the model knows. */
const isProtocol = (tag: string) => Object.hasOwn(PROTOCOLS, tag.toLowerCase());
/** OTM rates C/I/A 0..100; the model takes low..critical: the lowest band a rating reaches. */
const CIA_BAND: [number, string][] = [
  [75, 'critical'],
  [50, 'high'],
  [25, 'medium'],
];
const ZONE_CLASSES = new Set(['it', 'dmz', 'ot', 'device', 'external', 'cloud']);
const ASSET_KINDS = new Set(['component', 'device', 'service', 'datastore', 'data', 'external-entity', 'human', 'access-point']);
/** OTM per-target threat state -> threat status. */
const THREAT_STATUS: Record<string, string> = {
  mitigated: 'mitigated',
  exposed: 'open',
  accepted: 'accepted',
  transferred: 'transferred',
  avoided: 'avoided',
  'not-applicable': 'n/a',
  'not applicable': 'n/a',
  notapplicable: 'n/a',
  'n/a': 'n/a',
};

/**
 * Open Threat Model (OTM 0.x, JSON or YAML): trust zones -> zones, components -> assets, dataflows ->
 * flows, data assets -> data assets (C/I/A 0..100 banded onto low..critical), threats -> threats (STRIDE
 * from the categories, state from the components that list them), mitigations -> controls. Trust ratings,
 * likelihood and impact have no model field and are reported.
 */
export function parseOtm(file: string, text: string): ModelDocument {
  const tree = readTree(file, text);
  const doc: ModelDocument = { items: [], notes: tree.notes };
  const root = map(tree.root);
  if (!tree.notes.length && !root) doc.notes.push({ pos: tree.pos(0), kind: 'error', message: 'not an OTM document: the top level is not an object' });
  if (!root) return doc;
  const at = (n: { start: number }) => tree.pos(n.start);
  const version = get(root, 'otmVersion');
  if (!version) doc.notes.push({ pos: at(root), kind: 'error', message: "not an OTM document: no 'otmVersion'" });
  else if (!/^0\./.test(String(str(version) ?? num(version) ?? '')))
    doc.notes.push({
      pos: at(version),
      kind: 'error',
      message: `otmVersion '${String(str(version) ?? num(version) ?? '?')}' is not OTM 0.x, the version this importer reads: its elements may mean something else`,
    });
  for (const p of root.pairs)
    if (!KNOWN_KEYS.has(String(p.key.value))) doc.notes.push({ pos: at(p.key), kind: 'skipped', subject: 'element', message: `'${String(p.key.value)}' is not an OTM section; not read` });
  for (const r of entries(get(root, 'representations')))
    doc.notes.push({ pos: at(r.node), kind: 'skipped', subject: 'layout', message: `representation '${str(get(map(r.node), 'id')) ?? '?'}' (diagram layout) not imported` });
  const dataAssets = entries(get(root, 'assets'));

  const element = (n: YNode, what: string): { m: YMap; id: string; name: string } | undefined => {
    const m = map(n);
    const id = str(get(m, 'id'));
    if (!m || !id) return void doc.notes.push({ pos: at(n), kind: 'error', message: `${what} without an 'id'; not imported` });
    for (const p of m.pairs) {
      const key = String(p.key.value);
      if (ELEMENT_FIELDS[what]?.has(key)) continue;
      const structured = !!p.value && p.value.kind !== 'scalar';
      const message = `${id}: '${key}' is not a field of an OTM ${what}; not read${structured ? ' (it may carry links)' : ''}`;
      doc.notes.push({ pos: at(p.key), kind: 'lost', subject: structured ? 'relation' : 'metadata', message });
    }
    return { m, id, name: str(get(m, 'name')) ?? id };
  };
  const ref = (n: YNode | null | undefined, sections: readonly ModelSection[], required = false): ModelRef | undefined => {
    const id = str(n);
    return id === undefined || !n ? undefined : { id, sections, pos: at(n), required };
  };
  const push = (section: ModelSection, e: { m: YMap; id: string }, kind: string, fields: Record<string, unknown>, refs: ModelItem['refs'], lost: string[]) => {
    const description = str(get(e.m, 'description'));
    const item: ModelItem = { section, id: e.id, element: kind, fields: { ...fields, ...(description && section !== 'flows' ? { description } : {}) }, refs, lost, pos: at(e.m) };
    const attributes = map(get(e.m, 'attributes'));
    const saved = map(get(attributes, OTM_SPDF_ATTRIBUTE));
    if (attributes?.pairs.some((p) => p.key.value !== OTM_SPDF_ATTRIBUTE)) lost.push('attributes not kept');
    if (saved) restore(item, saved);
    doc.items.push(item);
    return item;
  };

  /**
   * The model fields `spdf export otm` kept under `attributes.spdf` replace what the OTM structure gave (the
   * name or title and the description stay): the item comes back as it was written, references included.
   */
  const restore = (item: ModelItem, saved: YMap) => {
    let fields: unknown;
    try {
      fields = toData(saved, { left: 100_000 });
    } catch {
      return void doc.notes.push({ pos: at(saved), kind: 'error', message: `attributes.${OTM_SPDF_ATTRIBUTE} is too large or too deep; not read` });
    }
    const own = Object.fromEntries(Object.entries(item.fields).filter(([k]) => k === 'name' || k === 'title' || k === 'description'));
    item.fields = { ...own, ...(fields as Record<string, unknown>) };
    item.refs = {};
  };

  // A data asset `spdf export otm` wrote carries its model fields (kind data, cia) under attributes.spdf, which replace these.
  for (const a of dataAssets) {
    const e = element(a.node, 'data asset');
    if (!e) continue;
    const risk = map(get(e.m, 'risk'));
    const rated = (['confidentiality', 'integrity', 'availability'] as const).map((k) => num(get(risk, k)));
    const cia = Object.fromEntries(rated.flatMap((v, n) => (v === undefined ? [] : [['cia'[n], CIA_BAND.find(([min]) => v >= min)?.[1] ?? 'low']])));
    const restored = get(map(get(e.m, 'attributes')), OTM_SPDF_ATTRIBUTE);
    const lost =
      !restored && rated.some((v) => v !== undefined) ? [`C/I/A ${rated.map((v) => v ?? '-').join('/')} (OTM 0..100) kept as ${['c', 'i', 'a'].map((k) => cia[k] ?? '-').join('/')}: check it`] : [];
    push('assets', e, 'asset', { name: e.name, kind: 'data', ...(Object.keys(cia).length ? { cia } : {}) }, {}, lost);
  }

  const zoneOf = new Map<string, SourcePos>();
  for (const z of entries(get(root, 'trustZones'))) {
    const e = element(z.node, 'trust zone');
    if (!e) continue;
    const type = str(get(e.m, 'type')) ?? '';
    const exact = ZONE_CLASSES.has(type);
    const cls = exact ? type : (ZONE_CLASS.find(([re]) => re.test(`${type} ${e.name}`))?.[1] ?? 'it');
    const lost = exact ? [] : [`class '${cls}' guessed from the type and name (OTM has no zone role): check it`];
    const rating = num(get(map(get(e.m, 'risk')), 'trustRating'));
    if (rating !== undefined) lost.push(`trustRating ${rating} not kept (a trust rating is not a target security level; set sl_t by hand)`);
    const parent = str(get(map(get(e.m, 'parent')), 'trustZone'));
    if (parent) lost.push(`nested in trust zone '${parent}': flattened (IEC 62443 zones do not nest)`);
    push('zones', e, 'trustZone', { name: e.name, class: cls }, {}, lost);
    zoneOf.set(e.id, at(e.m));
  }

  const threatUse = new Map<string, { target: ModelRef; state?: string; mitigations: { id: string; state?: string; pos: SourcePos }[] }[]>();
  const componentParent = new Map<string, string>();
  const components = entries(get(root, 'components'));
  for (const c of components) {
    const m = map(c.node);
    const id = str(get(m, 'id'));
    const parent = str(get(map(get(m, 'parent')), 'component'));
    if (id && parent) componentParent.set(id, parent);
  }
  const zoneOfComponent = (id: string, seen = new Set<string>()): string | undefined => {
    if (seen.has(id)) return undefined;
    seen.add(id);
    const c = components.find((x) => str(get(map(x.node), 'id')) === id);
    const tz = str(get(map(get(map(c?.node), 'parent')), 'trustZone'));
    const parent = componentParent.get(id);
    return tz ?? (parent ? zoneOfComponent(parent, seen) : undefined);
  };
  const useThreats = (owner: YMap, target: ModelRef) => {
    for (const t of entries(get(owner, 'threats'))) {
      const tm = map(t.node);
      const id = str(get(tm, 'threat'));
      if (!id) {
        doc.notes.push({ pos: at(t.node), kind: 'lost', subject: 'relation', message: `${target.id}: threat entry without 'threat' (the threat's ID); not kept` });
        continue;
      }
      const mitigations = entries(get(tm, 'mitigations')).flatMap((x) => {
        const mid = str(get(map(x.node), 'mitigation'));
        if (!mid) doc.notes.push({ pos: at(x.node), kind: 'lost', subject: 'relation', message: `${target.id}: mitigation entry of threat '${id}' without 'mitigation' (its ID); not kept` });
        return mid ? [{ id: mid, state: str(get(map(x.node), 'state'))?.toLowerCase(), pos: at(x.node) }] : [];
      });
      threatUse.set(id, [...(threatUse.get(id) ?? []), { target: { ...target, pos: at(t.node) }, state: str(get(tm, 'state'))?.toLowerCase(), mitigations }]);
    }
  };
  for (const c of components) {
    const e = element(c.node, 'component');
    if (!e) continue;
    const type = str(get(e.m, 'type')) ?? '';
    const exact = ASSET_KINDS.has(type);
    const kind = exact ? type : (ASSET_KIND.find(([re]) => re.test(type))?.[1] ?? 'component');
    const lost: string[] = [];
    if (type && !exact) lost.push(`type '${type}' kept as kind '${kind}'`);
    const parentMap = map(get(e.m, 'parent'));
    const parentComponent = str(get(parentMap, 'component'));
    const zone = zoneOfComponent(e.id);
    if (parentComponent) lost.push(`runs inside component '${parentComponent}': the model has no nesting of assets; placed in that component's zone`);
    const tags = strings(get(e.m, 'tags'));
    if (tags.length) lost.push(`tags ${tags.join(', ')} not kept`);
    for (const use of ['processed', 'stored'])
      for (const d of entries(get(map(get(e.m, 'assets')), use)))
        doc.notes.push({
          pos: at(d.node),
          kind: 'lost',
          subject: 'relation',
          message: `${e.id}: ${use} data asset '${str(d.node) ?? '?'}' not kept (an asset has no data field; name the data on its flows)`,
        });
    const zoneNode = get(parentMap, 'trustZone');
    const refs: ModelItem['refs'] = {};
    if (zone) refs.zone = { id: zone, sections: ['zones'], pos: zoneNode ? at(zoneNode) : at(e.m) };
    push('assets', e, 'component', { name: e.name, kind }, refs, lost);
    useThreats(e.m, { id: e.id, sections: ['assets'], pos: at(e.m) });
  }

  for (const f of entries(get(root, 'dataflows'))) {
    const e = element(f.node, 'dataflow');
    if (!e) continue;
    const source = ref(get(e.m, 'source'), ['assets'], true);
    const destination = ref(get(e.m, 'destination'), ['assets'], true);
    if (!source || !destination) {
      doc.notes.push({ pos: at(e.m), kind: 'error', message: `dataflow '${e.id}' without a source and a destination; not imported` });
      continue;
    }
    const tags = strings(get(e.m, 'tags'));
    const protocol = tags.find(isProtocol)?.toLowerCase();
    const lost: string[] = [];
    if (!protocol) lost.push("no protocol in the source: written as 'unknown' (TM006 reports it until it is set)");
    const other = tags.filter((t) => t.toLowerCase() !== protocol);
    if (other.length) lost.push(`tags ${other.join(', ')} not kept`);
    const description = str(get(e.m, 'description'));
    if (description) lost.push('description not kept (a flow has no description field)');
    if (!get(map(get(e.m, 'attributes')), OTM_SPDF_ATTRIBUTE))
      for (const d of entries(get(e.m, 'assets')))
        doc.notes.push({ pos: at(d.node), kind: 'lost', subject: 'relation', message: `${e.id}: data asset '${str(d.node) ?? '?'}' on the flow not kept (write it in the flow's data by hand)` });
    const bidirectional = bool(get(e.m, 'bidirectional'));
    push('flows', e, 'dataflow', { name: e.name, protocol: protocol ?? 'unknown', ...(bidirectional !== undefined ? { bidirectional } : {}) }, { source, destination }, lost);
    useThreats(e.m, { id: e.id, sections: ['flows'], pos: at(e.m) });
  }

  const mitigationState = new Map<string, string[]>();
  const threatControls = new Map<string, ModelRef[]>();
  for (const [threat, uses] of threatUse)
    for (const u of uses)
      for (const mi of u.mitigations) {
        mitigationState.set(mi.id, [...(mitigationState.get(mi.id) ?? []), mi.state ?? '']);
        threatControls.set(threat, [...(threatControls.get(threat) ?? []), { id: mi.id, sections: ['controls'], pos: mi.pos }]);
      }
  for (const t of entries(get(root, 'threats'))) {
    const e = element(t.node, 'threat');
    if (!e) continue;
    const lost: string[] = [];
    const stride: string[] = [];
    for (const c of strings(get(e.m, 'categories'))) {
      const letter = STRIDE[c.toLowerCase()];
      if (letter && !stride.includes(letter)) stride.push(letter);
      else lost.push(`category '${c}' is not a STRIDE category; not kept`);
    }
    const risk = map(get(e.m, 'risk'));
    if (risk?.pairs.length) lost.push('likelihood and impact not kept (the model scores exploitability and CVSS, not likelihood x impact)');
    const cwe = strings(get(e.m, 'cwes'));
    const tags = strings(get(e.m, 'tags'));
    if (tags.length) lost.push(`tags ${tags.join(', ')} not kept`);
    const uses = threatUse.get(e.id) ?? [];
    const states = [...new Set(uses.map((u) => u.state ?? ''))];
    const fields: Record<string, unknown> = { title: e.name };
    if (stride.length) fields.stride = stride;
    if (cwe.length) fields.refs = { cwe };
    if (states.length === 1 && Object.hasOwn(THREAT_STATUS, states[0])) fields.status = THREAT_STATUS[states[0]];
    if (states.length > 1) lost.push(`per-target states differ (${states.join(', ')}): no status written; the model has one status per threat`);
    else if (states.length === 1 && !fields.status && states[0]) lost.push(`state '${states[0]}' not kept`);
    const refs: ModelItem['refs'] = {};
    if (uses.length) refs.targets = uses.map((u) => u.target);
    if (threatControls.get(e.id)?.length) refs.controls = threatControls.get(e.id)!;
    push('threats', e, 'threat', fields, refs, lost);
  }
  for (const mt of entries(get(root, 'mitigations'))) {
    const e = element(mt.node, 'mitigation');
    if (!e) continue;
    const lost: string[] = [];
    const reduction = num(get(e.m, 'riskReduction'));
    if (reduction !== undefined) lost.push(`riskReduction ${reduction} not kept`);
    const states = mitigationState.get(e.id) ?? [];
    const fields: Record<string, unknown> = { title: e.name };
    if (states.length && states.every((s) => s === 'implemented')) fields.status = 'implemented';
    else if (states.length) fields.status = 'planned';
    if (new Set(states).size > 1) lost.push(`per-threat states differ (${[...new Set(states)].join(', ')}): written as planned`);
    push('controls', e, 'mitigation', fields, {}, lost);
  }
  for (const [threat, uses] of threatUse)
    if (!doc.items.some((i) => i.section === 'threats' && i.id === threat))
      for (const u of uses) doc.notes.push({ pos: u.target.pos, kind: 'lost', subject: 'relation', message: `${u.target.id}: threat '${threat}' is not in 'threats'; not kept` });
  return doc;
}
