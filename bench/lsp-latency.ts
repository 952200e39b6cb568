/**
 * Language server latency (issues 5 and 13): over stdio against dist/server.js (built first), in a workspace of
 * 20,000 requirements (bench/model-gen.ts) with a 5,000-line C file carrying @spdf tags: initialize -> the first
 * publishDiagnostics of a workspace YAML file and -> the first complete status, once with an empty user cache and
 * once more on the cache the first start left (a start pair), in `--runs N` rounds (3; 1 with --quick), figures the
 * medians over the rounds with each start listed; the time from a one-character didChange of the C file to the
 * publishDiagnostics of that version (debounce included), p50 and p95 over 1,000 edits; the same for edits of a
 * 100-requirement YAML file (1,000 edits of one requirement's title, as issue 13 asks of the memory figure); server
 * memory (RSS) after indexing (once the server answered a request after the complete status, as it collects its heap
 * after writing that status) and after the edits, and its growth over the C and the YAML edits, settled (full collections in the server first), judged
 * from the end of the first tenth of the edits (which compile the code the edits run) to the last: memory kept from
 * one check to the next; what a check keeps only while its own job runs, as in 23dc957, is
 * test/server/graph-memory.test.ts's. The edits run once per build, in the last round. Each figure is printed beside
 * its issue 13 target. SPDF_LSP_SERVER=<path of a server.js> measures that build (a baseline) in the same rounds, the
 * build started first alternating from round to round, and prints its figures beside this build's;
 * SPDF_LSP_CPU_PROF=<dir> writes CPU profiles of the servers; SPDF_LSP_HEAP_SNAPSHOT=<dir> writes heap snapshots
 * after indexing and after the C edits. Every wait has a timeout: a server that does not answer fails the bench
 * with a message. Beside the wall-clock start-up figures, the server's CPU time up to the first diagnostics and up to
 * the first complete status, of its main thread and of all its threads (V8's collector and compiler threads, the
 * parse worker), read from /proc when the bench receives each message (Linux; NaN elsewhere): on a shared 2-core
 * machine the wall clock follows the load, the main thread's CPU time much less.
 *   npx tsx bench/lsp-latency.ts [--quick] [--runs N]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from './lsp-client';
import { formatBreakdown, memoryPreloadFlags, MemoryProbe, rssMb, type MemoryBreakdown } from './lsp-memory';
import { generateModel } from './model-gen';

/** One server start: initialize -> first diagnostics of a model file, -> first complete status; RSS after indexing. */
export interface StartFigures {
  firstYamlDiagnosticsMs: number;
  indexMs: number;
  rssAfterIndexMb: number;
  /** The server's CPU time (ms) when the bench received the first diagnostics and the complete status: main thread, all threads. */
  cpu: { firstDiagnosticsMain: number; firstDiagnosticsAll: number; statusMain: number; statusAll: number };
}

/** Clock ticks per second of /proc's CPU times: asked before a server starts, so that no read of its CPU time waits for it. */
let clockTicks: number | undefined;
const ticksPerSecond = () => (clockTicks ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100);

/** CPU time (ms, user + system) of a process's main thread and of all its threads, from /proc; NaN where there is none. */
function cpuMs(pid: number): { main: number; all: number } {
  const read = (path: string) => {
    try {
      const fields = readFileSync(path, 'utf8');
      // The fields after the command name (which may hold spaces and parentheses): utime and stime are the 12th and 13th.
      const rest = fields.slice(fields.lastIndexOf(')') + 2).split(' ');
      return ((Number(rest[11]) + Number(rest[12])) * 1000) / ticksPerSecond();
    } catch {
      return NaN;
    }
  };
  return { main: read(`/proc/${pid}/task/${pid}/stat`), all: read(`/proc/${pid}/stat`) };
}

/** A start with an empty user cache, then a second start on the cache it left (as when the editor is opened again). */
export interface StartSample {
  cold: StartFigures;
  warm: StartFigures;
}

