/**
 * LSP features over the workspace state: hover, completion, definition, references, rename, symbols,
 * document links, code lenses, code actions. Each function is pure over (state, request) and returns
 * LSP values; server.ts wraps them so an exception becomes an empty answer.
 */
import picomatch from 'picomatch';
import {
  CodeActionKind,
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  type CodeAction,
  type CodeActionParams,
  type CodeLens,
  type CompletionItem,
  type CompletionList,
  type Definition,
  type DocumentLink,
  type DocumentSymbol,
  type Hover,
  type Location,
  type Position,
  type Range as LspRange,
  TextDocumentEdit,
  type SymbolInformation,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { languageDescriptor } from '../core/codelinks/languages';
import type { CodeFileIndex, CodeLink, CodeSymbol } from '../core/codelinks/model';
import type { FieldSpec } from '../core/model/fields';
import type { Item } from '../core/model/graph';
import { SECTION_OF, type ItemKind } from '../core/model/kinds';
import { KIND_SPECS } from '../core/model/schema-def';
import { itemTitle, tagCompletion, yamlCompletion, type Candidate } from '../core/query/completion';
import { locateTag, RELATION_TARGETS, type Located } from '../core/query/locate';
import { describeType, schemaAt } from '../core/query/schema-path';
import { testsOf, type ItemTrace } from '../core/matrix/status';
import { fixBlockers } from '../core/fixes/blockers';
import { findRule, RULES } from '../core/rules/registry';
import type { Finding, Fix, Range } from '../core/types';
import { deref, type YNode } from '../core/yaml/ynode';
import { CLIENT_COMMANDS, SERVER_COMMANDS, type LinkRef } from '../protocol';
import { findingKey, lspRange, type Paths } from './convert';
import type { WorkspaceState } from './state';

export interface FeatureContext {
  state: WorkspaceState;
  paths: Paths;
  /** Current text of a document the client has open (or undefined). */
  openText(path: string): string | undefined;
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

function itemLocation(ctx: FeatureContext, item: Item): Location {
  const mf = ctx.state.graph.fileByPath.get(item.file)!;
  return { uri: ctx.paths.toUri(item.file), range: lspRange(mf.source.range(item.idNode.start, item.idNode.end)) };
}

function itemRange(ctx: FeatureContext, item: Item): Range {
  const mf = ctx.state.graph.fileByPath.get(item.file)!;
  return mf.source.range(item.node.start, item.node.end);
}

/** Range of the ID scalar's text without quotes. */
function idTextRange(ctx: FeatureContext, file: string, node: { start: number; end: number }): Range {
  const mf = ctx.state.graph.fileByPath.get(file)!;
  let { start, end } = node;
  const t = mf.source.text;
  if ((t[start] === '"' || t[start] === "'") && end - start >= 2 && t[end - 1] === t[start]) {
    start++;
    end--;
  }
  return mf.source.range(start, end);
}

function traceOf(ctx: FeatureContext, item: Item): ItemTrace | undefined {
  if (!['requirement', 'control', 'threat', 'hazard'].includes(item.kind)) return undefined;
  return ctx.state.traces([item.kind]).find((t) => t.item === item);
}

function codeLinksTo(ctx: FeatureContext, id: string): CodeLink[] {
  const out: CodeLink[] = [];
  for (const f of ctx.state.code?.files.values() ?? []) for (const l of f.links) if (l.id === id) out.push(l);
  return out;
}

const md = (s: string) => s.replace(/([\\`*_{}[\]<>()#+!|])/g, '\\$1');

/** Markdown describing an item: title, text, status, links in and out. */
export function itemMarkdown(ctx: FeatureContext, item: Item): string {
  const d = item.data;
  const lines: string[] = [];
  const status = typeof d.status === 'string' ? ` · ${md(d.status)}` : '';
  lines.push(`**${md(item.id)}** · ${item.kind}${status}`);
  const title = itemTitle(item);
  if (title) lines.push('', md(title));
  const body = d.text ?? d.description ?? d.hazardous_situation;
  if (typeof body === 'string' && body.trim()) lines.push('', md(body.trim()));
  const trace = traceOf(ctx, item);
  if (trace) lines.push('', `Trace: **${trace.status}** (${md(trace.reason)})`);
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

/** A rule code or alias under the cursor in a `spdf-disable-next-line` comment. */
function suppressionRuleAt(ctx: FeatureContext, path: string, pos: Position): { code: string; range: Range } | undefined {
  const text = ctx.openText(path) ?? ctx.state.textOf(path);
  if (text === undefined) return undefined;
  const line = lineOf(text, pos.line);
  const at = line.indexOf('spdf-disable-next-line');
  if (at < 0 || pos.character < at) return undefined;
  const re = /[A-Za-z][A-Za-z0-9-]*/g;
  re.lastIndex = at + 'spdf-disable-next-line'.length;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (line.slice(at, m.index).includes('--')) break;
    if (m.index <= pos.character && pos.character <= m.index + m[0].length && findRule(m[0]))
      return { code: m[0], range: { start: { line: pos.line, character: m.index }, end: { line: pos.line, character: m.index + m[0].length } } };
  }
  return undefined;
}

export function hover(ctx: FeatureContext, path: string, pos: Position): Hover | null {
  const sup = suppressionRuleAt(ctx, path, pos);
  if (sup) {
    const r = findRule(sup.code)!.meta;
    return { contents: { kind: MarkupKind.Markdown, value: `**${r.code}** ${md(r.alias)} · ${r.severity} · ${r.category}\n\n${md(r.description)}\n\n${md(r.rationale)}\n\n_Source: ${md(r.source)}_` }, range: lspRange(sup.range) };
  }
  const hit = locate(ctx, path, pos);
  if (!hit) return null;
  const mf = ctx.state.graph.fileByPath.get(path);
  const mk = (value: string, range?: Range): Hover => ({ contents: { kind: MarkupKind.Markdown, value }, ...(range ? { range: lspRange(range) } : {}) });
  switch (hit.kind) {
    case 'item':
      return mk(itemMarkdown(ctx, hit.item), mf!.source.range(hit.node.start, hit.node.end));
    case 'reference': {
      const t = hit.ref.target;
      const range = mf!.source.range(hit.node.start, hit.node.end);
      return mk(t ? itemMarkdown(ctx, t) : `unknown ${hit.ref.kinds.join(' or ')} **${md(hit.ref.id)}**`, range);
    }
    case 'tag': {
      const t = ctx.state.graph.byId.get(hit.tag.id);
      let text = t ? itemMarkdown(ctx, t) : `unknown ID **${md(hit.tag.id)}**`;
      if (hit.link) {
        const rv = ctx.state.reviewOf(hit.link);
        text += `\n\n---\n\`@spdf ${hit.tag.relation}\` on ${md(hit.link.symbol ?? 'the file')}: ${rv.state}${rv.review ? ` (reviewed by ${md(rv.review.reviewer)} on ${rv.review.date}${rv.codeChanged ? ', code changed since' : ''}${rv.targetChanged ? ', target changed since' : ''})` : ''}`;
      } else if (!hit.tag.symbol) text += '\n\n---\nThis tag is attached to no symbol.';
      return mk(text, hit.tag.idRange);
    }
    case 'key': {
      if (hit.path.length === 1) {
        const kind = Object.entries(KIND_SPECS).find(([k]) => SECTION_OF[k as ItemKind] === hit.path[0]);
        return kind ? mk(`**${md(hit.path[0])}** · section\n\n${md(kind[1].doc)}`) : null;
      }
      const s = schemaAt(hit.path);
      if (s && (s.at === 'field' || s.at === 'element')) return mk(fieldMarkdown(hit.path, s.spec), mf!.source.range(hit.node.start, hit.node.end));
      return null;
    }
    case 'value': {
      const s = schemaAt(hit.path);
      if (s && (s.at === 'field' || s.at === 'element') && (s.spec.type === 'enum' || s.spec.type === 'boolean'))
        return mk(fieldMarkdown(hit.path.filter((p) => !/^\d+$/.test(p)), s.spec), mf!.source.range(hit.node.start, hit.node.end));
      return null;
    }
  }
}


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

/** A position the client may send: whole, non-negative numbers. */
export function isPosition(p: Position | undefined): p is Position {
  return !!p && Number.isSafeInteger(p.line) && Number.isSafeInteger(p.character) && p.line >= 0 && p.character >= 0;
}

function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function lineOf(text: string, line: number): string {
  let start = 0;
  for (let i = 0; i < line; i++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return '';
    start = nl + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
}

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
  const changes: Record<string, LspTextEdit[]> = {};
  for (const o of occurrences(ctx, hit.id, true)) (changes[ctx.paths.toUri(o.file)] ??= []).push({ range: lspRange(o.range), newText: newName });
  return { changes };
}

export class RenameError extends Error {}
/** Answered with the LSP error InvalidParams. */
export class InvalidParamsError extends Error {}

const SYMBOL_OF_KIND: Record<ItemKind, SymbolKind> = {
  system: SymbolKind.Package,
  zone: SymbolKind.Namespace,
  asset: SymbolKind.Object,
  flow: SymbolKind.Event,
  conduit: SymbolKind.Interface,
  threat: SymbolKind.Class,
  hazard: SymbolKind.Constant,
  control: SymbolKind.Struct,
  requirement: SymbolKind.Field,
  test: SymbolKind.Method,
};

export function documentSymbols(ctx: FeatureContext, path: string): DocumentSymbol[] {
  if (ctx.state.kindOf(path) !== 'model') return [];
  const mf = ctx.state.graph.fileByPath.get(path);
  if (!mf) return [];
  return ctx.state.index.itemsIn(path).map((item) => ({
    name: item.id,
    detail: `${item.kind}${itemTitle(item) ? ` · ${itemTitle(item)}` : ''}`,
    kind: SYMBOL_OF_KIND[item.kind],
    range: lspRange(mf.source.range(item.node.start, item.node.end)),
    selectionRange: lspRange(mf.source.range(item.idNode.start, item.idNode.end)),
  }));
}

export function workspaceSymbols(ctx: FeatureContext, query: string): SymbolInformation[] {
  const q = query.toLowerCase();
  const out: SymbolInformation[] = [];
  for (const item of ctx.state.graph.items) {
    if (q && !item.id.toLowerCase().includes(q) && !itemTitle(item).toLowerCase().includes(q)) continue;
    out.push({ name: item.id, kind: SYMBOL_OF_KIND[item.kind], location: itemLocation(ctx, item), containerName: `${item.kind}${itemTitle(item) ? ` · ${itemTitle(item)}` : ''}` });
    if (out.length >= 1000) return out;
  }
  for (const f of ctx.state.code?.files.values() ?? [])
    for (const s of f.symbols) {
      if (!s.codeHash) continue; // only symbols that carry links
      if (q && !s.qualifiedName.toLowerCase().includes(q)) continue;
      out.push({ name: s.qualifiedName, kind: SymbolKind.Function, location: { uri: ctx.paths.toUri(f.file), range: lspRange(s.nameRange) }, containerName: f.file });
      if (out.length >= 1000) return out;
    }
  return out;
}

/** Links on values of path-typed fields (evidence, views, SBOM, plan) that name a workspace file. */
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
    if (n.kind === 'map' && spec.type === 'object') for (const p of n.pairs) visit(p.value, spec.fields[String(p.key.value)]);
  };
  for (const item of ctx.state.index.itemsIn(path)) {
    const fields = KIND_SPECS[item.kind].fields;
    for (const p of item.node.pairs) visit(p.value, fields[String(p.key.value)]);
  }
  return out;
}

