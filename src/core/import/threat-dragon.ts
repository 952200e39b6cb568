import type { YMap } from '../yaml/ynode';
import type { ModelDocument, ModelItem, ModelRef } from './model-types';
import { bool, entries, get, map, num, readTree, seq, str } from './tree';
import type { SourcePos } from './types';

const ASSET_KIND: Record<string, string> = { actor: 'external-entity', process: 'component', store: 'datastore' };
const STRIDE: Record<string, string> = { spoofing: 'S', tampering: 'T', repudiation: 'R', 'information disclosure': 'I', 'denial of service': 'D', 'elevation of privilege': 'E' };
const STATUS: Record<string, string> = { open: 'open', mitigated: 'mitigated', notapplicable: 'n/a' };
const PROTOCOL: Record<string, string> = { 'http/s': 'https', https: 'https', http: 'http', tls: 'tls', ssh: 'ssh', mqtt: 'mqtt', ble: 'ble' };

interface Box {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where a Threat Dragon version keeps what the import reads (v1 cells are JointJS cells with their data inline). */
interface Dialect {
  cells(diagram: YMap | null): ReturnType<typeof get>;
  shape(cell: YMap): string;
  data(cell: YMap): YMap | null;
  label(cell: YMap): string | undefined;
  end(cell: YMap, side: 'source' | 'target'): ReturnType<typeof get>;
}

const text = (m: YMap | null) => str(get(map(get(map(get(m, 'attrs')), 'text')), 'text'));

const V2: Dialect = {
  cells: (dg) => get(dg, 'cells'),
  shape: (m) => str(get(m, 'shape')) ?? '',
  data: (m) => map(get(m, 'data')),
  label: (m) => str(get(map(get(m, 'data')), 'name')) ?? text(m),
  end: (m, side) => get(map(get(m, side)), 'cell'),
};

/** Boundary curves: a line, not a box, so no zone (TD registers the misspelt name too). */
const CURVES = new Set(['trust-boundary-curve', 'trust-broundary-curve']);
const TEXT = new Set(['td-text-block', 'text']);
const V1_SHAPE: Record<string, string> = { 'tm.Actor': 'actor', 'tm.Process': 'process', 'tm.Store': 'store', 'tm.Flow': 'flow', 'tm.Boundary': 'trust-boundary-curve', 'tm.Text': 'text' };

const V1: Dialect = {
  cells: (dg) => get(map(get(dg, 'diagramJson')), 'cells'),
  shape: (m) => {
    const type = str(get(m, 'type')) ?? '';
    return V1_SHAPE[type] ?? type;
  },
  data: (m) => m,
  label: (m) => text(m) ?? text(map(entries(get(m, 'labels'))[0]?.node)),
  end: (m, side) => get(map(get(m, side)), 'id'),
};

/** v2 models say `version: 2.x`; v1 models say `1.x` or nothing, and keep each diagram's cells under `diagramJson`. */
function dialectOf(root: YMap, diagrams: ReturnType<typeof get>): Dialect | undefined {
  const version = str(get(root, 'version'));
  if (version?.startsWith('2')) return V2;
  if (version?.startsWith('1') || (version === undefined && entries(diagrams).some((d) => map(get(map(d.node), 'diagramJson'))))) return V1;
  return undefined;
}

/**
 * OWASP Threat Dragon v2 and v1 JSON: actors, processes and stores -> assets, flows -> flows, trust boundary
 * boxes -> zones (an asset belongs to the box its centre lies in), each element's threats -> threats with
 * STRIDE and status, and a threat's mitigation text -> a control. Boundary curves (all v1 boundaries), text
 * blocks and severities have no model place and are reported.
 */
export function parseThreatDragon(file: string, text: string): ModelDocument {
  const tree = readTree(file, text);
  const doc: ModelDocument = { items: [], notes: tree.notes };
  const root = map(tree.root);
  if (!tree.notes.length && !root) doc.notes.push({ pos: tree.pos(0), kind: 'error', message: 'not a Threat Dragon model: the top level is not an object' });
  if (!root) return doc;
  const at = (n: { start: number }): SourcePos => tree.pos(n.start);
  const version = str(get(root, 'version'));
  const diagrams = get(map(get(root, 'detail')), 'diagrams');
  const dialect = map(get(root, 'detail')) && diagrams ? dialectOf(root, diagrams) : undefined;
  if (!dialect) {
    doc.notes.push({
      pos: at(root),
      kind: 'error',
      message: `not a Threat Dragon v2 or v1 model (version ${version ?? 'missing'}${map(get(root, 'detail')) ? '' : ", no 'detail'"}${diagrams ? '' : ", no 'detail.diagrams'"}${diagrams && !version ? ', no diagram with v1 cells' : ''}); nothing imported`,
    });
    return doc;
  }
  const push = (item: ModelItem) => doc.items.push(item);
  for (const dg of entries(diagrams)) {
    const listed = dialect.cells(map(dg.node));
    if (listed != null && !seq(listed)) {
      doc.notes.push({ pos: at(listed), kind: 'error', message: 'diagram cells are not a list; nothing of this diagram imported' });
      continue;
    }
    const cells = entries(listed);
    const boxes: Box[] = [];
    const geometry = (m: YMap) => {
      const p = map(get(m, 'position'));
      const s = map(get(m, 'size'));
      const [x, y, w, h] = [num(get(p, 'x')), num(get(p, 'y')), num(get(s, 'width')), num(get(s, 'height'))];
      return x === undefined || y === undefined || w === undefined || h === undefined ? undefined : { x, y, w, h };
    };
    for (const c of cells) {
      const m = map(c.node);
      const id = str(get(m, 'id'));
      const g = m && geometry(m);
      if (m && id && g && dialect.shape(m) === 'trust-boundary-box') boxes.push({ id, ...g });
    }
    const zoneOf = (g: { x: number; y: number; w: number; h: number }) => {
      const [cx, cy] = [g.x + g.w / 2, g.y + g.h / 2];
      const inside = boxes.filter((b) => cx >= b.x && cx <= b.x + b.w && cy >= b.y && cy <= b.y + b.h).sort((a, b) => a.w * a.h - b.w * b.h);
      return inside[0]?.id;
    };
    const threatsOf = (m: YMap, owner: ModelRef) => {
      for (const [n, t] of entries(get(dialect.data(m), 'threats')).entries()) {
        const tm = map(t.node);
        if (!tm) {
          doc.notes.push({ pos: at(t.node), kind: 'skipped', subject: 'element', message: `threat ${n + 1} of '${owner.id}' is not an object; not imported` });
          continue;
        }
        const id = str(get(tm, 'id')) ?? `${owner.id}-threat-${n + 1}`;
        const lost: string[] = [];
        if (!str(get(tm, 'id'))) lost.push(`no id in the source: '${id}' made from the element and the position`);
        const type = str(get(tm, 'type')) ?? '';
        const letter = STRIDE[type.toLowerCase()];
        if (type && !letter) lost.push(`type '${type}' is not a STRIDE category; not kept`);
        const status = STATUS[(str(get(tm, 'status')) ?? '').toLowerCase()];
        if (!status && str(get(tm, 'status'))) lost.push(`status '${str(get(tm, 'status'))}' not kept`);
        for (const k of ['severity', 'score']) if (str(get(tm, k))) lost.push(`${k} '${str(get(tm, k))}' not kept`);
        const description = str(get(tm, 'description'));
        const mitigation = str(get(tm, 'mitigation'))?.trim();
        const fields: Record<string, unknown> = { title: str(get(tm, 'title')) ?? id, ...(description ? { description } : {}), ...(letter ? { stride: [letter] } : {}), ...(status ? { status } : {}) };
        const refs: ModelItem['refs'] = { targets: [{ ...owner, pos: at(t.node) }] };
        if (mitigation) {
          const cid = `${id}-mitigation`;
          refs.controls = [{ id: cid, sections: ['controls'], pos: at(t.node) }];
          const title = mitigation.split('\n')[0].slice(0, 120);
          push({
            section: 'controls',
            id: cid,
            element: 'threat mitigation text',
            fields: { title, ...(title !== mitigation ? { description: mitigation } : {}), status: status === 'mitigated' ? 'implemented' : 'planned' },
            refs: {},
            lost: [],
            pos: at(t.node),
          });
        }
        push({ section: 'threats', id, element: 'threat', fields, refs, lost, pos: at(t.node) });
      }
    };
    for (const c of cells) {
      const m = map(c.node);
      const shape = m ? dialect.shape(m) : '';
      const id = str(get(m, 'id'));
      if (!m || !id) {
        doc.notes.push({ pos: at(c.node), kind: 'error', message: `diagram cell${shape ? ` '${shape}'` : ''} without an 'id'; not imported` });
        continue;
      }
      const data = dialect.data(m);
      const name = dialect.label(m) ?? id;
      const description = str(get(data, 'description'));
      if (shape === 'trust-boundary-box') {
        push({
          section: 'zones',
          id,
          element: shape,
          fields: { name, class: 'it', ...(description ? { description } : {}) },
          refs: {},
          lost: ["class 'it' guessed (Threat Dragon boundaries have no role): check it"],
          pos: at(m),
        });
        threatsOf(m, { id, sections: ['zones'], pos: at(m) });
      } else if (ASSET_KIND[shape]) {
        const g = geometry(m);
        const zone = g && zoneOf(g);
        const lost: string[] = [];
        if (!zone) lost.push('inside no trust boundary box: no zone');
        const outOfScope = bool(get(data, 'outOfScope')) === true;
        if (outOfScope && str(get(data, 'reasonOutOfScope'))) lost.push('reasonOutOfScope text not kept');
        push({
          section: 'assets',
          id,
          element: shape,
          fields: { name, kind: ASSET_KIND[shape], ...(description ? { description } : {}), ...(outOfScope ? { in_scope: false } : {}) },
          refs: zone ? { zone: { id: zone, sections: ['zones'], pos: at(m) } } : {},
          lost,
          pos: at(m),
        });
        threatsOf(m, { id, sections: ['assets'], pos: at(m) });
      } else if (shape === 'flow') {
        const src = dialect.end(m, 'source');
        const dst = dialect.end(m, 'target');
        const [s, d] = [str(src), str(dst)];
        if (!s || !d || !src || !dst) {
          doc.notes.push({ pos: at(m), kind: 'skipped', subject: 'element', message: `flow '${name}' is not attached to an element at both ends (a dangling arrow); not imported` });
          for (const t of entries(get(data, 'threats')))
            doc.notes.push({ pos: at(t.node), kind: 'skipped', subject: 'element', message: `threat '${str(get(map(t.node), 'title')) ?? '?'}' of the dangling flow '${name}' not imported` });
          continue;
        }
        const lost: string[] = [];
        const proto = (str(get(data, 'protocol')) ?? '').trim();
        const protocol = PROTOCOL[proto.toLowerCase()] ?? (proto ? proto.toLowerCase().replace(/[^a-z0-9-]+/g, '-') : 'unknown');
        if (!proto) lost.push("no protocol in the source: written as 'unknown' (TM006 reports it until it is set)");
        else if (protocol !== proto) lost.push(`protocol '${proto}' written as '${protocol}'`);
        if (bool(get(data, 'isPublicNetwork'))) lost.push('isPublicNetwork: true not kept (place the ends in an external zone)');
        if (bool(get(data, 'outOfScope'))) lost.push('outOfScope: true not kept (a flow has no scope flag)');
        const encrypted = bool(get(data, 'isEncrypted'));
        const bidirectional = bool(get(data, 'isBidirectional'));
        push({
          section: 'flows',
          id,
          element: 'flow',
          fields: { name: name.replace(/\s*\n\s*/g, ' '), protocol, ...(encrypted !== undefined ? { encrypted } : {}), ...(bidirectional ? { bidirectional } : {}) },
          refs: { source: { id: s, sections: ['assets'], pos: at(src), required: true }, destination: { id: d, sections: ['assets'], pos: at(dst), required: true } },
          lost,
          pos: at(m),
        });
        threatsOf(m, { id, sections: ['flows'], pos: at(m) });
      } else if (CURVES.has(shape)) {
        doc.notes.push({
          pos: at(m),
          kind: 'skipped',
          subject: 'element',
          message: `trust boundary curve '${name}' not imported (a line crossing flows is not a zone; draw a boundary box or add zones by hand)`,
        });
        for (const t of entries(get(data, 'threats')))
          doc.notes.push({ pos: at(t.node), kind: 'skipped', subject: 'element', message: `threat '${str(get(map(t.node), 'title')) ?? '?'}' of the boundary curve '${name}' not imported` });
      } else if (TEXT.has(shape) && !entries(get(data, 'threats')).length) {
        doc.notes.push({ pos: at(m), kind: 'skipped', subject: 'layout', message: `text block '${name}' not imported (a diagram annotation)` });
      } else {
        doc.notes.push({ pos: at(m), kind: 'skipped', subject: 'element', message: `diagram cell '${shape || '?'}' not imported (not a Threat Dragon element this import knows)` });
        for (const t of entries(get(data, 'threats')))
          doc.notes.push({ pos: at(t.node), kind: 'skipped', subject: 'element', message: `threat '${str(get(map(t.node), 'title')) ?? '?'}' of the diagram cell '${id}' not imported` });
      }
    }
  }
  return doc;
}
