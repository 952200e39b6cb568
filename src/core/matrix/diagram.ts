import ELK from 'elkjs/lib/elk.bundled.js';
import type { Item } from '../model/graph';
import type { TraceIndex } from './build';
import { slText } from './build';
import type { TraceStatus } from './decide';

/** Data of the zone diagram webview (request `spdf/zoneDiagram`); positions from elkjs. */
export const DIAGRAM_FORMAT_VERSION = 1;

export interface DiagramBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DiagramAsset extends DiagramBox {
  id: string;
  name: string;
  kind: string;
  findings: string[];
  file: string;
  line: number;
}

export interface DiagramZone extends DiagramBox {
  id: string;
  name: string;
  /** Network role: it | dmz | ot | device | external | cloud (anything else is drawn as `unknown`). */
  zoneClass: string;
  /** SL-T as written: a scalar or `FR1 2, FR2 3 ...`. */
  slT: string;
  flags: string[];
  status: TraceStatus;
  findings: string[];
  assets: DiagramAsset[];
  file: string;
  line: number;
}

export interface DiagramConduit {
  id: string;
  name: string;
  zones: string[];
  protocols: { protocol: string; port?: number; encrypted?: boolean }[];
  /** Every channel encrypted (true), none or some unencrypted (false), unknown when not stated. */
  encrypted: boolean | 'unknown';
  /** One of the joined zones is a DMZ zone. */
  viaDmz: boolean;
  status: TraceStatus;
  findings: string[];
  /** Polyline of the edge (one per joined zone pair), and the label box. */
  paths: { points: { x: number; y: number }[]; label?: DiagramBox }[];
  label: string;
  file: string;
  line: number;
}

export interface ZoneDiagram {
  version: typeof DIAGRAM_FORMAT_VERSION;
  width: number;
  height: number;
  zones: DiagramZone[];
  conduits: DiagramConduit[];
}

const CHAR_W = 7;
const ASSET_H = 26;

function findingsOf(ix: TraceIndex, item: Item): string[] {
  return ix.findingsOn(item).filter((f) => f.severity !== 'info').map((f) => `${f.code} ${f.severity}: ${f.message}`);
}

/** The diagram model (without positions) from the trace index. */
export function zoneDiagramModel(ix: TraceIndex): ZoneDiagram {
  const g = ix.graph;
  const line = (it: Item) => g.fileByPath.get(it.file)?.source.positionAt(it.idNode.start).line ?? 0;
  const assetsOf = new Map<string, Item[]>();
  for (const a of g.byKind.asset) for (const z of g.zonesOfAsset.get(a.id) ?? []) (assetsOf.get(z) ?? assetsOf.set(z, []).get(z)!).push(a);
  const zones: DiagramZone[] = g.byKind.zone
    .filter((z) => g.byId.get(z.id) === z)
    .map((z) => ({
      id: z.id,
      name: typeof z.data.name === 'string' ? z.data.name : z.id,
      zoneClass: typeof z.data.class === 'string' ? z.data.class : 'unknown',
      slT: slText(z.data.sl_t),
      flags: ['safety_designation', 'wireless', 'temporarily_connected'].filter((f) => z.data[f] === true).map((f) => f.replace(/_/g, ' ')),
      status: ix.statusOf(z).status,
      findings: findingsOf(ix, z),
      file: z.file,
      line: line(z) + 1,
      x: 0,
      y: 0,
      width: 0,
      height: 0,
      assets: (assetsOf.get(z.id) ?? []).map((a) => ({
        id: a.id,
        name: typeof a.data.name === 'string' ? a.data.name : a.id,
        kind: typeof a.data.kind === 'string' ? a.data.kind : '',
        findings: findingsOf(ix, a),
        file: a.file,
        line: line(a) + 1,
        x: 0,
        y: 0,
        width: 0,
        height: 0,
      })),
    }));
  const zoneIds = new Set(zones.map((z) => z.id));
  const conduits: DiagramConduit[] = g.byKind.conduit
    .filter((c) => g.byId.get(c.id) === c)
    .map((c) => {
      const joined = (Array.isArray(c.data.zones) ? c.data.zones : []).filter((z: unknown): z is string => typeof z === 'string' && zoneIds.has(z));
      const channels: any[] = Array.isArray(c.data.channels) ? c.data.channels.filter((x: unknown) => x && typeof x === 'object') : [];
      const protocols = channels.map((ch) => ({
        protocol: typeof ch.protocol === 'string' ? ch.protocol : '?',
        ...(typeof ch.port === 'number' ? { port: ch.port } : {}),
        ...(typeof ch.encrypted === 'boolean' ? { encrypted: ch.encrypted } : {}),
      }));
      const enc = protocols.map((p) => p.encrypted);
      const encrypted: boolean | 'unknown' = enc.length === 0 || enc.some((e) => e === undefined) ? (enc.some((e) => e === false) ? false : 'unknown') : enc.every((e) => e === true);
      const viaDmz = joined.some((z: string) => g.byId.get(z)?.data.class === 'dmz');
      const label = `${c.id}: ${protocols.map((p) => `${p.protocol}${p.port !== undefined ? `:${p.port}` : ''}`).join(', ') || 'no channels'} (${encrypted === true ? 'encrypted' : encrypted === false ? 'UNENCRYPTED' : 'encryption unknown'}${viaDmz ? ', via DMZ' : ''})`;
      return {
        id: c.id,
        name: typeof c.data.name === 'string' ? c.data.name : c.id,
        zones: joined,
        protocols,
        encrypted,
        viaDmz,
        status: ix.statusOf(c).status,
        findings: findingsOf(ix, c),
        paths: [],
        label,
        file: c.file,
        line: line(c) + 1,
      };
    });
  return { version: DIAGRAM_FORMAT_VERSION, width: 0, height: 0, zones, conduits };
}

