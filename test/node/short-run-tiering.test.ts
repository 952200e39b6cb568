// @spdf verifies SPDF-FC-CACHE
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { restoreDefaultTiering, SHORT_RUN_INTERRUPT_BUDGET, shortRunTiering, V8_DEFAULT_INTERRUPT_BUDGET } from '../../src/node/short-run-tiering';

const onMeasuredV8 = process.versions.v8.startsWith('11.3.');

/** A fake `setFlagsFromString` that records what it was asked, so this process's V8 flags stay as they are. */
function recorder(): { flags: string[]; set: (flags: string) => void } {
  const flags: string[] = [];
  return { flags, set: (f) => void flags.push(f) };
}

/**
 * In a new process: compiles a script and stores V8's code for it under Node's default flags, then in another process
 * sets `flags` one after the other (node:v8) and says whether V8 rejected that code.
 */
function rejectedAfter(flags: string[]): boolean {
  const file = join(mkdtempSync(join(tmpdir(), 'spdf-tiering-')), 'code.bin');
  const script = (make: boolean) => `const vm = require('node:vm'); const fs = require('node:fs'); const v8 = require('node:v8');
const src = '(function () { let s = 0; for (let i = 0; i < 10; i++) s += i; return s; })()';
if (${make}) { const s = new vm.Script(src); s.runInThisContext(); fs.writeFileSync(${JSON.stringify(file)}, s.createCachedData()); }
else { for (const f of ${JSON.stringify(flags)}) v8.setFlagsFromString(f); const s = new vm.Script(src, { cachedData: fs.readFileSync(${JSON.stringify(file)}) }); process.stdout.write(String(s.cachedDataRejected)); }`;
  const env = { ...process.env, NODE_OPTIONS: '' };
  execFileSync(process.execPath, ['-e', script(true)], { env });
  return execFileSync(process.execPath, ['-e', script(false)], { env, encoding: 'utf8' }) === 'true';
}

describe('short-run tiering (V8 optimises a short command later; its code cache stays valid)', () => {
  afterEach(() => restoreDefaultTiering());

  it('raises the budget for links only, and sets the default back once', function () {
    if (!onMeasuredV8) this.skip();
    const v8 = recorder();
    const tiering = shortRunTiering('links', v8.set);
    assert.ok(tiering);
    assert.deepEqual(v8.flags, [`--interrupt-budget=${SHORT_RUN_INTERRUPT_BUDGET}`]);
    tiering.restore();
    tiering.restore();
    restoreDefaultTiering();
    assert.deepEqual(v8.flags, [`--interrupt-budget=${SHORT_RUN_INTERRUPT_BUDGET}`, `--interrupt-budget=${V8_DEFAULT_INTERRUPT_BUDGET}`]);
  });

  it('changes nothing for other commands', () => {
    const v8 = recorder();
    for (const command of ['check', 'trace', 'lint', undefined]) assert.equal(shortRunTiering(command, v8.set), undefined);
    assert.deepEqual(v8.flags, []);
  });

  it('parse workers get the default back before they start (restoreDefaultTiering), and the later restore is a no-op', function () {
    if (!onMeasuredV8) this.skip();
    const v8 = recorder();
    const tiering = shortRunTiering('links', v8.set)!;
    restoreDefaultTiering();
    tiering.restore();
    assert.deepEqual(v8.flags, [`--interrupt-budget=${SHORT_RUN_INTERRUPT_BUDGET}`, `--interrupt-budget=${V8_DEFAULT_INTERRUPT_BUDGET}`]);
  });

  it("raises it once per process (a second raise before the restore is refused, so the restore stays the first one's)", function () {
    if (!onMeasuredV8) this.skip();
    const v8 = recorder();
    assert.ok(shortRunTiering('links', v8.set));
    assert.equal(shortRunTiering('links', v8.set), undefined);
    assert.equal(v8.flags.length, 1);
  });

  it("restores V8's own default: code stored under Node's defaults is rejected while the budget is raised and used again after", function () {
    if (!onMeasuredV8) this.skip();
    this.timeout(30_000);
    // The raise is in V8's flag hash (so the restore matters), and the restored value is V8's real default.
    assert.equal(rejectedAfter([`--interrupt-budget=${SHORT_RUN_INTERRUPT_BUDGET}`]), true);
    assert.equal(rejectedAfter([`--interrupt-budget=${SHORT_RUN_INTERRUPT_BUDGET}`, `--interrupt-budget=${V8_DEFAULT_INTERRUPT_BUDGET}`]), false);
    assert.equal(rejectedAfter([]), false);
  });
});
