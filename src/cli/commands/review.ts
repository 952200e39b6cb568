// @spdf implements SPDF-CMD-REVIEW
import { checkPath } from '../../node/workspace';
import { defaultReviewer, recordReviews } from '../../node/review';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type Out } from '../io';
import { parseCommand } from '../parse-command';
import { visible } from '../visible';
import { checkPathOptions, WORKSPACE_FLAGS, WORKSPACE_FLAGS_USAGE } from '../workspace-flags';
import { linkStatuses } from './links';

/** `spdf review --all | ID...`: records the current code and target of links as reviewed in the lock file. */
const USAGE = `usage: spdf review --all | ID... [options]
Records the current code and target of code links as reviewed in spdf.lock.json.
  --all             every link not yet reviewed or suspect
  --reviewer NAME   (default: $SPDF_REVIEWER, else the OS user name)
  --root DIR        the workspace (default: the one holding the current folder)
  --dry-run         list what would be marked, write nothing
  ${WORKSPACE_FLAGS_USAGE}`;

export async function reviewCommand(o: Out, args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    args,
    { all: { type: 'boolean', default: false }, reviewer: { type: 'string' }, root: { type: 'string', default: '.' }, 'dry-run': { type: 'boolean', default: false }, ...WORKSPACE_FLAGS },
    Infinity,
  );
  if (values.help) return (o.out(USAGE), EXIT_OK);
  if (!values.all && positionals.length === 0) throw new UsageError('usage: spdf review --all | ID... [--reviewer NAME] [--root DIR]');
  const check = await checkPath(values.root, checkPathOptions(values));
  const wanted = new Set(positionals);
  const chosen = linkStatuses(check)
    .filter((r) => r.status !== 'unknown-target' && (values.all || wanted.has(r.link.id)))
    .filter((r) => r.status !== 'reviewed')
    .map((r) => r.link);
  const missing = positionals.filter((id) => !linkStatuses(check).some((r) => r.link.id === id));
  for (const id of missing) o.err(`no code link names ${visible(id)}`);
  if (chosen.length === 0) {
    o.out('nothing to review: every selected link is already reviewed and current');
    return missing.length ? EXIT_FINDINGS : EXIT_OK;
  }
  for (const l of chosen) o.out(`${values['dry-run'] ? 'would mark' : 'marking'} ${l.relation} ${visible(l.id)} on ${visible(l.file)}${l.symbol ? ` ${visible(l.symbol)}` : ''}`);
  if (values['dry-run']) return EXIT_OK;
  const outcome = await recordReviews(check.root, check.workspace.graph, chosen, values.reviewer ?? defaultReviewer(), { lockFile: check.workspace.config.lockFile });
  if (outcome.ok) o.out(visible(outcome.message));
  else o.err(visible(outcome.message));
  return outcome.ok && !missing.length ? EXIT_OK : EXIT_FINDINGS;
}