function testCount(ctx: FeatureContext, id: string): number {
  const item = ctx.state.graph.byId.get(id);
  const tests = item ? testsOf(ctx.state.graph, item).length : 0;
  return tests + codeLinksTo(ctx, id).filter((l) => l.relation === 'verifies').length;
}

export function codeLenses(ctx: FeatureContext, path: string): CodeLens[] {
  const kind = ctx.state.kindOf(path);
  const out: CodeLens[] = [];
  if (kind === 'model') {
    const mf = ctx.state.graph.fileByPath.get(path);
    if (!mf) return [];
    const items = ctx.state.index.itemsIn(path).filter((i) => ['requirement', 'control', 'threat', 'hazard'].includes(i.kind));
    const traces = new Map<Item, ItemTrace>();
    for (const k of new Set(items.map((i) => i.kind))) for (const t of ctx.state.traces([k])) traces.set(t.item, t);
    for (const item of items) {
      const t = traces.get(item);
      const impl = t?.implementedBy.length ?? 0;
      const ver = (t?.tests.length ?? 0) + (t?.verifiedByLinks.length ?? 0);
      const refs = (ctx.state.graph.refsTo.get(item.id)?.length ?? 0) + codeLinksTo(ctx, item.id).length;
      const range = lspRange(mf.source.range(item.idNode.start, item.idNode.end));
      const title = `${t ? `${t.status} · ` : ''}${impl} implementing · ${ver} verifying · ${refs} reference${refs === 1 ? '' : 's'}`;
      out.push({ range, command: { title, command: CLIENT_COMMANDS.showReferences, arguments: [ctx.paths.toUri(path), range.start] } });
    }
    return out;
  }
  if (kind === 'code') {
    const idx = ctx.state.code.files.get(path);
    if (!idx) return [];
    const bySymbol = new Map<string, CodeLink[]>();
    for (const l of idx.links) {
      const k = `${l.symbol ?? ''}@${l.symbolRange.start.line}`;
      bySymbol.set(k, [...(bySymbol.get(k) ?? []), l]);
    }
    for (const links of bySymbol.values()) {
      const first = links[0];
      const sym = idx.symbols.find((s) => s.qualifiedName === first.symbol && s.range.start.line === first.symbolRange.start.line);
      const at = lspRange(sym ? sym.nameRange : first.symbolRange);
      const parts = links.map((l) => {
        const rv = ctx.state.reviewOf(l).state;
        const known = ctx.state.graph.byId.has(l.id);
        const tests = l.relation === 'verifies' ? '' : ` · verified by ${testCount(ctx, l.id)} test${testCount(ctx, l.id) === 1 ? '' : 's'}`;
        return `${l.relation} ${l.id}${known ? tests : ' · unknown ID'}${rv === 'suspect' ? ' · suspect' : rv === 'reviewed' ? ' · reviewed' : ''}`;
      });
      out.push({ range: at, command: { title: parts.join('  |  '), command: CLIENT_COMMANDS.showReferences, arguments: [ctx.paths.toUri(path), first.range.start] } });
    }
  }
  return out;
}

