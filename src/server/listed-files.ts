// @spdf implements SPDF-LSP-WATCH
import type { Host } from '../core/host';
import { FsHost } from '../node/fs-host';

/**
 * The workspace files the editor reads: those the load's walk listed, then kept as a walk would list them now (a file
 * created, changed or deleted since; src/server/state.ts), so that the editor reads the files `spdf check` reads.
 */
export class ListedFiles {
  private set = new Set<string>();
  private list: string[] = [];

  /** Every listed file, sorted. */
  get sorted(): string[] {
    return this.list;
  }

  get paths(): ReadonlySet<string> {
    return this.set;
  }

  has(path: string): boolean {
    return this.set.has(path);
  }

  reset(listed: readonly string[]): void {
    this.set = new Set(listed);
    this.list = [...listed].sort();
  }

  add(path: string): void {
    this.set.add(path);
    this.list = [...this.set].sort();
  }

  delete(path: string): void {
    this.set.delete(path);
    this.list = [...this.set].sort();
  }
}

/**
 * Whether the walk of a load would list `path` now (a file created or changed since the load), or note it as not read
 * (a FIFO, a link to nothing: taken up, its read fails and says why, as the CLI says it); a host that does not walk
 * lists what it is told. `absentAsFile`: a path not on disk is judged as the regular file it will be (an open document).
 */
export async function walkLists(host: Host, path: string, absentAsFile = false): Promise<boolean> {
  return !(host instanceof FsHost) || (await host.wouldList(path, absentAsFile)) !== 'skipped';
}

/** A .gitignore file: it changes which files the workspace walk lists. */
export const isGitignore = (path: string): boolean => path === '.gitignore' || path.endsWith('/.gitignore');

/** The host to list the root again with (a .gitignore or the config changed which files are read): a fresh walk of the disk. */
export const relistHost = (host: Host, root: string): Host | undefined => (host instanceof FsHost ? new FsHost(root) : undefined);
