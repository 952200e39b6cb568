/**
 * Security and behaviour tests of the HTML export and the webviews in headless Debian Chromium.
 * Run by 40-xss-chromium.sh (npm run test:e2e). Exit code 0 = every check passed.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { loadTrace } from '../../../src/cli/commands/trace';
import { toHtml } from '../../../src/core/export/html';
import { TraceIndex } from '../../../src/core/matrix/build';
import { zoneDiagram } from '../../../src/core/matrix/diagram';
import { VIEWS, type Matrix } from '../../../src/core/matrix/model';
import { diagramHtml, makeNonce, matrixHtml } from '../../../src/extension/webviews/html';
import { diagramMessage, matrixMessage } from '../../../src/extension/webviews/messages';
import type { ZoneDiagramResult } from '../../../src/protocol';

const REPO = join(__dirname, '..', '..', '..');

// Browser globals inside page.evaluate callbacks (module-scoped: the project does not compile against the DOM lib).
declare const document: any;
declare const window: any;
declare class Event {
  constructor(type: string);
}

/** 36 payload kinds; each tries to call window.__pwn(n). No tab, CR or LF (innerText would fold them). */
export const PAYLOADS: string[] = [
  '<script>__pwn(1)</script>',
  '<img src=x onerror=__pwn(2)>',
  '<svg onload=__pwn(3)>',
  '<svg><script>__pwn(4)</script></svg>',
  'javascript:__pwn(5)',
  '<a href="javascript:__pwn(6)">click</a>',
  '"><script>__pwn(7)</script>',
  "' onmouseover='__pwn(8)' x='",
  '" autofocus onfocus="__pwn(9)" x="',
  '<iframe src="javascript:__pwn(10)"></iframe>',
  '<body onload=__pwn(11)>',
  '<details open ontoggle=__pwn(12)>',
  "<style>@import 'javascript:__pwn(13)';</style>",
  '<div style="background:url(javascript:__pwn(14))">x</div>',
  '${__pwn(15)}',
  '`;__pwn(16);`',
  '</textarea><script>__pwn(17)</script>',
  '</title><script>__pwn(18)</script>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__pwn(19)>',
  '<input onfocus=__pwn(20) autofocus>',
  '<video><source onerror=__pwn(21)></video>',
  '<object data="javascript:__pwn(22)"></object>',
  '<embed src="javascript:__pwn(23)">',
  '<meta http-equiv="refresh" content="0;url=javascript:__pwn(24)">',
  '<form><button formaction=javascript:__pwn(25)>x</button></form>',
  "{{constructor.constructor('__pwn(26)')()}}",
  '<svg><animate onbegin=__pwn(27) attributeName=x dur=1s>',
  '--><script>__pwn(28)</script><!--',
  '<![CDATA[<script>__pwn(29)</script>]]>',
  '<base href="javascript:__pwn(30)//">',
  'data:text/html,<script>__pwn(31)</script>',
  '<link rel=stylesheet href="data:text/css,*{x:expression(__pwn(32))}">',
  '<marquee onstart=__pwn(33)>x</marquee>',
  '<noscript><p title="</noscript><img src=x onerror=__pwn(34)>">',
  "';__pwn(35);//",
  '<svg><a xlink:href="javascript:__pwn(36)"><text x="20" y="20">x</text></a></svg>',
];

const q = (s: string) => JSON.stringify(s);
const P = (i: number) => PAYLOADS[i % PAYLOADS.length];

