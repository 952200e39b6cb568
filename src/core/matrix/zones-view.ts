import type { Graph, ModelItem } from '../model/graph';
import { slText, strs } from './field-values';
import type { Cell, MatrixView } from './model';
import type { ViewContext } from './view-context';

/** One row per zone and per conduit: class or channels, SL-T, members, the threats on it, their hazards and controls. */
export function zonesView(v: ViewContext): MatrixView {
  const ix = v.ix;
  const assetsOf = assetsByZone(ix.graph);
  const items = [...ix.graph.byKind.zone, ...ix.graph.byKind.conduit].filter((z) => ix.item(z.id) === z);
  const rows = items.map((z) => {
    const threats = ix.threatsOfZoneOrConduit(z);
    const hazards = ix.hazardsOfThreats(threats);
    const controls = new Set<string>(strs(z.data.compensating_controls));
    for (const t of threats) for (const c of ix.controlsOf(t)) controls.add(c);
    const { members, details, zones } = z.kind === 'zone' ? zoneParts(v, z, assetsOf.get(z.id) ?? []) : conduitParts(v, z);
    return v.base(
      z,
      z.data.name,
      {
        type: [{ text: z.kind }],
        slt: [{ text: slText(z.data.sl_t) }],
        members,
        details,
        threats: v.threatVals(threats),
        hazards: v.hazardVals(hazards),
        controls: v.idVals(controls),
      },
      zones,
      v.maxSeverity(hazards),
    );
  });
  return v.view('zones', ['id', 'title', 'type', 'status', 'why', 'slt', 'members', 'details', 'threats', 'hazards', 'controls', 'findings', 'suppressions'], rows, {
    title: 'Name',
    type: 'Kind',
    slt: 'SL-T',
    members: 'Assets / zones joined',
    details: 'Class / channels',
  });
}

interface Parts {
  members: Cell;
  details: Cell;
  zones: string[];
}

function zoneParts(v: ViewContext, z: ModelItem, assets: string[]): Parts {
  const flags = (['safety_designation', 'wireless', 'temporarily_connected'] as const).filter((f) => z.data[f] === true).map((f) => f.replace(/_/g, ' '));
  return { members: v.idVals(assets), details: [{ text: `class ${z.data.class ?? '?'}` }, ...flags.map((text) => ({ text }))], zones: [z.id] };
}

function conduitParts(v: ViewContext, z: ModelItem): Parts {
  const zones = strs(z.data.zones);
  const classes = zones.map((id) => v.ix.item(id)?.data.class);
  const channels = Array.isArray(z.data.channels) ? z.data.channels : [];
  const details = [
    { text: classes.includes('dmz') ? 'via DMZ' : 'direct (no DMZ zone)' },
    ...channels.map((ch) => ({
      text: `${ch?.protocol ?? '?'}${ch?.port !== undefined ? `:${ch.port}` : ''} ${ch?.encrypted === true ? 'encrypted' : ch?.encrypted === false ? 'unencrypted' : 'encryption unknown'}${ch?.authentication ? `, auth ${ch.authentication}` : ''}`,
    })),
  ];
  return { members: v.idVals(zones), details, zones };
}

function assetsByZone(graph: Graph): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [asset, zones] of graph.zonesOfAsset) for (const z of zones) (out.get(z) ?? out.set(z, []).get(z)!).push(asset);
  return out;
}
