// @spdf implements SPDF-CMD-EXPORT-OTM
import { OTM_SPDF_ATTRIBUTE } from '../import/otm-names';
import type { Graph, ModelItem } from '../model/graph';

/** 1-based line and column in a model file. */
export interface SourcePos {
  file: string;
  line: number;
  col: number;
}

/** The OTM version written; `spdf import otm` reads it back. */
export const OTM_VERSION = '0.2.0';

/** Something of the model the OTM file does not hold, or holds only approximately. */
export interface OtmExportNote {
  pos: SourcePos;
  /** `dropped`: an item OTM could hold is not in the file; `lossy`: it is, but not all of it as the model states it. */
  kind: 'dropped' | 'lossy';
  message: string;
}

export interface OtmExport {
  /** The OTM document as plain JSON data. */
  otm: Record<string, unknown>;
  notes: OtmExportNote[];
  counts: { zones: number; assets: number; dataAssets: number; flows: number; threats: number; controls: number };
  /** How many times a number OTM requires was written at the conservative end because the model has none. */
  placeholders: { trustRating: number; impact: number; riskReduction: number; cia: number };
  /** Items of kinds OTM has no element for (conduits, hazards, requirements, tests), by kind. */
  outOfScope: Record<string, number>;
}

/** Fields written only as OTM structure; every other field of the item is also kept under `attributes.spdf`. */
const OWN = new Set(['id', 'name', 'title', 'description']);
const STRIDE: Record<string, string> = { S: 'Spoofing', T: 'Tampering', R: 'Repudiation', I: 'Information Disclosure', D: 'Denial of Service', E: 'Elevation of Privilege' };
/** Threat status -> OTM per-target state (`spdf import otm` maps them back). */
const THREAT_STATE: Record<string, string> = { open: 'exposed', mitigated: 'mitigated', accepted: 'accepted', transferred: 'transferred', avoided: 'avoided', 'n/a': 'not-applicable' };
const CIA: Record<string, number> = { low: 25, medium: 50, high: 75, critical: 100 };

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
const list = (v: unknown) => (Array.isArray(v) ? v.map(text).filter((x): x is string => x !== undefined) : []);

/**
 * The model as an Open Threat Model document: zones -> trustZones, assets -> components (assets of kind
 * `data` -> OTM data assets), flows -> dataflows (the protocol as a tag), threats -> threats attached to the
 * components and dataflows they target (state from the threat's status), controls -> mitigations attached
 * under those threats. Every model field but the ID, name or title and description is also kept under
 * `attributes.spdf`, so `spdf import otm` gives back the item as written; other tools read the structure. Where OTM requires a
 * number the model does not hold (trustRating, impact, riskReduction) the conservative end of its scale is
 * written (0, 100, 0) and a `lossy` note says so. An asset without a zone, or a flow whose ends are not
 * exported, is a `dropped` note at its position; kinds OTM has no element for are counted in `outOfScope`.
 */