/** A workspace whose every text field carries a payload. */
function xssWorkspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'spdf-xss-'));
  const y: string[] = [];
  y.push('zones:');
  for (let i = 0; i < 4; i++) y.push(`  - id: Z-${i}`, `    name: ${q(P(i))}`, `    class: ${['it', 'dmz', 'device', 'cloud'][i]}`, `    accountable_org: ${q(P(i + 1))}`, `    sl_t: 2`);
  y.push('assets:');
  for (let i = 0; i < 4; i++) y.push(`  - id: AST-${i}`, `    name: ${q(P(i + 2))}`, `    kind: component`, `    zone: Z-${i}`, `    technology: ${q(P(i + 3))}`);
  y.push('conduits:');
  for (let i = 0; i < 3; i++) y.push(`  - id: C-${i}`, `    name: ${q(P(i + 5))}`, `    zones: [Z-${i}, Z-${i + 1}]`, `    channels:`, `      - {protocol: https, port: 443, encrypted: ${i !== 1}}`);
  y.push('hazards:');
  for (let i = 0; i < 3; i++) y.push(`  - id: HAZ-${i}`, `    hazard: ${q(P(i + 7))}`, `    hazardous_situation: ${q(P(i + 8))}`, `    harm: ${q(P(i + 9))}`, `    severity: ${i + 3}`);
  y.push('threats:');
  for (let i = 0; i < PAYLOADS.length; i++)
    y.push(
      `  - id: THR-${i}`,
      `    title: ${q(P(i))}`,
      `    description: ${q(P(i + 1))}`,
      `    attacker: ${q(P(i + 2))}`,
      `    stride: [S]`,
      `    targets: [AST-${i % 4}]`,
      `    hazards: [HAZ-${i % 3}]`,
      `    score: {pre: 7.5, post: 3.1}`,
      ...(i % 5 === 0 ? [`    status: accepted`, `    acceptance: {by: ${q(P(i + 3))}, rationale: ${q(P(i + 4))}}`] : [`    controls: [CTRL-${i}]`, `    status: mitigated`]),
    );
  y.push('controls:');
  for (let i = 0; i < PAYLOADS.length; i++) if (i % 5 !== 0) y.push(`  - id: CTRL-${i}`, `    title: ${q(P(i + 6))}`, `    description: ${q(P(i + 7))}`, `    implements: [SEC-REQ-${i}]`);
  y.push('requirements:');
  for (let i = 0; i < PAYLOADS.length; i++) {
    // Payload text in a suppression justification too (the comment runs to the end of the line).
    if (i % 4 === 0) y.push(`  # spdf-disable-next-line RQ002 -- ${P(i + 10)}`);
    y.push(`  - id: SEC-REQ-${i}`, `    title: ${q(P(i))}`, `    text: ${q(P(i + 11))}`, ...(i % 3 === 0 ? [`    tests: [TC-${i}]`] : []));
  }
  y.push('tests:');
  for (let i = 0; i < PAYLOADS.length; i += 3) y.push(`  - id: TC-${i}`, `    title: ${q(P(i + 12))}`, `    verifies: [SEC-REQ-${i}]`, `    result: ${i % 2 ? 'fail' : 'pass'}`);
  writeFileSync(join(root, 'model.spdf.yaml'), `${y.join('\n')}\n`);
  writeFileSync(join(root, 'spdf.config.yaml'), 'version: 1\nprofile: recommended\n');
  return root;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8' };

/** Serves media/ and in-memory pages on 127.0.0.1 (stands in for the webview resource origin). */
export function serve(pages: Map<string, string>): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const page = pages.get(url.pathname);
    if (page !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html'] });
      res.end(page);
      return;
    }
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^\/+/, '');
    if (!rel.startsWith('media/')) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = readFileSync(join(REPO, rel));
      res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

export interface Watch {
  console: string[];
}

/** Installs __pwn, a CSP violation recorder and (for webviews) a fake acquireVsCodeApi that answers `ready` with data. */
export async function instrument(page: Page, data?: { message: unknown; state?: unknown }): Promise<Watch> {
  const w: Watch = { console: [] };
  page.on('console', (m) => w.console.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => w.console.push(`pageerror: ${e.message}`));
  // A string, not a function: the test runner's transpiler would add helpers the page does not have.
  await page.addInitScript(`(() => {
    const message = ${JSON.stringify(data?.message ?? null)};
    let saved = ${JSON.stringify(data?.state ?? null) ?? 'null'};
    window.__pwned = [];
    window.__pwn = (n) => window.__pwned.push(n);
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
    window.__sent = [];
    if (message !== null)
      window.acquireVsCodeApi = () => ({
        postMessage(m) {
          window.__sent.push(m);
          if (m && m.type === 'ready') setTimeout(() => window.postMessage(message, '*'), 0);
        },
        getState: () => saved === null ? undefined : saved,
        setState: (s) => { saved = s; window.__state = s; },
      });
  })();`);
  return w;
}

