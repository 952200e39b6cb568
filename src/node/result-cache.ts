// @spdf implements SPDF-FC-RESULT-CACHE
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFileAtomicSync } from './atomic-write';
import { sha256Hex, toolIdentity, userCacheBase } from './cache-location';
import { codeCacheDir, commandBundle, readToolFile } from './code-cache';
import { sealBytes, unsealBytes } from './sealed-bytes';
import type { IndexContext } from './derived-reads';
import { InputRecorder, replayInputs, type ChangedRead, type InputLog, type InputRecord } from './result-cache-recorder';

/** Bump when the entry layout changes (the tool identity covers any change of the code). */
const RESULT_CACHE_FORMAT = 2;
export const RESULT_CACHE_DIR = `results-v${RESULT_CACHE_FORMAT}`;
const MAGIC = Buffer.from(`spdf-result-cache/${RESULT_CACHE_FORMAT}\n`);
/** Bounds of the folder: the oldest entries (by last use) go first. */
export const MAX_RESULT_ENTRIES = 16;
export const MAX_RESULT_BYTES = 256 * 1024 * 1024;

export interface Lines {
  out(line: string): void;
  err(line: string): void;
}

/** A whole command's answer: its output lines (0 stdout, 1 stderr) in order, and its exit code. */
interface Entry {
  key: string;
  inputs: InputRecord[];
  contexts?: IndexContext[];
  output: [0 | 1, string][];
  exit: number;
}

/** result-cache-derived.ts `rederive`, loaded only when a source file read for the code index alone changed. */
export type Rederive = (contexts: readonly IndexContext[], inputs: readonly InputRecord[], changed: readonly ChangedRead[]) => Promise<Map<number, InputRecord> | undefined>;

export interface ResultCachePlan {
  /** Everything the answer depends on besides what it reads: the command line, the folder, the build, the terminal. */
  key: string;
  /** The cache base folder (`--cache-location`, else the user cache folder); entries go in its `results-v2`. */
  base: string;
}

export interface ResultCacheStats {
  hit: boolean;
  /** On a hit: how many source files read other bytes with the same index (`rederive`). */
  rederived?: number;
  /** Why the run was not stored, when it was not. */
  notStored?: string;
}

/** The plan for a command line, or undefined when this build cannot identify itself (then nothing is cached). */
export function resultCachePlan(argv: readonly string[], terminal: unknown, cacheLocation: string | undefined): ResultCachePlan | undefined {
  const tool = toolIdentity();
  const files = toolFilesIdentity(commandBundle(argv[0]));
  if (!tool || files === undefined) return undefined;
  const key = JSON.stringify({ format: RESULT_CACHE_FORMAT, tool, files, node: process.version, platform: process.platform, cwd: process.cwd(), argv, terminal });
  return { key, base: cacheLocation === undefined ? userCacheBase() : resolve(cacheLocation) };
}

/**
 * Runs a command through the whole-result cache: when an entry for the same plan exists, is intact, and every input
 * it recorded reads exactly the same again, its output and exit code are replayed; otherwise the command runs with
 * its reads recorded (result-cache-recorder.ts) and, when it could be recorded completely and ended with 0 or 1, its
 * answer is stored. A missing, damaged or stale entry is a miss; a cache that cannot be written only costs time.
 * With `derive` (commands whose answer depends on a source file only through its code index), the reads the code
 * index alone made of source files are recorded with what it made of them, and a file that reads other bytes
 * replays the answer when `derive` proves its index the same; the entry is then stored again with the new bytes.
 */
