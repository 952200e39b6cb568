// @spdf implements SPDF-FC-SYMLINK
import { promises as fs, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { Host } from '../core/host';
import { boundedReads, type BoundedBytes } from './bounded-read';
import { workspacePath } from './codeindex/fs-read-host';
import { IndexNotes, type IndexNote } from './codeindex/index-notes';
import { walkWorkspace, walkWouldList, type WalkAnswer, type WalkedDirs, type WalkOptions } from './codeindex/workspace-walker';
import { isInside } from './path-inside';
import { readRegularFileSync } from './regular-file';

export interface WalkNote {
  path: string;
  reason: string;
}

/**
 * The real file system as a core Host. Listing is the workspace walk shared with the code index
 * (.gitignore honoured, symlink loops and links out of the root noted once, node_modules and .git never entered).
 */
export class FsHost implements Host {
  private readonly walkNotes = new IndexNotes();
  private listing?: Promise<string[]>;
  private listed?: Set<string>;
  private walkedDirs?: WalkedDirs;
  private rootReal?: Promise<string>;
  /** A listed file's path under the root (joined cheaply: a cold run reads thousands). */
  private readonly under: (file: string) => string;

  constructor(
    readonly root: string,
    /** How the listing walks (`sync` for a CLI command). */
    private readonly walkOptions: Pick<WalkOptions, 'sync'> = {},
  ) {
    this.under = workspacePath(root);
  }

  get notes(): WalkNote[] {
    return this.walkNotes.list().map((n) => ({ path: n.file, reason: n.message }));
  }

  /** The walk's notes with their kinds. */
  get skipped(): IndexNote[] {
    return this.walkNotes.list();
  }

  listFiles(): Promise<string[]> {
    this.listing ??= walkWorkspace(this.root, { ...this.walkOptions, notes: this.walkNotes }).then((r) => {
      this.listed = new Set(r.files);
      this.walkedDirs = r.dirs;
      return r.files;
    });
    return this.listing;
  }

  /**
   * Whether a walk of the root would list `path` now, or note it as an entry it does not read (a file created or
   * changed since the listing): the walk's own rules for that one path (src/node/codeindex/workspace-walker.ts) with the
   * folders the latest walk entered; a folder on the way that walk did not enter (created since) walks the root again
   * for its folders (not its listing: the files the host reads stay those of its load), once for a burst of files
   * created there. `absentAsFile`: a path not on disk is judged as the regular file it will be (an open document).
   */
  async wouldList(path: string, absentAsFile = false): Promise<WalkAnswer> {
    await this.listFiles();
    const ask = () => walkWouldList(this.root, path, this.walkedDirs ?? new Map(), { ...this.walkOptions, absentAsFile });
    const answer = await ask();
    if (answer !== undefined) return answer;
    this.walkedDirs = (await walkWorkspace(this.root, this.walkOptions)).dirs;
    return (await ask()) ?? 'skipped';
  }

  // Synchronous calls: for thousands of small files, each async call's thread-pool round trip (open, fstat,
  // read, close) costs several times the read itself.
  async readFile(path: string): Promise<Uint8Array> {
    if (this.listed?.has(path)) return readFileSync(join(this.root, path));
    await this.refuseOutside(path);
    // A path the walk did not list (an SBOM the model names...) may be a FIFO, which would block the read.
    return readRegularFileSync(join(this.root, path));
  }

  /**
   * `path` changed on disk since the walk (a watcher said so): it may be a FIFO now, which a read of a listed path would
   * wait on forever. It is read from now on as a path the walk never listed (checked before it is opened).
   */
  changed(path: string): void {
    this.listed?.delete(path);
  }

  async readPrefix(path: string, bytes: number): Promise<Uint8Array> {
    const listed = this.readPrefixSync(path, bytes);
    return listed ?? (await this.readFile(path)).subarray(0, bytes);
  }

  async statSize(path: string): Promise<number | undefined> {
    try {
      await this.refuseOutside(path);
      return statSync(join(this.root, path)).size;
    } catch {
      return undefined;
    }
  }

  /**
   * The bytes of a file the walk listed, or its size when over `maxBytes`, in one bounded read (bounded-read.ts: open,
   * fstat, read, where statSize and readFile look the path up twice); undefined for a path not listed (use those).
   */
  readUpToSync(path: string, maxBytes: number): BoundedBytes | undefined {
    return this.listed?.has(path) ? boundedReads().readFileUpToSync(this.under(path), maxBytes) : undefined;
  }

  /** The first `bytes` bytes of a file the walk listed (bounded-read.ts); undefined for a path not listed (use readFile). */
  readPrefixSync(path: string, bytes: number): Buffer | undefined {
    return this.listed?.has(path) ? boundedReads().readFilePrefixSync(this.under(path), bytes) : undefined;
  }

  /** The walk already kept links that leave the root out of the listing; a path named otherwise is checked here. */
  private async refuseOutside(path: string): Promise<void> {
    if (this.listed?.has(path)) return;
    const real = await fs.realpath(join(this.root, path)).catch(() => undefined);
    if (real === undefined) return; // the read itself reports a missing or unreadable file
    this.rootReal ??= fs.realpath(this.root).catch(() => resolve(this.root));
    if (!isInside(await this.rootReal, real)) throw new Error(`${path} is a symbolic link to ${real}, outside the workspace root; not read`);
  }

  abs(path: string): string {
    return join(this.root, path);
  }
}

export function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}
