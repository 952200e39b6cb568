import type { Graph, ModelItem } from '../model/graph';
import { strs } from './field-values';

type Multi = Map<string, Set<string>>;
function add(m: Multi, k: string, v: string): void {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  s.add(v);
}
const get = (m: Multi, k: string): Iterable<string> => m.get(k) ?? [];

/**
 * Every relation between traced items the statuses roll up and the views project (threat <-> control,
 * control <-> requirement, threat <-> hazard, targets, zones and conduits), indexed once from the
 * graph's resolved references in time linear in items + references.
 */
/** The relation maps of one graph (`indexRelations`). */
interface RelationMaps {
  controlsOfThreat: Multi;
  threatsOfControl: Multi;
  reqsOfControl: Multi;
  controlsOfReq: Multi;
  threatsOfReqDirect: Multi;
  hazardsOfReqDirect: Multi;
  reqsOfThreatDirect: Multi;
  hazardsOfThreat: Multi;
  threatsOfHazard: Multi;
  targetsOfThreat: Multi;
  threatsOfZone: Multi;
  threatsOfConduit: Multi;
  targetsOfControl: Multi;
  conduitOfFlow: Map<string, string>;
  threatsOfTarget: Multi;
  controlsOfTarget: Multi;
  threatsOfCve: Multi;
}

/**
 * Every relation between traced items the statuses roll up and the views project (threat <-> control,
 * control <-> requirement, threat <-> hazard, targets, zones and conduits), indexed from the graph's resolved
 * references in time linear in items + references, at the first question about one: a requirement's status reads
 * none (the language server's status computes the coverage of every requirement before any view is asked for).
 */
export class TraceRelations {
  private maps?: RelationMaps;

  constructor(readonly graph: Graph) {}

  private get m(): RelationMaps {
    return (this.maps ??= indexRelations(this.graph, (id) => this.zonesOfTarget(id)));
  }

  item(id: string): ModelItem | undefined {
    return this.graph.byId.get(id);
  }

  zonesOfTarget(id: string): string[] {
    const t = this.item(id);
    if (!t) return [];
    if (t.kind === 'zone') return [id];
    if (t.kind === 'asset') return [...(this.graph.zonesOfAsset.get(id) ?? [])];
    if (t.kind === 'conduit') return strs(t.data.zones);
    if (t.kind === 'flow') return [...new Set([t.data.source, t.data.destination].flatMap((a) => (typeof a === 'string' ? [...(this.graph.zonesOfAsset.get(a) ?? [])] : [])))];
    return [];
  }

  conduitsOfTarget(id: string): string[] {
    return conduitsOf(this.graph, this.m.conduitOfFlow, id);
  }

  controlsOf(threat: string): string[] {
    return [...get(this.m.controlsOfThreat, threat)];
  }
  threatsOfCtrl(control: string): string[] {
    return [...get(this.m.threatsOfControl, control)];
  }
  requirementsOf(control: string): string[] {
    return [...get(this.m.reqsOfControl, control)].filter((r) => this.inScope(r));
  }
  controlsOfRequirement(req: string): string[] {
    return [...get(this.m.controlsOfReq, req)];
  }
  threatsOfRequirement(req: string): string[] {
    const out = new Set(get(this.m.threatsOfReqDirect, req));
    for (const c of get(this.m.controlsOfReq, req)) for (const t of get(this.m.threatsOfControl, c)) out.add(t);
    return [...out];
  }
  /** Requirements that name the threat in `derived_from`. */
  requirementsOfThreatDirect(threat: string): string[] {
    return [...get(this.m.reqsOfThreatDirect, threat)].filter((r) => this.inScope(r));
  }
  hazardsOf(threat: string): string[] {
    return [...get(this.m.hazardsOfThreat, threat)];
  }
  threatsOfHaz(hazard: string): string[] {
    return [...get(this.m.threatsOfHazard, hazard)];
  }
  hazardsOfThreats(threats: Iterable<string>, direct: Iterable<string> = []): string[] {
    const out = new Set(direct);
    for (const t of threats) for (const h of get(this.m.hazardsOfThreat, t)) out.add(h);
    return [...out];
  }
  hazardsOfRequirement(req: string): string[] {
    return this.hazardsOfThreats(this.threatsOfRequirement(req), get(this.m.hazardsOfReqDirect, req));
  }
  targetsOf(threat: string): string[] {
    return [...get(this.m.targetsOfThreat, threat)];
  }
  /** Threats that target the component, or list one of its vulnerabilities in `refs.cve` (they assess it). */
  threatsOfComponent(component: string): string[] {
    const out = new Set(get(this.m.threatsOfTarget, component));
    const c = this.item(component);
    if (c?.kind === 'component') for (const v of c.data.vulnerabilities ?? []) if (v && typeof v.id === 'string') for (const t of get(this.m.threatsOfCve, v.id.trim().toUpperCase())) out.add(t);
    return [...out];
  }
  /** Controls that apply to the component (`applies_to`). */
  controlsOfComponent(component: string): string[] {
    return [...get(this.m.controlsOfTarget, component)];
  }
  appliesTo(control: string): string[] {
    return [...get(this.m.targetsOfControl, control)];
  }
  threatsOfZoneOrConduit(item: ModelItem): string[] {
    return [...get(item.kind === 'zone' ? this.m.threatsOfZone : this.m.threatsOfConduit, item.id)];
  }

