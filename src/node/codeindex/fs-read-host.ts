import * as fs from 'node:fs';
import * as path from 'node:path';
import { boundedReads } from '../bounded-read';
import type { BoundedReadHost } from './source-bytes';
import { walkWorkspace, type WalkOptions } from './workspace-walker';

/** An empty, `.` or `..` segment (or a leading or trailing `/`): such a name goes through `path.join`. */
const UNCLEAN = /(?:^|\/)\.{0,2}(?:\/|$)/;

/**
 * `path.join(root, ...file.split('/'))` for the workspace's relative file names. A clean name (every segment a plain
 * name, as the walker lists them) is appended to the joined root as it is: joining and normalising each of 2,500 paths
 * cost a cold run 15-40 ms. Any other name, or another separator than `/`, is joined.
 */
export function workspacePath(root: string): (file: string) => string {
  const prefix = path.join(root, 'x').slice(0, -1);
  return path.sep === '/' ? (file) => (UNCLEAN.test(file) ? path.join(root, ...file.split('/')) : prefix + file) : (file) => path.join(root, ...file.split('/'));
}

/** A Host over the real file system under `root` (listing honours .gitignore and the always-skipped folders). */
export function createFsReadHost(root: string, walkOptions: WalkOptions = {}): BoundedReadHost {
  const abs = workspacePath(root);
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
    readPrefixSync(file, bytes) {
      return boundedReads().readFilePrefixSync(abs(file), bytes);
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
