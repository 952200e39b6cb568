/** The "insert @spdf tag" command: candidate (relation, ID) pairs, and the edit adding the tag above a symbol. */
import { pathMatcher } from '../../core/path-glob';
import type { Range as LspRange } from 'vscode-languageserver/node';
import type { CodeFileIndex, CodeSymbol } from '../../core/codelinks/model';
import { itemTitle } from '../../core/query/completion';
import { RELATION_TARGETS } from '../../core/query/locate';
import { commentPrefix } from './comment-prefix';
import type { FeatureContext } from './feature-context';
import { lineOf } from './text-lines';

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
  const indent = /^\s*/.exec(lineText)?.[0] ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, newText: `${indent}${commentPrefix(ctx, path)} @spdf ${relation} ${id}${eol}` };
}

/** Candidate (relation, ID) pairs for a tag in a code file: `verifies` in test files, `implements` elsewhere first. */
export function tagCandidates(ctx: FeatureContext, path: string): { relation: string; id: string; title: string }[] {
  const isTest = pathMatcher(ctx.state.config.code.testGlobs)(path);
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
