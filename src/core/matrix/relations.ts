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
export class TraceRelations {
  private readonly controlsOfThreat: Multi = new Map();
  private readonly threatsOfControl: Multi = new Map();
  private readonly reqsOfControl: Multi = new Map();
  private readonly controlsOfReq: Multi = new Map();
  private readonly threatsOfReqDirect: Multi = new Map();
  private readonly hazardsOfReqDirect: Multi = new Map();
  private readonly reqsOfThreatDirect: Multi = new Map();
  private readonly hazardsOfThreat: Multi = new Map();
  private readonly threatsOfHazard: Multi = new Map();
  private readonly targetsOfThreat: Multi = new Map();
  private readonly threatsOfZone: Multi = new Map();
  private readonly threatsOfConduit: Multi = new Map();
  private readonly targetsOfControl: Multi = new Map();
  private readonly conduitOfFlow = new Map<string, string>();
  private readonly threatsOfTarget: Multi = new Map();
  private readonly controlsOfTarget: Multi = new Map();
  private readonly threatsOfCve: Multi = new Map();

  constructor(readonly graph: Graph) {
    this.indexRefs();
  }

  private indexRefs(): void {
    const g = this.graph;
    for (const ref of g.refs) {
      const to = ref.target;
      if (!to || !ref.kinds.includes(to.kind)) continue;
      const from = ref.from;
      const field = ref.field.split('.')[0];
      switch (`${from.kind}.${field}`) {
        case 'threat.controls':
          if (to.kind === 'control') this.linkTC(from.id, to.id);
          break;
        case 'control.threats':
          this.linkTC(to.id, from.id);
          break;
        case 'control.implements':
          this.linkCR(from.id, to.id);
          break;
        case 'requirement.controls':
          this.linkCR(to.id, from.id);
          break;
        case 'requirement.derived_from':
          if (to.kind === 'control') this.linkCR(to.id, from.id);
          else if (to.kind === 'threat') {
            add(this.threatsOfReqDirect, from.id, to.id);
            add(this.reqsOfThreatDirect, to.id, from.id);
          } else if (to.kind === 'hazard') add(this.hazardsOfReqDirect, from.id, to.id);
          break;
        case 'threat.hazards':
          add(this.hazardsOfThreat, from.id, to.id);
          add(this.threatsOfHazard, to.id, from.id);
          break;
        case 'threat.targets':
          add(this.targetsOfThreat, from.id, to.id);
          add(this.threatsOfTarget, to.id, from.id);
          break;
        case 'control.applies_to':
          add(this.targetsOfControl, from.id, to.id);
          add(this.controlsOfTarget, to.id, from.id);
          break;
        case 'flow.conduit':
          this.conduitOfFlow.set(from.id, to.id);
          break;
        case 'conduit.flows':
          if (!this.conduitOfFlow.has(to.id)) this.conduitOfFlow.set(to.id, from.id);
          break;
        default:
          break;
      }
    }
    for (const t of g.byKind.threat) for (const cve of strs(t.data.refs?.cve)) add(this.threatsOfCve, cve.trim().toUpperCase(), t.id);
    for (const [threat, targets] of this.targetsOfThreat)
      for (const t of targets) {
        for (const z of this.zonesOfTarget(t)) add(this.threatsOfZone, z, threat);
        for (const c of this.conduitsOfTarget(t)) add(this.threatsOfConduit, c, threat);
      }
  }

  private linkTC(threat: string, control: string) {
    add(this.controlsOfThreat, threat, control);
    add(this.threatsOfControl, control, threat);
  }
  private linkCR(control: string, req: string) {
    add(this.reqsOfControl, control, req);
    add(this.controlsOfReq, req, control);
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
    const t = this.item(id);
    if (t?.kind === 'conduit') return [id];
    if (t?.kind === 'flow') {
      const c = this.conduitOfFlow.get(id);
      return c ? [c] : [];
    }
    return [];
  }

  controlsOf(threat: string): string[] {
    return [...get(this.controlsOfThreat, threat)];
  }
  threatsOfCtrl(control: string): string[] {
    return [...get(this.threatsOfControl, control)];
  }
  requirementsOf(control: string): string[] {
    return [...get(this.reqsOfControl, control)].filter((r) => this.inScope(r));
  }
  controlsOfRequirement(req: string): string[] {
    return [...get(this.controlsOfReq, req)];
  }
  threatsOfRequirement(req: string): string[] {
    const out = new Set(get(this.threatsOfReqDirect, req));
    for (const c of get(this.controlsOfReq, req)) for (const t of get(this.threatsOfControl, c)) out.add(t);
    return [...out];
  }
  /** Requirements that name the threat in `derived_from`. */
  requirementsOfThreatDirect(threat: string): string[] {
    return [...get(this.reqsOfThreatDirect, threat)].filter((r) => this.inScope(r));
  }
  hazardsOf(threat: string): string[] {
    return [...get(this.hazardsOfThreat, threat)];
  }
  threatsOfHaz(hazard: string): string[] {
    return [...get(this.threatsOfHazard, hazard)];
  }
  hazardsOfThreats(threats: Iterable<string>, direct: Iterable<string> = []): string[] {
    const out = new Set(direct);
    for (const t of threats) for (const h of get(this.hazardsOfThreat, t)) out.add(h);
    return [...out];
  }
  hazardsOfRequirement(req: string): string[] {
    return this.hazardsOfThreats(this.threatsOfRequirement(req), get(this.hazardsOfReqDirect, req));
  }
  targetsOf(threat: string): string[] {
    return [...get(this.targetsOfThreat, threat)];
  }
  /** Threats that target the component, or list one of its vulnerabilities in `refs.cve` (they assess it). */
  threatsOfComponent(component: string): string[] {
    const out = new Set(get(this.threatsOfTarget, component));
    const c = this.item(component);
    if (c?.kind === 'component') for (const v of c.data.vulnerabilities ?? []) if (v && typeof v.id === 'string') for (const t of get(this.threatsOfCve, v.id.trim().toUpperCase())) out.add(t);
    return [...out];
  }
  /** Controls that apply to the component (`applies_to`). */
  controlsOfComponent(component: string): string[] {
    return [...get(this.controlsOfTarget, component)];
  }
  appliesTo(control: string): string[] {
    return [...get(this.targetsOfControl, control)];
  }
  threatsOfZoneOrConduit(item: ModelItem): string[] {
    return [...get(item.kind === 'zone' ? this.threatsOfZone : this.threatsOfConduit, item.id)];
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
