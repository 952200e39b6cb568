/** Coverage marks of a source file's functions, and navigation between a symbol and the items it is linked to. */
import { FUNCTION_LIKE_KINDS, type CodeSymbol } from '../../core/codelinks/model';
import { unscannedProblem } from '../../core/codelinks/unscanned-files';
import { TRACED_KINDS } from '../../core/matrix/decide';
import type { ItemTrace, StatusLink } from '../../core/matrix/status';
import { itemTitle } from '../../core/query/completion';
import type { FileCoverage, SymbolCoverage, TraceTarget } from '../../protocol';
import { lspRange, type Paths } from '../convert';
import type { WorkspaceState } from '../state';
import { loc } from '../tree';

interface LinkOf {
  trace: ItemTrace;
  link: StatusLink;
}

function linksIn(state: WorkspaceState, path: string): LinkOf[] {
  const out: LinkOf[] = [];
  // An item's trace also holds links inherited through other items: only the tag's own ID counts here.
  for (const trace of state.traces(TRACED_KINDS)) for (const link of [...trace.implementedBy, ...trace.verifiedByLinks]) if (link.file === path && link.id === trace.item.id) out.push({ trace, link });
  return out;
}

export function fileCoverage(state: WorkspaceState, path: string): FileCoverage {
  const safetyCritical = state.code.isSafetyCritical(path);
  const unscanned = state.code.unscanned.get(path);
  // Not scanned (an encoding, a size, a language without a grammar): its tags are unknown, so no mark would be a false picture.
  if (unscanned) return { safetyCritical, symbols: [], problem: unscannedProblem(unscanned).message };
  const index = state.code.files.get(path);
  if (!index) return { safetyCritical, symbols: [], ...(safetyCritical ? { problem: 'code of a safety-critical asset that was not indexed: its functions are not known' } : {}) };
  const bySymbol = new Map<string, LinkOf[]>();
  for (const l of linksIn(state, path)) if (l.link.symbol) bySymbol.set(l.link.symbol, [...(bySymbol.get(l.link.symbol) ?? []), l]);
  const symbols: SymbolCoverage[] = [];
  for (const s of index.symbols) {
    if (!FUNCTION_LIKE_KINDS.has(s.kind) || s.declarationOnly) continue;
    const links = bySymbol.get(s.qualifiedName) ?? [];
    if (!links.length && !safetyCritical) continue;
    const state_ = links.some((l) => l.link.review === 'suspect') ? 'suspect' : links.length ? 'traced' : 'untraced';
    symbols.push({
      symbol: s.qualifiedName,
      line: s.nameRange.start.line,
      state: state_,
      links: links.map((l) => `${l.link.relation} ${l.trace.item.id}${l.link.review === 'suspect' ? ' (suspect)' : ''}`),
    });
  }
  const problem =
    safetyCritical && index.problems.some((p) => p.kind === 'syntax-error' || p.kind === 'internal')
      ? 'the parser could not read all of this file: functions may be missing from the marks'
      : undefined;
  return { safetyCritical, symbols, ...(problem ? { problem } : {}) };
}

function contains(s: CodeSymbol, line: number, character: number): boolean {
  const { start, end } = s.range;
  return (line > start.line || (line === start.line && character >= start.character)) && (line < end.line || (line === end.line && character <= end.character));
}

/** The innermost symbol at a position and the items linked to it. */
export function symbolItems(state: WorkspaceState, paths: Paths, path: string, line: number, character: number): { symbol: string | null; items: TraceTarget[] } {
  const symbols = (state.code.files.get(path)?.symbols ?? []).filter((s) => contains(s, line, character));
  if (!symbols.length) return { symbol: null, items: [] };
  const inner = symbols.reduce((a, b) => (b.range.start.line > a.range.start.line || (b.range.start.line === a.range.start.line && b.range.start.character >= a.range.start.character) ? b : a));
  const items = linksIn(state, path)
    .filter((l) => l.link.symbol === inner.qualifiedName)
    .map(({ trace, link }) => ({
      label: trace.item.id,
      description: `${link.relation} · ${trace.status}${link.review === 'suspect' ? ' · suspect link' : ''} · ${itemTitle(trace.item)}`,
      location: loc(state, paths, trace.item),
    }));
  return { symbol: inner.qualifiedName, items };
}

/** Implementing and verifying code of an item, and its YAML tests. */
export function itemCode(state: WorkspaceState, paths: Paths, id: string): { found: boolean; code: TraceTarget[] } {
  const trace = state.traces(TRACED_KINDS).find((t) => t.item.id === id);
  if (!trace) return { found: false, code: [] };
  const code: TraceTarget[] = [...trace.implementedBy, ...trace.verifiedByLinks].map((l) => ({
    label: l.symbol ?? l.file,
    description: `${l.relation} · ${l.file}:${(l.symbolRange ?? l.range).start.line + 1}${l.review === 'suspect' ? ' · suspect' : ''}`,
    location: { uri: paths.toUri(l.file), range: lspRange(l.symbolRange ?? l.range) },
  }));
  for (const t of trace.tests) code.push({ label: t.id, description: `test · ${itemTitle(t)}`, location: loc(state, paths, t) });
  return { found: true, code };
}
