// @spdf implements SPDF-LSP-IMPACT
import type { Position } from 'vscode-languageserver/node';
import { impactOfItems } from '../../core/diff/impact';
import { itemTitle } from '../../core/query/completion';
import type { ImpactResult, TraceTarget } from '../../protocol';
import { loc } from '../tree';
import { idAt, type FeatureContext } from './feature-context';
import { symbolItems } from './trace-navigation';

const CATEGORIES = ['hazard', 'threat', 'control', 'requirement', 'test'] as const;

/** "What does this symbol reach?": the ID under the cursor (model or tag), else the linked symbol around it. */
export function impactAt(ctx: FeatureContext, path: string, pos: Position): ImpactResult {
  const { state, paths } = ctx;
  const at = idAt(ctx, path, pos);
  let subject: string | null = null;
  let ids: string[] = [];
  if (at && state.graph.byId.has(at.id)) [subject, ids] = [at.id, [at.id]];
  else if (state.kindOf(path) === 'code') {
    const s = symbolItems(state, paths, path, pos.line, pos.character);
    if (s.symbol && s.items.length) [subject, ids] = [`${path}#${s.symbol}`, [...new Set(s.items.map((i) => i.label))].sort()];
  }
  if (subject === null) return { subject, ids, reach: [] };
  const ix = state.traceIndex().index;
  const r = impactOfItems(ix, ids);
  const lists = { hazard: r.hazards, threat: r.threats, control: r.controls, requirement: r.requirements, test: r.tests };
  const reach: ImpactResult['reach'] = [];
  for (const category of CATEGORIES)
    for (const label of lists[category]) {
      const item = state.graph.byId.get(label);
      let target: TraceTarget | undefined;
      if (item) {
        const status = ix.statusOfId(label);
        target = { label, description: [category, status, itemTitle(item)].filter(Boolean).join(' · '), location: loc(state, paths, item) };
      } else {
        // Verifying code is labelled `file:line symbol` (src/core/matrix/evidence.ts).
        const m = /^(.*):(\d+)(?: (.*))?$/.exec(label);
        if (m) {
          const line = Number(m[2]) - 1;
          target = { label: m[3] ?? m[1], description: `test code · ${m[1]}:${m[2]}`, location: { uri: paths.toUri(m[1]), range: { start: { line, character: 0 }, end: { line, character: 0 } } } };
        }
      }
      if (target) reach.push({ ...target, category });
    }
  return { subject, ids, reach };
}
