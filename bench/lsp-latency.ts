/**
 * Language server latency (issues 5 and 13): over stdio against dist/server.js, in a workspace of 20,000
 * requirements (bench/model-gen.ts) with a 5,000-line C file carrying @spdf tags: initialize -> the first
 * publishDiagnostics of a workspace YAML file and -> the first complete status; the time from a one-character
 * didChange of the C file to the publishDiagnostics of that version (debounce included), p50 and p95 over 1,000
 * edits; the same for edits of a 100-requirement YAML file; server memory (RSS) after indexing and after the edits.
 * Each figure is printed beside its issue 13 target. SPDF_LSP_CPU_PROF=<dir> writes a CPU profile of the server;
 * SPDF_LSP_SERVER=<path of a server.js> measures that build instead of dist/server.js (a baseline).
 *   npx tsx bench/lsp-latency.ts [--quick]
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateModel } from './model-gen';

export interface LspLatencyResult {
  requirements: number;
  cLines: number;
  indexMs: number;
  firstYamlDiagnosticsMs: number;
  rssAfterIndexMb: number;
  rssAfterCodeEditsMb: number;
  rssAfterEditsMb: number;
  code: { edits: number; p50: number; p95: number; max: number };
  yaml: { edits: number; p50: number; p95: number; max: number };
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

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise((res) => {
      this.pending.set(id, res as (r: unknown) => void);
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  waitFor(pred: (m: Notification) => boolean, timeoutMs = 600000): Promise<Notification> {
    return new Promise((res, rej) => {
      const t = setTimeout(() => rej(new Error('timeout waiting for a server message')), timeoutMs);
      const l = (m: Notification) => {
        if (!pred(m)) return;
        clearTimeout(t);
        this.listeners.splice(this.listeners.indexOf(l), 1);
        res(m);
      };
      this.listeners.push(l);
    });
  }
}

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : NaN;
  } catch {
    return NaN;
  }
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] * 10) / 10;
};

export async function runLspLatencyBench(opts: { quick?: boolean } = {}): Promise<LspLatencyResult> {
  const requirements = opts.quick ? 2000 : 20000;
  const edits = opts.quick ? 40 : 1000;
  const cLines = 5000;
  // SPDF_LSP_SERVER measures another build (the baseline) against the same workspace.
  const server = process.env.SPDF_LSP_SERVER ?? join(repo, 'dist', 'server.js');
  if (!existsSync(server)) spawnSync('node', ['scripts/build.mjs', 'server'], { cwd: repo, stdio: 'inherit' });
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

  const prof = process.env.SPDF_LSP_CPU_PROF;
  const proc = spawn(process.execPath, [...(prof ? ['--cpu-prof', '--cpu-prof-dir', prof] : []), server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  proc.stderr.on('data', () => undefined);
  const c = new Client(proc);
  const t0 = performance.now();
  let firstYamlDiagnosticsMs = NaN;
  void c
    .waitFor((m) => m.method === 'textDocument/publishDiagnostics' && /\.spdf\.ya?ml$/.test(m.params.uri ?? ''))
    .then(() => (firstYamlDiagnosticsMs = Math.round(performance.now() - t0)))
    .catch(() => undefined);
  await c.request('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: { workspace: { configuration: true } }, initializationOptions: { trusted: true } });
  const indexed = c.waitFor((m) => m.method === 'spdf/status' && m.params.indexing === false);
  c.notify('initialized', {});
  await indexed;
  const indexMs = Math.round(performance.now() - t0);
  const rssAfterIndexMb = rssMb(proc.pid!);

  const uri = pathToFileURL(cPath).href;
  const opened = c.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
  c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'c', version: 1, text: cText } });
  await opened;

  // One character typed into (then removed from) a function body in the middle of the file.
  const lines = cText.split('\n');
  const line = lines.findIndex((l, i) => i > lines.length / 2 && l === '    int32_t x = rate * 2;');
  const times: number[] = [];
  for (let i = 0; i < edits; i++) {
    const version = i + 2;
    const insert = i % 2 === 0;
    const change = insert ? { range: { start: { line, character: 4 }, end: { line, character: 4 } }, text: ' ' } : { range: { start: { line, character: 4 }, end: { line, character: 5 } }, text: '' };
    const got = c.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === version, 60000);
    const s = performance.now();
    c.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    await got;
    times.push(performance.now() - s);
  }
  const rssAfterCodeEditsMb = rssMb(proc.pid!);

  // A few edits of one YAML model file (re-parse of that file + graph rebuild + lint).
  const yamlPath = join(root, 'model', 'm00005.spdf.yaml');
  const ypath = existsSync(yamlPath) ? yamlPath : join(root, [...generateModel(1).keys()][0]);
  const yText = readFileSync(ypath, 'utf8');
  const yUri = pathToFileURL(ypath).href;
  const yOpened = c.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === yUri);
  c.notify('textDocument/didOpen', { textDocument: { uri: yUri, languageId: 'yaml', version: 1, text: yText } });
  await yOpened;
  const yLine = yText.split('\n').findIndex((l) => /^\s+title: /.test(l));
  const yTimes: number[] = [];
  const yEdits = opts.quick ? 6 : 20;
  for (let i = 0; i < yEdits; i++) {
    const version = i + 2;
    const col = yText.split('\n')[yLine].length;
    const change =
      i % 2 === 0
        ? { range: { start: { line: yLine, character: col }, end: { line: yLine, character: col } }, text: 'x' }
        : { range: { start: { line: yLine, character: col }, end: { line: yLine, character: col + 1 } }, text: '' };
    const got = c.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === yUri && m.params.version === version, 120000);
    const s = performance.now();
    c.notify('textDocument/didChange', { textDocument: { uri: yUri, version }, contentChanges: [change] });
    await got;
    yTimes.push(performance.now() - s);
  }
  const rssAfterEditsMb = rssMb(proc.pid!);
  await c.request('shutdown', null);
  c.notify('exit', null);
  await new Promise<void>((res) => {
    const t = setTimeout(() => (proc.kill(), res()), 10000);
    proc.once('exit', () => (clearTimeout(t), res()));
  });

  const result: LspLatencyResult = {
    requirements,
    cLines: cText.split('\n').length,
    indexMs,
    firstYamlDiagnosticsMs,
    rssAfterIndexMb,
    rssAfterCodeEditsMb,
    rssAfterEditsMb,
    code: { edits, p50: pct(times, 50), p95: pct(times, 95), max: Math.round(Math.max(...times)) },
    yaml: { edits: yEdits, p50: pct(yTimes, 50), p95: pct(yTimes, 95), max: Math.round(Math.max(...yTimes)) },
  };
  const vs = (v: number, target: number, unit: string) => `${v} ${unit} (target <= ${target} ${unit}: ${v <= target ? 'met' : 'NOT met'})`;
  console.log(`workspace: ${requirements} requirements (bench/model-gen.ts), C file of ${result.cLines} lines with tags`);
  console.log(`initialize -> first diagnostics of a model file: ${vs(firstYamlDiagnosticsMs, 3000, 'ms')}`);
  console.log(`initialize -> first status (indexing done): ${vs(indexMs, 3000, 'ms')}`);
  console.log(`server RSS after indexing: ${vs(rssAfterIndexMb, 500, 'MB')}`);
  console.log(`C edit -> publishDiagnostics: p50 ${result.code.p50} ms, p95 ${vs(result.code.p95, 50, 'ms')}, max ${result.code.max} ms over ${edits} one-character edits`);
  console.log(`YAML edit (one 100-requirement file) -> publishDiagnostics: p50 ${result.yaml.p50} ms, p95 ${vs(result.yaml.p95, 150, 'ms')}, max ${result.yaml.max} ms over ${yEdits} edits`);
  const growth = rssAfterEditsMb - rssAfterIndexMb;
  console.log(
    `server RSS after ${edits} C edits: ${rssAfterCodeEditsMb} MB, after the YAML edits: ${rssAfterEditsMb} MB; growth over ${edits + yEdits} edits: ${growth} MB (target: no growth, ${growth <= 0 ? 'met' : 'NOT met'})`,
  );
  return result;
}

if (require.main === module) {
  runLspLatencyBench({ quick: process.argv.includes('--quick') }).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
