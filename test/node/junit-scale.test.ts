// @spdf verifies SPDF-TRC-003
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { parseJUnit, readTestResults } from '../../src/node/junit';
import { tempWorkspace } from '../support/cli';

/** `n` test cases on one line, every 10th failing. */
function oneLineJUnit(n: number): string {
  const parts = ['<?xml version="1.0"?><testsuites><testsuite name="big">'];
  for (let i = 0; i < n; i++) parts.push(i % 10 === 0 ? `<testcase classname="a.B${i % 7}" name="t${i}"><failure message="m${i}"/></testcase>` : `<testcase classname="a.B${i % 7}" name="t${i}"/>`);
  parts.push('</testsuite></testsuites>');
  return parts.join('');
}

describe('JUnit results at scale', function () {
  this.timeout(120000);

  it('reads 150k test cases on one line with the right counts, beside a malformed file reported at file:line:col', async () => {
    const n = 150_000;
    const root = tempWorkspace({
      'results/big.xml': oneLineJUnit(n),
      'results/broken.xml': '<testsuites>\n  <testsuite name="x">\n    <testcase name="a"></testsuit>\n</testsuites>\n',
      'results/small.xml': '<testsuite name="s">\n  <testcase classname="c.D" name="ok"/>\n</testsuite>\n',
    });
    try {
      const r = await readTestResults(root, ['results/*.xml']);
      assert.deepEqual(r.files, ['results/big.xml', 'results/broken.xml', 'results/small.xml']);
      assert.equal(r.cases.length, n + 1);
      assert.equal(r.cases.filter((c) => c.outcome === 'fail').length, n / 10);
      assert.deepEqual(
        r.cases.slice(0, n).filter((c) => c.file !== 'results/big.xml' || c.line !== 1),
        [],
        'every case of big.xml is at its line 1',
      );
      assert.deepEqual(r.cases[n], { classname: 'c.D', name: 'ok', outcome: 'pass', file: 'results/small.xml', line: 2 });
      assert.equal(r.problems.length, 1, JSON.stringify(r.problems));
      assert.deepEqual([r.problems[0].file, r.problems[0].line], ['results/broken.xml', 3]);
      assert.ok(r.problems[0].column > 1, JSON.stringify(r.problems[0]));
      assert.match(r.problems[0].message, /broken JUnit XML/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('counts lines across multi-line comments and CDATA sections', () => {
    const text = '<testsuite name="s">\n<!-- a\n<testcase name="no"/>\nb -->\n<testcase name="x"><system-out><![CDATA[\n\n]]></system-out></testcase>\n<testcase name="y"/>\n</testsuite>';
    assert.deepEqual(
      parseJUnit('c.xml', text).cases.map((c) => [c.name, c.line]),
      [
        ['x', 5],
        ['y', 8],
      ],
    );
  });
});
