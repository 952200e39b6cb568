import * as fs from 'node:fs';
import * as path from 'node:path';
import { boundedReads } from '../bounded-read';
import type { BoundedReadHost } from './source-bytes';
import { walkWorkspace, type WalkOptions } from './workspace-walker';

/** A Host over the real file system under `root` (listing honours .gitignore and the always-skipped folders). */
export function createFsReadHost(root: string, walkOptions: WalkOptions = {}): BoundedReadHost {
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
    readUpToSync(file, maxBytes) {
      return boundedReads().readFileUpToSync(abs(file), maxBytes);
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
