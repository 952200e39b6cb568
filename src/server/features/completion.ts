// @spdf implements SPDF-LSP-COMPL
/** Completion: IDs, keys, enum values and sections in model files; relations and IDs in tags; rule codes in suppressions. */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Position, type Range as LspRange } from 'vscode-languageserver/node';
import { tagCompletion, yamlCompletion, type Candidate } from '../../core/query/completion';
import { RULES } from '../../core/rules/registry';
import type { FeatureContext } from './feature-context';
import { isPosition, lineCount, lineOf } from './text-lines';

const ITEM_COMPLETION_KIND: Record<Candidate['kind'], CompletionItemKind> = {
  id: CompletionItemKind.Reference,
  enum: CompletionItemKind.EnumMember,
  key: CompletionItemKind.Property,
  section: CompletionItemKind.Module,
  relation: CompletionItemKind.Keyword,
  boolean: CompletionItemKind.Value,
};

export function completion(ctx: FeatureContext, path: string, at: Position): CompletionList {
  const kind = ctx.state.kindOf(path);
  const text = ctx.openText(path) ?? ctx.state.textOf(path);
  const empty = { isIncomplete: false, items: [] };
  if (text === undefined || !isPosition(at) || at.line > lineCount(text) - 1) return empty;
  const lineText = lineOf(text, at.line);
  // A position past the end of its line completes at the end of the line (LSP clamps it the same way).
  const pos = { line: at.line, character: Math.min(at.character, lineText.length) };
  let result: { start: number; candidates: Candidate[] } | undefined;
  const sup = /spdf-disable-next-line((?:[\s,]+[A-Za-z0-9-]+)*[\s,]+)([A-Za-z0-9-]*)$/.exec(lineText.slice(0, pos.character));
  if (sup && !sup[1].includes('--')) {
    result = {
      start: pos.character - sup[2].length,
      candidates: RULES.map((r) => ({ label: r.meta.code, kind: 'enum' as const, detail: r.meta.alias, documentation: r.meta.description })),
    };
  } else if (kind === 'model') {
    const mf = ctx.state.graph.fileByPath.get(path);
    const self = mf ? ctx.state.index.itemAt(path, mf.source.offsetAt(pos)) : undefined;
    result = yamlCompletion(ctx.state.graph, text, pos.line, pos.character, self);
  } else if (kind === 'code' || lineText.includes('@spdf')) {
    result = tagCompletion(ctx.state.graph, lineText, pos.character);
  }
  if (!result) return empty;
  const range: LspRange = { start: { line: pos.line, character: result.start }, end: pos };
  const items: CompletionItem[] = result.candidates.slice(0, 5000).map((c, i) => ({
    label: c.label,
    kind: ITEM_COMPLETION_KIND[c.kind],
    detail: c.detail,
    documentation: c.documentation ? { kind: MarkupKind.Markdown, value: c.documentation } : undefined,
    textEdit: { range, newText: c.insertText ?? c.label },
    insertTextFormat: InsertTextFormat.PlainText,
    sortText: String(i).padStart(5, '0'),
    filterText: c.label,
  }));
  return { isIncomplete: result.candidates.length > 5000, items };
}