export async function waitOrExplain(page: Page, w: Watch, selector: string): Promise<void> {
  try {
    await page.waitForSelector(selector, { timeout: 15_000 });
  } catch (e) {
    throw new Error(`${(e as Error).message}\nconsole:\n${w.console.join('\n')}`);
  }
}

export async function assertClean(page: Page, w: Watch, what: string): Promise<void> {
  // Give delayed handlers (onbegin, onstart, autofocus, meta refresh) a chance; poke the page.
  await page.mouse.move(50, 50);
  await page.mouse.move(400, 300);
  await page.keyboard.press('Tab');
  await page.waitForTimeout(700);
  const pwned = await page.evaluate(() => (window as unknown as { __pwned: number[] }).__pwned);
  const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
  const cspConsole = w.console.filter((l) => /Content Security Policy|Refused to/i.test(l));
  const errors = w.console.filter((l) => l.startsWith('pageerror'));
  assert.deepEqual(pwned, [], `${what}: window.__pwn was called`);
  assert.deepEqual(violations, [], `${what}: CSP violations`);
  assert.deepEqual(cspConsole, [], `${what}: CSP console messages`);
  assert.deepEqual(errors, [], `${what}: page errors`);
  assert.ok(page.url().startsWith('http://127.0.0.1'), `${what}: the page navigated away to ${page.url()}`);
}

function assertVisible(text: string, what: string): void {
  const missing = PAYLOADS.map((p, i) => [i + 1, p] as const).filter(([, p]) => !text.includes(p));
  assert.deepEqual(missing, [], `${what}: payloads not shown verbatim`);
}

async function checkExport(ctx: BrowserContext, origin: string): Promise<void> {
  const page = await ctx.newPage();
  const w = await instrument(page);
  await page.goto(`${origin}/export.html`);
  await assertClean(page, w, 'HTML export');
  assertVisible(await page.evaluate(() => document.body.innerText), 'HTML export');
  const scripts = await page.evaluate(() => document.scripts.length);
  assert.equal(scripts, 0, 'HTML export has no script element');
  await page.close();
  console.log('ok - HTML export: no __pwn, no CSP violation, every payload verbatim');
}

async function checkMatrix(ctx: BrowserContext, origin: string, matrix: Matrix): Promise<void> {
  const page = await ctx.newPage();
  await page.setViewportSize({ width: 1600, height: 4000 });
  const w = await instrument(page, { message: { type: 'data', matrix } });
  await page.goto(`${origin}/matrix.html`);
  await waitOrExplain(page, w, 'tbody tr td');
  let seen = '';
  for (const v of VIEWS) {
    await page.selectOption('select[aria-label="View"]', v);
    await page.waitForTimeout(50);
    seen += await page.evaluate(() => document.body.innerText);
  }
  await assertClean(page, w, 'matrix webview');
  assertVisible(seen, 'matrix webview');
  // A click on an ID posts an `open` message with the target, nothing else.
  await page.selectOption('select[aria-label="View"]', 'requirements');
  await page.click('tbody tr td a.link');
  const sent = await page.evaluate(() => (window as unknown as { __sent: { type: string }[] }).__sent);
  assert.ok(
    sent.some((m) => m.type === 'open'),
    'click posts open',
  );
  await assertClean(page, w, 'matrix webview after interaction');
  await page.close();
  console.log('ok - matrix webview: no __pwn, no CSP violation, every payload verbatim, click -> open');
}

async function checkDiagram(ctx: BrowserContext, origin: string, diagram: unknown, payloadsIn: string[]): Promise<void> {
  const page = await ctx.newPage();
  await page.setViewportSize({ width: 3000, height: 3000 });
  const w = await instrument(page, { message: { type: 'data', diagram } });
  await page.goto(`${origin}/diagram.html`);
  await page.waitForSelector('svg g.zone');
  await page.click('button');
  await assertClean(page, w, 'zone diagram');
  const text = await page.evaluate(() => document.querySelector('svg')!.textContent ?? '');
  const missing = payloadsIn.filter((p) => !text.includes(p));
  assert.deepEqual(missing, [], 'zone diagram: payloads not shown verbatim');
  const sent = await page.evaluate(() => (window as unknown as { __sent: { type: string; svg?: string }[] }).__sent);
  const svg = sent.find((m) => m.type === 'saveSvg')?.svg ?? '';
  assert.ok(svg.startsWith('<svg') && !/<script/i.test(svg.replace(/&lt;script/gi, '')), 'exported SVG has no script element');
  await page.close();
  console.log('ok - zone diagram: no __pwn, no CSP violation, names verbatim, SVG export');
}

