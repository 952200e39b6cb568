/** The built bundles leave exceljs and the CVSS calculator to chunks (dist/exceljs.js, dist/cvss.js), required on first use only. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempWorkspace } from '../support/cli';

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

  it('the built CLI still writes a spreadsheet through the chunk', function () {
    this.timeout(60_000);
    const root = tempWorkspace({ 'm.spdf.yaml': 'requirements:\n  - id: REQ-1\n    title: R\n    text: The pump shall stop.\n' });
    const out = join(root, 'matrix.xlsx');
    const r = spawnSync(process.execPath, [join(DIST, 'cli.js'), 'trace', '--view', 'requirements', '--format', 'xlsx', '-o', out, '--no-cache'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(out).subarray(0, 2).toString('latin1'), 'PK');
  });
});

/** Runs the built CLI and names the chunks it required (Node's module debug log). */
function chunksLoaded(cwd: string, args: string[]): { status: number | null; stdout: string; stderr: string; chunks: string[] } {
  const r = spawnSync(process.execPath, [join(DIST, 'cli.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'module' } });
  const chunks = [...new Set([...r.stderr.matchAll(/Module\._load REQUEST \.\/(exceljs|cvss)\.js /g)].map((m) => `${m[1]}.js`))];
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, chunks };
}
