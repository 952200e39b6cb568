// UI end-to-end: installs the packaged .vsix into code-server, opens a scratch copy of the example in headless
// Chromium (playwright-core), opens a model file, and asserts that the Problems panel rows carry every rule code
// of examples/infusion-pump/expected-findings.json; then opens the quick-fix menu on an unknown ID (the did-you-mean
// fix must come first) and the requirements panel. Saves screenshots of the three under test/e2e/.artifacts/.
// Env: NODE24_BIN, CODE_SERVER, PW_CORE (from the tools' env.sh), VSIX.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const { chromium } = require(process.env.PW_CORE || 'playwright-core');
const repo = resolve(import.meta.dirname, '..', '..', '..');
const art = join(repo, 'test', 'e2e', '.artifacts');
mkdirSync(art, { recursive: true });
const SHOT = join(art, 'vscode-problems.png');
const QUICKFIX_SHOT = join(art, 'vscode-quickfix.png');
const PANEL_SHOT = join(art, 'vscode-panel.png');
const VSIX = process.env.VSIX || join(repo, 'spdf-workbench.vsix');
const expected = JSON.parse(readFileSync(join(repo, 'examples', 'infusion-pump', 'expected-findings.json'), 'utf8')).findings;
const codes = [...new Set(expected.map((f) => f.code))].sort();
// The unknown ID of the example: `controls: [CTRL-011, CTRL-012]`, CTRL-012 is no control (did you mean CTRL-002?).
const UNKNOWN = expected.find((f) => f.code === 'TM002');

