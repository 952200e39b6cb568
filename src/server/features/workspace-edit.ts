// @spdf implements SPDF-LSP-ACTIONS, SPDF-LSP-RENAME
/** The edits the server sends the client to apply (quick fixes, rename): versioned, and withheld when stale. */
import { TextDocumentEdit, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextEdit } from '../../core/types';
import { lspRange } from '../convert';
import type { FeatureContext } from './feature-context';

/**
 * Edits as one workspace edit. Edits of an open document carry its version, so the client rejects them if the
 * document changed after they were computed (offsets would land in the wrong place).
 */
export function toWorkspaceEdit(ctx: FeatureContext, edits: readonly TextEdit[]): WorkspaceEdit {
  const byFile = new Map<string, LspTextEdit[]>();
  for (const e of edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), { range: lspRange(e.range), newText: e.newText }]);
  if (ctx.documentChanges)
    return { documentChanges: [...byFile].map(([file, fileEdits]) => TextDocumentEdit.create({ uri: ctx.paths.toUri(file), version: ctx.openVersion?.(file) ?? null }, fileEdits)) };
  return { changes: Object.fromEntries([...byFile].map(([file, fileEdits]) => [ctx.paths.toUri(file), fileEdits])) };
}

/**
 * The first model file among `files` whose text (open in the client, else on disk) differs from the text the graph
 * was built from: the client applies an edit of a closed file (version null) to whatever the disk holds.
 */
export function changedSinceChecked(ctx: FeatureContext, files: Iterable<string>): string | undefined {
  for (const file of new Set(files)) {
    const base = ctx.state.graph.fileByPath.get(file)?.source.text;
    // Code files: the index is of the current text; the versioned edit guards the rest.
    if (base === undefined) continue;
    const now = ctx.openText(file) ?? (ctx.diskText ? (ctx.diskText(file) ?? null) : undefined);
    if (now !== undefined && now !== base) return file;
  }
  return undefined;
}
