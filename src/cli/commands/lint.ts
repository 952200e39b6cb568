import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { applyEdits } from '../../core/fixes/apply';
import { findRule } from '../../core/rules/registry';
import type { Finding, TextEdit } from '../../core/types';
import { checkPath, toWorkspacePath, type NodeCheck } from '../../node/workspace';
import { lintJson, printHuman } from '../format';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type Out } from '../io';

export interface LintArgs {
  paths: string[];
  format: string;
  maxWarnings?: number;
  fix: boolean;
  quiet: boolean;
  untrusted: boolean;
  /** Index source code for code links (default true). */
  code?: boolean;
  /** Reuse the caches of the model and the code index (default true; never with untrusted). */
  cache?: boolean;
  /** Folder of those caches instead of the user cache folder. */
  cacheLocation?: string;
}

export const LINT_FORMATS = ['human', 'json'];
/** Other output formats (SARIF ...) register here. */
export const lintFormatters: Record<string, (check: NodeCheck, shown: Finding[]) => string> = {};

export async function lintCommand(o: Out, args: LintArgs): Promise<number> {
  // The trace command's module registers the other formats (SARIF); it loads only when one is asked for.
  if (!LINT_FORMATS.includes(args.format) && !lintFormatters[args.format]) require('./trace');
  if (!LINT_FORMATS.includes(args.format) && !lintFormatters[args.format]) throw new UsageError(`unknown --format '${args.format}' (human, json${Object.keys(lintFormatters).map((f) => `, ${f}`).join('')})`);
  const start = args.paths[0] ?? '.';
  const checkOpts = { trusted: !args.untrusted, code: args.code, cache: args.cache, cacheLocation: args.cacheLocation };
  let check = await checkPath(start, checkOpts);
  const scope = narrowTo(check.root, args.paths);
  if (args.fix) check = await fixAll(o, check, scope, args);
  for (const n of check.notes) if (args.format === 'human') o.err(`note: ${n.path}: ${n.reason}`);
  for (const p of check.problems) o.err(`warning: ${p}`);
  for (const e of check.result.internalErrors) o.err(`internal error in rule ${e.code}: ${e.message}`);
  let shown = check.result.findings.filter((f) => scope(f.file));
  if (args.quiet) shown = shown.filter((f) => f.severity === 'error');
  if (args.format === 'json') o.out(JSON.stringify(lintJson(check.root, check.result, shown), null, 2));
  else if (lintFormatters[args.format]) o.out(lintFormatters[args.format](check, shown));
  else printHuman(o, check.root, shown);
  const errors = shown.filter((f) => f.severity === 'error').length;
  const warnings = shown.filter((f) => f.severity === 'warning').length;
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    if (args.format === 'human') o.out(`too many warnings (${warnings}); maximum allowed is ${args.maxWarnings}`);
    return EXIT_FINDINGS;
  }
  if (check.result.internalErrors.length) return 2;
  return errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** Paths narrow what is reported, never what is loaded: references resolve against the whole workspace. */
function narrowTo(root: string, paths: string[]): (file: string) => boolean {
  if (paths.length === 0) return () => true;
  const prefixes = paths.map((p) => toWorkspacePath(root, p));
  if (prefixes.some((p) => p === undefined)) throw new UsageError(`every path must lie inside the workspace root ${root}`);
  if (prefixes.some((p) => p === '')) return () => true;
  return (file) => prefixes.some((p) => file === p || file.startsWith(`${p}/`));
}

const MAX_FIX_PASSES = 5;

/** Applies fixes of fixable rules, re-linting between passes, and lists every change. */
async function fixAll(o: Out, check: NodeCheck, scope: (f: string) => boolean, args: LintArgs): Promise<NodeCheck> {
  const log = (line: string) => (args.format === 'human' ? o.out(line) : o.err(line));
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixable = check.result.findings.filter((f) => f.fix && scope(f.file) && findRule(f.code)?.meta.fixable);
    if (fixable.length === 0) break;
    const byFile = new Map<string, { edits: TextEdit[]; from: Finding[] }>();
    for (const f of fixable)
      for (const e of f.fix!.edits) {
        const entry = byFile.get(e.file) ?? { edits: [], from: [] };
        entry.edits.push(e);
        entry.from.push(f);
        byFile.set(e.file, entry);
      }
    let changed = 0;
    for (const [file, { edits }] of byFile) {
      const abs = join(check.root, file);
      let before = '';
      try {
        before = await fs.readFile(abs, 'utf8');
      } catch {
        /* a fix may create a new file */
      }
      const { text, applied } = applyEdits(before, edits);
      if (text === before) continue;
      await writeAtomic(abs, text);
      changed += applied.length;
      for (const f of fixable.filter((x) => x.fix!.edits.some((e) => applied.includes(e))))
        log(`fixed ${file}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.code}  ${f.fix!.description}`);
    }
    if (changed === 0) break;
    check = await checkPath(check.root, { trusted: !args.untrusted, code: args.code, cache: args.cache, cacheLocation: args.cacheLocation });
  }
  return check;
}

async function writeAtomic(abs: string, text: string): Promise<void> {
  const tmp = `${abs}.spdf-tmp-${process.pid}`;
  await fs.writeFile(tmp, text);
  await fs.rename(tmp, abs);
}
