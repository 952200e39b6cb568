// @spdf implements SPDF-LSP-SYMBOLS
/** Document symbols (the items of a model file) and workspace symbols (items, and code symbols that carry links). */
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver/node';
import type { ItemKind } from '../../core/model/kinds';
import { itemTitle } from '../../core/query/completion';
import { lspRange } from '../convert';
import { itemLocation, type FeatureContext } from './feature-context';

const SYMBOL_OF_KIND: Record<ItemKind, SymbolKind> = {
  system: SymbolKind.Package,
  zone: SymbolKind.Namespace,
  asset: SymbolKind.Object,
  flow: SymbolKind.Event,
  conduit: SymbolKind.Interface,
  threat: SymbolKind.Class,
  hazard: SymbolKind.Constant,
  control: SymbolKind.Struct,
  requirement: SymbolKind.Field,
  component: SymbolKind.Package,
  test: SymbolKind.Method,
};

export function documentSymbols(ctx: FeatureContext, path: string): DocumentSymbol[] {
  if (ctx.state.kindOf(path) !== 'model') return [];
  const mf = ctx.state.graph.fileByPath.get(path);
  if (!mf) return [];
  return ctx.state.index.itemsIn(path).map((item) => ({
    name: item.id,
    detail: `${item.kind}${itemTitle(item) ? ` · ${itemTitle(item)}` : ''}`,
    kind: SYMBOL_OF_KIND[item.kind],
    range: lspRange(mf.source.range(item.node.start, item.node.end)),
    selectionRange: lspRange(mf.source.range(item.idNode.start, item.idNode.end)),
  }));
}

export function workspaceSymbols(ctx: FeatureContext, query: string): SymbolInformation[] {
  const q = query.toLowerCase();
  const out: SymbolInformation[] = [];
  for (const item of ctx.state.graph.items) {
    if (q && !item.id.toLowerCase().includes(q) && !itemTitle(item).toLowerCase().includes(q)) continue;
    out.push({ name: item.id, kind: SYMBOL_OF_KIND[item.kind], location: itemLocation(ctx, item), containerName: `${item.kind}${itemTitle(item) ? ` · ${itemTitle(item)}` : ''}` });
    if (out.length >= 1000) return out;
  }
  for (const f of ctx.state.code?.files.values() ?? [])
    for (const s of f.symbols) {
      if (!s.codeHash) continue; // only symbols that carry links
      if (q && !s.qualifiedName.toLowerCase().includes(q)) continue;
      out.push({ name: s.qualifiedName, kind: SymbolKind.Function, location: { uri: ctx.paths.toUri(f.file), range: lspRange(s.nameRange) }, containerName: f.file });
      if (out.length >= 1000) return out;
    }
  return out;
}
