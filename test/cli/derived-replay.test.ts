// @spdf verifies SPDF-FC-RESULT-REINDEX
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { derivedWorkspace, loadCommandModules, PUMP, runBinary } from '../support/derived-replay';

const edit = (root: string, file: string, change: (text: string) => string) => writeFileSync(join(root, file), change(readFileSync(join(root, file), 'utf8')));
const pump = (change: (text: string) => string) => (root: string) => edit(root, 'src/pump.py', change);
const ROOT_USER = process.getuid?.() === 0;

/**
 * Edits of one source file, and whether the stored answer is replayed after it (its code index is the same) or not;
 * `check`: only by check, whose answer prints no position of the file (its index differs in positions alone), while
 * links and trace print them.
 */
const EDITS: { edit: string; change: (root: string) => void; replays: boolean | 'check'; skip?: boolean }[] = [
  { edit: 'a comment line appended', change: pump((t) => `${t}# edited\n`), replays: true },
  { edit: 'trailing whitespace in a linked function', change: pump((t) => t.replace('limit = 100\n', 'limit = 100   \n')), replays: true },
  { edit: 'a comment inside a linked function reworded', change: pump((t) => t.replace("to the pump's limit", 'to the limit of the pump')), replays: true },
  { edit: 'a comment appended to the untagged file', change: (r) => edit(r, 'src/plain.py', (t) => `${t}# note\n`), replays: true },
  { edit: 'a comment appended to a test file', change: (r) => edit(r, 'tests/test_pump.py', (t) => `${t}# note\n`), replays: true },
  { edit: 'a blank line appended to a C file', change: (r) => edit(r, 'src/alarm.c', (t) => `${t}\n`), replays: true },
  // No review lock: nothing the commands print depends on a fingerprint (stored as fingerprint-free).
  { edit: 'a C function body changed', change: (r) => edit(r, 'src/alarm.c', (t) => t.replace('level + 1', 'level + 2')), replays: true },
  { edit: 'a linked function body line made shorter', change: pump((t) => t.replace('limit = 100', 'limit = 99')), replays: true },
  { edit: 'a linked function body line made longer', change: pump((t) => t.replace('limit = 100', 'limit = 100 * 2 - 100')), replays: true },
  { edit: 'a line inserted in a linked function body', change: pump((t) => t.replace('    limit = 100\n', '    limit = 100\n    limit += 1\n')), replays: 'check' },
  { edit: "a linked function's last line made longer", change: pump((t) => t.replace('return min(rate, limit)', 'return min(rate, limit, 1000)')), replays: 'check' },
  { edit: 'a tag ID changed', change: pump((t) => t.replace('GEN-REQ-2', 'GEN-REQ-4')), replays: false },
  { edit: 'a tag added', change: pump((t) => t.replace('def helper(x):\n', 'def helper(x):\n    # @spdf implements GEN-REQ-5\n')), replays: false },
  { edit: 'a tag removed', change: pump((t) => t.replace('    # @spdf implements GEN-REQ-2\n', '')), replays: false },
  { edit: 'a tag added to the untagged file', change: (r) => edit(r, 'src/plain.py', (t) => t.replace('):\n', '):\n    # @spdf implements GEN-REQ-5\n')), replays: false },
  { edit: 'a linked function renamed', change: pump((t) => t.replace('def stop()', 'def halt()')), replays: false },
  { edit: 'a line inserted above a function', change: pump((t) => t.replace('import math\n', 'import math\nimport os\n')), replays: 'check' },
  { edit: 'the file made binary', change: pump((t) => `${t}\0\n`), replays: false },
  { edit: 'the file grown past the size limit', change: pump((t) => `${t}#${' '.repeat(2 * 1024 * 1024)}\n`), replays: false },
  { edit: 'the file saved as UTF-16', change: (r) => writeFileSync(join(r, 'src/pump.py'), Buffer.from(`\ufeff${PUMP}`, 'utf16le')), replays: false },
  { edit: 'the file made unreadable', change: (r) => chmodSync(join(r, 'src/pump.py'), 0), replays: false, skip: ROOT_USER },
  { edit: 'the file replaced by a link to nothing', change: (r) => (rmSync(join(r, 'src/pump.py')), symlinkSync(join(r, 'missing.py'), join(r, 'src/pump.py'))), replays: false },
  { edit: 'the file deleted', change: (r) => rmSync(join(r, 'src/pump.py')), replays: false },
  { edit: 'the file renamed', change: (r) => renameSync(join(r, 'src/pump.py'), join(r, 'src/pump2.py')), replays: false },
  { edit: 'the file ignored', change: (r) => writeFileSync(join(r, '.gitignore'), 'src/pump.py\n'), replays: false },
  { edit: 'its language changed', change: (r) => renameSync(join(r, 'src/pump.py'), join(r, 'src/pump.rb')), replays: false },
];

