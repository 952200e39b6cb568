// @spdf implements SPDF-LSP-LINKS
/** Document links on values of path-typed fields (evidence, views, SBOM, plan) that name a workspace file or a web address. */
import type { DocumentLink } from 'vscode-languageserver/node';
import type { FieldSpec } from '../../core/model/fields';
import { KIND_SPECS } from '../../core/model/schema-def';
import { deref, type YNode } from '../../core/yaml/ynode';
import { lspRange } from '../convert';
import type { FeatureContext } from './feature-context';

/** The spec of a key the schema defines (a key named after an Object.prototype member is none). */
const fieldOf = (fields: Record<string, FieldSpec>, key: unknown): FieldSpec | undefined => (Object.hasOwn(fields, String(key)) ? fields[String(key)] : undefined);

export function documentLinks(ctx: FeatureContext, path: string): DocumentLink[] {
  if (ctx.state.kindOf(path) !== 'model') return [];
  const mf = ctx.state.graph.fileByPath.get(path);
  if (!mf) return [];
  const files = new Set(ctx.state.allFiles());
  const out: DocumentLink[] = [];
  const visit = (node: YNode | null | undefined, spec: FieldSpec | undefined) => {
    const n = deref(node);
    if (!n || !spec) return;
    if (n.kind === 'scalar' && spec.type === 'string' && spec.format === 'path' && typeof n.value === 'string' && n.value) {
      const target = n.value.split('#')[0].replace(/^\.\//, '');
      const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
      const candidates = [target, dir + target];
      const hit = candidates.find((c) => files.has(c));
      if (hit) out.push({ range: lspRange(mf.source.range(n.start, n.end)), target: ctx.paths.toUri(hit), tooltip: `Open ${hit}` });
      else if (/^https?:\/\//.test(n.value)) out.push({ range: lspRange(mf.source.range(n.start, n.end)), target: n.value });
      return;
    }
    if (n.kind === 'seq' && spec.type === 'list') for (const el of n.items) visit(el, spec.of);
    if (n.kind === 'map' && spec.type === 'object') for (const p of n.pairs) visit(p.value, fieldOf(spec.fields, p.key.value));
  };
  for (const item of ctx.state.index.itemsIn(path)) {
    const fields = KIND_SPECS[item.kind].fields;
    for (const p of item.node.pairs) visit(p.value, fieldOf(fields, p.key.value));
  }
  return out;
}
