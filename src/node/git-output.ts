import { execFileSync } from 'node:child_process';

/**
 * What `git ARGS` prints in `cwd` (UTF-8), or undefined when git is missing, fails or `cwd` is not in a repository.
 * No `env` option: the whole-result cache replays only plain-data calls (an env copy lists the environment).
 */
export function gitOutput(cwd: string, args: readonly string[], limits: { maxBuffer?: number; timeout?: number } = {}): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], ...limits });
  } catch {
    return undefined;
  }
}
