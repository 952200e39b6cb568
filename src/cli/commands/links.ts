// @spdf implements SPDF-CMD-LINKS, SPDF-FC-REPORTS
import type { CodeLink, CodeProblemKind } from '../../core/codelinks/model';
import { byPlace, unreadCodeOf } from '../../core/codelinks/unread-code';
import type { Range } from '../../core/types';
import { DOUBTFUL_LINK_RULES as RULES_OF_DOUBTFUL_LINKS } from '../../core/rules/load-problem-rules';
import { effectiveSeverity } from '../../core/rules/rule-severity';
import { parseReviewLock } from '../../core/codelinks/review-lock';
import { ReviewLockIndex, reviewStatusOf } from '../../core/codelinks/review-status';
import { unscannedProblem } from '../../core/codelinks/unscanned-files';
import { UNSCANNED_KINDS } from '../../node/codeindex/index-notes';
import { loadWithoutRules, type NodeCheck } from '../../node/load-path';
import { formatLoadProblem, loadProblems } from '../../node/load-problems';
import { targetHashOf } from '../../node/review';
import { EXIT_FINDINGS, EXIT_OK, type Out } from '../io';
import { visible } from '../visible';
import { checkFormat, parseCommand } from '../parse-command';
import { checkPathOptions, WORKSPACE_FLAGS, WORKSPACE_FLAGS_USAGE } from '../workspace-flags';

export type LinkStatus = 'reviewed' | 'suspect' | 'unreviewed' | 'unknown-target';

export function allLinks(check: NodeCheck): CodeLink[] {
  return (check.inputs.code?.files ?? []).flatMap((f) => f.links);
}

/**
 * Review status of each link against the lock file. A target's hash is made only for a link the lock holds (a link it
 * does not hold is unreviewed whatever the hash), and once per ID.
 */
export function linkStatuses(check: NodeCheck): { link: CodeLink; status: LinkStatus }[] {
  const lock = new ReviewLockIndex(parseReviewLock(check.inputs.lockText).lock);
  const graph = check.workspace.graph;
  const hashes = new Map<string, string | undefined>();
  return allLinks(check).map((link) => {
    if (!graph.byId.has(link.id)) return { link, status: 'unknown-target' as const };
    if (!lock.has(link)) return { link, status: 'unreviewed' as const };
    if (!hashes.has(link.id)) hashes.set(link.id, targetHashOf(graph, link.id));
    return { link, status: reviewStatusOf(link, hashes.get(link.id), lock).state };
  });
}

const USAGE = `usage: spdf links [dir] [options]
Lists every code link (id, relation, file, symbol, review status) of the workspace that holds dir (default: the current folder).
Exit 1 when a tag became no link, a link names an ID the model does not define, or a model file, a source file or
the review lock could not be read (the statuses listed would not be true).
  -f, --format human|json
  ${WORKSPACE_FLAGS_USAGE}`;

export interface TagProblemRow {
  file: string;
  range: Range;
  severity: 'error' | 'warning';
  /** The lint rule that reports the same problem; absent for a file that could not be indexed. */
  code?: string;
  message: string;
  suggestion?: string;
}

/** Problems of links that count but may claim the wrong code, code that is not built or a test that does not run, with the rule that reports them. */
const DOUBTFUL_LINK_RULES: ReadonlyMap<CodeProblemKind, keyof typeof RULES_OF_DOUBTFUL_LINKS> = new Map([
  ['tag-near-syntax-error', 'CL009'],
  ['tag-in-disabled-code', 'CL013'],
  ['verifies-skipped-test', 'CL014'],
]);

/**
 * Tags whose evidence does not count or may count for the wrong code: errors for tag-like text that could not be read
 * (CL008), files that could not be indexed and files that may hold tags the index did not read, warnings for tags attached to no symbol (CL002), and tags next to
 * syntax errors (CL009), in code no build compiles (CL013) or on tests no run runs (CL014) at the rule's severity (an error unless the config lowers it; none when it is off).
 */
