/**
 * Matrix and export benchmark (issue 6): 20,000 requirements and 50,000 code links.
 * - model: load + lint of the synthetic YAML (bench/model-gen.ts), for context;
 * - matrix: TraceIndex + every view, with 50,000 code links (30,000 implements, 20,000 verifies) and
 *   20,000 JUnit cases to match;
 * - HTML export of every view, and of the requirements view alone;
 * - first paint of the matrix webview with 20,000 rows in headless Chromium (when /usr/bin/chromium exists).
 * Run alone: `npx tsx bench/matrix.ts [--quick]`; `npm run bench` calls runMatrixBench.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { toHtml } from '../src/core/export/html';
import { MemoryHost } from '../src/core/host';
import { buildMatrix } from '../src/core/matrix/build';
import type { MatrixCodeLink } from '../src/core/matrix/links';
import type { Matrix } from '../src/core/matrix/model';
import type { JUnitCase } from '../src/core/matrix/test-results';
import { loadWorkspace } from '../src/core/model/load-workspace';
import { lint } from '../src/core/rules/engine';
import { matrixHtml, makeNonce } from '../src/extension/webviews/html';
import { generateModel } from './model-gen';

const REPO = join(__dirname, '..');
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;

export interface MatrixBenchResult {
  requirements: number;
  links: number;
  loadLintMs: number;
  matrixMs: number;
  htmlMs: number;
  htmlRequirementsMs: number;
  htmlBytes: number;
  heapMB: number;
  rssMB: number;
  firstPaintMs?: number;
  jsonBytes?: number;
}

function links(reqIds: string[], controlIds: string[], n: number): MatrixCodeLink[] {
  const out: MatrixCodeLink[] = [];
  const impl = Math.round(n * 0.6);
  for (let i = 0; i < n; i++) {
    const verifies = i >= impl;
    const targets = !verifies && i % 5 === 0 && controlIds.length ? controlIds : reqIds;
    const id = targets[i % targets.length];
    const file = verifies ? `tests/test_mod${Math.floor(i / 50)}.py` : `src/mod${Math.floor(i / 50)}.c`;
    out.push({
      id,
      relation: verifies ? 'verifies' : 'implements',
      file,
      symbol: verifies ? `tests.test_mod${Math.floor(i / 50)}.test_${i}` : `fn_${i}`,
      line: 1 + (i % 50) * 20,
      review: 'unreviewed',
    });
  }
  return out;
}

export async function runMatrixBench(opts: { quick?: boolean; requirements?: number; links?: number } = {}): Promise<MatrixBenchResult> {
  const n = opts.requirements ?? (opts.quick ? 2000 : 20_000);
  const nLinks = opts.links ?? (opts.quick ? 5000 : 50_000);
  const files = generateModel(n);
  let t0 = performance.now();
  const ws = await loadWorkspace(new MemoryHost(new Map([...files, ['spdf.config.yaml', 'version: 1\nprofile: recommended\ntest_results: ["reports/*.xml"]\n']])));
  const lintResult = lint({ graph: ws.graph, config: ws.config, allFiles: ws.allFiles });
  const loadLintMs = performance.now() - t0;
  const reqIds = ws.graph.byKind.requirement.map((r) => r.id);
  const ctlIds = ws.graph.byKind.control.map((r) => r.id);
  const code = { links: links(reqIds, ctlIds, nLinks), reviewsInUse: false };
  const cases: JUnitCase[] = code.links
    .filter((l) => l.relation === 'verifies')
    .map((l, i) => ({ classname: l.symbol!.split('.').slice(0, -1).join('.'), name: l.symbol!.split('.').pop()!, outcome: i % 97 === 0 ? 'fail' : 'pass', file: 'reports/junit.xml', line: i + 3 }));
  const testResults = { version: 1 as const, files: ['reports/junit.xml'], cases, problems: [] };
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  t0 = performance.now();
  const m = buildMatrix({ graph: ws.graph, config: ws.config, lint: lintResult, code, testResults });
  const matrixMs = performance.now() - t0;
  t0 = performance.now();
  const html = toHtml(m);
  const htmlMs = performance.now() - t0;
  t0 = performance.now();
  toHtml({ ...m, views: { requirements: m.views.requirements } });
  const htmlRequirementsMs = performance.now() - t0;
  const mem = process.memoryUsage();
  const r: MatrixBenchResult = {
    requirements: m.views.requirements!.rows.length,
    links: nLinks,
    loadLintMs,
    matrixMs,
    htmlMs,
    htmlRequirementsMs,
    htmlBytes: html.length,
    heapMB: mem.heapUsed / 1024 / 1024,
    rssMB: mem.rss / 1024 / 1024,
  };
  console.log(`model: ${n} requirements, ${ws.graph.items.length} items, ${ws.graph.refs.length} YAML references; ${nLinks} code links; ${cases.length} JUnit cases`);
  console.log(`load + lint (context, not part of the matrix): ${ms(loadLintMs)}`);
  console.log(`matrix (statuses + 6 views):   ${ms(matrixMs)}`);
  console.log(`HTML export, all 6 views:      ${ms(htmlMs)} (${mb(html.length)})`);
  console.log(`HTML export, requirements:     ${ms(htmlRequirementsMs)}`);
  console.log(`matrix build + HTML:           ${ms(matrixMs + htmlMs)}; heap ${mb(mem.heapUsed)} (${mb(mem.heapUsed - heapBefore)} more than the loaded, linted model), rss ${mb(mem.rss)}`);
  if (existsSync(process.env.SPDF_CHROMIUM ?? '/usr/bin/chromium')) {
    const fp = await firstPaint(m);
    r.firstPaintMs = fp.ms;
    r.jsonBytes = fp.bytes;
    console.log(`matrix webview first paint, ${m.views.requirements!.rows.length} rows: ${ms(fp.ms)} after navigation (data ${mb(fp.bytes)} as JSON; ${fp.rowsInDom} rows in the DOM)`);
  } else console.log('matrix webview first paint: skipped (no /usr/bin/chromium)');
  return r;
}

async function firstPaint(m: Matrix): Promise<{ ms: number; bytes: number; rowsInDom: number }> {
  const { chromium } = await import('playwright-core');
  // The 20,000-row view (what the first paint shows); the other views add data, not DOM.
  const data = JSON.stringify({ type: 'data', matrix: { ...m, views: { requirements: m.views.requirements } } });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/matrix.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(matrixHtml(origin, makeNonce(), (p) => `${origin}/media/${p}`));
    } else {
      const rel = normalize(url.pathname).replace(/^\/+/, '');
      if (!rel.startsWith('media/') || !existsSync(join(REPO, rel))) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': extname(rel) === '.js' ? 'text/javascript' : 'text/css' });
      res.end(readFileSync(join(REPO, rel)));
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const userDir = mkdtempSync(join(tmpdir(), 'spdf-bench-chromium-'));
  const ctx = await chromium.launchPersistentContext(userDir, {
    executablePath: process.env.SPDF_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await ctx.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    // The data reaches the page as a message (a structured clone, as VS Code's postMessage delivers it).
    await page.exposeFunction('__benchData', () => data);
    await page.addInitScript(
      `window.acquireVsCodeApi = () => ({ postMessage(m) { if (m && m.type === 'ready') window.__benchData().then((text) => { const msg = JSON.parse(text); window.__posted = performance.now(); window.postMessage(msg, '*'); }); }, getState() {}, setState() {} });`,
    );
    await page.goto(`${origin}/matrix.html`);
    await page.waitForSelector('tbody tr td', { timeout: 120_000 });
    const t = await page.evaluate(() => performance.now());
    const posted = await page.evaluate(() => (globalThis as unknown as { __posted: number }).__posted);
    const rowsInDom = await page.evaluate(() => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('tbody tr').length);
    console.log(`  (data message posted at ${posted.toFixed(0)} ms; rows painted ${(t - posted).toFixed(0)} ms after it)`);
    return { ms: t, bytes: data.length, rowsInDom };
  } finally {
    await ctx.close();
    server.close();
    rmSync(userDir, { recursive: true, force: true });
  }
}

if (require.main === module)
  runMatrixBench({ quick: process.argv.includes('--quick') }).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
