// @spdf implements SPDF-CMD-DIFF
import type { ModelItem } from '../model/graph';
import type { TraceIndex } from '../matrix/trace-index';
import type { Impact } from './model';

type Reach = Omit<Impact, 'subject' | 'type' | 'reason'>;

const sorted = (s: Set<string>) => [...s].sort();

/**
 * What an item reaches along hazard - threat - control - requirement: upward to the risks it answers and
 * downward to the evidence that answers it (never sideways to siblings), plus every test verifying an item
 * reached (what to re-verify when the item changes).
 */
export function impactOfItems(ix: TraceIndex, ids: Iterable<string>): Reach {
  const hazards = new Set<string>();
  const threats = new Set<string>();
  const controls = new Set<string>();
  const requirements = new Set<string>();
  const fromThreat = (t: string, down: boolean) => {
    threats.add(t);
    for (const h of ix.hazardsOf(t)) hazards.add(h);
    if (!down) return;
    for (const c of ix.controlsOf(t)) {
      controls.add(c);
      for (const r of ix.requirementsOf(c)) requirements.add(r);
    }
    for (const r of ix.requirementsOfThreatDirect(t)) requirements.add(r);
  };
  const visit = (item: ModelItem) => {
    switch (item.kind) {
      case 'requirement':
        requirements.add(item.id);
        for (const c of ix.controlsOfRequirement(item.id)) controls.add(c);
        for (const t of ix.threatsOfRequirement(item.id)) fromThreat(t, false);
        for (const h of ix.hazardsOfRequirement(item.id)) hazards.add(h);
        break;
      case 'control':
        controls.add(item.id);
        for (const r of ix.requirementsOf(item.id)) requirements.add(r);
        for (const t of ix.threatsOfCtrl(item.id)) fromThreat(t, false);
        break;
      case 'threat':
        fromThreat(item.id, true);
        break;
      case 'hazard':
        hazards.add(item.id);
        for (const t of ix.threatsOfHaz(item.id)) fromThreat(t, true);
        break;
      case 'test':
        for (const ref of ix.graph.refs) if (ref.from === item && ref.field.split('.')[0] === 'verifies' && ref.target) visit(ref.target);
        break;
      case 'zone':
      case 'conduit':
        for (const t of ix.threatsOfZoneOrConduit(item)) fromThreat(t, true);
        break;
      default:
        for (const t of ix.graph.byKind.threat) if (ix.targetsOf(t.id).includes(item.id)) fromThreat(t.id, true);
    }
  };
  for (const id of ids) {
    const item = ix.item(id);
    if (item) visit(item);
  }
  const tests = new Set<string>();
  for (const id of [...requirements, ...controls, ...threats, ...hazards]) {
    const item = ix.item(id);
    if (item) for (const v of ix.verifiersOf(item)) tests.add(v.label);
  }
  return { hazards: sorted(hazards), threats: sorted(threats), controls: sorted(controls), requirements: sorted(requirements), tests: sorted(tests) };
}

/** The IDs the code links of one symbol (or a file, for symbol null) name. */
export function idsOfSymbol(ix: TraceIndex, file: string, symbol: string | null): string[] {
  const ids = new Set<string>();
  for (const l of ix.inputs.code?.links ?? []) if (l.file === file && l.symbol === symbol) ids.add(l.id);
  return [...ids].sort();
}