export async function runWithResultCache(plan: ResultCachePlan, o: Lines, run: (o: Lines) => Promise<number>, stats: Partial<ResultCacheStats> = {}, derive?: () => Rederive): Promise<number> {
  const dir = join(plan.base, RESULT_CACHE_DIR);
  const file = join(dir, `${sha256Hex(plan.key).slice(0, 40)}.bin`);
  const entry = readEntry(file, plan.key);
  const inputs = entry && (await replayedInputs(entry, derive));
  if (entry && inputs) {
    stats.hit = true;
    for (const [stream, line] of entry.output)
      if (stream === 0) o.out(line);
      else o.err(line);
    if (inputs !== entry.inputs) {
      stats.rederived = inputs.filter((r, i) => r !== entry.inputs[i]).length;
      writeEntry(dir, file, { ...entry, inputs });
      return entry.exit;
    }
    try {
      const now = new Date();
      utimesSync(file, now, now);
    } catch {
      /* last use only orders eviction */
    }
    return entry.exit;
  }
  stats.hit = false;
  const output: Entry['output'] = [];
  const capture: Lines = {
    out: (l) => (output.push([0, l]), o.out(l)),
    err: (l) => (output.push([1, l]), o.err(l)),
  };
  const codeCache = codeCacheDir();
  const caches = codeCache === undefined ? [plan.base] : [plan.base, codeCache];
  const recorder = new InputRecorder([...toolDirs(), ...caches], caches, derive !== undefined);
  recorder.start();
  let exit: number;
  let log: InputLog;
  try {
    exit = await run({ ...o, ...capture });
  } finally {
    log = recorder.stop();
  }
  stats.notStored = log.uncacheable ?? (exit === 0 || exit === 1 ? undefined : `exit code ${exit}`);
  if (stats.notStored === undefined) writeEntry(dir, file, { key: plan.key, inputs: log.inputs, ...(log.contexts ? { contexts: log.contexts } : {}), output, exit });
  return exit;
}

/** The entry's inputs when every one reads the same (with `derive`: or its index is proven the same, then updated), else undefined. */
async function replayedInputs(entry: Entry, derive: (() => Rederive) | undefined): Promise<InputRecord[] | undefined> {
  const changed: ChangedRead[] = [];
  try {
    if (!replayInputs(entry.inputs, derive && Array.isArray(entry.contexts) ? changed : undefined)) return undefined;
    if (changed.length === 0) return entry.inputs;
    const updated = await derive!()(entry.contexts!, entry.inputs, changed);
    return updated?.size === changed.length ? entry.inputs.map((r, i) => updated.get(i) ?? r) : undefined;
  } catch {
    return undefined;
  }
}

function readEntry(file: string, key: string): Entry | undefined {
  try {
    const bytes = readFileSync(file);
    const payload = unsealBytes(MAGIC, bytes);
    if (!payload) return undefined;
    const entry = JSON.parse(payload.toString('utf8')) as Entry;
    return entry.key === key && Array.isArray(entry.inputs) && Array.isArray(entry.output) && (entry.exit === 0 || entry.exit === 1) ? entry : undefined;
  } catch {
    return undefined;
  }
}

function writeEntry(dir: string, file: string, entry: Entry): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const payload = Buffer.from(JSON.stringify(entry), 'utf8');
    writeFileAtomicSync(file, sealBytes(MAGIC, payload), { mode: 0o600, sealed: true });
    evict(dir);
  } catch {
    /* the next run is a miss */
  }
}

/** Keeps the most recently used entries within MAX_RESULT_ENTRIES and MAX_RESULT_BYTES. */
export function evict(dir: string): void {
  const entries = readdirSync(dir)
    .filter((f) => f.endsWith('.bin'))
    .flatMap((f) => {
      try {
        const s = statSync(join(dir, f));
        return [{ path: join(dir, f), size: s.size, used: s.mtimeMs }];
      } catch {
        return [];
      }
    })
    .sort((a, b) => b.used - a.used);
  let bytes = 0;
  entries.forEach((e, i) => {
    bytes += e.size;
    if (i >= MAX_RESULT_ENTRIES || bytes > MAX_RESULT_BYTES) rmSync(e.path, { force: true });
  });
}

/** Folders of the running tool: reading them is not an input (their content is the tool's identity). */
function toolDirs(): string[] {
  if (!__filename.endsWith('.ts')) return [__dirname];
  return [resolve(__dirname, '..'), resolve(__dirname, '..', '..', 'node_modules')];
}

/** Every file beside the bundle (grammars, schemas, chunks) by name, size and modification time; `bundle`, the one the command loads, by content too. */
function toolFilesIdentity(bundle: string): string | undefined {
  if (__filename.endsWith('.ts')) return '';
  const parts: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const abs = join(dir, e.name);
      if (e.isDirectory()) walk(abs, `${rel}${e.name}/`);
      else {
        const s = statSync(abs);
        // The command's bundle is hashed like the entry itself; the rest (grammars, schemas, chunks) by size and time.
        parts.push(`${rel}${e.name}:${s.size}:${s.mtimeMs}${rel === '' && e.name === bundle ? `:${readToolFile(abs).digest}` : ''}`);
      }
    }
  };
  try {
    walk(__dirname, '');
  } catch {
    return undefined;
  }
  return sha256Hex(parts.sort().join('\n'));
}
