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
}

/** An in-memory host for tests and the language server's open documents. */
export class MemoryHost implements Host {
  constructor(
    private readonly files: Map<string, string | Uint8Array>,
    private readonly failing: Set<string> = new Set(),
  ) {}
  async listFiles(): Promise<string[]> {
    return [...this.files.keys()].sort();
  }
  async readFile(path: string): Promise<Uint8Array> {
    if (this.failing.has(path)) throw new Error(`EACCES: permission denied, open '${path}'`);
    const v = this.files.get(path);
    if (v === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
    return typeof v === 'string' ? new TextEncoder().encode(v) : v;
  }
  async statSize(path: string): Promise<number | undefined> {
    const v = this.files.get(path);
    if (v === undefined) return undefined;
    return typeof v === 'string' ? new TextEncoder().encode(v).length : v.length;
  }
}
