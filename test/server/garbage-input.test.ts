// @spdf verifies SPDF-FC-FRAME
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { exitOf } from '../support/wait';

const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');

/** Starts the built server over stdio, writes `input`, resolves with its exit code and stderr. */
function run(input: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  child.stdin.write(input);
  return exitOf(child, `the server given ${JSON.stringify(input.slice(0, 40))}`, 10000).then(([code]) => ({ code, stderr }));
}

describe('language server: unreadable input from the client', function () {
  this.timeout(20000);

  for (const [what, input] of [
    ['a garbage Content-Length', 'Content-Length: abc\r\n\r\n{}'],
    ['a header without Content-Length', 'Content-Type: x\r\n\r\n{}'],
    ['a body that is not JSON', 'Content-Length: 5\r\n\r\n{{{{{'],
    ['an absurd Content-Length (the server would wait for 100 GB forever)', 'Content-Length: 99999999999\r\n\r\n{}'],
  ])
    it(`logs and exits with 1 on ${what} (the client then restarts it), instead of never answering again`, async () => {
      const r = await run(input);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /unreadable message from the client/);
    });
});
