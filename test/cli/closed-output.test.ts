// @spdf verifies SPDF-CLI-003
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { failClosedStreams } from '../../src/cli/output-streams';
import { tempWorkspace } from '../support/cli';

const DIST = join(__dirname, '..', '..', 'dist');
const FILES = {
  'spdf.config.yaml': 'version: 1\n',
  'm.spdf.yaml': 'requirements:\n  - id: REQ-1\n    title: Signed commands\n    text: The pump shall verify signatures.\n    verification: [inspection]\n',
};

/** Runs the built CLI with its stdout pipe closed before it writes a byte (as `spdf check | head -c 0` would). */
function runWithClosedStdout(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(DIST, 'cli.js'), ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** Each of these exits 0 with its stdout read (a passing gate, clean links): a closed stdout made a stack trace and exit 1. */
const PASSING: string[][] = [
  ['check', '--allow-errors', '--min-coverage', '0'],
  ['check', '--allow-errors', '--min-coverage', '0', '--format', 'json'],
  ['links', '--format', 'json'],
];

describe('an output that cannot be written fails the run (exit 2, one line, no PASS)', () => {
  for (const args of PASSING)
    for (const cache of [['--no-cache'], []])
      it(`spdf ${[...args, ...cache].join(' ')} with stdout closed`, async function () {
        this.timeout(60_000);
        const root = tempWorkspace(FILES);
        // Twice: with the result cache on, the second run replays a stored answer into the closed pipe.
        for (let round = 0; round < (cache.length ? 1 : 2); round++) {
          const r = await runWithClosedStdout([...args, ...cache], root);
          assert.equal(r.code, 2, r.stderr);
          assert.match(r.stderr, /^spdf: cannot write the output \(EPIPE\): the answer is incomplete/m);
          assert.doesNotMatch(r.stderr, /^\s+at |Unhandled|PASS/m);
        }
      });

  it('a full disk (ENOSPC) on stdout: one line on stderr, the run marked failed, later lines dropped', async () => {
    let writes = 0;
    const full = new Writable({ write: (_c, _e, done) => (writes++, done(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }))) });
    const errLines: string[] = [];
    const err = new Writable({ write: (c: Buffer, _e, done) => (errLines.push(c.toString()), done()) });
    let failures = 0;
    const streams = failClosedStreams(full, err, () => failures++);
    streams.out('spdf check: PASS');
    await new Promise((r) => setImmediate(r));
    streams.out('more');
    await new Promise((r) => setImmediate(r));
    assert.equal(streams.failed(), true);
    assert.equal(failures, 1);
    assert.equal(writes, 1);
    assert.deepEqual(errLines, ['spdf: cannot write the output (ENOSPC): the answer is incomplete, so the run fails (exit 2)\n']);
  });
});
