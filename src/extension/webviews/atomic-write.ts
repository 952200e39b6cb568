/** The one atomic write every webview export goes through; no `vscode` import, so tests run it with a fake file system. */

/** The part of `vscode.workspace.fs` an atomic write needs. */
export interface AtomicFs<U> {
  writeFile(uri: U, content: Uint8Array): PromiseLike<void>;
  rename(source: U, target: U, options: { overwrite: boolean }): PromiseLike<void>;
  delete(uri: U): PromiseLike<void>;
}

/**
 * Writes `data` to `temp` (a sibling of `target`) and renames it over `target`, so a reader never sees a
 * half-written file and a failed write leaves the old file as it was. The temporary file is removed on failure.
 */
export async function writeAtomic<U>(fs: AtomicFs<U>, target: U, temp: U, data: Uint8Array): Promise<void> {
  try {
    await fs.writeFile(temp, data);
    await fs.rename(temp, target, { overwrite: true });
  } catch (e) {
    try {
      await fs.delete(temp);
    } catch {
      // The temporary file was never created.
    }
    throw e;
  }
}

/** `.name.spdf-tmp-<suffix>` next to `path` (a POSIX path). */
export function tempSibling(path: string, suffix: string): string {
  return path.replace(/([^/]*)$/, (base) => `.${base}.spdf-tmp-${suffix}`);
}
