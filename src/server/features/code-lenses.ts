/** Code lenses: trace status and evidence counts above model items; the links of each tagged symbol in code files. */
import type { CodeLens } from 'vscode-languageserver/node';
import type { CodeLink } from '../../core/codelinks/model';
import type { ModelItem } from '../../core/model/graph';
import { testsOf, type ItemTrace } from '../../core/matrix/status';
import { CLIENT_COMMANDS } from '../../protocol';
import { lspRange } from '../convert';
import { codeLinksTo, type FeatureContext } from './feature-context';

function testCount(ctx: FeatureContext, id: string): number {
  const item = ctx.state.graph.byId.get(id);
  const tests = item ? testsOf(ctx.state.graph, item).length : 0;
  return tests + codeLinksTo(ctx, id).filter((l) => l.relation === 'verifies').length;
}

export function codeLenses(ctx: FeatureContext, path: string): CodeLens[] {
  const kind = ctx.state.kindOf(path);
  const out: CodeLens[] = [];
  if (kind === 'model') {
    const mf = ctx.state.graph.fileByPath.get(path);
    if (!mf) return [];
    const items = ctx.state.index.itemsIn(path).filter((i) => ['requirement', 'control', 'threat', 'hazard'].includes(i.kind));
    const traces = new Map<ModelItem, ItemTrace>();
    for (const k of new Set(items.map((i) => i.kind))) for (const t of ctx.state.traces([k])) traces.set(t.item, t);
    for (const item of items) {
      const t = traces.get(item);
      const impl = t?.implementedBy.length ?? 0;
      const ver = (t?.tests.length ?? 0) + (t?.verifiedByLinks.length ?? 0);
      const refs = (ctx.state.graph.refsTo.get(item.id)?.length ?? 0) + codeLinksTo(ctx, item.id).length;
      const range = lspRange(mf.source.range(item.idNode.start, item.idNode.end));
      const title = `${t ? `${t.status} · ` : ''}${impl} implementing · ${ver} verifying · ${refs} reference${refs === 1 ? '' : 's'}`;
      out.push({ range, command: { title, command: CLIENT_COMMANDS.showReferences, arguments: [ctx.paths.toUri(path), range.start] } });
    }
    return out;
  }
  if (kind === 'code') {
    const idx = ctx.state.code.files.get(path);
    if (!idx) return [];
    const bySymbol = new Map<string, CodeLink[]>();
    for (const l of idx.links) {
      const k = `${l.symbol ?? ''}@${l.symbolRange.start.line}`;
      bySymbol.set(k, [...(bySymbol.get(k) ?? []), l]);
    }
    for (const links of bySymbol.values()) {
      const first = links[0];
      const sym = idx.symbols.find((s) => s.qualifiedName === first.symbol && s.range.start.line === first.symbolRange.start.line);
      const at = lspRange(sym ? sym.nameRange : first.symbolRange);
      const parts = links.map((l) => {
        const rv = ctx.state.reviewOf(l).state;
        const known = ctx.state.graph.byId.has(l.id);
        const tests = l.relation === 'verifies' ? '' : ` · verified by ${testCount(ctx, l.id)} test${testCount(ctx, l.id) === 1 ? '' : 's'}`;
        return `${l.relation} ${l.id}${known ? tests : ' · unknown ID'}${rv === 'suspect' ? ' · suspect' : rv === 'reviewed' ? ' · reviewed' : ''}`;
      });
      out.push({ range: at, command: { title: parts.join('  |  '), command: CLIENT_COMMANDS.showReferences, arguments: [ctx.paths.toUri(path), first.range.start] } });
    }
  }
  return out;
}
