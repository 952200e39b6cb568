// @spdf implements SPDF-CMD-REVIEW, SPDF-FC-REPORTS
import { checkPath } from '../../node/workspace';
import { formatLoadProblem, loadProblems } from '../../node/load-problems';
import * as path from 'node:path';
import { defaultReviewer, pruneReviews, recordReviews } from '../../node/review';
import type { NodeCheck } from '../../node/workspace';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type Out } from '../io';
import { parseCommand } from '../parse-command';
import { visible } from '../visible';
import { checkPathOptions, WORKSPACE_FLAGS, WORKSPACE_FLAGS_USAGE } from '../workspace-flags';
import { allLinks, linkStatuses } from './links';

/** `spdf review --all | ID...`: records the current code and target of links as reviewed in the lock file. */
const USAGE = `usage: spdf review --all | ID... | --prune [options]
Records the current code and target of code links as reviewed in spdf.lock.json.
  --all             every link not yet reviewed or suspect
  --prune           also drop the lock's entries whose link no longer exists (deleted file, removed tag, renamed
                    symbol); entries of files that could not be read or indexed are kept
  --reviewer NAME   (default: $SPDF_REVIEWER, else the OS user name)
  --root DIR        the workspace (default: the one holding the current folder)
  --dry-run         list what would be marked (and say how many entries would be pruned), write nothing
  ${WORKSPACE_FLAGS_USAGE}`;

export async function reviewCommand(o: Out, args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    args,
    {
      all: { type: 'boolean', default: false },
      prune: { type: 'boolean', default: false },
      reviewer: { type: 'string' },
      root: { type: 'string', default: '.' },
      'dry-run': { type: 'boolean', default: false },
      ...WORKSPACE_FLAGS,
    },
    Infinity,
  );
  if (values.help) return (o.out(USAGE), EXIT_OK);
  if (!values.all && !values.prune && positionals.length === 0) throw new UsageError('usage: spdf review --all | ID... | --prune [--reviewer NAME] [--root DIR]');
  const check = await checkPath(values.root, checkPathOptions(values));
  // A review records the target as read now: read from a model that did not load, it would be a record of what nobody saw.
  const broken = loadProblems(check).filter((p) => p.severity === 'error');
  for (const p of broken) o.err(visible(formatLoadProblem(p)));
  // A dry run answers as the run would: nothing recorded, exit 1.
  if (broken.length && (values.all || positionals.length)) {
    o.err(`spdf review: the model did not load (above), so the targets of the links cannot be read as they are; nothing ${values['dry-run'] ? 'would be ' : ''}recorded`);
    return EXIT_FINDINGS;
  }
  const marked = await mark(o, check, values.all, positionals, values.reviewer, values['dry-run']);
  if (!values.prune) return marked;
  if (!check.inputs.code) return (o.err('nothing was pruned: the code was not indexed'), EXIT_FINDINGS);
  const pruned = await pruneReviews(check.root, allLinks(check), unreadFiles(check), { lockFile: check.workspace.config.lockFile, dryRun: values['dry-run'] });
  if (pruned.ok) o.out(visible(pruned.message));
  else o.err(visible(pruned.message));
  return pruned.ok ? marked : EXIT_FINDINGS;
}

/** Source files whose links are unknown: skipped by the walk, or not indexed (workspace-relative, `/`-separated). */
function unreadFiles(check: NodeCheck): Set<string> {
  const rel = (p: string) => path.relative(check.root, path.resolve(check.root, p)).split(path.sep).join('/');
  const unread = new Set(check.notes.map((n) => rel(n.path)));
  for (const f of check.inputs.code?.files ?? []) if (f.problems.some((p) => p.kind === 'internal')) unread.add(f.file);
  return unread;
}

async function mark(o: Out, check: NodeCheck, all: boolean, positionals: string[], reviewer: string | undefined, dryRun: boolean): Promise<number> {
  if (!all && positionals.length === 0) return EXIT_OK;
  const wanted = new Set(positionals);
  const chosen = linkStatuses(check)
    .filter((r) => r.status !== 'unknown-target' && (all || wanted.has(r.link.id)))
    .filter((r) => r.status !== 'reviewed')
    .map((r) => r.link);
  const missing = positionals.filter((id) => !linkStatuses(check).some((r) => r.link.id === id));
  for (const id of missing) o.err(`no code link names ${visible(id)}`);
  if (chosen.length === 0) {
    o.out('nothing to review: every selected link is already reviewed and current');
    return missing.length ? EXIT_FINDINGS : EXIT_OK;
  }
  for (const l of chosen) o.out(`${dryRun ? 'would mark' : 'marking'} ${l.relation} ${visible(l.id)} on ${visible(l.file)}${l.symbol ? ` ${visible(l.symbol)}` : ''}`);
  if (dryRun) return EXIT_OK;
  const outcome = await recordReviews(check.root, check.workspace.graph, chosen, reviewer ?? defaultReviewer(), { lockFile: check.workspace.config.lockFile });
  if (outcome.ok) o.out(visible(outcome.message));
  else o.err(visible(outcome.message));
  return outcome.ok && !missing.length ? EXIT_OK : EXIT_FINDINGS;
}
