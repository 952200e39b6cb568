import type { Graph, ModelItem } from '../model/graph';
import { slVector } from './security-levels';
import { FRS } from '../vocab/iec62443';
import { lookupSrRe, requiredAt, type CatalogueEntry } from '../vocab/iec62443-3-3';

/**
 * Which IEC 62443-3-3 SRs and REs the model covers, and which a zone's or conduit's SL-T requires.
 * A mapping (`standards.iec62443_3_3` on a requirement or control) covers exactly the SR or RE it names,
 * for the whole system under consideration: 62443-3-3 states capabilities of the control system, so an
 * RE does not cover its SR, nor an SR its REs. Obsolete requirements and first-definition losers cover nothing.
 */
export interface SrCoverage {
  /** Canonical SR/RE ID -> requirements and controls mapping to it, in model order. */
  readonly coverers: ReadonlyMap<string, ModelItem[]>;
  /** Some requirement or control maps to a known SR/RE (the model traces to 62443-3-3 at all). */
  readonly inUse: boolean;
}

export function srCoverage(graph: Graph): SrCoverage {
  const coverers = new Map<string, ModelItem[]>();
  for (const item of [...graph.byKind.requirement, ...graph.byKind.control]) {
    if (graph.byId.get(item.id) !== item || item.data.status === 'obsolete') continue;
    const list = item.data.standards?.iec62443_3_3;
    if (!Array.isArray(list)) continue;
    for (const v of list) {
      const e = typeof v === 'string' ? lookupSrRe(v) : undefined;
      if (!e) continue;
      const l = coverers.get(e.id) ?? coverers.set(e.id, []).get(e.id)!;
      // Items are visited one at a time: a repeat can only be the last one pushed (includes() was quadratic at 20k).
      if (l[l.length - 1] !== item) l.push(item);
    }
  }
  return { coverers, inUse: coverers.size > 0 };
}

/** One catalogue entry a zone or conduit requires, with the FR level that selects it. */
export interface Required {
  entry: CatalogueEntry;
  /** The item's SL-T on the entry's FR. */
  level: number;
}

/** Every SR/RE the SL-T of a zone or conduit requires, in catalogue order; empty without a readable SL-T. */
export function requiredBy(item: ModelItem): Required[] {
  const sl = slVector(item.data.sl_t);
  if (!sl) return [];
  return FRS.flatMap((fr, i) => {
    const k = sl[i] ?? 0;
    return requiredAt(fr, k).map((entry) => ({ entry, level: k }));
  });
}