/**
 * Input problems (here: every payload) as the extension sends them: the INCOMPLETE banner leads the page, above the
 * matrix grid and the diagram, with each problem verbatim and nothing run.
 */
async function checkIncomplete(ctx: BrowserContext, origin: string, matrix: Matrix, diagram: ZoneDiagramResult): Promise<void> {
  const pages: [string, string, unknown][] = [
    ['matrix', '.grid', matrixMessage({ ...matrix, problems: PAYLOADS })],
    ['diagram', '.canvas', diagramMessage({ ...diagram, problems: PAYLOADS })],
  ];
  for (const [name, below, message] of pages) {
    const page = await ctx.newPage();
    const w = await instrument(page, { message });
    await page.goto(`${origin}/${name}.html`);
    await waitOrExplain(page, w, '.incomplete-headline');
    const banner = await page.evaluate(() => document.querySelector('.incomplete').innerText as string);
    assert.ok(banner.startsWith(`INCOMPLETE: ${PAYLOADS.length} input problems`), `${name}: ${banner.slice(0, 200)}`);
    assertVisible(banner, `${name} INCOMPLETE banner`);
    const [top, rest] = await Promise.all([page.locator('.incomplete').boundingBox(), page.locator(below).boundingBox()]);
    assert.ok(top && rest && top.y < rest.y && top.height > 0, `${name}: the banner is not above the data: ${JSON.stringify([top, rest])}`);
    await assertClean(page, w, `${name} INCOMPLETE banner`);
    await page.close();
  }
  console.log('ok - INCOMPLETE banner (matrix, diagram): above the data, every problem verbatim, no __pwn, no CSP violation');
}

/** 20,000 rows: at most a few hundred in the DOM, the last row reachable, filters and scroll restored. */
async function checkVirtualization(ctx: BrowserContext, origin: string, matrix: Matrix): Promise<void> {
  const big = syntheticMatrix(matrix, 20_000);
  const page = await ctx.newPage();
  await page.setViewportSize({ width: 1400, height: 900 });
  const w = await instrument(page, { message: { type: 'data', matrix: big } });
  await page.goto(`${origin}/matrix.html`);
  await page.waitForSelector('tbody tr td');
  const inDom = await page.evaluate(() => document.querySelectorAll('tbody tr').length);
  assert.ok(inDom > 10 && inDom <= 300, `rows in the DOM: ${inDom}`);
  await page.evaluate(() => {
    const g = document.querySelector('.grid')!;
    g.scrollTop = g.scrollHeight;
  });
  await page.waitForTimeout(200);
  const lastId = big.views.requirements!.rows[big.views.requirements!.rows.length - 1].id;
  const visibleLast = await page.evaluate((id) => {
    const tr = document.querySelector(`tbody tr[data-id="${id}"]`);
    if (!tr) return false;
    const r = tr.getBoundingClientRect();
    const g = document.querySelector('.grid')!.getBoundingClientRect();
    return r.bottom <= g.bottom + 1 && r.top >= g.top;
  }, lastId);
  if (!visibleLast) {
    const dbg = await page.evaluate((id) => {
      const g = document.querySelector('.grid')!;
      const trs: any[] = Array.from(document.querySelectorAll('tbody tr'));
      const last = trs[trs.length - 1] as any;
      const tr = document.querySelector(`tbody tr[data-id="${id}"]`);
      return {
        scrollTop: g.scrollTop,
        scrollHeight: g.scrollHeight,
        client: g.clientHeight,
        rows: trs.length,
        lastId: last?.dataset.id,
        lastRect: last?.getBoundingClientRect().toJSON(),
        found: !!tr,
        grid: g.getBoundingClientRect().toJSON(),
        rowH: (trs[1] as any)?.getBoundingClientRect().height,
        tf: (document.querySelector('table') as any).style.transform,
      };
    }, lastId);
    console.error(JSON.stringify(dbg));
  }
  assert.ok(visibleLast, 'scrolling to the end shows the last row');
  assert.ok((await page.evaluate(() => document.querySelectorAll('tbody tr').length)) <= 300);
  // Filters and scroll survive a reload through setState/getState.
  await page.fill('input[type="search"]', 'REQ-1999');
  await page.waitForTimeout(400);
  await page.uncheck('label.s-OK input');
  await page.evaluate(() => {
    const g = document.querySelector('.grid')!;
    g.scrollTop = 240;
    g.dispatchEvent(new Event('scroll'));
  });
  await page.waitForTimeout(300);
  const state = await page.evaluate(() => (window as unknown as { __state: unknown }).__state);
  await assertClean(page, w, 'matrix with 20,000 rows');
  await page.close();
  const again = await ctx.newPage();
  await again.setViewportSize({ width: 1400, height: 900 });
  await instrument(again, { message: { type: 'data', matrix: big }, state });
  await again.goto(`${origin}/matrix.html`);
  await again.waitForSelector('tbody tr td');
  await again.waitForTimeout(200);
  const restored = await again.evaluate(() => ({
    text: (document.querySelector('input[type="search"]') as any).value,
    ok: (document.querySelector('label.s-OK input') as any).checked,
    scrollTop: document.querySelector('.grid')!.scrollTop,
  }));
  assert.deepEqual(restored, { text: 'REQ-1999', ok: false, scrollTop: (state as { scrollTop: number }).scrollTop });
  await again.close();
  console.log(`ok - matrix webview with 20,000 rows: ${inDom} rows in the DOM, last row shown, filters and scroll restored`);
}

