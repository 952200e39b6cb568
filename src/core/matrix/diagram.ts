import type { ModelItem } from '../model/graph';
import { layoutZoneDiagram } from './diagram-layout';
import { DIAGRAM_FORMAT_VERSION, type DiagramConduit, type DiagramZone, type ZoneDiagram } from './diagram-model';
import { slText } from './field-values';
import type { TraceIndex } from './trace-index';

export { layoutZoneDiagram } from './diagram-layout';
export * from './diagram-model';

function findingsOf(ix: TraceIndex, item: ModelItem): string[] {
  return ix
    .findingsOn(item)
    .filter((f) => f.severity !== 'info')
    .map((f) => `${f.code} ${f.severity}: ${f.message}`);
}

/** The diagram model (without positions) from the trace index. */
export function zoneDiagramModel(ix: TraceIndex): ZoneDiagram {
  const g = ix.graph;
  const line = (it: ModelItem) => g.fileByPath.get(it.file)?.source.positionAt(it.idNode.start).line ?? 0;
  const assetsOf = new Map<string, ModelItem[]>();
  for (const a of g.byKind.asset) for (const z of g.zonesOfAsset.get(a.id) ?? []) (assetsOf.get(z) ?? assetsOf.set(z, []).get(z)!).push(a);
  const zones: DiagramZone[] = g.byKind.zone
    .filter((z) => g.byId.get(z.id) === z)
    .map((z) => ({
      id: z.id,
      name: typeof z.data.name === 'string' ? z.data.name : z.id,
      zoneClass: typeof z.data.class === 'string' ? z.data.class : 'unknown',
      slT: slText(z.data.sl_t),
      flags: (['safety_designation', 'wireless', 'temporarily_connected'] as const).filter((f) => z.data[f] === true).map((f) => f.replace(/_/g, ' ')),
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
      const channels = Array.isArray(c.data.channels) ? c.data.channels.filter((x: unknown): x is Readonly<Record<string, unknown>> => !!x && typeof x === 'object') : [];
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

/** Model + layout in one call (what the `spdf/zoneDiagram` request returns). */
export async function zoneDiagram(ix: TraceIndex): Promise<ZoneDiagram> {
  return layoutZoneDiagram(zoneDiagramModel(ix));
}
