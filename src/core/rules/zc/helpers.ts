import { insertKeyEdit } from '../../fixes/yaml-edits';
import type { Graph, ModelItem } from '../../model/graph';
import type { Range } from '../../types';
import type { RuleContext } from '../types';

/**
 * The model fields the helpers below read (`has` reads the key its caller names, which the caller declares;
 * `compensates_for` is the field of a control's reference), spread into the `meta.reads` of the rules built on
 * them; test/rules/rule-reads.test.ts proves it with a rule that reports everything they answer.
 */
export const ZC_HELPERS_READS = ['assets', 'cia', 'class', 'compensates_for', 'compensating_controls', 'criticality', 'legacy', 'patchable', 'safety_critical', 'zone'] as const;

/** `it zone Z-HIS` (with a safety note when designated). */
export function zoneLabel(zone: ModelItem): string {
  return `${typeof zone.data.class === 'string' ? zone.data.class : 'unclassified'} zone ${zone.id}`;
}

/** A key present with a non-null value. */
export function has(item: ModelItem, key: string): boolean {
  const data: object = item.data;
  const v = (data as Readonly<Record<string, unknown>>)[key];
  return v !== undefined && v !== null && v !== '';
}

/** Only the first definition of an ID is checked (TM001 reports duplicates). */
export function firstDefinitions(graph: Graph, items: readonly ModelItem[]): ModelItem[] {
  return items.filter((i) => graph.byId.get(i.id) === i);
}

/**
 * Defined controls that compensate for an item: listed in its `compensating_controls`, or naming it in
 * their `compensates_for`. Dangling IDs do not count (TM002 reports them).
 */
export function compensatingControls(graph: Graph, item: ModelItem): ModelItem[] {
  const out = new Set<ModelItem>();
  if (Array.isArray(item.data.compensating_controls))
    for (const id of item.data.compensating_controls) {
      const c = typeof id === 'string' ? graph.byId.get(id) : undefined;
      if (c?.kind === 'control') out.add(c);
    }
  for (const r of graph.refsTo.get(item.id) ?? []) if (r.from.kind === 'control' && r.field.startsWith('compensates_for')) out.add(r.from);
  return [...out];
}

/** Safety-critical asset: `safety_critical: true` or `criticality: safety-critical`. */
export function isSafetyCritical(asset: ModelItem): boolean {
  return asset.data.safety_critical === true || asset.data.criticality === 'safety-critical';
}

/** Availability-critical asset: `cia.a: critical`. */
export function isAvailabilityCritical(asset: ModelItem): boolean {
  return asset.data.cia?.a === 'critical';
}

/** Legacy or unpatchable asset. */
export function isLegacy(asset: ModelItem): boolean {
  return asset.data.legacy === true || asset.data.patchable === false;
}

/** `legacy`, `unpatchable` or `legacy, unpatchable`. */
export function legacyWhy(asset: ModelItem): string {
  return [asset.data.legacy === true ? 'legacy' : '', asset.data.patchable === false ? 'unpatchable' : ''].filter(Boolean).join(', ');
}

/** Asset kinds that are equipment or software on a network (not data, people or access points). */
export const EQUIPMENT_KINDS: ReadonlySet<unknown> = new Set(['component', 'device', 'service', 'datastore']);

/** `A, B, C and 4 more` */
export function listIds(ids: readonly string[], max = 3): string {
  return ids.length <= max ? ids.join(', ') : `${ids.slice(0, max).join(', ')} and ${ids.length - max} more`;
}

/** Where an asset's placement in a zone is written: its `zone` value, or its entry in the zone's `assets`. */
export function placement(ctx: RuleContext, asset: ModelItem, zone: ModelItem): { file: string; range: Range } {
  if (asset.data.zone === zone.id) return { file: asset.file, range: ctx.rangeOf(asset, ['zone']) };
  const at = Array.isArray(zone.data.assets) ? zone.data.assets.indexOf(asset.id) : -1;
  return at >= 0 ? { file: zone.file, range: ctx.rangeOf(zone, ['assets', at]) } : { file: asset.file, range: ctx.rangeOf(asset) };
}

/** Inserts `key: value` into an item's mapping (the shared edit keeps the key column). */
export const insertKey = insertKeyEdit;
