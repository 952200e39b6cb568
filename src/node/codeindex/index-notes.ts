/** Why a file was left out of the code index; each skipped file is reported once. */
export type IndexNoteKind = 'unreadable' | 'binary' | 'oversize' | 'symlink-loop' | 'outside-root' | 'vanished';

export interface IndexNote {
  /** Workspace-relative POSIX path. */
  file: string;
  kind: IndexNoteKind;
  message: string;
}

export class IndexNotes {
  private readonly byFile = new Map<string, IndexNote>();

  add(file: string, kind: IndexNoteKind, message: string): void {
    if (!this.byFile.has(file)) this.byFile.set(file, { file, kind, message });
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
