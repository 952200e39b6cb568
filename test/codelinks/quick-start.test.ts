// @spdf verifies SPDF-IDX-001
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { buildCodeIndex } from '../../src/node/codeindex/build-code-index';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'code');

describe('code index: a short run parses with baseline WebAssembly code', function () {
  this.timeout(120_000);

  it('indexes every fixture language as the default parse does', async () => {
    const quick = await buildCodeIndex({ root: FIXTURES, workers: 0, shortRun: true });
    const usual = await buildCodeIndex({ root: FIXTURES, workers: 0 });
    assert.ok(quick.stats.parsed >= 10, `parsed ${quick.stats.parsed}`);
    assert.deepEqual(quick.files, usual.files);
    assert.deepEqual(quick.notes, usual.notes);
  });

  it("sets V8's flags back, so code cached before the parse is still taken after it", () => {
    // A fresh process: this one's flags may already have been changed by earlier tests.
    const probe = `
      const vm = require('node:vm');
      const { parseQuickly } = require(${JSON.stringify(path.join(__dirname, '..', '..', 'src', 'node', 'codeindex', 'quick-start-runtime.ts'))});
      const source = 'module.exports = (n) => n * 2;';
      const cachedData = new vm.Script(source, { filename: 'before.js' }).createCachedData();
      const task = { file: 'a.py', language: 'python', text: 'def f():\\n    # @spdf implements SEC-REQ-1\\n    return 1\\n', isTestFile: false };
      parseQuickly(undefined, [task], {}).then((parsed) => {
        // Another name: the same name would be answered from V8's in-memory cache without looking at cachedData.
        const again = new vm.Script(source, { filename: 'after.js', cachedData });
        process.stdout.write(JSON.stringify({ links: parsed[0].index.links.length, rejected: again.cachedDataRejected }));
      });`;
    const out = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', probe], { encoding: 'utf8' });
    assert.deepEqual(JSON.parse(out), { links: 1, rejected: false });
  });

  it("sets V8's flags back when the files it began to compile for go to parse workers after all", () => {
    // The in-thread runtime starts compiling at the first file to parse; passing the worker threshold must not leave
    // the flags set (the workers would compile in baseline code, and the bundle's code cache would be refused).
    const probe = `
      const vm = require('node:vm');
      const { buildCodeIndex } = require(${JSON.stringify(path.join(__dirname, '..', '..', 'src', 'node', 'codeindex', 'build-code-index.ts'))});
      const source = 'module.exports = (n) => n * 3;';
      const cachedData = new vm.Script(source, { filename: 'before.js' }).createCachedData();
      buildCodeIndex({ root: ${JSON.stringify(FIXTURES)}, workers: 2, workerThresholdBytes: 1, shortRun: true }).then((r) => {
        const again = new vm.Script(source, { filename: 'after.js', cachedData });
        process.stdout.write(JSON.stringify({ workers: r.stats.usedWorkers, parsed: r.stats.parsed >= 10, rejected: again.cachedDataRejected }));
      });`;
    const out = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', probe], { encoding: 'utf8' });
    assert.deepEqual(JSON.parse(out), { workers: 2, parsed: true, rejected: false });
  });
});
