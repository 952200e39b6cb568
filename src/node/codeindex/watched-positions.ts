// @spdf implements SPDF-FC-RESULT-REINDEX
import { derivedReadSink, type PositionWatch } from '../derived-reads';

/**
 * One file's positions in an index unpacked while the whole-result cache records (derived-reads.ts `positions`):
 * the first read of any of them names the file in `positionsRead`.
 */
export class FilePositions {
  private noted = false;
  /** The traps of every watched object of the file (one handler per file). */
  readonly handler: ProxyHandler<object>;

  constructor(
    private readonly file: string,
    private readonly watch: PositionWatch,
  ) {
    const note = () => this.note();
    this.handler = {
      get: (target, key) => (note(), Reflect.get(target, key) as unknown),
      getOwnPropertyDescriptor: (target, key) => (note(), Reflect.getOwnPropertyDescriptor(target, key)),
      set: (target, key, value) => (note(), Reflect.set(target, key, value)),
      defineProperty: (target, key, descriptor) => (note(), Reflect.defineProperty(target, key, descriptor)),
      deleteProperty: (target, key) => (note(), Reflect.deleteProperty(target, key)),
    };
  }

  note(): void {
    if (this.noted || this.watch.paused > 0) return;
    this.noted = true;
    this.watch.positionsRead.add(this.file);
  }

  /**
   * `positions` (a range, a link's `lines`) behind a proxy whose every read of a value notes the file: a property
   * read, a spread, JSON.stringify, a deep comparison, a property descriptor; a structured clone refuses it (loud).
   * Its keys alone (Object.keys, `in`) are no position.
   */
  watched<T extends object>(positions: T): T {
    return new Proxy(positions, this.handler) as T;
  }
}

/** A watch for `file`'s positions when the run records, the file named as watched; else undefined (nothing to note). */
export function watchPositions(file: string): FilePositions | undefined {
  const positions = derivedReadSink()?.positions;
  if (!positions) return undefined;
  positions.watched.add(file);
  return new FilePositions(file, positions);
}
