// @spdf implements SPDF-IMPORT-THREAGILE-INCLUDES
import { promises as fs } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { ReadSource } from '../core/import/model-types';
import { readImportText } from './import-source-bytes';
import { isInside } from './path-inside';

/** The import root of a named input: the current folder when the input lies in it, else the folder named or the file's folder. */
export function importRoot(input: string, isFolder: boolean): string {
  const abs = resolve(input);
  return isInside(process.cwd(), abs) ? process.cwd() : isFolder ? abs : dirname(abs);
}

/**
 * Reads the files an imported source includes, by paths relative to the current folder, only inside `root`:
 * a path that leaves it, as written or through a symbolic link, is refused, and so is anything but a regular
 * file (a FIFO would block the import) and a file over the size limit or not UTF-8 (`readImportText`).
 */
export function includeReader(root: string): ReadSource {
  const top = resolve(root);
  const rootName = `the import root (${relative(process.cwd(), top).split(sep).join('/') || '.'})`;
  const realTop = fs.realpath(top).catch(() => top);
  return async (path) => {
    const abs = resolve(path);
    if (!isInside(top, abs)) return { error: `outside ${rootName}`, found: false };
    const real = await fs.realpath(abs).catch((e: NodeJS.ErrnoException) => e);
    if (real instanceof Error) return { error: `cannot read (${real.code ?? real.message})`, found: false };
    if (!isInside(await realTop, real)) return { error: `leads outside ${rootName} through a symbolic link`, found: false };
    const got = await readImportText(real);
    return 'error' in got ? { error: got.error, found: !got.refused } : got;
  };
}
