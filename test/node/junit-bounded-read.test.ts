// @spdf verifies SPDF-FC-RESULTS
import assert from 'node:assert/strict';
import { promises as fsp, rmSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_JUNIT_BYTES, readTestResults } from '../../src/node/junit';
import { tempWorkspace } from '../support/cli';

const PASSING = '<testsuite name="s"><testcase classname="a.B" name="passes"/></testsuite>\n';

describe('JUnit results are read with the size bound, not after a stat', function () {
  this.timeout(120_000);

  it('a report that grew past the limit after it was looked at is skipped as too large, its passes not counted', async () => {
    // Valid XML over the limit: the passing case, then trailing white space.
    const root = tempWorkspace({ 'results/grown.xml': PASSING + ' '.repeat(MAX_JUNIT_BYTES) });
    const file = join(root, 'results/grown.xml');
    // A stat taken before the file grew (a test run still writing it) saw it small: stat answers as it did then.
    const stat = fsp.stat;
    fsp.stat = (async (p: Parameters<typeof stat>[0], o?: Parameters<typeof stat>[1]) => {
      const s = await stat(p, o);
      return String(p) === file ? Object.assign(s, { size: PASSING.length }) : s;
    }) as typeof stat;
    try {
      const r = await readTestResults(root, ['results/*.xml']);
      assert.deepEqual(r.cases, []);
      assert.deepEqual(
        r.problems.map((p) => [p.file, p.message]),
        [['results/grown.xml', `test result file is larger than ${MAX_JUNIT_BYTES} bytes; skipped`]],
      );
    } finally {
      fsp.stat = stat;
      rmSync(root, { recursive: true, force: true });
    }
  });
});
