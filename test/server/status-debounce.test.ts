// @spdf verifies SPDF-LSP-DIAG
import assert from 'node:assert/strict';
import { mock } from 'node:test';
import type { ServerSession } from '../../src/server/session';
import { StatusReporter } from '../../src/server/status';

/** The status (and the coverage pass behind it) waits until edits pause: one status per burst, 300 ms after its last check. */
describe('language server: status after a burst of checks', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
  afterEach(() => mock.timers.reset());

  it('is sent once, 300 ms after the last check of a burst, not between two checks', () => {
    const sent: unknown[] = [];
    const session = { disposed: false, trusted: true, roots: [], paths: undefined, connection: { sendNotification: (_t: unknown, s: unknown) => (sent.push(s), Promise.resolve()) } };
    const status = new StatusReporter(session as unknown as ServerSession);
    for (let i = 0; i < 5; i++) {
      status.soon();
      mock.timers.tick(250);
    }
    assert.equal(sent.length, 0, 'no status while the checks keep coming');
    mock.timers.tick(49);
    assert.equal(sent.length, 0);
    mock.timers.tick(1);
    assert.equal(sent.length, 1);
    mock.timers.tick(1000);
    assert.equal(sent.length, 1);
  });
});
