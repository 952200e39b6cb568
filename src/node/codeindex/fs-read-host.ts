import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Host } from '../../core/host';
import { walkWorkspace, type WalkOptions } from './workspace-walker';

/** A Host over the real file system under `root` (listing honours .gitignore and the always-skipped folders). */
export function createFsReadHost(root: string, walkOptions: WalkOptions = {}): Host {
  const abs = (file: string) => path.join(root, ...file.split('/'));
  return {
    async listFiles() {
      return (await walkWorkspace(root, walkOptions)).files;
    },
    async readFile(file) {
      return fs.readFile(abs(file));
    },
    async statSize(file) {
      try {
        return (await fs.stat(abs(file))).size;
      } catch {
        return undefined;
      }
    },
  };
}
