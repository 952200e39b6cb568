// @spdf implements SPDF-LSP-LENS
/** Code lenses: trace status, evidence and referrer counts above model items; the links of each tagged symbol in code files. */
import type { CodeLens } from 'vscode-languageserver/node';
import type { ModelItem } from '../../core/model/graph';
import { ITEM_KINDS, type ItemKind } from '../../core/model/kinds';
import { testsOf, type ItemTrace } from '../../core/matrix/status';
import { CLIENT_COMMANDS } from '../../protocol';
import { lspRange } from '../convert';
import { testResultLabel } from '../test-result-label';
import { viewProblemLines } from '../view-problems';
import { codeLinksTo, type FeatureContext } from './feature-context';

function testCount(ctx: FeatureContext, id: string): number {
  const item = ctx.state.graph.byId.get(id);
  const tests = item ? testsOf(ctx.state.graph, item).length : 0;
  return tests + codeLinksTo(ctx, id).filter((l) => l.relation === 'verifies').length;
}

/** The controls that treat a hazard or threat, named on either side. */
function controlCount(ctx: FeatureContext, item: ModelItem): number {
  const ids = new Set<string>();
  for (const r of ctx.state.graph.refsTo.get(item.id) ?? []) if (r.from.kind === 'control') ids.add(r.from.id);
  for (const r of ctx.state.graph.refs) if (r.from === item && r.target?.kind === 'control') ids.add(r.target.id);
  return ids.size;
}

/** What a code lens says about a link's target: tests for what is verified, controls for what is treated. */
function targetEvidence(ctx: FeatureContext, id: string): string | undefined {
  const item = ctx.state.graph.byId.get(id);
  if (!item) return 'unknown ID';
  if (item.kind === 'hazard' || item.kind === 'threat') return count(controlCount(ctx, item), 'control');
  if (item.kind === 'requirement' || item.kind === 'control') return count(testCount(ctx, id), 'test');
  return undefined;
}

const TRACED: readonly ItemKind[] = ['requirement', 'control', 'threat', 'hazard'];
const LENSED: readonly ItemKind[] = [...TRACED, 'zone', 'conduit', 'asset', 'flow', 'test'];

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Who refers to the item, by kind ("3 assets · 1 conduit"), in the order of the model's sections. */
function referrers(ctx: FeatureContext, item: ModelItem): string[] {
  const byKind = new Map<ItemKind, number>();
  for (const r of ctx.state.graph.refsTo.get(item.id) ?? []) byKind.set(r.from.kind, (byKind.get(r.from.kind) ?? 0) + 1);
  return ITEM_KINDS.filter((k) => byKind.has(k)).map((k) => count(byKind.get(k)!, k));
}

/** The lens of a model item: short, without the ID the line already shows. */
function itemTitle(ctx: FeatureContext, item: ModelItem, t: ItemTrace | undefined, incomplete: boolean): string {
  if (TRACED.includes(item.kind)) {
    const impl = t?.implementedBy.length ?? 0;
    const ver = (t?.tests.length ?? 0) + (t?.verifiedByLinks.length ?? 0);
    const refs = (ctx.state.graph.refsTo.get(item.id)?.length ?? 0) + codeLinksTo(ctx, item.id).length;
    // While `spdf trace` says INCOMPLETE the status may lack what was not read.
    return [...(t ? [t.status] : []), ...(incomplete ? ['INCOMPLETE'] : []), `${impl} implementing`, count(ver, 'test'), count(refs, 'ref')].join(' · ');
  }
  if (item.kind === 'test') {
    const verifies = ctx.state.graph.refs.filter((r) => r.from === item && r.field.startsWith('verifies')).length;
    return [testResultLabel(ctx.state, item).text ?? 'no result', `verifies ${count(verifies, 'item')}`].join(' · ');
  }
  const by = referrers(ctx, item);
  return by.length ? by.join(' · ') : 'no references';
}

export function codeLenses(ctx: FeatureContext, path: string): CodeLens[] {
  const kind = ctx.state.kindOf(path);
  const out: CodeLens[] = [];
  if (kind === 'model') {
    const mf = ctx.state.graph.fileByPath.get(path);
    if (!mf) return [];
    const items = ctx.state.index.itemsIn(path).filter((i) => LENSED.includes(i.kind));
    const traces = new Map<ModelItem, ItemTrace>();
    for (const k of new Set(items.map((i) => i.kind).filter((k) => TRACED.includes(k)))) for (const t of ctx.state.traces([k])) traces.set(t.item, t);
    const incomplete = items.some((i) => TRACED.includes(i.kind)) && viewProblemLines(ctx.state).length > 0;
    for (const item of items) {
      const range = lspRange(mf.source.range(item.idNode.start, item.idNode.end));
      const title = itemTitle(ctx, item, traces.get(item), incomplete);
      out.push({ range, command: { title, command: CLIENT_COMMANDS.showReferences, arguments: [ctx.paths.toUri(path), range.start] } });
    }
    return out;
  }
  if (kind === 'code') {
    const idx = ctx.state.code.files.get(path);
    if (!idx) return [];
    // One lens per distinct link of a symbol (`SEC-REQ-014 · 2 tests · suspect`): short, each clickable, none repeated.
    const seen = new Set<string>();
    for (const l of idx.links) {
      const key = `${l.symbol ?? ''}@${l.symbolRange.start.line}|${l.relation}|${l.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const sym = idx.symbols.find((s) => s.qualifiedName === l.symbol && s.range.start.line === l.symbolRange.start.line);
      const at = lspRange(sym ? sym.nameRange : l.symbolRange);
      const rv = ctx.state.reviewOf(l).state;
      const parts = [l.relation === 'implements' ? l.id : `${l.relation} ${l.id}`];
      const evidence = l.relation === 'verifies' && ctx.state.graph.byId.has(l.id) ? undefined : targetEvidence(ctx, l.id);
      if (evidence) parts.push(evidence);
      if (rv === 'suspect' || rv === 'reviewed') parts.push(rv);
      out.push({ range: at, command: { title: parts.join(' · '), command: CLIENT_COMMANDS.showReferences, arguments: [ctx.paths.toUri(path), l.range.start] } });
    }
  }
  return out;
}
