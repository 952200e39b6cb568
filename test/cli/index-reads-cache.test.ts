// @spdf verifies SPDF-ENG-003, SPDF-FC-NOLANG
/**
 * The code index reads each source file once: it records a file's suppression comments with its index, and tells a
 * script without an extension by its first two bytes. Both must change a cached result as they change the file: a
 * suppression added or removed, or `#!` made something else, between two runs with warm caches.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCommandModules, runBinary } from '../support/derived-replay';
import { tempWorkspace } from '../support/cli';

const MODEL = 'requirements:\n  - id: SEC-REQ-001\n    title: Signed commands\n    text: Commands are signed.\n    verification: [test]\n';
const CONFIG = 'version: 1\nprofile: recommended\nrules: { RQ001: off, RQ002: off, RQ003: off }\n';

/** The same lines either way (no position moves): only the comment above a misspelt tag (CL008) differs. */
const source = (comment: string) => `int f(void)\n{\n    ${comment}\n    // @spdf implement SEC-REQ-001\n    return 0;\n}\n`;
const SUPPRESSED = source('// spdf-disable-next-line CL008 -- the syntax quoted, reviewed');
const PLAIN = source('// the syntax quoted, reviewed');

const script = (first: string) => `${first}/bin/sh\n# flash the pump\n# @spdf implements SEC-REQ-001\nexit 0\n`;

/**
 * check first: it replays an answer when a changed file's index is proven the same as the one the code-index cache
 * holds for the old bytes, which a run of lint (whose answers count every byte) would replace first.
 */
const COMMANDS = [
  ['check', '--format', 'json', '--fail-on-status', 'MISSING'],
  ['lint', '--format', 'json'],
];

/** Each command through the whole-result and code-index caches in `cache`, checked against an uncached run. */
async function cachedOutputs(root: string, cache: string): Promise<string[]> {
  const out: string[] = [];
  for (const args of COMMANDS) {
    const warm = await runBinary([...args, '--cache-location', cache], root);
    const uncached = await runBinary([...args, '--no-cache'], root);
    assert.equal(warm.out, uncached.out, `spdf ${args[0]}: the cached answer is the uncached one`);
    out.push(warm.out);
  }
  return out;
}

/** Per state, what the output of each command (by name; '*' for every one) shows and does not show. */
type Expect = Record<string, { shows?: RegExp; hides?: RegExp }>;
const REPORTED: Expect = { lint: { shows: /"code": "CL008"/, hides: /"justification"/ }, check: { shows: /"code": "CL008"/ } };
const SILENCED: Expect = { lint: { shows: /"justification": "the syntax quoted, reviewed"/ }, check: { hides: /CL008/ } };
const SCRIPT: Expect = { check: { shows: /tools\/flash/ } };
const NO_SCRIPT: Expect = { '*': { hides: /tools\/flash/ } };

const STEPS: { name: string; file: string; states: [text: string, expect: Expect][] }[] = [
  {
    name: 'a suppression comment added, removed and added again',
    file: 'src/a.c',
    states: [
      [PLAIN, REPORTED],
      [SUPPRESSED, SILENCED],
      [PLAIN, REPORTED],
      [SUPPRESSED, SILENCED],
    ],
  },
  {
    name: "a script's #! made something else and back",
    file: 'tools/flash',
    states: [
      [script('#!'), SCRIPT],
      [script('# '), NO_SCRIPT],
      [script('#!'), SCRIPT],
      [script('# '), NO_SCRIPT],
    ],
  },
];

describe('what the code index records of a file changes a cached result as the file changes', () => {
  before(async function () {
    this.timeout(60_000);
    await loadCommandModules(COMMANDS);
  });

  for (const step of STEPS) {
    it(`${step.name}: each warm run answers as an uncached run of the file as it is`, async function () {
      this.timeout(120_000);
      const root = tempWorkspace({ 'spdf.config.yaml': CONFIG, 'model.spdf.yaml': MODEL, 'src/a.c': PLAIN, 'tools/README.md': 'Tools.\n' });
      const cache = mkdtempSync(join(tmpdir(), 'spdf-index-reads-'));
      for (const [n, [text, expect]] of step.states.entries()) {
        writeFileSync(join(root, step.file), text);
        const outputs = await cachedOutputs(root, cache);
        for (const [i, out] of outputs.entries()) {
          const command = COMMANDS[i][0];
          for (const { shows, hides } of [expect[command] ?? {}, expect['*'] ?? {}]) {
            if (shows) assert.match(out, shows, `state ${n}, spdf ${command}`);
            if (hides) assert.doesNotMatch(out, hides, `state ${n}, spdf ${command}`);
          }
        }
        for (const args of COMMANDS) {
          const again = await runBinary([...args, '--cache-location', cache], root);
          assert.equal(again.stats.hit, true, `state ${n}, spdf ${args[0]}: the unchanged workspace is answered from the cache`);
        }
      }
    });
  }
});