/** A matrix whose requirements view has `n` rows (copies of real rows with new IDs). */
export function syntheticMatrix(base: Matrix, n: number): Matrix {
  const v = base.views.requirements!;
  const rows = Array.from({ length: n }, (_, i) => {
    const r = v.rows[i % v.rows.length];
    const id = `SEC-REQ-${String(i).padStart(5, '0')}`;
    return { ...r, id, cells: { ...r.cells, id: [{ text: id }] } };
  });
  return { ...base, views: { requirements: { ...v, rows } } };
}

async function main(): Promise<void> {
  process.env.SPDF_NO_GIT = '1';
  const root = xssWorkspace();
  const userDir = mkdtempSync(join(tmpdir(), 'spdf-chromium-'));
  let server: Server | undefined;
  let ctx: BrowserContext | undefined;
  try {
    const t = await loadTrace(root, { code: false });
    const pages = new Map<string, string>();
    pages.set('/export.html', toHtml(t.matrix, { title: PAYLOADS[0], subtitle: PAYLOADS[6] }));
    const served = await serve(pages);
    server = served.server;
    const asUri = (p: string) => `${served.origin}/media/${p}`;
    pages.set('/matrix.html', matrixHtml(served.origin, makeNonce(), asUri));
    pages.set('/diagram.html', diagramHtml(served.origin, makeNonce(), asUri));
    const ix = new TraceIndex({ graph: t.check.workspace.graph, config: t.check.workspace.config, lint: t.result });
    const diagram = await zoneDiagram(ix);
    const inDiagram = [...diagram.zones.flatMap((z) => [z.name, ...z.assets.map((a) => a.name)]), ...diagram.conduits.map((c) => c.label)];
    mkdirSync(userDir, { recursive: true });
    ctx = await chromium.launchPersistentContext(userDir, {
      executablePath: process.env.SPDF_CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    await checkExport(ctx, served.origin);
    await checkMatrix(ctx, served.origin, t.matrix);
    await checkDiagram(ctx, served.origin, diagram, inDiagram);
    await checkVirtualization(ctx, served.origin, t.matrix);
    await checkIncomplete(ctx, served.origin, t.matrix, { ...diagram, problems: [] });
    console.log(`40-xss-chromium: all checks passed (${PAYLOADS.length} payload kinds)`);
  } finally {
    await ctx?.close();
    server?.close();
    rmSync(root, { recursive: true, force: true });
    rmSync(userDir, { recursive: true, force: true });
  }
}

if (require.main === module)
  main().catch((e) => {
    console.error(`40-xss-chromium: FAILED: ${(e as Error)?.stack ?? e}`);
    process.exit(1);
  });
