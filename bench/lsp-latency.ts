/**
 * Language server latency (issues 5 and 13): over stdio against dist/server.js (built first), in a workspace of
 * 20,000 requirements (bench/model-gen.ts) with a 5,000-line C file carrying @spdf tags: initialize -> the first
 * publishDiagnostics of a workspace YAML file and -> the first complete status, once with an empty user cache and
 * once more on the cache the first start left; the time from a one-character didChange of the C file to the
 * publishDiagnostics of that version (debounce included), p50 and p95 over 1,000 edits; the same for edits of a
 * 100-requirement YAML file (300 edits of one requirement's title); server memory (RSS) after indexing and after
 * the edits (after indexing: once the server answered a request after the complete status, as it collects its heap
 * after writing that status), and its growth over the C edits and (settled: full collections in the server first) over the YAML edits
 * (memory kept from one check to the next; what a check keeps only while its own job runs, as in 23dc957, is
 * test/server/graph-memory.test.ts's: over stdio each check runs in a job of its own). Each figure is printed beside
 * its issue 13 target. SPDF_LSP_SERVER=<path of a server.js> measures that build (a baseline) first on the same
 * workspace and prints its figures beside this build's; SPDF_LSP_CPU_PROF=<dir> writes CPU profiles of the
 * servers; SPDF_LSP_HEAP_SNAPSHOT=<dir> writes heap snapshots after indexing and after the C edits. Every wait
 * has a timeout: a server that does not answer fails the bench with a message.
 *   npx tsx bench/lsp-latency.ts [--quick]
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatBreakdown, memoryPreloadFlags, MemoryProbe, rssMb, type MemoryBreakdown } from './lsp-memory';
import { generateModel } from './model-gen';

export interface LspLatencyResult {
  requirements: number;
  cLines: number;
  indexMs: number;
  firstYamlDiagnosticsMs: number;
  rssAfterIndexMb: number;
  /** A second start on the user cache the first one left (as when the editor is opened again). */
  warm: { firstYamlDiagnosticsMs: number; indexMs: number; rssAfterIndexMb: number };
  rssAfterCodeEditsMb: number;
  rssAfterEditsMb: number;
  code: { edits: number; p50: number; p95: number; max: number };
  yaml: { edits: number; p50: number; p95: number; max: number };
  /** What the RSS is made of after indexing (second start) and after the C edits; settled (full collections first) before and after the YAML edits. */
  memory: { afterIndex: MemoryBreakdown; afterCodeEdits: MemoryBreakdown; beforeYamlEdits: MemoryBreakdown; afterYamlEdits: MemoryBreakdown };
}

const repo = join(__dirname, '..');

/** A C file of about `lines` lines: functions tagged `@spdf implements SEC-REQ-*`, a few with unknown IDs. */
function cFile(lines: number, requirements: number): string {
  const out: string[] = ['/* Generated firmware module for the latency benchmark. */', '#include <stdint.h>', ''];
  let n = 0;
  while (out.length < lines) {
    const id = n % 97 === 96 ? `SEC-REQ-9${String(n).padStart(5, '0')}` : `SEC-REQ-${String((n * 37) % requirements).padStart(6, '0')}`;
    out.push(
      `/* @spdf implements ${id} */`,
      `int32_t dose_step_${n}(int32_t rate, int32_t limit)`,
      '{',
      '    int32_t x = rate * 2;',
      '    if (x > limit) {',
      '        x = limit;',
      '    }',
      '    return x;',
      '}',
      '',
    );
    n++;
  }
  return out.join('\n');
}

/** A message from the server: the benchmark reads a few fields of a few notifications. */
interface ServerMessage {
  id?: number;
  method?: string;
  result?: unknown;
  params?: unknown;
}

interface Notification {
  method: string;
  params: { indexing?: boolean; uri?: string; version?: number };
}

class Client {
  private buf = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (r: unknown) => void>();
  private readonly listeners: ((m: Notification) => void)[] = [];

  constructor(readonly proc: ChildProcessWithoutNullStreams) {
    proc.stdout.on('data', (d: Buffer) => this.data(d));
  }

