import type { ModelDocument, ModelItem } from './model-types';
import { bool, entries, get, map, num, readTree, str } from './tree';
import type { SourcePos } from './types';

const ZONE: Record<string, { cls: string; purdue?: number }> = {
  enterprise: { cls: 'it', purdue: 4 },
  dmz: { cls: 'dmz', purdue: 3 },
  site: { cls: 'ot', purdue: 3 },
  area: { cls: 'ot', purdue: 2 },
  cell: { cls: 'ot', purdue: 1 },
  safety: { cls: 'ot' },
  cloud: { cls: 'cloud' },
  remote_access: { cls: 'external' },
};
/** Protocol spellings of the zone tool that the model's vocabulary writes differently. */
const PROTOCOL: Record<string, string> = { opcua: 'opc-ua', modbus_tcp: 'modbus-tcp', modbus_rtu: 'modbus-rtu', s7comm: 's7', ethernet_ip: 'enip-cip', cip: 'enip-cip', iec104: 'iec104' };

/**
 * An IEC 62443 zone tool's YAML (InduForm): zones with type and SL-T and their assets, conduits between
 * two zones with protocol flows (-> channels) and `requires_inspection` (-> protocol-aware filtering).
 * Zone nesting, IP addresses, vendors and per-flow directions have no model place and are reported.
 */
export function parseInduform(file: string, text: string): ModelDocument {
  const tree = readTree(file, text);
  const doc: ModelDocument = { items: [], notes: tree.notes };
  const root = map(tree.root);
  if (!tree.notes.length && !root) doc.notes.push({ pos: tree.pos(0), kind: 'error', message: 'not a zone model: the top level is not a mapping' });
  if (!root) return doc;
  const at = (n: { start: number }): SourcePos => tree.pos(n.start);
  if (!get(root, 'zones')) doc.notes.push({ pos: at(root), kind: 'error', message: "not a zone model: no 'zones'" });
  for (const p of root.pairs)
    if (!['version', 'project', 'zones', 'conduits'].includes(String(p.key.value)))
      doc.notes.push({ pos: at(p.key), kind: 'skipped', subject: 'element', message: `'${String(p.key.value)}' is not an InduForm section (InduForm rejects it); not read` });
  const push = (item: ModelItem) => doc.items.push(item);
  for (const z of entries(get(root, 'zones'))) {
    const m = map(z.node);
    const id = str(get(m, 'id'));
    if (!m || !id) {
      doc.notes.push({ pos: at(z.node), kind: 'error', message: "zone without an 'id'; not imported (nor its assets)" });
      continue;
    }
    const lost: string[] = [];
    const type = str(get(m, 'type')) ?? '';
    const known = ZONE[type];
    if (!known) lost.push(`type '${type || '(none)'}' unknown: class 'ot' assumed, check it`);
    const sl = num(get(m, 'security_level_target'));
    const parent = str(get(m, 'parent_zone'));
    if (parent) lost.push(`nested in zone '${parent}': flattened (IEC 62443 zones do not nest)`);
    const description = str(get(m, 'description'));
    const fields: Record<string, unknown> = { name: str(get(m, 'name')) ?? id, class: known?.cls ?? 'ot' };
    if (description) fields.description = description;
    if (known?.purdue !== undefined) fields.purdue_level = known.purdue;
    if (type === 'safety') fields.safety_designation = true;
    if (sl !== undefined && Number.isInteger(sl) && sl >= 0 && sl <= 4) fields.sl_t = sl;
    else if (get(m, 'security_level_target') !== undefined) lost.push(`security_level_target '${str(get(m, 'security_level_target')) ?? '?'}' is not 0..4; not kept`);
    push({ section: 'zones', id, element: 'zone', fields, refs: {}, lost, pos: at(m) });
    for (const a of entries(get(m, 'assets'))) {
      const am = map(a.node);
      const aid = str(get(am, 'id'));
      if (!am || !aid) {
        doc.notes.push({ pos: at(a.node), kind: 'error', message: `asset in zone '${id}' without an 'id'; not imported` });
        continue;
      }
      const alost: string[] = [];
      for (const k of ['ip_address', 'vendor', 'model', 'firmware_version']) if (str(get(am, k))) alost.push(`${k} '${str(get(am, k))}' not kept`);
      const crit = num(get(am, 'criticality'));
      if (crit !== undefined) alost.push(`criticality ${crit} not kept (a number on the tool's scale, not the model's names)`);
      const adesc = str(get(am, 'description'));
      const atype = str(get(am, 'type'));
      push({
        section: 'assets',
        id: aid,
        element: 'asset',
        fields: { name: str(get(am, 'name')) ?? aid, kind: 'device', ...(adesc ? { description: adesc } : {}), ...(atype ? { technology: atype } : {}) },
        refs: { zone: { id, sections: ['zones'], pos: at(am) } },
        lost: alost,
        pos: at(am),
      });
    }
  }
  for (const c of entries(get(root, 'conduits'))) {
    const m = map(c.node);
    const id = str(get(m, 'id'));
    const [from, to] = [get(m, 'from_zone'), get(m, 'to_zone')];
    if (!m || !id || !str(from) || !str(to) || !from || !to) {
      doc.notes.push({ pos: at(c.node), kind: 'error', message: `conduit ${id ? `'${id}' ` : ''}without an 'id', 'from_zone' and 'to_zone'; not imported` });
      continue;
    }
    const lost: string[] = [];
    const channels: Record<string, unknown>[] = [];
    const directions = new Set<string>();
    for (const f of entries(get(m, 'flows'))) {
      const fm = map(f.node);
      const proto = str(get(fm, 'protocol'));
      if (!fm || !proto) {
        doc.notes.push({ pos: tree.pos(f.start), kind: 'skipped', subject: 'element', message: `flow of conduit '${id}' without a protocol; not imported as a channel` });
        continue;
      }
      const protocol = PROTOCOL[proto] ?? proto.replace(/_/g, '-');
      if (protocol !== proto) lost.push(`protocol '${proto}' written as '${protocol}'`);
      const port = num(get(fm, 'port'));
      directions.add(str(get(fm, 'direction')) ?? 'unstated');
      channels.push({ protocol, ...(port !== undefined ? { port } : {}) });
    }
    if (directions.size && !(directions.size === 1 && directions.has('bidirectional'))) lost.push(`per-flow directions (${[...directions].join(', ')}) not kept on the channels`);
    const fields: Record<string, unknown> = { name: str(get(m, 'name')) ?? id };
    const description = str(get(m, 'description'));
    if (description) fields.description = description;
    if (directions.size === 1 && directions.has('bidirectional')) fields.direction = 'bidirectional';
    if (bool(get(m, 'requires_inspection'))) fields.filtering = { type: 'protocol-aware' };
    const sl = num(get(m, 'security_level_required'));
    if (sl !== undefined && Number.isInteger(sl) && sl >= 0 && sl <= 4) fields.sl_t = sl;
    push({
      section: 'conduits',
      id,
      element: 'conduit',
      fields,
      refs: {
        zones: [
          { id: str(from)!, sections: ['zones'], pos: at(from), required: true },
          { id: str(to)!, sections: ['zones'], pos: at(to), required: true },
        ],
      },
      lost,
      pos: at(m),
    });
    if (channels.length) doc.items[doc.items.length - 1].fields.channels = channels;
  }
  return doc;
}