const COMMANDS = [
  ['check', '--format', 'json', '--fail-on-status', 'MISSING'],
  ['links', '--format', 'json'],
  ['trace', '--format', 'json'],
];

describe('a changed source file whose code index is the same replays the stored answer (check, links, trace)', () => {
  before(async function () {
    this.timeout(60_000);
    await loadCommandModules(COMMANDS);
  });

  for (const e of EDITS) {
    it(`${e.edit}: ${e.replays === 'check' ? 'replayed by check only' : e.replays ? 'replayed' : 'a miss'}, with the answer of an uncached run`, async function () {
      if (e.skip) this.skip();
      this.timeout(60_000);
      const root = derivedWorkspace();
      const cache = ['--cache-location', mkdtempSync(join(tmpdir(), 'spdf-derived-'))];
      const before: string[] = [];
      for (const args of COMMANDS) {
        const first = await runBinary([...args, ...cache], root);
        assert.ok(first.stats.hit === false && first.stats.notStored === undefined, `spdf ${args[0]}: the first run was stored (${first.stats.notStored})`);
        before.push(first.out);
      }
      e.change(root);
      for (const [i, args] of COMMANDS.entries()) {
        const after = await runBinary([...args, ...cache], root);
        const uncached = await runBinary([...args, '--no-cache'], root);
        assert.equal(after.out, uncached.out, `spdf ${args[0]}: the answer is the uncached answer of the edited workspace`);
        if (e.replays === true || (e.replays === 'check' && args[0] === 'check')) {
          assert.deepEqual(after.stats, { hit: true, rederived: 1 }, `spdf ${args[0]}: replayed, the file's index proven the same`);
          assert.equal(after.out, before[i], `spdf ${args[0]}: the same answer as before`);
        } else assert.equal(after.stats.hit, false, `spdf ${args[0]}: a miss`);
      }
    });
  }
});

describe('a changed source file is replayed only on a proof', () => {
  const CHECK = COMMANDS[0];
  const appended = (n: number) => pump((t) => `${t}# edit ${n}\n`);

  it('edit after edit, each is replayed: the index digest proven once is kept for the next', async function () {
    this.timeout(60_000);
    const root = derivedWorkspace();
    const args = [...CHECK, '--cache-location', mkdtempSync(join(tmpdir(), 'spdf-derived-'))];
    const first = await runBinary(args, root);
    for (let n = 1; n <= 3; n++) {
      appended(n)(root);
      const after = await runBinary(args, root);
      assert.deepEqual(after.stats, { hit: true, rederived: 1 }, `edit ${n}`);
      assert.equal(after.out, first.out);
    }
    assert.deepEqual((await runBinary(args, root)).stats, { hit: true }, 'then the new bytes are a plain hit');
  });

  for (const damage of ['deleted', 'corrupt'] as const) {
    it(`a code-index cache ${damage === 'deleted' ? 'deleted' : 'shard damaged'} after the answer was stored: the old index is unknown, a miss`, async function () {
      this.timeout(60_000);
      const root = derivedWorkspace();
      const cache = mkdtempSync(join(tmpdir(), 'spdf-derived-'));
      const args = [...CHECK, '--cache-location', cache];
      await runBinary(args, root);
      const shards = readdirSync(cache, { recursive: true, encoding: 'utf8' }).filter((f) => /^codelinks-v\d+[\\/]\d+\.json$/.test(f));
      assert.ok(shards.length > 0, 'the run wrote code-index shards');
      for (const shard of shards)
        if (damage === 'deleted') rmSync(join(cache, shard));
        else writeFileSync(join(cache, shard), readFileSync(join(cache, shard), 'utf8').replace('GEN-REQ', 'GEN-REX'));
      appended(1)(root);
      const after = await runBinary(args, root);
      assert.equal(after.stats.hit, false);
      assert.equal(after.out, (await runBinary([...CHECK, '--no-cache'], root)).out);
    });
  }

  it('spdf lint reads source files for more than their index: a changed one is a miss', async function () {
    this.timeout(60_000);
    const root = derivedWorkspace();
    const args = ['lint', '--format', 'json', '--cache-location', mkdtempSync(join(tmpdir(), 'spdf-derived-'))];
    assert.equal((await runBinary(args, root)).stats.notStored, undefined);
    appended(1)(root);
    assert.equal((await runBinary(args, root)).stats.hit, false);
  });
});
