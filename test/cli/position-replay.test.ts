// @spdf verifies SPDF-FC-RESULT-REINDEX
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRACE_FORMATS } from '../../src/cli/commands/trace';
import { derivedWorkspace, loadCommandModules, runBinary } from '../support/derived-replay';

const edit = (root: string, file: string, change: (text: string) => string) => writeFileSync(join(root, file), change(readFileSync(join(root, file), 'utf8')));
const pump = (change: (text: string) => string) => (root: string) => edit(root, 'src/pump.py', change);
const review = async (root: string, ...ids: string[]) => assert.equal((await runBinary(['review', ...ids, '--reviewer', 'r'], root)).out.split('\n')[0], 'exit 0');

/** Every format of the commands replayed over a changed source file (not xlsx: it needs -o; not reqif: it reads the clock). */
const COMMANDS = [
  ...['human', 'json'].map((f) => ['check', '--format', f, '--fail-on-status', 'MISSING']),
  ...['human', 'json'].map((f) => ['links', '--format', f]),
  ...TRACE_FORMATS.filter((f) => f !== 'xlsx' && f !== 'reqif').map((f) => ['trace', '--format', f]),
];
const name = (args: readonly string[]) => `${args[0]} ${args[2]}`;
/** check prints no position of src/pump.py (its offenders are uncovered requirements); links and trace print every link's line. */
const PRINTS_NO_POSITION_OF_PUMP = new Set(['check human', 'check json']);

const TRACES = new Set(COMMANDS.filter((c) => c[0] === 'trace').map(name));

/** A file with a tag naming an unknown ID: check prints that offender at its line. */
const UNKNOWN = 'def probe():\n    # @spdf implements GEN-REQ-99\n    return 1\n';

const EDITS: { edit: string; file?: string; change: (root: string) => void; replaysIn: ReadonlySet<string> }[] = [
  { edit: 'a line added inside a linked function', change: pump((t) => t.replace('    limit = 100\n', '    limit = 100\n    limit += 1\n')), replaysIn: PRINTS_NO_POSITION_OF_PUMP },
  { edit: 'a line removed above the linked functions', change: pump((t) => t.replace('import math\n\n', 'import math\n')), replaysIn: PRINTS_NO_POSITION_OF_PUMP },
  { edit: 'a blank line inserted above a linked function', change: pump((t) => t.replace('\ndef stop', '\n\ndef stop')), replaysIn: PRINTS_NO_POSITION_OF_PUMP },
  { edit: 'a line added to a linked C function', change: (r) => edit(r, 'src/alarm.c', (t) => t.replace('    return', '    level++;\n    return')), replaysIn: PRINTS_NO_POSITION_OF_PUMP },
  // Index-time decisions stay compared: which symbol a tag attaches to, the order of items.
  {
    edit: 'a tag moved from one function to another',
    change: pump((t) => t.replace('    # @spdf implements GEN-REQ-2\n', '').replace('def helper(x):\n', 'def helper(x):\n    # @spdf implements GEN-REQ-2\n')),
    replaysIn: new Set(),
  },
  {
    edit: 'two functions swapped',
    change: pump((t) => t.replace(/def stop\(\):\n(?:.+\n)+\n\ndef helper\(x\):\n.+\n/, 'def helper(x):\n    return x * 2\n\n\ndef stop():\n    # @spdf implements GEN-REQ-2\n    return 0\n')),
    replaysIn: new Set(),
  },
  // check and links print this file's offender or tag at its line: the line moves, so their stored answers do not
  // hold. trace prints no position of it (its one link names no item of the model).
  { edit: 'a line inserted above a tag naming an unknown ID', file: 'src/unknown.py', change: (r) => edit(r, 'src/unknown.py', (t) => `import os\n${t}`), replaysIn: TRACES },
];

/** The workspace of the replay tests with a file whose tag names an unknown ID. */
function workspace(): string {
  const root = derivedWorkspace();
  writeFileSync(join(root, 'src/unknown.py'), UNKNOWN);
  return root;
}

/** Stores each command's answer (a cache per command, so no run answers from another's findings), edits, and runs each again. */
async function storedThenEdited(root: string, change: (root: string) => void) {
  const caches = COMMANDS.map(() => ['--cache-location', mkdtempSync(join(tmpdir(), 'spdf-pos-'))]);
  const before: string[] = [];
  for (const [i, args] of COMMANDS.entries()) {
    const first = await runBinary([...args, ...caches[i]], root);
    assert.ok(first.stats.hit === false && first.stats.notStored === undefined, `spdf ${name(args)}: the first run was stored (${first.stats.notStored})`);
    before.push(first.out);
  }
  change(root);
  const results = [];
  for (const [i, args] of COMMANDS.entries()) {
    const after = await runBinary([...args, ...caches[i]], root);
    const uncached = await runBinary([...args, '--no-cache'], root);
    assert.equal(after.out, uncached.out, `spdf ${name(args)}: the answer is the uncached answer of the edited workspace`);
    results.push({ args, before: before[i], after });
  }
  return results;
}

