// @spdf implements SPDF-LSP-ACTIONS
/**
 * Code actions: each finding's fix and suggestions (disabled while the model has load errors, a model or config file is not read, or the file changed
 * since it was checked), a suppression comment, and in code files "mark link reviewed" and "insert tag".
 */
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver/node';
import type { CodeLink } from '../../core/codelinks/model';
import { fixBlockers } from '../../core/fixes/blockers';
import { locateTag } from '../../core/query/locate';
import { findRule } from '../../core/rules/registry';
import type { Finding, Fix } from '../../core/types';
import { CLIENT_COMMANDS, SERVER_COMMANDS, type LinkRef } from '../../protocol';
import { findingKey } from '../convert';
import { inputProblemsOf } from '../input-problems';
import { commentPrefix } from './comment-prefix';
import { changedSinceChecked, toWorkspaceEdit } from './workspace-edit';
import type { FeatureContext } from './feature-context';
import { lineOf } from './text-lines';

/** Why fixes are withheld: part of the model failed to load, or a file changed since the findings were computed. */
function fixBlocked(ctx: FeatureContext, fix: Fix): string | undefined {
  const blockers = fixBlockers(ctx.state.graph, inputProblemsOf(ctx.state));
  if (blockers.length) {
    const b = blockers[0];
    return `part of the model could not be read (${b.file}:${b.range.start.line + 1}:${b.range.start.character + 1} ${b.code}${blockers.length > 1 ? ` and ${blockers.length - 1} more` : ''}); fix that first`;
  }
  const changed = changedSinceChecked(
    ctx,
    fix.edits.map((e) => e.file),
  );
  return changed === undefined ? undefined : `${changed} changed since it was checked; try again`;
}

/** The link of the tag at a position in a code file, when its ID names a model item. */
function linkAt(ctx: FeatureContext, path: string, line: number, character: number): CodeLink | undefined {
  if (ctx.state.kindOf(path) !== 'code') return undefined;
  const idx = ctx.state.code.files.get(path);
  const tag = idx ? locateTag(idx, line, character) : undefined;
  return tag?.kind === 'tag' && tag.link && ctx.state.graph.byId.has(tag.link.id) ? tag.link : undefined;
}

const linkRef = (l: CodeLink): LinkRef => ({ id: l.id, relation: l.relation, file: l.file, symbol: l.symbol });

export function codeActions(ctx: FeatureContext, path: string, params: CodeActionParams): CodeAction[] {
  if (!ctx.state.trusted) return [];
  const out: CodeAction[] = [];
  const findings = ctx.state.findingsByFile.get(path) ?? [];
  const byKey = new Map<string, Finding>(findings.map((f) => [findingKey(f), f]));
  const text = ctx.openText(path) ?? ctx.state.textOf(path);
  const only = params.context.only;
  const want = (k: string) => !only || only.some((o) => k === o || k.startsWith(`${o}.`));
  const reviewOffered = new Set<CodeLink>();
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
        else out.push({ title: fix.description, kind: CodeActionKind.QuickFix, diagnostics: [d], ...(i === 0 && f.fix ? { isPreferred: true } : {}), edit: toWorkspaceEdit(ctx, fix.edits) });
      }
      // A suspect link: the likely intent is to review it, so that comes before the suppression.
      const suspect = f.code === 'CL006' ? linkAt(ctx, path, f.range.start.line, f.range.start.character) : undefined;
      if (suspect) {
        out.push({
          title: `Mark link reviewed: ${suspect.relation} ${suspect.id}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: true,
          command: { title: 'Mark link reviewed', command: SERVER_COMMANDS.markReviewed, arguments: [linkRef(suspect)] },
        });
        reviewOffered.add(suspect);
      }
      // No suppression in a file outside the model (TM012): nobody reads its comments. None from stale text either.
      const suppressible = f.code !== 'TM012' && f.code !== 'TM013' && (ctx.state.kindOf(path) !== 'model' || text === ctx.state.graph.fileByPath.get(path)?.source.text);
      if (text !== undefined && findRule(f.code) && suppressible) {
        const line = lineOf(text, f.range.start.line);
        const indent = /^\s*(-\s+)?/.exec(line)?.[0].replace(/-/g, ' ') ?? '';
        const lead = /^\s*/.exec(line)?.[0] ?? '';
        const eol = text.includes('\r\n') ? '\r\n' : '\n';
        const at = { line: f.range.start.line, character: 0 };
        const newText = `${/^\s*-\s/.test(line) ? lead : indent}${commentPrefix(ctx, path)} spdf-disable-next-line ${f.code} -- ${eol}`;
        out.push({
          title: `Suppress ${f.code} on this line (with a justification)`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          edit: toWorkspaceEdit(ctx, [{ file: path, range: { start: at, end: at }, newText }]),
        });
      }
    }
  }
  if (ctx.state.kindOf(path) === 'code' && want(CodeActionKind.Refactor)) {
    const l = linkAt(ctx, path, params.range.start.line, params.range.start.character);
    if (l && !reviewOffered.has(l)) {
      const state = ctx.state.reviewOf(l).state;
      out.push({
        title: `Mark link reviewed: ${l.relation} ${l.id} (${state})`,
        kind: `${CodeActionKind.Refactor}.spdf.markReviewed`,
        command: { title: 'Mark link reviewed', command: SERVER_COMMANDS.markReviewed, arguments: [linkRef(l)] },
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
