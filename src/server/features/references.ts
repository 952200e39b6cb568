// @spdf implements SPDF-LSP-NAV
/** Definition and references of the ID under the cursor: definitions, YAML references and code tags. */
import type { Definition, Location, Position } from 'vscode-languageserver/node';
import type { Range } from '../../core/types';
import { lspRange } from '../convert';
import { idAt, idTextRange, itemLocation, type FeatureContext } from './feature-context';

export function definition(ctx: FeatureContext, path: string, pos: Position): Definition | null {
  const hit = idAt(ctx, path, pos);
  if (!hit) return null;
  const defs = ctx.state.index.definitions(hit.id);
  return defs.length ? defs.map((d) => itemLocation(ctx, d)) : null;
}

/** Every written occurrence of an ID: definitions, YAML references, code tags. */
export function occurrences(ctx: FeatureContext, id: string, includeDeclaration: boolean): { file: string; range: Range; decl?: boolean }[] {
  const out: { file: string; range: Range; decl?: boolean }[] = [];
  if (includeDeclaration) for (const d of ctx.state.index.definitions(id)) out.push({ file: d.file, range: idTextRange(ctx, d.file, d.idNode), decl: true });
  for (const r of ctx.state.graph.refsTo.get(id) ?? []) out.push({ file: r.from.file, range: idTextRange(ctx, r.from.file, r.node) });
  for (const f of ctx.state.code?.files.values() ?? []) for (const t of f.tags) if (t.id === id) out.push({ file: f.file, range: t.idRange });
  return out;
}

export function references(ctx: FeatureContext, path: string, pos: Position, includeDeclaration: boolean): Location[] {
  const hit = idAt(ctx, path, pos);
  if (!hit) return [];
  return occurrences(ctx, hit.id, includeDeclaration).map((o) => ({ uri: ctx.paths.toUri(o.file), range: lspRange(o.range) }));
}
