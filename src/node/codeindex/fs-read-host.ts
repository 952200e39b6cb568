import * as fs from 'node:fs';
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
    // Synchronous: an async read's thread-pool round trips cost more than reading a small source file.
    readFile(file) {
      // The executor's throw becomes the rejection.
      return new Promise((resolve) => resolve(fs.readFileSync(abs(file))));
    },
    statSize(file) {
      try {
        return Promise.resolve(fs.statSync(abs(file)).size);
      } catch {
        return Promise.resolve(undefined);
      }
    },
  };
}
