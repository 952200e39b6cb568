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
  for (let statement = body?.firstNamedChild ?? null; statement; statement = statement.nextNamedSibling) {
    if (table.commentTypes.has(statement.type)) continue;
    const first = statement.firstNamedChild;
    return first && table.isDocstring(first) ? first : null;
  }
  return null;
}
