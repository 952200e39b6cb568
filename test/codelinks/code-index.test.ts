// @spdf verifies SPDF-IDX-001
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MemoryHost, type Host } from '../../src/core/host';
import { buildCodeIndex } from '../../src/node/codeindex/build-code-index';
import { createFsReadHost } from '../../src/node/codeindex/fs-read-host';
import { OpenDocumentIndex } from '../../src/node/codeindex/open-documents';
import { FIXTURE_ROOT, indexText, listFixtures } from './fixture-harness';

const TAGGED_PY = 'def set_rate(rate):\n    # @spdf implements SEC-REQ-014\n    return rate\n';

function write(root: string, file: string, content: string | Buffer): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), content);
}

describe('code index: workspace robustness', function () {
  this.timeout(120_000);
  let root: string;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'spdf-codeindex-'));
    write(root, 'src/ok.py', TAGGED_PY);
    write(root, 'src/blob.c', Buffer.concat([Buffer.from('// @spdf implements SEC-REQ-1\n'), Buffer.from([0, 1, 2, 0])]));
    write(root, 'src/secret.py', TAGGED_PY);
    write(root, 'src/gone.py', TAGGED_PY);
    write(root, '.gitignore', 'ignored/\n');
    write(root, 'ignored/x.py', TAGGED_PY);
    write(root, 'node_modules/pkg/index.js', '// @spdf implements SEC-REQ-014\nfunction f() {}\n');
    fs.symlinkSync('..', path.join(root, 'src', 'loop'));
    const huge = fs.openSync(path.join(root, 'src', 'huge.py'), 'w');
    const chunk = Buffer.from(TAGGED_PY.repeat(1024));
    for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) fs.writeSync(huge, chunk);
    fs.closeSync(huge);
  });

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('indexes a tree with a symlink loop, a binary, a 50 MB file, a failing read and a vanished file', async () => {
    const fsHost = createFsReadHost(root);
    const readCount = new Map<string, number>();
    const host: Host = {
      listFiles: () => fsHost.listFiles(),
      statSize: async (file) => {
        if (file === 'src/gone.py') fs.rmSync(path.join(root, file), { force: true });
        return fsHost.statSize!(file);
      },
      readFile: async (file) => {
        readCount.set(file, (readCount.get(file) ?? 0) + 1);
        if (file === 'src/secret.py') throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        return fsHost.readFile(file);
      },
    };
    const result = await buildCodeIndex({ root, host, listWith: 'walk', workers: 0 });
    assert.deepEqual(
      result.files.map((f) => f.file),
      ['src/ok.py'],
    );
    assert.deepEqual(
      result.notes.map((n) => `${n.file} ${n.kind}`),
      ['src/blob.c unreadable', 'src/gone.py vanished', 'src/huge.py oversize', 'src/loop symlink-loop', 'src/secret.py unreadable'],
    );
    assert.equal(readCount.get('src/huge.py'), undefined, 'an oversize file is not read');
    assert.equal(result.files[0].links[0].symbol, 'src.ok.set_rate'.replace(/^src\./, ''));
  });

  it('reports a read failure injected through an in-memory host once', async () => {
    const host = new MemoryHost(
      new Map([
        ['a.py', TAGGED_PY],
        ['b.py', TAGGED_PY],
      ]),
      new Set(['b.py']),
    );
    const result = await buildCodeIndex({ root: '/nonexistent', host, workers: 0 });
    assert.deepEqual(
      result.files.map((f) => f.file),
      ['a.py'],
    );
    assert.deepEqual(result.notes, [{ file: 'b.py', kind: 'unreadable', message: "cannot read: EACCES: permission denied, open 'b.py'" }]);
  });
});

