/**
 * Readability of the webviews in headless Debian Chromium, with VS Code's Light+, Dark+ and High Contrast
 * theme variables: the zone diagram (no label outside its box, no two boxes overlapping, zoom, pan and fit)
 * and the matrix (sticky ID and title columns, column choice, ARIA grid keyboard navigation), axe-core with
 * no serious or critical violation on both. Screenshots go to test/e2e/.artifacts/.
 * Run by 50-webviews-chromium.sh (npm run test:e2e). Exit code 0 = every check passed.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { loadTrace } from '../../../src/cli/commands/trace';
import { TraceIndex } from '../../../src/core/matrix/build';
import { zoneDiagramModel, type ZoneDiagram } from '../../../src/core/matrix/diagram';
import type { Matrix } from '../../../src/core/matrix/model';
import { diagramHtml, makeNonce, matrixHtml } from '../../../src/extension/webviews/html';
import { themeScript, type ThemeName } from '../lib/vscode-themes';
import { assertClean, instrument, serve, waitOrExplain, type Watch } from './40-xss-chromium';

const REPO = join(__dirname, '..', '..', '..');
const ARTIFACTS = join(REPO, 'test', 'e2e', '.artifacts');
const AXE = readFileSync(join(REPO, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

declare const document: any;
declare const window: any;

async function open(ctx: BrowserContext, url: string, theme: ThemeName, data: { message: unknown; state?: unknown }, size = { width: 1542, height: 900 }): Promise<{ page: Page; w: Watch }> {
  const page = await ctx.newPage();
  await page.setViewportSize(size);
  await page.addInitScript(themeScript(theme));
  const w = await instrument(page, data);
  await page.goto(url);
  return { page, w };
}

/** axe-core in the page (evaluated through the debugger protocol, so the page's CSP does not block it). */
async function assertAxe(page: Page, what: string): Promise<void> {
  await page.evaluate(AXE);
  const violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] }[] = await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })))`,
  );
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `${what}: axe-core serious or critical violations`);
}

// ---- zone diagram --------------------------------------------------------------------------------

/**
 * Geometry of the drawn diagram in SVG user units: every text lies inside its own box (the `rect.box` of its
 * group) and touches no other box inside that one (a title never runs under the SL-T badge or an asset);
 * any two boxes are nested or disjoint; zones and conduit labels are pairwise disjoint.
 */
const GEOMETRY = `(() => {
  const bad = [];
  const E = 0.5;
  const bb = (el) => { const b = el.getBBox(); return { x: b.x, y: b.y, r: b.x + b.width, b: b.y + b.height }; };
  const name = (el) => { const g = el.closest('[data-id]'); return (g ? g.dataset.id : '?') + ' ' + (el.getAttribute('class') || el.tagName) + (el.tagName === 'text' ? ' "' + el.textContent.slice(0, 40) + '"' : ''); };
  const inside = (a, b) => a.x >= b.x - E && a.y >= b.y - E && a.r <= b.r + E && a.b <= b.b + E;
  const meet = (a, b) => Math.min(a.r, b.r) - Math.max(a.x, b.x) > E && Math.min(a.b, b.b) - Math.max(a.y, b.y) > E;
  const layer = document.querySelector('svg g.layer');
  const boxes = [...layer.querySelectorAll('rect.box')].map((el) => ({ el, r: bb(el) }));
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (meet(a.r, b.r) && !inside(a.r, b.r) && !inside(b.r, a.r)) bad.push('overlap: ' + name(a.el) + ' / ' + name(b.el));
    }
  const top = boxes.filter((x) => x.el.matches('rect.frame, .conduit-label > rect'));
  for (let i = 0; i < top.length; i++)
    for (let j = i + 1; j < top.length; j++) if (meet(top[i].r, top[j].r)) bad.push('overlap: ' + name(top[i].el) + ' / ' + name(top[j].el));
  let texts = 0;
  for (const t of layer.querySelectorAll('text')) {
    texts++;
    let own = null;
    for (let p = t.parentNode; p && p !== layer && !own; p = p.parentNode) own = p.querySelector(':scope > rect.box');
    if (!own) { bad.push('no box: ' + name(t)); continue; }
    const tr = bb(t), or = bb(own);
    if (!inside(tr, or)) bad.push('outside its box: ' + name(t) + ' ' + JSON.stringify(tr) + ' in ' + JSON.stringify(or));
    for (const b of boxes) if (b.el !== own && inside(b.r, or) && meet(tr, b.r)) bad.push('text under another box: ' + name(t) + ' / ' + name(b.el));
  }
  return { bad, boxes: boxes.length, texts };
})()`;

function layoutModel(ix: TraceIndex): ZoneDiagram {
  // The model without positions: the page lays it out itself.
  return zoneDiagramModel(ix);
}

async function checkDiagram(ctx: BrowserContext, url: string, diagram: ZoneDiagram, what: string, shot?: string): Promise<void> {
  for (const theme of ['light', 'dark', 'hc'] as ThemeName[]) {
    const { page, w } = await open(ctx, url, theme, { message: { type: 'data', diagram } });
    await waitOrExplain(page, w, 'svg g.layer g.zone');
    const g: { bad: string[]; boxes: number; texts: number } = await page.evaluate(GEOMETRY);
    assert.deepEqual(g.bad, [], `${what} (${theme}): label and box geometry`);
    assert.ok(g.boxes >= diagram.zones.length && g.texts >= diagram.zones.length, `${what}: boxes and texts drawn`);
    // Fit to view: the whole drawing inside the canvas.
    const fits = await page.evaluate(`(() => {
      const c = document.querySelector('.canvas').getBoundingClientRect();
      const l = document.querySelector('svg g.layer').getBoundingClientRect();
      return l.left >= c.left - 1 && l.top >= c.top - 1 && l.right <= c.right + 1 && l.bottom <= c.bottom + 1 && l.width > c.width * 0.5 - 1;
    })()`);
    assert.ok(fits, `${what} (${theme}): fitted into the view`);
    if (shot && theme !== 'hc') await page.screenshot({ path: join(ARTIFACTS, `${shot}-${theme}.png`) });
    await assertAxe(page, `${what} (${theme})`);
    if (theme === 'light') await checkZoomKeys(ctx, url, diagram, page, what);
    await assertClean(page, w, what);
    await page.close();
  }
  console.log(`ok - ${what}: no label outside its box, no overlap (light, dark, high contrast), fitted, axe clean`);
}

async function checkZoomKeys(ctx: BrowserContext, url: string, diagram: ZoneDiagram, page: Page, what: string): Promise<void> {
  const tf = () => page.evaluate(() => document.querySelector('svg g.layer').getAttribute('transform') as string);
  const k = async () => Number(/scale\(([\d.]+)\)/.exec(await tf())![1]);
  const fitted = await k();
  await page.focus('.canvas');
  await page.keyboard.press('1');
  assert.equal(await k(), 1, `${what}: 1 shows the actual size`);
  await page.screenshot({ path: join(ARTIFACTS, `${what.replace(/\W+/g, '-')}-100.png`) });
  await page.keyboard.press('0');
  await page.keyboard.press('+');
  assert.ok((await k()) > fitted * 1.2, `${what}: + zooms in`);
  const before = await tf();
  await page.keyboard.press('ArrowRight');
  const after = await tf();
  assert.notEqual(after, before, `${what}: an arrow key pans`);
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  assert.ok((await k()) < fitted, `${what}: - zooms out`);
  await page.keyboard.press('0');
  assert.equal(await k(), fitted, `${what}: 0 fits again`);
  await page.click('button[title="Zoom in (+)"]');
  await page.waitForTimeout(200);
  const saved = await page.evaluate(() => window.__state);
  assert.ok(saved && saved.view && saved.view.fit === false && saved.view.k > fitted, `${what}: zoom kept in the webview state`);
  // Tab to an item outside the view: the view pans to it.
  await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 8; i++) await page.keyboard.press('+');
  const seen = await page.evaluate(`(async () => {
    const c = document.querySelector('.canvas').getBoundingClientRect();
    const items = [...document.querySelectorAll('svg [tabindex="0"]')];
    const out = items.find((el) => { const r = el.getBoundingClientRect(); return r.right < c.left || r.left > c.right || r.bottom < c.top || r.top > c.bottom; });
    if (!out) return 'none outside';
    out.focus();
    const r = out.getBoundingClientRect();
    return r.left >= c.left - 1 && r.top >= c.top - 1 && r.left <= c.right && r.top <= c.bottom ? 'in view' : 'still outside';
  })()`);
  assert.equal(seen, 'in view', `${what}: focusing an item pans it into view`);
  // A reload restores the zoom and pan.
  await page.waitForTimeout(200);
  const state = await page.evaluate(() => window.__state);
  const transform = await tf();
  const again = await open(ctx, url, 'light', { message: { type: 'data', diagram }, state });
  await waitOrExplain(again.page, again.w, 'svg g.layer g.zone');
  assert.equal(await again.page.evaluate(() => document.querySelector('svg g.layer').getAttribute('transform') as string), transform, `${what}: zoom and pan restored after a reload`);
  await again.page.close();
}

// ---- matrix -------------------------------------------------------------------------------------

async function checkMatrix(ctx: BrowserContext, url: string, matrix: Matrix): Promise<void> {
  for (const theme of ['light', 'dark', 'hc'] as ThemeName[]) {
    const { page, w } = await open(ctx, url, theme, { message: { type: 'data', matrix } });
    await waitOrExplain(page, w, 'tbody tr td');
    await page.screenshot({ path: join(ARTIFACTS, `matrix-${theme}.png`) });
    await assertAxe(page, `matrix (${theme})`);
    if (theme === 'light') {
      await checkMatrixLayout(page);
      await checkMatrixKeyboard(page);
      await checkMatrixColumns(ctx, url, matrix, page);
    }
    await assertClean(page, w, `matrix (${theme})`);
    await page.close();
  }
  console.log('ok - matrix: sticky ID and title, one tab stop with arrow keys, columns chosen and restored, axe clean (light, dark, high contrast)');
}

/** At 1542 px the ID and title columns stay at the left edge when the grid scrolls sideways. */
async function checkMatrixLayout(page: Page): Promise<void> {
  const at = () =>
    page.evaluate(`(() => {
      const g = document.querySelector('.grid').getBoundingClientRect();
      const row = document.querySelector('tbody tr');
      const cells = [...row.children].map((td) => td.getBoundingClientRect());
      return { grid: g.left, id: cells[0].left, title: cells[1].left, idRight: cells[0].right, third: cells[2].left, scrollW: document.querySelector('.grid').scrollWidth, clientW: document.querySelector('.grid').clientWidth, firstHeader: document.querySelector('thead th').textContent, secondHeader: document.querySelectorAll('thead th')[1].textContent };
    })()`) as Promise<{ grid: number; id: number; title: number; idRight: number; third: number; scrollW: number; clientW: number; firstHeader: string; secondHeader: string }>;
  const before = await at();
  assert.equal(before.firstHeader, 'ID');
  assert.equal(before.secondHeader, 'Title');
  assert.ok(before.scrollW > before.clientW, `the default requirements columns are wider than the view (${before.scrollW} > ${before.clientW}), so the sticky check means something`);
  await page.evaluate(`document.querySelector('.grid').scrollLeft = 100000`);
  await page.waitForTimeout(100);
  const after = await at();
  assert.ok(Math.abs(after.id - after.grid) < 1, `ID column stays at the left edge (${after.id} vs ${after.grid})`);
  assert.ok(Math.abs(after.title - after.idRight) < 1, 'title column stays next to it');
  assert.ok(after.third < before.third - 50, 'the other columns scrolled');
  await page.evaluate(`document.querySelector('.grid').scrollLeft = 0`);
}

/** ARIA grid: one tab stop, arrows move focus cell by cell, Enter on a one-link cell posts `open`. */
async function checkMatrixKeyboard(page: Page): Promise<void> {
  const stops = await page.evaluate(`[...document.querySelectorAll('.grid [tabindex]')].filter((e) => e.tabIndex >= 0).length`);
  assert.equal(stops, 1, 'the grid has exactly one tab stop');
  assert.equal(await page.evaluate(`document.querySelector('table').getAttribute('role')`), 'grid');
  const focused = () => page.evaluate(`(() => { const a = document.activeElement; return a ? a.getAttribute('data-row') + ',' + a.getAttribute('data-col') + ',' + (a.tabIndex) : null; })()`);
  await page.focus('.grid [tabindex="0"]');
  assert.equal(await focused(), '0,0,0');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(), '2,1,0', 'arrows move the focus and the tab stop');
  await page.screenshot({ path: join(ARTIFACTS, 'matrix-keyboard-light.png'), clip: { x: 0, y: 80, width: 800, height: 140 } });
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(), '-1,1,0', 'up from the first row reaches the header');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  assert.equal(await focused(), `0,${((await page.evaluate(`document.querySelectorAll('thead th').length`)) as number) - 1},0`, 'End goes to the last column');
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  const sent = (await page.evaluate(`window.__sent.filter((m) => m.type === 'open')`)) as { target: { id: string } }[];
  assert.ok(sent.length >= 1 && /^SEC-REQ-/.test(sent[sent.length - 1].target.id), 'Enter on the ID cell opens the item');
  await page.keyboard.press('Control+End');
  const last = (await page.evaluate(`document.activeElement.getAttribute('data-row')`)) as string;
  const rows = (await page.evaluate(`Number(document.querySelector('table').getAttribute('aria-rowcount')) - 2`)) as number;
  assert.equal(Number(last), rows, 'Ctrl+End reaches the last row');
  await page.keyboard.press('Control+Home');
  assert.equal(await focused(), '0,0,0');
}

/** Hiding a column through the Columns panel changes the grid and survives a reload (webview state). */
async function checkMatrixColumns(ctx: BrowserContext, url: string, matrix: Matrix, page: Page): Promise<void> {
  const headers = () => page.evaluate(`[...document.querySelectorAll('thead th')].map((t) => t.textContent)`) as Promise<string[]>;
  const before = await headers();
  assert.ok(!before.includes('Why'), 'the Why column is not shown by default (the status cell carries it)');
  await page.click('button:has-text("Columns")');
  await page.uncheck('.columns-panel label:has-text("Hazards") input');
  await page.check('.columns-panel label:has-text("Why") input');
  const after = await headers();
  const rows = (await page.evaluate(`[...document.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((td) => td.textContent))`)) as string[][];
  const iStatus = after.indexOf('Status');
  const iWhy = after.indexOf('Why');
  for (const r of rows) {
    assert.equal(r.length, after.length, 'every row has a cell per shown column');
    assert.match(r[iStatus], /^(OK|PARTIAL|MISSING|SUSPECT|JUSTIFIED|ERROR)$/, 'with the Why column shown, the status cell holds just the status');
  }
  assert.ok(
    rows.some((r) => r[iWhy] !== ''),
    'the Why column has the reasons',
  );
  await page.screenshot({ path: join(ARTIFACTS, 'matrix-columns-light.png') });
  assert.ok(!after.some((h) => h.startsWith('Hazards')) && after.includes('Why'), `columns changed: ${after.join(' | ')}`);
  await page.keyboard.press('Escape');
  await page.click('button:has-text("Export")');
  const exp = (await page.evaluate(`window.__sent.filter((m) => m.type === 'export')`)) as { view: string }[];
  assert.deepEqual(exp, [{ type: 'export', view: 'requirements' }], 'Export asks the extension, naming the view');
  await page.waitForTimeout(300);
  const state = await page.evaluate(`window.__state`);
  const again = await open(ctx, url, 'light', { message: { type: 'data', matrix }, state });
  await waitOrExplain(again.page, again.w, 'tbody tr td');
  const restored = (await again.page.evaluate(`[...document.querySelectorAll('thead th')].map((t) => t.textContent)`)) as string[];
  assert.deepEqual(restored, after, 'column choice restored after a reload');
  await again.page.close();
}

/** A model with long names, long words, many assets and channels (labels that must wrap). */
function longNamesWorkspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'spdf-long-'));
  const long = (s: string, n: number) => Array.from({ length: n }, (_, i) => `${s}${i}`).join(' ');
  const y: string[] = ['zones:'];
  const classes = ['it', 'dmz', 'device', 'cloud', 'ot', 'external'];
  for (let i = 0; i < 6; i++)
    y.push(
      `  - id: Z-VERY-LONG-ZONE-IDENTIFIER-${i}`,
      `    name: ${JSON.stringify(i % 2 ? long('Hospital network segment', 6) : `Zone${'W'.repeat(60)}${i}`)}`,
      `    class: ${classes[i]}`,
      `    sl_t: ${i % 2 ? '{FR1: 1, FR2: 3, FR3: 2, FR4: 2, FR5: 1, FR6: 2, FR7: 3}' : 2}`,
      ...(i === 2 ? ['    safety_designation: true', '    wireless: true', '    temporarily_connected: true'] : []),
    );
  y.push('assets:');
  for (let i = 0; i < 24; i++)
    y.push(
      `  - id: AST-LONG-${i}`,
      `    name: ${JSON.stringify(i % 3 ? `Asset ${long('component', 1 + (i % 7))}` : `Ä${'M'.repeat(50)}${i}`)}`,
      `    kind: component`,
      `    zone: Z-VERY-LONG-ZONE-IDENTIFIER-${i % 6}`,
    );
  y.push('conduits:');
  for (let i = 0; i < 6; i++)
    y.push(
      `  - id: C-LONG-CONDUIT-${i}`,
      `    name: Conduit ${i}`,
      `    zones: [Z-VERY-LONG-ZONE-IDENTIFIER-${i}, Z-VERY-LONG-ZONE-IDENTIFIER-${(i + 1 + (i % 2)) % 6}]`,
      `    channels:`,
      ...Array.from({ length: 1 + (i % 4) * 2 }, (_, k) => `      - {protocol: proto${k}-with-a-long-name, port: ${1000 + k}, encrypted: ${k % 2 === 0}}`),
    );
  writeFileSync(join(root, 'model.spdf.yaml'), `${y.join('\n')}\n`);
  return root;
}

async function main(): Promise<void> {
  process.env.SPDF_NO_GIT = '1';
  mkdirSync(ARTIFACTS, { recursive: true });
  const longRoot = longNamesWorkspace();
  const userDir = mkdtempSync(join(tmpdir(), 'spdf-chromium-'));
  let server: Server | undefined;
  let ctx: BrowserContext | undefined;
  try {
    const example = await loadTrace(join(REPO, 'examples', 'infusion-pump'), {});
    const longT = await loadTrace(longRoot, { code: false });
    const ixOf = (t: typeof example) => new TraceIndex({ graph: t.check.workspace.graph, config: t.check.workspace.config, lint: t.result });
    const pages = new Map<string, string>();
    const served = await serve(pages);
    server = served.server;
    const asUri = (p: string) => `${served.origin}/media/${p}`;
    pages.set('/matrix.html', matrixHtml(served.origin, makeNonce(), asUri));
    pages.set('/diagram.html', diagramHtml(served.origin, makeNonce(), asUri));
    ctx = await chromium.launchPersistentContext(userDir, {
      executablePath: process.env.SPDF_CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    if (!process.env.SKIP_DIAGRAM) await checkDiagram(ctx, `${served.origin}/diagram.html`, layoutModel(ixOf(example)), 'zone diagram of the example', 'diagram-example');
    if (!process.env.SKIP_DIAGRAM) await checkDiagram(ctx, `${served.origin}/diagram.html`, layoutModel(ixOf(longT)), 'zone diagram with long names', 'diagram-long-names');
    await checkMatrix(ctx, `${served.origin}/matrix.html`, example.matrix);
    console.log('50-webviews-chromium: all checks passed');
  } finally {
    await ctx?.close();
    server?.close();
    rmSync(longRoot, { recursive: true, force: true });
    rmSync(userDir, { recursive: true, force: true });
  }
}

if (require.main === module)
  main().catch((e) => {
    console.error(`50-webviews-chromium: FAILED: ${(e as Error)?.stack ?? e}`);
    process.exit(1);
  });
