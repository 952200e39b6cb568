// @spdf implements SPDF-LSP-HOVER
/** Hover: an item's summary on its ID, a reference or a tag; a field's schema on a key or value; a rule on a suppression comment. */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import type { FieldSpec } from '../../core/model/fields';
import type { ModelItem } from '../../core/model/graph';
import { SECTION_OF, type ItemKind } from '../../core/model/kinds';
import { KIND_SPECS } from '../../core/model/schema-def';
import { itemTitle } from '../../core/query/completion';
import { describeType, schemaAt } from '../../core/query/schema-path';
import { findRule } from '../../core/rules/registry';
import type { Rule } from '../../core/rules/types';
import type { Range } from '../../core/types';
import { lspRange } from '../convert';
import { viewProblemLines } from '../view-problems';
import { codeLinksTo, locate, traceOf, type FeatureContext } from './feature-context';
import { lineOf } from './text-lines';

const md = (s: string) => s.replace(/([\\`*_{}[\]<>()#+!|])/g, '\\$1');

/** While `spdf trace` says INCOMPLETE, a trace status may lack what was not read (the status bar counts the inputs). */
function incompleteLine(ctx: FeatureContext): string[] {
  const n = viewProblemLines(ctx.state).length;
  return n ? ['', `**INCOMPLETE**: ${n} input${n === 1 ? '' : 's'} not read or not understood (see Problems): this status may lack what was not read`] : [];
}

/** Markdown describing an item: title, text, status, links in and out. */
export function itemMarkdown(ctx: FeatureContext, item: ModelItem): string {
  const d = item.data;
  const lines: string[] = [];
  const status = typeof d.status === 'string' ? ` · ${md(d.status)}` : '';
  lines.push(`**${md(item.id)}** · ${item.kind}${status}`);
  const title = itemTitle(item);
  if (title) lines.push('', md(title));
  const body = d.text ?? d.description ?? d.hazardous_situation;
  if (typeof body === 'string' && body.trim()) lines.push('', md(body.trim()));
  const trace = traceOf(ctx, item);
  if (trace) lines.push('', `Trace: **${trace.status}** (${md(trace.reason)})`, ...incompleteLine(ctx));
  const out = (ctx.state.graph.refsOf.get(item) ?? []).filter((r) => r.target);
  if (out.length) {
    const byField = new Map<string, string[]>();
    for (const r of out) {
      const f = r.field.replace(/\.\d+/g, '');
      byField.set(f, [...(byField.get(f) ?? []), r.id]);
    }
    lines.push('', ...[...byField].map(([f, ids]) => `- ${md(f)}: ${ids.map(md).join(', ')}`));
  }
  const incoming = (ctx.state.graph.refsTo.get(item.id) ?? []).map((r) => r.from.id);
  if (incoming.length) lines.push('', `Referenced by: ${[...new Set(incoming)].slice(0, 12).map(md).join(', ')}${incoming.length > 12 ? ' …' : ''}`);
  const links = codeLinksTo(ctx, item.id);
  if (links.length)
    lines.push(
      '',
      `Code: ${links
        .slice(0, 8)
        .map((l) => `${l.relation} ${md(l.symbol ?? l.file)} (${md(l.file)}:${l.range.start.line + 1}, ${ctx.state.reviewOf(l).state})`)
        .join('; ')}${links.length > 8 ? ' …' : ''}`,
    );
  return lines.join('\n');
}

function fieldMarkdown(path: string[], spec: FieldSpec): string {
  return `**${md(path[path.length - 1])}** · ${md(describeType(spec))}\n\n${md(spec.doc)}`;
}

/** A rule (by code or alias) under the cursor in a `spdf-disable-next-line` comment. */
function suppressionRuleAt(ctx: FeatureContext, path: string, pos: Position): { rule: Rule; range: Range } | undefined {
  const text = ctx.openText(path) ?? ctx.state.textOf(path);
  if (text === undefined) return undefined;
  const line = lineOf(text, pos.line);
  const at = line.indexOf('spdf-disable-next-line');
  if (at < 0 || pos.character < at) return undefined;
  const re = /[A-Za-z][A-Za-z0-9-]*/g;
  re.lastIndex = at + 'spdf-disable-next-line'.length;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (line.slice(at, m.index).includes('--')) break;
    const rule = m.index <= pos.character && pos.character <= m.index + m[0].length ? findRule(m[0]) : undefined;
    if (rule) return { rule, range: { start: { line: pos.line, character: m.index }, end: { line: pos.line, character: m.index + m[0].length } } };
  }
  return undefined;
}

export function hover(ctx: FeatureContext, path: string, pos: Position): Hover | null {
  const sup = suppressionRuleAt(ctx, path, pos);
  if (sup) {
    const r = sup.rule.meta;
    return {
      contents: { kind: MarkupKind.Markdown, value: `**${r.code}** ${md(r.alias)} · ${r.severity} · ${r.category}\n\n${md(r.description)}\n\n${md(r.rationale)}\n\n_Source: ${md(r.source)}_` },
      range: lspRange(sup.range),
    };
  }
  const hit = locate(ctx, path, pos);
  if (!hit) return null;
  const mk = (value: string, range?: Range): Hover => ({ contents: { kind: MarkupKind.Markdown, value }, ...(range ? { range: lspRange(range) } : {}) });
  if (hit.kind === 'tag') {
    const t = ctx.state.graph.byId.get(hit.tag.id);
    let text = t ? itemMarkdown(ctx, t) : `unknown ID **${md(hit.tag.id)}**`;
    if (hit.link) {
      const rv = ctx.state.reviewOf(hit.link);
      text += `\n\n---\n\`@spdf ${hit.tag.relation}\` on ${md(hit.link.symbol ?? 'the file')}: ${rv.state}${rv.review ? ` (reviewed by ${md(rv.review.reviewer)} on ${rv.review.date}${rv.codeChanged ? ', code changed since' : ''}${rv.targetChanged ? ', target changed since' : ''})` : ''}`;
    } else if (!hit.tag.symbol) text += '\n\n---\nThis tag is attached to no symbol.';
    return mk(text, hit.tag.idRange);
  }
  // Every other hit is in a model file, found through its source.
  const mf = ctx.state.graph.fileByPath.get(path);
  if (!mf) return null;
  const range = mf.source.range(hit.node.start, hit.node.end);
  switch (hit.kind) {
    case 'item':
      return mk(itemMarkdown(ctx, hit.item), range);
    case 'reference': {
      const t = hit.ref.target;
      return mk(t ? itemMarkdown(ctx, t) : `unknown ${hit.ref.kinds.join(' or ')} **${md(hit.ref.id)}**`, range);
    }
    case 'key': {
      if (hit.path.length === 1) {
        const kind = Object.entries(KIND_SPECS).find(([k]) => SECTION_OF[k as ItemKind] === hit.path[0]);
        return kind ? mk(`**${md(hit.path[0])}** · section\n\n${md(kind[1].doc)}`) : null;
      }
      const s = schemaAt(hit.path);
      if (s && (s.at === 'field' || s.at === 'element')) return mk(fieldMarkdown(hit.path, s.spec), range);
      return null;
    }
    case 'value': {
      const s = schemaAt(hit.path);
      if (s && (s.at === 'field' || s.at === 'element') && (s.spec.type === 'enum' || s.spec.type === 'boolean'))
        return mk(
          fieldMarkdown(
            hit.path.filter((p) => !/^\d+$/.test(p)),
            s.spec,
          ),
          range,
        );
      return null;
    }
  }
}