function commentPrefix(ctx: FeatureContext, path: string): string {
  const kind = ctx.state.kindOf(path);
  if (kind === 'model' || kind === 'config' || path.endsWith('.yaml') || path.endsWith('.yml')) return '#';
  const lang = ctx.state.code?.languageOf(path);
  return lang ? languageDescriptor(lang).lineComment : '//';
}

/**
 * A fix as a workspace edit. Edits of an open document carry its version, so the client rejects them if the
 * document changed after the fix was computed (offsets would land in the wrong place).
 */
function toWorkspaceEdit(ctx: FeatureContext, fix: Fix): WorkspaceEdit {
  const byFile = new Map<string, LspTextEdit[]>();
  for (const e of fix.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), { range: lspRange(e.range), newText: e.newText }]);
  if (ctx.documentChanges)
    return { documentChanges: [...byFile].map(([file, edits]) => TextDocumentEdit.create({ uri: ctx.paths.toUri(file), version: ctx.openVersion?.(file) ?? null }, edits)) };
  return { changes: Object.fromEntries([...byFile].map(([file, edits]) => [ctx.paths.toUri(file), edits])) };
}

/** Why fixes are withheld: part of the model failed to load, or a file changed since the findings were computed. */
function fixBlocked(ctx: FeatureContext, fix: Fix): string | undefined {
  const blockers = fixBlockers(ctx.state.graph);
  if (blockers.length) {
    const b = blockers[0];
    return `part of the model could not be read (${b.file}:${b.range.start.line + 1}:${b.range.start.character + 1} ${b.code}${blockers.length > 1 ? ` and ${blockers.length - 1} more` : ''}); fix that first`;
  }
  for (const file of new Set(fix.edits.map((e) => e.file))) {
    const base = ctx.state.graph.fileByPath.get(file)?.source.text;
    const now = ctx.openText(file);
    // Code files: the findings come from the index of the current text; the versioned edit guards the rest.
    if (base !== undefined && now !== undefined && now !== base) return `${file} changed since it was checked; try again`;
  }
  return undefined;
}

