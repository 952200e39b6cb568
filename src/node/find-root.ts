import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE } from '../core/model/config-file';

/** The workspace root: the nearest ancestor holding spdf.config.yaml, else the given folder (or a file's folder). */
export function findWorkspaceRoot(start: string): string {
  const abs = resolve(start);
  const dir = existsSync(abs) && statSync(abs).isFile() ? dirname(abs) : abs;
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, CONFIG_FILE))) return d;
    if (dirname(d) === d) return dir;
  }
}
