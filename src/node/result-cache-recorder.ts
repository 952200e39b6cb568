// @spdf implements SPDF-FC-RESULT-CACHE
import fs from 'node:fs';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256Hex } from './cache-location';
import { setDerivedReadSink, type DerivedReadSink, type IndexContext, type IndexedRead } from './derived-reads';
import { type AnyFn, boundedDigest, errorDigest, moduleOf, RECORDED, stringDigest } from './result-cache-reads';

/**
 * What the code index made of a source file read for it alone (derived-reads.ts): the index context (a position in
 * `InputLog.contexts`), the file, `untagged` or `index`; for `index`, what the answer is known to depend on.
 */
export type DerivedInput = [context: number, file: string, kind: 'untagged' | 'index', index?: IndexFacts];

/** What a stored answer depends on of one file's index (result-cache-derived.ts). */
export interface IndexFacts {
  /** Recorded at store time: the run said the answer read none of this file's code fingerprints (derived-reads.ts). */
  fingerprintFree?: true;
  /** Recorded at store time: the run read none of this file's positions, as its watched index noted (watched-positions.ts). */
  positionFree?: true;
  /** Once known: `indexDigest` of the index. */
  digest?: string;
  /** Once known, for a fingerprint- or position-free answer only: `projectedDigest` of the index (what it is free of left out). */
  projected?: string;
}

/**
 * One input read while a command ran: the function, its arguments, a digest of what it returned (or threw), and for
 * a source file's bounded read that only the code index used, what the index made of it.
 */
export type InputRecord = [fn: string, args: unknown[], digest: string, derived?: DerivedInput];

/** What a recorded run read, or why its result cannot be cached. */
export interface InputLog {
  inputs: InputRecord[];
  /** The index contexts the derived inputs name. */
  contexts?: IndexContext[];
  uncacheable?: string;
}

/** Functions of `fs` that must not touch a path outside the allowed folders during a recorded run (writes, streams, watchers, callbacks). */
const PATH_FUNCTIONS_FS = Object.keys(fs).filter((k) => typeof (fs as unknown as Record<string, unknown>)[k] === 'function' && !/^[A-Z]/.test(k) && !(k in RECORDED));
const PATH_FUNCTIONS_FSP = Object.keys(fs.promises).filter((k) => typeof (fs.promises as unknown as Record<string, unknown>)[k] === 'function' && !(k in RECORDED));
/** Child processes whose output cannot be recorded before they finish. */
const ASYNC_CHILDREN = ['spawn', 'exec', 'execFile', 'fork'];

/** An absolute POSIX path with no `.`, `..` or empty segment and no trailing slash: what `resolve` would return unchanged. */
const RESOLVED_POSIX = /^(?!.*\/\.{0,2}(?:\/|$))\//s;

function pathOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return sep === '/' && RESOLVED_POSIX.test(arg) ? arg : resolve(arg);
  if (arg instanceof URL) return arg.protocol === 'file:' ? fileURLToPath(arg) : undefined;
  if (arg instanceof Uint8Array) return resolve(Buffer.from(arg).toString());
  return undefined;
}

/** Arguments as stored: paths resolved, options kept only when they are plain data (an `env` or a callback is refused). */
function plainArgs(args: unknown[]): unknown[] | undefined {
  // Most calls pass path strings (and a size limit) only: they are stored as they are (what the JSON round trip below gives them).
  if (args.every((a) => typeof a === 'string' || Number.isFinite(a))) return [...args];
  const out: unknown[] = [];
  for (const [i, a] of args.entries()) {
    if (typeof a === 'function') return undefined;
    if (i === 0 && typeof a !== 'string' && pathOf(a) !== undefined) out.push(pathOf(a));
    else if (a !== null && typeof a === 'object' && 'env' in a) return undefined;
    else out.push(a);
  }
  return JSON.parse(JSON.stringify(out)) as unknown[];
}

/**
 * Records every input a command reads through Node's file system and child-process functions and the environment
 * variables it reads, so that a later run can prove it would read the same (`replayInputs`). Reads under the
 * `allowed` folders (the tool itself, the caches) are not inputs. Anything that cannot be replayed (a write outside
 * them, a stream, a callback, an asynchronous child process, the clock, a listing of the environment) marks the run
 * uncacheable instead: recording never guesses.
 */