  private data(d: Buffer): void {
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      const head = this.buf.indexOf('\r\n\r\n');
      if (head < 0) return;
      const len = Number(/Content-Length: (\d+)/i.exec(this.buf.subarray(0, head).toString())![1]);
      if (this.buf.length < head + 4 + len) return;
      const msg = JSON.parse(this.buf.subarray(head + 4, head + 4 + len).toString()) as ServerMessage;
      this.buf = this.buf.subarray(head + 4 + len);
      if (msg.id !== undefined && msg.method === undefined) this.pending.get(msg.id)?.(msg.result);
      else if (msg.id !== undefined) this.send({ jsonrpc: '2.0', id: msg.id, result: msg.method === 'workspace/configuration' ? [{}] : null });
      else for (const l of this.listeners) l(msg as Notification);
    }
  }

  private send(m: unknown): void {
    const b = JSON.stringify(m);
    this.proc.stdin.write(`Content-Length: ${Buffer.byteLength(b)}\r\n\r\n${b}`);
  }

  /** Fails (instead of waiting forever) when the server does not answer within `timeoutMs` or exits. */
  request<T>(method: string, params: unknown, timeoutMs = 120000): Promise<T> {
    const id = this.nextId++;
    return this.bounded(`the answer to ${method}`, timeoutMs, (res) => {
      this.pending.set(id, res as (r: unknown) => void);
      this.send({ jsonrpc: '2.0', id, method, params });
      return () => this.pending.delete(id);
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** The first notification matching `pred`; fails after `timeoutMs` or when the server exits. */
  waitFor(what: string, pred: (m: Notification) => boolean, timeoutMs: number): Promise<Notification> {
    return this.bounded(what, timeoutMs, (res) => {
      const l = (m: Notification) => {
        if (pred(m)) res(m);
      };
      this.listeners.push(l);
      return () => this.listeners.splice(this.listeners.indexOf(l), 1);
    });
  }

  /** A promise settled by `start`'s callback, or rejected with a message naming `what` on timeout or server exit. */
  private bounded<T>(what: string, timeoutMs: number, start: (res: (v: T) => void) => () => void): Promise<T> {
    return new Promise<T>((res, rej) => {
      let stop = () => undefined as unknown;
      const fail = (why: string) => {
        finish();
        rej(new Error(`lsp-latency: ${why} while waiting for ${what} (server ${this.proc.spawnargs.join(' ')})`));
      };
      const t = setTimeout(() => fail(`no answer within ${timeoutMs} ms`), timeoutMs);
      const exited = (code: number | null) => fail(`the server exited with ${code}`);
      const finish = () => {
        clearTimeout(t);
        this.proc.off('exit', exited);
        stop();
      };
      this.proc.once('exit', exited);
      stop = start((v) => {
        finish();
        res(v);
      });
    });
  }
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] * 10) / 10;
};

/** A fresh, empty user cache folder (XDG_CACHE_HOME) for one server start, removed by the caller. */
function freshCacheHome(): string {
  return mkdtempSync(join(tmpdir(), 'spdf-lsp-bench-cache-'));
}

interface Workspace {
  root: string;
  cPath: string;
  cText: string;
  requirements: number;
}

/** How long a server may take for each step before the bench fails with a message (never hangs). */
const START_TIMEOUT_MS = 300000;
const EDIT_TIMEOUT_MS = 60000;
const YAML_EDIT_TIMEOUT_MS = 120000;

