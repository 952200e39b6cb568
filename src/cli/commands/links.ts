import { parseArgs } from 'node:util';
import type { CodeLink } from '../../core/codelinks/model';
import { parseReviewLock } from '../../core/codelinks/reviewLock';
import { ReviewLockIndex, reviewStatusOf } from '../../core/codelinks/reviewStatus';
import type { NodeCheck } from '../../node/workspace';
import { checkPath } from '../../node/workspace';
import { formatLoadProblem, loadProblems } from '../../node/load-problems';
import { targetHashOf } from '../../node/review';
import { EXIT_OK, UsageError, type Out } from '../io';

export type LinkStatus = 'reviewed' | 'suspect' | 'unreviewed' | 'unknown-target';

export function allLinks(check: NodeCheck): CodeLink[] {
  return (check.inputs.code?.files ?? []).flatMap((f) => f.links);
}

/** Review status of each link against the lock file. */
export function linkStatuses(check: NodeCheck): { link: CodeLink; status: LinkStatus }[] {
  const lock = new ReviewLockIndex(parseReviewLock(check.inputs.lockText).lock);
  return allLinks(check).map((link) => {
    const th = targetHashOf(check.workspace.graph, link.id);
    if (th === undefined) return { link, status: 'unknown-target' as const };
    return { link, status: reviewStatusOf(link, th, lock).state };
  });
}

export async function linksCommand(o: Out, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', short: 'f', default: 'human' }, untrusted: { type: 'boolean', default: false } } });
  if (values.format !== 'human' && values.format !== 'json') throw new UsageError(`unknown --format '${values.format}' (human, json)`);
  const check = await checkPath(positionals[0] ?? '.', { trusted: !values.untrusted });
  for (const p of loadProblems(check)) o.err(formatLoadProblem(p));
  for (const p of check.problems) o.err(`warning: ${p}`);
  const rows = linkStatuses(check);
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
            syntax: l.syntax,
            ...(l.revision !== undefined ? { revision: l.revision } : {}),
            status,
          })),
        },
        null,
        2,
      ),
    );
    return EXIT_OK;
  }
  for (const { link: l, status } of rows) o.out(`${l.file}:${l.range.start.line + 1}:${l.range.start.character + 1}  ${l.relation.padEnd(10)} ${l.id.padEnd(14)} ${(l.symbol ?? '<file>').padEnd(36)} ${status}`);
  const count = (s: LinkStatus) => rows.filter((r) => r.status === s).length;
  o.out(`${rows.length} links: ${count('reviewed')} reviewed, ${count('suspect')} suspect, ${count('unreviewed')} unreviewed, ${count('unknown-target')} to unknown IDs`);
  return EXIT_OK;
}