export function codeActions(ctx: FeatureContext, path: string, params: CodeActionParams): CodeAction[] {
  if (!ctx.state.trusted) return [];
  const out: CodeAction[] = [];
  const findings = ctx.state.findingsByFile.get(path) ?? [];
  const byKey = new Map<string, Finding>(findings.map((f) => [findingKey(f), f]));
  const text = ctx.openText(path) ?? ctx.state.textOf(path);
  const only = params.context.only;
  const want = (k: string) => !only || only.some((o) => k === o || k.startsWith(`${o}.`));
  for (const d of params.context.diagnostics) {
    if (d.source !== 'spdf') continue;
    const key = (d.data as { key?: string } | undefined)?.key;
    const f = key ? byKey.get(key) : findings.find((x) => x.code === d.code && x.range.start.line === d.range.start.line);
    if (!f) continue;
    if (want(CodeActionKind.QuickFix)) {
      // The fix first and preferred (for TM002 the one close ID, "did you mean"), then the suggestions.
      for (const [i, fix] of [...(f.fix ? [f.fix] : []), ...(f.suggestions ?? [])].entries()) {
        const blocked = fixBlocked(ctx, fix);
        if (blocked) out.push({ title: fix.description, kind: CodeActionKind.QuickFix, diagnostics: [d], disabled: { reason: blocked } });
        else out.push({ title: fix.description, kind: CodeActionKind.QuickFix, diagnostics: [d], ...(i === 0 && f.fix ? { isPreferred: true } : {}), edit: toWorkspaceEdit(ctx, fix) });
      }
      // No suppression in a file outside the model (TM012): nobody reads its comments. None from stale text either.
      const suppressible = f.code !== 'TM012' && (ctx.state.kindOf(path) !== 'model' || text === ctx.state.graph.fileByPath.get(path)?.source.text);
      if (text !== undefined && findRule(f.code) && suppressible) {
        const line = lineOf(text, f.range.start.line);
        const indent = /^\s*(-\s+)?/.exec(line)?.[0].replace(/-/g, ' ') ?? '';
        const lead = /^\s*/.exec(line)![0];
        const eol = text.includes('\r\n') ? '\r\n' : '\n';
        const at = { line: f.range.start.line, character: 0 };
        const newText = `${/^\s*-\s/.test(line) ? lead : indent}${commentPrefix(ctx, path)} spdf-disable-next-line ${f.code} -- ${eol}`;
        out.push({
          title: `Suppress ${f.code} on this line (with a justification)`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          edit: toWorkspaceEdit(ctx, { description: '', edits: [{ file: path, range: { start: at, end: at }, newText }] }),
        });
      }
    }
  }
  if (ctx.state.kindOf(path) === 'code' && want(CodeActionKind.Refactor)) {
    const idx = ctx.state.code.files.get(path);
    const tag = idx ? locateTag(idx, params.range.start.line, params.range.start.character) : undefined;
    if (tag?.kind === 'tag' && tag.link && ctx.state.graph.byId.has(tag.link.id)) {
      const l = tag.link;
      const ref: LinkRef = { id: l.id, relation: l.relation, file: l.file, symbol: l.symbol };
      const state = ctx.state.reviewOf(l).state;
      out.push({
        title: `Mark link reviewed: ${l.relation} ${l.id} (${state})`,
        kind: `${CodeActionKind.Refactor}.spdf.markReviewed`,
        command: { title: 'Mark link reviewed', command: SERVER_COMMANDS.markReviewed, arguments: [ref] },
      });
    }
    out.push({
      title: 'Insert @spdf tag…',
      kind: `${CodeActionKind.Refactor}.spdf.insertTag`,
      command: { title: 'Insert @spdf tag', command: CLIENT_COMMANDS.insertTag, arguments: [ctx.paths.toUri(path), params.range.start.line] },
    });
  }
  return out;
}