/** The edits, made once per build on the second start of its last round. */
export interface EditFigures {
  rssAfterCodeEditsMb: number;
  rssAfterEditsMb: number;
  code: { edits: number; p50: number; p95: number; max: number };
  yaml: { edits: number; p50: number; p95: number; max: number };
  /** After indexing and after the C edits as they are; settled (full collections first) around the C and the YAML edits. */
  memory: {
    afterIndex: MemoryBreakdown;
    afterCodeEdits: MemoryBreakdown;
    beforeCodeEditsSettled: MemoryBreakdown;
    afterCodeWarmupSettled: MemoryBreakdown;
    afterCodeEditsSettled: MemoryBreakdown;
    beforeYamlEdits: MemoryBreakdown;
    afterYamlWarmupSettled: MemoryBreakdown;
    afterYamlEdits: MemoryBreakdown;
  };
}

export interface LspLatencyResult extends EditFigures {
  requirements: number;
  cLines: number;
  /** Every start pair of this build, in the order measured; the build's figures are their medians. */
  starts: StartSample[];
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
async function startServer(server: string, ws: Workspace, cacheHome: string): Promise<{ c: Client; probe: MemoryProbe } & StartFigures> {
  const prof = process.env.SPDF_LSP_CPU_PROF;
  const snapshots = process.env.SPDF_LSP_HEAP_SNAPSHOT;
  const flags = [...(prof ? ['--cpu-prof', '--cpu-prof-dir', prof] : []), ...(snapshots ? ['--heapsnapshot-signal=SIGUSR2'] : []), ...memoryPreloadFlags(cacheHome)];
  ticksPerSecond();
  const proc = spawn(process.execPath, [...flags, server, '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, XDG_CACHE_HOME: cacheHome },
    ...(snapshots ? { cwd: snapshots } : {}),
  });
  const probe = new MemoryProbe(proc, cacheHome);
  const c = new Client(proc);
  const t0 = performance.now();
  let firstYamlDiagnosticsMs = NaN;
  let atFirst = { main: NaN, all: NaN };
  const firstYaml = c
    .waitFor('the first diagnostics of a model file', (m) => m.method === 'textDocument/publishDiagnostics' && /\.spdf\.ya?ml$/.test(m.params.uri ?? ''), START_TIMEOUT_MS)
    .then(() => {
      firstYamlDiagnosticsMs = Math.round(performance.now() - t0);
      atFirst = cpuMs(proc.pid!);
    });
  firstYaml.catch(() => undefined);
  await c.request('initialize', { processId: process.pid, rootUri: pathToFileURL(ws.root).href, capabilities: { workspace: { configuration: true } }, initializationOptions: { trusted: true } });
  const indexed = c.waitFor('the first complete status (indexing: false)', (m) => m.method === 'spdf/status' && m.params.indexing === false, START_TIMEOUT_MS);
  c.notify('initialized', {});
  await indexed;
  const indexMs = Math.round(performance.now() - t0);
  const atStatus = cpuMs(proc.pid!);
  await firstYaml;
  const cpu = { firstDiagnosticsMain: atFirst.main, firstDiagnosticsAll: atFirst.all, statusMain: atStatus.main, statusAll: atStatus.all };
  // The server collects its heap once the complete status is written: an answer comes once that is done.
  await c.request('workspace/symbol', { query: 'no-such-symbol-after-indexing' }, START_TIMEOUT_MS);
  return { c, probe, firstYamlDiagnosticsMs, indexMs, rssAfterIndexMb: rssMb(proc.pid!), cpu };
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

/** One start pair of a build: a cold start, stopped, then a second start on its cache; `edits` runs on the second. */
async function startPair(server: string, ws: Workspace, edits?: { edits: number; yEdits: number }): Promise<{ sample: StartSample; edits?: EditFigures }> {
  const cacheHome = freshCacheHome();
  try {
    const cold = await startServer(server, ws, cacheHome);
    await stopServer(cold.c);
    const { c, probe, ...warm } = await startServer(server, ws, cacheHome);
    const sample = { cold: figures(cold), warm: figures(warm) };
    if (!edits) {
      await stopServer(c);
      return { sample };
    }
    const result = await measureEdits(c, probe, ws, edits.edits, edits.yEdits);
    await stopServer(c);
    return { sample, edits: result };
  } finally {
    rmSync(cacheHome, { recursive: true, force: true });
  }
}

const figures = (s: StartFigures): StartFigures => ({ firstYamlDiagnosticsMs: s.firstYamlDiagnosticsMs, indexMs: s.indexMs, rssAfterIndexMb: s.rssAfterIndexMb, cpu: s.cpu });

/** The C and YAML edits on a started server, with its memory around them. */
async function measureEdits(c: Client, probe: MemoryProbe, ws: Workspace, edits: number, yEdits: number): Promise<EditFigures> {
  const afterIndex = await probe.breakdown();
  await heapSnapshot(c, 'after-index');
  const { cPath, cText } = ws;
  const uri = pathToFileURL(cPath).href;
  const opened = c.waitFor('the diagnostics of the opened C file', (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri, EDIT_TIMEOUT_MS);
  c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'c', version: 1, text: cText } });
  await opened;
  const beforeCodeEditsSettled = await probe.breakdown(undefined, true);

