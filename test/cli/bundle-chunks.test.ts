/** The built bundles leave exceljs, the CVSS calculator, elkjs, ajv and fast-xml-parser to chunks (dist/exceljs.js, dist/cvss.js, dist/elk.js, dist/ajv.js, dist/xml.js), required on first use only. */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tempWorkspace } from '../support/cli';
import { exitOf, pollUntil } from '../support/wait';

const DIST = join(__dirname, '..', '..', 'dist');

describe('bundles', () => {
  for (const bundle of ['cli.js', 'cli-main.js', 'cli-links.js', 'cli-check.js', 'extension.js']) {
    it(`${bundle} requires exceljs from its own chunk instead of bundling it`, () => {
      const text = readFileSync(join(DIST, bundle), 'utf8');
      assert.doesNotMatch(text, /node_modules\/exceljs\//);
      assert.ok(existsSync(join(DIST, 'exceljs.js')));
    });
  }

  for (const bundle of ['cli.js', 'cli-main.js', 'cli-check.js', 'server.js', 'server-main.js']) {
    it(`${bundle} requires the CVSS calculator from its own chunk instead of bundling it`, () => {
      assert.doesNotMatch(readFileSync(join(DIST, bundle), 'utf8'), /node_modules\/ae-cvss-calculator\//);
      assert.ok(existsSync(join(DIST, 'cvss.js')));
    });
  }

  for (const bundle of ['cli.js', 'cli-main.js', 'cli-links.js', 'cli-check.js', 'server.js', 'server-main.js', 'extension.js']) {
    it(`${bundle} requires ajv (SBOM schema validation) and fast-xml-parser (XML SBOMs, JUnit, ReqIF) from chunks instead of bundling them`, () => {
      const text = readFileSync(join(DIST, bundle), 'utf8');
      for (const pkg of ['ajv', 'ajv-formats', 'ajv-formats-draft2019', 'fast-xml-parser', 'nearley']) assert.doesNotMatch(text, new RegExp(`node_modules/${pkg}/`), pkg);
      assert.ok(existsSync(join(DIST, 'ajv.js')) && existsSync(join(DIST, 'xml.js')));
    });
  }

  for (const bundle of ['server.js', 'server-main.js']) {
    it(`${bundle} requires elkjs (only the zone diagram lays out with it) from its own chunk instead of bundling it`, () => {
      assert.doesNotMatch(readFileSync(join(DIST, bundle), 'utf8'), /node_modules\/elkjs\//);
      assert.ok(existsSync(join(DIST, 'elk.js')));
    });
  }

  it('the built server lays the zone diagram out through the elkjs chunk, which its start does not load', async function () {
    this.timeout(120_000);
    const zones = 'zones:\n  - id: Z-CLINIC\n    name: Clinic network\n  - id: Z-PUMP\n    name: Pump\nconduits:\n  - id: C-1\n    name: Clinic to pump\n    from: Z-CLINIC\n    to: Z-PUMP\n';
    const root = tempWorkspace({ 'spdf.config.yaml': 'version: 1\n', 'm.spdf.yaml': zones });
    const child = spawn(process.execPath, [join(DIST, 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NODE_DEBUG: 'module' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    const send = (m: object) => {
      const body = JSON.stringify({ jsonrpc: '2.0', ...m });
      child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    };
    const seen = (what: string, test: () => boolean) => pollUntil(what, test, 60000, () => out.slice(-300), 20);
    const elkRequired = () => /Module\._load REQUEST \.\/elk\.js /.test(err);
    try {
      send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {}, initializationOptions: { trusted: false } } });
      send({ method: 'initialized', params: {} });
      await seen('the first complete status', () => /"method":"spdf\/status","params":\{"indexing":false/.test(out));
      assert.equal(elkRequired(), false, 'the start loads no elkjs');
      send({ id: 2, method: 'spdf/zoneDiagram', params: {} });
      const answer = () => messages(out).find((m) => m.id === 2);
      await seen('the zone diagram', () => answer() !== undefined);
      const diagram = answer()!.result as { width: number; zones: { id: string; width: number }[]; conduits: unknown[] };
      assert.ok(diagram, JSON.stringify(answer()));
      assert.deepEqual(diagram.zones.map((z) => z.id).sort(), ['Z-CLINIC', 'Z-PUMP']);
      assert.ok(diagram.width > 0 && diagram.zones.every((z) => z.width > 0), JSON.stringify(diagram));
      assert.equal(diagram.conduits.length, 1);
      assert.ok(elkRequired(), 'the layout came from dist/elk.js');
      send({ id: 3, method: 'shutdown' });
      await seen('the answer to shutdown', () => out.includes('"id":3'));
      send({ method: 'exit' });
      await exitOf(child, 'the server', 30000);
    } finally {
      child.kill();
    }
  });

  it('the extension package ships every chunk its bundles require', () => {
    const allowed = readFileSync(join(DIST, '..', '.vscodeignore'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('!'))
      .map((l) => l.slice(1));
    for (const bundle of ['server.js', 'server-main.js', 'extension.js'])
      for (const [, chunk] of readFileSync(join(DIST, bundle), 'utf8').matchAll(/require\("\.\/([\w-]+\.js)"\)/g)) assert.ok(allowed.includes(`dist/${chunk}`), `${bundle} requires ${chunk}`);
  });

  it('an HTML report of a model without CVSS vectors loads neither chunk', function () {
    this.timeout(60_000);
    const root = tempWorkspace({ 'm.spdf.yaml': 'requirements:\n  - id: REQ-1\n    title: R\n    text: The pump shall stop.\n' });
    const r = chunksLoaded(root, ['trace', '--view', 'requirements', '--format', 'html', '-o', join(root, 'm.html'), '--no-cache']);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.chunks, []);
  });

  it('the built CLI scores a CVSS vector through the chunk', function () {
    this.timeout(60_000);
    const threat = `threats:
  - id: THR-001
    title: Usage log read by another app
    stride: [I]
    targets: [AST-LOG]
    score:
      method: cvss-3.1
      vector: "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N"
      pre: 5.3
`;
    const root = tempWorkspace({ 'm.spdf.yaml': `assets:\n  - id: AST-LOG\n    name: Usage log\n    kind: data\n${threat}` });
    const r = chunksLoaded(root, ['lint', '--format', 'json', '--no-cache']);
    assert.deepEqual(r.chunks, ['cvss.js']);
    const findings = (JSON.parse(r.stdout) as { findings: { code: string; message: string }[] }).findings.filter((f) => f.code === 'TR004');
    assert.equal(findings.length, 1, r.stdout);
    assert.match(findings[0].message, /3\.3/);
  });

  it('the built CLI validates a CycloneDX SBOM against its schema (ajv is required on the first SBOM only)', function () {
    this.timeout(60_000);
    const model = 'system:\n  id: SYS-PUMP\n  name: Pump\n  sbom: sbom.cdx.json\n';
    const sbom = '{"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1, "components": [{"type": "gadget", "name": "x"}]}\n';
    const root = tempWorkspace({ 'm.spdf.yaml': model, 'sbom.cdx.json': sbom });
    const r = spawnSync(process.execPath, [join(DIST, 'cli.js'), 'lint', '--format', 'json', '--no-cache'], { cwd: root, encoding: 'utf8' });
    assert.match(r.stdout, /schema: \/components\/0\/type must be equal to one of the allowed values/, r.stderr);
  });

  it('the built `spdf links` reports an SBOM that breaks its schema through the ajv chunk, and fails', function () {
    this.timeout(60_000);
    const model = 'system:\n  id: SYS-PUMP\n  name: Pump\n  sbom: sbom.cdx.json\n';
    const sbom = '{"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1, "components": [{"type": "gadget", "name": "x"}]}\n';
    const root = tempWorkspace({ 'm.spdf.yaml': model, 'sbom.cdx.json': sbom });
    const r = chunksLoaded(root, ['links', '--no-cache']);
    assert.deepEqual(r.chunks, ['ajv.js']);
    assert.match(r.stderr, /^sbom\.cdx\.json:\d+:\d+: error SB007 CycloneDX 1\.6 schema: \/components\/0\/type must be equal to one of the allowed values/m);
    assert.equal(r.status, 1);
  });

  it('the built CLI reads JUnit results through the XML chunk, which a workspace without XML does not load', function () {
    this.timeout(60_000);
    const model = 'requirements:\n  - id: REQ-1\n    title: R\n    text: The pump shall stop.\n    verification: [test]\n';
    const junit = '<testsuite name="s"><testcase classname="c" name="REQ-1 stops"><failure message="no"/></testcase></testsuite>\n';
    const withXml = tempWorkspace({ 'spdf.config.yaml': 'test_results: ["results/*.xml"]\n', 'm.spdf.yaml': model, 'results/junit.xml': junit });
    assert.deepEqual(chunksLoaded(withXml, ['trace', '--format', 'json', '--no-cache']).chunks, ['xml.js']);
    assert.deepEqual(chunksLoaded(withXml, ['links', '--no-cache']).chunks, ['xml.js']);
    assert.deepEqual(chunksLoaded(tempWorkspace({ 'm.spdf.yaml': model }), ['links', '--no-cache']).chunks, []);
  });

  it('the built CLI still writes a spreadsheet through the chunk', function () {
    this.timeout(60_000);
    const root = tempWorkspace({ 'm.spdf.yaml': 'requirements:\n  - id: REQ-1\n    title: R\n    text: The pump shall stop.\n' });
    const out = join(root, 'matrix.xlsx');
    const r = spawnSync(process.execPath, [join(DIST, 'cli.js'), 'trace', '--view', 'requirements', '--format', 'xlsx', '-o', out, '--no-cache'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(out).subarray(0, 2).toString('latin1'), 'PK');
  });
});

/** The JSON-RPC messages in `out`, the server's stdout so far (Content-Length framed; a message cut off is left out). */
function messages(out: string): { id?: number; result?: unknown }[] {
  const bytes = Buffer.from(out, 'utf8');
  const found: { id?: number; result?: unknown }[] = [];
  for (let at = 0; ;) {
    const head = bytes.indexOf('\r\n\r\n', at);
    const length = /Content-Length: (\d+)/.exec(bytes.subarray(at, head).toString('latin1'));
    if (head < 0 || !length || head + 4 + Number(length[1]) > bytes.length) return found;
    found.push(JSON.parse(bytes.subarray(head + 4, head + 4 + Number(length[1])).toString('utf8')) as { id?: number; result?: unknown });
    at = head + 4 + Number(length[1]);
  }
}

/** Runs the built CLI and names the chunks it required (Node's module debug log). */
function chunksLoaded(cwd: string, args: string[]): { status: number | null; stdout: string; stderr: string; chunks: string[] } {
  const r = spawnSync(process.execPath, [join(DIST, 'cli.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'module' } });
  const chunks = [...new Set([...r.stderr.matchAll(/Module\._load REQUEST \.\/(exceljs|cvss|ajv|xml)\.js /g)].map((m) => `${m[1]}.js`))];
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, chunks };
}