const t0 = Date.now();
const lap = (m) => console.log(`[+${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
const freePort = () =>
  new Promise((res, rej) => {
    const s = net.createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => res(p));
    });
  });
const run = (cmd, args, env) =>
  new Promise((res, rej) => {
    const p = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('exit', (c) => (c === 0 ? res(out) : rej(new Error(`${cmd} exited ${c}: ${out}`))));
  });

/**
 * Opens `file` through Quick Open and goes to line:column. Enter is pressed only once a row naming the file is
 * listed (the recent-files list shows before the typed name filters it), and the whole step is retried.
 */
async function openAt(page, file, line, column) {
  const name = file.split('/').pop();
  for (let attempt = 1; ; attempt++) {
    try {
      await page.keyboard.press('Escape');
      await page
        .locator('.editor-instance .monaco-editor .view-lines')
        .first()
        .click()
        .catch(() => undefined);
      await page.keyboard.press('Control+P');
      await page.waitForSelector('.quick-input-widget input', { timeout: 20000 });
      await page.keyboard.type(file);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 20000 });
      await page.keyboard.press('Enter');
      await page.waitForSelector(`.monaco-editor[data-uri$="${name}"] .view-lines`, { timeout: 30000 });
      break;
    } catch (e) {
      if (attempt >= 3) throw e;
      lap(`opening ${file} (attempt ${attempt}) failed: ${e.message.split('\n')[0]}; again`);
    }
  }
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget input', { timeout: 20000 });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
}

/** Ctrl+. on the unknown ID: the menu lists the did-you-mean fix first (the preferred one), the stub and the suppression after it. */
async function quickFixMenu(page) {
  try {
    await openAt(page, UNKNOWN.file, UNKNOWN.line, UNKNOWN.column + 1);
    await page.waitForSelector('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning', { timeout: 60000 });
    const widget = page.locator('.action-widget').first();
    const rows = page.locator('.action-widget .monaco-list-row.action');
    // Ctrl+. first; when the widget does not come up (a slow code-action request), the palette's "Quick Fix...".
    await page.keyboard.press('Control+.');
    if (
      !(await widget.waitFor({ state: 'visible', timeout: 20000 }).then(
        () => true,
        () => false,
      ))
    ) {
      await page.keyboard.press('Control+Shift+P');
      await page.waitForSelector('.quick-input-widget input', { timeout: 20000 });
      await page.keyboard.type('Quick Fix...');
      await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 20000 });
      await page.keyboard.press('Enter');
      await widget.waitFor({ state: 'visible', timeout: 30000 });
    }
    await rows
      .first()
      .waitFor({ timeout: 10000 })
      .catch(() => undefined);
    let titles = (await rows.allInnerTexts().catch(() => [])).map((t) => t.replace(/\s+/g, ' ').trim());
    if (!titles.length) {
      lap(`quick-fix widget without action rows: ${(await widget.innerHTML().catch(() => '')).slice(0, 1500)}`);
      titles = (await widget.innerText().catch(() => ''))
        .split('\n')
        .map((t) => t.trim())
        .filter(Boolean);
    }
    await page.waitForTimeout(300);
    await page.screenshot({ path: QUICKFIX_SHOT });
    lap(`quick fixes on ${UNKNOWN.code} ${UNKNOWN.file}:${UNKNOWN.line}: ${titles.join(' | ')}; screenshot -> ${QUICKFIX_SHOT}`);
    await page.keyboard.press('Escape');
    const first = titles[0] ?? '';
    if (!/^Change to 'CTRL-\d+'/.test(first) || !titles.some((t) => /stub/i.test(t)) || titles.findIndex((t) => /^Suppress/.test(t)) < 1) {
      console.error(`quick fixes in the wrong order or missing: ${titles.join(' | ')}`);
      return false;
    }
    return true;
  } catch (e) {
    console.error(`quick-fix menu: ${e.message}`);
    await page.screenshot({ path: QUICKFIX_SHOT }).catch(() => undefined);
    return false;
  }
}

/** The requirements panel with its status groups, the PARTIAL and MISSING rows saying what they lack. */
async function requirementsPanel(page) {
  try {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+P');
    await page.waitForSelector('.quick-input-widget input', { timeout: 20000 });
    await page.keyboard.type('SPDF: Show Requirements Panel');
    await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 20000 });
    await page.keyboard.press('Enter');
    const pane = page.locator('.part.sidebar .pane', { has: page.locator('.pane-header', { hasText: 'Requirements' }) }).first();
    const groups = pane.locator('.monaco-list-row', { hasText: /^(OK|PARTIAL|MISSING|SUSPECT|JUSTIFIED|ERROR)/ });
    await groups.first().waitFor({ timeout: 60000 });
    await page.waitForTimeout(1000);
    const rows = (await pane.locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    await page.screenshot({ path: PANEL_SHOT });
    lap(`requirements panel: ${rows.slice(0, 8).join(' | ')}; screenshot -> ${PANEL_SHOT}`);
    if (!rows.some((r) => /^SEC-REQ-\d+/.test(r))) {
      console.error(`the requirements panel shows no requirement: ${rows.join(' | ')}`);
      return false;
    }
    return true;
  } catch (e) {
    console.error(`requirements panel: ${e.message}`);
    await page.screenshot({ path: PANEL_SHOT }).catch(() => undefined);
    return false;
  }
}

const tmp = mkdtempSync(join(tmpdir(), 'spdf-ui-'));
const ws = join(tmp, 'infusion-pump');
cpSync(join(repo, 'examples', 'infusion-pump'), ws, { recursive: true });
const env = {
  ...process.env,
  PATH: `${process.env.NODE24_BIN}:${process.env.PATH}`,
  XDG_CONFIG_HOME: join(tmp, 'xdg-config'),
  XDG_DATA_HOME: join(tmp, 'xdg-data'),
  XDG_CACHE_HOME: join(tmp, 'xdg-cache'),
};
const ud = join(tmp, 'ud');
const exts = join(tmp, 'exts');
mkdirSync(join(ud, 'User'), { recursive: true });
writeFileSync(
  join(ud, 'User', 'settings.json'),
  JSON.stringify({
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'workbench.enableExperiments': false,
    'chat.disableAIFeatures': true,
    'workbench.tips.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
  }),
);

let cs;
let ok = false;
const cleanup = () => {
  try {
    if (cs) process.kill(-cs.pid, 'SIGTERM');
  } catch {
    /* gone */
  }
  rmSync(tmp, { recursive: true, force: true });
};
process.on('exit', cleanup);
try {
  const installed = await run(process.env.CODE_SERVER, ['--user-data-dir', ud, '--extensions-dir', exts, '--install-extension', VSIX, '--force'], env);
  if (!/spdf-workbench/.test(installed)) throw new Error(`install did not report the extension: ${installed}`);
  lap('vsix installed');
  const port = await freePort();
  cs = spawn(
    process.env.CODE_SERVER,
    [
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--user-data-dir',
      ud,
      '--extensions-dir',
      exts,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      ws,
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let csLog = '';
  cs.stdout.on('data', (d) => (csLog += d));
  cs.stderr.on('data', (d) => (csLog += d));
  await new Promise((res, rej) => {
    const to = setTimeout(() => rej(new Error(`code-server did not start:\n${csLog}`)), 60000);
    const iv = setInterval(() => {
      if (/HTTP server listening/.test(csLog)) {
        clearInterval(iv);
        clearTimeout(to);
        res();
      }
    }, 100);
  });
  lap(`code-server on 127.0.0.1:${port}`);
  const profile = join(tmp, 'chromium-profile');
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1500, height: 950 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = ctx.pages()[0] || (await ctx.newPage());
  try {
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });
    lap('workbench rendered');
    const file = expected[0].file;
    await page
      .locator('.monaco-workbench')
      .first()
      .click({ position: { x: 700, y: 400 } })
      .catch(() => undefined);
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget input', { timeout: 20000 });
    await page.keyboard.type(file.split('/').pop());
    await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 20000 });
    await page.keyboard.press('Enter');
    await page.waitForSelector('.editor-instance .monaco-editor .view-lines', { timeout: 30000 });
    lap(`${file} opened`);
    // Bring the first documented finding into view (squiggles are rendered for visible lines only).
    await page.keyboard.press('Control+G');
    await page.waitForSelector('.quick-input-widget input', { timeout: 20000 });
    await page.keyboard.type(`${expected[0].line}:${expected[0].column}`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning', { timeout: 90000 });
    lap('squiggle visible');
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Shift+M');
    await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 30000 });
    // Every documented code must show up in a Problems row (all files: the server publishes for the workspace).
    // The list is virtualized, so each code is looked up through the panel's filter box.
    const rowsText = async () => (await page.locator('.markers-panel .monaco-list-rows').innerText()).replace(/\s+/g, ' ');
    lap(`Problems panel (visible rows): ${(await rowsText()).slice(0, 400)}`);
    const filter = page.locator('.part.panel .viewpane-filter input, .part.panel .markers-panel-action-filter input').first();
    await filter.waitFor({ timeout: 20000 });
    const missing = [];
    for (const code of codes) {
      await filter.fill(code);
      const deadline = Date.now() + 30000;
      // Each documented finding is a row "... CODE [Ln L, Col C]".
      const want = expected.filter((f) => f.code === code).map((f) => `${code} [Ln ${f.line}, Col ${f.column}]`);
      let text = '';
      for (;;) {
        text = await rowsText().catch(() => '');
        if (want.every((w) => text.includes(w)) || Date.now() > deadline) break;
        await page.waitForTimeout(250);
      }
      const absent = want.filter((w) => !text.includes(w));
      lap(`filter ${code}: ${want.length - absent.length}/${want.length} documented rows shown`);
      if (absent.length) {
        // Once seen (session 20, a loaded machine): no row of a code the status bar counted. Tell a panel that kept a
        // stale filtered view from diagnostics never received: the rows shown now, a screenshot, then the filter typed again.
        lap(`filter ${code}: rows shown: ${text.slice(0, 600)}`);
        await page.screenshot({ path: join(art, `vscode-ui-missing-${code}.png`) }).catch(() => undefined);
        await filter.fill('');
        await page.waitForTimeout(500);
        await filter.fill(code);
        await page.waitForTimeout(2000);
        const again = await rowsText().catch(() => '');
        lap(`filter ${code} typed again: ${want.filter((w) => again.includes(w)).length}/${want.length} documented rows shown (all now: the panel kept a stale view; still counted missing)`);
        missing.push(...absent);
      }
    }
    await filter.fill('');
    await page.waitForTimeout(500);
    if (missing.length) console.error(`documented findings missing from the Problems panel: ${missing.join(', ')}`);
    ok = missing.length === 0;
    // The status bar item of the extension.
    const status = await page
      .locator('.statusbar-item', { hasText: 'SPDF' })
      .first()
      .innerText()
      .catch(() => '');
    lap(`status bar: ${status.replace(/\s+/g, ' ')}`);
    if (!/SPDF/.test(status)) {
      console.error('the SPDF status bar item is missing');
      ok = false;
    }
    await page.screenshot({ path: SHOT });
    lap(`screenshot -> ${SHOT}`);
    ok = (await quickFixMenu(page)) && ok;
    ok = (await requirementsPanel(page)) && ok;
  } finally {
    if (!ok) await page.screenshot({ path: join(art, 'vscode-ui-failure.png') }).catch((e) => console.log('screenshot failed', e.message));
    await ctx.close();
    if (!ok) console.log(`---- code-server log ----\n${csLog.slice(-4000)}`);
  }
} catch (e) {
  console.error(e);
  ok = false;
}
console.log(ok ? 'UI E2E PASS' : 'UI E2E FAIL');
process.exit(ok ? 0 : 1);