describe('code index: prefilter, always-parse globs, cache and workers', function () {
  this.timeout(120_000);

  it('parses only tagged files plus files claimed by always-parse globs', async () => {
    const host = new MemoryHost(
      new Map([
        ['fw/dose.c', 'int dose(void) { return 1; }\n'],
        ['fw/other.c', 'int other(void) { return 2; }\n'],
        ['fw/tagged.c', '// @spdf implements SEC-REQ-1\nint tagged(void) { return 3; }\n'],
        ['README.md', '@spdf implements SEC-REQ-1'],
      ]),
    );
    const result = await buildCodeIndex({ root: '/nonexistent', host, alwaysParse: ['fw/dose.c'], workers: 0 });
    assert.deepEqual(
      result.files.map((f) => f.file),
      ['fw/dose.c', 'fw/tagged.c'],
    );
    assert.deepEqual(
      result.files[0].symbols.map((s) => s.qualifiedName),
      ['dose'],
    );
    assert.equal(result.stats.tagged, 1);
  });

  it('reuses the on-disk cache and re-parses only changed files', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'spdf-cache-'));
    try {
      write(root, 'a.py', TAGGED_PY);
      write(root, 'b.py', TAGGED_PY.replace('014', '015'));
      const first = await buildCodeIndex({ root, cache: true, workers: 0 });
      assert.equal(first.stats.parsed, 2);
      const second = await buildCodeIndex({ root, cache: true, workers: 0 });
      assert.deepEqual([second.stats.parsed, second.stats.cached], [0, 2]);
      assert.deepEqual(second.files, first.files);
      write(root, 'b.py', TAGGED_PY.replace('014', '016'));
      const third = await buildCodeIndex({ root, cache: true, workers: 0 });
      assert.deepEqual([third.stats.parsed, third.stats.cached], [1, 1]);
      assert.equal(third.files[1].links[0].id, 'SEC-REQ-016');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('gives the same result from worker threads as in this thread', async () => {
    const files = listFixtures().map((f) => path.relative(FIXTURE_ROOT, f).split(path.sep).join('/'));
    // Every fixture carries a tag of one of these conventions (call-tag fixtures only carry calls).
    const callTags = [{ names: ['REQUIREMENT', 'RecordProperty', 'requirement', 'pytest.mark.req', 'Requirement'] }];
    const options = { root: FIXTURE_ROOT, files, tagSyntaxes: { syntaxes: ['spdf', 'oft', 'strictdoc', 'lobster'] as const } };
    const inThread = await buildCodeIndex({ ...options, tagSyntaxes: { syntaxes: [...options.tagSyntaxes.syntaxes], callTags }, workers: 0 });
    const pooled = await buildCodeIndex({
      ...options,
      tagSyntaxes: { syntaxes: [...options.tagSyntaxes.syntaxes], callTags },
      workers: 2,
      workerThresholdBytes: 0,
    });
    assert.equal(pooled.stats.usedWorkers, 2);
    assert.equal(pooled.stats.workerFallbacks, 0, 'every batch parsed in a worker');
    assert.equal(pooled.files.length, files.length);
    assert.deepEqual(pooled.files, inThread.files);
  });
});

describe('code index: incremental updates of open documents', function () {
  this.timeout(60_000);

  it('re-parses an edited document with the old tree and matches a fresh index', async () => {
    const docs = await OpenDocumentIndex.create();
    try {
      const text = 'class Pump:\n    # @spdf implements SEC-REQ-014\n    def set_rate(self, rate):\n        return rate\n';
      const opened = await docs.open('pump.py', text);
      assert.equal(opened?.links[0].symbol, 'pump.Pump.set_rate');
      const changed = await docs.change('pump.py', [
        { range: { start: { line: 3, character: 15 }, end: { line: 3, character: 19 } }, text: 'min(rate, 10)' },
        { range: { start: { line: 1, character: 31 }, end: { line: 1, character: 34 } }, text: '015' },
      ]);
      const expectedText = text.replace('return rate', 'return min(rate, 10)').replace('SEC-REQ-014', 'SEC-REQ-015');
      assert.deepEqual(changed, await indexText('pump.py', expectedText));
      assert.notEqual(changed?.links[0].codeHash, opened?.links[0].codeHash);

      const replaced = await docs.replace('pump.py', expectedText.replace('class Pump', 'class Pump2'));
      assert.equal(replaced?.links[0].symbol, 'pump.Pump2.set_rate');
      assert.deepEqual(replaced, await indexText('pump.py', expectedText.replace('class Pump', 'class Pump2')));
    } finally {
      docs.dispose();
    }
  });
});
