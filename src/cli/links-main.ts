// @spdf implements SPDF-CLI-001
import { linksCommand } from './commands/links';
import { guarded } from './guard';
import type { Out } from './io';

/** For dist/cli.js: the whole-result cache proves a changed source file's index the same with it (bin.ts). */
export { rederive } from '../node/result-cache-derived';

/** `spdf links` alone (bundled to dist/cli-links.js): answers as `main(['links', ...])` of main.ts, loading only what it uses. */
export function main(argv: string[], o: Out): Promise<number> {
  return guarded(o, () => linksCommand(o, argv.slice(1)));
}
