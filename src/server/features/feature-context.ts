/** What every feature reads: the workspace state, the path/URI mapping, the client's open documents; and the lookups they share. */
import type { Location, Position } from 'vscode-languageserver/node';
import type { CodeLink } from '../../core/codelinks/model';
import type { ModelItem, ModelFile } from '../../core/model/graph';
import { locateTag, type Located } from '../../core/query/locate';
import type { ItemTrace } from '../../core/matrix/status';
import type { Range } from '../../core/types';
import { lspRange, type Paths } from '../convert';
import type { WorkspaceState } from '../state';

export interface FeatureContext {
  state: WorkspaceState;
  paths: Paths;
  /** Current text of a document the client has open (or undefined). */
  openText(path: string): string | undefined;
  /** Text of a file on disk (byte order mark dropped), or undefined when it cannot be read. */
  diskText?(path: string): string | undefined;
  /** Version of a document the client has open (or undefined). */
  openVersion?(path: string): number | undefined;
  /** The client accepts versioned document edits (`workspace.workspaceEdit.documentChanges`). */
  documentChanges?: boolean;
}

/** What is under the cursor, in a model file or in a code file. */
export function locate(ctx: FeatureContext, path: string, pos: Position): Located | undefined {
  const { state } = ctx;
  const kind = state.kindOf(path);
  if (kind === 'model') {
    const mf = state.graph.fileByPath.get(path);
    if (!mf) return undefined;
    return state.index.locateYaml(path, mf.source.offsetAt(pos));
  }
  if (kind === 'code') {
    const idx = state.code.files.get(path);
    return idx ? locateTag(idx, pos.line, pos.character) : undefined;
  }
  return undefined;
}

/** The ID the cursor designates (an item's own ID, a reference, a tag), with the range of the ID text. */
export function idAt(ctx: FeatureContext, path: string, pos: Position): { id: string; range: Range } | undefined {
  const hit = locate(ctx, path, pos);
  if (!hit) return undefined;
  const mf = ctx.state.graph.fileByPath.get(path);
  if (hit.kind === 'item' && mf) return { id: hit.item.id, range: mf.source.range(hit.node.start, hit.node.end) };
  if (hit.kind === 'reference' && mf) return { id: hit.ref.id, range: mf.source.range(hit.node.start, hit.node.end) };
  if (hit.kind === 'tag') return { id: hit.tag.id, range: hit.tag.idRange };
  return undefined;
}

/**
 * The loaded model file an item or reference of the graph comes from. The graph holds only items of loaded files,
 * so a miss is a bug: it throws, and the request handler answers with its empty result rather than a partial one.
 */
function modelFile(ctx: FeatureContext, file: string): ModelFile {
  const mf = ctx.state.graph.fileByPath.get(file);
  if (!mf) throw new Error(`${file} is not a loaded model file`);
  return mf;
}

export function itemLocation(ctx: FeatureContext, item: ModelItem): Location {
  const mf = modelFile(ctx, item.file);
  return { uri: ctx.paths.toUri(item.file), range: lspRange(mf.source.range(item.idNode.start, item.idNode.end)) };
}

/** Range of the ID scalar's text without quotes. */
export function idTextRange(ctx: FeatureContext, file: string, node: { start: number; end: number }): Range {
  const mf = modelFile(ctx, file);
  let { start, end } = node;
  const t = mf.source.text;
  if ((t[start] === '"' || t[start] === "'") && end - start >= 2 && t[end - 1] === t[start]) {
    start++;
    end--;
  }
  return mf.source.range(start, end);
}

export function traceOf(ctx: FeatureContext, item: ModelItem): ItemTrace | undefined {
  if (!['requirement', 'control', 'threat', 'hazard'].includes(item.kind)) return undefined;
  return ctx.state.traces([item.kind]).find((t) => t.item === item);
}

export function codeLinksTo(ctx: FeatureContext, id: string): CodeLink[] {
  const out: CodeLink[] = [];
  for (const f of ctx.state.code?.files.values() ?? []) for (const l of f.links) if (l.id === id) out.push(l);
  return out;
}