  /** Requirements with `status: obsolete` are out of scope: no row, not counted. */
  inScope(id: string): boolean {
    const it = this.item(id);
    return !(it?.kind === 'requirement' && it.data.status === 'obsolete');
  }

  /** The items whose statuses roll up into the item's status. */
  childrenOf(item: ModelItem): string[] {
    switch (item.kind) {
      case 'threat':
        return [...this.controlsOf(item.id), ...this.requirementsOfThreatDirect(item.id)];
      case 'hazard':
        return this.threatsOfHaz(item.id);
      case 'control':
        return this.requirementsOf(item.id);
      case 'zone':
      case 'conduit':
        return this.threatsOfZoneOrConduit(item);
      default:
        return [];
    }
  }
}

/** The relation maps of a graph; `zonesOfTarget` as `TraceRelations.zonesOfTarget` (it reads no relation). */
function indexRelations(g: Graph, zonesOfTarget: (id: string) => string[]): RelationMaps {
  const m: RelationMaps = {
    controlsOfThreat: new Map(),
    threatsOfControl: new Map(),
    reqsOfControl: new Map(),
    controlsOfReq: new Map(),
    threatsOfReqDirect: new Map(),
    hazardsOfReqDirect: new Map(),
    reqsOfThreatDirect: new Map(),
    hazardsOfThreat: new Map(),
    threatsOfHazard: new Map(),
    targetsOfThreat: new Map(),
    threatsOfZone: new Map(),
    threatsOfConduit: new Map(),
    targetsOfControl: new Map(),
    conduitOfFlow: new Map(),
    threatsOfTarget: new Map(),
    controlsOfTarget: new Map(),
    threatsOfCve: new Map(),
  };
  const linkTC = (threat: string, control: string) => {
    add(m.controlsOfThreat, threat, control);
    add(m.threatsOfControl, control, threat);
  };
  const linkCR = (control: string, req: string) => {
    add(m.reqsOfControl, control, req);
    add(m.controlsOfReq, req, control);
  };
  for (const ref of g.refs) {
    const to = ref.target;
    if (!to || !ref.kinds.includes(to.kind)) continue;
    const from = ref.from;
    const field = ref.field.split('.')[0];
    switch (`${from.kind}.${field}`) {
      case 'threat.controls':
        if (to.kind === 'control') linkTC(from.id, to.id);
        break;
      case 'control.threats':
        linkTC(to.id, from.id);
        break;
      case 'control.implements':
        linkCR(from.id, to.id);
        break;
      case 'requirement.controls':
        linkCR(to.id, from.id);
        break;
      case 'requirement.derived_from':
        if (to.kind === 'control') linkCR(to.id, from.id);
        else if (to.kind === 'threat') {
          add(m.threatsOfReqDirect, from.id, to.id);
          add(m.reqsOfThreatDirect, to.id, from.id);
        } else if (to.kind === 'hazard') add(m.hazardsOfReqDirect, from.id, to.id);
        break;
      case 'threat.hazards':
        add(m.hazardsOfThreat, from.id, to.id);
        add(m.threatsOfHazard, to.id, from.id);
        break;
      case 'threat.targets':
        add(m.targetsOfThreat, from.id, to.id);
        add(m.threatsOfTarget, to.id, from.id);
        break;
      case 'control.applies_to':
        add(m.targetsOfControl, from.id, to.id);
        add(m.controlsOfTarget, to.id, from.id);
        break;
      case 'flow.conduit':
        m.conduitOfFlow.set(from.id, to.id);
        break;
      case 'conduit.flows':
        if (!m.conduitOfFlow.has(to.id)) m.conduitOfFlow.set(to.id, from.id);
        break;
      default:
        break;
    }
  }
  for (const t of g.byKind.threat) for (const cve of strs(t.data.refs?.cve)) add(m.threatsOfCve, cve.trim().toUpperCase(), t.id);
  for (const [threat, targets] of m.targetsOfThreat)
    for (const t of targets) {
      for (const z of zonesOfTarget(t)) add(m.threatsOfZone, z, threat);
      for (const c of conduitsOf(g, m.conduitOfFlow, t)) add(m.threatsOfConduit, c, threat);
    }
  return m;
}

/** The conduit a target is or whose flow it is. */
function conduitsOf(g: Graph, conduitOfFlow: ReadonlyMap<string, string>, id: string): string[] {
  const t = g.byId.get(id);
  if (t?.kind === 'conduit') return [id];
  if (t?.kind === 'flow') {
    const c = conduitOfFlow.get(id);
    return c ? [c] : [];
  }
  return [];
}