  // One character typed into (then removed from) a function body in the middle of the file.
  const lines = cText.split('\n');
  const line = lines.findIndex((l, i) => i > lines.length / 2 && l === '    int32_t x = rate * 2;');
  const times: number[] = [];
  let afterCodeWarmupSettled = beforeCodeEditsSettled;
  for (let i = 0; i < edits; i++) {
    const version = i + 2;
    const insert = i % 2 === 0;
    const change = insert ? { range: { start: { line, character: 4 }, end: { line, character: 4 } }, text: ' ' } : { range: { start: { line, character: 4 }, end: { line, character: 5 } }, text: '' };
    const got = c.waitFor(`the diagnostics of C edit ${i + 1}`, (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === version, EDIT_TIMEOUT_MS);
    const s = performance.now();
    c.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    await got;
    times.push(performance.now() - s);
    if (i === warmupEdits(edits) - 1) afterCodeWarmupSettled = await probe.breakdown(undefined, true);
  }
  const rssAfterCodeEditsMb = rssMb(c.proc.pid!);
  const afterCodeEdits = await probe.breakdown();
  const afterCodeEditsSettled = await probe.breakdown(undefined, true);
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
  let afterYamlWarmupSettled = beforeYamlEdits;
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
    if (i === warmupEdits(yEdits) - 1) afterYamlWarmupSettled = await probe.breakdown(undefined, true);
  }
  const rssAfterEditsMb = rssMb(c.proc.pid!);
  const afterYamlEdits = await probe.breakdown(undefined, true);
  return {
    rssAfterCodeEditsMb,
    rssAfterEditsMb,
    code: { edits, p50: pct(times, 50), p95: pct(times, 95), max: Math.round(Math.max(...times)) },
    yaml: { edits: yEdits, p50: pct(yTimes, 50), p95: pct(yTimes, 95), max: Math.round(Math.max(...yTimes)) },
    memory: { afterIndex, afterCodeEdits, beforeCodeEditsSettled, afterCodeWarmupSettled, afterCodeEditsSettled, beforeYamlEdits, afterYamlWarmupSettled, afterYamlEdits },
  };
}

/**
 * The first tenth of the edits: the code they run is compiled then (heap snapshots of 2,000 requirements: +0.94 MB
 * of heap over the first 40 C edits, 0.76 MB of it compiled code; -0.36 MB over the next 360, code flushed), so
 * growth is judged from the end of them on, the whole span printed beside it.
 */
const warmupEdits = (edits: number) => Math.ceil(edits / 10);

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

interface Build {
  label: 'this build' | 'baseline';
  server: string;
  starts: StartSample[];
  edits?: EditFigures;
}

/**
 * `starts` rounds; in each, every build makes one start pair, the order alternating from round to round (the build
 * started first has been faster by up to ~1 s, and one build's start-up spreads by about as much across runs). The
 * edits run in the last round.
 */
