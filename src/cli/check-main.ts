// @spdf implements SPDF-CLI-001
import { checkCommand } from './commands/check';
import { guarded } from './guard';
import type { Out } from './io';

/** `spdf check` alone (bundled to dist/cli-check.js): answers as `main(['check', ...])` of main.ts, loading only what it uses. */
export function main(argv: string[], o: Out): Promise<number> {
  return guarded(o, () => checkCommand(o, argv.slice(1)));
}
