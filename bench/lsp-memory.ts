/**
 * What the language server's RSS is made of, for bench/lsp-latency.ts: the V8 heap (used and total), external
 * memory and array buffers from `process.memoryUsage()` of the server (a preload module prints it to stderr on
 * SIGWINCH, so any server build can be measured), and the resident part of its WebAssembly memories (external memory counts them
 * whole, accessed or not).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';

export interface MemoryBreakdown {
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  arrayBuffersMb: number;
  wasmRssMb: number;
  /** Size of each V8 heap space (MB), and the number of collections of each kind (perf_hooks gc kinds) so far. */
  spacesMb: Record<string, number>;
  gcs: Record<string, number>;
}

const MARKER = 'spdf-bench-memory ';

const SETTLE = 'spdf-bench-memory-settle';

/** Writes the preload module into `dir` and returns the node flags that load it. */
export function memoryPreloadFlags(dir: string): string[] {
  const file = join(dir, 'spdf-bench-memory-preload.js');
  const preload = [
    "const v8 = require('node:v8');",
    "v8.setFlagsFromString('--expose-gc');",
    "const gc = require('node:vm').runInNewContext('gc');",
    'const gcs = {};',
    "new (require('node:perf_hooks').PerformanceObserver)((list) => { for (const e of list.getEntries()) gcs[e.detail.kind] = (gcs[e.detail.kind] || 0) + 1; }).observe({ entryTypes: ['gc'] });",
    "process.on('SIGWINCH', () => {",
    // A settled figure: full collections first (what is still held then is retained, not garbage waiting).
    `  if (require('node:fs').existsSync(${JSON.stringify(join(dir, SETTLE))})) { gc(); gc(); }`,
    '  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, s.space_size]));',
    `  process.stderr.write('\\n${MARKER}' + JSON.stringify({ ...process.memoryUsage(), spaces, gcs }) + '\\n');`,
    '});',
  ];
  writeFileSync(file, preload.join('\n'));
  return ['--require', file];
}

/** Collects the server's stderr so that `breakdown` can find the preload's answers. */
export class MemoryProbe {
  private stderr = '';
  private readonly waiters: (() => void)[] = [];

  constructor(
    private readonly proc: ChildProcess,
    private readonly dir?: string,
  ) {
    proc.stderr?.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString()).slice(-65536);
      for (const w of this.waiters.splice(0)) w();
    });
  }

  /**
   * Asks the server for its memory figures; fails after `timeoutMs`. `settle`: the server runs full collections
   * first (needs the preload's folder, given to the constructor), so growth between two settled figures is retained memory.
   */
  async breakdown(timeoutMs = 60000, settle = false): Promise<MemoryBreakdown> {
    if (settle && !this.dir) throw new Error('lsp-latency: a settled memory figure needs the preload folder');
    const flag = settle ? join(this.dir!, SETTLE) : undefined;
    if (flag) writeFileSync(flag, '');
    try {
      return await this.ask(timeoutMs);
    } finally {
      if (flag) rmSync(flag, { force: true });
    }
  }

  private async ask(timeoutMs: number): Promise<MemoryBreakdown> {
    this.stderr = '';
    this.proc.kill('SIGWINCH');
    const deadline = Date.now() + timeoutMs;
    let line: RegExpExecArray | null;
    while (!(line = new RegExp(`${MARKER}(\\{.*\\})\\n`).exec(this.stderr))) {
      if (Date.now() > deadline) throw new Error('lsp-latency: the server printed no memory figures (preload missing?)');
      await new Promise<void>((res) => {
        const t = setTimeout(res, 200);
        this.waiters.push(() => (clearTimeout(t), res()));
      });
    }
    const m = JSON.parse(line[1]) as NodeJS.MemoryUsage & { spaces: Record<string, number>; gcs: Record<string, number> };
    const mb = (b: number) => Math.round(b / 1048576);
    return {
      rssMb: mb(m.rss),
      heapUsedMb: mb(m.heapUsed),
      heapTotalMb: mb(m.heapTotal),
      externalMb: mb(m.external),
      arrayBuffersMb: mb(m.arrayBuffers),
      wasmRssMb: Math.round(wasmRssKb(this.proc.pid!) / 1024),
      spacesMb: Object.fromEntries(Object.entries(m.spaces).map(([k, v]) => [k, mb(v)])),
      gcs: m.gcs,
    };
  }
}

/** The resident set of a process, in MB (NaN once it has exited). */
export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : NaN;
  } catch {
    return NaN;
  }
}

/**
 * Resident kB of the wasm memories: V8 reserves several GB of address space for each one and makes its pages
 * accessible from the start as it grows, so /proc/<pid>/smaps lists an accessible mapping followed directly by
 * the inaccessible rest of the reservation (4 GB or more).
 */
function wasmRssKb(pid: number): number {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/smaps`, 'utf8');
  } catch {
    return NaN;
  }
  const maps: { start: bigint; end: bigint; perms: string; rssKb: number }[] = [];
  for (const line of text.split('\n')) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) (\S+)/.exec(line);
    if (head) maps.push({ start: BigInt(`0x${head[1]}`), end: BigInt(`0x${head[2]}`), perms: head[3], rssKb: 0 });
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss && maps.length) maps[maps.length - 1].rssKb = Number(rss[1]);
  }
  let total = 0;
  for (let i = 1; i < maps.length; i++) {
    const [prev, m] = [maps[i - 1], maps[i]];
    if (m.perms === '---p' && m.end - m.start >= 4n << 30n && prev.end === m.start && prev.perms.startsWith('rw')) total += prev.rssKb;
  }
  return total;
}

export function formatBreakdown(b: MemoryBreakdown): string {
  return `RSS ${b.rssMb} MB = heap ${b.heapUsedMb} used / ${b.heapTotalMb} total, external ${b.externalMb} (array buffers ${b.arrayBuffersMb}), wasm resident ${b.wasmRssMb}; spaces ${JSON.stringify(b.spacesMb)}; collections ${JSON.stringify(b.gcs)}`;
}
