// @spdf implements SPDF-FC-WRITE
/** The one atomic write every webview export goes through; no `vscode` import, so tests run it with a fake file system. */

/** The part of `vscode.workspace.fs` an atomic write needs. */
export interface AtomicFs<U> {
  /** `permissions` bit 1 is `vscode.FilePermission.Readonly`; rejects for a file that does not exist. */
  stat(uri: U): PromiseLike<{ permissions?: number }>;
  writeFile(uri: U, content: Uint8Array): PromiseLike<void>;
  rename(source: U, target: U, options: { overwrite: boolean }): PromiseLike<void>;
  delete(uri: U): PromiseLike<void>;
}

const READONLY = 1;

/**
 * Writes `data` to `temp` (a sibling of `target`) and renames it over `target`, so a reader never sees a
 * half-written file and a failed write leaves the old file as it was. The temporary file is removed on failure.
 * A read-only target is not replaced (a rename would, without a word).
 */
export async function writeAtomic<U>(fs: AtomicFs<U>, target: U, temp: U, data: Uint8Array): Promise<void> {
  const permissions = await Promise.resolve(fs.stat(target)).then(
    (s) => s.permissions ?? 0,
    () => 0,
  );
  if (permissions & READONLY) throw new Error('the file is read-only; not replaced');
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
