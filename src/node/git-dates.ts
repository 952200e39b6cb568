// @spdf implements SPDF-FC-GIT-HISTORY
import { gitOutput } from './git-output';

/**
 * Last commit time (ms) of every tracked file under `root`, from one `git log` walk; an empty map
 * outside a git repository or when git is missing. Paths are relative to `root`.
 */
export function gitFileDates(root: string): Map<string, number> {
  const dates = new Map<string, number>();
  const out = gitOutput(root, ['log', '--format=@%ct', '--name-only', '--relative', '--no-renames', '--', '.'], { maxBuffer: 256 * 1024 * 1024 });
  if (out === undefined) return dates;
  let current = 0;
  for (const line of out.split('\n')) {
    if (line.startsWith('@')) current = Number(line.slice(1)) * 1000;
    else if (line && !dates.has(line)) dates.set(line, current);
  }
  return dates;
}

/**
 * Why git cannot date the files of `root` for TM007 (stale model), if it cannot: no repository or no git, or a shallow
 * clone (CI checkouts of depth 1 date every file to the one commit fetched, so no model file ever looks stale).
 */
export function gitHistoryProblem(root: string): string | undefined {
  const shallow = gitOutput(root, ['rev-parse', '--is-shallow-repository']);
  if (shallow === undefined)
    return 'TM007 (stale model) needs file dates from git, and this folder is not in a git repository (or git is not installed): no model file was checked for staleness; run in a clone with history or turn TM007 off';
  if (shallow.trim() === 'true')
    return 'TM007 (stale model) needs file dates from git, and this clone is shallow: every file dates from the last commit fetched, so no model file can look stale; fetch the whole history (git fetch --unshallow; actions/checkout: fetch-depth: 0) or turn TM007 off';
  return undefined;
}