export class InputRecorder {
  private readonly log: InputLog = { inputs: [] };
  private readonly seen = new Map<string, string>();
  private readonly restore: (() => void)[] = [];
  private quiet = 0;
  /** With `derived`: per bounded read (by key), its record and what the index made of it (none once read otherwise or twice). */
  private readonly sink: DerivedReadSink | undefined;
  private readonly bounded = new Map<string, { at: number; read: IndexedRead | undefined }>();
  /** `allowed`, each ending in the separator. */
  private readonly allowedPrefixes: readonly string[];

  constructor(
    private readonly allowed: readonly string[],
    private readonly cacheDirs: readonly string[],
    derived = false,
  ) {
    this.allowedPrefixes = allowed.map((dir) => (dir.endsWith(sep) ? dir : dir + sep));
    this.sink = derived ? { reading: undefined, positions: { watched: new Set(), positionsRead: new Set(), paused: 0 } } : undefined;
  }

  start(): void {
    if (this.sink) {
      setDerivedReadSink(this.sink);
      this.restore.push(() => setDerivedReadSink(undefined));
    }
    for (const [name, spec] of Object.entries(RECORDED))
      this.wrap(moduleOf(spec.module), name, (orig) => (name === 'readFileUpToSync' ? this.recordedBounded(orig) : this.recorded(name, spec.digest, orig)));
    for (const name of PATH_FUNCTIONS_FS) this.wrap(moduleOf('fs'), name, (orig) => this.guarded(name, orig));
    for (const name of PATH_FUNCTIONS_FSP) this.wrap(moduleOf('fsp'), name, (orig) => this.guarded(name, orig));
    for (const name of ASYNC_CHILDREN) this.wrap(moduleOf('cp'), name, (orig) => this.refused(`child_process.${name}`, orig));
    this.watchEnv();
    this.watchClock();
  }

  stop(): InputLog {
    for (const undo of this.restore.splice(0).reverse()) undo();
    this.attachDerived();
    return this.log;
  }

  /** Marks the source files read once, by the code index alone, with what it made of them. */
  private attachDerived(): void {
    const contexts = new Map<IndexContext, number>();
    for (const { at, read } of this.bounded.values()) {
      const [fn, args, digest] = this.log.inputs[at];
      // The read named to the sink must be of that file (a host reads `file` under its root).
      if (!read?.kind || !(sep === '/' ? String(args[0]) : String(args[0]).replaceAll(sep, '/')).endsWith(`/${read.file}`)) continue;
      let context = contexts.get(read.context);
      if (context === undefined) contexts.set(read.context, (context = contexts.size));
      const facts: IndexFacts = {};
      if (read.kind === 'index' && this.sink?.fingerprinted !== undefined && !this.sink.fingerprinted.has(read.file)) facts.fingerprintFree = true;
      const positions = this.sink?.positions;
      if (read.kind === 'index' && positions?.watched.has(read.file) && !positions.positionsRead.has(read.file)) facts.positionFree = true;
      this.log.inputs[at] = [fn, args, digest, facts.fingerprintFree || facts.positionFree ? [context, read.file, read.kind, facts] : [context, read.file, read.kind]];
    }
    if (contexts.size) this.log.contexts = [...contexts.keys()];
  }

  private refuse(why: string): void {
    this.log.uncacheable ??= why;
  }

  private isAllowed(p: string): boolean {
    return this.allowed.some((dir, i) => p === dir || p.startsWith(this.allowedPrefixes[i]));
  }

  private wrap(target: Record<string, AnyFn>, name: string, make: (orig: AnyFn) => AnyFn): void {
    const orig = target[name];
    if (typeof orig !== 'function') return;
    const wrapped = make(orig);
    for (const key of Object.keys(orig)) (wrapped as unknown as Record<string, unknown>)[key] = (orig as unknown as Record<string, unknown>)[key];
    if (name === 'realpathSync') (wrapped as unknown as Record<string, unknown>).native = this.recorded('realpathSync.native', stringDigest, (fs.realpathSync as unknown as { native: AnyFn }).native);
    target[name] = wrapped;
    this.restore.push(() => (target[name] = orig));
  }

