import { commentRunAbove } from './comment-nodes';
import type { LanguageTable } from './language-tables';
import type { Range } from '../types';
import type { CodeSymbol } from './model';
import { type FoundSymbol, nodeRange } from './symbol-collector';
import type { SyntaxNodeLike } from './syntax-node';

/**
 * The symbols of the found definitions (siblings after their definition), each given its documentation ranges (a
 * list of its own), sorted by start. Found in document order, so mostly sorted already: the (stable) sort runs only
 * when one is out of order, which gives the same list.
 */
export function documentedSymbols(found: readonly FoundSymbol[], table: LanguageTable): CodeSymbol[] {
  const symbols: CodeSymbol[] = [];
  for (const f of found) {
    f.symbol.docRanges = docRanges(f, table);
    symbols.push(f.symbol);
    for (const s of f.siblings ?? []) symbols.push(((s.symbol.docRanges = docRanges(f, table)), s.symbol));
  }
  const byStart = (a: CodeSymbol, b: CodeSymbol) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
  for (let k = 1; k < symbols.length; k++) if (byStart(symbols[k - 1], symbols[k]) > 0) return symbols.sort(byStart);
  return symbols;
}

/** Where a symbol's documentation is: the comments directly above it and its docstring. */
export function docRanges(found: FoundSymbol, table: LanguageTable): Range[] {
  const ranges = commentRunAbove(found.outer, table).map((c) => nodeRange(c));
  const docstring = docstringOf(found.node, table);
  if (docstring) ranges.push(nodeRange(docstring));
  return ranges;
}

function docstringOf(def: SyntaxNodeLike, table: LanguageTable): SyntaxNodeLike | null {
  if (!table.isDocstring) return null;
  const body = def.childForFieldName('body');
  for (let statement = body?.firstNamedChild ?? null; statement; statement = statement.nextNamedSibling) {
    if (table.commentTypes.has(statement.type)) continue;
    const first = statement.firstNamedChild;
    return first && table.isDocstring(first) ? first : null;
  }
  return null;
}
