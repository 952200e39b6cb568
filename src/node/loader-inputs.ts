// @spdf implements SPDF-FC-CACHE
import type { Host } from '../core/host';
import { sha256Hex } from './cache-location';

/**
 * A host that notes every answer it gives the model loader (the listing, the SHA-256 of each file read or the
 * error, each size), so that what the loaded workspace was built from can be named by one hash. The loader is
 * pure over these answers, so equal digests mean an equal workspace.
 */
export class LoaderInputs implements Host {
  private readonly seen: string[] = [];

  /** Only where the inner host has it: without it the loader reads the whole file, once. */
  readonly readPrefix?: (path: string, bytes: number) => Promise<Uint8Array>;

  constructor(private readonly inner: Host) {
    const prefix = inner.readPrefix?.bind(inner);
    if (prefix) this.readPrefix = (path, bytes) => this.note(`prefix ${bytes}`, path, () => prefix(path, bytes));
  }

  listFiles(): Promise<string[]> {
    return this.note('list', '', () => this.inner.listFiles());
  }

  readFile(path: string): Promise<Uint8Array> {
    return this.note('read', path, () => this.inner.readFile(path));
  }

  statSize(path: string): Promise<number | undefined> {
    return this.note('size', path, () => this.inner.statSize?.(path) ?? Promise.resolve(undefined));
  }

  /** SHA-256 over every answer, in a fixed order (the loader reads concurrently). */
  digest(): string {
    return sha256Hex(JSON.stringify([...this.seen].sort()));
  }

  private async note<T>(op: string, path: string, call: () => Promise<T>): Promise<T> {
    try {
      const value = await call();
      this.seen.push(JSON.stringify([op, path, 'ok', describe(value)]));
      return value;
    } catch (error) {
      this.seen.push(JSON.stringify([op, path, 'error', String((error as Error)?.message ?? error)]));
      throw error;
    }
  }
}

function describe(value: unknown): unknown {
  if (value instanceof Uint8Array) return sha256Hex(value);
  return value ?? null;
}