  private note(name: string, args: unknown[], digest: (v: unknown) => string, outcome: { value?: unknown; error?: unknown }): void {
    const plain = plainArgs(args);
    if (!plain) return this.refuse(`${name} with options that cannot be replayed`);
    const d = 'error' in outcome ? errorDigest(outcome.error) : digest(outcome.value);
    // The bytes' SHA-256 (boundedDigest), which the code index would otherwise compute again as its cache key.
    if (name === 'readFileUpToSync' && this.sink?.reading && outcome.value instanceof Uint8Array) this.sink.reading.digest = d;
    this.record(name, plain, d);
    if (name.startsWith('readdir') && 'value' in outcome && Array.isArray(outcome.value)) this.checkListing(plain[0] as string, outcome.value as unknown[]);
  }

  /** Adds a read's record, or notes the same read made again (then it is no read the code index alone made), or refuses one that changed. */
  private record(name: string, plain: unknown[], d: string): void {
    const key = `${name}\0${JSON.stringify(plain)}`;
    const before = this.seen.get(key);
    if (before === undefined) {
      this.seen.set(key, d);
      this.log.inputs.push([name, plain, d]);
      if (this.sink && name === 'readFileUpToSync') this.bounded.set(key, { at: this.log.inputs.length - 1, read: this.sink.reading });
    } else if (before !== d) this.refuse(`${String(plain[0])} changed while it was read`);
    else if (this.bounded.has(key)) this.bounded.get(key)!.read = undefined;
  }

  /** A cache folder inside a listed folder would make the cache an input of its own result. */
  private checkListing(dir: string, entries: unknown[]): void {
    // An entry's name holds no separator: only a cache folder below the listed one can be one of them or lie in one.
    const base = resolve(dir);
    const below = base.endsWith(sep) ? base : base + sep;
    if (!this.cacheDirs.some((c) => c.startsWith(below))) return;
    for (const e of entries) {
      const name = e instanceof fs.Dirent ? String(e.name as unknown) : String(e);
      const child = resolve(dir, name);
      if (this.cacheDirs.some((c) => c === child || c.startsWith(child + sep))) this.refuse(`the cache folder ${child} lies in a listed folder`);
    }
  }

  /**
   * `recorded` for the bounded read as the hosts make it (a resolved path outside the allowed folders, and a size),
   * which the code index makes of every source file: the record `note` makes, in less code per call (cold, the general
   * path cost 2,500 reads about 30 ms more). Any other call takes the general path.
   */
  private recordedBounded(orig: AnyFn): AnyFn {
    const general = this.recorded('readFileUpToSync', boundedDigest, orig);
    return (...args: unknown[]): unknown => {
      const [path, maxBytes] = args;
      if (this.quiet > 0 || args.length !== 2 || typeof path !== 'string' || !Number.isFinite(maxBytes) || sep !== '/' || !RESOLVED_POSIX.test(path) || this.isAllowed(path)) return general(...args);
      this.quiet++;
      try {
        const value = orig(path, maxBytes);
        const d = boundedDigest(value);
        if (this.sink?.reading && value instanceof Uint8Array) this.sink.reading.digest = d;
        this.record('readFileUpToSync', args, d);
        return value;
      } catch (error) {
        this.note('readFileUpToSync', args, boundedDigest, { error });
        throw error;
      } finally {
        this.quiet--;
      }
    };
  }

  private recorded(name: string, digest: (v: unknown) => string, orig: AnyFn): AnyFn {
    const async = RECORDED[name]?.module === 'fsp';
    return (...args: unknown[]): unknown => {
      // Calls made inside a recorded call (readFileSync opens, reads and closes through fs) are part of it.
      if (this.quiet > 0) return this.quietly(orig, args);
      const p = name.startsWith('exec') || name === 'spawnSync' ? undefined : pathOf(args[0]);
      if (p !== undefined && this.isAllowed(p)) return this.quietly(orig, args);
      if (!async) {
        this.quiet++;
        try {
          const value = orig(...args);
          this.note(name, args, digest, { value });
          return value;
        } catch (error) {
          this.note(name, args, digest, { error });
          throw error;
        } finally {
          this.quiet--;
        }
      }
      return (orig(...args) as Promise<unknown>).then(
        (value) => (this.note(name, args, digest, { value }), value),
        (error: unknown) => {
          this.note(name, args, digest, { error });
          throw error;
        },
      );
    };
  }