describe('positions moved in a source file: replayed only when the stored answer read none of its positions', () => {
  before(async function () {
    this.timeout(60_000);
    await loadCommandModules(COMMANDS);
  });

  for (const e of EDITS) {
    it(`${e.edit}: replayed by ${[...e.replaysIn].join(', ') || 'no command'}, a miss elsewhere, each the answer of an uncached run`, async function () {
      this.timeout(120_000);
      const root = workspace();
      const replayed: string[] = [];
      for (const { args, before, after } of await storedThenEdited(root, e.change)) {
        if (after.stats.hit) {
          replayed.push(name(args));
          assert.deepEqual(after.stats, { hit: true, rederived: 1 }, `spdf ${name(args)}: replayed`);
          assert.equal(after.out, before, `spdf ${name(args)}: the same answer as before`);
        }
        if (e.file === 'src/unknown.py' && args[0] === 'check') {
          const at = (line: number) => new RegExp(`src/unknown\\.py(?::${line}:|",\\s+"line": ${line},)`);
          assert.match(before, at(2), `spdf ${name(args)} printed the offender's line`);
          assert.match(after.out, at(3), `spdf ${name(args)}: the printed line moved`);
        }
      }
      assert.deepEqual(replayed, [...e.replaysIn], 'the commands replayed');
    });
  }

  // A lock naming a link of the file: its fingerprints count; a move of positions alone keeps every fingerprint.
  const LOCKED: { edit: string; change: (root: string) => void; checkReplays: boolean }[] = [
    { edit: 'a blank line inserted above the reviewed function', change: pump((t) => t.replace('import math\n', 'import math\n\n')), checkReplays: true },
    { edit: 'a line added inside the reviewed function (its fingerprint changes)', change: pump((t) => t.replace('    limit = 100\n', '    limit = 100\n    limit += 1\n')), checkReplays: false },
    { edit: 'a blank line inserted above another reviewed function', change: pump((t) => t.replace('\ndef stop', '\n\ndef stop')), checkReplays: true },
  ];
  for (const l of LOCKED) {
    it(`with a review lock naming links of the file, ${l.edit}: check ${l.checkReplays ? 'replays' : 'misses'}, each the answer of an uncached run`, async function () {
      this.timeout(120_000);
      const root = workspace();
      await review(root, 'GEN-REQ-1', 'GEN-REQ-2');
      for (const { args, after } of await storedThenEdited(root, l.change))
        if (l.checkReplays && PRINTS_NO_POSITION_OF_PUMP.has(name(args))) assert.deepEqual(after.stats, { hit: true, rederived: 1 }, `spdf ${name(args)}: replayed`);
        else assert.equal(after.stats.hit, false, `spdf ${name(args)}: a miss`);
    });
  }

  // Findings of code rules a cache kept count as their file's positions read, unless the run that computed them
  // watched the file and saw the rule find nothing in it without reading a position.
  const FINDINGS: { first: string[]; replays: boolean; why: string }[] = [
    { first: COMMANDS[0], replays: true, why: 'another check computed them, reading no position of the file' },
    { first: ['lint', '--format', 'json'], replays: false, why: 'spdf lint computed them (it watches no position)' },
  ];
  for (const f of FINDINGS) {
    it(`a check answered from its findings cache, when ${f.why}: ${f.replays ? 'replayed' : 'a miss'}`, async function () {
      this.timeout(60_000);
      const root = workspace();
      const cache = ['--cache-location', mkdtempSync(join(tmpdir(), 'spdf-pos-'))];
      await runBinary([...f.first, ...cache], root);
      const stored = await runBinary([...COMMANDS[1], ...cache], root);
      assert.equal(stored.stats.notStored, undefined);
      EDITS[0].change(root);
      const after = await runBinary([...COMMANDS[1], ...cache], root);
      assert.equal(after.stats.hit, f.replays);
      if (f.replays) assert.equal(after.stats.rederived, 1);
      assert.equal(after.out, (await runBinary([...COMMANDS[1], '--no-cache'], root)).out);
    });
  }
});
