import type { Position } from '../../core/types';

/** Why a file was left out of the code index; each skipped file is reported once. */
export type IndexNoteKind = 'unreadable' | 'binary' | 'oversize' | 'symlink-loop' | 'outside-root' | 'vanished' | 'no-language';

/**
 * Files that may hold tags the index did not read: the gate fails on them, as on any input it could not read. A file
 * listed and gone before it was read is one: the run saw neither the workspace before nor the one after.
 */
export const UNSCANNED_KINDS: ReadonlySet<IndexNoteKind> = new Set(['unreadable', 'oversize', 'no-language', 'vanished']);

export interface IndexNote {
  /** Workspace-relative POSIX path. */
  file: string;
  kind: IndexNoteKind;
  message: string;
  /** Where in the file the reason is (the tag text of a `no-language` file). */
  at?: Position;
}

export class IndexNotes {
  private readonly byFile = new Map<string, IndexNote>();

  add(file: string, kind: IndexNoteKind, message: string, at?: Position): void {
    if (!this.byFile.has(file)) this.byFile.set(file, { file, kind, message, ...(at ? { at } : {}) });
  }

  has(file: string): boolean {
    return this.byFile.has(file);
  }

  list(): IndexNote[] {
    return [...this.byFile.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }
}

export function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}