  private guarded(name: string, orig: AnyFn): AnyFn {
    return (...args: unknown[]): unknown => {
      if (this.quiet === 0) {
        const p = pathOf(args[0]);
        if (p !== undefined && !this.isAllowed(p)) this.refuse(`fs.${name} ${p}`);
      }
      return this.quietly(orig, args);
    };
  }

  /** Runs a file-system call whose own inner calls (a patched fs such as graceful-fs reading the clock) are not the command's. */
  private quietly(orig: AnyFn, args: unknown[]): unknown {
    this.quiet++;
    try {
      return orig(...args);
    } finally {
      this.quiet--;
    }
  }

  private refused(name: string, orig: AnyFn): AnyFn {
    return (...args: unknown[]): unknown => {
      this.refuse(name);
      return orig(...args);
    };
  }

  private watchEnv(): void {
    const real = process.env;
    const read = (name: string | symbol) => {
      if (this.quiet > 0 || typeof name !== 'string') return;
      this.note('env', [name], (v) => (typeof v === 'string' ? sha256Hex(v) : 'unset'), { value: real[name] });
    };
    process.env = new Proxy(real, {
      get: (t, k): unknown => (read(k), Reflect.get(t, k) as unknown),
      has: (t, k) => (read(k), Reflect.has(t, k)),
      set: (t, k, v) => (this.refuse('the environment was changed'), Reflect.set(t, k, v)),
      deleteProperty: (t, k) => (this.refuse('the environment was changed'), Reflect.deleteProperty(t, k)),
      ownKeys: (t) => (this.quiet === 0 && this.refuse('the environment was listed'), Reflect.ownKeys(t)),
    });
    this.restore.push(() => (process.env = real));
  }

  private watchClock(): void {
    const RealDate = Date;
    const refuse = () => this.quiet === 0 && this.refuse('the clock was read');
    class ClockedDate extends RealDate {
      constructor(...args: unknown[]) {
        if (args.length === 0) refuse();
        super(...(args as []));
      }
      static override now(): number {
        refuse();
        return RealDate.now();
      }
    }
    globalThis.Date = ClockedDate as DateConstructor;
    this.restore.push(() => (globalThis.Date = RealDate));
  }
}

/**
 * The synchronous twin each asynchronous read is replayed with: the same answer for less work per file. Where the
 * twins could word an error differently, the digests differ and the entry is a miss, never a wrong hit.
 */
const SYNC_TWIN: Record<string, string> = {
  readFile: 'readFileSync',
  stat: 'statSync',
  lstat: 'lstatSync',
  readdir: 'readdirSync',
  realpath: 'realpathSync.native',
  readlink: 'readlinkSync',
  access: 'accessSync',
};

/** A derived input whose bytes differ now: its position in the inputs and a copy of the bytes read. */
export interface ChangedRead {
  at: number;
  bytes: Buffer;
}

/**
 * Reads every recorded input again, with the real functions, and tells whether each answers exactly as it did. With
 * `changed`, a derived input whose file now reads other bytes is listed there instead: the caller must then prove
 * the index the same (result-cache-derived.ts) or treat the entry as a miss.
 */
export function replayInputs(inputs: readonly InputRecord[], changed?: ChangedRead[]): boolean {
  for (const [at, [name, args, digest, derived]] of inputs.entries()) {
    if (name === 'env') {
      const v = process.env[String(args[0])];
      if ((v === undefined ? 'unset' : sha256Hex(v)) !== digest) return false;
      continue;
    }
    const spec = RECORDED[name === 'realpathSync.native' ? 'realpathSync' : name];
    const twin = SYNC_TWIN[name] ?? name;
    const fsSync = fs as unknown as Record<string, AnyFn>;
    const orig = twin === 'realpathSync.native' ? (fs.realpathSync.native as unknown as AnyFn) : spec?.module === 'cp' || spec?.module === 'bounded' ? moduleOf(spec.module)[twin] : fsSync[twin];
    if (!spec || typeof orig !== 'function') return false;
    let d: string;
    let value: unknown;
    try {
      value = orig(...args);
      d = name === 'access' ? stringDigest(undefined) : spec.digest(value);
    } catch (e) {
      d = errorDigest(e);
    }
    if (d === digest) continue;
    // The bounded read's Buffer is a scratch buffer the next read overwrites: the bytes are copied.
    if (changed && derived && Buffer.isBuffer(value)) changed.push({ at, bytes: Buffer.from(value) });
    else return false;
  }
  return true;
}