export async function runLspLatencyBench(opts: { quick?: boolean; runs?: number } = {}): Promise<LspLatencyResult> {
  const requirements = opts.quick ? 2000 : 20000;
  const edits = opts.quick ? 40 : 1000;
  const yEdits = opts.quick ? 20 : 1000;
  const rounds = opts.runs ?? (opts.quick ? 1 : 3);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`lsp-latency: the number of start rounds must be a whole number >= 1, not ${rounds}`);
  // `||`: an empty SPDF_LSP_SERVER means no baseline (it must never name an empty path).
  const baseline = process.env.SPDF_LSP_SERVER || undefined;
  if (baseline && !existsSync(baseline)) throw new Error(`lsp-latency: SPDF_LSP_SERVER names no file: ${baseline}`);
  const server = join(repo, 'dist', 'server.js');
  const built = spawnSync(process.execPath, ['scripts/build.mjs', 'server'], { cwd: repo, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('lsp-latency: building dist/server.js failed');
  const ws = writeWorkspace(requirements, 5000);
  console.log(`load before: ${load()}`);
  const builds: Build[] = [...(baseline ? [{ label: 'baseline' as const, server: baseline, starts: [] }] : []), { label: 'this build', server, starts: [] }];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? builds : [...builds].reverse();
    for (const b of order) {
      const { sample, edits: e } = await startPair(b.server, ws, round === rounds - 1 ? { edits, yEdits } : undefined);
      b.starts.push(sample);
      if (e) b.edits = e;
    }
  }
  console.log(`load after: ${load()}`);
  const [result, before] = [builds.find((b) => b.label === 'this build')!, builds.find((b) => b.label === 'baseline')].map((b) =>
    b ? { requirements, cLines: ws.cText.split('\n').length, starts: b.starts, ...b.edits! } : undefined,
  );
  report(result!, before, rounds);
  return result!;
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : Math.round((s[s.length / 2 - 1] + s[s.length / 2]) / 2);
};