interface ElkNode {
  id: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  children?: ElkNode[];
  edges?: ElkEdge[];
  layoutOptions?: Record<string, string>;
  labels?: { text: string; width: number; height: number }[];
}
interface ElkEdge {
  id: string;
  sources: string[];
  targets: string[];
  labels?: { text: string; width: number; height: number; x?: number; y?: number }[];
  sections?: { startPoint: { x: number; y: number }; endPoint: { x: number; y: number }; bendPoints?: { x: number; y: number }[] }[];
}

/** Lays the diagram out with elkjs (layered, left to right; assets packed inside their zone). */
export async function layoutZoneDiagram(d: ZoneDiagram): Promise<ZoneDiagram> {
  const assetW = (a: DiagramAsset) => Math.min(220, Math.max(90, (Math.max(a.id.length, a.name.length) + 2) * CHAR_W));
  const root: ElkNode = {
    id: '__root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40',
      'elk.layered.spacing.nodeNodeBetweenLayers': '120',
      'elk.edgeLabels.inline': 'false',
      'elk.edgeRouting': 'POLYLINE',
    },
    children: d.zones.map((z, zi) => ({
      id: `z${zi}`,
      layoutOptions: {
        'elk.algorithm': 'rectpacking',
        'elk.padding': '[top=44,left=10,bottom=10,right=10]',
        'elk.spacing.nodeNode': '8',
        // Containers keep at least the width of their title and badge (ELK sizes them from their children otherwise).
        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
        'elk.nodeSize.minimum': `(${(z.name.length + z.id.length + 4) * CHAR_W + 70}, 70)`,
      },
      ...(z.assets.length ? {} : { width: (z.name.length + z.id.length + 4) * CHAR_W + 70, height: 70 }),
      children: z.assets.map((a, ai) => ({ id: `z${zi}a${ai}`, width: assetW(a), height: ASSET_H })),
    })),
    edges: [],
  };
  const idx = new Map(d.zones.map((z, i) => [z.id, i]));
  d.conduits.forEach((c, ci) => {
    const [a, ...rest] = c.zones;
    rest.forEach((b, k) =>
      root.edges!.push({ id: `c${ci}_${k}`, sources: [`z${idx.get(a)}`], targets: [`z${idx.get(b)}`], labels: [{ text: c.label, width: Math.min(420, c.label.length * 6.2), height: 16 }] }),
    );
  });
  const out = (await new ELK().layout(root as never)) as unknown as ElkNode;
  const zones = d.zones.map((z, zi) => {
    const n = out.children!.find((x) => x.id === `z${zi}`)!;
    // Room for the title `name (ID)` and the SL-T badge.
    const width = Math.max(n.width ?? 0, (z.name.length + z.id.length + 4) * CHAR_W + 70);
    return {
      ...z,
      x: n.x ?? 0,
      y: n.y ?? 0,
      width,
      height: n.height ?? 0,
      assets: z.assets.map((a, ai) => {
        const c = n.children!.find((x) => x.id === `z${zi}a${ai}`)!;
        return { ...a, x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 };
      }),
    };
  });
  const conduits = d.conduits.map((c, ci) => ({
    ...c,
    paths: (out.edges ?? [])
      .filter((e) => e.id.startsWith(`c${ci}_`))
      .map((e) => {
        const s = e.sections?.[0];
        const points = s ? [s.startPoint, ...(s.bendPoints ?? []), s.endPoint] : [];
        const l = e.labels?.[0];
        return { points, ...(l ? { label: { x: l.x ?? 0, y: l.y ?? 0, width: l.width, height: l.height } } : {}) };
      }),
  }));
  return { ...d, width: out.width ?? 0, height: out.height ?? 0, zones, conduits };
}

/** Model + layout in one call (what the `spdf/zoneDiagram` request returns). */
export async function zoneDiagram(ix: TraceIndex): Promise<ZoneDiagram> {
  return layoutZoneDiagram(zoneDiagramModel(ix));
}
