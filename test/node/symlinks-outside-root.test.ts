// @spdf verifies SPDF-FC-SYMLINK
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FsHost } from '../../src/node/fs-host';
import { checkPath } from '../../src/node/workspace';
import { runCli } from '../support/cli';

const REQ = (id: string) => `requirements:\n  - id: ${id}\n    title: t\n`;

/** A workspace `ws/` beside an `outside/` folder, linked to from inside in every way that matters. */
function fixture(): string {
  const base = mkdtempSync(join(tmpdir(), 'spdf-links-'));
  const put = (p: string, text: string) => {
    mkdirSync(join(base, p, '..'), { recursive: true });
    writeFileSync(join(base, p), text);
  };
  put('outside/model/far.spdf.yaml', REQ('SEC-REQ-900'));
  put('outside/src/far.c', '// @spdf implements SEC-REQ-001\nint far(void) { return 0; }\n');
  put('ws/model/m.spdf.yaml', REQ('SEC-REQ-001'));
  put('ws/src/a.c', '// @spdf implements SEC-REQ-001\nint a(void) { return 0; }\n');
  symlinkSync(join(base, 'outside/model'), join(base, 'ws/model/ext'));
  symlinkSync(join(base, 'outside/model/far.spdf.yaml'), join(base, 'ws/far.spdf.yaml'));
  symlinkSync(join(base, 'outside/src'), join(base, 'ws/src/vendor'));
  symlinkSync(join(base, 'ws/model'), join(base, 'ws/model-alias'));
  symlinkSync('../src/a.c', join(base, 'ws/model/a-link.c'));
  symlinkSync('..', join(base, 'ws/src/loop'));
  symlinkSync(join(base, 'outside/gone.spdf.yaml'), join(base, 'ws/model/dangling.spdf.yaml'));
  mkdirSync(join(base, 'ws/..dots'));
  writeFileSync(join(base, 'ws/..dots/d.spdf.yaml'), REQ('SEC-REQ-002'));
  symlinkSync(join(base, 'ws/..dots'), join(base, 'ws/model/dots'));
  return join(base, 'ws');
}

describe('symbolic links that leave the workspace root', () => {
  it('are not followed, for model and code files, and each is noted', async () => {
    const root = fixture();
    const check = await checkPath(root, { cache: false });
    assert.deepEqual([...check.workspace.graph.byId.keys()].sort(), ['SEC-REQ-001', 'SEC-REQ-002']);
    assert.deepEqual(
      check.workspace.allFiles.filter((f) => f.startsWith('model/ext') || f === 'far.spdf.yaml' || f.startsWith('src/vendor')),
      [],
    );
    const codeFiles = (check.inputs.code?.files ?? []).map((f) => f.file);
    assert.ok(codeFiles.includes('src/a.c'), codeFiles.join(', '));
    assert.deepEqual(
      codeFiles.filter((f) => f.startsWith('src/vendor')),
      [],
    );
    const noted = check.notes.filter((n) => /outside the workspace root; not followed/.test(n.reason)).map((n) => n.path);
    assert.deepEqual([...new Set(noted)].sort(), ['far.spdf.yaml', 'model/ext', 'src/vendor']);
  });

  it('fail spdf check, lint and links where a model or source file was left unread (each passed before)', async () => {
    const root = fixture();
    const gate = await runCli(['check', root, '--min-coverage', '0', '--allow-errors', '--no-cache'], root);
    assert.equal(gate.code, 1, gate.stdout);
    assert.match(gate.stderr, /^input problem: model\/dangling\.spdf\.yaml: symbolic link to a missing target .*\(the include globs choose it\)$/m);
    assert.match(gate.stderr, /^input problem: src\/vendor: symbolic link to .*outside the workspace root; not followed \(a folder the include globs reach into\)$/m);
    for (const args of [['lint'], ['links']]) {
      const r = await runCli([...args, root, '--no-cache'], root);
      assert.equal(r.code, 1, `spdf ${args[0]}: ${r.stderr}`);
      assert.match(r.stderr, /^(error|warning): far\.spdf\.yaml: symbolic link to .*outside the workspace root/m);
    }
    const check = await checkPath(root, { cache: false });
    assert.deepEqual(
      check.unread.map((u) => u.slice(0, u.indexOf(': '))),
      ['far.spdf.yaml', 'model/dangling.spdf.yaml', 'model/ext', 'src/vendor'],
      'a loop back into the workspace and a link inside it leave nothing unread',
    );
  });

  it('notes a link whose target is missing instead of dropping it silently', async () => {
    const host = new FsHost(fixture());
    await host.listFiles();
    assert.ok(
      host.notes.some((n) => n.path === 'model/dangling.spdf.yaml' && /symbolic link to a missing target/.test(n.reason)),
      JSON.stringify(host.notes),
    );
  });

  it('still follows links that stay inside the root, and loops stay safe', async () => {
    const root = fixture();
    const files = await new FsHost(root).listFiles();
    assert.ok(files.includes('model/a-link.c'), files.join(', '));
    assert.ok(files.includes('model-alias/m.spdf.yaml') || files.includes('model/m.spdf.yaml'), files.join(', '));
  });

  it('are refused when a path is read directly', async () => {
    const root = fixture();
    await assert.rejects(new FsHost(root).readFile('model/ext/far.spdf.yaml'), /outside the workspace root; not read/);
    assert.equal(await new FsHost(root).statSize('far.spdf.yaml'), undefined);
    assert.notEqual((await new FsHost(root).readFile('model/a-link.c')).length, 0, 'model/a-link.c is read through its link');
  });
});
