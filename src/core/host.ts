/**
 * The only way the core reaches files. Paths are workspace-relative with POSIX separators.
 * Implementations live in src/node (real fs) and in tests (in-memory, with injected failures).
 */
export interface Host {
  /** Every candidate file under the workspace root (the host applies ignore rules it knows about). */
  listFiles(): Promise<string[]>;
  /** Raw bytes; rejects when the file cannot be read. */
  readFile(path: string): Promise<Uint8Array>;
  /** Size in bytes, or undefined when the file does not exist. */
  statSize?(path: string): Promise<number | undefined>;
  /** The first `bytes` bytes (all of a shorter file); rejects as readFile does. */
  readPrefix?(path: string, bytes: number): Promise<Uint8Array>;
}

/** An in-memory host for tests and the language server's open documents. */
export class MemoryHost implements Host {
  constructor(
    private readonly files: Map<string, string | Uint8Array>,
    private readonly failing: Set<string> = new Set(),
  ) {}
  listFiles(): Promise<string[]> {
    return Promise.resolve([...this.files.keys()].sort());
  }
  readFile(path: string): Promise<Uint8Array> {
    if (this.failing.has(path)) return Promise.reject(new Error(`EACCES: permission denied, open '${path}'`));
    const v = this.files.get(path);
    if (v === undefined) return Promise.reject(new Error(`ENOENT: no such file, open '${path}'`));
    return Promise.resolve(typeof v === 'string' ? new TextEncoder().encode(v) : v);
  }
  statSize(path: string): Promise<number | undefined> {
    const v = this.files.get(path);
    if (v === undefined) return Promise.resolve(undefined);
    return Promise.resolve(typeof v === 'string' ? new TextEncoder().encode(v).length : v.length);
  }
}
