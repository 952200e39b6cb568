// @spdf implements SPDF-LSP-RENAME
/** Rename of an ID at every occurrence (definitions, references, tags), refused for invalid or taken names. */
import type { Position, Range as LspRange, WorkspaceEdit } from 'vscode-languageserver/node';
import { lspRange } from '../convert';
import { idAt, idTextRange, type FeatureContext } from './feature-context';
import { occurrences } from './references';
import { InvalidParamsError, RenameError } from './request-errors';
import { changedSinceChecked, toWorkspaceEdit } from './workspace-edit';

export function prepareRename(ctx: FeatureContext, path: string, pos: Position): { range: LspRange; placeholder: string } | null {
  const hit = idAt(ctx, path, pos);
  if (!hit || !ctx.state.graph.byId.has(hit.id)) return null;
  const mf = ctx.state.graph.fileByPath.get(path);
  let range = hit.range;
  if (mf) {
    const s = mf.source.offsetAt(range.start);
    const e = mf.source.offsetAt(range.end);
    range = idTextRange(ctx, path, { start: s, end: e });
  }
  return { range: lspRange(range), placeholder: hit.id };
}

const ID_TEXT = /^[A-Za-z0-9_](?:[\w.\-]*\w)?$/;

export function rename(ctx: FeatureContext, path: string, pos: Position, newName: unknown): WorkspaceEdit | null {
  if (typeof newName !== 'string') throw new InvalidParamsError('rename needs newName, a string');
  const hit = idAt(ctx, path, pos);
  if (!hit) return null;
  if (!ID_TEXT.test(newName)) throw new RenameError(`'${newName}' is not a valid ID (letters, digits, '-', '_', '.')`);
  if (newName !== hit.id && ctx.state.graph.byId.has(newName)) throw new RenameError(`an item '${newName}' exists already`);
  const edits = occurrences(ctx, hit.id, true).map((o) => ({ file: o.file, range: o.range, newText: newName }));
  const changed = changedSinceChecked(
    ctx,
    edits.map((e) => e.file),
  );
  if (changed !== undefined) throw new RenameError(`${changed} changed since it was checked; try again`);
  return toWorkspaceEdit(ctx, edits);
}