/** Starts `server` on the workspace; `cacheHome` is its XDG_CACHE_HOME (empty: a cold start). */
async function startServer(server: string, ws: Workspace, cacheHome: string): Promise<{ c: Client; probe: MemoryProbe; firstYamlDiagnosticsMs: number; indexMs: number; rssAfterIndexMb: number }> {
  const prof = process.env.SPDF_LSP_CPU_PROF;
  const snapshots = process.env.SPDF_LSP_HEAP_SNAPSHOT;
  const flags = [...(prof ? ['--cpu-prof', '--cpu-prof-dir', prof] : []), ...(snapshots ? ['--heapsnapshot-signal=SIGUSR2'] : []), ...memoryPreloadFlags(cacheHome)];
  const proc = spawn(process.execPath, [...flags, server, '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, XDG_CACHE_HOME: cacheHome },
    ...(snapshots ? { cwd: snapshots } : {}),
  });
  const probe = new MemoryProbe(proc, cacheHome);
  const c = new Client(proc);
  const t0 = performance.now();
  let firstYamlDiagnosticsMs = NaN;
  const firstYaml = c
    .waitFor('the first diagnostics of a model file', (m) => m.method === 'textDocument/publishDiagnostics' && /\.spdf\.ya?ml$/.test(m.params.uri ?? ''), START_TIMEOUT_MS)
    .then(() => (firstYamlDiagnosticsMs = Math.round(performance.now() - t0)));
  firstYaml.catch(() => undefined);
  await c.request('initialize', { processId: process.pid, rootUri: pathToFileURL(ws.root).href, capabilities: { workspace: { configuration: true } }, initializationOptions: { trusted: true } });
  const indexed = c.waitFor('the first complete status (indexing: false)', (m) => m.method === 'spdf/status' && m.params.indexing === false, START_TIMEOUT_MS);
  c.notify('initialized', {});
  await indexed;
  const indexMs = Math.round(performance.now() - t0);
  await firstYaml;
  // The server collects its heap once the complete status is written: an answer comes once that is done.
  await c.request('workspace/symbol', { query: 'no-such-symbol-after-indexing' }, START_TIMEOUT_MS);
  return { c, probe, firstYamlDiagnosticsMs, indexMs, rssAfterIndexMb: rssMb(proc.pid!) };
}

async function stopServer(c: Client): Promise<void> {
  await c.request('shutdown', null, 30000).catch(() => undefined);
  c.notify('exit', null);
  await new Promise<void>((res) => {
    if (c.proc.exitCode !== null) return res();
    const t = setTimeout(() => (c.proc.kill(), res()), 10000);
    c.proc.once('exit', () => (clearTimeout(t), res()));
  });
}

