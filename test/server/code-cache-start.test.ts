// @spdf verifies SPDF-LSP-CODE-CACHE
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { exitOf, pollUntil } from '../support/wait';

const DIST = join(__dirname, '..', '..', 'dist');
const MODEL = 'requirements:\n  - id: SEC-REQ-001\n    title: Dose limit\n    text: The pump shall stop above the dose limit.\n';

/** The built server over stdio on `root` until its first complete status, then shut down; `XDG_CACHE_HOME` is `userCache`. */
async function start(root: string, userCache: string, trusted = true): Promise<void> {
  const child = spawn(process.execPath, [join(DIST, 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, XDG_CACHE_HOME: userCache } });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const send = (m: unknown) => {
    const body = JSON.stringify({ jsonrpc: '2.0', ...(m as object) });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
  send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {}, initializationOptions: { trusted } } });
  send({ method: 'initialized', params: {} });
  const seen = (what: string, test: () => boolean) => pollUntil(what, test, 60000, () => out.slice(-300), 20);
  await seen('the first complete status', () => /"method":"spdf\/status","params":\{"indexing":false/.test(out));
  // The entry is stored in a timer after the first index: a request answered after it shows the server past it.
  send({ id: 2, method: 'workspace/symbol', params: { query: 'SEC' } });
  await seen('the answer to workspace/symbol', () => out.includes('"id":2'));
  send({ id: 3, method: 'shutdown' });
  await seen('the answer to shutdown', () => out.includes('"id":3'));
  send({ method: 'exit' });
  await exitOf(child, 'the server', 30000);
}

describe('the built language server with the V8 code cache of its bundle', function () {
  this.timeout(180_000);
  let root: string;
  let userCache: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'spdf-lsp-code-cache-'));
    writeFileSync(join(root, 'spdf.config.yaml'), 'version: 1\n');
    mkdirSync(join(root, 'model'));
    writeFileSync(join(root, 'model', 'm.spdf.yaml'), MODEL);
    userCache = mkdtempSync(join(tmpdir(), 'spdf-user-cache-'));
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(userCache, { recursive: true, force: true });
  });
  const entries = () => {
    const dir = join(userCache, 'spdf-workbench', 'code-v1');
    return existsSync(dir) ? readdirSync(dir).map((f) => join(dir, f)) : [];
  };

  it('stores the entry of dist/server-main.js after the first index, and a second start takes it (V8 accepts it: it is not written again)', async () => {
    await start(root, userCache);
    const [entry, ...more] = entries();
    assert.equal(more.length, 0);
    const digest = createHash('sha256')
      .update(readFileSync(join(DIST, 'server-main.js')))
      .digest('hex');
    assert.ok(entry?.includes(digest.slice(0, 40)), `the entry is named by the bundle's SHA-256: ${entry}`);
    const written = statSync(entry).mtimeMs;
    await start(root, userCache);
    assert.deepEqual(entries(), [entry]);
    assert.equal(statSync(entry).mtimeMs, written, 'a rejected entry (other V8 flags, another bundle) would be written again');
  });

  it('writes nothing into the user cache for an untrusted workspace', async () => {
    await start(root, userCache, false);
    assert.deepEqual(entries(), []);
  });
});
