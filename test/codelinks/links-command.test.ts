// @spdf verifies SPDF-CMD-LINKS
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CODE_FINDINGS_CACHE_FILE, FINDINGS_CACHE_FILE } from '../../src/node/findings-cache';
import { workspaceCacheDir } from '../../src/node/cache-location';
import { runCli, tempWorkspace } from '../support/cli';

const MODEL = 'requirements:\n  - id: SEC-REQ-001\n    title: Signed commands\n';

describe('spdf links: tags that became no link', () => {
  it('prints unreadable tags with file:line:col and exits 1', async () => {
    const root = tempWorkspace({
      'model.spdf.yaml': MODEL,
      'src/dose.c': '// @spdf implement SEC-REQ-001\nint dose(void) { return 0; }\n// @spdf implements SEC-REQ-001\nint rate(void) { return 0; }\n',
    });
    const r = await runCli(['links', root], root);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^src\/dose\.c:1:4\s+error\s+CL008\s+unknown relation 'implement'.*did you mean 'implements'/m);
    assert.match(r.stdout, /^src\/dose\.c:3:21\s+implements SEC-REQ-001\s+rate/m);
    assert.match(r.stdout, /^1 links: .*; tag problems: 1 error, 0 warnings$/m);
  });

  it('lists the problems in JSON with 1-based positions', async () => {
    const root = tempWorkspace({ 'model.spdf.yaml': MODEL, 'src/dose.py': '# @spdf verifies\ndef dose():\n    pass\n' });
    const r = await runCli(['links', root, '--format', 'json'], root);
    assert.equal(r.code, 1);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(json.links, []);
    assert.deepEqual(json.problems, [{ file: 'src/dose.py', line: 1, column: 3, endLine: 1, endColumn: 17, severity: 'error', code: 'CL008', message: "'@spdf verifies' needs at least one ID" }]);
  });

  it('reports orphan tags as warnings and tags next to syntax errors as errors (CL009 by default), and fails on them', async () => {
    const root = tempWorkspace({
      'model.spdf.yaml': MODEL,
      'src/pump.py': 'import os\n\nLIMIT = 1  # @spdf implements SEC-REQ-001\n\n\nclass Pump:\n    # @spdf implements SEC-REQ-001\n    def stop(self, x:\n        pass\n',
    });
    const r = await runCli(['links', root, '--format', 'json'], root);
    assert.equal(r.code, 1);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(
      json.problems.map((p: { line: number; severity: string; code: string }) => `${p.line} ${p.severity} ${p.code}`),
      ['3 warning CL002', '7 error CL009'],
    );
  });

  it('shows the lines a StrictDoc range or line link covers, in text and JSON', async () => {
    const root = tempWorkspace({
      'spdf.config.yaml': 'version: 1\ncode:\n  tag_syntaxes: [spdf, strictdoc]\n',
      'model.spdf.yaml': MODEL,
      'src/dose.c': 'int dose(int r) {\n  /* @relation(SEC-REQ-001, scope=range_start) */\n  r = r + 1;\n  /* @relation(SEC-REQ-001, scope=range_end) */\n  return r;\n}\n',
    });
    const text = await runCli(['links', root], root);
    assert.match(text.stdout, /^src\/dose\.c:2:16\s+implements SEC-REQ-001\s+dose lines 2-4\s+unreviewed$/m);
    const json = await runCli(['links', root, '--format', 'json'], root);
    assert.deepEqual(JSON.parse(json.stdout).links[0].lines, { startLine: 2, endLine: 4 });
  });

  // Each case once exited 0: the listing looked complete while its statuses were not true.
  const UNTRUE: [string, Record<string, string>, RegExp][] = [
    ['a model file does not load', { 'broken.spdf.yaml': 'threats:\n  - id: THR-001\n    title: [unclosed\n' }, /^broken\.spdf\.yaml:4:1: error TM000 /m],
    ['a link names an ID the model does not define', { 'src/rate.py': '# @spdf implements SEC-REQ-009\ndef rate():\n    pass\n' }, /^$/],
    ['the review lock is not JSON', { 'spdf.lock.json': '{"links": [' }, /^warning: spdf\.lock\.json is not valid JSON/m],
    [
      'the only marker of a file is in capitals',
      { 'src/rate.c': '// @SPDF implements SEC-REQ-001\nint rate(void) { return 0; }\n' },
      /^src\/rate\.c:1:4\s+error\s+CL011\s+'@SPDF' is not a tag marker/m,
    ],
  ];
  for (const [name, files, stderr] of UNTRUE)
    it(`exits 1 when ${name}`, async () => {
      const root = tempWorkspace({ 'model.spdf.yaml': MODEL, 'src/dose.py': '# @spdf implements SEC-REQ-001\ndef dose():\n    pass\n', ...files });
      const r = await runCli(['links', root], root);
      assert.equal(r.code, 1, r.stdout);
      assert.match(r.stderr, stderr);
    });

  it('exits 0 when every tag became a link', async () => {
    const root = tempWorkspace({ 'model.spdf.yaml': MODEL, 'src/dose.py': '# @spdf implements SEC-REQ-001\ndef dose():\n    pass\n' });
    const r = await runCli(['links', root, '--format', 'json'], root);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.stdout).problems, []);
  });

  it('runs no rule: it shows none of their findings, so it neither computes nor caches them', async () => {
    const root = tempWorkspace({ 'model.spdf.yaml': MODEL, 'src/dose.py': '# @spdf implements SEC-REQ-001\ndef dose():\n    pass\n' });
    const location = mkdtempSync(join(tmpdir(), 'spdf-links-cache-'));
    assert.equal((await runCli(['links', root, '--cache-location', location], root)).code, 0);
    const dir = workspaceCacheDir(root, location)!;
    assert.ok(readdirSync(dir).length > 0, 'the code index is cached');
    assert.ok(!existsSync(join(dir, FINDINGS_CACHE_FILE)) && !existsSync(join(dir, CODE_FINDINGS_CACHE_FILE)), 'no findings were cached');
    assert.match((await runCli(['lint', root, '--cache-location', location], root)).stdout, /RQ001/);
    assert.ok(existsSync(join(dir, FINDINGS_CACHE_FILE)), 'lint over the same cache folder does cache findings');
  });
});
