// @spdf implements SPDF-CMD-INIT
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXIT_OK, EXIT_USAGE, type Out } from '../io';
import { STARTER_FILES } from '../starter';
import { visible } from '../visible';

/** Writes a starter config and a small model into an empty (or new) folder; never overwrites. */
export function initCommand(o: Out, dir = '.'): number {
  const root = resolve(dir);
  if (existsSync(root) && readdirSync(root).length > 0) {
    o.err(`${visible(dir)} is not empty; spdf init only writes into an empty folder so nothing of yours is overwritten`);
    return EXIT_USAGE;
  }
  mkdirSync(root, { recursive: true });
  for (const [file, text] of Object.entries(STARTER_FILES)) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text, { flag: 'wx' });
    o.out(`created ${visible(join(dir, file))}`);
  }
  o.out('next: npx spdf lint ' + visible(dir));
  return EXIT_OK;
}