/** Prints each figure beside its issue 13 target and, when measured, the baseline's; start-up figures are medians over the rounds, each start listed. */
function report(r: LspLatencyResult, base: LspLatencyResult | undefined, rounds: number): void {
  const line = (label: string, get: (x: LspLatencyResult) => number, unit: string, target?: number) => {
    const v = get(r);
    const t = target === undefined ? '' : ` (target <= ${target} ${unit}: ${v <= target ? 'met' : 'NOT met'})`;
    const b = base ? `; baseline ${get(base)} ${unit}` : '';
    console.log(`${label}: ${v} ${unit}${t}${b}`);
  };
  const startLine = (label: string, get: (s: StartSample) => number, unit: string, target?: number) => {
    const all = (x: LspLatencyResult) => x.starts.map(get);
    const v = median(all(r));
    const t = target === undefined ? '' : ` (target <= ${target} ${unit}: ${v <= target ? 'met' : 'NOT met'})`;
    const b = base ? `; baseline ${median(all(base))} ${unit} [${all(base).join(', ')}]` : '';
    console.log(`${label}: ${v} ${unit} [${all(r).join(', ')}]${t}${b}`);
  };
  const order = base ? `, ${rounds} rounds, the build started first alternating (baseline first in round 1): median [each start]` : `, ${rounds} start pairs: median [each start]`;
  console.log(`workspace: ${r.requirements} requirements (bench/model-gen.ts), C file of ${r.cLines} lines with tags${base ? `; baseline: ${process.env.SPDF_LSP_SERVER}` : ''}${order}`);
  startLine('initialize -> first diagnostics of a model file (empty user cache)', (s) => s.cold.firstYamlDiagnosticsMs, 'ms', 3000);
  startLine('initialize -> first status, indexing done (empty user cache)', (s) => s.cold.indexMs, 'ms', 3000);
  startLine('initialize -> first diagnostics of a model file (second start)', (s) => s.warm.firstYamlDiagnosticsMs, 'ms', 3000);
  startLine('initialize -> first status, indexing done (second start)', (s) => s.warm.indexMs, 'ms', 3000);
  for (const [start, label] of [
    ['cold', 'empty user cache'],
    ['warm', 'second start'],
  ] as const) {
    startLine(`server CPU to the first diagnostics, main thread (${label})`, (s) => s[start].cpu.firstDiagnosticsMain, 'ms');
    startLine(`server CPU to the first diagnostics, all threads (${label})`, (s) => s[start].cpu.firstDiagnosticsAll, 'ms');
    startLine(`server CPU to the first status, main thread (${label})`, (s) => s[start].cpu.statusMain, 'ms');
    startLine(`server CPU to the first status, all threads (${label})`, (s) => s[start].cpu.statusAll, 'ms');
  }
  startLine('server RSS after indexing (empty user cache)', (s) => s.cold.rssAfterIndexMb, 'MB', 500);
  startLine('server RSS after indexing (second start)', (s) => s.warm.rssAfterIndexMb, 'MB', 500);
  line(`C edit -> publishDiagnostics p50 (${r.code.edits} one-character edits)`, (x) => x.code.p50, 'ms');
  line('C edit -> publishDiagnostics p95', (x) => x.code.p95, 'ms', 50);
  line('C edit -> publishDiagnostics max', (x) => x.code.max, 'ms');
  line(`YAML edit (one 100-requirement file, ${r.yaml.edits} edits) -> publishDiagnostics p50`, (x) => x.yaml.p50, 'ms');
  line('YAML edit -> publishDiagnostics p95', (x) => x.yaml.p95, 'ms', 150);
  line('YAML edit -> publishDiagnostics max', (x) => x.yaml.max, 'ms');
  line(`server RSS after ${r.code.edits} C edits (second start, as it is)`, (x) => x.rssAfterCodeEditsMb, 'MB');
  line('server RSS after the YAML edits (as it is)', (x) => x.rssAfterEditsMb, 'MB');
  // Settled figures (full collections in the server first): what the edits left retained. The RSS as it is follows
  // the collector's timing (it moved by -34 to +15 MB over the C edits between runs of one build).
  type Memory = EditFigures['memory'];
  const settled = [
    ['C', r.code.edits, (m: Memory) => m.beforeCodeEditsSettled, (m: Memory) => m.afterCodeWarmupSettled, (m: Memory) => m.afterCodeEditsSettled],
    ['YAML', r.yaml.edits, (m: Memory) => m.beforeYamlEdits, (m: Memory) => m.afterYamlWarmupSettled, (m: Memory) => m.afterYamlEdits],
  ] as const;
  for (const [kind, edits, before, warm, after] of settled)
    for (const [label, field] of [
      ['RSS', 'rssMb'],
      ['heap used', 'heapUsedMb'],
    ] as const) {
      const growth = (from: (m: Memory) => MemoryBreakdown) => (x: LspLatencyResult) => Math.round(after(x.memory)[field] - from(x.memory)[field]);
      line(`growth over the ${edits} ${kind} edits, settled ${label}, the first ${warmupEdits(edits)} (code compiled) included`, growth(before), 'MB');
      line(`growth from ${kind} edit ${warmupEdits(edits) + 1} to ${edits}, settled ${label} (target: none)`, growth(warm), 'MB', 0);
    }
  for (const [label, x] of [
    ['this build', r],
    ['baseline', base],
  ] as const) {
    if (x)
      console.log(
        `memory, ${label}: after indexing ${formatBreakdown(x.memory.afterIndex)}; after the C edits ${formatBreakdown(x.memory.afterCodeEdits)}; ` +
          `settled before the C edits ${formatBreakdown(x.memory.beforeCodeEditsSettled)}; settled after them ${formatBreakdown(x.memory.afterCodeEditsSettled)}; ` +
          `settled before the YAML edits ${formatBreakdown(x.memory.beforeYamlEdits)}; settled after them ${formatBreakdown(x.memory.afterYamlEdits)}`,
      );
  }
}

function runsArg(): number | undefined {
  const at = process.argv.indexOf('--runs');
  return at >= 0 ? Number(process.argv[at + 1]) : undefined;
}

if (require.main === module) {
  runLspLatencyBench({ quick: process.argv.includes('--quick'), ...(runsArg() ? { runs: runsArg() } : {}) }).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