export function tagProblems(check: NodeCheck): TagProblemRow[] {
  const rows: TagProblemRow[] = [];
  const severityOf = new Map([...DOUBTFUL_LINK_RULES].map(([kind, code]) => [kind, effectiveSeverity(RULES_OF_DOUBTFUL_LINKS[code], check.workspace)]));
  for (const f of check.inputs.code?.files ?? []) {
    for (const p of f.problems) {
      const unread = unreadCodeOf(f.file, p);
      const code = DOUBTFUL_LINK_RULES.get(p.kind);
      const severity = severityOf.get(p.kind);
      if (unread) rows.push({ ...unread, severity: 'error' });
      else if (code && severity && severity !== 'off') rows.push({ file: f.file, range: p.range, severity: severity === 'error' ? 'error' : 'warning', code, message: p.message });
    }
    for (const t of f.orphanTags) {
      rows.push({ file: f.file, range: t.idRange, severity: 'warning', code: 'CL002', message: `tag for '${t.id}' is attached to no symbol, so it is no link` });
    }
  }
  for (const n of check.inputs.code?.notes ?? []) if (UNSCANNED_KINDS.has(n.kind)) rows.push({ ...unscannedProblem(n), severity: 'error' });
  return rows.sort(byPlace);
}

export async function linksCommand(o: Out, args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(args, { format: { type: 'string', short: 'f', default: 'human' }, ...WORKSPACE_FLAGS }, 1);
  if (values.help) return (o.out(USAGE), EXIT_OK);
  checkFormat(values.format, ['human', 'json']);
  // Every link's position is printed below, in either format.
  const check = await loadWithoutRules(positionals[0] ?? '.', { ...checkPathOptions(values), readsLinkPositions: true });
  const load = loadProblems(check);
  for (const p of load) o.err(visible(formatLoadProblem(p)));
  for (const p of check.problems) o.err(visible(`warning: ${p}`));
  const rows = linkStatuses(check);
  const problems = tagProblems(check);
  // Fails on warnings too: every row is a tag whose evidence does not count, or may count for the wrong code. A model
  // that did not load, a link to an ID it does not define or a lock that was not read (every review status shown a
  // guess) make the statuses listed untrue.
  const unreadInputs = [...load.filter((p) => p.severity === 'error').map(formatLoadProblem), ...check.lockProblems, ...check.unread];
  const unread = unreadInputs.length > 0 || rows.some((r) => r.status === 'unknown-target');
  const exitCode = problems.length || unread ? EXIT_FINDINGS : EXIT_OK;
  if (values.format === 'json') {
    o.out(
      JSON.stringify(
        {
          version: 1,
          links: rows.map(({ link: l, status }) => ({
            id: l.id,
            relation: l.relation,
            file: l.file,
            symbol: l.symbol,
            line: l.range.start.line + 1,
            column: l.range.start.character + 1,
            symbolRange: { startLine: l.symbolRange.start.line + 1, endLine: l.symbolRange.end.line + 1 },
            ...(l.lines ? { lines: { startLine: l.lines.start + 1, endLine: l.lines.end + 1 } } : {}),
            syntax: l.syntax,
            ...(l.revision !== undefined ? { revision: l.revision } : {}),
            status,
          })),
          problems: problems.map((p) => ({
            file: p.file,
            line: p.range.start.line + 1,
            column: p.range.start.character + 1,
            endLine: p.range.end.line + 1,
            endColumn: p.range.end.character + 1,
            severity: p.severity,
            ...(p.code ? { code: p.code } : {}),
            message: p.message,
            ...(p.suggestion ? { suggestion: p.suggestion } : {}),
          })),
          // Inputs not read: every status listed may be untrue (a model file, the review lock, a walked entry).
          ...(unreadInputs.length ? { inputProblems: unreadInputs } : {}),
        },
        null,
        2,
      ),
    );
    return exitCode;
  }
  for (const { link: l, status } of rows)
    o.out(
      `${visible(l.file)}:${l.range.start.line + 1}:${l.range.start.character + 1}  ${l.relation.padEnd(10)} ${visible(l.id).padEnd(14)} ${visible((l.symbol ?? '<file>') + (l.lines ? ` lines ${l.lines.start + 1}-${l.lines.end + 1}` : '')).padEnd(36)} ${status}`,
    );
  for (const p of problems) o.err(visible(`${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}  ${p.severity.padEnd(7)} ${(p.code ?? '').padEnd(5)} ${p.message}`));
  const count = (s: LinkStatus) => rows.filter((r) => r.status === s).length;
  const errors = problems.filter((p) => p.severity === 'error').length;
  o.out(
    `${rows.length} links: ${count('reviewed')} reviewed, ${count('suspect')} suspect, ${count('unreviewed')} unreviewed, ${count('unknown-target')} to unknown IDs` +
      (problems.length ? `; tag problems: ${errors} error${errors === 1 ? '' : 's'}, ${problems.length - errors} warning${problems.length - errors === 1 ? '' : 's'}` : ''),
  );
  return exitCode;
}