/** Writes a heap snapshot of the server into SPDF_LSP_HEAP_SNAPSHOT (when set) and waits until it is complete. */
async function heapSnapshot(c: Client, label: string): Promise<void> {
  const dir = process.env.SPDF_LSP_HEAP_SNAPSHOT;
  if (!dir) return;
  const before = new Set(readdirSync(dir));
  c.proc.kill('SIGUSR2');
  const deadline = Date.now() + 300000;
  let added: string | undefined;
  while (!(added = readdirSync(dir).find((f) => !before.has(f) && f.endsWith('.heapsnapshot')))) {
    if (Date.now() > deadline) throw new Error(`lsp-latency: no heap snapshot appeared in ${dir}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  // The server writes the snapshot on its main thread: its next answer comes once the file is complete.
  await c.request('workspace/symbol', { query: 'no-such-symbol-for-the-heap-snapshot' }, 300000);
  renameSync(join(dir, added), join(dir, `${label}-${c.proc.pid}.heapsnapshot`));
}

/** The whole measurement of one server build: cold start, then a warm start on the cache the first one left, then the edits. */
async function measure(server: string, ws: Workspace, edits: number, yEdits: number): Promise<LspLatencyResult> {
  const cacheHome = freshCacheHome();
  try {
    const cold = await startServer(server, ws, cacheHome);
    await stopServer(cold.c);
    const { c, probe, firstYamlDiagnosticsMs, indexMs, rssAfterIndexMb } = await startServer(server, ws, cacheHome);
    const warm = { firstYamlDiagnosticsMs, indexMs, rssAfterIndexMb };
    const afterIndex = await probe.breakdown();
    await heapSnapshot(c, 'after-index');
    const { cPath, cText } = ws;
    const uri = pathToFileURL(cPath).href;
    const opened = c.waitFor('the diagnostics of the opened C file', (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri, EDIT_TIMEOUT_MS);
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'c', version: 1, text: cText } });
    await opened;

    // One character typed into (then removed from) a function body in the middle of the file.
    const lines = cText.split('\n');
    const line = lines.findIndex((l, i) => i > lines.length / 2 && l === '    int32_t x = rate * 2;');
    const times: number[] = [];
    for (let i = 0; i < edits; i++) {
      const version = i + 2;
      const insert = i % 2 === 0;
      const change = insert
        ? { range: { start: { line, character: 4 }, end: { line, character: 4 } }, text: ' ' }
        : { range: { start: { line, character: 4 }, end: { line, character: 5 } }, text: '' };
      const got = c.waitFor(`the diagnostics of C edit ${i + 1}`, (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === version, EDIT_TIMEOUT_MS);
      const s = performance.now();
      c.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      await got;
      times.push(performance.now() - s);
    }
    const rssAfterCodeEditsMb = rssMb(c.proc.pid!);
    const afterCodeEdits = await probe.breakdown();
    await heapSnapshot(c, 'after-code-edits');

    // A few edits of one YAML model file (re-parse of that file + graph rebuild + lint).
    const yamlPath = join(ws.root, 'model', 'm00005.spdf.yaml');
    const ypath = existsSync(yamlPath) ? yamlPath : join(ws.root, [...generateModel(1).keys()][0]);
    const yText = readFileSync(ypath, 'utf8');
    const yUri = pathToFileURL(ypath).href;
    const yOpened = c.waitFor('the diagnostics of the opened YAML file', (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === yUri, YAML_EDIT_TIMEOUT_MS);
    c.notify('textDocument/didOpen', { textDocument: { uri: yUri, languageId: 'yaml', version: 1, text: yText } });
    await yOpened;
    const beforeYamlEdits = await probe.breakdown(undefined, true);
    const yLine = yText.split('\n').findIndex((l) => /^\s+title: /.test(l));
    const yTimes: number[] = [];
    for (let i = 0; i < yEdits; i++) {
      const version = i + 2;
      const col = yText.split('\n')[yLine].length;
      const change =
        i % 2 === 0
          ? { range: { start: { line: yLine, character: col }, end: { line: yLine, character: col } }, text: 'x' }
          : { range: { start: { line: yLine, character: col }, end: { line: yLine, character: col + 1 } }, text: '' };
      const got = c.waitFor(
        `the diagnostics of YAML edit ${i + 1}`,
        (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === yUri && m.params.version === version,
        YAML_EDIT_TIMEOUT_MS,
      );
      const s = performance.now();
      c.notify('textDocument/didChange', { textDocument: { uri: yUri, version }, contentChanges: [change] });
      await got;
      yTimes.push(performance.now() - s);
    }
    const rssAfterEditsMb = rssMb(c.proc.pid!);
    const afterYamlEdits = await probe.breakdown(undefined, true);
    await stopServer(c);
    return {
      requirements: ws.requirements,
      cLines: cText.split('\n').length,
      indexMs: cold.indexMs,
      firstYamlDiagnosticsMs: cold.firstYamlDiagnosticsMs,
      rssAfterIndexMb: cold.rssAfterIndexMb,
      warm,
      rssAfterCodeEditsMb,
      rssAfterEditsMb,
      code: { edits, p50: pct(times, 50), p95: pct(times, 95), max: Math.round(Math.max(...times)) },
      yaml: { edits: yEdits, p50: pct(yTimes, 50), p95: pct(yTimes, 95), max: Math.round(Math.max(...yTimes)) },
      memory: { afterIndex, afterCodeEdits, beforeYamlEdits, afterYamlEdits },
    };
  } finally {
    rmSync(cacheHome, { recursive: true, force: true });
  }
}

function writeWorkspace(requirements: number, cLines: number): Workspace {
  const root = join(repo, 'bench', '.work', 'lsp-latency');
  rmSync(root, { recursive: true, force: true });
  for (const [p, t] of generateModel(requirements)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), t);
  }
  writeFileSync(join(root, 'spdf.config.yaml'), 'version: 1\nprofile: recommended\n');
  const cPath = join(root, 'firmware', 'dose_steps.c');
  mkdirSync(dirname(cPath), { recursive: true });
  const cText = cFile(cLines, requirements);
  writeFileSync(cPath, cText);
  return { root, cPath, cText, requirements };
}

export async function runLspLatencyBench(opts: { quick?: boolean } = {}): Promise<LspLatencyResult> {
  const requirements = opts.quick ? 2000 : 20000;
  const edits = opts.quick ? 40 : 1000;
  const yEdits = opts.quick ? 20 : 300;
  // `||`: an empty SPDF_LSP_SERVER means no baseline (it must never name an empty path).
  const baseline = process.env.SPDF_LSP_SERVER || undefined;
  if (baseline && !existsSync(baseline)) throw new Error(`lsp-latency: SPDF_LSP_SERVER names no file: ${baseline}`);
  const server = join(repo, 'dist', 'server.js');
  const built = spawnSync(process.execPath, ['scripts/build.mjs', 'server'], { cwd: repo, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('lsp-latency: building dist/server.js failed');
  const ws = writeWorkspace(requirements, 5000);
  console.log(
    `load before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  // The baseline first, then this build, on the same workspace; each start has its own empty user cache.
  const before = baseline ? await measure(baseline, ws, edits, yEdits) : undefined;
  const result = await measure(server, ws, edits, yEdits);
  console.log(
    `load after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  report(result, before);
  return result;
}

/** Prints each figure beside its issue 13 target and, when measured, the baseline's. */
function report(r: LspLatencyResult, base: LspLatencyResult | undefined): void {
  const line = (label: string, get: (x: LspLatencyResult) => number, unit: string, target?: number) => {
    const v = get(r);
    const t = target === undefined ? '' : ` (target <= ${target} ${unit}: ${v <= target ? 'met' : 'NOT met'})`;
    const b = base ? `; baseline ${get(base)} ${unit}` : '';
    console.log(`${label}: ${v} ${unit}${t}${b}`);
  };
  console.log(`workspace: ${r.requirements} requirements (bench/model-gen.ts), C file of ${r.cLines} lines with tags${base ? `; baseline: ${process.env.SPDF_LSP_SERVER}` : ''}`);
  line('initialize -> first diagnostics of a model file (empty user cache)', (x) => x.firstYamlDiagnosticsMs, 'ms', 3000);
  line('initialize -> first status, indexing done (empty user cache)', (x) => x.indexMs, 'ms', 3000);
  line('initialize -> first diagnostics of a model file (second start)', (x) => x.warm.firstYamlDiagnosticsMs, 'ms', 3000);
  line('initialize -> first status, indexing done (second start)', (x) => x.warm.indexMs, 'ms', 3000);
  line('server RSS after indexing (empty user cache)', (x) => x.rssAfterIndexMb, 'MB', 500);
  line('server RSS after indexing (second start)', (x) => x.warm.rssAfterIndexMb, 'MB', 500);
  line(`C edit -> publishDiagnostics p50 (${r.code.edits} one-character edits)`, (x) => x.code.p50, 'ms');
  line('C edit -> publishDiagnostics p95', (x) => x.code.p95, 'ms', 50);
  line('C edit -> publishDiagnostics max', (x) => x.code.max, 'ms');
  line(`YAML edit (one 100-requirement file, ${r.yaml.edits} edits) -> publishDiagnostics p50`, (x) => x.yaml.p50, 'ms');
  line('YAML edit -> publishDiagnostics p95', (x) => x.yaml.p95, 'ms', 150);
  line('YAML edit -> publishDiagnostics max', (x) => x.yaml.max, 'ms');
  line(`server RSS after ${r.code.edits} C edits (second start)`, (x) => x.rssAfterCodeEditsMb, 'MB');
  line('server RSS after the YAML edits', (x) => x.rssAfterEditsMb, 'MB');
  line(`growth over the ${r.code.edits} C edits (target: none)`, (x) => x.rssAfterCodeEditsMb - x.warm.rssAfterIndexMb, 'MB', 0);
  // Settled figures (full collections in the server first): what the edits left retained, such as earlier graphs.
  line(`growth over the ${r.yaml.edits} YAML edits, settled RSS (target: none)`, (x) => x.memory.afterYamlEdits.rssMb - x.memory.beforeYamlEdits.rssMb, 'MB', 0);
  line(`growth over the ${r.yaml.edits} YAML edits, settled heap used (target: none)`, (x) => x.memory.afterYamlEdits.heapUsedMb - x.memory.beforeYamlEdits.heapUsedMb, 'MB', 0);
  for (const [label, x] of [
    ['this build', r],
    ['baseline', base],
  ] as const) {
    if (x)
      console.log(
        `memory, ${label}: after indexing ${formatBreakdown(x.memory.afterIndex)}; after the C edits ${formatBreakdown(x.memory.afterCodeEdits)}; ` +
          `settled before the YAML edits ${formatBreakdown(x.memory.beforeYamlEdits)}; settled after them ${formatBreakdown(x.memory.afterYamlEdits)}`,
      );
  }
}

if (require.main === module) {
  runLspLatencyBench({ quick: process.argv.includes('--quick') }).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