export function toOtm(graph: Graph, project: { id: string; name: string; description?: string }): OtmExport {
  const notes: OtmExportNote[] = [];
  const pos = (item: ModelItem): SourcePos => {
    const p = graph.fileByPath.get(item.file)?.source.positionAt(item.node.start) ?? { line: 0, character: 0 };
    return { file: item.file, line: p.line + 1, col: p.character + 1 };
  };
  const note = (item: ModelItem, kind: OtmExportNote['kind'], message: string) => notes.push({ pos: pos(item), kind, message: `${item.kind} '${item.id}': ${message}` });
  const first = <T extends ModelItem>(items: T[]) => items.filter((i) => graph.byId.get(i.id) === i);
  const rest = (item: ModelItem): Record<string, unknown> | undefined => {
    const extra = Object.entries(item.data).filter(([k, v]) => !OWN.has(k) && v !== undefined);
    return extra.length ? { [OTM_SPDF_ATTRIBUTE]: Object.fromEntries(extra) } : undefined;
  };
  const withAttributes = (o: Record<string, unknown>, item: ModelItem) => {
    const a = rest(item);
    return a ? { ...o, attributes: a } : o;
  };

  const placeholders = { trustRating: 0, impact: 0, riskReduction: 0, cia: 0 };
  const trustZones = first(graph.byKind.zone).map((z) => {
    placeholders.trustRating++;
    return withAttributes(
      {
        id: z.id,
        name: text(z.data.name) ?? z.id,
        ...(z.data.class ? { type: z.data.class } : {}),
        ...(text(z.data.description) ? { description: text(z.data.description) } : {}),
        risk: { trustRating: 0 },
      },
      z,
    );
  });
  const zoneIds = new Set(trustZones.map((z) => z.id as string));

  const components: Record<string, unknown>[] = [];
  const assets: Record<string, unknown>[] = [];
  const componentById = new Map<string, Record<string, unknown>>();
  for (const a of first(graph.byKind.asset)) {
    if (a.data.kind === 'data') {
      const cia = a.data.cia ?? {};
      const level = (v: unknown) => {
        const n = CIA[String(v)];
        if (n === undefined) placeholders.cia++;
        return n ?? 100;
      };
      assets.push(
        withAttributes(
          {
            id: a.id,
            name: text(a.data.name) ?? a.id,
            ...(text(a.data.description) ? { description: text(a.data.description) } : {}),
            risk: { confidentiality: level(cia.c), integrity: level(cia.i), availability: level(cia.a) },
          },
          a,
        ),
      );
      continue;
    }
    const zone = [...(graph.zonesOfAsset.get(a.id) ?? [])].find((z) => zoneIds.has(z));
    if (!zone) {
      note(a, 'dropped', 'not exported: an OTM component needs a trust zone and the asset has none');
      continue;
    }
    const c = withAttributes(
      {
        id: a.id,
        name: text(a.data.name) ?? a.id,
        type: a.data.kind ?? 'component',
        ...(text(a.data.description) ? { description: text(a.data.description) } : {}),
        parent: { trustZone: zone },
      },
      a,
    );
    components.push(c);
    componentById.set(a.id, c);
  }
  const dataAssetIds = new Set(assets.map((a) => a.id as string));

  const dataflows: Record<string, unknown>[] = [];
  const flowById = new Map<string, Record<string, unknown>>();
  for (const f of first(graph.byKind.flow)) {
    const source = text(f.data.source);
    const destination = text(f.data.destination);
    if (!source || !destination || !componentById.has(source) || !componentById.has(destination)) {
      note(f, 'dropped', 'not exported: its source and destination must both be exported components');
      continue;
    }
    const data = list(f.data.data).filter((d) => dataAssetIds.has(d));
    const protocol = text(f.data.protocol);
    const flow = withAttributes(
      {
        id: f.id,
        name: text(f.data.name) ?? f.id,
        source,
        destination,
        ...(typeof f.data.bidirectional === 'boolean' ? { bidirectional: f.data.bidirectional } : {}),
        ...(data.length ? { assets: data } : {}),
        ...(protocol ? { tags: [protocol] } : {}),
      },
      f,
    );
    dataflows.push(flow);
    flowById.set(f.id, flow);
  }

  const controlIds = new Set(first(graph.byKind.control).map((c) => c.id));
  const controlsOf = new Map<string, Set<string>>();
  const addControl = (threat: string, control: string) => controlIds.has(control) && controlsOf.set(threat, (controlsOf.get(threat) ?? new Set()).add(control));
  for (const t of graph.byKind.threat) for (const c of list(t.data.controls)) addControl(t.id, c);
  for (const c of graph.byKind.control) for (const t of list(c.data.threats)) addControl(t, c.id);
  const controlState = (id: string) => {
    const s = graph.byId.get(id)?.data.status;
    return s === 'implemented' || s === 'verified' ? 'implemented' : 'required';
  };

  const threats = first(graph.byKind.threat).map((t) => {
    const state = THREAT_STATE[String(t.data.status)] ?? 'exposed';
    if (!t.data.status) note(t, 'lossy', "no status: written as state 'exposed' on its targets");
    const mitigations = [...(controlsOf.get(t.id) ?? [])].map((m) => ({ mitigation: m, state: controlState(m) }));
    const owners = new Set<Record<string, unknown>>();
    for (const target of list(t.data.targets)) {
      const owner = componentById.get(target) ?? flowById.get(target);
      const carried = owner ? [] : [...flowById.entries()].filter(([id]) => graph.byId.get(id)?.data.conduit === target).map(([, f]) => f);
      if (owner) owners.add(owner);
      else if (carried.length) {
        for (const f of carried) owners.add(f);
        note(t, 'lossy', `target '${target}' attached to the ${carried.length} dataflow(s) it carries (OTM has no conduits)`);
      } else note(t, 'lossy', `target '${target}' not attached: OTM threats attach to components and dataflows only`);
    }
    for (const owner of owners) owner.threats = [...((owner.threats as unknown[]) ?? []), { threat: t.id, state, mitigations }];
    if (!owners.size && mitigations.length) note(t, 'lossy', 'its controls are not linked in OTM (mitigations attach through a threat on a component or dataflow)');
    const impact = typeof t.data.score?.pre === 'number' ? Math.round(t.data.score.pre * 10) : 100;
    if (typeof t.data.score?.pre !== 'number') placeholders.impact++;
    const cwes = list(t.data.refs?.cwe);
    return withAttributes(
      {
        id: t.id,
        name: text(t.data.title) ?? t.id,
        ...(text(t.data.description) ? { description: text(t.data.description) } : {}),
        categories: list(t.data.stride).map((s) => STRIDE[s] ?? s),
        ...(cwes.length ? { cwes } : {}),
        risk: { likelihood: null, impact },
      },
      t,
    );
  });
  const mitigations = first(graph.byKind.control).map((c) => {
    placeholders.riskReduction++;
    return withAttributes({ id: c.id, name: text(c.data.title) ?? c.id, ...(text(c.data.description) ? { description: text(c.data.description) } : {}), riskReduction: 0 }, c);
  });

  const outOfScope: Record<string, number> = {};
  for (const i of graph.items) if (graph.byId.get(i.id) === i && !['system', 'zone', 'asset', 'flow', 'threat', 'control'].includes(i.kind)) outOfScope[i.kind] = (outOfScope[i.kind] ?? 0) + 1;

  const otm: Record<string, unknown> = {
    otmVersion: OTM_VERSION,
    project: { name: project.name, id: project.id, ...(project.description ? { description: project.description } : {}) },
    ...(assets.length ? { assets } : {}),
    trustZones,
    components,
    dataflows,
    threats,
    mitigations,
  };
  return {
    otm,
    notes,
    counts: { zones: trustZones.length, assets: components.length, dataAssets: assets.length, flows: dataflows.length, threats: threats.length, controls: mitigations.length },
    outOfScope,
    placeholders,
  };
}
