import { promises as fs } from 'node:fs';
import { join, sep } from 'node:path';
import type { Host } from '../core/host';
import { IndexNotes } from './codeindex/indexNotes';
import { walkWorkspace } from './codeindex/workspaceWalker';

export interface WalkNote {
  path: string;
  reason: string;
}

/**
 * The real file system as a core Host. Listing is the workspace walk shared with the code index
 * (.gitignore honoured, symlink loops noted once, node_modules and .git never entered).
 */
export class FsHost implements Host {
  private readonly walkNotes = new IndexNotes();
  private listing?: Promise<string[]>;

  constructor(readonly root: string) {}

  get notes(): WalkNote[] {
    return this.walkNotes.list().map((n) => ({ path: n.file, reason: n.message }));
  }

  listFiles(): Promise<string[]> {
    this.listing ??= walkWorkspace(this.root, { notes: this.walkNotes }).then((r) => r.files);
    return this.listing;
  }

  async readFile(path: string): Promise<Uint8Array> {
    return fs.readFile(join(this.root, path));
  }

  async statSize(path: string): Promise<number | undefined> {
    try {
      return (await fs.stat(join(this.root, path))).size;
    } catch {
      return undefined;
    }
  }

  abs(path: string): string {
    return join(this.root, path);
  }
}

export function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}