/** The innermost symbol whose range holds `line`. */
export function symbolAtLine(idx: CodeFileIndex | undefined, line: number): CodeSymbol | undefined {
  let best: CodeSymbol | undefined;
  for (const s of idx?.symbols ?? []) {
    if (s.range.start.line <= line && line <= s.range.end.line) {
      if (!best || s.range.start.line >= best.range.start.line) best = s;
    }
  }
  return best;
}

/** Edit inserting `<comment> @spdf relation ID` on its own line above the symbol holding `line`. */
export function insertTagEdit(ctx: FeatureContext, path: string, text: string, line: number, relation: string, id: string): { range: LspRange; newText: string } | null {
  if (!RELATION_TARGETS[relation]) return null;
  const sym = symbolAtLine(ctx.state.code.files.get(path), line);
  const at = sym ? sym.range.start.line : line;
  const lineText = lineOf(text, at);
  const indent = /^\s*/.exec(lineText)![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, newText: `${indent}${commentPrefix(ctx, path)} @spdf ${relation} ${id}${eol}` };
}

/** Candidate (relation, ID) pairs for a tag in a code file: `verifies` in test files, `implements` elsewhere first. */
export function tagCandidates(ctx: FeatureContext, path: string): { relation: string; id: string; title: string }[] {
  const isTest = picomatch.isMatch(path, ctx.state.config.code.testGlobs, { dot: true });
  const order = isTest ? ['verifies', 'implements', 'mitigates', 'hazard'] : ['implements', 'mitigates', 'hazard', 'verifies'];
  const out: { relation: string; id: string; title: string }[] = [];
  const seen = new Set<string>();
  for (const rel of order)
    for (const k of RELATION_TARGETS[rel])
      for (const item of ctx.state.graph.byKind[k]) {
        const key = `${rel} ${item.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ relation: rel, id: item.id, title: itemTitle(item) });
      }
  return out;
}

export { itemRange };
