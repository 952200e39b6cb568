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
