import { commentRunAbove } from './comment-nodes';
import type { LanguageTable } from './language-tables';
import type { Range } from '../types';
import { type FoundSymbol, nodeRange } from './symbol-collector';
import type { SyntaxNodeLike } from './syntax-node';

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
  for (const statement of body?.namedChildren ?? []) {
    if (!statement || table.commentTypes.has(statement.type)) continue;
    const first = statement.namedChildren[0];
    return first && table.isDocstring(first) ? first : null;
  }
  return null;
}
