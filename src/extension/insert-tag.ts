// @spdf implements SPDF-LSP-ACTIONS
/**
 * The last step of "Insert tag": the line was chosen, and the server computes the edit, on the document as it was
 * when the command started, so the edit is applied only if the document is still that version; an edit made
 * meanwhile (during the pick, or while the server answered) would otherwise put the tag on the wrong line.
 * Pure (no 'vscode'), so mocha tests it.
 */
export interface InsertTagSteps<E> {
  /** The open document's version, or undefined when it is not open. */
  versionOf(uri: string): number | undefined;
  /** Asks the server for the edit. */
  request(): Promise<{ uri: string; edit: E } | null>;
  apply(uri: string, edit: E): Promise<boolean>;
  warn(message: string): void;
}

export type InsertTagOutcome = 'inserted' | 'not-applied' | 'no-edit' | 'changed';

/** `before`: the document's version when the line was chosen (`steps.versionOf` then). */
export async function insertTagIfUnchanged<E>(uri: string, before: number | undefined, steps: InsertTagSteps<E>): Promise<InsertTagOutcome> {
  const r = await steps.request();
  if (!r) return 'no-edit';
  if (r.uri !== uri || steps.versionOf(uri) !== before) {
    steps.warn('SPDF: the file changed while the tag was prepared; nothing was inserted. Run Insert tag again.');
    return 'changed';
  }
  return (await steps.apply(r.uri, r.edit)) ? 'inserted' : 'not-applied';
}
