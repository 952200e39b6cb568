// @spdf implements SPDF-CLI-001
import { checkCommand } from './commands/check';
import { guarded } from './guard';
import type { Out } from './io';

/** For dist/cli.js: the whole-result cache proves a changed source file's index the same with it (bin.ts). */
export { rederive } from '../node/result-cache-derived';

/** `spdf check` alone (bundled to dist/cli-check.js): answers as `main(['check', ...])` of main.ts, loading only what it uses. */
export function main(argv: string[], o: Out): Promise<number> {
  return guarded(o, () => checkCommand(o, argv.slice(1)));
}
