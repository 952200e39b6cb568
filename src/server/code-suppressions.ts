// @spdf implements SPDF-LSP-INCR
import type { Suppression } from '../core/model/graph';
import { scanSuppressions } from '../core/model/suppressions';
import { SourceText } from '../core/text';
import type { ServerCodeIndex } from './code-index';

/** The `spdf-disable-next-line` comments of the workspace's source files, by file: the code rules' run applies them. */
export class CodeSuppressions {
  private readonly byFile = new Map<string, Suppression[]>();

  all(): Suppression[] {
    return [...this.byFile.values()].flat();
  }

  clear(): void {
    this.byFile.clear();
  }

  delete(path: string): void {
    this.byFile.delete(path);
  }

  /** Notes the comments of one source file's text; whether they differ from those noted before. */
  note(path: string, text: string): boolean {
    const before = JSON.stringify(this.byFile.get(path) ?? []);
    if (text.includes('spdf-disable-next-line')) this.byFile.set(path, scanSuppressions(new SourceText(path, text)));
    else this.byFile.delete(path);
    return before !== JSON.stringify(this.byFile.get(path) ?? []);
  }

  /** Reads those of every source file the index reads that is not open; open ones are refreshed by the caller. */
  async readAll(code: ServerCodeIndex, sortedFiles: readonly string[], overlays: ReadonlyMap<string, string>, readText: (p: string) => Promise<string | undefined>): Promise<void> {
    const closed = sortedFiles.filter((p) => code.languageOf(p) && !overlays.has(p));
    await Promise.all(
      closed.map(async (p) => {
        const text = await readText(p);
        if (text !== undefined) this.note(p, text);
      }),
    );
  }
}
