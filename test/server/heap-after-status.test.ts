// @spdf verifies SPDF-LSP-HEAP
import assert from 'node:assert/strict';
import { HeapCollector } from '../../src/server/heap-collector';
import { recordCompleteStatusWritten, startHarness, until, type Harness } from './harness';
import { FILES } from './fixture';

/** The full collection after indexing (hundreds of ms on a large workspace) is no part of the wait for the complete status. */
describe('language server: the collection after indexing', function () {
  this.timeout(30000);
  let h: Harness;
  const events: string[] = [];
  before(async () => {
    h = await startHarness(FILES, {
      server: {
        heap: new HeapCollector(
          96 * 1024 * 1024,
          () => events.push('full collection'),
          () => 0,
        ),
      },
      serverConnection: recordCompleteStatusWritten(events),
    });
    await until('the collection after indexing', () => events.includes('full collection') && events.includes('complete status written'));
  });
  after(async () => h.close());

  it('runs once the complete status is written', () => {
    assert.deepEqual(events.slice(0, 2), ['complete status written', 'full collection']);
  });
});
